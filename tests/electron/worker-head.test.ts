// The audit trail's head file (db/auditHead.ts) with the app's two workers (electron/worker/host.ts,
// the built bundle): the vault worker and the job worker each write entries on their own
// connection, and the head beside the vault follows both, so the next unlock finds no fault.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { headFileOf } from '../../db/auditHead';
import { openVault } from '../../db/client';
import type { VaultState } from '../../electron/contract/views';
import { nodePlatform } from '../../electron/platform/nodePlatform';
import { VaultHost } from '../../electron/worker/host';
import { WORKER_FILE } from '../support/harness';
import { tempDir } from '../support/tmp';
import { SAMPLE_FILE } from '../support/vaults';

const PASS = 'worker head test passphrase';
const hosts: VaultHost[] = [];
afterEach(async () => {
  while (hosts.length) await hosts.pop()!.close();
});
async function ok<T>(p: Promise<{ ok: boolean }>): Promise<T> {
  const r = (await p) as { ok: true; value: T } | { ok: false; error: unknown };
  if (!r.ok) throw new Error(`call failed: ${JSON.stringify(r.error)}`);
  return r.value;
}
const headOf = (file: string) => JSON.parse(readFileSync(headFileOf(file), 'utf8')) as { seq: number; hash: string };
function lastEntry(file: string) {
  const v = openVault(file, { passphrase: PASS }, { readOnly: true });
  try {
    return v.sqlite.prepare<[], { seq: number; hash: string }>('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get()!;
  } finally {
    v.close();
  }
}

beforeAll(() => {
  if (!existsSync(WORKER_FILE)) throw new Error('dist/electron/worker.cjs is missing: run `npm run build` first (npm test does).');
});

describe('the head file with both workers', { timeout: 120_000 }, () => {
  it('follows a write in each worker, and at lock; the next unlock finds no fault', async () => {
    const dir = tempDir('caseproof-worker-head-');
    const file = path.join(dir, 'firm.cpv');
    const platform = nodePlatform({ user: 'Wren Worker' });
    const host = new VaultHost({ workerFile: WORKER_FILE, platform, clock: '2026-11-24' });
    hosts.push(host);
    await ok<VaultState>(host.call('createVault', { path: file, passphrase: PASS, remember: false }));
    const created = headOf(file);
    platform.dialogAnswers.push(SAMPLE_FILE);
    await ok(host.call('importFirmFileFromDialog', {})); // the job worker's connection
    await expect.poll(() => headOf(file).seq, { timeout: 10_000, interval: 50 }).toBeGreaterThan(created.seq);
    const afterImport = headOf(file).seq;
    await ok(host.call('createStaff', { ref: 'CM-9', name: 'Quinn Later' })); // the vault worker's
    await expect.poll(() => headOf(file).seq, { timeout: 10_000, interval: 50 }).toBeGreaterThan(afterImport);
    await ok(host.call('lockVault', {}));
    expect(headOf(file)).toMatchObject(lastEntry(file)); // the lock entry included
    const again = await ok<VaultState>(host.call('unlockVault', { path: file, passphrase: PASS, remember: false }));
    expect(again).toMatchObject({ open: true, damage: null });
  });
});
