// Changing the passphrase (the current one required) and the recovery key, over real
// encrypted vaults through the registry the app runs: after a change only the new passphrase
// opens the vault and the remembered key follows; a recovery key opens a vault whose
// passphrase is forgotten, sets a new one, and keeps working after later changes; a wrong key,
// a missing recovery file and another vault's file are each named.
import { copyFileSync, existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildRegistry } from '../../electron/services/api/handlers';
import { Session } from '../../electron/services/api/session';
import { nodePlatform } from '../../electron/platform/nodePlatform';
import { tempDir } from '../support/tmp';
import { registryCalls, useTestKeychain } from '../support/registryCalls';
import { opensWith } from '../support/vaults';

const PASS = 'the first passphrase';
const NEXT = 'a second passphrase';
const THIRD = 'and a third passphrase';

function setUp() {
  const platform = nodePlatform({ user: 'Key Tester' });
  useTestKeychain(platform);
  const session = new Session(platform);
  const r = buildRegistry(session);
  const dir = tempDir();
  const file = path.join(dir, 'firm.cpv');
  const { call, fail } = registryCalls(r);
  return { platform, session, dir, file, call, fail };
}
const opens = opensWith;

describe('changing the passphrase', () => {
  it('needs the current passphrase; afterwards only the new one opens the vault, and the remembered key follows', async () => {
    const t = setUp();
    await t.call('createVault', { path: t.file, passphrase: PASS, remember: true });
    await t.call('createStaff', { ref: 'RR-01', name: 'Alex Carter', profession: 'OT' });
    const wrong = await t.fail('changePassphrase', { current: 'not the passphrase', next: NEXT, confirm: NEXT });
    expect(wrong).toMatchObject({ code: 'wrong-passphrase', field: 'current', message: 'The current passphrase is wrong; nothing was changed.' });
    const mismatch = await t.fail('changePassphrase', { current: PASS, next: NEXT, confirm: 'something else' });
    expect(mismatch.message).toBe('confirm: does not match the new passphrase');
    const same = await t.fail('changePassphrase', { current: PASS, next: PASS, confirm: PASS });
    expect(same.field).toBe('next');

    const st = await t.call<{ open: boolean }>('changePassphrase', { current: PASS, next: NEXT, confirm: NEXT });
    expect(st.open).toBe(true);
    expect((await t.call<{ name: string }[]>('listStaff')).map((s) => s.name)).toEqual(['Alex Carter']); // still open, still readable
    await t.call('lockVault');
    expect(opens(t.file, PASS)).toBe(false);
    expect(opens(t.file, NEXT)).toBe(true);
    // The key remembered on this computer was replaced by the new one: it still opens the vault.
    const again = await t.call<{ open: boolean }>('unlockRemembered', { path: t.file });
    expect(again.open).toBe(true);
  });
});

describe('the recovery key', () => {
  it('opens a vault whose passphrase is forgotten, sets a new one, and keeps working after later changes', async () => {
    const t = setUp();
    await t.call('createVault', { path: t.file, passphrase: PASS, remember: false });
    await t.call('createStaff', { ref: 'RR-01', name: 'Alex Carter', profession: 'OT' });
    const { recoveryKey, file } = await t.call<{ recoveryKey: string; file: string }>('makeRecoveryKey');
    expect(recoveryKey).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){7}[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(file).toBe(`${t.file}.recovery`);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    // The recovery file holds neither the recovery key nor the vault key in the clear.
    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain(recoveryKey.replace(/-/g, ''));
    expect((await t.call<{ hasRecoveryKey: boolean }>('backupState')).hasRecoveryKey).toBe(true);

    // A later passphrase change re-wraps the key for the recovery file.
    await t.call('changePassphrase', { current: PASS, next: NEXT, confirm: NEXT });
    await t.call('lockVault');

    const badKey = await t.fail('recoverVault', { path: t.file, recoveryKey: 'ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345-6789', next: THIRD });
    expect(badKey).toMatchObject({ code: 'wrong-passphrase', field: 'recoveryKey' });
    expect(opens(t.file, NEXT)).toBe(true); // a wrong recovery key changes nothing
    const typo = await t.fail('recoverVault', { path: t.file, recoveryKey: 'ABCD', next: THIRD });
    expect(typo.message).toBe('recoveryKey: must be the 32 letters and digits of the recovery key');

    // Typed in lower case, without dashes, with O for 0: still accepted.
    const typed = recoveryKey.toLowerCase().replace(/-/g, ' ').replace(/0/g, 'o');
    const st = await t.call<{ open: boolean }>('recoverVault', { path: t.file, recoveryKey: typed, next: THIRD });
    expect(st.open).toBe(true);
    expect((await t.call<{ name: string }[]>('listStaff')).map((s) => s.name)).toEqual(['Alex Carter']);
    await t.call('lockVault');
    expect(opens(t.file, NEXT)).toBe(false);
    expect(opens(t.file, THIRD)).toBe(true);
    // And once more: the same recovery key still opens it.
    expect((await t.call<{ open: boolean }>('recoverVault', { path: t.file, recoveryKey, next: NEXT })).open).toBe(true);
    await t.call('lockVault');

    // Another vault's recovery file, and none at all, are named.
    const other = path.join(t.dir, 'other.cpv');
    await t.call('createVault', { path: other, passphrase: PASS, remember: false });
    await t.call('lockVault');
    copyFileSync(file, `${other}.recovery`);
    const foreign = await t.fail('recoverVault', { path: other, recoveryKey, next: THIRD });
    expect(foreign.message).toContain('belongs to another vault');
    rmSync(`${other}.recovery`);
    const none = await t.fail('recoverVault', { path: other, recoveryKey, next: THIRD });
    expect(none.message).toBe(`There is no recovery file beside the vault (${other}.recovery); a recovery key needs it. Restore a backup instead.`);
    expect(existsSync(other)).toBe(true);
  });

  it('gives each backup a recovery file of its own, so a restored copy opens with the same recovery key', async () => {
    const t = setUp();
    await t.call('createVault', { path: t.file, passphrase: PASS, remember: false });
    const { recoveryKey } = await t.call<{ recoveryKey: string }>('makeRecoveryKey');
    const backup = path.join(t.dir, 'b.cpv');
    t.platform.dialogAnswers.push(backup);
    await t.call('backupNow', { passphrase: NEXT });
    expect(existsSync(`${backup}.recovery`)).toBe(true);
    const restored = path.join(t.dir, 'restored.cpv');
    await t.call('restoreBackup', { from: backup, passphrase: NEXT, to: restored });
    expect(existsSync(`${restored}.recovery`)).toBe(true);
    await t.call('lockVault');
    expect((await t.call<{ open: boolean; path: string }>('recoverVault', { path: restored, recoveryKey, next: THIRD })).path).toBe(restored);
  });
});
