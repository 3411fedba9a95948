// The encrypted vault on disk: real SQLCipher files in a temporary folder.
import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { eraseAuditValues } from '../../db/audit';
import { describe, expect, it } from 'vitest';
import { createVault, openVault, rekeyVault, VaultError } from '../../db/client';
import { readSalt } from '../../db/keys';
import { importFirmFile } from '../../electron/services/interchange/importFirmFile';
import { attachEvidence } from '../../electron/services/evidence/evidence';
import { addRecord, deleteRecord, listRecords } from '../../electron/services/evidence/records';
import { createStaff, deleteStaff } from '../../electron/services/staff/staff';
import { decryptedPages, occurrences } from '../support/legacyVault';
import { filesContaining, tempDir, fileSha256 } from '../support/tmp';
import { newVault, PASS, reopen, sampleFirm } from '../support/vaults';

const sha = fileSha256;

describe('vault encryption on disk', () => {
  it('holds no plaintext in the vault file or its WAL/SHM, while open and after closing', () => {
    const { vault, dir, ctx } = newVault();
    importFirmFile(ctx, sampleFirm());
    const rec = listRecords(ctx, { type: 'staff', ref: 'RR-01' }, 'cpd')[0];
    attachEvidence(ctx, rec.id, { name: 'certificate.pdf', bytes: Buffer.from('%PDF-1.4 Secret Certificate Text for Morgan') });
    const present = readdirSync(dir);
    expect(present.some((f) => f.endsWith('-wal'))).toBe(true); // the journal exists and is checked too
    for (const needle of ['Morgan Ellis', 'Riverside', 'Fenwick Law', 'Secret Certificate Text', 'SQLite format 3', 'CREATE TABLE']) {
      expect(filesContaining(dir, needle), needle).toEqual([]);
    }
    vault.close();
    expect(readdirSync(dir)).toEqual(['firm.cpv']);
    expect(filesContaining(dir, 'Morgan Ellis')).toEqual([]);
    expect(filesContaining(dir, 'SQLite format 3')).toEqual([]);
  });

  it('commits durably: every connection flushes the journal at each commit (synchronous = FULL)', () => {
    const { vault, file } = newVault();
    expect(vault.sqlite.pragma('synchronous', { simple: true })).toBe(2);
    vault.close();
    const again = reopen(file);
    expect(again.sqlite.pragma('synchronous', { simple: true })).toBe(2);
    again.close();
  });

  it('overwrites what is deleted (secure_delete): a deleted staff member and CPD entry are in no decrypted page, live neighbours still are', () => {
    // SQLite3 Multiple Ciphers turns secure_delete on for keyed connections by itself, and db/client.ts
    // says so too: with it off (tried by setting it OFF there), the deleted names stay in free space.
    const { vault, file, ctx } = newVault();
    expect(vault.sqlite.pragma('secure_delete', { simple: true })).toBe(1);
    importFirmFile(ctx, sampleFirm());
    const gone = 'Deleted-Person-Marker-7f3a';
    const kept = 'Kept-Person-Marker-91bc';
    createStaff(ctx, { ref: 'DEL-1', name: gone });
    createStaff(ctx, { ref: 'KEEP-1', name: kept });
    const topic = 'Deleted-CPD-Topic-Marker-4d2e';
    const cpd = addRecord(ctx, { type: 'staff', ref: 'KEEP-1' }, 'cpd', { date: '2026-01-05', topic, provider: 'A provider', hours: 2 });
    deleteRecord(ctx, cpd.id);
    deleteStaff(ctx, 'DEL-1');
    // The audit trail keeps deleted values until they are erased (as retention erases a case's):
    // erase these two people's, so what is left to find is only what secure_delete must overwrite.
    const subjects = vault.sqlite
      .prepare<[], { k: string; id: number; ref: string | null }>(
        "SELECT DISTINCT subject_kind AS k, subject_id AS id, subject_ref AS ref FROM audit_log WHERE subject_ref IN ('DEL-1', 'KEEP-1')",
      )
      .all();
    for (const s of subjects) eraseAuditValues(vault.sqlite, s.k, s.id, s.ref);
    const key = vault.key;
    vault.close(); // checkpoints the WAL into the file
    const pages = decryptedPages(file, key);
    expect(occurrences(pages, kept)).toBeGreaterThan(0); // the check can see names at all
    expect(occurrences(pages, 'Morgan Ellis')).toBeGreaterThan(0);
    expect(occurrences(pages, gone)).toBe(0);
    expect(occurrences(pages, topic)).toBe(0);
    const again = reopen(file);
    expect(again.sqlite.pragma('secure_delete', { simple: true })).toBe(1); // set on every connection, not only the first
    again.close();
  });

  it('cannot be read by plain SQLite or with the right key but the wrong cipher settings', () => {
    const { vault, file } = newVault();
    vault.close();
    const plain = new Database(file, { fileMustExist: true });
    expect(() => plain.prepare('SELECT count(*) FROM sqlite_master').get()).toThrow(/not a database/);
    plain.close();
  });

  it('reopens with the passphrase and keeps data', () => {
    const { vault, file, ctx } = newVault();
    importFirmFile(ctx, sampleFirm());
    vault.close();
    const again = reopen(file);
    expect(again.sqlite.prepare('SELECT name FROM staff ORDER BY ref').all()).toEqual([{ name: 'Morgan Ellis' }, { name: 'Toni Reyes' }]);
    again.close();
  });
});

describe('wrong passphrase', () => {
  it('is refused with a clear error and leaves the file byte-for-byte unchanged, with nothing beside it', () => {
    const { vault, file, dir } = newVault();
    vault.close();
    const before = sha(file);
    let err: unknown;
    try {
      openVault(file, { passphrase: 'not the passphrase at all' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(VaultError);
    expect((err as VaultError).code).toBe('wrong-passphrase');
    expect((err as Error).message).toMatch(/passphrase is wrong/);
    expect(sha(file)).toBe(before);
    expect(readdirSync(dir)).toEqual(['firm.cpv']);
    reopen(file).close(); // and the right one still works
  });

  it('refuses a file that is not a vault without changing it', () => {
    const dir = tempDir();
    const f = path.join(dir, 'notes.cpv');
    writeFileSync(f, 'just some text that is long enough to have a header');
    const before = sha(f);
    let err: unknown;
    try {
      openVault(f, { passphrase: PASS });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(VaultError);
    expect((err as VaultError).code).toBe('not-a-vault'); // not 'wrong-passphrase' (issue 15.8)
    expect((err as Error).message).toBe(`${f} is not a Caseproof vault: it is a text file.`);
    expect(sha(f)).toBe(before);
    expect(readdirSync(dir)).toEqual(['notes.cpv']); // nothing beside it (no lock, no journal)
  });
});

describe('creation', () => {
  it('refuses to overwrite an existing file', () => {
    const { vault, file } = newVault();
    vault.close();
    const before = sha(file);
    expect(() => createVault(file, { passphrase: PASS })).toThrow(/will not overwrite/);
    expect(sha(file)).toBe(before);
  });
  it('starts the file with a random salt, different for every vault', () => {
    const a = newVault();
    const b = newVault();
    a.vault.close();
    b.vault.close();
    expect(readSalt(a.file).equals(readSalt(b.file))).toBe(false);
  });
});

// Migrations (applying, copying first, rolling back, refusing newer vaults): migrations.test.ts.

describe('rekey', () => {
  it('changes the passphrase: the old one stops working, the new one opens the same data', () => {
    const { vault, file, ctx } = newVault();
    importFirmFile(ctx, sampleFirm());
    rekeyVault(vault, 'a completely new passphrase');
    vault.close();
    expect(() => reopen(file)).toThrow(/passphrase is wrong/);
    const v = openVault(file, { passphrase: 'a completely new passphrase' });
    expect((v.sqlite.prepare('SELECT count(*) AS n FROM staff').get() as { n: number }).n).toBe(2);
    v.close();
  });
});
