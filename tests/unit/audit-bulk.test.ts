// Bulk writes in the audit trail (issue 11, db/audit.ts bulkAudited): a spreadsheet import or
// pasted rows write one 'import' entry per person instead of one per row, on real encrypted
// vaults. Everything that reads the trail still sees each row: the check finds an imported row
// changed or deleted by raw SQL, the chain finds an import entry edited, deleted or reordered,
// a person's history shows the import, and a raw SQL tool still cannot write unseen.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { bulkAudited, bulkValuesOf, contentDrift, listAuditRows, verifyChain } from '../../db/audit';
import { checkAudit } from '../../db/check';
import { keyPragma } from '../../db/keys';
import { auditWorkbook, listAudit, recordHistory } from '../../electron/services/audit/audit';
import { fixedClock } from '../../electron/services/clock';
import { ctxOver } from '../../electron/services/context';
import { addRecord, deleteRecord, updateRecord } from '../../electron/services/evidence/records';
import { addPasted, planPasted } from '../../electron/services/interchange/pasteRows';
import { importSpreadsheet } from '../../electron/services/interchange/spreadsheet';
import { createStaff, updateStaff } from '../../electron/services/staff/staff';
import { importFirmFile } from '../../electron/services/interchange/importFirmFile';
import { newVault, reopen, sampleFirm } from '../support/vaults';

const AT = '2026-11-24T10:30:00Z';
const STAFF = `ref,name
BK-1,Amira Khan
BK-2,Ben Lowe`;
const CPD = `staffRef,date,topic,provider,hours
BK-1,14/05/2026,Mental capacity update,BABICM,3
BK-1,02/02/2026,Goal setting,CMSUK,2
BK-2,2025-11-30,Spinal pathways,UKABIF,1`;
const csv = (s: string) => Buffer.from(s + '\n');

async function imported() {
  const v = newVault();
  const ctx = ctxOver(v.vault, 'Pat Importer', fixedClock(AT));
  await importSpreadsheet(ctx, 'staff', 'staff.csv', csv(STAFF));
  const before = v.vault.sqlite.prepare<[], number>('SELECT max(seq) FROM audit_log').pluck().get()!;
  const sum = await importSpreadsheet(ctx, 'cpd', 'cpd.csv', csv(CPD));
  expect(sum.added.records).toBe(3);
  const entries = listAuditRows(v.vault.sqlite, { order: 'asc' }).filter((e) => e.seq > before);
  const rows = v.vault.sqlite
    .prepare<[], { id: number; ref: string; topic: string }>(
      `SELECT r.id, s.ref, json_extract(r.data, '$.topic') AS topic FROM records r JOIN staff s ON s.id = r.staff_id WHERE r.kind = 'cpd' ORDER BY r.id`,
    )
    .all();
  return { ...v, ctx, entries, rows };
}

/** Bypasses the guards as a raw SQL tool could: drop the triggers in the way, change, put nothing back. */
const tamper = (db: Database.Database, sql: string) => {
  db.exec(
    'DROP TRIGGER IF EXISTS audit_log_no_update; DROP TRIGGER IF EXISTS audit_log_no_delete; DROP TRIGGER IF EXISTS audit_values_no_update; ' +
      'DROP TRIGGER IF EXISTS audit_records_update; DROP TRIGGER IF EXISTS audit_records_delete',
  );
  db.exec(sql);
};

describe('a bulk import in the trail', () => {
  it('is one entry per person (and one for the import), each listing its rows, and checks clean', async () => {
    const { vault, entries, rows } = await imported();
    // No entry of its own for any imported row: one per person, then the import itself.
    expect(entries.map((e) => [e.action, e.tbl, e.subjectRef])).toEqual([
      ['import', null, 'BK-1'],
      ['import', null, 'BK-2'],
      ['import', null, null],
    ]);
    expect(entries.every((e) => e.who === 'Pat Importer' && e.at === AT)).toBe(true);
    const bk1 = bulkValuesOf(entries[0].action, entries[0].tbl, entries[0].after)!;
    expect(bk1.import).toEqual({ file: 'cpd.csv', kind: 'cpd' });
    expect(bk1.rows.map((r) => [r.tbl, r.rowId, r.op])).toEqual(rows.filter((r) => r.ref === 'BK-1').map((r) => ['records', r.id, 'create']));
    expect(bk1.rows.every((r) => /^[0-9a-f]{64}$/.test(r.afterHash!) && r.before === null)).toBe(true);
    expect(JSON.parse(entries[2].after!)).toMatchObject({ file: 'cpd.csv', added: { records: 3 } });
    expect(verifyChain(vault.sqlite).fault).toBeNull();
    expect(checkAudit(vault)).toEqual([]);
    // Still clean once reopened (the trail is read from the file, not from memory).
    vault.close();
    const again = reopen(vault.path);
    expect(checkAudit(again)).toEqual([]);
    again.close();
  });

  it('an imported row changed by raw SQL is named by the check', async () => {
    const { vault, rows } = await imported();
    const target = rows.find((r) => r.topic === 'Goal setting')!;
    tamper(vault.sqlite, `UPDATE records SET data = json_set(data, '$.hours', 20) WHERE id = ${target.id}`);
    expect(checkAudit(vault)).toEqual([
      {
        check: 'audit content',
        problem: `records row ${target.id} (staff BK-1) does not match its last audited state: it was changed behind Caseproof's back`,
      },
    ]);
    expect(verifyChain(vault.sqlite).fault).toBeNull(); // the chain itself is whole
    vault.close();
  });

  it('an imported row deleted by raw SQL, and one added, are named too', async () => {
    const { vault, rows } = await imported();
    const gone = rows.find((r) => r.ref === 'BK-2')!;
    tamper(vault.sqlite, `DELETE FROM records WHERE id = ${gone.id}`);
    expect(contentDrift(vault.sqlite)).toMatchObject([{ table: 'records', rowId: gone.id, now: null }]);
    expect(checkAudit(vault)[0].problem).toMatch(new RegExp(`records row ${gone.id} \\(staff BK-2\\) has gone without an audit entry`));
    vault.close();
  });

  it('a later change in the app is an entry of its own, and the check follows it', async () => {
    const { vault, ctx, rows } = await imported();
    const target = rows[0];
    updateRecord(ctx, target.id, { date: '2026-05-14', topic: 'Mental capacity update', provider: 'BABICM', hours: 4 });
    const last = listAuditRows(vault.sqlite, { order: 'desc', limit: 1 })[0];
    expect(last).toMatchObject({ action: 'update', tbl: 'records', rowId: target.id, subjectRef: 'BK-1' });
    expect(checkAudit(vault)).toEqual([]);
    // The import before it no longer speaks for that row: a raw edit now is measured against the update.
    tamper(vault.sqlite, `UPDATE records SET data = json_set(data, '$.hours', 5) WHERE id = ${target.id}`);
    expect(checkAudit(vault)[0].problem).toMatch(new RegExp(`records row ${target.id} \\(staff BK-1\\) does not match its last audited state`));
    vault.close();
  });

  it("a person's history and the Audit page show the import, with the file and its rows", async () => {
    const { ctx, vault, rows } = await imported();
    const history = recordHistory(ctx, 'staff', 'BK-1');
    expect(history[0]).toMatchObject({
      action: 'import',
      actionWords: 'Imported',
      who: 'Pat Importer',
      at: AT,
      subject: 'staff BK-1',
      what: '2 CPD entries added from cpd.csv',
      bulk: { file: 'cpd.csv' },
    });
    expect(history[0].bulk!.rows.map((r) => r.rowId)).toEqual(rows.filter((r) => r.ref === 'BK-1').map((r) => r.id));
    expect(listAudit(ctx, { subject: 'BK-2' }).entries[0]).toMatchObject({ action: 'import', what: '1 CPD entry added from cpd.csv' });
    // The XLSX export: one line per record the import wrote, with the hash of its content.
    const { bytes } = await auditWorkbook(ctx, { subject: 'BK-2' });
    const { default: Excel } = await import('exceljs');
    const wb = new Excel.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    const lines = wb.worksheets[0].getSheetValues().slice(2) as unknown[][];
    const importLine = lines.find((l) => l[4] === 'Imported' && l[6] === '1 CPD entry added from cpd.csv')!;
    expect(importLine[7]).toBe(`records row ${rows.find((r) => r.ref === 'BK-2')!.id}: Added`);
    expect(String(importLine[9])).toMatch(/^SHA-256 [0-9a-f]{64}$/);
    vault.close();
  });

  it('pasted rows are one entry for the person, named as pasted', () => {
    const { vault } = newVault();
    const ctx = ctxOver(vault, 'Sam Paster', fixedClock(AT));
    createStaff(ctx, { ref: 'PA-1', name: 'Pasted Person' } as never);
    const text = '2026-03-01\tRisk assessment\tBABICM\t2\n2026-03-02\tReport writing\tCMSUK\t1';
    const digest = planPasted(ctx, 'cpd', 'PA-1', text).plan.digest;
    expect(addPasted(ctx, 'cpd', 'PA-1', text, digest).added.records).toBe(2);
    expect(recordHistory(ctx, 'staff', 'PA-1')[0]).toMatchObject({ action: 'import', what: '2 CPD entries added from the pasted rows' });
    expect(checkAudit(vault)).toEqual([]);
    vault.close();
  });

  it('a bulk write that fails leaves neither rows nor entries', async () => {
    const { vault, ctx } = await imported();
    const count = () => vault.sqlite.prepare<[], number>('SELECT count(*) FROM audit_log').pluck().get()!;
    const n = count();
    expect(() =>
      vault.tx(() =>
        bulkAudited(vault.sqlite, { file: 'x.csv' }, () => {
          createStaff(ctx, { ref: 'NO-1', name: 'Never Kept' } as never);
          throw new Error('stop');
        }),
      ),
    ).toThrow('stop');
    expect(count()).toBe(n);
    // The connection is back to one entry per change.
    createStaff(ctx, { ref: 'YES-1', name: 'Kept' } as never);
    expect(listAuditRows(vault.sqlite, { order: 'desc', limit: 1 })[0]).toMatchObject({ action: 'create', tbl: 'staff', subjectRef: 'YES-1' });
    expect(checkAudit(vault)).toEqual([]);
    expect(() => bulkAudited(vault.sqlite, {}, () => 1)).toThrow(/inside a transaction/);
    vault.close();
  });
});

describe('updates and deletes in a bulk write', () => {
  it('keep what was there before, join a row changed twice, and check clean; a raw edit after is still named', async () => {
    const { vault, ctx, rows } = await imported();
    const [keep, gone] = rows.filter((r) => r.ref === 'BK-1');
    const seq = vault.sqlite.prepare<[], number>('SELECT max(seq) FROM audit_log').pluck().get()!;
    vault.tx(() =>
      bulkAudited(vault.sqlite, { file: 'mixed.json' }, () => {
        updateRecord(ctx, keep.id, { date: '2026-05-14', topic: 'Mental capacity update', provider: 'BABICM', hours: 5 });
        updateRecord(ctx, keep.id, { date: '2026-05-14', topic: 'Mental capacity update', provider: 'BABICM', hours: 6 });
        deleteRecord(ctx, gone.id);
        const brief = addRecord(ctx, { type: 'staff', ref: 'BK-2' }, 'cpd', { date: '2026-06-01', topic: 'Here and gone', provider: 'P', hours: 1 });
        deleteRecord(ctx, brief.id);
        updateStaff(ctx, 'BK-2', { ref: 'BK-2', name: 'Ben Lowe-Hart' } as never);
      }),
    );
    const entries = listAuditRows(vault.sqlite, { order: 'asc' }).filter((e) => e.seq > seq);
    expect(entries.map((e) => [e.action, e.subjectRef])).toEqual([
      ['import', 'BK-1'],
      ['import', 'BK-2'],
    ]);
    const bk1 = bulkValuesOf('import', null, entries[0].after)!.rows;
    // The record changed twice is one update (its before the first state, its hash the last); the deleted one keeps its content.
    expect(bk1.map((r) => [r.rowId, r.op])).toEqual([
      [keep.id, 'update'],
      [gone.id, 'delete'],
    ]);
    expect(JSON.parse(JSON.parse(bk1[0].before!).data as string)).toMatchObject({ hours: 3 });
    expect(bk1[1]).toMatchObject({ afterHash: null });
    expect(JSON.parse(JSON.parse(bk1[1].before!).data as string)).toMatchObject({ topic: 'Goal setting' });
    const bk2 = bulkValuesOf('import', null, entries[1].after)!.rows;
    expect(bk2.map((r) => [r.tbl, r.op])).toEqual([
      ['records', 'create'],
      ['records', 'delete'],
      ['staff', 'update'],
    ]);
    // A record added and deleted in the same write: its add carries the hash of what was deleted.
    expect(bk2[0].afterHash).toMatch(/^[0-9a-f]{64}$/);
    expect(checkAudit(vault)).toEqual([]);
    const history = recordHistory(ctx, 'staff', 'BK-1')[0];
    expect(history.what).toBe('1 record changed, 1 record deleted from mixed.json');
    expect(history.bulk!.rows[1].changes).toContainEqual({ field: 'topic', before: 'Goal setting', after: null });
    tamper(vault.sqlite, `DROP TRIGGER IF EXISTS audit_staff_update; UPDATE staff SET name = 'Quiet Edit' WHERE ref = 'BK-2'`);
    expect(checkAudit(vault)[0].problem).toMatch(/staff row \d+ \(staff BK-2\) does not match its last audited state/);
    vault.close();
  });
});

describe('the chain over bulk entries', () => {
  it('finds an import entry whose rows were edited', async () => {
    const { vault, entries, rows } = await imported();
    const e = entries[0];
    // Swap in another hash for a row: the entry's values no longer match the hash the chain holds.
    tamper(vault.sqlite, `UPDATE audit_values SET after = replace(after, '\t${rows[0].id}\tcreate\t', '\t${rows[0].id}\tcreate\t0') WHERE seq = ${e.seq}`);
    expect(verifyChain(vault.sqlite).fault).toMatchObject({
      seq: e.seq,
      problem: expect.stringMatching(/values recorded by entry \d+ \(import staff BK-1\) were changed/),
    });
    vault.close();
  });

  it('finds an import entry deleted, and one moved', async () => {
    const a = await imported();
    tamper(a.vault.sqlite, `DELETE FROM audit_log WHERE seq = ${a.entries[1].seq}`);
    expect(verifyChain(a.vault.sqlite).fault).toMatchObject({ seq: a.entries[1].seq, problem: expect.stringMatching(/is missing/) });
    a.vault.close();

    const b = await imported();
    const [x, y] = [b.entries[0].seq, b.entries[1].seq];
    tamper(
      b.vault.sqlite,
      `UPDATE audit_log SET seq = -1 WHERE seq = ${x}; UPDATE audit_log SET seq = ${x} WHERE seq = ${y}; UPDATE audit_log SET seq = ${y} WHERE seq = -1`,
    );
    expect(verifyChain(b.vault.sqlite).fault).toMatchObject({ seq: x });
    b.vault.close();
  });

  it('a raw SQL tool that fakes the bulk function writes no entry, and the check finds its row', async () => {
    const { vault, file } = await imported();
    const key = vault.key;
    vault.close();
    // A tool with the vault's key and stand-ins for the trail's functions, cp_audit_collect answering "collected" (1).
    const db = new Database(file);
    db.pragma(`cipher = 'sqlcipher'`);
    db.pragma('legacy = 4');
    db.pragma(keyPragma(key));
    db.function('cp_audit_collect', { varargs: true }, () => 1);
    db.function('cp_audit_bulk', () => 1);
    for (const f of ['cp_audit_begin', 'cp_audit_get', 'cp_audit_erasing']) db.function(f, { varargs: true }, () => null);
    const staffId = db.prepare<[], number>(`SELECT id FROM staff WHERE ref = 'BK-1'`).pluck().get()!;
    const id = Number(db.prepare(`INSERT INTO records (staff_id, kind, data, data_version) VALUES (?, 'cpd', '{}', 1)`).run(staffId).lastInsertRowid);
    db.close();
    const again = reopen(file);
    expect(checkAudit(again)[0].problem).toBe(`records row ${id} (staff BK-1) is not in the audit trail: it was added behind Caseproof's back`);
    again.close();
  });
});

describe('a firm file in the trail', () => {
  it('is one entry per person, supplier, case and instructing party, named by the file; the check follows every row', () => {
    const v = newVault();
    const ctx = ctxOver(v.vault, 'Pat Importer', fixedClock(AT));
    const file = sampleFirm();
    importFirmFile(ctx, file, { file: 'riverside.json' });
    const entries = listAuditRows(v.vault.sqlite, { order: 'asc' });
    // No row has an entry of its own: one bulk entry per subject, then the import itself.
    expect(entries.every((e) => e.action === 'import' && e.tbl === null)).toBe(true);
    const people = entries.filter((e) => e.subjectKind === 'staff').map((e) => e.subjectRef);
    expect(people).toEqual(file.staff.map((s: { ref: string }) => s.ref));
    expect(entries.at(-1)).toMatchObject({ subjectKind: 'vault' });
    const first = file.staff[0] as { ref: string; cpd: unknown[] };
    const history = recordHistory(ctx, 'staff', first.ref);
    expect(history[0]).toMatchObject({ action: 'import', bulk: { file: 'riverside.json' } });
    expect(history[0].what).toMatch(/ added from riverside\.json$/);
    // The person's row and each of their CPD entries are in their entry.
    const cpdRows = history[0].bulk!.rows.filter((r) => r.table === 'records');
    expect(cpdRows.length).toBeGreaterThanOrEqual(first.cpd.length);
    expect(verifyChain(v.vault.sqlite).fault).toBeNull();
    expect(checkAudit(v.vault)).toEqual([]);
    // A row the file wrote, edited by raw SQL afterwards, is found.
    const id = cpdRows[0].rowId;
    tamper(v.vault.sqlite, `UPDATE records SET data = json_set(data, '$.hours', 99) WHERE id = ${id}`);
    expect(checkAudit(v.vault)[0].problem).toMatch(new RegExp(`records row ${id} \\(staff ${first.ref}\\) does not match its last audited state`));
    v.vault.close();
  });
});
