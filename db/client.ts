// The encrypted vault: one SQLCipher database file (better-sqlite3-multiple-ciphers),
// encrypted from its first byte, with drizzle on top. Opening keys the connection, proves
// the key with a read, refuses vaults from a newer Caseproof, then applies pending
// migrations in one transaction.
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { chmodSync, existsSync, rmSync } from 'node:fs';
import * as schema from './schema';
import { MIGRATIONS } from './migrations.generated';
import { deriveKey, keyPragma, newSalt, readSalt, rekeyPragma, type VaultKey } from './keys';

/** 'CPRF' — marks the file as a Caseproof vault. */
export const APPLICATION_ID = 0x43505246;
export const SCHEMA_VERSION = MIGRATIONS.length;

export type VaultErrorCode = 'wrong-passphrase' | 'vault-newer' | 'not-found' | 'exists' | 'not-a-vault';
export class VaultError extends Error {
  constructor(
    readonly code: VaultErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'VaultError';
  }
}

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
export type Migration = { tag: string; statements: string[] };
export interface OpenOptions {
  /** Path of a better_sqlite3.node built for this runtime (Electron passes its own ABI build). */
  nativeBinding?: string;
  /** The migrations to apply; the shipped ones unless a test supplies its own. */
  migrations?: Migration[];
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

/** Applies pending migrations in one transaction; refuses a vault from a newer version. */
function migrate(db: Database.Database, migrations: Migration[] = MIGRATIONS): void {
  const target = migrations.length;
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > target) {
    throw new VaultError(
      'vault-newer',
      `This vault was saved by a newer version of Caseproof (data version ${current}; this version understands up to ${target}). Update Caseproof to open it.`,
    );
  }
  if (current === target) return;
  db.transaction(() => {
    for (let i = current; i < target; i++) {
      for (const stmt of migrations[i].statements) db.exec(stmt);
    }
    db.pragma(`user_version = ${target}`);
  })();
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
    migrate(db, opts.migrations);
    try {
      chmodSync(file, 0o600);
    } catch {
      /* not supported on every filesystem; the content is encrypted regardless */
    }
    return wrap(file, db, key);
  } catch (e) {
    db?.close();
    for (const s of ['', '-wal', '-shm', '-journal']) rmSync(file + s, { force: true });
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
  const db = connect(file, true, opts);
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
    migrate(db, opts.migrations);
    configure(db);
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
