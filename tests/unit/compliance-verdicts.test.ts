// Whatever stands beside a verdict is computed from the same results and never says more than
// they do (rules.md; issue 10 item 6): a pack's Overall line covers every item printed under it,
// an answer resting on an exempt rule reads "Exempt", never "Met", and no "met" count includes
// an exemption. Tested on packs built from the engine's report and read back from the .docx.
import { describe, expect, it } from 'vitest';
import { answerStatus, statusCounts } from '../../electron/contract/compliance';
import type { FirmSnapshot } from '../../electron/contract/model';
import { evaluate } from '../../electron/services/compliance/engine';
import { answerAcross, countSentence } from '../../electron/services/packs/answers';
import { buildFirmPack } from '../../electron/services/packs/firmPack';
import { buildStaffPack } from '../../electron/services/packs/staffPack';
import { buildSupplierPack } from '../../electron/services/packs/supplierPack';
import { answerChecklist } from '../../electron/services/staffEvidence/checklist';
import { AS_OF, aFirm, aStaff, aSupplier } from '../support/builders';
import { type DocxContents, readDocx, tables } from '../support/docx';

const MCA_EXEMPTION = {
  rule: 'STAFF-TRAINING-MCA',
  reason: 'Desk-based role, no client contact',
  grantedBy: 'Kim Byrne',
  grantedOn: '2026-10-01',
  expiresOn: '2027-03-31',
};
const noFiles = () => new Uint8Array();

async function staffPackOf(snapshot: FirmSnapshot, staffRef = 'S-01'): Promise<DocxContents> {
  return readDocx(await buildStaffPack({ snapshot, report: evaluate(snapshot, AS_OF), asOf: AS_OF, staffRef, readEvidence: noFiles }));
}
/** The rows of the first table whose first row starts with `header`. */
function rowsUnder(doc: DocxContents, header: string[]): string[][] {
  const t = tables(doc.documentXml).find((x) => header.every((h, i) => x[0]?.[i] === h));
  expect(t, header.join(' | ')).toBeDefined();
  return t!.slice(1);
}
/** The status line (a one-row table) that starts with "Overall: ". */
function overallLine(doc: DocxContents): string[] {
  const row = tables(doc.documentXml)
    .flat()
    .find((r) => r[0]?.startsWith('Overall: '));
  expect(row, 'an Overall line').toBeDefined();
  return row!;
}

describe('answers and counts', () => {
  it('an exemption outranks met when results combine; counts keep every status apart', () => {
    expect(answerStatus(['met', 'exempt'])).toBe('exempt');
    expect(answerStatus(['exempt', 'not_applicable'])).toBe('exempt');
    expect(answerStatus(['exempt', 'due_soon'])).toBe('due_soon');
    expect(answerStatus(['met', 'not_applicable'])).toBe('met');
    expect(answerStatus([])).toBeNull();
    expect(statusCounts([{ status: 'met' }, { status: 'exempt' }, { status: 'exempt' }])).toEqual({
      not_met: 0,
      due_soon: 0,
      met: 1,
      exempt: 2,
      not_applicable: 0,
    });
    expect(countSentence([{ status: 'met' }, { status: 'exempt' }, { status: 'not_applicable' }], 'rules')).toBe(
      'Of the 3 rules, 1 is met, 1 is exempt (an exemption is not met) and 1 does not apply.',
    );
  });
  it('across case managers, "met by" never counts an exemption', () => {
    const a = answerAcross(
      [
        { name: 'Alex', results: [{ rule: 'STAFF-TRAINING-MCA', status: 'met', reason: 'r' }] },
        { name: 'Sam', results: [{ rule: 'STAFF-TRAINING-MCA', status: 'exempt', reason: 'r' }] },
      ],
      [{ id: 'STAFF-TRAINING-MCA', name: 'mental capacity training' }],
      'case manager',
    );
    expect(a).toMatchObject({
      status: 'exempt',
      word: 'Exempt',
      reasons: ['Mental capacity training: met by 1 of 2 case managers; exempt (not met) for Sam.'],
    });
  });
});

describe('Legal Panel pack read back', () => {
  it('with an exempt item and a not-met item the Overall line is not met, and counts each apart', async () => {
    const snap = aFirm({ staff: [aStaff({ cpd: [], exemptions: [MCA_EXEMPTION] })] });
    const doc = await staffPackOf(snap);
    const line = overallLine(doc);
    expect(line[0]).toBe('Overall: Not met');
    // 14 staff rules and the firm's 2 that the checklist asks about
    expect(line[1]).toBe(
      'Of the 16 compliance rules checked for Alex Carter and the firm, 14 are met, 1 is not met and 1 is exempt (an exemption is not met).',
    );
    const rules = rowsUnder(doc, ['Rule', 'Source', 'Status', 'Reason']);
    const mca = rules.find((r) => r[0].startsWith('STAFF-TRAINING-MCA'))!;
    expect(mca[2]).toBe('Exempt');
    expect(mca[3]).toBe(
      'Exempt until 31/03/2027: Desk-based role, no client contact (granted by Kim Byrne on 01/10/2026).\nStatus next changes on 01/04/2027.',
    );
    expect(rules.find((r) => r[0].startsWith('STAFF-CPD-2Y'))![2]).toBe('Not met');
    // the exemptions list says when it stands to and how it stands on the pack's date
    expect(rowsUnder(doc, ['Rule', 'Reason', 'Granted by', 'Granted on', 'Until', 'Standing'])).toEqual([
      ['STAFF-TRAINING-MCA\nMental capacity training', 'Desk-based role, no client contact', 'Kim Byrne', '01/10/2026', '31/03/2027', 'In force on 24/11/2026'],
    ]);
    // the training section shows the exemption, not a "met"
    expect(rowsUnder(doc, ['Training', 'Status', 'Reason']).find((r) => r[0] === 'Mental capacity training')![1]).toBe('Exempt');
  });

  it('an exempt rule with everything else met: the Overall line is Met (rules.md) but never says "all met"', async () => {
    const doc = await staffPackOf(aFirm({ staff: [aStaff({ exemptions: [MCA_EXEMPTION] })] }));
    const line = overallLine(doc);
    expect(line[0]).toBe('Overall: Met');
    expect(line[1]).toBe('Of the 16 compliance rules checked for Alex Carter and the firm, 15 are met and 1 is exempt (an exemption is not met).');
    expect(doc.text).not.toMatch(/are met, or do not apply/);
  });

  it('the Overall line covers the firm items printed under it: not a signatory means not met overall', async () => {
    const doc = await staffPackOf(aFirm({ firm: { codeOfConductSignatory: false }, staff: [aStaff()] }));
    expect(rowsUnder(doc, ['#', 'Legal Panel question', 'Status'])[0][2]).toBe('Not met');
    expect(overallLine(doc)[0]).toBe('Overall: Not met');
  });

  it('a version-1 exemption from an unconditional rule prints as not met, with the reason it was not applied', async () => {
    const v1 = { rule: 'STAFF-INDEMNITY', reason: 'Covered by the NHS', grantedBy: 'Kim Byrne', grantedOn: '2026-06-01' };
    const doc = await staffPackOf(aFirm({ staff: [aStaff({ indemnity: [], employment: 'self-employed', exemptions: [v1] })] }));
    const indemnity = rowsUnder(doc, ['#', 'Legal Panel question', 'Status'])[2];
    expect(indemnity[2]).toBe('Not met');
    expect(indemnity[3]).toContain('does not apply: this rule cannot be exempted');
    expect(rowsUnder(doc, ['Rule', 'Reason', 'Granted by', 'Granted on', 'Until', 'Standing'])[0][5]).toBe('Not applied: this rule cannot be exempted');
  });
});

describe('Organisation pack read back', () => {
  it('an item resting on an exemption reads Exempt, its line names who, and the Overall line counts it apart', async () => {
    const snap = aFirm({ staff: [aStaff(), aStaff({ ref: 'S-02', name: 'Sam Lee', exemptions: [MCA_EXEMPTION] })] });
    const doc = readDocx(await buildFirmPack({ snapshot: snap, report: evaluate(snap, AS_OF), asOf: AS_OF, readEvidence: noFiles }));
    const items = rowsUnder(await doc, ['Item', 'What the code asks', 'Status', 'How it is evidenced']);
    const c = items.find((r) => r[0] === 'C')!;
    expect(c[2]).toBe('Exempt');
    expect(c[3]).toContain('Mental capacity training: met by 1 of 2 case managers; exempt (not met) for Sam Lee.');
    const line = overallLine(await doc);
    expect(line[0]).toBe('Overall: Met');
    expect(line[1]).toContain('1 exempt for someone (not met)');
    expect(line[1]).not.toMatch(/all are met/);
    // the people table counts exempt rules apart from the rest
    const people = rowsUnder(await doc, ['Name', 'Profession', 'Overall status', 'Rules not met', 'Rules due soon', 'Rules exempt']);
    expect(people.find((r) => r[0] === 'Sam Lee')!.slice(2)).toEqual(['Met', '0', '0', '1']);
  });

  it('an item that is not met makes the Overall line not met, with the count of each', async () => {
    const snap = aFirm({ firm: { policies: [] }, staff: [aStaff()] });
    const doc = await readDocx(await buildFirmPack({ snapshot: snap, report: evaluate(snap, AS_OF), asOf: AS_OF, readEvidence: noFiles }));
    const items = tables(doc.documentXml).flatMap((t) => (t[0]?.[0] === 'Item' ? t.slice(1) : []));
    const notMet = items.filter((r) => r[2] === 'Not met').length;
    expect(notMet).toBeGreaterThan(0);
    const line = overallLine(doc);
    expect(line[0]).toBe('Overall: Not met');
    expect(line[1]).toContain(`${notMet} not met`);
    expect(line[1]).toContain(`Of the ${items.length} items below`);
  });
});

describe('supplier vetting report read back', () => {
  it('with an exempt check and a failed check the Overall line is not met', async () => {
    const s = aSupplier({
      cvOnFile: false,
      evidenceBase: undefined,
      exemptions: [{ rule: 'SUP-EXPERIENCE', reason: 'NHS trust service', grantedBy: 'Kim Byrne', grantedOn: '2026-11-01' }],
    });
    const snap = aFirm({ suppliers: [s] });
    const doc = await readDocx(
      await buildSupplierPack({ snapshot: snap, report: evaluate(snap, AS_OF), asOf: AS_OF, supplierRef: s.ref, readEvidence: noFiles }),
    );
    const line = overallLine(doc);
    expect(line[0]).toBe('Overall: Not met');
    expect(line[1]).toBe('Of the 11 checks on Dales Physio, 9 are met, 1 is not met and 1 is exempt (an exemption is not met).');
    const checks = rowsUnder(doc, ['Item', 'The supplier…', 'Status']);
    expect(checks.find((r) => r[0] === 'F(iii)')![2]).toBe('Exempt');
    expect(checks.find((r) => r[0] === 'F(iii)')![3]).toBe('Exempt until 01/11/2027: NHS trust service (granted by Kim Byrne on 01/11/2026).');
  });
});

describe('the self checklist', () => {
  it('a question answered by a met and an exempt rule reads exempt, not met', () => {
    const snap = aFirm({ staff: [aStaff({ exemptions: [MCA_EXEMPTION] })] });
    const c = answerChecklist(snap, evaluate(snap, AS_OF), 'S-01');
    const training = c.answers.find((a) => a.id === 'training')!;
    expect(training.lines.map((l) => l.status)).toEqual(['met', 'exempt', 'met']);
    expect(training.status).toBe('exempt');
    expect(c.answers.find((a) => a.id === 'policies')!.status).toBe('met');
  });
});
