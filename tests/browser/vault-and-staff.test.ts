// A person uses the real UI in Chromium: create a vault, add and edit staff, reload and
// see them; lock and unlock; a wrong passphrase is shown; the vault file holds no plaintext.
import path from 'node:path';
import { mkdirSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { closeBrowser, nav, startHarness } from '../support/harness';
import { filesContaining } from '../support/tmp';

const PASS = 'kettle orchard lantern 42';
const SHOTS = path.resolve(__dirname, '../output/screens');

afterAll(closeBrowser);

describe('vault and staff in the browser', () => {
  it('creates a vault, adds and edits a staff member, and sees them after a reload', async () => {
    const h = await startHarness({ today: '2026-11-24' });
    const { page } = h;
    try {
      await page.getByRole('tab', { name: 'Create a new vault' }).click();
      await page.getByLabel('Passphrase', { exact: true }).fill('short');
      await expect.poll(() => page.getByText('Passphrase must be at least 10 characters').count()).toBe(1);
      await page.getByLabel('Passphrase', { exact: true }).fill(PASS);
      await expect.poll(() => page.locator('.strength strong').textContent()).not.toBe('—');
      await page.getByLabel('Passphrase again').fill(PASS + 'x');
      await expect.poll(() => page.getByText('Passphrase again does not match the passphrase').count()).toBe(1);
      await page.getByLabel('Passphrase again').fill(PASS);
      // No OS keychain here: "remember" is offered only with the reason it cannot be used.
      await expect.poll(() => page.getByLabel('Remember on this computer').isDisabled()).toBe(true);
      await expect.poll(() => page.getByText(/Not available: There is no operating-system key store/).count()).toBe(1);
      await page.getByRole('button', { name: 'Create vault' }).click();
      await nav(page, 'Staff');
      await page.getByRole('button', { name: 'Add staff member' }).click();

      // Validation as the user types, beside the field.
      await page.getByLabel('Days worked per week').fill('9');
      await expect.poll(() => page.getByText('Days worked per week must be at most 7').count()).toBe(1);
      await page.getByLabel('Days worked per week').fill('3');
      await page.getByLabel('Name').fill('Alex Morgan');
      await page.getByLabel('Reference').fill('ST-1');
      await page.getByLabel('Profession').fill('Occupational therapist');
      await page.getByLabel('Employment').selectOption('employed');
      await page.getByLabel('Case management since').fill('2019-03-01');
      await page.getByRole('button', { name: 'Add staff member' }).click();
      const table = page.getByRole('table', { name: 'Staff members' });
      await expect.poll(() => table.getByRole('row').count()).toBe(2);
      await expect.poll(() => table.textContent()).toContain('Alex Morgan');

      // A duplicate reference: the server's error shows beside the field.
      await page.getByRole('button', { name: 'Add staff member' }).click();
      await page.getByLabel('Name').fill('Another Person');
      await page.getByLabel('Reference').fill('ST-1');
      await page.getByRole('button', { name: 'Add staff member' }).click();
      await expect.poll(() => page.getByText('Reference The reference ST-1 is already used by another staff member.').count()).toBe(1);
      await page.getByRole('button', { name: 'Cancel' }).click();

      // Edit.
      await page.getByRole('link', { name: 'Alex Morgan' }).click();
      await page.getByRole('button', { name: 'Edit details' }).click();
      await page.getByLabel('Name').fill('Alex Morgan-Reid');
      await page.getByRole('button', { name: 'Save changes' }).click();
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Alex Morgan-Reid');
      await expect.poll(() => page.getByRole('table', { name: /Compliance of/ }).textContent()).toContain('STAFF-EXPERIENCE-CM');

      // Reload: still there (the vault stays open in main, as in Electron).
      await h.reload();
      await nav(page, 'Staff');
      await expect.poll(() => page.getByRole('table', { name: 'Staff members' }).textContent()).toContain('Alex Morgan-Reid');

      // Lock, then unlock with a wrong and then the right passphrase.
      await page.getByRole('button', { name: 'Lock' }).click();
      await page.getByLabel('Passphrase', { exact: true }).fill('wrong passphrase here');
      await page.getByRole('button', { name: 'Unlock' }).click();
      await expect.poll(() => page.getByRole('alert').textContent()).toContain('The passphrase is wrong for this vault');
      await page.getByLabel('Passphrase', { exact: true }).fill(PASS);
      await page.getByRole('button', { name: 'Unlock' }).click();
      await nav(page, 'Staff');
      await expect.poll(() => page.getByRole('table', { name: 'Staff members' }).textContent()).toContain('Alex Morgan-Reid');

      expect(filesContaining(h.dir, 'Alex Morgan')).toEqual([]);
      mkdirSync(SHOTS, { recursive: true });
      await page.screenshot({ path: path.join(SHOTS, 'staff.png') });
    } finally {
      await h.close();
    }
  });

  it('the page sees exactly the contract operations and no Node', async () => {
    const h = await startHarness();
    try {
      const seen = await h.page.evaluate(() => ({
        ops: Object.keys(window.caseproof).sort(),
        require: typeof (window as unknown as { require?: unknown }).require,
        process: typeof (window as unknown as { process?: unknown }).process,
      }));
      const { OP_NAMES } = await import('../../electron/contract/api');
      expect(seen.ops).toEqual([...OP_NAMES, 'on'].sort()); // every operation, and `on` for events
      expect(seen.require).toBe('undefined');
      expect(seen.process).toBe('undefined');
      // Input is validated at the boundary: a bad call comes back as a typed error.
      const r = await h.page.evaluate(() => window.caseproof.createStaff({ ref: '', name: 'X' }));
      expect(r).toMatchObject({ ok: false, error: { code: 'invalid', field: 'ref' } });
    } finally {
      await h.close();
    }
  });
});
