// Schema migrations for the vault. Each migration is a TypeScript function (see
// db/migrations/README.md for how to add one), so it may run SQL and reshape stored JSON.
// `PRAGMA user_version` counts the migrations a vault has had. Pending ones run in one
// transaction: all of them, or none. Before an existing vault is migrated it is copied
// beside itself (encrypted with the same key, owner-only); the copy is removed once the
// migration has committed and kept, and named in the error, if it fails.
import type Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { VaultError } from './errors';
import { removeWithSidecars, vacuumInto } from './files';
import { hasAuditTrail, installAuditTriggers, rebaseline } from './audit';

export interface Migration {
  /** `NNNN_what_it_does`, in the order of the array; never renamed or edited once shipped. */
  readonly name: string;
  /**
   * Runs inside the run's one transaction with foreign keys off (so a table can be rebuilt)
   * and secure_delete on (set on every vault connection, db/client.ts), so a table rebuilt or
   * dropped leaves zeros in free pages; `PRAGMA foreign_key_check` must pass before commit.
   * Throwing rolls back every migration of the run.
   */
  up(db: Database.Database): void;
  /** Compact the file after the run commits (for a migration that frees much space). */
  readonly compact?: boolean;
}

export interface MigrateOptions {
  /** The vault's path; when given, the vault is copied beside itself before migrating. */
  copyBeside?: string;
  /** Opens the copy with the vault's key to prove it is readable before migrating. */
  verifyCopy?: (copy: string) => number;
}

/** The vault's data version: how many migrations it has had. */
export function dataVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Refuses a vault from a newer Caseproof, whether or not anything is pending. */
export function refuseNewer(db: Database.Database, target: number): void {
  const current = dataVersion(db);
  if (current > target) {
    throw new VaultError(
      'vault-newer',
      `This vault was saved by a newer version of Caseproof (data version ${current}; this version understands up to ${target}). Update Caseproof to open it.`,
    );
  }
}

/** Applies the pending migrations; returns how many ran. */
export function migrate(db: Database.Database, migrations: readonly Migration[], opts: MigrateOptions = {}): number {
  const target = migrations.length;
  refuseNewer(db, target);
  const current = dataVersion(db);
  if (current === target) return 0;
  const copy = opts.copyBeside ? copyBeforeMigrating(db, opts.copyBeside, current, target, opts.verifyCopy) : undefined;
  let step = migrations[current].name;
  // A rollback journal for the run instead of the WAL: pages a migration adds are then
  // written once rather than to the WAL and again into the file (measured on a 208 MB vault
  // of 1,000 files: 10 s instead of 25 s). A crash mid-run is rolled back from the journal,
  // which SQLCipher encrypts like the vault. If another connection prevents the switch, the
  // run simply stays in WAL mode.
  const journal = db.pragma('journal_mode', { simple: true }) as string;
  if (journal === 'wal') setJournal(db, 'DELETE');
  // foreign_keys cannot change inside a transaction; it is off so a migration can rebuild a
  // table that others refer to (SQLite's documented procedure), and checked before commit.
  db.pragma('foreign_keys = OFF');
  try {
    db.transaction(() => {
      for (let i = current; i < target; i++) {
        step = migrations[i].name;
        migrations[i].up(db);
      }
      // The audit trail (db/audit.ts): triggers refreshed for the tables as they now are, and an
      // entry for every row a migration changed (or, on the run that made the trail, every row).
      if (hasAuditTrail(db)) {
        step = 'the audit trail';
        const fresh = !(db.prepare('SELECT 1 FROM audit_log LIMIT 1').get() !== undefined);
        installAuditTriggers(db);
        rebaseline(db, fresh ? 'baseline' : 'migrate');
      }
      step = 'the foreign key check';
      const broken = db.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[];
      if (broken.length) {
        const b = broken[0];
        throw new Error(`${broken.length} row(s) refer to rows that do not exist; the first is ${b.table} row ${b.rowid}, which refers to ${b.parent}`);
      }
      db.pragma(`user_version = ${target}`);
    })();
  } catch (e) {
    if (journal === 'wal') setJournal(db, 'WAL');
    const where = copy ? ` The vault was left as it was, and a copy made before the update is at ${copy}.` : '';
    throw new VaultError(
      'migration-failed',
      `Caseproof could not update this vault from data version ${current} to ${target}: ${step} failed (${(e as Error).message}).${where}`,
    );
  } finally {
    db.pragma('foreign_keys = ON');
  }
  if (migrations.slice(current).some((m) => m.compact)) compact(db);
  if (journal === 'wal') setJournal(db, 'WAL');
  if (copy) removeWithSidecars(copy);
  return target - current;
}

function setJournal(db: Database.Database, mode: 'DELETE' | 'WAL'): void {
  try {
    db.pragma(`journal_mode = ${mode}`);
  } catch {
    /* another connection holds the vault: keep the current mode (see migrate) */
  }
}

/**
 * Returns the space a migration freed to the file system. Failing here loses nothing: the
 * migration has committed, and secure_delete has already zeroed the freed pages, so the
 * vault is only larger than it need be until a later VACUUM (a backup is compact anyway).
 */
function compact(db: Database.Database): void {
  try {
    db.exec('VACUUM');
  } catch {
    /* see above: only the file's size is at stake */
  }
}

/** `firm.cpv` -> `firm.before-v3.cpv` (or `firm.before-v3-2.cpv` if that exists). */
export function copyPathFor(file: string, target: number): string {
  const ext = path.extname(file);
  const stem = file.slice(0, file.length - ext.length);
  for (let n = 1; ; n++) {
    const p = `${stem}.before-v${target}${n > 1 ? `-${n}` : ''}${ext}`;
    if (!existsSync(p)) return p;
  }
}

function copyBeforeMigrating(db: Database.Database, file: string, current: number, target: number, verify?: (copy: string) => number): string {
  const copy = copyPathFor(file, target);
  try {
    vacuumInto(db, copy); // owner-only from its first byte, keyed like the vault
    const version = verify?.(copy) ?? current;
    if (version !== current) throw new Error(`the copy reads as data version ${version}, not ${current}`);
  } catch (e) {
    removeWithSidecars(copy);
    throw new VaultError(
      'migration-failed',
      `Caseproof needs to update this vault from data version ${current} to ${target}, but could not first make a safety copy at ${copy} (${(e as Error).message}). Nothing was changed.`,
    );
  }
  return copy;
}
