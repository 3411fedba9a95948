// Backups, restore, passphrase change and the recovery key in the real UI (Chromium), over a
// real vault, with the file dialogs answered by the test: back up, change something, restore
// the backup into a new file, open it and compare; the Dashboard's backup line turns into a
// worded warning once 7 days pass on the session's clock; the passphrase changed in Settings
// is the only one that opens the vault afterwards; a recovery key offered at creation is
// shown once and later opens the vault with a new passphrase.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openVault } from '../../db/client';
import { manualClock } from '../../electron/services/clock';
import { closeBrowser, nav, startHarness } from '../support/harness';
import { opensWith } from '../support/vaults';

afterAll(closeBrowser);

const PASS = 'browser backup passphrase';
const NEXT = 'a brand new passphrase';
const DAY = 24 * 60 * 60 * 1000;

const opens = opensWith;

describe('backups in the browser', () => {
  it('backs up, restores into a new file, opens it and finds the data as it was; the Dashboard line warns after 7 days', async () => {
    const clock = manualClock('2026-11-24T09:14:00Z');
    const h = await startHarness({ clock });
    const { page } = h;
    try {
      const file = path.join(h.dir, 'firm.cpv');
      h.session.create(file, PASS, false);
      await h.reload();
      await page.getByRole('heading', { name: 'Your firm' }).waitFor();
      const line = page.getByRole('region', { name: 'Backups' });
      await expect.poll(() => line.textContent()).toContain('Warning: this vault has never been backed up.');

      await nav(page, 'Settings');
      await page.getByLabel('Firm name').fill('Before Backup Ltd');
      await page.getByRole('button', { name: 'Save firm details' }).click();
      await expect.poll(() => page.getByRole('status').first().textContent()).toBe('Saved.');
      const backup = path.join(h.dir, 'firm-backup.cpv');
      h.platform.dialogAnswers.push(backup);
      await page.getByRole('button', { name: 'Back up now…' }).click();
      const backupForm = page.getByRole('form', { name: 'Back up now' });
      await expect.poll(() => backupForm.getByRole('status').textContent()).toContain(`Backed up to ${backup}`);
      expect(opens(backup, PASS)).toBe(true);

      // Change something after the backup.
      await page.getByLabel('Firm name').fill('After Backup Ltd');
      await page.getByRole('button', { name: 'Save firm details' }).click();
      await expect.poll(() => h.session.ctx().vault.sqlite.prepare('SELECT name FROM firm').pluck().get()).toBe('After Backup Ltd');

      // Restore: over the open vault is refused; into a new file works and is checked.
      const restore = page.getByRole('form', { name: 'Restore a backup' });
      h.platform.dialogAnswers.push(backup);
      await restore.getByRole('button', { name: 'Choose…' }).first().click();
      await expect.poll(() => restore.getByLabel('Backup file').inputValue()).toBe(backup);
      await restore.getByLabel('The backup’s passphrase').fill(PASS);
      await restore.getByLabel('Restore into a new file').fill(file);
      await restore.getByRole('button', { name: 'Restore' }).click();
      await expect.poll(() => restore.getByText('A backup is never restored over the open vault: choose a new file.').count()).toBe(1);
      const restored = path.join(h.dir, 'restored.cpv');
      await restore.getByLabel('Restore into a new file').fill(restored);
      await restore.getByRole('button', { name: 'Restore' }).click();
      await expect.poll(() => restore.getByRole('status').textContent()).toContain(`Restored to ${restored} and checked (0 staff)`);
      expect(existsSync(restored)).toBe(true);

      await restore.getByRole('button', { name: 'Open the restored vault' }).click();
      await expect.poll(() => h.session.state().path).toBe(restored);
      await nav(page, 'Dashboard');
      await page.getByRole('heading', { name: 'Before Backup Ltd' }).waitFor();
      // The original vault still holds the later change.
      expect(h.session.state().path).toBe(restored);
      const original = openVault(file, { passphrase: PASS }, { readOnly: true });
      expect(original.sqlite.prepare('SELECT name FROM firm').pluck().get()).toBe('After Backup Ltd');
      original.close();

      // The restored vault has no backup of its own yet; back it up, then let 8 days pass.
      h.platform.dialogAnswers.push(path.join(h.dir, 'restored-backup.cpv'));
      await nav(page, 'Settings');
      await page.getByRole('button', { name: 'Back up now…' }).click();
      await expect.poll(() => page.getByRole('form', { name: 'Back up now' }).getByRole('status').count()).toBe(1);
      await nav(page, 'Dashboard');
      await expect.poll(() => line.textContent()).toContain('Last verified backup: 24/11/2026 09:14 (today)');
      expect(await line.getAttribute('data-warning')).toBe('false');
      clock.advance(8 * DAY);
      await h.reload();
      await expect.poll(() => line.textContent()).toContain('Warning: the last verified backup is 8 days old (made 24/11/2026 09:14).');
      expect(await line.getAttribute('data-warning')).toBe('true');
      await page.screenshot({ path: path.resolve(__dirname, '../output/dashboard-backup-warning.png') });
    } finally {
      await h.close();
    }
  });

  it('changes the passphrase in Settings (the current one required), and a recovery key made at creation opens the vault with a new one', async () => {
    const h = await startHarness({ today: '2026-11-24' });
    const { page } = h;
    try {
      const file = path.join(h.dir, 'keys.cpv');
      await h.reload();
      await page.getByRole('tab', { name: 'Create a new vault' }).click();
      await page.getByLabel('Vault file').fill(file);
      await page.getByLabel('Passphrase', { exact: true }).fill(PASS);
      await page.getByLabel('Passphrase again').fill(PASS);
      await page.getByLabel('Make a recovery key').check();
      await page.getByRole('button', { name: 'Create vault' }).click();
      const code = page.getByLabel('Recovery key', { exact: true });
      await code.waitFor();
      const recoveryKey = (await code.textContent())!.trim();
      expect(recoveryKey).toMatch(/^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/);
      expect(existsSync(`${file}.recovery`)).toBe(true);
      await page.getByRole('button', { name: 'I have written it down' }).click();
      // A new vault opens at the first-run set-up; the passphrase is changed from Settings.
      await page.getByRole('heading', { name: 'Set up Caseproof' }).waitFor();

      await nav(page, 'Settings');
      const form = page.getByRole('form', { name: 'Change the passphrase' });
      await form.getByLabel('Current passphrase').fill('not the right one');
      await form.getByLabel('New passphrase', { exact: true }).fill(NEXT);
      await form.getByLabel('New passphrase again').fill(NEXT);
      await form.getByRole('button', { name: 'Change the passphrase' }).click();
      await expect.poll(() => form.getByText('The current passphrase is wrong; nothing was changed.').count()).toBe(1);
      await form.getByLabel('Current passphrase').fill(PASS);
      await form.getByLabel('New passphrase', { exact: true }).fill(NEXT);
      await form.getByLabel('New passphrase again').fill(NEXT);
      await form.getByRole('button', { name: 'Change the passphrase' }).click();
      await expect.poll(() => form.getByRole('status').textContent()).toContain('The passphrase has been changed.');
      await page.getByRole('button', { name: 'Lock', exact: true }).click();
      await page.getByRole('tab', { name: 'Unlock a vault' }).waitFor();
      expect(opens(file, PASS)).toBe(false);
      expect(opens(file, NEXT)).toBe(true);

      // Forgot it: the recovery key opens the vault and sets another passphrase.
      await page.getByRole('tab', { name: 'Use the recovery key' }).click();
      const recover = page.getByRole('form', { name: 'Use the recovery key' });
      await recover.getByLabel('Vault file').fill(file);
      await recover.getByLabel('Recovery key').fill(recoveryKey.toLowerCase());
      await recover.getByLabel('New passphrase', { exact: true }).fill('a third passphrase here');
      await recover.getByLabel('New passphrase again').fill('a third passphrase here');
      await recover.getByRole('button', { name: 'Open and set the new passphrase' }).click();
      await page.getByRole('heading', { name: 'Your firm' }).waitFor();
      expect(h.session.state().path).toBe(file);
      await page.getByRole('button', { name: 'Lock', exact: true }).click();
      await page.getByRole('tab', { name: 'Unlock a vault' }).waitFor();
      expect(opens(file, NEXT)).toBe(false);
      expect(opens(file, 'a third passphrase here')).toBe(true);
    } finally {
      await h.close();
    }
  });
});
