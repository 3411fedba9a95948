// Records changed behind Caseproof's back (issue 11), found by the app after unlock: the job
// worker compares every row with its last audited state once the firm has been read ahead (too
// slow for unlock itself at firm scale) and the window hears of a mismatch as a `damage` event,
// the banner's. The built workers through VaultHost, a real encrypted vault.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openVault } from '../../db/client';
import type { CaseproofEvent } from '../../electron/contract/events';
import { nodePlatform } from '../../electron/platform/nodePlatform';
import { VaultHost } from '../../electron/worker/host';
import { WORKER_FILE } from '../support/harness';
import { tempDir } from '../support/tmp';

const PASS = 'record check test passphrase';
const hosts: VaultHost[] = [];
afterEach(async () => {
  while (hosts.length) await hosts.pop()!.close();
});
async function ok(p: Promise<{ ok: boolean }>): Promise<void> {
  const r = (await p) as { ok: boolean; error?: unknown };
  if (!r.ok) throw new Error(`call failed: ${JSON.stringify(r.error)}`);
}

beforeAll(() => {
  if (!existsSync(WORKER_FILE)) throw new Error('dist/electron/worker.cjs is missing: run `npm run build` first (npm test does).');
});

describe('the record check after unlock', { timeout: 120_000 }, () => {
  it('names a staff row edited with raw SQL in the damage banner, soon after unlock', async () => {
    const file = path.join(tempDir('caseproof-record-check-'), 'firm.cpv');
    const events: CaseproofEvent[] = [];
    const host = new VaultHost({ workerFile: WORKER_FILE, platform: nodePlatform({ user: 'Rae Check' }), clock: '2026-11-24', onEvent: (e) => events.push(e) });
    hosts.push(host);
    await ok(host.call('createVault', { path: file, passphrase: PASS, remember: false }));
    await ok(host.call('createStaff', { ref: 'CM-1', name: 'Alex Morgan' }));
    await ok(host.call('lockVault', {}));
    // A raw SQL tool, the guard trigger dropped first: the row changes and the trail does not.
    const v = openVault(file, { passphrase: PASS });
    v.sqlite.exec("DROP TRIGGER audit_staff_update; UPDATE staff SET name = 'Edited Quietly' WHERE ref = 'CM-1'");
    v.close();
    await ok(host.call('unlockVault', { path: file, passphrase: PASS, remember: false }));
    const damage = () => events.filter((e) => e.name === 'damage').map((e) => (e.payload as { message: string }).message);
    await expect
      .poll(damage, { timeout: 30_000, interval: 100 })
      .toContainEqual(
        expect.stringMatching(
          /^A record does not match the audit trail: staff row 1 \(.*CM-1.*\) does not match its last audited state: it was changed behind Caseproof's back\./,
        ),
      );
  });
});
