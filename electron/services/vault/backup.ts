// Encrypted, verified copies of the vault. The vault's file is copied byte for byte (it is
// already encrypted; db/files.ts copyVaultFile holds it still), or VACUUM INTO writes a compact
// copy keyed like the original (same key and salt); either is owner-only from its first byte,
// beside the destination, then opened read-only and checked (every page's HMAC, and SQLite's
// quick check for a copy SQLite wrote) before it takes the destination's name, so a
// half-written or unsound copy never does.
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { openVault, rekeyCopy, type Vault } from '../../../db/client';
import { copyVaultFile, removeWithSidecars } from '../../../db/files';
import { damaged } from '../../../db/identify';
import type { VaultKey } from '../../../db/keys';
import type { ProgressSink } from '../context';
import { AppError } from '../errors';
import { alreadyExists, publish, tempBeside, vacuumInto } from '../files';

/**
 * Proves a copy (a backup just made, or one about to be restored) opens with the key, that
 * every page is authentic and that SQLite's quick check passes; reads only, so the copy is
 * left byte for byte as it was. Throws "is damaged" for a copy that was altered.
 */
export function verifyCopy(file: string, key: VaultKey, opts: { quickCheck?: boolean; pages?: boolean } = {}): { staff: number } {
  const v = openVault(file, { key }, { readOnly: true, check: opts.pages === false ? 'quick' : 'pages' });
  try {
    const ok = opts.quickCheck === false ? 'ok' : String(v.sqlite.pragma('quick_check', { simple: true }));
    if (ok !== 'ok') throw damaged(file, `SQLite's own check found a fault (${ok.split('\n')[0]})`);
    return { staff: (v.sqlite.prepare('SELECT count(*) AS n FROM staff').get() as { n: number }).n };
  } finally {
    v.close();
  }
}

/**
 * Writes a verified copy of `vault` to `dest`. With `as`, the copy is re-encrypted under that
 * key (a separate backup passphrase derived with the vault's salt) before it is checked.
 */
export function copyVault(vault: Vault, dest: string, overwrite: boolean, progress?: ProgressSink, as?: VaultKey): void {
  if (path.resolve(dest) === path.resolve(vault.path)) throw new AppError('invalid', 'The copy must go to a different file from the vault itself.', 'out');
  if (existsSync(dest) && !overwrite) throw alreadyExists(dest);
  const tmp = tempBeside(dest);
  try {
    progress?.({ done: 0, total: 2, label: 'Copying the vault' });
    // Under the vault's own key, the file itself is copied (one pass of plain file copying);
    // otherwise, or when the file cannot be held still at once, VACUUM INTO writes the copy.
    const copied = as ? null : copyVaultFile(vault.sqlite, vault.path, tmp);
    const byteCopy = copied !== null;
    if (!byteCopy) vacuumInto(vault.sqlite, tmp);
    if (as) rekeyCopy(tmp, vault.key, as);
    progress?.({ done: 1, total: 2, label: 'Checking the copy' });
    // A byte copy is the live vault's file as the system copied it and flushed it to disk: it
    // is checked for its length, for page 1 under the key (the key opens it) and for SQLite
    // reading its schema and staff. Every page's HMAC is not read again here: right after
    // writing, those reads come from the system's cache rather than the disk, so they would
    // re-prove only the live vault's pages, which the check after unlock proves; a restore
    // checks every page of the backup it reads. A copy SQLite wrote (VACUUM INTO, a rekey) is
    // checked in full: every page and SQLite's quick check.
    if (byteCopy && statSync(tmp).size !== copied) throw damaged(tmp, `the copy holds ${statSync(tmp).size} bytes, not the vault's ${copied}`);
    verifyCopy(tmp, as ?? vault.key, byteCopy ? { quickCheck: false, pages: false } : {});
    // A stale -wal beside the old file would be read into the new one: it goes with it.
    if (overwrite) removeWithSidecars(dest);
    publish(tmp, dest, { overwrite });
    progress?.({ done: 2, total: 2, label: 'Copy checked' });
  } finally {
    removeWithSidecars(tmp);
  }
}
