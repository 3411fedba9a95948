// The encrypted vault: one SQLCipher database file (better-sqlite3-multiple-ciphers),
// encrypted from its first byte, with drizzle on top. Opening names what the file is before
// touching it (db/identify.ts: not a vault, damaged, or the wrong passphrase, each only when
// true), takes the one-writer lock beside it (db/lock.ts), keys the connection, refuses vaults
// from a newer Caseproof, then applies pending migrations in one transaction, after copying
// the vault beside itself (db/migrate.ts). Nothing is written until the key is proven.
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { withStatementCache } from './statementCache';
import { closeSync, existsSync, fsyncSync, openSync, renameSync } from 'node:fs';
import path from 'node:path';
import * as schema from './schema';
import { MIGRATIONS } from './migrations';
import { migrate, type Migration } from './migrate';
import { VaultError } from './errors';
import { createOwnerOnly, removeWithSidecars, restrictToOwner, SIDECARS, syncFolder, vacuumInto } from './files';
import { damaged, isDamageError, proveKey, saltDamaged, shapeOf } from './identify';
import { deriveKey, keyPragma, newSalt, readSalt, rekeyPragma, type VaultKey } from './keys';
import { acquireLock, type LockOptions, type VaultLock } from './lock';
import { checkPages, checkPagesInBackground, describePageCheck } from './pages';
import { registerAuditFunctions, type AuditActor } from './audit';
import { registerSqlClock } from './sqlClock';
import { userInfo } from 'node:os';
import { systemClock } from '../electron/services/clock';

export { VaultError, type LockHolderInfo, type VaultErrorCode } from './errors';
export type { Migration } from './migrate';
export type { VaultLock } from './lock';

/** 'CPRF' — marks the file as a Caseproof vault. */
export const APPLICATION_ID = 0x43505246;
/** The data version this Caseproof writes: the number of migrations it knows. */
export const SCHEMA_VERSION = MIGRATIONS.length;

export type Orm = BetterSQLite3Database<typeof schema>;
export interface Vault {
  readonly path: string;
  readonly sqlite: Database.Database;
  readonly orm: Orm;
  readonly key: VaultKey;
  /** The one-writer lock beside the vault (null for a read-only copy). */
  readonly lock: VaultLock | null;
  /** Who the audit trail names for changes made on this connection, and its clock (db/audit.ts); `who` is set per call. */
  readonly actor: AuditActor;
  /** Runs fn in one transaction: all of it is written, or none. */
  tx<T>(fn: () => T): T;
  /**
   * Checks every page's HMAC in the background (the quick check at open reads only a few):
   * resolves with what is damaged, in words, or null when every page is sound, the vault was
   * closed first or the file could not be read; it never rejects.
   */
  checkInBackground(): Promise<string | null>;
  close(): void;
  /** Closes the connection (and stops the background check) but keeps the one-writer lock: for swapping the file (changeKey). */
  closeKeepingLock(): void;
}
export interface OpenOptions extends LockOptions {
  /** Path of a better_sqlite3.node built for this runtime (Electron passes its own ABI build). */
  nativeBinding?: string;
  /** The migrations to apply; the shipped ones unless a test supplies its own. */
  migrations?: readonly Migration[];
  /**
   * 'pages' checks every page's HMAC before opening (the CLI, backups and restores: about
   * 0.4 s for 230 MB); 'quick' (the app's unlock) checks page 1 and the file's length, and the
   * app then runs the page check in the background (checkInBackground).
   */
  check?: 'quick' | 'pages';
  /** Opens a copy (a backup being verified or restored) to read only: no lock, no migrations, nothing written. */
  readOnly?: boolean;
}
export type Secret = { passphrase: string } | { key: VaultKey };

/** The connection's audit actor: the person the opener names (else the computer's account) and the one clock. */
function actorFor(opts: OpenOptions): AuditActor {
  let who = opts.user;
  if (!who) {
    try {
      who = userInfo().username;
    } catch {
      who = 'unknown';
    }
  }
  return { who, clock: opts.clock ?? systemClock };
}

const actorOfConnection = new WeakMap<Database.Database, AuditActor>();

function connect(file: string, mustExist: boolean, opts: OpenOptions): Database.Database {
  const db = new Database(file, { fileMustExist: mustExist, nativeBinding: opts.nativeBinding, readonly: opts.readOnly === true });
  // Every connection can write the audit trail: its triggers call these functions.
  const actor = actorFor(opts);
  registerAuditFunctions(db, actor);
  // ...and every row's created_at/updated_at is stamped by the same clock (db/sqlClock.ts).
  registerSqlClock(db, () => actor.clock, opts.nativeBinding);
  actorOfConnection.set(db, actor);
  return db;
}

function keyConnection(db: Database.Database, key: VaultKey): void {
  db.pragma(`cipher = 'sqlcipher'`);
  db.pragma('legacy = 4');
  db.pragma(keyPragma(key));
}

/** Settings applied on every connection; none of them writes plaintext anywhere. */
function configure(db: Database.Database): void {
  db.pragma('journal_mode = WAL'); // WAL frames are encrypted like the main file
  // Durable commits: the WAL is flushed to disk at every commit, so a commit Caseproof has
  // reported survives a power cut, not only a crash (NORMAL may lose the last ones). Cost:
  // one fsync per transaction, a few milliseconds (scripts/measure-commits.ts).
  db.pragma('synchronous = FULL');
  db.pragma('temp_store = MEMORY'); // sorts and temp tables never spill to disk
  // Deleted content is overwritten, not left in free pages. SQLite3 Multiple Ciphers already turns
  // this on for a keyed connection; saying it here keeps it on if that default ever changes.
  db.pragma('secure_delete = ON');
  db.pragma('foreign_keys = ON');
}

/**
 * Replaces the connection that ran migrations with a fresh one, so no state a migration
 * left on it lingers. (Seen: after a table rebuild's ALTER TABLE ... RENAME, SQLite3 Multiple
 * Ciphers' rekey leaves that connection unable to checkpoint: "database table is locked".)
 */
function reconnect(db: Database.Database, file: string, key: VaultKey, opts: OpenOptions): Database.Database {
  db.close();
  const fresh = connect(file, true, opts);
  try {
    keyConnection(fresh, key);
    configure(fresh);
    return fresh;
  } catch (e) {
    fresh.close();
    throw e;
  }
}

/** Opens a copy of a vault just far enough to read its data version (proves the key works on it). */
function copyVersion(file: string, key: VaultKey, opts: OpenOptions): number {
  const db = connect(file, true, opts);
  try {
    keyConnection(db, key);
    return db.pragma('user_version', { simple: true }) as number;
  } finally {
    db.close();
  }
}

function wrap(file: string, sqlite: Database.Database, key: VaultKey, lock: VaultLock | null): Vault {
  // drizzle prepares every query it runs: through the cache, each SQL text once (db/statementCache.ts).
  const orm = drizzle(withStatementCache(sqlite), { schema });
  const closing = new AbortController();
  return {
    path: file,
    sqlite,
    orm,
    key,
    lock,
    actor: actorOfConnection.get(sqlite)!,
    tx: <T>(fn: () => T) => sqlite.transaction(fn)(),
    checkInBackground: async () => {
      try {
        const c = await checkPagesInBackground(file, key, closing.signal);
        const what = c && describePageCheck(c);
        return what ? damaged(file, what).message : null;
      } catch {
        return null; // the file could not be read just now (closed, moved, a share away): no finding either way
      }
    },
    close: () => {
      closing.abort();
      try {
        if (sqlite.open) {
          if (!sqlite.readonly) sqlite.pragma('wal_checkpoint(TRUNCATE)');
          sqlite.close();
        }
      } finally {
        lock?.release();
      }
    },
    closeKeepingLock: () => {
      closing.abort();
      if (sqlite.open) {
        if (!sqlite.readonly) sqlite.pragma('wal_checkpoint(TRUNCATE)');
        sqlite.close();
      }
    },
  };
}

/** Creates a new vault. Refuses to overwrite an existing file; leaves nothing behind on failure. */
export function createVault(file: string, secret: Secret, opts: OpenOptions = {}): Vault {
  if (existsSync(file)) throw new VaultError('exists', `A file already exists at ${file}; Caseproof will not overwrite it.`);
  const key = 'key' in secret ? secret.key : deriveKey(secret.passphrase, newSalt());
  const lock = acquireLock(file, opts);
  let db: Database.Database | undefined;
  try {
    // Owner-only before SQLite writes a byte: SQLite gives the -wal and -shm files it makes
    // later the vault's own mode, so they are owner-only too.
    createOwnerOnly(file);
    db = connect(file, false, opts);
    keyConnection(db, key);
    db.pragma(`application_id = ${APPLICATION_ID}`);
    configure(db);
    // A new vault has nothing to lose: no copy first.
    if (migrate(db, opts.migrations ?? MIGRATIONS) > 0) db = reconnect(db, file, key, opts);
    return wrap(file, db, key, lock);
  } catch (e) {
    db?.close();
    removeWithSidecars(file);
    lock.release();
    throw e;
  }
}

/** The key for an existing vault: derived from the passphrase and the file's salt, or the one given. */
function keyFor(file: string, secret: Secret): VaultKey {
  const salt = readSalt(file);
  if (!('key' in secret)) return deriveKey(secret.passphrase, salt);
  if (secret.key.salt.equals(salt)) return secret.key;
  // A remembered key carries the salt it was made with: if page 1 is still authentic under it,
  // the key is this vault's and the salt bytes on disk are what changed.
  if (saltDamaged(file, secret.key)) throw damaged(file, 'its first 16 bytes (the salt its key is made from) have changed');
  throw new VaultError('wrong-passphrase', 'The saved key does not belong to this vault.');
}

/** Every page's HMAC, before anything else reads the file (OpenOptions.check = 'pages'). */
function assertPagesSound(file: string, key: VaultKey): void {
  const what = describePageCheck(checkPages(file, key));
  if (what) throw damaged(file, what);
}

/** The first read through SQLite: the schema. Damage SQLite meets from here on is named as such. */
function assertReadable(db: Database.Database, file: string): void {
  try {
    db.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (e) {
    if ((e as { code?: string }).code === 'SQLITE_NOTADB' || isDamageError(e)) throw damaged(file, `SQLite cannot read it (${(e as Error).message})`);
    throw e;
  }
  const appId = db.pragma('application_id', { simple: true }) as number;
  if (appId !== APPLICATION_ID) throw new VaultError('not-a-vault', `${file} is an encrypted database but not a Caseproof vault.`);
}

/**
 * Opens an existing vault. What the file is gets named before anything is written: not a
 * vault, damaged, or a wrong passphrase (db/identify.ts); a wrong passphrase changes nothing
 * on disk and leaves nothing beside it. Another Caseproof holding the vault is named too.
 */
export function openVault(file: string, secret: Secret, opts: OpenOptions = {}): Vault {
  if (!existsSync(file)) throw new VaultError('not-found', `No vault found at ${file}.`);
  const shape = shapeOf(file);
  const key = keyFor(file, secret);
  proveKey(file, key, shape);
  if (opts.check === 'pages') assertPagesSound(file, key);
  const lock = opts.readOnly ? null : acquireLock(file, opts);
  let db: Database.Database | undefined;
  try {
    if (!opts.readOnly) for (const f of [file, ...SIDECARS.map((s) => file + s)]) if (existsSync(f)) restrictToOwner(f); // vaults made before 0600
    // A passphrase change that was cut off before its swap left its copy: with the lock held, nobody is making one now.
    if (!opts.readOnly) removeWithSidecars(keyChangeCopyOf(file));
    db = connect(file, true, opts);
    keyConnection(db, key);
    assertReadable(db, file);
    if (opts.readOnly) {
      db.pragma('temp_store = MEMORY');
      return wrap(file, db, key, null);
    }
    configure(db);
    const ran = migrate(db, opts.migrations ?? MIGRATIONS, { copyBeside: file, verifyCopy: (copy) => copyVersion(copy, key, opts) });
    if (ran > 0) db = reconnect(db, file, key, opts);
    return wrap(file, db, key, lock);
  } catch (e) {
    db?.close();
    lock?.release();
    if (isDamageError(e)) throw damaged(file, `SQLite cannot read part of it (${(e as Error).message})`);
    throw e;
  }
}

/**
 * Changes the vault's key without ever leaving a file that is half one key and half the other
 * (SQLCipher's in-place rekey, killed part-way, leaves exactly that: 3 of 20 kills in a test).
 * A compact copy is written beside the vault (VACUUM INTO), re-encrypted under the new key,
 * checked (every page's HMAC and SQLite's quick check), flushed, and then takes the vault's name
 * in one rename, with the connection closed and the one-writer lock kept. A crash before the
 * rename leaves the vault as it was (and a hidden copy, removed next time); after it, the new
 * vault whole. Returns the vault reopened under the new key (the old object must not be used).
 * `beforeSwap` runs once the new file is ready, before it takes the name (e.g. to wrap the new
 * key for a recovery file).
 */
export function changeKey(vault: Vault, next: VaultKey, opts: OpenOptions = {}, beforeSwap?: () => void): Vault {
  const file = vault.path;
  const tmp = keyChangeCopyOf(file);
  removeWithSidecars(tmp); // a copy left by an earlier change that did not finish
  try {
    vacuumInto(vault.sqlite, tmp);
    rekeyCopy(tmp, vault.key, next, opts);
    assertPagesSound(tmp, next);
    const check = connect(tmp, true, { ...opts, readOnly: true });
    try {
      keyConnection(check, next);
      const ok = String(check.pragma('quick_check', { simple: true }));
      if (ok !== 'ok') throw damaged(tmp, `SQLite's own check found a fault (${ok.split('\n')[0]})`);
    } finally {
      check.close();
    }
    flushFile(tmp);
    beforeSwap?.();
    vault.closeKeepingLock();
    renameSync(tmp, file);
    syncFolder(file);
  } catch (e) {
    removeWithSidecars(tmp);
    throw e;
  }
  const db = connect(file, true, opts);
  try {
    keyConnection(db, next);
    configure(db);
  } catch (e) {
    db.close();
    throw e;
  }
  return wrap(file, db, next, vault.lock);
}

/** Where changeKey builds the re-keyed copy: hidden, beside the vault. */
function keyChangeCopyOf(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.new-key.tmp`);
}

function flushFile(file: string): void {
  const fd = openSync(file, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Changes the passphrase (same salt, new derived key) in place. */
export function rekeyVault(vault: Vault, newPassphrase: string): VaultKey {
  const key = deriveKey(newPassphrase, vault.key.salt);
  // rekey is not allowed in WAL mode; switch to a rollback journal for the duration.
  vault.sqlite.pragma('journal_mode = DELETE');
  vault.sqlite.pragma(rekeyPragma(key));
  vault.sqlite.pragma('journal_mode = WAL');
  (vault as { key: VaultKey }).key = key;
  return key;
}

/**
 * Re-encrypts a closed copy of a vault (a backup just written by VACUUM INTO) under another
 * key, in place: the copy's own salt is kept, so `to` is derived from the new passphrase and
 * that salt. Only ever used on a temporary file nobody else has open.
 */
export function rekeyCopy(file: string, from: VaultKey, to: VaultKey, opts: Pick<OpenOptions, 'nativeBinding'> = {}): void {
  const db = connect(file, true, opts);
  try {
    keyConnection(db, from);
    db.pragma('journal_mode = DELETE');
    db.pragma(rekeyPragma(to));
  } finally {
    db.close();
  }
}
