// Auto-lock in the real UI: the firm's idle time passes on the session's clock (moved by hand,
// no waiting) while a staff member's page is open; the vault locks, the page is loaded afresh
// at the unlock screen with the reason, and nothing of the last page is anywhere in it: not in
// the DOM, not in the address, not in the page's memory (a new document), and the vault
// refuses calls as locked. Use of the window (a key, a click) starts the idle time again.
// Also: the page resets on a lock of any reason main reports, and on the Lock button; a
// remembered key the keychain cannot unwrap is forgotten, explained, and the passphrase asked for.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { getFirm, updateSettings } from '../../electron/services/firm/firm';
import { createStaff } from '../../electron/services/staff/staff';
import { manualClock } from '../../electron/services/clock';
import { closeBrowser, nav, startHarness, type Harness } from '../support/harness';

afterAll(closeBrowser);

const PASS = 'auto lock browser passphrase';
const MIN = 60_000;
/** Words that appear only on the pages of the vault's data, never on the unlock screen. */
const SECRETS = ['Robin Rivers', 'RR-01', 'Occupational therapist', 'Quentin Quarry', 'QQ-02'];

async function openVaultWithStaff(h: Harness, autoLockMinutes?: number): Promise<string> {
  const file = path.join(h.dir, 'firm.cpv');
  h.session.create(file, PASS, false);
  const ctx = h.session.ctx();
  createStaff(ctx, { ref: 'RR-01', name: 'Robin Rivers', profession: 'Occupational therapist' });
  createStaff(ctx, { ref: 'QQ-02', name: 'Quentin Quarry' });
  if (autoLockMinutes) updateSettings(ctx, { autoLockMinutes });
  await h.reload();
  return file;
}

/** Everything of the page a person or a script could still find: the DOM, the address, the title. */
const whatThePageHolds = (page: Page) =>
  page.evaluate(() => ({ html: document.documentElement.outerHTML, url: location.href, title: document.title, marker: 'marker' in window }));

async function expectUnlockScreen(page: Page, notice: RegExp): Promise<void> {
  await page.getByRole('form', { name: 'Unlock a vault' }).waitFor();
  await expect.poll(() => page.getByRole('status').filter({ hasText: notice }).count()).toBe(1);
}

describe('auto-lock in the browser', () => {
  it('locks after the firm’s idle time, forgets the last page entirely, and starts again from each use', async () => {
    const clock = manualClock('2026-11-24T09:00:00Z');
    const h = await startHarness({ clock });
    const { page } = h;
    try {
      // The page's own timer (its reports are sent at most every few seconds) is Playwright's, so it can be moved on too.
      await page.clock.install();
      await openVaultWithStaff(h, 2);
      await nav(page, 'Staff');
      await page.getByRole('link', { name: 'Robin Rivers' }).click();
      await page.getByRole('heading', { name: 'Robin Rivers', exact: true }).waitFor();
      await page.evaluate(() => Object.assign(window, { marker: true })); // gone only if the document is replaced

      // A minute on, the person presses a key: the page reports it and the idle time starts again.
      clock.advance(MIN);
      expect(h.session.idleMs()).toBe(MIN);
      await page.clock.fastForward(10_000);
      await page.keyboard.press('Shift');
      await expect.poll(() => h.session.idleMs()).toBe(0);

      // 1:59 without use: still open. 2:00: locked.
      clock.advance(2 * MIN - 1000);
      expect(h.autoLock.check()).toBe(false);
      expect(await page.getByRole('heading', { name: 'Robin Rivers', exact: true }).count()).toBe(1);
      clock.advance(1000);
      expect(h.autoLock.check()).toBe(true);

      await expectUnlockScreen(page, /locked the vault because it had not been used for 2 minutes/);
      const held = await whatThePageHolds(page);
      for (const s of SECRETS) expect(held.html, `"${s}" is still in the page`).not.toContain(s);
      expect(held.marker).toBe(false); // a new document: nothing of the last page's scripts or memory
      expect(new URL(held.url).hash).toBe(''); // the address no longer names the staff member's page
      // The vault is closed: the page's calls are refused as locked.
      expect(await page.evaluate(() => window.caseproof.listStaff({}))).toMatchObject({ ok: false, error: { code: 'locked' } });
      expect(h.events.filter((e) => e.name === 'locked').map((e) => e.payload)).toEqual([{ reason: 'idle' }]);

      // Unlocking again works as ever, and the notice goes.
      await page.getByLabel('Passphrase', { exact: true }).fill(PASS);
      await page.getByRole('button', { name: 'Unlock' }).click();
      await nav(page, 'Staff');
      await page.getByRole('link', { name: 'Quentin Quarry' }).waitFor();
    } finally {
      await h.close();
    }
  });

  it('is set in Settings → Locking, with what it does in plain words; the rule settings never put back an old value', async () => {
    const h = await startHarness({ today: '2026-11-24' });
    const { page } = h;
    try {
      await openVaultWithStaff(h);
      await nav(page, 'Settings');
      const card = page.getByRole('form', { name: 'Locking' });
      const minutes = card.getByLabel('Lock the vault after this many minutes without use');
      expect(await minutes.inputValue()).toBe('10');
      expect(await card.textContent()).toMatch(/goes back to the unlock screen and keeps nothing of what was on it/);
      await minutes.fill('0');
      await expect.poll(() => card.getByText(/must be at least 1 minute/).count()).toBe(1);
      await minutes.fill('5');
      await card.getByRole('button', { name: 'Save locking' }).click();
      await expect.poll(() => getFirm(h.session.ctx()).settings.autoLockMinutes).toBe(5);
      // Saving the rule settings afterwards keeps the new idle time.
      await page.getByRole('button', { name: 'Save rule settings' }).click();
      await expect.poll(() => page.getByRole('form', { name: 'Rule settings' }).getByText('Saved.').count()).toBe(1);
      expect(getFirm(h.session.ctx()).settings.autoLockMinutes).toBe(5);
    } finally {
      await h.close();
    }
  });

  it('resets the window on a lock of any reason main reports (here: part of Caseproof stopped), and on the Lock button', async () => {
    const h = await startHarness({ today: '2026-11-24' });
    const { page } = h;
    try {
      const file = await openVaultWithStaff(h);
      await nav(page, 'Staff');
      await page.getByRole('link', { name: 'Quentin Quarry' }).waitFor();
      // As host.ts does when the vault worker stops: the session is gone, and the page is told.
      h.session.lock({ reason: 'error' });
      h.send({ name: 'locked', payload: { reason: 'error' } });
      await expectUnlockScreen(page, /Part of Caseproof stopped unexpectedly, so the vault was locked/);
      for (const s of SECRETS) expect((await whatThePageHolds(page)).html).not.toContain(s);

      h.session.unlock(file, PASS, false);
      await h.reload();
      await nav(page, 'Staff');
      await page.getByRole('link', { name: 'Robin Rivers' }).click();
      await page.getByRole('heading', { name: 'Robin Rivers', exact: true }).waitFor();
      await page.evaluate(() => Object.assign(window, { marker: true }));
      await page.getByRole('button', { name: 'Lock' }).click();
      await page.getByRole('form', { name: 'Unlock a vault' }).waitFor();
      await expect.poll(async () => (await whatThePageHolds(page)).marker).toBe(false);
      const held = await whatThePageHolds(page);
      for (const s of SECRETS) expect(held.html).not.toContain(s);
      expect(new URL(held.url).hash).toBe('');
      expect(
        await page
          .getByRole('status')
          .filter({ hasText: /locked the vault/ })
          .count(),
      ).toBe(0); // the user locked it: nothing to explain
    } finally {
      await h.close();
    }
  });

  it('when the keychain cannot unwrap the remembered key: says so in plain words, forgets it, and the passphrase opens the vault', async () => {
    const h = await startHarness({ today: '2026-11-24' });
    const { page } = h;
    try {
      const kept = new Map<string, string>();
      h.platform.secrets = { unavailableReason: () => null, wrap: (plain) => (kept.set('k', plain), 'k'), unwrap: (t) => kept.get(t)! };
      const file = path.join(h.dir, 'firm.cpv');
      h.session.create(file, PASS, true);
      createStaff(h.session.ctx(), { ref: 'RR-01', name: 'Robin Rivers' });
      h.session.lock();
      h.platform.secrets.unwrap = () => {
        throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      };
      await h.reload();
      const useKey = page.getByRole('button', { name: 'Open with the key remembered on this computer' });
      await useKey.click();
      await expect.poll(() => page.getByText(/The key remembered on this computer could not be used/).count()).toBe(1);
      const text = (await page.getByRole('form', { name: 'Unlock a vault' }).textContent()) ?? '';
      expect(text).toMatch(/Caseproof has forgotten it\. Enter the passphrase to unlock the vault/);
      expect(text).not.toMatch(/internal|report this|went wrong|safeStorage/i);
      await expect.poll(() => useKey.count()).toBe(0); // forgotten: not offered again
      expect(h.session.state().remembered).toBe(false);
      await page.getByLabel('Passphrase', { exact: true }).fill(PASS);
      await page.getByRole('button', { name: 'Unlock' }).click();
      await nav(page, 'Staff');
      await page.getByRole('link', { name: 'Robin Rivers' }).waitFor();
    } finally {
      await h.close();
    }
  });
});
