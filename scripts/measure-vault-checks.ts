// What checking a vault costs, and what durable commits cost (figures for README and the
// lead; not part of npm test). Usage:
//   npx tsx scripts/measure-vault-checks.ts [VAULT PASSPHRASE]
// With a vault (the bench's: $TMPDIR/caseproof-bench/*/firm.cpv, passphrase in
// tests/bench/scale/dataset.ts), times each part of opening and checking it, read-only
// (the file is not changed). Always times small commits with synchronous NORMAL and FULL.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir, cpus, loadavg } from 'node:os';
import path from 'node:path';
import { createVault, openVault } from '../db/client';
import { proveKey, shapeOf } from '../db/identify';
import { deriveKey, readSalt } from '../db/keys';
import { checkPages, checkPagesInBackground } from '../db/pages';

const ms = (t0: number) => `${(performance.now() - t0).toFixed(0)} ms`;
function time<T>(label: string, fn: () => T): T {
  const t0 = performance.now();
  const r = fn();
  console.log(`${label.padEnd(46)} ${ms(t0)}`);
  return r;
}
async function timeAsync<T>(label: string, fn: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  const r = await fn();
  console.log(`${label.padEnd(46)} ${ms(t0)}`);
  return r;
}

console.log(
  `${cpus().length} × ${cpus()[0]?.model}; load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
const [vaultFile, passphrase] = process.argv.slice(2);
if (vaultFile) {
  console.log(`\n${vaultFile}: ${(statSync(vaultFile).size / 1e6).toFixed(0)} MB`);
  const key = time('scrypt (the passphrase to the key)', () => deriveKey(passphrase, readSalt(vaultFile)));
  time('quick check at unlock (shape, page 1, length)', () => proveKey(vaultFile, key, shapeOf(vaultFile)));
  const c = time('every page HMAC-SHA512, in one go', () => checkPages(vaultFile, key));
  console.log(`  ${c.pages} pages, ${c.failingCount} failing`);
  await timeAsync('every page, in the background (yielding)', () => checkPagesInBackground(vaultFile, key));
  const v = openVault(vaultFile, { key }, { readOnly: true });
  time("SQLite's quick_check", () => v.sqlite.pragma('quick_check', { simple: true }));
  time("SQLite's integrity_check", () => v.sqlite.pragma('integrity_check', { simple: true }));
  v.close();
}

const dir = mkdtempSync(path.join(tmpdir(), 'caseproof-commits-'));
try {
  console.log('\nsmall commits (one row each, WAL), on this disk:');
  for (const mode of ['NORMAL', 'FULL', 'NORMAL', 'FULL']) {
    const v = createVault(path.join(dir, `${mode}-${Math.random().toString(36).slice(2)}.cpv`), { passphrase: 'measure commits passphrase' });
    v.sqlite.pragma(`synchronous = ${mode}`);
    v.sqlite.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, s TEXT)');
    const ins = v.sqlite.prepare('INSERT INTO t (s) VALUES (?)');
    const n = 300;
    const t0 = performance.now();
    for (let i = 0; i < n; i++) v.tx(() => ins.run(`row ${i} `.padEnd(200, '.')));
    console.log(`  synchronous = ${mode.padEnd(6)} ${((performance.now() - t0) / n).toFixed(2)} ms per commit`);
    v.close();
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
