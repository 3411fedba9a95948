// `caseproof due --all [--staff REF] [--days N] [--as-of DATE] [--json]`: the to-do list the
// app's To do page and staff profile show (services/staffEvidence/todo.ts), in their words
// (contract/todo.ts): everything not met, missing evidence included, then what is due within
// N days (default: the firm's warning window, as in the app).
import { todoLine } from '../../contract/todo';
import { ukDate } from '../../contract/dates';
import { firmTodo, staffTodo } from '../../services/staffEvidence/todo';
import { UsageError } from '../io';
import { asOfArg, out, withVault, type Args } from '../shared';

export async function dueAll(a: Args): Promise<void> {
  const daysArg = a.values.days;
  if (daysArg !== undefined && (!/^\d+$/.test(daysArg) || Number(daysArg) > 3650)) {
    throw new UsageError(`--days must be a whole number of days from 0 to 3650 (got ${daysArg}).`);
  }
  const days = daysArg === undefined ? undefined : Number(daysArg);
  const staffRef = a.values.staff;
  if (staffRef !== undefined && a.values['as-of'] !== undefined)
    throw new UsageError("--as-of cannot be used with --staff: a person's to-do list is as of today.");
  const asOf = a.values['as-of'] === undefined ? undefined : asOfArg(a);
  await withVault(a, (ctx) => {
    const v = staffRef === undefined ? firmTodo(ctx, { days, asOf }) : staffTodo(ctx, staffRef, { days });
    if (a.values.json) return out(JSON.stringify(v, null, 1));
    const whose = staffRef === undefined ? '' : ` for ${v.items[0]?.name ?? staffRef}`;
    if (!v.total) return out(`Nothing to do${whose}: everything is met and nothing lapses in the ${v.days} days from ${ukDate(v.asOf)}.`);
    out(`To do${whose} as of ${ukDate(v.asOf)}: ${v.notMet} not met, ${v.due} due within ${v.days} days.`);
    for (const i of v.items) out(`  ${todoLine(i, v.firmName)}  [${i.subject === 'firm' ? 'firm' : `${i.subject} ${i.ref}`}, ${i.rule}]`);
  });
}
