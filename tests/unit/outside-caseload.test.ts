// Cases held outside the firm (issue 14 item 6, MTSP Practitioner H "from all sources"): a dated
// record per associate, on a real encrypted vault, counted by STAFF-CASELOAD, the caseload
// figures and the Legal Panel pack, refused by name when wrong, and carried by the firm file
// (export, import, export gives the same bytes).
import { describe, expect, it } from 'vitest';
import type { OutsideCaseload } from '../../electron/contract/model';
import { outsideLoadOn } from '../../electron/services/compliance/caseload';
import { evaluate } from '../../electron/services/compliance/engine';
import { caseloadView } from '../../electron/services/cases/figures';
import { addRecord, listRecords } from '../../electron/services/evidence/records';
import { exportFirmFile } from '../../electron/services/interchange/exportFirmFile';
import { importFirmFile } from '../../electron/services/interchange/importFirmFile';
import { buildStaffPack } from '../../electron/services/packs/staffPack';
import { loadSnapshot } from '../../electron/services/snapshot';
import { readDocx } from '../support/docx';
import { ctxFor, newVault } from '../support/vaults';

const TODAY = '2026-11-24';
const party = { name: 'Fenwick Law', kind: 'solicitor' };
const open = (ref: string) => ({ ref, caseManager: 'CM-1', instructingParty: party, status: 'open-active', openedOn: '2026-01-05' });
// Alex works 2 days a week for the firm on 4 open-active cases: 2 a day, the firm's limit.
const FIRM = {
  format: 'caseproof-firm',
  version: 2,
  firm: { name: 'Riverside Rehab', codeOfConductSignatory: true, settings: { caseloadPerDayMax: 2 } },
  staff: [{ ref: 'CM-1', name: 'Alex Morgan', employment: 'self-employed', daysPerWeek: 2 }],
  cases: [open('A-1'), open('A-2'), open('A-3'), open('A-4')],
};

function firm() {
  const v = newVault();
  const ctx = ctxFor(v.vault, TODAY);
  importFirmFile(ctx, JSON.parse(JSON.stringify(FIRM)));
  return ctx;
}
type Ctx = ReturnType<typeof firm>;
const caseloadRule = (ctx: Ctx, asOf = TODAY) =>
  evaluate(loadSnapshot(ctx), asOf)
    .staff.find((s) => s.ref === 'CM-1')!
    .rules.find((r) => r.rule === 'STAFF-CASELOAD')!;
const elsewhere = (over: Partial<OutsideCaseload> = {}): OutsideCaseload => ({
  from: '2026-09-01',
  openActive: 6,
  daysPerWeek: 2,
  source: 'Northside Case Management',
  ...over,
});

describe('outsideLoadOn (which record is in force on a date)', () => {
  const r = (over: Partial<OutsideCaseload>) => elsewhere(over);
  it('counts a record from its first day to its last, inclusive, and not the day before or after', () => {
    const list = [r({ from: '2026-09-01', to: '2026-11-30' })];
    expect(outsideLoadOn(list, '2026-08-31')).toBeNull();
    expect(outsideLoadOn(list, '2026-09-01')).toMatchObject({ openActive: 6, daysPerWeek: 2 });
    expect(outsideLoadOn(list, '2026-11-30')).toMatchObject({ openActive: 6 });
    expect(outsideLoadOn(list, '2026-12-01')).toBeNull();
    expect(outsideLoadOn(undefined, TODAY)).toBeNull();
  });
  it('a newer figure from the same source replaces the older one; different sources add up', () => {
    const list = [
      r({ from: '2026-01-01', openActive: 10, monitoring: 3 }),
      r({ from: '2026-10-01', openActive: 4, monitoring: 1, source: ' northside   case management ' }),
      r({ from: '2026-06-01', openActive: 2, daysPerWeek: 0.5, source: 'Private clients' }),
    ];
    expect(outsideLoadOn(list, '2026-09-30')).toEqual({
      openActive: 12,
      monitoring: 3,
      daysPerWeek: 2.5,
      sources: ['Northside Case Management', 'Private clients'],
    });
    expect(outsideLoadOn(list, TODAY)).toEqual({ openActive: 6, monitoring: 1, daysPerWeek: 2.5, sources: ['northside   case management', 'Private clients'] });
  });
});

describe('cases held elsewhere in the vault', () => {
  it('STAFF-CASELOAD counts them from all sources, only while the record is in force', () => {
    const ctx = firm();
    expect(caseloadRule(ctx)).toMatchObject({ status: 'met', reason: "4 open-active cases over 2 days a week = 2 a day, within the firm's limit of 2" });
    // 6 more cases elsewhere on 2 more days: 10 over 4 = 2.5 a day, above the limit of 2.
    addRecord(ctx, { type: 'staff', ref: 'CM-1' }, 'outsideCaseload', elsewhere({ to: '2026-12-31' }));
    expect(caseloadRule(ctx)).toMatchObject({
      status: 'not_met',
      reason:
        "10 open-active cases (4 with the firm, 6 held elsewhere for Northside Case Management) over 4 days a week (2 with the firm, 2 elsewhere) = 2.5 a day, above the firm's limit of 2",
    });
    // Before the record starts and after it ends, only the firm's cases count.
    expect(caseloadRule(ctx, '2026-08-31').status).toBe('met');
    expect(caseloadRule(ctx, '2027-01-01').status).toBe('met');
    expect(caseloadRule(ctx, '2026-12-31').status).toBe('not_met');
  });

  it('the caseload figures (screen and CLI) and the Legal Panel pack give both and the figure per day from all sources', async () => {
    const ctx = firm();
    addRecord(ctx, { type: 'staff', ref: 'CM-1' }, 'outsideCaseload', elsewhere({ openActive: 4, monitoring: 3 }));
    const v = caseloadView(ctx, TODAY, 'CM-1');
    expect(v.figures).toMatchObject({ openActive: 4, daysPerWeek: 2, perWorkingDay: 2, elsewhere: { openActive: 4, monitoring: 3, daysPerWeek: 2 } });
    expect(v.sentence).toBe(
      '4 open active, 0 monitoring, 2 days a week with the firm; 4 open active, 3 monitoring, 2 days a week elsewhere (Northside Case Management)',
    );
    expect(v.status).toBe('met');
    const firmView = caseloadView(ctx, TODAY);
    expect(firmView.managers[0]!.figures.elsewhere).toMatchObject({ openActive: 4 });
    // The firm's own figures are the firm's cases only.
    expect(firmView.figures.elsewhere).toBeUndefined();

    const snapshot = loadSnapshot(ctx);
    const bytes = await buildStaffPack({
      snapshot,
      report: evaluate(snapshot, TODAY),
      asOf: TODAY,
      recipient: party as never,
      readEvidence: () => new Uint8Array(),
      staffRef: 'CM-1',
    });
    const doc = await readDocx(bytes);
    expect(doc.text).toContain(
      'On 24/11/2026: 4 open and active, 0 monitoring, 2 days a week with the firm; 4 open and active, 3 monitoring, 2 days a week elsewhere.',
    );
    expect(doc.text).toContain('Held elsewhere (Northside Case Management)');
    expect(doc.text).toContain('Open and active cases per working day, from all sources');
  });

  it('refuses a record that ends before it starts, or has no source, naming the field', () => {
    const ctx = firm();
    expect(() => addRecord(ctx, { type: 'staff', ref: 'CM-1' }, 'outsideCaseload', elsewhere({ to: '2026-08-01' }))).toThrow(
      /to: must not be before the "from" date/,
    );
    expect(() => addRecord(ctx, { type: 'staff', ref: 'CM-1' }, 'outsideCaseload', elsewhere({ source: ' ' }))).toThrow(/source: is required/);
    expect(() => addRecord(ctx, { type: 'staff', ref: 'CM-1' }, 'outsideCaseload', elsewhere({ openActive: 2.5 }))).toThrow(
      /openActive: must be a whole number/,
    );
    expect(listRecords(ctx, { type: 'staff', ref: 'CM-1' }, 'outsideCaseload')).toEqual([]);
  });

  it('travels in the firm file as staff[].outsideCaseload: export, import, export gives the same bytes', () => {
    const ctx = firm();
    addRecord(ctx, { type: 'staff', ref: 'CM-1' }, 'outsideCaseload', elsewhere({ to: '2026-12-31', monitoring: 2 }));
    const first = JSON.stringify(exportFirmFile(ctx), null, 1);
    expect(JSON.parse(first).staff[0].outsideCaseload).toEqual([elsewhere({ to: '2026-12-31', monitoring: 2 })]);
    const b = ctxFor(newVault().vault, TODAY);
    importFirmFile(b, JSON.parse(first));
    expect(JSON.stringify(exportFirmFile(b), null, 1)).toBe(first);
    expect(caseloadRule(b).status).toBe('not_met');
    // A bad record in a file is refused by its path.
    const bad = JSON.parse(first);
    bad.staff[0].outsideCaseload[0].daysPerWeek = 9;
    expect(() => importFirmFile(ctxFor(newVault().vault, TODAY), bad)).toThrow(/staff\[0\]\.outsideCaseload\[0\]\.daysPerWeek: must be at most 7/);
  });
});
