// The reminder shown on unlock and once a day while the app is open: a short summary of
// what lapses in the next 30 days. Pure: the caller decides how to show it.
import { ukDate } from '../contract/dates';
import type { Ctx } from './context';
import { dueList } from './compliance/engine';
import { firmReport } from './views/firmModel';
import { incidentClocks } from './cases/journey';

export const REMINDER_DAYS = 30;

export function reminderSummary(ctx: Ctx): { title: string; body: string } | null {
  const asOf = ctx.clock.today();
  // An incident whose 48 hours are running comes first: it cannot wait for the daily list.
  const clocks = incidentClocks(ctx);
  if (clocks.length) {
    const k = clocks[0]!;
    const more = clocks.length > 1 ? ` (and ${clocks.length - 1} more)` : '';
    return { title: `${clocks.length} incident${clocks.length === 1 ? '' : 's'} to report`, body: `Case ${k.caseRef}: ${k.words}${more}.` };
  }
  // The firm model the Dashboard uses (views/firmModel.ts): this check after unlock does the
  // work once, and the Dashboard opened next reuses it.
  const { model, report } = firmReport(ctx, asOf, ctx.clock.now());
  const items = dueList(report, asOf, REMINDER_DAYS, model.snapshot);
  if (!items.length) return null;
  const first = items[0];
  const who = first.name ?? first.ref;
  const more = items.length > 1 ? ` and ${items.length - 1} more` : '';
  return {
    title: `${items.length} item${items.length === 1 ? '' : 's'} lapse${items.length === 1 ? 's' : ''} in the next ${REMINDER_DAYS} days`,
    body: `First: ${who}, ${first.rule} on ${ukDate(first.changesOn)}${more}. Open Caseproof's dashboard for the list.`,
  };
}
