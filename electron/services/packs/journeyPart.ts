// The organisation pack's answers to MTSP Organisation E and J with the case journey's figures
// (the MTSP Model report over the 12 months to the pack's date: spend, outcomes, feedback), and
// every case instruction that broke Governance A (a supplier not vetted on the instruction date).
import type { FileChild } from 'docx';
import { pounds, ukDate } from '../../contract/dates';
import type { FirmSnapshot } from '../../contract/model';
import { VOCATIONAL_WORDS } from '../../contract/ops/journey';
import { engineContext, notVettedWords, vettedOn } from '../compliance/engine';
import { computeMtsp, defaultFrom } from '../reports/mtsp';
import { dataTable, note, para, type CellValue, type PackContext } from './parts';

export function journeyFigures(ctx: PackContext, snapshot: FirmSnapshot, asOf: string): FileChild[] {
  const from = defaultFrom(asOf);
  const { report, firm } = computeMtsp(snapshot.cases, from, asOf);
  const voc = Object.entries(firm.vocational)
    .map(([k, n]) => `${VOCATIONAL_WORDS[k as keyof typeof VOCATIONAL_WORDS] ?? k} ${n}`)
    .join(', ');
  const out: FileChild[] = [
    para(`Figures over the ${firm.cases} case${firm.cases === 1 ? '' : 's'} referred or open from ${ukDate(from)} to ${ukDate(asOf)}.`),
    para(
      `E (suppliers paid promptly): rehabilitation spend of ${pounds(firm.spendGBP)} on supplier invoices received in the period; ` +
        'see ORG-SUPPLIERS-PAID for the payments against the firm’s terms.',
    ),
    para(
      `J (quality, outcomes and feedback): ${firm.responses} feedback response${firm.responses === 1 ? '' : 's'}` +
        (firm.aboutCaseManager !== null ? `, scoring the case manager ${firm.aboutCaseManager} out of 5 on average` : '') +
        (firm.aboutSolicitor !== null ? ` and the solicitor ${firm.aboutSolicitor}` : '') +
        `; vocational outcomes: ${voc || 'none recorded'}; median days from referral to settlement: ${firm.medianDaysReferralToSettlement ?? 'no settled case with both dates'}.`,
    ),
    ...dataTable(
      ctx,
      [
        { title: 'Instructing party', weight: 34 },
        { title: 'Cases', weight: 12 },
        { title: 'Spend', weight: 18 },
        { title: 'Median days to settlement', weight: 18 },
        { title: 'Feedback (case manager)', weight: 18 },
      ],
      report.byParty.map((p): CellValue[] => [
        p.party,
        String(p.cases),
        pounds(Object.values(p.spendGBP).reduce((a, b) => a + b, 0)),
        p.medianDaysReferralToSettlement === null ? '—' : String(p.medianDaysReferralToSettlement),
        p.feedback.aboutCaseManager === null ? '—' : `${p.feedback.aboutCaseManager} / 5`,
      ]),
      { empty: 'No case was referred or open in the period.' },
    ),
  ];
  return out;
}

/** Every instruction, on any case, to a supplier that was not vetted on the instruction date. */
export function governanceABreaches(ctx: PackContext, snapshot: FirmSnapshot, asOf: string): FileChild[] {
  const ectx = engineContext(snapshot, asOf);
  const rows: CellValue[][] = [];
  for (const c of snapshot.cases) {
    for (const i of c.instructions) {
      if (i.on > asOf) continue;
      const s = ectx.supplier(i.supplier);
      const v = s ? vettedOn(s, ectx, i.on) : undefined;
      if (v?.vetted) continue;
      const why = !s ? `${i.supplier} is not on the supplier list` : notVettedWords(s.name, s.ref, i.on, v!);
      rows.push([c.ref, s?.name ?? i.supplier, ukDate(i.on), why, i.overrideReason ?? 'No override recorded']);
    }
  }
  return [
    para('Every instruction of a supplier who was not approved, with evidence in order, on the day of instruction (MTSP Governance A):'),
    ...(rows.length
      ? dataTable(
          ctx,
          [
            { title: 'Case', weight: 12 },
            { title: 'Supplier', weight: 18 },
            { title: 'Instructed', weight: 12 },
            { title: 'Why it was not vetted', weight: 36 },
            { title: 'Override reason', weight: 22 },
          ],
          rows,
        )
      : [note('None: every supplier instructed was vetted on the day.')]),
  ];
}
