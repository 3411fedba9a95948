// `caseproof due --vault PATH --ics FILE [--days N] [--as-of DATE] [--json]`: writes every
// due date as an iCalendar file (one all-day event per rule result with a change date).
// Without --days, every future date; with it, only the dates within N days of as-of.
import { ukDate } from '../../contract/dates';
import { vaultCalendar } from '../../services/staffEvidence/due';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { CliFailure, UsageError } from '../io';
import { asOfArg, need, out, withVault, writeAtomic, type Args } from '../shared';

export async function dueCalendar(a: Args): Promise<void> {
  const file = need(a.values.ics, 'ics');
  const asOf = asOfArg(a);
  const daysArg = a.values.days;
  if (daysArg !== undefined && (!/^\d+$/.test(daysArg) || Number(daysArg) > 3650)) {
    throw new UsageError(`--days must be a whole number of days from 0 to 3650 (got ${daysArg}).`);
  }
  const days = daysArg === undefined ? undefined : Number(daysArg);
  const folder = path.dirname(path.resolve(file));
  if (!existsSync(folder)) throw new CliFailure(`There is no folder ${folder} to write ${path.basename(file)} into.`);
  await withVault(a, (ctx) => {
    const cal = vaultCalendar(ctx, { asOf, days });
    writeAtomic(a, file, cal.ics);
    if (a.values.json) return out(JSON.stringify({ asOf, days: days ?? null, file, events: cal.events }));
    const span = days === undefined ? `from ${ukDate(asOf)} on` : `within ${days} days of ${ukDate(asOf)}`;
    out(`Wrote ${cal.events} due date${cal.events === 1 ? '' : 's'} ${span} to ${file}.`);
  });
}
