// `caseproof report mtsp --vault V [--from D] [--to D] [--json] [--out FILE.xlsx] [--force]`: the
// MTSP Model figures by instructing party (docs/spec/cli.md); --json prints exactly the spec's
// shape, --out writes the same figures as an XLSX workbook.
import { isIsoDate, pounds, ukDate } from '../../contract/dates';
import { mtspReport } from '../../services/reports/mtsp';
import { UsageError } from '../io';
import { out, withVault, writeAtomic, type Args, type Command } from '../shared';

function dateArg(a: Args, flag: 'from' | 'to'): string | undefined {
  const d = a.values[flag];
  if (d !== undefined && !isIsoDate(d)) throw new UsageError(`--${flag} must be a real date written as YYYY-MM-DD (got ${d}).`);
  return d;
}

const mix = (m: Record<string, number>, f: (n: number) => string = String) =>
  Object.entries(m)
    .sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))
    .map(([k, n]) => `${k} ${f(n)}`)
    .join(', ') || 'none';

export const report: Command = async (a) => {
  const which = a.positionals[0];
  if (which !== 'mtsp') throw new UsageError(`report needs the report's name: caseproof report mtsp --vault PATH (got ${which ?? 'nothing'}).`);
  const from = dateArg(a, 'from');
  const to = dateArg(a, 'to');
  if (from && to && from > to) throw new UsageError(`--from (${from}) must not be after --to (${to}).`);
  const dest = a.values.out;
  if (dest !== undefined && !/\.xlsx$/i.test(dest)) throw new UsageError(`--out must name an .xlsx file (got ${dest}).`);
  await withVault(a, async (ctx) => {
    const r = mtspReport(ctx, { from, to });
    if (dest) {
      const { mtspWorkbook } = await import('../../services/reports/mtspXlsx');
      writeAtomic(a, dest, await mtspWorkbook(r));
    }
    if (a.values.json) return out(JSON.stringify(r, null, 1));
    out(`MTSP Model report: cases referred or open from ${ukDate(r.from)} to ${ukDate(r.to)}`);
    if (r.byParty.length === 0) out('No case was referred or open in that period.');
    for (const p of r.byParty) {
      out(`${p.party} (${p.kind}): ${p.cases} case${p.cases === 1 ? '' : 's'}`);
      out(`  Injury mix: ${mix(p.injuries)}`);
      out(`  Rehabilitation spend: ${mix(p.spendGBP, pounds)}`);
      out(`  Median days from referral to settlement: ${p.medianDaysReferralToSettlement ?? 'no settled case with both dates'}`);
      out(`  Vocational outcomes: ${mix(p.vocational)}`);
      const f = p.feedback;
      out(
        `  Feedback: ${f.responses} response${f.responses === 1 ? '' : 's'}; case manager ${f.aboutCaseManager ?? 'not scored'}, solicitor ${f.aboutSolicitor ?? 'not scored'} (out of 5)`,
      );
    }
    if (dest) out(`Wrote the report to ${dest}.`);
  });
};
