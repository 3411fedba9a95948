// Encrypted, verified copies of the vault. VACUUM INTO writes a compact copy keyed like
// the original (same key and salt), which is then opened and checked before it replaces
// anything; a half-written copy never takes the destination's name.
import { randomBytes } from 'node:crypto';
import { existsSync, renameSync } from 'node:fs';
import path from 'node:path';
import { openVault, type Vault } from '../../../db/client';
import { removeWithSidecars } from '../../../db/files';
import type { VaultKey } from '../../../db/keys';
import type { ProgressSink } from '../context';
import { AppError } from '../errors';

function tempBeside(dest: string): string {
  return path.join(path.dirname(dest), `.${path.basename(dest)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
}

/** Proves a copy opens with the key and passes SQLite's integrity check. */
export function verifyCopy(file: string, key: VaultKey): { staff: number } {
  const v = openVault(file, { key });
  try {
    const ok = v.sqlite.pragma('quick_check', { simple: true });
    if (ok !== 'ok') throw new AppError('invalid', `The copy at ${file} failed its integrity check (${String(ok)}).`);
    return { staff: (v.sqlite.prepare('SELECT count(*) AS n FROM staff').get() as { n: number }).n };
  } finally {
    v.close();
  }
}

export function copyVault(vault: Vault, dest: string, overwrite: boolean, progress?: ProgressSink): void {
  if (path.resolve(dest) === path.resolve(vault.path)) throw new AppError('invalid', 'The copy must go to a different file from the vault itself.', 'out');
  if (existsSync(dest) && !overwrite) throw new AppError('exists', `${dest} already exists; Caseproof will not overwrite it.`, 'out');
  const tmp = tempBeside(dest);
  try {
    progress?.({ done: 0, total: 2, label: 'Copying the vault' });
    vault.sqlite.prepare('VACUUM INTO ?').run(tmp);
    progress?.({ done: 1, total: 2, label: 'Checking the copy' });
    verifyCopy(tmp, vault.key);
    if (overwrite) removeWithSidecars(dest);
    renameSync(tmp, dest);
    progress?.({ done: 2, total: 2, label: 'Copy checked' });
  } finally {
    removeWithSidecars(tmp);
  }
}
