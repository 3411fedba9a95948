// Real encrypted vaults in temporary folders, with a service context over them.
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { createVault, openVault, type Vault } from '../../db/client';
import { fixedClock } from '../../electron/services/clock';
import { ctxOver, type Ctx } from '../../electron/services/context';
import { tempDir } from './tmp';

export const PASS = 'a long enough test passphrase';
export const SAMPLE_FILE = path.resolve(__dirname, '../fixtures/riverside-firm.json'); // copy of ../shared/samples
export const sampleFirm = () => JSON.parse(readFileSync(SAMPLE_FILE, 'utf8'));

export function newVault(): { vault: Vault; dir: string; file: string; ctx: Ctx } {
  const dir = tempDir();
  const file = path.join(dir, 'firm.cpv');
  const vault = createVault(file, { passphrase: PASS });
  return { vault, dir, file, ctx: ctxFor(vault) };
}
export function reopen(file: string): Vault {
  return openVault(file, { passphrase: PASS });
}
export function ctxFor(vault: Vault, today = '2026-11-24'): Ctx {
  return ctxOver(vault, 'Test User', fixedClock(today));
}
/** Whether `passphrase` opens the vault at `file` (read-only); any failure but a wrong passphrase is thrown. */
export function opensWith(file: string, passphrase: string): boolean {
  try {
    openVault(file, { passphrase }, { readOnly: true }).close();
    return true;
  } catch (e) {
    if ((e as { code?: string }).code === 'wrong-passphrase') return false;
    throw e;
  }
}
