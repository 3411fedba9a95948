// The app session's "remember on this computer": refused with a reason where there is no
// OS keychain; where there is one, only the wrapped derived key is kept (never the passphrase);
// a remembered key that cannot be used is forgotten and the passphrase asked for, in plain words.
import { renameSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildRegistry } from '../../electron/services/api/handlers';
import { Session } from '../../electron/services/api/session';
import { AppError } from '../../electron/services/errors';
import { nodePlatform } from '../../electron/platform/nodePlatform';
import { tempDir } from '../support/tmp';
import { useTestKeychain } from '../support/registryCalls';

const PASS = 'session test passphrase';

/** Stands in for the OS keychain (safeStorage), which this machine does not have. */
function withTestKeychain() {
  const p = nodePlatform({ user: 'Tester' });
  return { p, wrapped: useTestKeychain(p) };
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

describe('when the key remembered on this computer cannot be used (through the registry)', () => {
  /** A vault created with "remember", then locked: the key is wrapped by the stand-in keychain. */
  function remembered() {
    const dir = tempDir();
    const file = path.join(dir, 'v.cpv');
    const { p, wrapped } = withTestKeychain();
    const s = new Session(p);
    const registry = buildRegistry(s);
    s.create(file, PASS, true);
    s.lock();
    return { dir, file, p, wrapped, s, registry };
  }
  const plainWords = (message: string) => {
    expect(message).not.toMatch(/internal|report this|went wrong/i);
    expect(message).toMatch(/Caseproof has forgotten it\. Enter the passphrase to unlock the vault/);
  };

  it('forgets it and asks for the passphrase when the keychain cannot unwrap it (safeStorage throws)', async () => {
    const { file, p, s, registry } = remembered();
    p.secrets.unwrap = () => {
      throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    };
    const r = await registry.call('unlockRemembered', { path: file });
    expect(r).toMatchObject({ ok: false, error: { code: 'remembered-key-failed', field: 'passphrase' } });
    if (r.ok) return;
    expect(r.error.message).toMatch(/this computer's keychain could not unlock it/);
    expect(r.error.message).not.toContain('safeStorage'); // the keychain's own words help nobody
    plainWords(r.error.message);
    expect(s.state()).toMatchObject({ open: false, remembered: false });
    expect(p.prefs.get('rememberedKeys')).toEqual({});
    // The passphrase still opens the vault, which nothing above changed.
    expect(await registry.call('unlockVault', { path: file, passphrase: PASS, remember: false })).toMatchObject({ ok: true, value: { open: true } });
    s.lock();
  });

  it('forgets it when the keychain gives back something that is not a key', async () => {
    const { file, p, s, registry } = remembered();
    p.secrets.unwrap = () => 'not a key at all';
    const r = await registry.call('unlockRemembered', { path: file });
    expect(r).toMatchObject({ ok: false, error: { code: 'remembered-key-failed' } });
    expect(s.state().remembered).toBe(false);
  });

  it('forgets it when the key it unwraps does not open this vault (another vault’s key)', async () => {
    const { dir, file, p, s, registry } = remembered();
    const other = path.join(dir, 'other.cpv');
    s.create(other, 'another vault passphrase', true);
    s.lock();
    const keys = p.prefs.get('rememberedKeys') as Record<string, string>;
    p.prefs.set('lastVaultPath', file);
    p.prefs.set('rememberedKeys', { ...keys, [file]: keys[other] });
    const r = await registry.call('unlockRemembered', { path: file });
    expect(r).toMatchObject({ ok: false, error: { code: 'remembered-key-failed', field: 'passphrase' } });
    if (r.ok) return;
    expect(r.error.message).toMatch(/it does not open this vault/);
    plainWords(r.error.message);
    expect(s.state()).toMatchObject({ open: false, lastPath: file, remembered: false });
    expect(Object.keys(p.prefs.get('rememberedKeys') as object)).toEqual([other]); // the other vault's key is kept
    expect(await registry.call('unlockVault', { path: file, passphrase: PASS, remember: false })).toMatchObject({ ok: true });
    s.lock();
  });

  it('keeps it when the keychain is only unavailable for now, and says why', async () => {
    const { file, p, s, registry } = remembered();
    p.secrets.unavailableReason = () => 'the keyring is locked.';
    const r = await registry.call('unlockRemembered', { path: file });
    expect(r).toMatchObject({ ok: false, error: { code: 'remembered-key-failed', message: expect.stringContaining('the keyring is locked.') } });
    p.secrets.unavailableReason = () => null;
    expect(s.state().remembered).toBe(true);
    expect(await registry.call('unlockRemembered', { path: file })).toMatchObject({ ok: true, value: { open: true } });
    s.lock();
  });

  it('keeps it when the vault itself is missing: the key is not to blame', async () => {
    const { dir, file, p, s, registry } = remembered();
    const moved = path.join(dir, 'moved.cpv');
    renameSync(file, moved);
    expect(await registry.call('unlockRemembered', { path: file })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(s.state().remembered).toBe(true);
    expect(p.prefs.get('rememberedKeys')).toHaveProperty([file]);
  });
});
