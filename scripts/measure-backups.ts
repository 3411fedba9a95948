// What backups, restores and a passphrase change cost on a vault of a given size (figures for
// SECURITY.md and README; not part of npm test). Usage:
//   npx tsx scripts/measure-backups.ts [MEGABYTES=230]
// Makes a throwaway vault in a temporary folder, fills it with that many megabytes of random
// (incompressible) bytes, then times Back up now (VACUUM INTO + every page's HMAC + quick
// check), a backup under a separate passphrase (plus rekey of the copy), a restore into a new
// file (the backup's pages checked, copied, checked again) and a passphrase change (copy re-encrypted, checked, swapped in),
// beside SQLCipher's in-place rekey for comparison.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { createVault, rekeyVault } from '../db/client';
import { changeVaultKey } from '../electron/services/vault/passphrase';
import { deriveKey } from '../db/keys';
import { fixedClock } from '../electron/services/clock';
import { backupKeyFor, makeBackup, restoreBackup } from '../electron/services/vault/backups';

const mb = Number(process.argv[2] ?? 230);
const dir = mkdtempSync(path.join(tmpdir(), 'caseproof-measure-backups-'));
const PASS = 'measure backups passphrase';
function time<T>(label: string, fn: () => T): T {
  const t0 = performance.now();
  const r = fn();
  console.log(`${label.padEnd(58)} ${(performance.now() - t0).toFixed(0)} ms`);
  return r;
}
try {
  console.log(
    `${cpus().length} × ${cpus()[0]?.model}; load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  const file = path.join(dir, 'firm.cpv');
  const vault = createVault(file, { passphrase: PASS });
  vault.sqlite.exec('CREATE TABLE filler (b BLOB)');
  const put = vault.sqlite.prepare('INSERT INTO filler VALUES (?)');
  vault.tx(() => {
    for (let i = 0; i < mb; i++) put.run(randomBytes(1024 * 1024));
  });
  vault.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  console.log(`vault: ${(statSync(file).size / 1e6).toFixed(0)} MB`);
  const ctx = { vault, user: 'measure', clock: fixedClock('2026-11-24') };
  time('scrypt (key from passphrase)', () => deriveKey(PASS, vault.key.salt));
  time('Back up now (VACUUM INTO, every page, quick check)', () => makeBackup(ctx, path.join(dir, 'b1.cpv'), 'now', { overwrite: false }));
  time('Back up under a separate passphrase (+ scrypt, rekey)', () =>
    makeBackup(ctx, path.join(dir, 'b2.cpv'), 'now', { overwrite: false, as: backupKeyFor(ctx, 'separate backup passphrase') }),
  );
  time('Restore into a new file (check, copy, check)', () => restoreBackup(path.join(dir, 'b1.cpv'), PASS, path.join(dir, 'restored.cpv')));
  const changed = time('Change the passphrase (scrypt, copy, re-encrypt, check, swap)', () => changeVaultKey(ctx, 'a new measure passphrase'));
  time('SQLCipher rekey in place (not used: not crash-safe)', () => rekeyVault(changed, 'a third measure passphrase'));
  changed.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
