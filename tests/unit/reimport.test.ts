// Importing a firm file into a vault that already holds its records (issue 11: history that holds):
// a record the file and the vault both hold, with the same files, is kept as it is (its id, its
// files, its audit history); only what the file adds is written and only what it leaves out goes.
// The preview's "kept", "added" and "removed" are what the import then does. Real encrypted vault.
import { describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import { bulkValuesOf } from '../../db/audit';
import { importFirmFile } from '../../electron/services/interchange/importFirmFile';
import { planFirmFile } from '../../electron/services/interchange/plan';
import { loadStaffSnapshot } from '../../electron/services/snapshot';
import { makePng } from '../support/png';
import { MORGAN, packFirmFile } from '../support/packFirm';
import { newVault } from '../support/vaults';

const lastSeq = (db: Database.Database) => db.prepare('SELECT coalesce(max(seq), 0) FROM audit_log').pluck().get() as number;
const EVIDENCE_TABLES = ['records', 'evidence_files', 'evidence_contents'];
/** Every change the trail holds since `seq` to records and their files: entries of their own and the rows of a firm file's bulk entries. */
const rowChangesSince = (db: Database.Database, seq: number) =>
  (
    db.prepare(`SELECT action, tbl, after FROM audit_log WHERE seq > ? ORDER BY seq`).all(seq) as {
      action: string;
      tbl: string | null;
      after: string | null;
    }[]
  )
    .flatMap((e) => bulkValuesOf(e.action, e.tbl, e.after)?.rows.map((r) => ({ action: r.op, tbl: r.tbl })) ?? [{ action: e.action, tbl: e.tbl }])
    .filter((c) => c.tbl !== null && EVIDENCE_TABLES.includes(c.tbl));
const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64');

describe('importing a firm file into a vault that holds it', () => {
  it('changes no record the second time: same ids, same files, nothing in the trail but the import', () => {
    const { ctx, vault } = newVault();
    const file = packFirmFile();
    const first = importFirmFile(ctx, file);
    const before = loadStaffSnapshot(ctx, MORGAN.ref);
    const seq = lastSeq(vault.sqlite);

    const again = importFirmFile(ctx, packFirmFile());
    expect(again.added).toMatchObject({ records: 0, files: 0 });
    expect(again.kept).toEqual({ records: first.added.records });
    expect(again.removed).toEqual({ records: 0 });
    expect(loadStaffSnapshot(ctx, MORGAN.ref)).toEqual(before);
    expect(rowChangesSince(vault.sqlite, seq)).toEqual([]);
  });

  it('adds what changed, removes what the file left out, keeps the rest by id; the preview said so first', () => {
    const { ctx, vault } = newVault();
    importFirmFile(ctx, packFirmFile());
    const before = loadStaffSnapshot(ctx, MORGAN.ref);
    const [changed, left, ...rest] = before.cpd;

    const file = packFirmFile();
    const morgan = file.staff.find((s: { ref: string }) => s.ref === MORGAN.ref);
    morgan.cpd[0].hours = Number(morgan.cpd[0].hours) + 1; // first entry changed
    morgan.cpd.splice(1, 1); // second left out
    // The third keeps its content but brings another file: a different record.
    morgan.cpd[1].evidence = [{ name: 'new-certificate.png', mediaType: 'image/png', base64: b64(makePng(40, 30, [10, 120, 200])) }];

    const plan = planFirmFile(ctx, file, { source: 'firm-file', file: 'riverside.json', digest: 'x' });
    const planned = plan.subjects.find((s) => s.ref === MORGAN.ref)!.records.filter((r) => r.what === 'cpd');
    const count = (a: string) => planned.filter((r) => r.action === a).length;
    expect([count('same'), count('add'), count('remove')]).toEqual([rest.length - 1, 2, 3]);

    const seq = lastSeq(vault.sqlite);
    const s = importFirmFile(ctx, file);
    expect([s.added.records, s.removed?.records]).toEqual([2, 3]);
    const after = loadStaffSnapshot(ctx, MORGAN.ref);
    const ids = after.cpd.map((c) => c.id);
    // The untouched entries are the same records; the three replaced are gone.
    for (const c of rest.slice(1)) expect(ids).toContain(c.id);
    for (const c of [changed, left, rest[0]]) expect(ids).not.toContain(c.id);
    expect(after.indemnity).toEqual(before.indemnity);
    const changes = rowChangesSince(vault.sqlite, seq);
    expect(changes.filter((c) => c.tbl === 'records').map((c) => c.action)).toEqual(['delete', 'delete', 'delete', 'create', 'create']);
  });
});
