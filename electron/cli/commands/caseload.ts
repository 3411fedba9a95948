// `caseproof caseload --vault V [--staff REF] [--as-of D] [--json]`: caseload figures
// (MTSP Practitioner H, Organisation G) for one case manager, or the firm with a line per
// case manager.
import { STATUS_WORDS } from '../../contract/compliance';
import { ukDate } from '../../contract/dates';
import { REF_RE } from '../../contract/model';
import { caseloadView } from '../../services/cases/figures';
import { UsageError } from '../io';
import { asOfArg, out, withVault, type Command } from '../shared';

const counts = (m: Record<string, number>) =>
  Object.entries(m)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([k, n]) => `${k} ${n}`)
    .join(', ') || 'none';

export const caseload: Command = async (a) => {
  const asOf = asOfArg(a);
  const staffRef = a.values.staff;
  if (staffRef !== undefined && !REF_RE.test(staffRef)) throw new UsageError(`--staff must be a staff reference such as RR-01 (got ${staffRef}).`);
  await withVault(a, (ctx) => {
    const v = caseloadView(ctx, asOf, staffRef);
    if (a.values.json) return out(JSON.stringify(v, null, 1));
    const f = v.figures;
    out(`Caseload of ${v.name}${v.ref ? ` (${v.ref})` : ''} on ${ukDate(asOf)}`);
    out(v.sentence);
    out(`${v.reason} (${STATUS_WORDS[v.status]})`);
    out(`Referrals not yet open: ${f.referral}`);
    out(`By injury: ${counts(f.byInjury)}`);
    out(`By funding route: ${counts(f.byFunding)}`);
    out(`By instructing party: ${counts(f.byParty)}`);
    if (v.managers.length) {
      out('Case managers:');
      for (const m of v.managers) {
        const per = m.figures.perWorkingDay === null ? 'per day not known' : `${m.figures.perWorkingDay} per working day`;
        out(`  ${m.ref.padEnd(10)} ${m.name.padEnd(24)} ${m.sentence} (${per}; ${STATUS_WORDS[m.status]})`);
      }
    }
  });
};
