// What lapses soon, for the dashboard: the engine's due list over the firm's warning
// window (Settings → Rule settings) unless a number of days is given.
import type { DueView } from '../../contract/ops/evidence';
import type { Ctx } from '../context';
import { dueList, evaluate } from '../compliance/engine';
import { loadSnapshot } from '../snapshot';
import { dueCalendar } from './ics';
import { firmReport } from '../views/firmModel';

export function dueItems(ctx: Ctx, opts: { days?: number; asOf?: string } = {}): DueView {
  const asOf = opts.asOf ?? ctx.clock.today();
  // On the firm model (views/firmModel.ts): the Dashboard's work, reused.
  const { model, report } = firmReport(ctx, asOf, opts.asOf === undefined ? ctx.clock.now() : undefined);
  const days = opts.days ?? model.snapshot.firm.settings.warningDays;
  return { asOf, days, items: dueList(report, asOf, days, model.snapshot) };
}

/** The due-date calendar of the vault (see ics.ts). */
export function vaultCalendar(ctx: Ctx, opts: { days?: number; asOf?: string; now?: Date } = {}): { ics: string; events: number } {
  const snapshot = loadSnapshot(ctx);
  const asOf = opts.asOf ?? ctx.clock.today();
  return dueCalendar(evaluate(snapshot, asOf), { firmName: snapshot.firm.name, asOf, days: opts.days, now: opts.now ?? ctx.clock.now() });
}
