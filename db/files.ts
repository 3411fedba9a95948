// Files beside a vault: the sidecars SQLite keeps (a vault or a copy is only gone when they
// are too), and owner-only creation for every file the vault layer writes. The services'
// helper for exports, packs and saved copies (electron/services/files.ts) builds on these.
import type Database from 'better-sqlite3';
import { chmodSync, closeSync, copyFileSync, existsSync, fsyncSync, openSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';

export const SIDECARS = ['-wal', '-shm', '-journal'] as const;

/** Read and write for the owner only: no other account on the computer can read the file. */
export const OWNER_ONLY = 0o600;

export function removeWithSidecars(file: string): void {
  for (const s of ['', ...SIDECARS]) rmSync(file + s, { force: true });
}

/**
 * Narrows a file to its owner. Where the file system has no POSIX modes (FAT, some network
 * shares, Windows) this may do nothing; a vault and its copies are encrypted regardless.
 */
export function restrictToOwner(file: string): void {
  try {
    chmodSync(file, OWNER_ONLY);
  } catch {
    /* see above */
  }
}

/** Creates `file`, empty and owner-only; fails if anything is already there. */
export function createOwnerOnly(file: string): void {
  closeSync(openSync(file, 'wx', OWNER_ONLY));
  restrictToOwner(file); // the umask can only narrow the mode; this makes sure of it
}

/**
 * Writes a compact, encrypted copy of the open database to `dest` (which must not exist),
 * keyed like the original. The file is created owner-only before SQLite writes into it (VACUUM
 * INTO accepts an empty file), so the copy is never readable by others, not even for a moment.
 */
export function vacuumInto(db: Database.Database, dest: string): void {
  createOwnerOnly(dest);
  db.prepare('VACUUM INTO ?').run(dest);
  restrictToOwner(dest);
}

/** Flushes a folder's entries (a rename into it) to disk, where the system allows it. */
export function syncFolder(file: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(path.dirname(file), 'r');
    fsyncSync(fd);
  } catch {
    /* Windows cannot open a folder this way; its renames are durable once they return */
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Copies the vault's file byte for byte into `dest` (which must not exist): the fastest copy
 * there is, as the file is already encrypted under the vault's key. Consistent because the WAL
 * is first checkpointed into the file and the copy is made holding the write lock with the WAL
 * empty, so no other connection can change the file meanwhile. Returns the length copied, or
 * null having written nothing, when that cannot be had at once (a reader still holds the WAL, a transaction is
 * open, the connection is read-only): the caller then uses vacuumInto. Unlike vacuumInto the
 * copy is not compacted (free pages stay, zeroed by secure_delete).
 */
export function copyVaultFile(db: Database.Database, file: string, dest: string): number | null {
  if (db.readonly || db.inTransaction) return null;
  const [r] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
  if (!r || r.busy) return null;
  try {
    db.exec('BEGIN IMMEDIATE');
  } catch {
    return null; // another connection is writing (busy): VACUUM INTO reads a snapshot instead
  }
  try {
    const wal = `${file}-wal`;
    if (existsSync(wal) && statSync(wal).size > 0) return null; // another connection wrote in between
    const size = statSync(file).size;
    createOwnerOnly(dest);
    copyFileSync(file, dest);
    restrictToOwner(dest);
    const fd = openSync(dest, 'r+');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    return size;
  } finally {
    db.exec('ROLLBACK');
  }
}
