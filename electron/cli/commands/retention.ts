// `caseproof retention --vault V [--as-of D] [--json] [--delete]`: closed cases kept longer
// than the firm's retention period (default 7 years after closing). Lists them; with
// --delete, deletes exactly those cases (with their instructions and handovers) and says
// which. Closed cases with no closing date are listed but never deleted from here.
import { ukDate } from '../../contract/dates';
import { clockFromEnv } from '../../services/clock';
import { casesPastRetention, deletePastRetention } from '../../services/cases/retention';
import { UsageError } from '../io';
import { asOfArg, out, withVault, type Command } from '../shared';

export const retention: Command = async (a) => {
  const asOf = asOfArg(a);
  if (a.values.delete && asOf > clockFromEnv().today()) throw new UsageError('--delete cannot be combined with an --as-of date in the future.');
  await withVault(a, (ctx) => {
    const list = casesPastRetention(ctx, asOf);
    const deleted = a.values.delete ? deletePastRetention(ctx, asOf).map((r) => r.ref) : [];
    if (a.values.json) return out(JSON.stringify({ ...list, deleted }, null, 1));
    const line = (r: (typeof list.due)[number]) =>
      `  ${r.ref.padEnd(12)} ${r.closedOn ? `closed ${ukDate(r.closedOn)}, kept until ${ukDate(r.keepUntil)}` : 'closed, no closing date recorded'}; ${r.caseManagerName}; ${r.party}`;
    if (list.due.length === 0) out(`No closed case is past the ${list.years}-year retention period on ${ukDate(asOf)}.`);
    else {
      out(`${list.due.length} closed case${list.due.length === 1 ? ' is' : 's are'} past the ${list.years}-year retention period on ${ukDate(asOf)}:`);
      for (const r of list.due) out(line(r));
    }
    if (list.undated.length) {
      out(
        `${list.undated.length} closed case${list.undated.length === 1 ? ' has' : 's have'} no closing date, so the period cannot be worked out (add the date in the app):`,
      );
      for (const r of list.undated) out(line(r));
    }
    if (a.values.delete)
      out(deleted.length ? `Deleted ${deleted.length} case${deleted.length === 1 ? '' : 's'}: ${deleted.join(', ')}.` : 'Nothing was deleted.');
    else if (list.due.length) out('Review them, then delete them in the app (Cases → Retention) or run this command again with --delete.');
  });
};
