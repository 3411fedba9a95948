// Bulk writes in the audit trail (issue 11, db/audit.ts bulkAudited): a spreadsheet import,
// pasted rows or a firm file write one 'import' entry for the write, listing the rows it added
// subject by subject, instead of one per row, on real encrypted vaults. Everything that reads
// the trail still sees each row: the check finds an imported row changed or deleted by raw SQL,
// the chain finds an import entry edited, deleted or reordered, a person's history shows the
// import (through the subject index, which the check holds to the entries), a raw SQL tool
// still cannot write unseen, and entries written the earlier way (one per subject, data
// version 13-15) read and check as before.
import { hash } from 'node:crypto';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { appendEntry, bulkAudited, bulkValuesOf, contentDrift, hasAuditSubjects, installAuditTriggers, listAuditRows, verifyChain } from '../../db/audit';
import { createVault } from '../../db/client';
import { MIGRATIONS } from '../../db/migrations';
import { checkAudit } from '../../db/check';
import { keyPragma } from '../../db/keys';
import { auditWorkbook, BULK_ROWS_LISTED, listAudit, recordHistory } from '../../electron/services/audit/audit';
import { fixedClock } from '../../electron/services/clock';
import { ctxOver } from '../../electron/services/context';
import { addRecord, deleteRecord, updateRecord } from '../../electron/services/evidence/records';
import { addPasted, planPasted } from '../../electron/services/interchange/pasteRows';
import { importSpreadsheet } from '../../electron/services/interchange/spreadsheet';
import { createStaff, updateStaff } from '../../electron/services/staff/staff';
import { importFirmFile } from '../../electron/services/interchange/importFirmFile';
import { bigFirmFile } from '../support/bigFirm';
import { newVault, PASS, reopen, sampleFirm } from '../support/vaults';

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
    'DROP TRIGGER IF EXISTS audit_log_no_update; DROP TRIGGER IF EXISTS audit_log_no_delete; ' +
      'DROP TRIGGER IF EXISTS audit_records_update; DROP TRIGGER IF EXISTS audit_records_delete',
  );
  db.exec(sql);
};

describe('a bulk import in the trail', () => {
  it("is one entry for the write (and one for the import), listing each person's rows, and checks clean", async () => {
    const { vault, entries, rows } = await imported();
    // No entry of its own for any imported row: one for the write's rows, then the import itself.
    expect(entries.map((e) => [e.action, e.tbl, e.subjectKind])).toEqual([
      ['import', null, 'vault'],
      ['import', null, 'vault'],
    ]);
    expect(entries.every((e) => e.who === 'Pat Importer' && e.at === AT)).toBe(true);
    const bulk = bulkValuesOf(entries[0].action, entries[0].tbl, entries[0].after)!;
    expect(bulk.import).toEqual({ file: 'cpd.csv', kind: 'cpd' });
    // Person by person, each of their rows with the first 24 hex digits of its content's SHA-256.
    const staffId = (ref: string) => vault.sqlite.prepare<[string], number>('SELECT id FROM staff WHERE ref = ?').pluck().get(ref)!;
    expect(bulk.sections.map((x) => x.subject)).toEqual([
      { kind: 'staff', id: staffId('BK-1'), ref: 'BK-1' },
      { kind: 'staff', id: staffId('BK-2'), ref: 'BK-2' },
    ]);
    expect(bulk.sections[0].rows.map((r) => [r.tbl, r.rowId, r.op])).toEqual(rows.filter((r) => r.ref === 'BK-1').map((r) => ['records', r.id, 'create']));
    expect(bulk.rows.every((r) => /^[0-9a-f]{24}$/.test(r.afterHash!) && r.before === null)).toBe(true);
    // The row's content as the check reads it: every column, in the table's order, as JSON.
    const cols = (vault.sqlite.pragma('table_info(records)') as { name: string }[]).map((c) => `'${c.name}', "${c.name}"`);
    const json = vault.sqlite
      .prepare<[number], string>(`SELECT json_object(${cols.join(', ')}) FROM records WHERE id = ?`)
      .pluck()
      .get(rows[0].id)!;
    expect(hash('sha256', json, 'hex').slice(0, 24)).toBe(bulk.rows[0].afterHash);
    // The subject index names each person against the entry.
    expect(vault.sqlite.prepare('SELECT kind, id, seq, ref FROM audit_subjects WHERE seq = ? ORDER BY rowid').all(entries[0].seq)).toEqual([
      { kind: 'staff', id: staffId('BK-1'), seq: entries[0].seq, ref: 'BK-1' },
      { kind: 'staff', id: staffId('BK-2'), seq: entries[0].seq, ref: 'BK-2' },
    ]);
    expect(JSON.parse(entries[1].after!)).toMatchObject({ file: 'cpd.csv', added: { records: 3 } });
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
    expect(String(importLine[9])).toMatch(/^SHA-256 [0-9a-f]{24}…$/);
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
  it('are entries of their own (their before stays erasable subject by subject); a row added and deleted within it is listed as gone; the check follows', async () => {
    const { vault, ctx, rows } = await imported();
    const [keep, gone] = rows.filter((r) => r.ref === 'BK-1');
    const seq = vault.sqlite.prepare<[], number>('SELECT max(seq) FROM audit_log').pluck().get()!;
    let briefId = 0;
    vault.tx(() =>
      bulkAudited(vault.sqlite, { file: 'mixed.json' }, () => {
        updateRecord(ctx, keep.id, { date: '2026-05-14', topic: 'Mental capacity update', provider: 'BABICM', hours: 5 });
        updateRecord(ctx, keep.id, { date: '2026-05-14', topic: 'Mental capacity update', provider: 'BABICM', hours: 6 });
        deleteRecord(ctx, gone.id);
        briefId = addRecord(ctx, { type: 'staff', ref: 'BK-2' }, 'cpd', { date: '2026-06-01', topic: 'Here and gone', provider: 'P', hours: 1 }).id;
        deleteRecord(ctx, briefId);
        updateStaff(ctx, 'BK-2', { ref: 'BK-2', name: 'Ben Lowe-Hart' } as never);
      }),
    );
    const entries = listAuditRows(vault.sqlite, { order: 'asc' }).filter((e) => e.seq > seq);
    expect(entries.map((e) => [e.action, e.tbl, e.subjectRef])).toEqual([
      ['update', 'records', 'BK-1'],
      ['update', 'records', 'BK-1'],
      ['delete', 'records', 'BK-1'],
      ['delete', 'records', 'BK-2'],
      ['update', 'staff', 'BK-2'],
      ['import', null, null],
    ]);
    expect(JSON.parse(JSON.parse(entries[2].before!).data as string)).toMatchObject({ topic: 'Goal setting' });
    // The record added and deleted again: listed under its person, with no content left to hash.
    const bulk = bulkValuesOf('import', null, entries[5].after)!;
    expect(bulk.sections).toEqual([
      {
        subject: { kind: 'staff', id: expect.any(Number), ref: 'BK-2' },
        rows: [{ tbl: 'records', rowId: briefId, op: 'create', afterHash: null, before: null }],
      },
    ]);
    expect(checkAudit(vault)).toEqual([]);
    const history = recordHistory(ctx, 'staff', 'BK-1');
    expect(history[0]).toMatchObject({ action: 'delete', what: 'CPD entry' });
    expect(history[0].changes).toContainEqual({ field: 'topic', before: 'Goal setting', after: null });
    // Newest first: the write's entry (its part about BK-2), the change to their details, the delete.
    expect(recordHistory(ctx, 'staff', 'BK-2').slice(0, 3)).toMatchObject([
      { action: 'import', subject: 'staff BK-2', what: '1 record added from mixed.json', bulk: { rows: [{ rowId: briefId, afterHash: null }] } },
      { action: 'update', table: 'staff' },
      { action: 'delete', rowId: briefId },
    ]);
    tamper(vault.sqlite, `DROP TRIGGER IF EXISTS audit_staff_update; UPDATE staff SET name = 'Quiet Edit' WHERE ref = 'BK-2'`);
    expect(checkAudit(vault)[0].problem).toMatch(/staff row \d+ \(staff BK-2\) does not match its last audited state/);
    vault.close();
  });
});

describe('the chain over bulk entries', () => {
  it("finds an import entry whose rows were edited: a row's hash swapped for a changed row's", async () => {
    const { vault, entries, rows } = await imported();
    const e = entries[0];
    const row = bulkValuesOf(e.action, e.tbl, e.after)!.rows.find((r) => r.rowId === rows[0].id)!;
    tamper(vault.sqlite, `UPDATE audit_log SET after = replace(after, '${row.afterHash}', '${'0'.repeat(24)}') WHERE seq = ${e.seq}`);
    expect(verifyChain(vault.sqlite).fault).toMatchObject({
      seq: e.seq,
      problem: expect.stringMatching(/values recorded by entry \d+ \(import the vault\) were changed/),
    });
    vault.close();
  });

  it('finds an import entry deleted, and one moved', async () => {
    const a = await imported();
    tamper(a.vault.sqlite, `DELETE FROM audit_log WHERE seq = ${a.entries[0].seq}`);
    expect(verifyChain(a.vault.sqlite).fault).toMatchObject({ seq: a.entries[0].seq, problem: expect.stringMatching(/is missing/) });
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

  it('the subject index is held to the entries: a person taken out of it (hiding an import from their history), or put in, is named', async () => {
    const a = await imported();
    const seq = a.entries[0].seq;
    tamper(a.vault.sqlite, `DROP TRIGGER audit_subjects_no_delete; DELETE FROM audit_subjects WHERE ref = 'BK-1' AND seq = ${seq}`);
    expect(recordHistory(a.ctx, 'staff', 'BK-1').filter((h) => h.seq === seq)).toEqual([]);
    expect(checkAudit(a.vault)).toEqual([
      {
        check: 'audit index',
        problem: `subject index of the audit trail is missing staff BK-1 for entry ${seq}: their history would not show that entry`,
      },
    ]);
    a.vault.close();

    const b = await imported();
    const other = b.vault.sqlite.prepare<[], number>(`SELECT id FROM staff WHERE ref = 'BK-2'`).pluck().get()!;
    tamper(b.vault.sqlite, `INSERT INTO audit_subjects (kind, id, seq, ref) VALUES ('staff', ${other}, 1, 'BK-2')`);
    expect(checkAudit(b.vault)[0]).toMatchObject({
      check: 'audit index',
      problem: expect.stringMatching(/names staff BK-2 against entry 1, which is not about them/),
    });
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
  it('is one entry for the file, naming every person, supplier, case and instructing party; their histories and the check follow every row', () => {
    const v = newVault();
    const ctx = ctxOver(v.vault, 'Pat Importer', fixedClock(AT));
    const file = sampleFirm();
    importFirmFile(ctx, file, { file: 'riverside.json' });
    const entries = listAuditRows(v.vault.sqlite, { order: 'asc' });
    // No row has an entry of its own: the file's one bulk entry, then the import itself.
    expect(entries.map((e) => [e.action, e.tbl, e.subjectKind])).toEqual([
      ['import', null, 'vault'],
      ['import', null, 'vault'],
    ]);
    const bulk = bulkValuesOf('import', null, entries[0].after)!;
    const named = (kind: string) => bulk.sections.filter((x) => x.subject?.kind === kind).map((x) => x.subject!.ref);
    expect(named('staff')).toEqual(file.staff.map((s: { ref: string }) => s.ref));
    expect(named('supplier')).toEqual(file.suppliers.map((s: { ref: string }) => s.ref));
    expect(named('case').length).toBe(file.cases.length);
    expect(named('firm')).toEqual([null]);
    // Every row the file wrote is in the entry, once: every row of each table it wrote to.
    const tables = [...new Set(bulk.rows.map((r) => r.tbl))];
    expect(tables).toEqual(expect.arrayContaining(['firm', 'staff', 'suppliers', 'records', 'cases', 'contacts']));
    for (const t of tables)
      expect([t, bulk.rows.filter((r) => r.tbl === t).length]).toEqual([t, v.vault.sqlite.prepare<[], number>(`SELECT count(*) FROM "${t}"`).pluck().get()!]);
    const total = bulk.rows.length;
    expect(new Set(bulk.rows.map((r) => `${r.tbl}:${r.rowId}`)).size).toBe(total);
    // The Audit page says what it was in words; a person's history shows their part of it.
    const page = listAudit(ctx, {});
    const what = page.entries.find((e) => e.seq === entries[0].seq)!.what!;
    expect(what).toMatch(new RegExp(`^${total} records added from riverside\\.json, about the firm, ${file.staff.length} case managers, `));
    expect(what).toMatch(new RegExp(` and ${file.cases.length} cases?$`));
    const first = file.staff[0] as { ref: string; cpd: unknown[] };
    const history = recordHistory(ctx, 'staff', first.ref);
    expect(history[0]).toMatchObject({ action: 'import', subject: `staff ${first.ref}`, bulk: { file: 'riverside.json' } });
    expect(history[0].what).toMatch(/ added from riverside\.json$/);
    const cpdRows = history[0].bulk!.rows.filter((r) => r.table === 'records');
    expect(cpdRows.length).toBeGreaterThanOrEqual(first.cpd.length);
    expect(history[0].bulk!.total).toBe(history[0].bulk!.rows.length);
    const aCase = file.cases[0] as { ref: string };
    expect(recordHistory(ctx, 'case', aCase.ref)[0]).toMatchObject({ action: 'import', subject: `case ${aCase.ref}` });
    expect(listAudit(ctx, { subject: aCase.ref }).entries.map((e) => [e.action, e.subject])).toEqual([['import', `case ${aCase.ref}`]]);
    expect(verifyChain(v.vault.sqlite).fault).toBeNull();
    expect(checkAudit(v.vault)).toEqual([]);
    // A row the file wrote, edited by raw SQL afterwards, is found.
    const id = cpdRows[0].rowId;
    tamper(v.vault.sqlite, `UPDATE records SET data = json_set(data, '$.hours', 99) WHERE id = ${id}`);
    expect(checkAudit(v.vault)[0].problem).toMatch(new RegExp(`records row ${id} \\(staff ${first.ref}\\) does not match its last audited state`));
    v.vault.close();
  });

  it("on the Audit page lists the first rows of a big one and counts them all; a case's history and the export list every row", async () => {
    const v = newVault();
    const ctx = ctxOver(v.vault, 'Pat Importer', fixedClock(AT));
    importFirmFile(ctx, bigFirmFile(300, 3), { file: 'big.json' });
    const [entry] = listAudit(ctx, {}).entries.filter((e) => e.bulk);
    expect(entry.bulk!.total).toBeGreaterThan(BULK_ROWS_LISTED);
    expect(entry.bulk!.rows.length).toBe(BULK_ROWS_LISTED);
    expect(entry.what).toMatch(new RegExp(`^${entry.bulk!.total} records added from big\\.json, about the firm, 3 case managers, .* and 300 cases$`));
    const someCase = v.vault.sqlite.prepare<[], string>('SELECT ref FROM cases ORDER BY id DESC LIMIT 1').pluck().get()!;
    const mine = recordHistory(ctx, 'case', someCase)[0];
    expect(mine).toMatchObject({ action: 'import', subject: `case ${someCase}` });
    expect(mine.bulk!.rows.length).toBe(mine.bulk!.total);
    expect(mine.bulk!.rows.map((r) => r.table)).toContain('cases');
    const { default: Excel } = await import('exceljs');
    const wb = new Excel.Workbook();
    await wb.xlsx.load(Buffer.from((await auditWorkbook(ctx, {})).bytes) as unknown as ArrayBuffer);
    const lines = (wb.worksheets[0].getSheetValues().slice(2) as unknown[][]).filter((l) => l[1] === entry.seq);
    expect(lines.length).toBe(entry.bulk!.total);
    v.vault.close();
  });
});

describe('bulk entries written the earlier way (one per subject, data version 13-15)', () => {
  it("still read, check and show in a history after the vault moves to today's data version", () => {
    // A vault at data version 15, holding a row whose only entry is one of that version's bulk
    // entries (one per subject, one line per row with the full hash of its content).
    const dir = newVault();
    dir.vault.close();
    const file = dir.file.replace(/\.cpv$/, '-v15.cpv');
    const old = createVault(file, { passphrase: PASS }, { migrations: MIGRATIONS.slice(0, 15) });
    expect(old.sqlite.pragma('user_version', { simple: true })).toBe(15);
    expect(hasAuditSubjects(old.sqlite)).toBe(false);
    const ctx = ctxOver(old, 'Pat Importer', fixedClock(AT));
    createStaff(ctx, { ref: 'OLD-1', name: 'Olga Old' } as never);
    old.sqlite.exec('DROP TRIGGER audit_records_insert');
    const staffId = old.sqlite.prepare<[], number>(`SELECT id FROM staff WHERE ref = 'OLD-1'`).pluck().get()!;
    const rowId = Number(
      old.sqlite
        .prepare(`INSERT INTO records (staff_id, kind, data, data_version) VALUES (?, 'cpd', ?, 1)`)
        .run(staffId, JSON.stringify({ date: '2026-01-05', topic: 'Older import', provider: 'BABICM', hours: 2 })).lastInsertRowid,
    );
    const [drift] = contentDrift(old.sqlite);
    expect(drift).toMatchObject({ table: 'records', rowId, audited: null });
    old.tx(() =>
      appendEntry(old.sqlite, {
        action: 'import',
        subjectKind: 'staff',
        subjectId: staffId,
        subjectRef: 'OLD-1',
        after: `{"bulk":1,"import":{"file":"older.csv","kind":"cpd"}}\nrecords\t${rowId}\tcreate\t${hash('sha256', drift.now!, 'hex')}\t`,
      }),
    );
    installAuditTriggers(old.sqlite);
    expect(checkAudit(old)).toEqual([]);
    old.close();

    const now = reopen(file);
    expect(now.sqlite.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(hasAuditSubjects(now.sqlite)).toBe(true);
    expect(checkAudit(now)).toEqual([]);
    const c = ctxOver(now, 'Pat Importer', fixedClock(AT));
    const [entry] = recordHistory(c, 'staff', 'OLD-1');
    expect(entry).toMatchObject({ action: 'import', subject: 'staff OLD-1', what: '1 CPD entry added from older.csv', bulk: { file: 'older.csv', total: 1 } });
    expect(entry.bulk!.rows[0]).toMatchObject({ table: 'records', rowId, action: 'create', afterHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    // And the check still measures the row against that entry's full hash.
    tamper(now.sqlite, `UPDATE records SET data = json_set(data, '$.hours', 7) WHERE id = ${rowId}`);
    expect(checkAudit(now)[0].problem).toMatch(new RegExp(`records row ${rowId} \\(staff OLD-1\\) does not match its last audited state`));
    now.close();
  });
});
