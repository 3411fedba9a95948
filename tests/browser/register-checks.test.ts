// Register checks as receipts in the real UI (issue 11 item 6; Chromium over the real registry
// and an encrypted vault): on a registration, "Open the register" has main open the HCPC's page
// (the page never navigates), "Record a check" opens an inline form that takes focus and gives
// it back, and the saved check (with the register page chosen through the file dialog) shows on
// the record with who, when and the result; a DBS certificate's Update Service status check too.
import path from 'node:path';
import { writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { addRecord, listRecords } from '../../electron/services/evidence/records';
import { createStaff } from '../../electron/services/staff/staff';
import { closeBrowser, nav, startHarness } from '../support/harness';

const PASS = 'kettle orchard lantern 42';
const TODAY = '2026-11-24';
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAAEUlEQVR4nGMQiVqAFTEMLQkAPU5DgULiSUcAAAAASUVORK5CYII=', 'base64');

afterAll(closeBrowser);

describe('register checks in the browser', () => {
  it('opens the register through main, records a check with the register page and shows it on the registration and the DBS certificate', async () => {
    const h = await startHarness({ today: TODAY });
    const { page } = h;
    try {
      h.session.create(path.join(h.dir, 'firm.cpv'), PASS, false);
      const ctx = h.session.ctx();
      createStaff(ctx, { ref: 'RR-03', name: 'Sam Okafor', profession: 'Occupational therapist', employment: 'employed' });
      const owner = { type: 'staff' as const, ref: 'RR-03' };
      addRecord(ctx, owner, 'registration', { body: 'HCPC', number: 'OT12345', expiresOn: '2027-10-31', lastCheckedOn: '2025-09-01' });
      addRecord(ctx, owner, 'dbs', { level: 'enhanced', issuedOn: '2024-02-01', updateService: true });
      await h.reload();
      const shot = path.join(h.dir, 'hcpc-register.png');
      writeFileSync(shot, PNG);

      await nav(page, 'Staff');
      await page.getByRole('table', { name: 'Staff members' }).getByRole('link', { name: 'Sam Okafor', exact: true }).click();
      await page.getByRole('tab', { name: /^Registrations/ }).click();
      await expect.poll(() => page.getByText('No register check recorded in Caseproof yet.').count()).toBe(1);

      // The page asks by the register's id; main opens the contract's address, the page stays put.
      const before = await page.evaluate(() => location.href);
      await page.getByRole('button', { name: 'Open the register: Health and Care Professions Council (HCPC)' }).click();
      await expect.poll(() => h.platform.opened).toEqual(['https://www.hcpc-uk.org/check-the-register/']);
      expect(await page.evaluate(() => location.href)).toBe(before);

      // The inline form: focus into its first field, and back to its button when cancelled.
      await page.getByRole('button', { name: 'Record a check of HCPC OT12345' }).click();
      const form = page.getByRole('form', { name: 'Record a check of HCPC OT12345' });
      await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('register');
      expect(await form.getByLabel('Register', { exact: true }).inputValue()).toBe('hcpc'); // from the body, HCPC
      await form.getByRole('button', { name: 'Cancel' }).click();
      await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Record a check of HCPC OT12345');

      await page.getByRole('button', { name: 'Record a check of HCPC OT12345' }).click();
      await form.getByRole('button', { name: 'Save the check' }).click();
      await expect.poll(() => form.getByText('Choose what the register showed.').count()).toBe(1);
      await form.getByLabel('What it showed').selectOption('registered');
      await form.getByLabel('Note').fill('Registered until 31/10/2027');
      await form.getByLabel('Attach the register page (a screenshot or PDF)').check();
      h.platform.dialogAnswers.push(shot);
      await form.getByRole('button', { name: 'Save the check' }).click();

      await expect
        .poll(() =>
          page
            .getByTestId(/^last-check-/)
            .first()
            .textContent(),
        )
        .toBe(
          'Last check: 24/11/2026 by Pat Manager, Health and Care Professions Council (HCPC): On the register (Registered until 31/10/2027); register page saved as hcpc-register.png.',
        );
      expect(await form.count()).toBe(0);
      await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Record a check of HCPC OT12345');
      await expect.poll(() => page.getByText('Last checked on the register').locator('..').textContent()).toContain('24/11/2026');

      // In the vault: the check on the record, the last-checked date moved on, the page attached.
      const [reg] = listRecords(ctx, owner).filter((r) => r.kind === 'registration');
      const data = reg!.data as unknown as { lastCheckedOn: string; checks: unknown[] };
      expect(data.lastCheckedOn).toBe(TODAY);
      expect(data.checks).toEqual([
        { on: TODAY, by: 'Pat Manager', register: 'hcpc', result: 'registered', note: 'Registered until 31/10/2027', file: 'hcpc-register.png' },
      ]);
      expect(reg!.data.evidence.map((e) => e.name)).toEqual(['hcpc-register.png']);

      // A DBS certificate: the Update Service status check, no register to choose.
      await page.getByRole('tab', { name: /^DBS/ }).click();
      await page.getByRole('button', { name: 'Open the register: DBS Update Service' }).click();
      await expect.poll(() => h.platform.opened.at(-1)).toBe('https://www.gov.uk/dbs-update-service');
      await page.getByRole('button', { name: 'Record a check of Enhanced DBS certificate' }).click();
      const dbsForm = page.getByRole('form', { name: 'Record a check of Enhanced DBS certificate' });
      await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('result');
      await dbsForm.getByLabel('What it showed').selectOption('no-new-information');
      await dbsForm.getByRole('button', { name: 'Save the check' }).click();
      await expect
        .poll(() =>
          page
            .getByTestId(/^last-check-/)
            .first()
            .textContent(),
        )
        .toBe('Last check: 24/11/2026 by Pat Manager, DBS Update Service: No new information (the certificate is current).');
    } finally {
      await h.close();
    }
  }, 90_000);
});
