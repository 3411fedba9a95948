// Real encrypted vaults in temporary folders, with a service context over them.
import path from 'node:path';
import { createHash } from 'node:crypto';
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

/**
 * A digest of everything a vault holds except the audit trail's own unlock and lock entries:
 * every CLI command that opens a vault records that it did (issue 11), so "nothing changed"
 * after a dry run or a refused import means no record, file or other trail entry changed.
 */
export function dataDigest(file: string, passphrase: string): string {
  const v = openVault(file, { passphrase }, { readOnly: true });
  try {
    const h = createHash('sha256');
    const tables = v.sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).all() as {
      name: string;
    }[];
    const events = `SELECT seq FROM audit_log WHERE action IN ('unlock', 'lock')`;
    for (const { name } of tables) {
      const where = name === 'audit_log' || name === 'audit_values' ? ` WHERE seq NOT IN (${events})` : '';
      h.update(`${name}\n`);
      for (const row of v.sqlite.prepare(`SELECT * FROM "${name}"${where} ORDER BY rowid`).all())
        h.update(JSON.stringify(row, (_k, x: unknown) => (Buffer.isBuffer(x) ? x.toString('hex') : x)));
    }
    return h.digest('hex');
  } finally {
    v.close();
  }
}
