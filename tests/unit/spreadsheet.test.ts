// Spreadsheet imports over a real vault: CSV and XLSX, UK dates, row-numbered errors, all or nothing.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { importSpreadsheet } from '../../electron/services/interchange/spreadsheet';
import { addRecord } from '../../electron/services/evidence/records';
import { loadSnapshot } from '../../electron/services/snapshot';
import { newVault } from '../support/vaults';
import { appErrorFrom } from '../support/errors';

const csv = (s: string) => Buffer.from(s.trim() + '\n');
const STAFF = `ref,name,profession,employment,solePractitioner,caseManagementSince,daysPerWeek
ST-1,Amira Khan,Occupational therapist,employed,no,01/09/2019,4
ST-2,Ben Lowe,Physiotherapist,self-employed,yes,2021-02-01,2.5`;

const caught = appErrorFrom;

describe('spreadsheet import', () => {
  it('imports staff from CSV, reading UK dates and yes/no', async () => {
    const { ctx } = newVault();
    const s = await importSpreadsheet(ctx, 'staff', 'staff.csv', csv(STAFF));
    expect(s.added.staff).toBe(2);
    const [a, b] = loadSnapshot(ctx).staff;
    expect(a).toMatchObject({ ref: 'ST-1', name: 'Amira Khan', caseManagementSince: '2019-09-01', solePractitioner: false, daysPerWeek: 4 });
    expect(b).toMatchObject({ ref: 'ST-2', solePractitioner: true, daysPerWeek: 2.5 });
  });

  it('appends CPD rows to the named people and skips rows already imported', async () => {
    const { ctx } = newVault();
    await importSpreadsheet(ctx, 'staff', 'staff.csv', csv(STAFF));
    const cpd = csv(`staffRef,date,topic,provider,hours
ST-1,14/05/2026,Mental capacity update,BABICM,3
ST-1,02/02/2026,"Goal setting, in practice",CMSUK,2
ST-2,2025-11-30,Spinal pathways,UKABIF,`);
    expect((await importSpreadsheet(ctx, 'cpd', 'cpd.csv', cpd)).added.records).toBe(3);
    expect((await importSpreadsheet(ctx, 'cpd', 'cpd.csv', cpd)).added.records).toBe(0);
    const amira = loadSnapshot(ctx).staff[0];
    expect(amira.cpd.map((c) => [c.date, c.topic])).toEqual([
      ['2026-05-14', 'Mental capacity update'],
      ['2026-02-02', 'Goal setting, in practice'],
    ]);
  });

  it('finds a row already held by one index lookup (records_content_idx), whether it came from a sheet or the app; a repeated row is added once', async () => {
    const { ctx } = newVault();
    await importSpreadsheet(ctx, 'staff', 'staff.csv', csv(STAFF));
    // Held already: one entry added in the app (keys in another order than the sheet's columns).
    addRecord(ctx, { type: 'staff', ref: 'ST-1' }, 'cpd', { hours: 3, provider: 'BABICM', topic: 'Mental capacity update', date: '2026-05-14' });
    const sheet = csv(`staffRef,date,topic,provider,hours
ST-1,14/05/2026,Mental capacity update,BABICM,3
ST-1,02/02/2026,Goal setting,CMSUK,2
ST-1,02/02/2026,Goal setting,CMSUK,2
ST-2,2025-11-30,Spinal pathways,UKABIF,`);
    expect((await importSpreadsheet(ctx, 'cpd', 'cpd.csv', sheet)).added.records).toBe(2);
    expect(loadSnapshot(ctx).staff[0].cpd.map((c) => c.topic)).toEqual(['Mental capacity update', 'Goal setting']);
    // The lookup is a search of the index, not a scan of anyone's records.
    const plan = ctx.vault.sqlite
      .prepare("EXPLAIN QUERY PLAN SELECT id FROM records WHERE staff_id = ? AND kind = 'cpd' AND data = ? LIMIT 1")
      .all(1, '{}') as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/SEARCH records USING COVERING INDEX records_content_idx \(staff_id=\? AND kind=\? AND data=\?\)/);
  });

  it('refuses the whole sheet naming each bad row and field, and writes nothing', async () => {
    const { ctx } = newVault();
    await importSpreadsheet(ctx, 'staff', 'staff.csv', csv(STAFF));
    const bad = csv(`staffRef,date,topic,provider,hours
ST-1,14/05/2026,Fine row,BABICM,3
ST-9,30/02/2026,Bad row,,lots`);
    const e = await caught(importSpreadsheet(ctx, 'cpd', 'cpd.csv', bad));
    const lines = e.issues!.map((i) => `${i.path}: ${i.message}`);
    // Each names the row and column, shows the value given, and says what is wanted.
    expect(lines).toContain('row 3.staffRef: “ST-9” is not the reference of anyone in Caseproof: add the person first');
    expect(lines).toContain('row 3.date: “30/02/2026” is not a real date: write it as dd/mm/yyyy (for example 31/12/2026) or yyyy-mm-dd');
    expect(lines).toContain('row 3.provider: is required');
    expect(lines).toContain('row 3.hours: “lots” must be a number');
    expect(loadSnapshot(ctx).staff[0].cpd).toEqual([]);
  });

  it('reports firm-level problems by row for staff sheets too', async () => {
    const { ctx } = newVault();
    const e = await caught(importSpreadsheet(ctx, 'staff', 'staff.csv', csv(`ref,name,daysPerWeek\nST-1,Amira,9`)));
    expect(e.message).toMatch(/row 2\.daysPerWeek: “9” must be at most 7/);
    expect(loadSnapshot(ctx).staff).toEqual([]);
  });

  it('reads XLSX, including real date cells', async () => {
    const { ctx } = newVault();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Training');
    ws.addRow(['staffRef', 'kind', 'completedOn', 'provider']);
    ws.addRow(['ST-1', 'safeguarding', new Date(Date.UTC(2026, 2, 15)), 'Local authority']);
    ws.addRow(['ST-2', 'infosec', '01/10/2026', '']);
    await importSpreadsheet(ctx, 'staff', 'staff.csv', csv(STAFF));
    const s = await importSpreadsheet(ctx, 'training', 'training.xlsx', new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(s.added.records).toBe(2);
    const snap = loadSnapshot(ctx);
    expect(snap.staff[0].training[0]).toMatchObject({ kind: 'safeguarding', completedOn: '2026-03-15', provider: 'Local authority' });
    expect(snap.staff[1].training[0]).toMatchObject({ kind: 'infosec', completedOn: '2026-10-01' });
  });

  it('imports cases with their instructing party, and refuses a file type it cannot read', async () => {
    const { ctx } = newVault();
    await importSpreadsheet(ctx, 'staff', 'staff.csv', csv(STAFF));
    const s = await importSpreadsheet(
      ctx,
      'cases',
      'cases.csv',
      csv(`ref,initials,caseManager,instructingPartyName,instructingPartyKind,status,injury,openedOn
C-1,AB,ST-1,Fenwick Law,solicitor,open-active,brain,01/06/2026`),
    );
    expect(s.added.cases).toBe(1);
    expect(loadSnapshot(ctx).cases[0]).toMatchObject({ ref: 'C-1', instructingParty: { name: 'Fenwick Law', kind: 'solicitor' }, openedOn: '2026-06-01' });
    expect((await caught(importSpreadsheet(ctx, 'cases', 'cases.ods', csv('x')))).message).toMatch(/use \.csv or \.xlsx/);
  });
});
