// The audit trail on real encrypted vaults (issue 11): every change is an entry written in
// the same transaction, naming who and when (the one clock), with before and after; the
// entries cannot be changed from the app; the chain finds an entry edited, deleted or
// reordered; the content check finds a row changed, added or deleted by raw SQL; a vault made
// before the trail gets a baseline entry for every row it held.
import { describe, expect, it } from 'vitest';
import { auditListQuery, contentDrift, eraseAuditValues, listAuditRows, SUBJECT_BATCH, verifyChain } from '../../db/audit';
import { checkAudit, checkEvidence, checkVault } from '../../db/check';
import path from 'node:path';
import Database from 'better-sqlite3';
import { createVault, openVault } from '../../db/client';
import { tempDir } from '../support/tmp';
import { MIGRATIONS } from '../../db/migrations';
import { listAudit, recordHistory } from '../../electron/services/audit/audit';
import { fixedClock } from '../../electron/services/clock';
import { ctxOver } from '../../electron/services/context';
import { addRecord, updateRecord } from '../../electron/services/evidence/records';
import { importFirmFile } from '../../electron/services/interchange/importFirmFile';
import { importSpreadsheet } from '../../electron/services/interchange/spreadsheet';
import { createStaff, deleteStaff, updateStaff } from '../../electron/services/staff/staff';
import { newVault, PASS, reopen, sampleFirm } from '../support/vaults';

const AT = '2026-11-24T10:30:00Z';

/**
 * The Riverside sample imported (entry 1 lists every row the file added, entry 2 is the import
 * itself), then four people added one by one, an entry each (3-6): a chain of six to tamper with.
 */
function sampleVault() {
  const v = newVault();
  const ctx = ctxOver(v.vault, 'Pat Manager', fixedClock(AT));
  importFirmFile(ctx, sampleFirm());
  for (const n of [1, 2, 3, 4]) createStaff(ctx, { ref: `ONE-${n}`, name: `Added One By One ${n}` } as never);
  return { ...v, ctx };
}
const count = (ctx: { vault: { sqlite: Database.Database } }, sql: string) => (ctx.vault.sqlite.prepare(sql).get() as { n: number }).n;

describe('the trail records every change', () => {
  it('names who and when, with the values before and after, in the same transaction as the change', () => {
    const { ctx, vault } = sampleVault();
    const first = ctx.vault.sqlite.prepare<[], { ref: string }>('SELECT ref FROM staff ORDER BY id LIMIT 1').get()!.ref;
    const later = ctxOver(vault, 'Sam Editor', fixedClock('2026-11-25T09:00:00Z'));
    const before = count(ctx, 'SELECT count(*) AS n FROM audit_log');
    const current = later.vault.sqlite.prepare<[string], { name: string; role: string | null }>('SELECT name, role FROM staff WHERE ref = ?').get(first)!;
    updateStaff(later, first, { ref: first, name: 'Renamed Person', role: current.role ?? undefined } as never);
    const rows = listAuditRows(vault.sqlite, { order: 'desc', limit: 1 });
    expect(rows[0]).toMatchObject({
      seq: before + 1,
      at: '2026-11-25T09:00:00Z',
      who: 'Sam Editor',
      action: 'update',
      tbl: 'staff',
      subjectKind: 'staff',
      subjectRef: first,
    });
    expect(JSON.parse(rows[0].before!).name).toBe(current.name);
    expect(JSON.parse(rows[0].after!).name).toBe('Renamed Person');
    const history = recordHistory(later, 'staff', first);
    expect(history[0].changes).toContainEqual({ field: 'name', before: current.name, after: 'Renamed Person' });

    // A change that fails leaves no entry: the entry is part of the change's transaction.
    expect(() =>
      vault.tx(() => {
        createStaff(later, { ref: 'NEW-1', name: 'Nobody' } as never);
        throw new Error('stop');
      }),
    ).toThrow('stop');
    expect(count(ctx, 'SELECT count(*) AS n FROM audit_log')).toBe(before + 1);

    // A delete keeps the values it removed.
    createStaff(later, { ref: 'GONE-1', name: 'Short Stay' } as never);
    deleteStaff(later, 'GONE-1');
    const del = listAuditRows(vault.sqlite, { order: 'desc', limit: 1 })[0];
    expect(del).toMatchObject({ action: 'delete', subjectRef: 'GONE-1', after: null });
    expect(JSON.parse(del.before!).name).toBe('Short Stay');
    expect(verifyChain(vault.sqlite).fault).toBeNull();
    expect(checkVault(vault, { evidence: true, audit: true })).toEqual([]);
    vault.close();
  });

  it('an evidence record change shows field by field, under its owner', () => {
    const { ctx, vault } = sampleVault();
    const ref = ctx.vault.sqlite.prepare<[], { ref: string }>('SELECT ref FROM staff ORDER BY id LIMIT 1').get()!.ref;
    const rec = addRecord(ctx, { type: 'staff', ref }, 'cpd', { date: '2026-10-01', hours: 2, topic: 'Brain injury study day', provider: 'UKABIF' });
    updateRecord(ctx, rec.id, { date: '2026-10-01', hours: 3, topic: 'Brain injury study day', provider: 'UKABIF' });
    const page = listAudit(ctx, { subject: ref, limit: 1 });
    expect(page.entries[0]).toMatchObject({ action: 'update', what: 'CPD entry', subject: `staff ${ref}` });
    expect(page.entries[0].changes).toContainEqual({ field: 'hours', before: '2', after: '3' });
    vault.close();
  });

  it('its entries cannot be changed or deleted from the app', () => {
    const { vault } = sampleVault();
    expect(() => vault.sqlite.prepare("UPDATE audit_log SET who = 'Someone else' WHERE seq = 1").run()).toThrow(/cannot be changed/);
    expect(() => vault.sqlite.prepare('DELETE FROM audit_log WHERE seq = 1').run()).toThrow(/cannot be changed/);
    // Nor its values (they live in the entry's row): only erasure past retention may empty them.
    expect(() => vault.sqlite.prepare("UPDATE audit_log SET after = '{}' WHERE seq = 1").run()).toThrow(/cannot be changed/);
    expect(() => vault.sqlite.prepare('UPDATE audit_log SET after = NULL, before = NULL, erased = 1 WHERE seq = 1').run()).toThrow(/cannot be changed/);
    expect(() => vault.sqlite.prepare('DELETE FROM audit_subjects').run()).toThrow(/cannot be changed/);
    vault.close();
  });
});

describe('the chain', () => {
  /** Bypasses the guards as a raw SQL tool could (drop the triggers, edit, put nothing back). */
  const tamper = (db: Database.Database, sql: string) => {
    db.exec('DROP TRIGGER IF EXISTS audit_log_no_update; DROP TRIGGER IF EXISTS audit_log_no_delete');
    db.exec(sql);
  };

  it('finds an edited entry', () => {
    const { vault } = sampleVault();
    expect(verifyChain(vault.sqlite)).toMatchObject({ fault: null });
    tamper(vault.sqlite, "UPDATE audit_log SET who = 'Someone else' WHERE seq = 5");
    expect(verifyChain(vault.sqlite).fault).toMatchObject({ seq: 5, problem: expect.stringMatching(/entry 5 .* was changed after it was written/) });
    vault.close();
  });

  it('says when the edited entry was written in UK words and London time, keeping the instant for tools', () => {
    const { vault } = sampleVault();
    const at = (vault.sqlite.prepare('SELECT at FROM audit_log WHERE seq = 5').get() as { at: string }).at;
    tamper(vault.sqlite, "UPDATE audit_log SET who = 'Someone else' WHERE seq = 5");
    const fault = verifyChain(vault.sqlite).fault!;
    expect(fault.at).toBe(at);
    // AT is 10:30 UTC on 24 November: 10:30 in London too (GMT).
    expect(at).toBe(AT);
    expect(fault.problem).toContain(' on 24/11/2026 10:30 by Someone else)');
    expect(fault.problem).not.toContain(at);
    // In summer London is an hour ahead of UTC; an edited time that is no time is shown as it stands.
    tamper(vault.sqlite, "UPDATE audit_log SET at = '2026-07-01T09:30:00.000Z' WHERE seq = 5");
    expect(verifyChain(vault.sqlite).fault!.problem).toContain(' on 01/07/2026 10:30 by Someone else)');
    tamper(vault.sqlite, "UPDATE audit_log SET at = 'yesterday' WHERE seq = 5");
    expect(verifyChain(vault.sqlite).fault!.problem).toContain(' on "yesterday" by Someone else)');
    vault.close();
  });

  it('finds an edited value', () => {
    const { vault } = sampleVault();
    // (Entry 1 lists the rows the sample firm file added, person by person: one person's rows credited to another.)
    tamper(vault.sqlite, `UPDATE audit_log SET after = replace(after, '"RR-01"', '"RR-02"') WHERE seq = 1 AND instr(after, '"RR-01"') > 0`);
    expect(vault.sqlite.prepare('SELECT changes() AS n').get()).toEqual({ n: 1 });
    expect(verifyChain(vault.sqlite).fault).toMatchObject({ seq: 1, problem: expect.stringMatching(/values recorded by entry 1 .* were changed/) });
    vault.close();
  });

  it('finds a deleted entry, and the last one deleted too', () => {
    const { vault } = sampleVault();
    tamper(vault.sqlite, 'DELETE FROM audit_log WHERE seq = 4');
    expect(verifyChain(vault.sqlite).fault).toMatchObject({ seq: 4, problem: expect.stringMatching(/entry 4 is missing/) });
    vault.close();
    const other = sampleVault();
    createStaff(other.ctx, { ref: 'LAST-1', name: 'Last Change' } as never);
    const last = count(other.ctx, 'SELECT max(seq) AS n FROM audit_log');
    tamper(other.vault.sqlite, `DELETE FROM audit_log WHERE seq = ${last}`);
    // The chain alone cannot see its own end cut off; the row that entry recorded has no audited state now.
    expect(verifyChain(other.vault.sqlite).fault).toBeNull();
    expect(checkAudit(other.vault)[0]).toMatchObject({ check: 'audit content', problem: expect.stringMatching(/staff LAST-1\) is not in the audit trail/) });
    other.vault.close();
  });

  it('finds reordered entries', () => {
    const { vault } = sampleVault();
    tamper(
      vault.sqlite,
      'UPDATE audit_log SET seq = -1 WHERE seq = 3; UPDATE audit_log SET seq = 3 WHERE seq = 4; UPDATE audit_log SET seq = 4 WHERE seq = -1',
    );
    expect(verifyChain(vault.sqlite).fault).toMatchObject({ seq: 3 });
    vault.close();
  });
});

describe('a change made behind Caseproof’s back', () => {
  it('is found: a row changed, added or deleted by raw SQL with the triggers dropped', () => {
    const { vault } = sampleVault();
    expect(contentDrift(vault.sqlite)).toEqual([]);
    vault.sqlite.exec("DROP TRIGGER audit_staff_update; UPDATE staff SET name = 'Edited Quietly' WHERE id = 1");
    const [fault] = checkAudit(vault);
    expect(fault.check).toBe('audit content');
    expect(fault.problem).toMatch(/^staff row 1 \(staff [^)]+\) does not match its last audited state/);
    vault.sqlite.exec('DROP TRIGGER audit_records_delete; DELETE FROM records WHERE id = 1');
    expect(checkAudit(vault).map((f) => f.problem)).toContainEqual(expect.stringMatching(/records row 1 .* has gone without an audit entry/));
    vault.close();
  });

  it('a raw SQL tool without Caseproof’s functions cannot write an audited table at all', () => {
    const { vault, file } = sampleVault();
    const key = vault.key;
    vault.close();
    const raw = new Database(file);
    raw.pragma(`cipher = 'sqlcipher'`);
    raw.pragma('legacy = 4');
    raw.pragma(`key = "x'${key.key.toString('hex')}'"`);
    expect(() => raw.prepare("UPDATE staff SET name = 'x' WHERE id = 1").run()).toThrow(/no such function: cp_audit_/);
    raw.close();
  });

  it('an evidence file whose bytes changed is named', () => {
    const { vault } = sampleVault();
    expect(checkEvidence(vault)).toEqual([]);
    const f = vault.sqlite
      .prepare<[], { id: number; name: string }>('SELECT id, name FROM evidence_files WHERE destroyed_on IS NULL ORDER BY id LIMIT 1')
      .get()!;
    vault.sqlite.prepare("UPDATE evidence_contents SET content = CAST('not the file' AS BLOB) WHERE file_id = ?").run(f.id);
    expect(checkEvidence(vault)[0].problem).toBe(
      `evidence file ${f.id} (${f.name}) does not match its SHA-256 (${vault.sqlite.prepare<[number], { sha256: string }>('SELECT sha256 FROM evidence_files WHERE id = ?').get(f.id)!.sha256.slice(0, 12)}…): its bytes were changed`,
    );
    vault.close();
  });
});

describe('a vault made before the trail', () => {
  it('gets a baseline entry for every row it held, and checks clean', () => {
    const { vault, file } = newVault();
    vault.close();
    // Rebuild the file as the release before the trail left it: data version 4, no trail.
    const before = MIGRATIONS.slice(
      0,
      MIGRATIONS.findIndex((m) => m.name === '0005_audit'),
    );
    const old = path.join(tempDir(), 'old.cpv');
    const o = createVault(old, { passphrase: PASS }, { migrations: before });
    // Rows as that release wrote them (raw SQL: today's services write columns it did not have).
    o.sqlite.exec(`
      INSERT INTO firm (id, name) VALUES (1, 'Riverside');
      INSERT INTO staff (ref, name) VALUES ('RR-01', 'Morgan Ellis'), ('RR-02', 'Toni Reyes');
      INSERT INTO records (staff_id, kind, data, data_version) VALUES (1, 'cpd', '{"date":"2026-01-01","topic":"T","provider":"P"}', 1);
    `);
    const rows = 4;
    o.close();
    const v = openVault(old, { passphrase: PASS }, { user: 'Upgrader', clock: fixedClock(AT) });
    const base = listAuditRows(v.sqlite, {});
    expect(base.every((r) => r.action === 'baseline' && r.who === 'Upgrader' && r.at === AT)).toBe(true);
    expect(base.filter((r) => ['firm', 'staff', 'records'].includes(r.tbl!)).length).toBe(rows);
    expect(base.find((r) => r.tbl === 'staff' && r.rowId === 2)).toMatchObject({ subjectKind: 'staff', subjectRef: 'RR-02' });
    expect(checkAudit(v)).toEqual([]);
    v.close();
    reopen(file).close();
  });
});

describe("a record's history at scale", () => {
  it("is found through the trail's subject index and the few entries after its watermark, not by reading every entry", () => {
    const { ctx } = newVault();
    createStaff(ctx, { ref: 'IX-1', name: 'Ida Index' });
    createStaff(ctx, { ref: 'IX-2', name: 'Ian Other' });
    addRecord(ctx, { type: 'staff', ref: 'IX-1' }, 'cpd', { date: '2026-05-14', topic: 'Capacity', provider: 'BABICM', hours: 2 });
    addRecord(ctx, { type: 'staff', ref: 'IX-2' }, 'cpd', { date: '2026-05-15', topic: 'Goals', provider: 'CMSUK', hours: 1 });
    const history = recordHistory(ctx, 'staff', 'IX-1');
    expect(history.map((e) => e.action)).toEqual(['create', 'create']);
    // listAuditRows' own query for a subject (db/audit.ts): its entries and the bulk entries about it, each found by an index.
    const q = auditListQuery(ctx.vault.sqlite, { subjectKind: 'staff', subjectId: 1, order: 'desc', limit: 2000 });
    const plan = (ctx.vault.sqlite.prepare(`EXPLAIN QUERY PLAN ${q.sql}`).all(q.params) as { detail: string }[]).map((p) => p.detail).join(' | ');
    expect(plan).toMatch(/SEARCH a USING INTEGER PRIMARY KEY \(rowid=\?\)/);
    expect(plan).toMatch(/SEARCH audit_subjects USING (COVERING )?INDEX audit_subjects_subject_idx \(kind=\? AND id=\?\)/);
    expect(plan).toMatch(/SEARCH t USING INTEGER PRIMARY KEY \(rowid>\?\)/);
    expect(plan).not.toMatch(/SCAN (a|t)\b/);
  });
});

describe('the values in the entry’s own row (data version 17)', () => {
  it('moves every value of a data version 16 trail into its entry, keeps an erasure, and checks clean', () => {
    const file = path.join(tempDir(), 'v16.cpv');
    const old = createVault(file, { passphrase: PASS }, { migrations: MIGRATIONS.slice(0, 16) });
    expect(old.sqlite.pragma('user_version', { simple: true })).toBe(16);
    const ctx = ctxOver(old, 'Pat Manager', fixedClock(AT));
    importFirmFile(ctx, sampleFirm());
    const wasName = old.sqlite.prepare<[], string>(`SELECT name FROM staff WHERE ref = 'RR-01'`).pluck().get()!;
    updateStaff(ctx, 'RR-01', { ref: 'RR-01', name: 'Renamed Before The Move' } as never);
    createStaff(ctx, { ref: 'GONE-1', name: 'Past Retention' } as never);
    const goneId = old.sqlite.prepare<[], number>(`SELECT id FROM staff WHERE ref = 'GONE-1'`).pluck().get()!;
    old.tx(() => eraseAuditValues(old.sqlite, 'staff', goneId, 'GONE-1'));
    const before = old.sqlite.prepare('SELECT seq, before, after FROM audit_values ORDER BY seq').all() as { seq: number }[];
    const erasedSeqs = old.sqlite.prepare<[], number>('SELECT seq FROM audit_log WHERE seq NOT IN (SELECT seq FROM audit_values) ORDER BY seq').pluck().all();
    expect(erasedSeqs.length).toBeGreaterThan(0);
    old.close();

    const now = reopen(file);
    expect(now.sqlite.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(now.sqlite.prepare(`SELECT count(*) AS n FROM sqlite_master WHERE name = 'audit_values'`).get()).toEqual({ n: 0 });
    expect(now.sqlite.prepare('SELECT seq, before, after FROM audit_log WHERE NOT erased ORDER BY seq').all()).toEqual(before);
    expect(now.sqlite.prepare<[], number>('SELECT seq FROM audit_log WHERE erased ORDER BY seq').pluck().all()).toEqual(erasedSeqs);
    expect(verifyChain(now.sqlite).fault).toBeNull();
    expect(checkAudit(now)).toEqual([]);
    const c = ctxOver(now, 'Sam Editor', fixedClock('2026-11-25T09:00:00Z'));
    expect(recordHistory(c, 'staff', 'RR-01')[0].changes).toContainEqual({ field: 'name', before: wasName, after: 'Renamed Before The Move' });
    expect(recordHistory(c, 'staff', 'GONE-1').find((e) => e.action === 'create')).toMatchObject({ erased: true });
    // A save from now on is one row of the trail, values and all.
    updateStaff(c, 'RR-01', { ref: 'RR-01', name: 'Renamed After' } as never);
    expect(now.sqlite.prepare(`SELECT who, json_extract(after, '$.name') AS name, erased FROM audit_log ORDER BY seq DESC LIMIT 1`).get()).toEqual({
      who: 'Sam Editor',
      name: 'Renamed After',
      erased: 0,
    });
    // An erased entry's values cannot be put back, nor a kept one's emptied, except by Caseproof's erasure.
    const seq = erasedSeqs[0];
    expect(() => now.sqlite.prepare(`UPDATE audit_log SET after = '{}', erased = 0 WHERE seq = ?`).run(seq)).toThrow(/cannot be changed/);
    expect(checkAudit(now)).toEqual([]);
    now.close();
  });
});

describe('one subject index for every entry, kept in batches (data version 18)', () => {
  /** Every entry about one subject, read straight from the trail's own columns (no index). */
  const direct = (db: Database.Database, kind: string, id: number) =>
    db.prepare<[string, number], number>('SELECT seq FROM audit_log WHERE subject_kind = ? AND subject_id = ? ORDER BY seq DESC').pluck().all(kind, id);
  const listed = (db: Database.Database, kind: string, id: number) => listAuditRows(db, { subjectKind: kind, subjectId: id, order: 'desc' }).map((r) => r.seq);
  const indexRows = (db: Database.Database) => db.prepare<[], number>('SELECT count(*) FROM audit_subjects').pluck().get()!;

  it('indexes each batch of entries at once, and a history holds every entry before and after the watermark', async () => {
    const { vault, ctx } = newVault();
    const db = vault.sqlite;
    createStaff(ctx, { ref: 'BA-1', name: 'Bea Batch' } as never);
    createStaff(ctx, { ref: 'BA-2', name: 'Bo Batch' } as never);
    const id = (ref: string) => db.prepare<[string], number>('SELECT id FROM staff WHERE ref = ?').pluck().get(ref)!;
    const start = db.prepare<[], number>('SELECT max(seq) FROM audit_log').pluck().get()!;
    const indexedAtStart = indexRows(db);
    // Saves until just before the next batch: none of them is indexed yet.
    const toBatch = SUBJECT_BATCH - (start % SUBJECT_BATCH) - 1;
    for (let i = 0; i < toBatch; i++)
      addRecord(ctx, { type: 'staff', ref: i % 2 ? 'BA-1' : 'BA-2' }, 'cpd', { date: '2026-05-14', topic: `Batch ${i}`, provider: 'BABICM', hours: 1 });
    expect(indexRows(db)).toBe(indexedAtStart);
    for (const ref of ['BA-1', 'BA-2']) expect(listed(db, 'staff', id(ref))).toEqual(direct(db, 'staff', id(ref)));
    // The save that ends the batch indexes the whole batch, itself included.
    addRecord(ctx, { type: 'staff', ref: 'BA-1' }, 'cpd', { date: '2026-05-15', topic: 'Batch end', provider: 'BABICM', hours: 1 });
    const end = db.prepare<[], number>('SELECT max(seq) FROM audit_log').pluck().get()!;
    expect(end % SUBJECT_BATCH).toBe(0);
    expect(db.prepare<[], number>('SELECT seq FROM audit_subjects ORDER BY rowid DESC LIMIT 1').pluck().get()).toBe(end);
    // Every entry about someone up to there, the earlier ones too (creating the vault and the two people).
    const aboutSomeone = db.prepare<[], number>('SELECT count(*) FROM audit_log WHERE subject_kind IS NOT NULL AND subject_id IS NOT NULL').pluck().get()!;
    expect(indexRows(db)).toBe(aboutSomeone);
    expect(aboutSomeone).toBeGreaterThan(indexedAtStart + toBatch);
    // And a few more after the watermark: the history still lists all of them, newest first.
    updateStaff(ctx, 'BA-2', { ref: 'BA-2', name: 'Bo Batch-Renamed' } as never);
    addRecord(ctx, { type: 'staff', ref: 'BA-1' }, 'cpd', { date: '2026-05-16', topic: 'After', provider: 'BABICM', hours: 1 });
    for (const ref of ['BA-1', 'BA-2']) {
      const all = direct(db, 'staff', id(ref));
      expect(all.length).toBeGreaterThan(SUBJECT_BATCH / 2 - 2);
      expect(listed(db, 'staff', id(ref))).toEqual(all);
      expect(recordHistory(ctx, 'staff', ref).length).toBe(all.length);
    }
    expect(checkAudit(vault)).toEqual([]);
    // A bulk write names its subjects against its one entry, after indexing the entries before it,
    // so the watermark passing them hides none of them.
    const tail = direct(db, 'staff', id('BA-1'));
    await importSpreadsheet(ctx, 'cpd', 'cpd.csv', Buffer.from('staffRef,date,topic,provider,hours\nBA-1,14/05/2026,Imported,BABICM,3\n'));
    const bulkSeq = db.prepare<[], number>(`SELECT max(seq) FROM audit_log WHERE action = 'import' AND tbl IS NULL AND after LIKE '{"bulk":%'`).pluck().get()!;
    expect(db.prepare<[], number>('SELECT seq FROM audit_subjects ORDER BY rowid DESC LIMIT 1').pluck().get()).toBe(bulkSeq);
    // Saves after the import are after the watermark again: read directly, then indexed with their batch.
    addRecord(ctx, { type: 'staff', ref: 'BA-1' }, 'cpd', { date: '2026-05-17', topic: 'After the import', provider: 'BABICM', hours: 1 });
    updateStaff(ctx, 'BA-2', { ref: 'BA-2', name: 'Bo After' } as never);
    const [afterImport] = direct(db, 'staff', id('BA-1'));
    expect(afterImport).toBeGreaterThan(bulkSeq);
    expect(listed(db, 'staff', id('BA-1'))).toEqual([afterImport, bulkSeq, ...tail]);
    // By reference (the Audit page, `audit list --subject`) the same entries, found the same way:
    // the index (a small table, read through for a reference) and the entries after its watermark, never the trail whole.
    expect(listAuditRows(db, { subjectRef: 'BA-1', order: 'desc' }).map((r) => r.seq)).toEqual([afterImport, bulkSeq, ...tail]);
    const q = auditListQuery(db, { subjectRef: 'BA-1', order: 'desc', limit: 50 });
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${q.sql}`).all(q.params) as { detail: string }[]).map((p) => p.detail).join(' | ');
    expect(plan).toMatch(/SEARCH t USING INTEGER PRIMARY KEY \(rowid>\?\)/);
    expect(plan).not.toMatch(/SCAN (a|t)\b/);
    expect(checkAudit(vault)).toEqual([]);
    // Erasure past retention reaches every entry about them, indexed or not yet, and only theirs.
    vault.tx(() => eraseAuditValues(db, 'staff', id('BA-2'), 'BA-2'));
    // (The erasure's own entry, about them, says what was erased and keeps its values.)
    const erased = db
      .prepare<[number], number>(`SELECT count(*) FROM audit_log WHERE subject_kind = 'staff' AND subject_id = ? AND erased = 0 AND action <> 'erase'`)
      .pluck();
    expect(erased.get(id('BA-2'))).toBe(0);
    expect(erased.get(id('BA-1'))).toBe(direct(db, 'staff', id('BA-1')).length);
    expect(checkAudit(vault)).toEqual([]);
  });

  it('the check names an entry left out of the index, a row naming the wrong subject, and rows out of order', () => {
    const make = () => {
      const v = newVault();
      createStaff(v.ctx, { ref: 'CK-1', name: 'Cara Check' } as never);
      for (let i = 0; i < SUBJECT_BATCH; i++)
        addRecord(v.ctx, { type: 'staff', ref: 'CK-1' }, 'cpd', { date: '2026-05-14', topic: `T ${i}`, provider: 'P', hours: 1 });
      const db = v.vault.sqlite;
      expect(checkAudit(v.vault)).toEqual([]);
      db.exec('DROP TRIGGER audit_subjects_no_delete; DROP TRIGGER audit_subjects_no_update');
      const seq = db.prepare<[], number>(`SELECT min(seq) FROM audit_subjects WHERE seq > 1`).pluck().get()!;
      return { ...v, db, seq };
    };
    const a = make();
    a.db.prepare('DELETE FROM audit_subjects WHERE seq = ?').run(a.seq);
    expect(checkAudit(a.vault)[0]).toMatchObject({
      check: 'audit index',
      problem: expect.stringMatching(new RegExp(`missing staff CK-1 for entry ${a.seq}: their history would not show`)),
    });
    const b = make();
    b.db.prepare(`UPDATE audit_subjects SET ref = 'SOMEONE-ELSE' WHERE seq = ?`).run(b.seq);
    expect(checkAudit(b.vault)[0]).toMatchObject({
      check: 'audit index',
      problem: expect.stringMatching(new RegExp(`names staff SOMEONE-ELSE .*against entry ${b.seq}, which is not about them`)),
    });
    const d = make();
    d.db.exec('DROP TRIGGER audit_subjects_catch_up');
    d.vault.close();
    expect(checkAudit(reopen(d.file))[0]).toMatchObject({
      check: 'audit index',
      problem: expect.stringMatching(/lost its trigger \(audit_subjects_catch_up\)/),
    });
    const c = make();
    // The same rows, the first moved to the end: a history would stop reading the index too soon.
    c.db.exec(
      `INSERT INTO audit_subjects (kind, id, seq, ref) SELECT kind, id, seq, ref FROM audit_subjects WHERE seq = ${c.seq}; DELETE FROM audit_subjects WHERE rowid = (SELECT min(rowid) FROM audit_subjects WHERE seq = ${c.seq})`,
    );
    expect(checkAudit(c.vault)[0]).toMatchObject({
      check: 'audit index',
      problem: expect.stringMatching(new RegExp(`out of order: entry ${c.seq} is indexed after entry \\d+`)),
    });
  });

  it("moves a data version 17 trail to it: every entry indexed, audit_log's own index gone, histories the same, checks clean", () => {
    const file = path.join(tempDir(), 'v17.cpv');
    const old = createVault(file, { passphrase: PASS }, { migrations: MIGRATIONS.slice(0, 17) });
    expect(old.sqlite.pragma('user_version', { simple: true })).toBe(17);
    const ctx = ctxOver(old, 'Pat Manager', fixedClock(AT));
    // Entries before a bulk one (whose rows the index already holds) and after it.
    createStaff(ctx, { ref: 'EARLY-1', name: 'Before The Import' } as never);
    addRecord(ctx, { type: 'staff', ref: 'EARLY-1' }, 'cpd', { date: '2026-05-13', topic: 'Early', provider: 'BABICM', hours: 1 });
    importFirmFile(ctx, sampleFirm());
    updateStaff(ctx, 'EARLY-1', { ref: 'EARLY-1', name: 'After The Import' } as never);
    updateStaff(ctx, 'RR-01', { ref: 'RR-01', name: 'Renamed Before The Move' } as never);
    addRecord(ctx, { type: 'staff', ref: 'RR-01' }, 'cpd', { date: '2026-05-14', topic: 'Before the move', provider: 'BABICM', hours: 2 });
    const rr = old.sqlite.prepare<[], number>(`SELECT id FROM staff WHERE ref = 'RR-01'`).pluck().get()!;
    const early = old.sqlite.prepare<[], number>(`SELECT id FROM staff WHERE ref = 'EARLY-1'`).pluck().get()!;
    const history = listed(old.sqlite, 'staff', rr);
    expect(history.length).toBeGreaterThan(2);
    const earlyHistory = listed(old.sqlite, 'staff', early);
    expect(earlyHistory.length).toBe(3);
    const own = old.sqlite.prepare<[], number>('SELECT count(*) FROM audit_log WHERE subject_kind IS NOT NULL AND subject_id IS NOT NULL').pluck().get()!;
    const bulk = indexRows(old.sqlite);
    old.close();

    const now = reopen(file);
    expect(now.sqlite.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(now.sqlite.prepare(`SELECT count(*) AS n FROM sqlite_master WHERE name = 'audit_log_subject_idx'`).get()).toEqual({ n: 0 });
    // The move's own run may add entries (a migrate entry), each indexed like the rest.
    const ownNow = now.sqlite.prepare<[], number>('SELECT count(*) FROM audit_log WHERE subject_kind IS NOT NULL AND subject_id IS NOT NULL').pluck().get()!;
    expect(ownNow).toBeGreaterThanOrEqual(own);
    expect(indexRows(now.sqlite)).toBe(bulk + ownNow);
    expect(listed(now.sqlite, 'staff', rr)).toEqual(history);
    expect(listed(now.sqlite, 'staff', early)).toEqual(earlyHistory);
    expect(listAuditRows(now.sqlite, { subjectRef: 'EARLY-1', order: 'desc' }).map((r) => r.seq)).toEqual(earlyHistory);
    // In seq order, the bulk entry's rows among the others.
    const seqs = now.sqlite.prepare<[], number>('SELECT seq FROM audit_subjects ORDER BY rowid').pluck().all();
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(verifyChain(now.sqlite).fault).toBeNull();
    expect(checkAudit(now)).toEqual([]);
    const c = ctxOver(now, 'Sam Editor', fixedClock('2026-11-25T09:00:00Z'));
    updateStaff(c, 'RR-01', { ref: 'RR-01', name: 'Renamed After' } as never);
    const newest = now.sqlite.prepare<[], number>('SELECT max(seq) FROM audit_log').pluck().get()!;
    expect(listed(now.sqlite, 'staff', rr)).toEqual([newest, ...history]);
    expect(checkAudit(now)).toEqual([]);
    now.close();
  });
});
