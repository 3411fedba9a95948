// The migration mechanism on real encrypted vaults: pending migrations run in one
// transaction after the vault is copied beside itself; the copy goes on success and stays
// (named in the error) on failure, when the vault is left exactly as it was.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openVault, SCHEMA_VERSION, VaultError, type Migration } from '../../db/client';
import { keyPragma, type VaultKey } from '../../db/keys';
import { MIGRATIONS } from '../../db/migrations';
import { reshapeJson } from '../../db/migrations/helpers';
import { copyPathFor } from '../../db/migrate';
import { importFirmFile } from '../../electron/services/interchange/importFirmFile';
import { listRecords } from '../../electron/services/evidence/records';
import { draftStatements } from '../../scripts/draft-migration';
import { decryptedPages, dumpVault, V1_MIGRATION } from '../support/legacyVault';
import { filesContaining } from '../support/tmp';
import { ctxFor, newVault, PASS, reopen, sampleFirm } from '../support/vaults';

const sha = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');

/** A vault at today's data version holding the sample firm, closed. */
function closedSampleVault() {
  const { vault, file, dir, ctx } = newVault();
  importFirmFile(ctx, sampleFirm());
  const key = vault.key;
  vault.close();
  return { file, dir, key };
}

/** Opens a vault file with the key only, no migrations: what is in it right now. */
function rawDump(file: string, key: VaultKey): { version: number; dump: string } {
  const db = new Database(file, { fileMustExist: true });
  try {
    db.pragma(`cipher = 'sqlcipher'`);
    db.pragma('legacy = 4');
    db.pragma(keyPragma(key));
    return { version: db.pragma('user_version', { simple: true }) as number, dump: dumpVault(db) };
  } finally {
    db.close();
  }
}

/**
 * The file holds exactly what it held: every page byte for byte, except that page 1 was
 * rewritten (so re-encrypted) when the run switched journal mode and back, and differs,
 * decrypted, only in SQLite's file change counter (bytes 24-27) and its copy (92-95).
 */
function expectSameFile(file: string, key: VaultKey, bytes: Buffer, pages: Buffer): void {
  const now = readFileSync(file);
  expect(now.length).toBe(bytes.length);
  const changedPages = [...Array(now.length / 4096).keys()].filter(
    (p) => !now.subarray(p * 4096, (p + 1) * 4096).equals(bytes.subarray(p * 4096, (p + 1) * 4096)),
  );
  expect(changedPages.filter((p) => p > 0)).toEqual([]);
  const plain = decryptedPages(file, key);
  const changedBytes = [...Array(plain.length).keys()].filter((i) => plain[i] !== pages[i]);
  expect(changedBytes.filter((i) => !(i >= 24 && i < 28) && !(i >= 92 && i < 96))).toEqual([]);
}

function errorOf(fn: () => unknown): VaultError {
  try {
    fn();
  } catch (e) {
    return e as VaultError;
  }
  throw new Error('expected an error');
}

describe('applying migrations', () => {
  it('applies pending migrations to an existing vault, keeping its data; a migration may run SQL and reshape stored JSON', () => {
    const { file } = closedSampleVault();
    const extra: Migration = {
      name: '0099_test_extra',
      up(db) {
        db.exec('CREATE TABLE test_extra (id integer primary key, note text)');
        // Reshape every CPD payload: the topic gains a prefix.
        reshapeJson(db, { table: 'records', column: 'data', where: `kind = 'cpd'` }, (v) => ({
          ...(v as object),
          topic: `Renamed: ${(v as { topic: string }).topic}`,
        }));
      },
    };
    const v = openVault(file, { passphrase: PASS }, { migrations: [...MIGRATIONS, extra] });
    expect(v.sqlite.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION + 1);
    v.sqlite.prepare("INSERT INTO test_extra(note) VALUES ('x')").run();
    expect((v.sqlite.prepare('SELECT count(*) AS n FROM staff').get() as { n: number }).n).toBe(2);
    const cpd = listRecords(ctxFor(v), { type: 'staff', ref: 'RR-01' }, 'cpd');
    expect(cpd.length).toBeGreaterThan(0);
    for (const r of cpd) expect(r.data.topic).toMatch(/^Renamed: /);
    v.close();
  });

  it('copies the vault beside itself first (owner-only, encrypted with the same key), and removes the copy once the migration has committed', () => {
    const { file, dir, key } = closedSampleVault();
    const before = rawDump(file, key);
    const expectedCopy = copyPathFor(file, SCHEMA_VERSION + 1);
    expect(path.basename(expectedCopy)).toBe(`firm.before-v${SCHEMA_VERSION + 1}.cpv`);
    let seen: { files: string[]; mode: number; copy: { version: number; dump: string }; plaintext: string[] } | undefined;
    const check: Migration = {
      name: '0099_sees_the_copy',
      up() {
        // Runs mid-migration: the copy must already be complete and usable.
        seen = {
          files: readdirSync(dir).filter((f) => !f.endsWith('-wal') && !f.endsWith('-shm')),
          mode: statSync(expectedCopy).mode & 0o777,
          copy: rawDump(expectedCopy, key),
          plaintext: ['Morgan Ellis', 'SQLite format 3'].flatMap((t) => filesContaining(dir, t)),
        };
      },
    };
    const v = openVault(file, { passphrase: PASS }, { migrations: [...MIGRATIONS, check] });
    expect(seen?.files.sort()).toEqual(['firm.before-v' + (SCHEMA_VERSION + 1) + '.cpv', 'firm.cpv', 'firm.cpv.lock']); // the lock: db/lock.ts
    expect(seen?.mode).toBe(0o600);
    expect(seen?.copy).toEqual(before); // the same key opens it, and it holds what the vault held
    expect(seen?.plaintext).toEqual([]);
    expect(existsSync(expectedCopy)).toBe(false);
    v.close();
    expect(readdirSync(dir)).toEqual(['firm.cpv']);
  });

  it('keeps the copy and names it when a migration fails, and leaves the vault exactly as it was', () => {
    const { file, dir, key } = closedSampleVault();
    const before = rawDump(file, key);
    const bytes = readFileSync(file);
    const pagesBefore = decryptedPages(file, key);
    const failing: Migration = {
      name: '0100_breaks_halfway',
      up(db) {
        db.exec('CREATE TABLE half_done (id integer)');
        db.exec(`UPDATE staff SET name = 'Overwritten'`);
        reshapeJson(db, { table: 'records', column: 'data' }, () => ({ broken: true }));
        db.exec('THIS IS NOT SQL');
      },
    };
    const extra: Migration = { name: '0099_fine', up: (db) => db.exec('CREATE TABLE test_extra (id integer)') };
    const err = errorOf(() => openVault(file, { passphrase: PASS }, { migrations: [...MIGRATIONS, extra, failing] }));
    const copy = path.join(dir, `firm.before-v${SCHEMA_VERSION + 2}.cpv`);
    expect(err).toBeInstanceOf(VaultError);
    expect(err.code).toBe('migration-failed');
    expect(err.message).toContain(`from data version ${SCHEMA_VERSION} to ${SCHEMA_VERSION + 2}`);
    expect(err.message).toContain('0100_breaks_halfway failed');
    expect(err.message).toContain(`a copy made before the update is at ${copy}`);
    expect(err.message).toContain('left as it was');
    // Nothing of either migration stuck: same pages, same contents; and the copy is intact.
    expectSameFile(file, key, bytes, pagesBefore);
    expect(rawDump(file, key)).toEqual(before);
    expect(rawDump(copy, key)).toEqual(before);
    expect(statSync(copy).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir).sort()).toEqual([path.basename(copy), 'firm.cpv']);
    // The shipped migrations still open it; a second failure does not overwrite the first copy.
    const again = errorOf(() => openVault(file, { passphrase: PASS }, { migrations: [...MIGRATIONS, extra, failing] }));
    expect(again.message).toContain(`firm.before-v${SCHEMA_VERSION + 2}-2.cpv`);
    reopen(file).close();
  });

  it('refuses to commit a migration that leaves a row pointing at nothing (foreign keys are checked before commit)', () => {
    const { file, key } = closedSampleVault();
    const before = rawDump(file, key);
    const dangling: Migration = {
      name: '0099_dangling',
      up: (db) => db.exec(`UPDATE records SET staff_id = 9999 WHERE id = (SELECT min(id) FROM records WHERE staff_id IS NOT NULL)`),
    };
    const err = errorOf(() => openVault(file, { passphrase: PASS }, { migrations: [...MIGRATIONS, dangling] }));
    expect(err.code).toBe('migration-failed');
    expect(err.message).toMatch(
      /the foreign key check failed \(1 row\(s\) refer to rows that do not exist; the first is records row \d+, which refers to staff\)/,
    );
    expect(rawDump(file, key)).toEqual(before);
  });

  it('refuses a vault written by a newer version, naming both versions, and changes nothing or copies it', () => {
    const { vault, file, dir } = newVault();
    vault.sqlite.pragma(`user_version = ${SCHEMA_VERSION + 3}`);
    vault.close();
    const before = sha(file);
    const err = errorOf(() => reopen(file));
    expect(err.code).toBe('vault-newer');
    expect(err.message).toContain(`data version ${SCHEMA_VERSION + 3}`);
    expect(err.message).toContain(`understands up to ${SCHEMA_VERSION}`);
    expect(err.message).toMatch(/newer version of Caseproof/);
    expect(sha(file)).toBe(before);
    expect(readdirSync(dir)).toEqual(['firm.cpv']);
  });

  it('makes no copy of a vault that needs no migration, nor of a new one', () => {
    const { file, dir } = closedSampleVault();
    reopen(file).close();
    expect(readdirSync(dir)).toEqual(['firm.cpv']);
  });
});

describe('the shipped migrations', () => {
  it('are named NNNN_what_it_does, in order, once each', () => {
    // Numbers are handed out to parallel branches ahead of merging, so one may be missing for a
    // while (0008 before 0004-0007 land); they must still rise strictly, and the first is 0000.
    const numbers = MIGRATIONS.map((m) => {
      expect(m.name).toMatch(/^\d{4}_[a-z0-9_]+$/);
      return Number(m.name.slice(0, 4));
    });
    expect(numbers[0]).toBe(0);
    numbers.slice(1).forEach((n, i) => expect(n).toBeGreaterThan(numbers[i]!));
  });

  it('build exactly the tables, columns, keys and indexes of db/schema.ts (what `npm run db:draft` compares)', async () => {
    expect(await draftStatements()).toEqual([]);
  });

  it('begin with the schema drizzle-kit generated for the first release', () => {
    const structure = (m: Migration) => {
      const db = new Database(':memory:');
      m.up(db);
      const tables = db.prepare<[], { name: string }>(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).all();
      const out = tables.map(({ name }) => ({
        name,
        columns: db.pragma(`table_xinfo("${name}")`),
        keys: db.pragma(`foreign_key_list("${name}")`),
        indexes: (db.pragma(`index_list("${name}")`) as { name: string }[]).map((ix) => ({ ...ix, columns: db.pragma(`index_xinfo("${ix.name}")`) })),
      }));
      db.close();
      return out;
    };
    const shipped = structure(V1_MIGRATION);
    expect(shipped.map((t) => t.name)).toContain('evidence_files');
    expect(structure(MIGRATIONS[0])).toEqual(shipped);
  });
});
