// The full check of an open vault's database, for `caseproof check` (which adds the evidence
// files' SHA-256 and the audit chain) and for anything else that must prove the file sound:
// every page's HMAC (db/pages.ts), SQLite's own integrity check of every table and index, and
// the foreign keys. Each problem comes back in words, the first first; none means sound.
// Cost on the 230 MB bench vault: see README "Integrity checks" (the page check is the
// cheapest part; integrity_check reads every row and index entry).
import type { Vault } from './client';
import { checkPages, describePageCheck } from './pages';

export interface VaultFault {
  /** What was checked: 'pages', 'sqlite' or 'foreign keys'. */
  check: 'pages' | 'sqlite' | 'foreign keys';
  /** What is wrong, in words that can follow "The vault ...". */
  problem: string;
}

export function checkVault(vault: Vault, opts: { onProgress?: (done: number, total: number) => void } = {}): VaultFault[] {
  const faults: VaultFault[] = [];
  const pages = describePageCheck(checkPages(vault.path, vault.key, opts));
  if (pages) faults.push({ check: 'pages', problem: pages });
  try {
    const rows = vault.sqlite.pragma('integrity_check(20)', { simple: false }) as { integrity_check: string }[];
    for (const r of rows) if (r.integrity_check !== 'ok') faults.push({ check: 'sqlite', problem: `SQLite's integrity check: ${r.integrity_check}` });
  } catch (e) {
    faults.push({ check: 'sqlite', problem: `SQLite's integrity check could not finish (${(e as Error).message})` });
  }
  const broken = vault.sqlite.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[];
  for (const b of broken.slice(0, 20))
    faults.push({ check: 'foreign keys', problem: `${b.table} row ${b.rowid} refers to a ${b.parent} row that does not exist` });
  return faults;
}
