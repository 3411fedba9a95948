// The encrypted vault: one SQLCipher database file (better-sqlite3-multiple-ciphers),
// encrypted from its first byte, with drizzle on top. Opening keys the connection, proves
// the key with a read, refuses vaults from a newer Caseproof, then applies pending
// migrations in one transaction, after copying the vault beside itself (db/migrate.ts).
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { chmodSync, existsSync } from 'node:fs';
import * as schema from './schema';
import { MIGRATIONS } from './migrations';
import { migrate, type Migration } from './migrate';
import { VaultError } from './errors';
import { removeWithSidecars } from './files';
import { deriveKey, keyPragma, newSalt, readSalt, rekeyPragma, type VaultKey } from './keys';

export { VaultError, type VaultErrorCode } from './errors';
export type { Migration } from './migrate';

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
  /** Runs fn in one transaction: all of it is written, or none. */
  tx<T>(fn: () => T): T;
  close(): void;
}
export interface OpenOptions {
  /** Path of a better_sqlite3.node built for this runtime (Electron passes its own ABI build). */
  nativeBinding?: string;
  /** The migrations to apply; the shipped ones unless a test supplies its own. */
  migrations?: readonly Migration[];
}
export type Secret = { passphrase: string } | { key: VaultKey };

function connect(file: string, mustExist: boolean, opts: OpenOptions): Database.Database {
  return new Database(file, { fileMustExist: mustExist, nativeBinding: opts.nativeBinding });
}

function keyConnection(db: Database.Database, key: VaultKey): void {
  db.pragma(`cipher = 'sqlcipher'`);
  db.pragma('legacy = 4');
  db.pragma(keyPragma(key));
}

/** Settings applied on every connection; none of them writes plaintext anywhere. */
function configure(db: Database.Database): void {
  db.pragma('journal_mode = WAL'); // WAL frames are encrypted like the main file
  db.pragma('synchronous = NORMAL');
  db.pragma('temp_store = MEMORY'); // sorts and temp tables never spill to disk
  db.pragma('secure_delete = ON'); // deleted content is overwritten, not left in free pages
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
  let db = connect(file, true, opts);
  try {
    keyConnection(db, key);
    return db.pragma('user_version', { simple: true }) as number;
  } finally {
    db.close();
  }
}

function wrap(file: string, sqlite: Database.Database, key: VaultKey): Vault {
  const orm = drizzle(sqlite, { schema });
  return {
    path: file,
    sqlite,
    orm,
    key,
    tx: <T>(fn: () => T) => sqlite.transaction(fn)(),
    close: () => {
      if (sqlite.open) {
        sqlite.pragma('wal_checkpoint(TRUNCATE)');
        sqlite.close();
      }
    },
  };
}

/** Creates a new vault. Refuses to overwrite an existing file; leaves nothing behind on failure. */
export function createVault(file: string, secret: Secret, opts: OpenOptions = {}): Vault {
  if (existsSync(file)) throw new VaultError('exists', `A file already exists at ${file}; Caseproof will not overwrite it.`);
  const key = 'key' in secret ? secret.key : deriveKey(secret.passphrase, newSalt());
  let db: Database.Database | undefined;
  try {
    db = connect(file, false, opts);
    keyConnection(db, key);
    db.pragma(`application_id = ${APPLICATION_ID}`);
    configure(db);
    // A new vault has nothing to lose: no copy first.
    if (migrate(db, opts.migrations ?? MIGRATIONS) > 0) db = reconnect(db, file, key, opts);
    try {
      chmodSync(file, 0o600);
    } catch {
      /* not supported on every filesystem; the content is encrypted regardless */
    }
    return wrap(file, db, key);
  } catch (e) {
    db?.close();
    removeWithSidecars(file);
    throw e;
  }
}

/** Opens an existing vault. A wrong passphrase changes nothing on disk. */
export function openVault(file: string, secret: Secret, opts: OpenOptions = {}): Vault {
  if (!existsSync(file)) throw new VaultError('not-found', `No vault found at ${file}.`);
  let salt: Buffer;
  try {
    salt = readSalt(file);
  } catch {
    throw new VaultError('not-a-vault', `${file} is not a Caseproof vault (the file is too short).`);
  }
  const key = 'key' in secret ? secret.key : deriveKey(secret.passphrase, salt);
  if (!key.salt.equals(salt)) throw new VaultError('wrong-passphrase', 'The saved key does not belong to this vault.');
  let db = connect(file, true, opts);
  try {
    keyConnection(db, key);
    try {
      db.prepare('SELECT count(*) FROM sqlite_master').get();
    } catch (e) {
      if ((e as { code?: string }).code === 'SQLITE_NOTADB') {
        throw new VaultError('wrong-passphrase', 'The passphrase is wrong for this vault. Nothing was changed.');
      }
      throw e;
    }
    const appId = db.pragma('application_id', { simple: true }) as number;
    if (appId !== APPLICATION_ID) {
      throw new VaultError('not-a-vault', `${file} is an encrypted database but not a Caseproof vault.`);
    }
    configure(db);
    const ran = migrate(db, opts.migrations ?? MIGRATIONS, { copyBeside: file, verifyCopy: (copy) => copyVersion(copy, key, opts) });
    if (ran > 0) db = reconnect(db, file, key, opts);
    return wrap(file, db, key);
  } catch (e) {
    db.close();
    throw e;
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
