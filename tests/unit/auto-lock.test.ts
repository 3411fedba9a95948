// Auto-lock over a real encrypted vault, with the one clock moved by hand (no waiting): the
// vault locks once the window has gone unused for the firm's idle time, the page's activity
// reports start the time again, a long operation holds it off, and locking overwrites the
// key and leaves the vault whole. Locking at once (sleep, screen lock) is lockNow.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openVault } from '../../db/client';
import type { LockReason } from '../../electron/contract/events';
import { startAutoLock, type AutoLock } from '../../electron/services/api/autoLock';
import { buildRegistry } from '../../electron/services/api/handlers';
import { Session } from '../../electron/services/api/session';
import { manualClock } from '../../electron/services/clock';
import { nodePlatform } from '../../electron/platform/nodePlatform';
import { tempDir } from '../support/tmp';

const PASS = 'auto-lock test passphrase';
const MIN = 60_000;
const running: AutoLock[] = [];
afterEach(() => {
  while (running.length) running.pop()!.stop();
});

async function open() {
  const clock = manualClock('2026-11-24T09:00:00Z');
  const session = new Session(nodePlatform({ user: 'Idle Tester' }), {}, clock);
  const registry = buildRegistry(session);
  const locked: LockReason[] = [];
  const autoLock = startAutoLock(session, (r) => locked.push(r));
  running.push(autoLock);
  const file = path.join(tempDir(), 'firm.cpv');
  let key: Buffer | null = null;
  session.onUnlock.push((ctx) => (key = ctx.vault.key.key));
  expect(await registry.call('createVault', { path: file, passphrase: PASS, remember: false })).toMatchObject({ ok: true });
  expect(await registry.call('createStaff', { ref: 'IT-1', name: 'Ida Tester' })).toMatchObject({ ok: true });
  return { clock, session, registry, autoLock, locked, file, key: () => key! };
}

describe('auto-lock', () => {
  it('locks after the default 10 minutes without use, closes the vault, overwrites the key and says why', async () => {
    const { clock, session, registry, autoLock, locked, file, key } = await open();
    const k = key();
    expect(k.some((b) => b !== 0)).toBe(true);
    clock.advance(10 * MIN - 1000);
    expect(autoLock.check()).toBe(false);
    expect(session.isOpen).toBe(true);
    clock.advance(1000);
    expect(autoLock.check()).toBe(true);
    expect(locked).toEqual(['idle']);
    expect(k.every((b) => b === 0)).toBe(true); // the derived key's bytes are gone from this process
    expect(await registry.call('listStaff', {})).toMatchObject({ ok: false, error: { code: 'locked' } });
    expect(await registry.call('vaultState', {})).toMatchObject({ ok: true, value: { open: false, lockedBecause: { reason: 'idle', idleMinutes: 10 } } });
    expect(autoLock.check()).toBe(false); // nothing more to lock
    expect(locked).toEqual(['idle']);
    // Closed cleanly: everything written is there for the next unlock, which clears the reason.
    const v = openVault(file, { passphrase: PASS });
    expect((v.sqlite.prepare('SELECT count(*) AS n FROM staff').get() as { n: number }).n).toBe(1);
    v.close();
    expect(await registry.call('unlockVault', { path: file, passphrase: PASS, remember: false })).toMatchObject({ ok: true, value: { lockedBecause: null } });
    session.lock();
  });

  it('follows the firm’s setting, and each activity report starts the idle time again', async () => {
    const { clock, registry, autoLock, locked } = await open();
    expect(await registry.call('updateSettings', { autoLockMinutes: 3 })).toMatchObject({ ok: true, value: { settings: { autoLockMinutes: 3 } } });
    clock.advance(2 * MIN);
    expect(await registry.call('reportActivity', {})).toEqual({ ok: true, value: null });
    clock.advance(2 * MIN);
    expect(autoLock.check()).toBe(false); // 2 minutes since the last use
    clock.advance(MIN);
    expect(autoLock.check()).toBe(true);
    expect(await registry.call('vaultState', {})).toMatchObject({ ok: true, value: { lockedBecause: { reason: 'idle', idleMinutes: 3 } } });
    expect(locked).toEqual(['idle']);
    // A report while locked is answered and changes nothing.
    expect(await registry.call('reportActivity', {})).toEqual({ ok: true, value: null });
  });

  it('waits while a long operation runs, and counts its end as use', async () => {
    const { clock, session, autoLock } = await open();
    const release = session.holdUse();
    clock.advance(45 * MIN);
    expect(autoLock.check()).toBe(false);
    release();
    clock.advance(9 * MIN);
    expect(autoLock.check()).toBe(false);
    clock.advance(MIN);
    expect(autoLock.check()).toBe(true);
  });

  it('locks at once when asked (screen locked, sleep, user switched), and only an open vault', async () => {
    const { session, registry, autoLock, locked } = await open();
    expect(autoLock.lockNow('sleep')).toBe(true);
    expect(session.isOpen).toBe(false);
    expect(autoLock.lockNow('screen-locked')).toBe(false);
    expect(locked).toEqual(['sleep']);
    expect(await registry.call('vaultState', {})).toMatchObject({ ok: true, value: { lockedBecause: { reason: 'sleep' } } });
  });

  it('is a firm setting between 1 and 60 whole minutes, refused beside the field otherwise', async () => {
    const { registry } = await open();
    expect(await registry.call('getFirm', {})).toMatchObject({ ok: true, value: { settings: { autoLockMinutes: 10 } } });
    for (const [value, words] of [
      [0, 'must be at least 1 minute'],
      [61, 'must be at most 60 minutes'],
      [2.5, 'must be a whole number of minutes'],
    ] as const) {
      expect(await registry.call('updateSettings', { autoLockMinutes: value })).toMatchObject({
        ok: false,
        error: { code: 'invalid', issues: [{ path: 'autoLockMinutes', message: words }] },
      });
    }
  });
});
