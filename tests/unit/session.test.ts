// The app session's "remember on this computer": refused with a reason where there is no
// OS keychain; where there is one, only the wrapped derived key is kept (never the passphrase).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Session } from '../../electron/services/api/session';
import { AppError } from '../../electron/services/errors';
import { nodePlatform } from '../../electron/platform/nodePlatform';
import { tempDir } from '../support/tmp';

const PASS = 'session test passphrase';

/** Stands in for the OS keychain (safeStorage), which this machine does not have. */
function withTestKeychain() {
  const p = nodePlatform({ user: 'Tester' });
  const wrapped = new Map<string, string>();
  p.secrets = {
    unavailableReason: () => null,
    wrap: (plain) => {
      const token = `wrapped-${wrapped.size}`;
      wrapped.set(token, plain);
      return token;
    },
    unwrap: (token) => wrapped.get(token)!,
  };
  return { p, wrapped };
}

describe('remember on this computer', () => {
  it('is refused, with the reason, where there is no OS keychain, and no vault is created', () => {
    const dir = tempDir();
    const s = new Session(nodePlatform());
    let e: unknown;
    try {
      s.create(path.join(dir, 'v.cpv'), PASS, true);
    } catch (x) {
      e = x;
    }
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).message).toMatch(/cannot remember the vault on this computer: There is no operating-system key store/);
    expect(s.state().open).toBe(false);
    expect(s.state().rememberUnavailable).toMatch(/no operating-system key store/);
  });

  it('keeps only the wrapped derived key, and opens the vault with it', () => {
    const dir = tempDir();
    const file = path.join(dir, 'v.cpv');
    const { p, wrapped } = withTestKeychain();
    const s = new Session(p);
    s.create(file, PASS, true);
    s.lock();
    const prefs = JSON.stringify({ last: p.prefs.get('lastVaultPath'), keys: p.prefs.get('rememberedKeys') });
    expect(prefs).not.toContain(PASS);
    const plain = [...wrapped.values()][0];
    expect(plain).not.toContain(PASS);
    expect(Buffer.from(plain, 'base64')).toHaveLength(48); // 32-byte key + 16-byte salt
    expect(s.state()).toMatchObject({ open: false, lastPath: file, remembered: true });
    expect(s.unlockRemembered(file).open).toBe(true);
    s.lock();
    s.forget(file);
    expect(s.state().remembered).toBe(false);
    expect(() => s.unlockRemembered(file)).toThrow(/No key for this vault is remembered/);
  });

  it('calls the unlock hooks (reminders) with a working context', () => {
    const dir = tempDir();
    const s = new Session(nodePlatform());
    const seen: string[] = [];
    s.onUnlock.push((ctx) => seen.push(ctx.user));
    s.create(path.join(dir, 'v.cpv'), PASS, false);
    expect(seen).toHaveLength(1);
    s.lock();
  });
});
