// Imports with a preview and the evidence passport, over real encrypted vaults: the plan
// names what would be added, changed (old and new) and refused (row, column, value), writes
// nothing, and the import then does exactly that, all or nothing.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { applyImport, planImport } from '../../electron/services/interchange/intake';
import { importSpreadsheet } from '../../electron/services/interchange/spreadsheet';
import { csvTemplate, xlsxTemplate } from '../../electron/services/interchange/templates';
import { exportPassport, openPassport } from '../../electron/services/passport/passport';
import { loadSnapshot, loadStaffSnapshot } from '../../electron/services/snapshot';
import { importFirmFile } from '../../electron/services/interchange/importFirmFile';
import { SHEET_COLUMNS } from '../../electron/contract/sheets';
import { SHEET_KINDS } from '../../electron/contract/ops/intake';
import { newVault, sampleFirm } from '../support/vaults';
import { appErrorFrom } from '../support/errors';

const STAFF = `ref,name,profession
ST-1,Amira Khan,Occupational therapist
ST-2,Ben Lowe,Physiotherapist
`;
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

const caught = appErrorFrom;

function write(dir: string, name: string, text: string | Buffer): string {
  const f = path.join(dir, name);
  writeFileSync(f, text);
  return f;
}

describe('spreadsheet preview', () => {
  it('previews DBS rows (one refused, with its row, column and value), writes nothing, then imports the fixed sheet', async () => {
    const { ctx, dir } = newVault();
    await importSpreadsheet(ctx, 'staff', 'staff.csv', Buffer.from(STAFF));
    const bad = write(dir, 'dbs.csv', 'staffRef,level,issuedOn,updateService\nST-1,enhanced,12/03/2025,yes\nST-2,enhanced,31/13/2025,maybe\n');
    const p1 = (await planImport(ctx, { source: 'spreadsheet', kind: 'dbs', file: bad })).plan;
    expect(p1.refused).toEqual([
      {
        path: 'row 3.issuedOn',
        row: 3,
        column: 'issuedOn',
        value: '31/13/2025',
        message: 'is not a real date: write it as dd/mm/yyyy (for example 31/12/2026) or yyyy-mm-dd',
      },
      { path: 'row 3.updateService', row: 3, column: 'updateService', value: 'maybe', message: 'must be yes or no' },
    ]);
    expect(loadStaffSnapshot(ctx, 'ST-1').dbs).toEqual([]);
    const e = await caught(applyImport(ctx, { source: 'spreadsheet', kind: 'dbs', file: bad }));
    expect(e.message).toMatch(/row 3\.issuedOn: “31\/13\/2025” is not a real date: write it as dd\/mm\/yyyy/);
    expect(loadStaffSnapshot(ctx, 'ST-1').dbs).toEqual([]);

    write(dir, 'dbs.csv', 'staffRef,level,issuedOn,updateService\nST-1,enhanced,12/03/2025,yes\nST-2,enhanced,2025-12-31,no\n');
    const p2 = (await planImport(ctx, { source: 'spreadsheet', kind: 'dbs', file: bad })).plan;
    expect(p2.refused).toEqual([]);
    expect(p2.totals).toMatchObject({ add: 2, refused: 0 });
    expect(p2.subjects.map((s) => [s.ref, s.action, s.records.map((r) => [r.action, r.where, r.label])])).toEqual([
      ['ST-1', 'change', [['add', 'row 2', 'DBS check: enhanced, 12/03/2025']]],
      ['ST-2', 'change', [['add', 'row 3', 'DBS check: enhanced, 31/12/2025']]],
    ]);
    // A sheet changed after its preview is not imported on the strength of that preview.
    const stale = await caught(applyImport(ctx, { source: 'spreadsheet', kind: 'dbs', file: bad }, p1.digest));
    expect(stale.code).toBe('conflict');
    expect((await applyImport(ctx, { source: 'spreadsheet', kind: 'dbs', file: bad }, p2.digest)).added.records).toBe(2);
    expect(loadStaffSnapshot(ctx, 'ST-2').dbs[0]).toMatchObject({ level: 'enhanced', issuedOn: '2025-12-31', updateService: false });
    // Again: every row is already there, found through the person's own records.
    const p3 = (await planImport(ctx, { source: 'spreadsheet', kind: 'dbs', file: bad })).plan;
    expect(p3.totals).toMatchObject({ add: 0, same: 2 });
    expect(p3.subjects[0].records[0].note).toBe('already in Caseproof: skipped');
  });

  it('imports every kind of staff evidence from a sheet', async () => {
    const { ctx } = newVault();
    await importSpreadsheet(ctx, 'staff', 'staff.csv', Buffer.from(STAFF));
    const sheets: [string, string][] = [
      ['indemnity', 'staffRef,insurer,coverGBP,expiresOn,heldBy\nST-1,Hiscox,"£5,000,000",31/03/2027,self'],
      ['registrations', 'staffRef,body,number,expiresOn\nST-1,HCPC,OT12345,30/11/2027'],
      ['peerReviews', 'staffRef,date,reviewer,casesReviewed,areas\nST-1,01/10/2026,Dr Shah,3,decision-making; goal-setting'],
      ['training', 'staffRef,kind,completedOn\nST-1,safeguarding,01/02/2026'],
      ['cpd', 'staffRef,date,topic,provider,hours\nST-1,14/05/2026,Spinal pathways,UKABIF,3'],
    ];
    for (const [kind, text] of sheets) await importSpreadsheet(ctx, kind as 'cpd', `${kind}.csv`, Buffer.from(text));
    const a = loadStaffSnapshot(ctx, 'ST-1');
    expect(a.indemnity[0]).toMatchObject({ coverGBP: 5_000_000, expiresOn: '2027-03-31', heldBy: 'self' });
    expect(a.registrations[0]).toMatchObject({ body: 'HCPC', expiresOn: '2027-11-30' });
    expect(a.peerReviews[0]).toMatchObject({ casesReviewed: 3, areas: ['decision-making', 'goal-setting'] });
    expect(a.training[0]).toMatchObject({ kind: 'safeguarding', completedOn: '2026-02-01' });
    expect(a.cpd[0]).toMatchObject({ hours: 3 });
  });

  it('shows a staff sheet’s changes field by field, old and new', async () => {
    const { ctx, dir } = newVault();
    await importSpreadsheet(ctx, 'staff', 'staff.csv', Buffer.from(STAFF));
    const f = write(dir, 'staff.csv', 'ref,name,profession\nST-1,Amira Khan-Shah,Occupational therapist\nST-3,Cara Dunn,Nurse\n');
    const plan = (await planImport(ctx, { source: 'spreadsheet', kind: 'staff', file: f })).plan;
    expect(plan.subjects.map((s) => [s.ref, s.action, s.changes])).toEqual([
      ['ST-1', 'change', [{ field: 'name', from: 'Amira Khan', to: 'Amira Khan-Shah' }]],
      ['ST-3', 'add', []],
    ]);
    expect(loadSnapshot(ctx).staff.map((s) => s.name)).toEqual(['Amira Khan', 'Ben Lowe']);
  });

  it('makes a template of every kind that imports as an empty sheet would (its columns are the table’s)', async () => {
    for (const kind of SHEET_KINDS) {
      expect(csvTemplate(kind).toString()).toBe(SHEET_COLUMNS[kind].map((c) => c.name).join(',') + '\r\n');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load((await xlsxTemplate(kind)) as unknown as ArrayBuffer);
      expect((wb.worksheets[0].getRow(1).values as unknown[]).slice(1)).toEqual(SHEET_COLUMNS[kind].map((c) => c.name));
      expect(wb.worksheets[1].getRow(2).getCell(1).value).toBe(SHEET_COLUMNS[kind][0].name);
    }
  });
});

describe('firm file preview', () => {
  it('lists what a firm file adds and changes, keeps the firm’s own name unless asked, and writes nothing', async () => {
    const { ctx, dir } = newVault();
    const firm = sampleFirm();
    importFirmFile(ctx, firm);
    firm.firm.name = 'Another Name Ltd';
    firm.staff[0].name = 'Renamed Person';
    const f = write(dir, 'firm.json', JSON.stringify(firm));
    const plan = (await planImport(ctx, { source: 'firm-file', file: f })).plan;
    const firmRow = plan.subjects.find((s) => s.what === 'firm')!;
    expect(firmRow.changes).toEqual([]);
    expect(firmRow.records[0].label).toMatch(/^Firm name kept as “Riverside/);
    const person = plan.subjects.find((s) => s.ref === firm.staff[0].ref)!;
    expect(person.changes).toEqual([{ field: 'name', from: sampleFirm().staff[0].name, to: 'Renamed Person' }]);
    expect(plan.subjects.filter((s) => s.action === 'change').map((s) => s.ref)).toEqual([undefined, firm.staff[0].ref].filter((x) => x !== undefined));
    const ticked = (await planImport(ctx, { source: 'firm-file', file: f, updateFirm: true })).plan;
    expect(ticked.subjects[0].changes[0]).toMatchObject({ field: 'name', to: 'Another Name Ltd' });

    await applyImport(ctx, { source: 'firm-file', file: f }, plan.digest);
    const snap = loadSnapshot(ctx);
    expect(snap.firm.name).toBe(sampleFirm().firm.name);
    expect(snap.staff.find((s) => s.ref === firm.staff[0].ref)!.name).toBe('Renamed Person');
  });

  it('refuses with the JSON path and the value given', async () => {
    const { ctx, dir } = newVault();
    const firm = sampleFirm();
    firm.staff[1].indemnity[0].coverGBP = 'lots';
    const plan = (await planImport(ctx, { source: 'firm-file', file: write(dir, 'firm.json', JSON.stringify(firm)) })).plan;
    expect(plan.refused).toEqual([{ path: 'staff[1].indemnity[0].coverGBP', value: 'lots', message: 'must be a number' }]);
    expect(plan.subjects).toEqual([]);
  });
});

describe('evidence passport', () => {
  it('goes from one vault to another: a new person first, then only what is new; nothing else changes', async () => {
    const a = newVault();
    await importSpreadsheet(a.ctx, 'staff', 'staff.csv', Buffer.from(STAFF));
    await importSpreadsheet(a.ctx, 'cpd', 'cpd.csv', Buffer.from('staffRef,date,topic,provider\nST-1,14/05/2026,Goal setting,CMSUK\nST-2,01/01/2026,Other,X'));
    await importSpreadsheet(a.ctx, 'dbs', 'dbs.csv', Buffer.from('staffRef,level,issuedOn\nST-1,enhanced,12/03/2025'));
    const { attachEvidence } = await import('../../electron/services/evidence/evidence');
    a.ctx.vault.tx(() => attachEvidence(a.ctx, loadStaffSnapshot(a.ctx, 'ST-1').dbs[0].id, { name: 'dbs.png', bytes: PNG }));
    const bytes = exportPassport(a.ctx, 'ST-1', 'passport passphrase 1');
    // Encrypted: nothing of the person is readable in the file.
    expect(bytes.includes(Buffer.from('Amira'))).toBe(false);
    expect(bytes.includes(Buffer.from('Goal setting'))).toBe(false);
    const content = openPassport(bytes, 'passport passphrase 1');
    expect(content.person).toMatchObject({ ref: 'ST-1', name: 'Amira Khan', cpd: [{ topic: 'Goal setting' }] });
    expect(content.person).not.toHaveProperty('role');

    const b = newVault();
    importFirmFile(b.ctx, sampleFirm());
    const before = loadSnapshot(b.ctx);
    const file = write(b.dir, 'amira.passport', bytes);
    const wrong = await caught(planImport(b.ctx, { source: 'passport', file, passphrase: 'not the passphrase' }));
    expect(wrong.code).toBe('wrong-passphrase');
    const plan = (await planImport(b.ctx, { source: 'passport', file, passphrase: 'passport passphrase 1' })).plan;
    expect(plan.passport).toMatchObject({ name: 'Amira Khan', ref: 'ST-1' });
    expect(plan.subjects).toHaveLength(1);
    expect(plan.subjects[0]).toMatchObject({ ref: 'ST-1', action: 'add' });
    expect(plan.subjects[0].records.map((r) => [r.action, r.label, r.note])).toEqual([
      ['add', 'DBS check: enhanced, 12/03/2025', 'with 1 file'],
      ['add', 'CPD: 14/05/2026, Goal setting, CMSUK', undefined],
    ]);
    expect(loadSnapshot(b.ctx)).toEqual(before);
    const sum = await applyImport(b.ctx, { source: 'passport', file, passphrase: 'passport passphrase 1' }, plan.digest);
    expect(sum.added).toMatchObject({ staff: 1, records: 2, files: 1 });
    const after = loadSnapshot(b.ctx);
    // Nothing else in the firm's vault changed: every other person, supplier, case and the firm are as they were.
    expect(after.staff.filter((s) => s.ref !== 'ST-1')).toEqual(before.staff);
    expect(after.suppliers).toEqual(before.suppliers);
    expect(after.cases).toEqual(before.cases);
    expect(after.firm).toEqual(before.firm);
    expect(after.staff.find((s) => s.ref === 'ST-1')!.dbs[0].evidence[0]).toMatchObject({ name: 'dbs.png', mediaType: 'image/png' });

    // A newer passport: the same person, one more CPD entry and a new profession.
    await importSpreadsheet(a.ctx, 'cpd', 'cpd2.csv', Buffer.from('staffRef,date,topic,provider\nST-1,20/06/2026,Brain injury update,UKABIF'));
    a.ctx.vault.sqlite.prepare("UPDATE staff SET profession = 'Case manager' WHERE ref = 'ST-1'").run();
    write(b.dir, 'amira.passport', exportPassport(a.ctx, 'ST-1', 'passport passphrase 1'));
    const again = (await planImport(b.ctx, { source: 'passport', file, passphrase: 'passport passphrase 1' })).plan;
    expect(again.subjects[0]).toMatchObject({ action: 'change', matched: 'by reference and name' });
    expect(again.subjects[0].changes).toEqual([{ field: 'profession', from: 'Occupational therapist', to: 'Case manager' }]);
    expect(again.subjects[0].records.map((r) => r.action)).toEqual(['same', 'same', 'add']);
    await applyImport(b.ctx, { source: 'passport', file, passphrase: 'passport passphrase 1' }, again.digest);
    expect(loadStaffSnapshot(b.ctx, 'ST-1').cpd.map((c) => c.topic)).toEqual(['Goal setting', 'Brain injury update']);
  });

  it('refuses a file that is not a passport, and one changed after it was made', async () => {
    const a = newVault();
    await importSpreadsheet(a.ctx, 'staff', 'staff.csv', Buffer.from(STAFF));
    const bytes = exportPassport(a.ctx, 'ST-2', 'passport passphrase 1');
    expect(() => openPassport(Buffer.from('{"format":"caseproof-firm"}'), 'x')).toThrow(/is not a Caseproof evidence passport/);
    const altered = Buffer.from(bytes);
    altered[altered.length - 20] ^= 1;
    expect(() => openPassport(altered, 'passport passphrase 1')).toThrow(/passphrase is wrong \(or the file has been changed/);
  });
});
