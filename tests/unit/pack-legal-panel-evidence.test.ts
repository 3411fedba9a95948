// The Legal Panel pack answers with evidence, not just a yes (issue 11 item 5): the Code of
// Conduct signatory and the date signed, peer review frequency and scope over the year, cases by
// complexity in the last two years (MTSP Practitioner D) and the handover policy's document (name,
// date, SHA-256). Built from a real encrypted vault, the .docx read back.
import { beforeEach, describe, expect, it } from 'vitest';
import type { Ctx } from '../../electron/services/context';
import { attachEvidence } from '../../electron/services/evidence/evidence';
import { updateSettings } from '../../electron/services/firm/firm';
import { importFirmFile } from '../../electron/services/interchange/importFirmFile';
import { buildPack } from '../../electron/services/packs/packService';
import { loadSnapshot } from '../../electron/services/snapshot';
import { readDocx, tables } from '../support/docx';
import { rowsUnder } from '../support/packChecks';
import { MORGAN, packFirmFile, sha256 } from '../support/packFirm';
import { textPdf } from '../support/pdf';
import { newVault } from '../support/vaults';

const AS_OF = '2026-11-24';
const POLICY = textPdf(['Handover and continuity of care']);

let ctx: Ctx;
beforeEach(() => {
  ctx = newVault().ctx;
  const firm = packFirmFile();
  // Morgan's cases: one high, one of no recorded complexity; a third, closed before the two years, does not count.
  const mine = firm.cases.filter((c: { caseManager: string }) => c.caseManager === MORGAN.ref);
  expect(mine.length).toBeGreaterThan(0);
  mine[0].complexity = 'high';
  firm.cases.push({ ...mine[0], ref: 'RC-900', complexity: 'medium', instructions: [] });
  importFirmFile(ctx, firm);
  const handover = loadSnapshot(ctx).firm.policies.find((p) => p.kind === 'handover')!;
  attachEvidence(ctx, handover.id, { name: 'handover-policy-2026.pdf', bytes: POLICY });
});

async function morganPack() {
  const built = await buildPack(ctx, { kind: 'staff', ref: MORGAN.ref, asOf: AS_OF });
  return readDocx(built.bytes);
}

describe('the Legal Panel pack’s evidence', () => {
  it('names who signed the MTSP Code for the firm and when, or says it is not recorded', async () => {
    let doc = await morganPack();
    let rows = rowsUnder(doc, ['Firm']);
    expect(rows).toEqual(
      expect.arrayContaining([
        ['Signed for the firm by', '—'],
        ['Date signed', 'Not recorded'],
      ]),
    );
    expect(doc.text).toContain('The firm has not recorded who signed the Code or when');

    updateSettings(ctx, { codeSignedOn: '2025-03-14', codeSignatory: 'Alex Rivers, Director' });
    doc = await morganPack();
    rows = rowsUnder(doc, ['Firm']);
    expect(rows).toEqual(
      expect.arrayContaining([
        ['Signed for the firm by', 'Alex Rivers, Director'],
        ['Date signed', '14/03/2025'],
      ]),
    );
    expect(doc.text).not.toContain('has not recorded who signed');
  });

  it('gives peer review frequency, reviewers, cases and scope over the year', async () => {
    const doc = await morganPack();
    // A key-value table: its first row is data (no header row).
    const table = tables(doc.documentXml).find((t) => t[0]?.[0] === 'How often, over the 12 months');
    expect(table, 'the peer review year table').toBeDefined();
    const row = (k: string) => table!.find((r) => r[0] === k)?.[1];
    expect(row('How often, over the 12 months')).toMatch(/^2 times in the year, on average every \d+ months \(\d\d\/\d\d\/2026, 20\/10\/2026\)$/);
    expect(row('Reviewed by')).toContain('Sam Okafor');
    expect(row('Cases reviewed over the year')).toMatch(/^\d+$/);
    expect(row('Areas covered over the year')).toMatch(/Decision making/);
    expect(row('Areas not covered')).toBe('None: every area was reviewed');
  });

  it('counts the cases managed in the last two years by complexity, even with the caseload figures left out', async () => {
    for (const includeCaseload of [true, false]) {
      const built = await buildPack(ctx, { kind: 'staff', ref: MORGAN.ref, asOf: AS_OF, options: { includeCaseload } });
      const doc = await readDocx(built.bytes);
      const rows = rowsUnder(doc, ['Complexity of the cases managed, 25/11/2024 to 24/11/2026', 'Cases']);
      const n = Object.fromEntries(rows);
      expect(n.High).toBe('1');
      expect(n.Medium).toBe('1');
      expect(Number(n['All cases'])).toBe(Number(n.High) + Number(n.Medium) + Number(n.Low) + Number(n['Complexity not recorded']));
    }
  });

  it('lists the handover policy’s document with its date and SHA-256, numbered as the annex carries it', async () => {
    const doc = await morganPack();
    const rows = rowsUnder(doc, ['#', 'Document', 'Added', 'SHA-256 fingerprint']);
    expect(rows).toEqual([['P1', 'handover-policy-2026.pdf', '24/11/2026', sha256(POLICY)]]);
  });
});
