// The vault workers under plain Node, started by the same host module Electron's main uses
// (electron/worker/host.ts) from the built worker bundle: calls travel to the workers and
// back, the workers' platform calls are answered by main's platform, a second call is
// answered while a 20,000-case import runs, and main's event loop keeps turning meanwhile.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openVault } from '../../db/client';
import type { CaseproofEvent, ProgressEvent } from '../../electron/contract/events';
import type { ImportSummary, VaultState } from '../../electron/contract/views';
import { nodePlatform, type NodePlatform } from '../../electron/platform/nodePlatform';
import { VaultHost } from '../../electron/worker/host';
import { writeBigFirmFile } from '../support/bigFirm';
import { WORKER_FILE } from '../support/harness';
import { tempDir } from '../support/tmp';

const PASS = 'worker host test passphrase';
const hosts: VaultHost[] = [];
afterEach(async () => {
  while (hosts.length) await hosts.pop()!.close();
});

function start(): { host: VaultHost; platform: NodePlatform; events: CaseproofEvent[]; dir: string; file: string } {
  const dir = tempDir('caseproof-worker-');
  const platform = nodePlatform({ user: 'Wren Worker' });
  platform.defaultVaultPath = () => path.join(dir, 'default.cpv');
  const events: CaseproofEvent[] = [];
  const host = new VaultHost({ workerFile: WORKER_FILE, platform, clock: '2026-11-24', onEvent: (e) => events.push(e) });
  hosts.push(host);
  return { host, platform, events, dir, file: path.join(dir, 'firm.cpv') };
}
async function ok<T>(p: Promise<{ ok: boolean }>): Promise<T> {
  const r = (await p) as { ok: true; value: T } | { ok: false; error: unknown };
  if (!r.ok) throw new Error(`call failed: ${JSON.stringify(r.error)}`);
  return r.value;
}
const progressOf = (events: CaseproofEvent[], op: string) =>
  events.filter((e): e is { name: 'progress'; payload: ProgressEvent } => e.name === 'progress' && e.payload.op === op).map((e) => e.payload);

beforeAll(() => {
  if (!existsSync(WORKER_FILE)) throw new Error('dist/electron/worker.cjs is missing: run `npm run build` first (npm test does).');
});

describe('the vault workers (electron/worker/host.ts)', () => {
  it('answer contract calls, validate them, and ask main for preferences, dialogs and who the user is', async () => {
    const { host, platform, file, dir } = start();
    const state = await ok<VaultState>(host.call('vaultState', {}));
    // The worker's platform is a proxy: these come from main's platform, synchronously.
    expect(state).toMatchObject({ open: false, user: 'Wren Worker', defaultPath: path.join(dir, 'default.cpv') });
    expect(state.rememberUnavailable).toMatch(/no operating-system key store/);

    // Refused where main's platform has no keychain, with main's reason, and nothing created.
    const refused = await host.call('createVault', { path: file, passphrase: PASS, remember: true });
    expect(refused).toMatchObject({ ok: false, error: { code: 'unavailable', field: 'remember' } });
    expect(existsSync(file)).toBe(false);

    expect(await ok<VaultState>(host.call('createVault', { path: file, passphrase: PASS, remember: false }))).toMatchObject({ open: true, path: file });
    expect(platform.prefs.get('lastVaultPath')).toBe(file); // written by the worker, kept by main

    // The registry in the worker validates every input.
    expect(await host.call('createStaff', { ref: '', name: 'X' })).toMatchObject({ ok: false, error: { code: 'invalid', field: 'ref' } });
    await ok(host.call('createStaff', { ref: 'WW-1', name: 'Wren Worker' }));

    // An awaited dialog: the worker asks, main's platform answers from its queue.
    const sample = path.resolve(__dirname, '../fixtures/riverside-firm.json');
    platform.dialogAnswers.push(sample);
    const imported = await ok<ImportSummary>(host.call('importFirmFileFromDialog', {}));
    expect(imported.added.staff).toBeGreaterThan(0);
    // The import ran in the job worker, on its own connection: the vault worker sees it at once.
    const staff = await ok<{ ref: string }[]>(host.call('listStaff', {}));
    expect(staff.map((s) => s.ref)).toContain('WW-1');
    expect(staff.length).toBe(1 + imported.added.staff);

    // Locking closes both connections: the file opens cleanly elsewhere, with everything in it.
    expect(await ok<VaultState>(host.call('lockVault', {}))).toMatchObject({ open: false });
    expect(await host.call('listStaff', {})).toMatchObject({ ok: false, error: { code: 'locked' } });
    expect(await host.call('complianceReport', {})).toMatchObject({ ok: false, error: { code: 'locked' } });
    const v = openVault(file, { passphrase: PASS });
    try {
      expect((v.sqlite.prepare('SELECT count(*) AS n FROM staff').get() as { n: number }).n).toBe(1 + imported.added.staff);
    } finally {
      v.close();
    }
  });

  it('answers a second call while a 20,000-case import runs, and main never stops turning', async () => {
    const { host, platform, events, dir, file } = start();
    await ok(host.call('createVault', { path: file, passphrase: PASS, remember: false }));
    await ok(host.call('createStaff', { ref: 'AA-1', name: 'Already Here' }));
    platform.dialogAnswers.push(writeBigFirmFile(dir, 20_000));

    // Main's event loop: a timer that should fire every 5 ms; the longest gap is a stall.
    const order: string[] = [];
    let ticks = 0;
    let longest = 0;
    let last = performance.now();
    const ticker = setInterval(() => {
      const now = performance.now();
      longest = Math.max(longest, now - last);
      last = now;
      ticks++;
    }, 5);

    const casesUnderway = new Promise<void>((resolve) => {
      const watch = setInterval(() => {
        if (progressOf(events, 'importFirmFileFromDialog').some((p) => p.label === 'Importing cases' && !p.finished)) {
          clearInterval(watch);
          resolve();
        }
      }, 1);
    });
    const importing = host.call('importFirmFileFromDialog', {}).then((r) => {
      order.push('import answered');
      return r;
    });
    await casesUnderway;
    order.push('import writing cases');
    const ticksAtStart = ticks;
    const second = host.call('listStaff', {}).then((r) => {
      order.push('second call answered');
      return r;
    });
    const [imported, listed] = await Promise.all([importing, second]);
    clearInterval(ticker);
    console.log(`[worker host] longest stall of the host's event loop during a 20,000-case import: ${Math.round(longest)} ms`);

    expect(order).toEqual(['import writing cases', 'second call answered', 'import answered']);
    expect(imported).toMatchObject({ ok: true, value: { added: { cases: 20_000 } } });
    // The second call read the vault as it was: the import's open transaction is not visible.
    expect(listed).toEqual({ ok: true, value: [{ id: 1, ref: 'AA-1', name: 'Already Here' }] });
    // Main's timers kept firing while the import ran.
    expect(ticks).toBeGreaterThan(ticksAtStart);

    // Progress: counted up, thinned (not one event per case), and closed by a finished event.
    const progress = progressOf(events, 'importFirmFileFromDialog');
    const cases = progress.filter((p) => p.label === 'Importing cases');
    expect(progress.length).toBeLessThan(300);
    expect(cases.map((p) => p.done)).toEqual([...cases.map((p) => p.done)].sort((a, b) => a - b));
    expect(cases.at(-1)).toMatchObject({ done: 20_020, total: 20_020 });
    expect(progress.at(-1)).toMatchObject({ finished: true, op: 'importFirmFileFromDialog' });
    expect(progress.filter((p) => p.finished)).toHaveLength(1);
  });

  it('a quick write that meets a long write is told the vault is busy, and nothing is half-written', async () => {
    const { host, file } = start();
    await ok(host.call('createVault', { path: file, passphrase: PASS, remember: false }));
    // Another connection holds the write lock, as the job worker does through a long import.
    const other = openVault(file, { passphrase: PASS });
    try {
      other.sqlite.prepare('BEGIN IMMEDIATE').run();
      const r = await host.call('createStaff', { ref: 'BZ-1', name: 'Busy Bee' });
      expect(r).toMatchObject({ ok: false, error: { code: 'busy' } });
      expect((r as { error: { message: string } }).error.message).toMatch(/still saving another task.*Nothing was changed/);
      other.sqlite.prepare('COMMIT').run();
      expect(await host.call('createStaff', { ref: 'BZ-1', name: 'Busy Bee' })).toMatchObject({ ok: true });
    } finally {
      other.close();
    }
  });

  it('locking while a long import runs stops it: it is answered as locked and the vault keeps its earlier state', async () => {
    const { host, platform, events, dir, file } = start();
    await ok(host.call('createVault', { path: file, passphrase: PASS, remember: false }));
    await ok(host.call('createStaff', { ref: 'KP-1', name: 'Kept Person' }));
    platform.dialogAnswers.push(writeBigFirmFile(dir, 20_000));
    const importing = host.call('importFirmFileFromDialog', {});
    await new Promise<void>((resolve) => {
      const watch = setInterval(() => {
        if (progressOf(events, 'importFirmFileFromDialog').some((p) => p.label === 'Importing cases')) {
          clearInterval(watch);
          resolve();
        }
      }, 1);
    });
    expect(await ok<VaultState>(host.call('lockVault', {}))).toMatchObject({ open: false });
    expect(await importing).toMatchObject({ ok: false, error: { code: 'locked' } });
    await ok(host.call('unlockVault', { path: file, passphrase: PASS, remember: false }));
    expect(await ok<{ ref: string }[]>(host.call('listStaff', {}))).toEqual([{ id: 1, ref: 'KP-1', name: 'Kept Person' }]);
    expect(await ok<{ total: number }>(host.call('listCases', {}))).toMatchObject({ total: 0 });
  });

  it('locks at once when main says the computer is going to sleep, even during an import: both connections close and the page is told', async () => {
    const { host, platform, events, dir, file } = start();
    await ok(host.call('createVault', { path: file, passphrase: PASS, remember: false }));
    await ok(host.call('createStaff', { ref: 'SL-1', name: 'Sleepy Person' }));
    platform.dialogAnswers.push(writeBigFirmFile(dir, 20_000));
    const importing = host.call('importFirmFileFromDialog', {});
    await expect.poll(() => progressOf(events, 'importFirmFileFromDialog').some((p) => p.label === 'Importing cases'), { interval: 1 }).toBe(true);
    await host.lock('sleep');
    expect(await importing).toMatchObject({ ok: false, error: { code: 'locked' } });
    await expect.poll(() => events.filter((e) => e.name === 'locked').map((e) => e.payload)).toEqual([{ reason: 'sleep' }]);
    expect(await ok<VaultState>(host.call('vaultState', {}))).toMatchObject({ open: false, lockedBecause: { reason: 'sleep' } });
    expect(await host.call('listStaff', {})).toMatchObject({ ok: false, error: { code: 'locked' } });
    // Both connections were closed cleanly: no write-ahead log is left, and the import left nothing.
    expect(existsSync(`${file}-wal`)).toBe(false);
    const v = openVault(file, { passphrase: PASS });
    try {
      expect((v.sqlite.prepare('SELECT count(*) AS n FROM cases').get() as { n: number }).n).toBe(0);
    } finally {
      v.close();
    }
    // Asked again while locked: nothing to lock, nothing said.
    await host.lock('screen-locked');
    expect(await ok<VaultState>(host.call('vaultState', {}))).toMatchObject({ lockedBecause: { reason: 'sleep' } });
    expect(events.filter((e) => e.name === 'locked')).toHaveLength(1);
  });

  it('when main’s keychain cannot unwrap the remembered key, the key is forgotten and the passphrase asked for', async () => {
    const { host, platform, file } = start();
    const kept = new Map<string, string>();
    platform.secrets = {
      unavailableReason: () => null,
      wrap: (plain) => (kept.set('k', plain), 'k'),
      unwrap: (token) => kept.get(token)!,
    };
    await ok(host.call('createVault', { path: file, passphrase: PASS, remember: true }));
    await ok(host.call('lockVault', {}));
    // safeStorage fails in main (the error crosses from main's platform to the worker).
    platform.secrets.unwrap = () => {
      throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    };
    const r = await host.call('unlockRemembered', { path: file });
    expect(r).toMatchObject({ ok: false, error: { code: 'remembered-key-failed', field: 'passphrase', message: expect.stringMatching(/forgotten it/) } });
    expect(await ok<VaultState>(host.call('vaultState', {}))).toMatchObject({ open: false, remembered: false });
    expect(platform.prefs.get('rememberedKeys')).toEqual({});
    expect(await ok<VaultState>(host.call('unlockVault', { path: file, passphrase: PASS, remember: false }))).toMatchObject({ open: true });
  });

  it("shows the reminder through main's notifications after unlock", async () => {
    const { host, platform, file } = start();
    await ok(host.call('createVault', { path: file, passphrase: PASS, remember: false }));
    const sample = path.resolve(__dirname, '../fixtures/riverside-firm.json');
    platform.dialogAnswers.push(sample);
    await ok(host.call('importFirmFileFromDialog', {}));
    await ok(host.call('lockVault', {}));
    await ok(host.call('unlockVault', { path: file, passphrase: PASS, remember: false }));
    await expect.poll(() => platform.notifications.length, { timeout: 15_000 }).toBeGreaterThan(0);
    expect(platform.notifications[0].title).toMatch(/lapses? in the next 30 days/);
  });
});
