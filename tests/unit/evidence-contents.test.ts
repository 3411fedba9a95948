// Evidence file contents in their own table (issue 9): a vault made by data version 1 (file
// bytes inside evidence_files) opens with today's code, its files' metadata and bytes
// unchanged, and the old copies of the bytes gone from the file, not left in free pages.
import { statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openVault, rekeyVault, SCHEMA_VERSION } from '../../db/client';
import { MIGRATIONS } from '../../db/migrations';
import { londonDate } from '../../electron/contract/dates';
import { attachEvidence, deleteEvidence, evidenceByRecord, readEvidence, sha256Hex } from '../../electron/services/evidence/evidence';
import { listRecords } from '../../electron/services/evidence/records';
import { loadSnapshot, loadStaffSnapshot } from '../../electron/services/snapshot';
import { decryptedPages, makeV1Vault, occurrences } from '../support/legacyVault';
import { tempDir } from '../support/tmp';
import { ctxFor, newVault, PASS, reopen } from '../support/vaults';

function v1Vault(opts?: Parameters<typeof makeV1Vault>[1]) {
  return makeV1Vault(path.join(tempDir(), 'firm.cpv'), opts);
}

describe('a vault made by data version 1', () => {
  it('opens with metadata, bytes and SHA-256 of every file unchanged, and the payloads as they were', () => {
    const old = v1Vault();
    const vault = reopen(old.file);
    const ctx = ctxFor(vault);
    expect(vault.sqlite.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    const meta = [...evidenceByRecord(ctx).values()].flat().sort((a, b) => a.id - b.id);
    expect(meta).toEqual(
      old.files.map((f) => ({
        id: f.id,
        name: f.name,
        mediaType: f.mediaType,
        size: f.bytes.length,
        sha256: f.sha256,
        addedBy: f.addedBy,
        addedOn: londonDate(f.addedAt),
      })),
    );
    for (const f of old.files) {
      const { meta: m, bytes } = readEvidence(ctx, f.id);
      expect(bytes.equals(f.bytes), f.name).toBe(true);
      expect(sha256Hex(bytes)).toBe(m.sha256);
      expect(m.sha256).toBe(f.sha256);
    }
    const cpd = listRecords(ctx, { type: 'staff', ref: 'RR-01' }, 'cpd');
    expect(cpd.map(({ data: { id: _id, evidence: _ev, ...payload } }) => payload)).toEqual(old.payloads);
    expect(cpd.flatMap((r) => r.data.evidence.map((e) => e.id)).sort((a, b) => a - b)).toEqual(old.files.map((f) => f.id));
    // The id of the file deleted before the migration is never given out again.
    const added = attachEvidence(ctx, cpd[0].id, { name: 'new.pdf', bytes: Buffer.from('%PDF-1.4 new file') });
    expect(added.id).toBeGreaterThan(old.deleted.id);
    vault.close();
  });

  it('leaves no old copy of any file in the vault: each file is in the decrypted pages exactly once, and the file did not grow', () => {
    const old = v1Vault({ files: 6, fileBytes: 60_000 });
    const sizeBefore = statSync(old.file).size;
    reopen(old.file).close();
    const pages = decryptedPages(old.file, old.key);
    for (const f of old.files) for (const m of f.markers) expect(occurrences(pages, m), m).toBe(1);
    // The deleted file was already overwritten by secure_delete before the migration.
    for (const m of old.deleted.markers) expect(occurrences(pages, m), m).toBe(0);
    // Compacted after the move: not twice its size (a little larger: the audit trail begins with
    // an entry for every row the vault held, and its triggers are in the schema).
    expect(statSync(old.file).size).toBeLessThan(sizeBefore * 1.25);
  });

  it('zeroes the old copies even if compacting afterwards does not happen (secure_delete during the migration)', () => {
    const old = v1Vault({ files: 6, fileBytes: 60_000 });
    const uncompacted = MIGRATIONS.map((m) => ({ ...m, compact: false }));
    openVault(old.file, { passphrase: PASS }, { migrations: uncompacted }).close();
    const pages = decryptedPages(old.file, old.key);
    for (const f of old.files) for (const m of f.markers) expect(occurrences(pages, m), m).toBe(1);
  });

  it('can change its passphrase in the session that migrated it', () => {
    const old = v1Vault();
    const vault = reopen(old.file);
    rekeyVault(vault, 'a completely different passphrase');
    vault.close();
    const again = openVault(old.file, { passphrase: 'a completely different passphrase' });
    expect(readEvidence(ctxFor(again), old.files[0].id).bytes.equals(old.files[0].bytes)).toBe(true);
    again.close();
  });
});

describe('evidence metadata and contents', () => {
  it('lists files, records, profiles and the firm without reading the contents table', () => {
    const old = v1Vault();
    const v = reopen(old.file);
    const c = ctxFor(v);
    const expected = evidenceByRecord(c);
    // Take the contents away entirely: anything that reads them now fails.
    v.sqlite.exec('DROP TABLE evidence_contents');
    expect(() => readEvidence(c, old.files[0].id)).toThrow(/no such table: evidence_contents/);
    expect(evidenceByRecord(c)).toEqual(expected);
    expect(listRecords(c, { type: 'staff', ref: 'RR-01' }).flatMap((r) => r.data.evidence)).toHaveLength(old.files.length);
    expect(loadStaffSnapshot(c, 'RR-01').cpd.flatMap((r) => r.evidence)).toHaveLength(old.files.length);
    expect(loadSnapshot(c).staff[0].cpd.flatMap((r) => r.evidence)).toHaveLength(old.files.length);
    v.close();
  });

  it('stores new files in the contents table and deletes their bytes with them, overwritten', () => {
    const { vault, ctx, file } = newVault();
    const rec = ctx.vault.sqlite
      .prepare(`INSERT INTO records (staff_id, supplier_id, kind, data, data_version) VALUES (NULL, NULL, 'policy', ?, 1)`)
      .run(JSON.stringify({ kind: 'handover', title: 'Handover policy', reviewedOn: '2026-01-05' })).lastInsertRowid as number;
    const marker = 'NEW-FILE-MARKER-5c2e9a';
    const bytes = Buffer.concat([Buffer.from(`%PDF-1.4\n${marker}\n`), Buffer.alloc(30_000, 7)]);
    const m = attachEvidence(ctx, rec, { name: 'policy.pdf', bytes });
    expect(vault.sqlite.prepare('SELECT length(content) AS n FROM evidence_contents WHERE file_id = ?').get(m.id)).toEqual({ n: bytes.length });
    deleteEvidence(ctx, m.id);
    expect(vault.sqlite.prepare('SELECT count(*) AS n FROM evidence_contents').get()).toEqual({ n: 0 });
    const key = vault.key;
    vault.close();
    expect(occurrences(decryptedPages(file, key), marker)).toBe(0);
  });
});
