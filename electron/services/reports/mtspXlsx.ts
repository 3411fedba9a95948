// The MTSP Model report as an XLSX workbook: one sheet of figures per instructing party, then
// one sheet per break-down (injury mix, spend by injury type, vocational outcomes), each with
// the period in its first row so a sheet copied elsewhere still says what it covers.
import { ukDate } from '../../contract/dates';
import { VOCATIONAL_WORDS, type MtspReport } from '../../contract/ops/journey';

const KIND_WORDS: Record<string, string> = { solicitor: 'Solicitor', insurer: 'Insurer', deputy: 'Deputy', 'nhs-la': 'NHS or local authority', other: 'Other' };

export async function mtspWorkbook(r: MtspReport): Promise<Buffer> {
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  wb.creator = 'Caseproof';
  const period = `MTSP Model report, cases referred or open from ${ukDate(r.from)} to ${ukDate(r.to)}`;
  const sheet = (name: string, header: string[], rows: (string | number | null)[][], money = false) => {
    const ws = wb.addWorksheet(name);
    ws.addRow([period]).font = { bold: true };
    const h = ws.addRow(header);
    h.font = { bold: true };
    for (const row of rows) ws.addRow(row);
    ws.columns.forEach((c, i) => {
      c.width = i === 0 ? 36 : 18;
      if (money && i >= 2) c.numFmt = '£#,##0.00';
    });
    return ws;
  };
  const keys = (pick: (p: MtspReport['byParty'][number]) => Record<string, number>) => [...new Set(r.byParty.flatMap((p) => Object.keys(pick(p))))].sort();
  sheet(
    'By instructing party',
    [
      'Instructing party',
      'Kind',
      'Cases',
      'Rehabilitation spend (£)',
      'Median days referral to settlement',
      'Feedback responses',
      'Mean score: case manager',
      'Mean score: solicitor',
    ],
    r.byParty.map((p) => [
      p.party,
      KIND_WORDS[p.kind] ?? p.kind,
      p.cases,
      Object.values(p.spendGBP).reduce((a, b) => a + b, 0),
      p.medianDaysReferralToSettlement,
      p.feedback.responses,
      p.feedback.aboutCaseManager,
      p.feedback.aboutSolicitor,
    ]),
  ).getColumn(4).numFmt = '£#,##0.00';
  const injuries = keys((p) => p.injuries);
  sheet(
    'Injury mix',
    ['Instructing party', 'Kind', ...injuries],
    r.byParty.map((p) => [p.party, KIND_WORDS[p.kind] ?? p.kind, ...injuries.map((k) => p.injuries[k] ?? 0)]),
  );
  const spend = keys((p) => p.spendGBP);
  sheet(
    'Spend by injury type',
    ['Instructing party', 'Kind', ...spend],
    r.byParty.map((p) => [p.party, KIND_WORDS[p.kind] ?? p.kind, ...spend.map((k) => p.spendGBP[k] ?? 0)]),
    true,
  );
  const voc = keys((p) => p.vocational);
  sheet(
    'Vocational outcomes',
    ['Instructing party', 'Kind', ...voc.map((k) => VOCATIONAL_WORDS[k as keyof typeof VOCATIONAL_WORDS] ?? k)],
    r.byParty.map((p) => [p.party, KIND_WORDS[p.kind] ?? p.kind, ...voc.map((k) => p.vocational[k] ?? 0)]),
  );
  return Buffer.from(await wb.xlsx.writeBuffer());
}
