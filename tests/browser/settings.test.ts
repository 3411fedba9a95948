// Settings in the real UI: firm details, then importing a firm file and a spreadsheet through
// the Import page's preview (the file dialog answered by the test), a refused file with every problem listed.
import { writeFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeBrowser, nav, startHarness } from '../support/harness';
import { SAMPLE_FILE } from '../support/vaults';

afterAll(closeBrowser);

describe('settings in the browser', () => {
  it('saves firm details, imports a firm file and a spreadsheet, and lists a bad file’s problems', async () => {
    const h = await startHarness({ today: '2026-11-24' });
    const { page } = h;
    try {
      h.session.create(path.join(h.dir, 'firm.cpv'), 'settings test passphrase', false);
      await h.reload();
      await nav(page, 'Settings');
      const version = (JSON.parse(readFileSync(path.resolve(__dirname, '../../package.json'), 'utf8')) as { version: string }).version;
      await expect.poll(() => page.getByRole('region', { name: 'About' }).textContent()).toContain(`Caseproof ${version}.`);
      await page.getByLabel('Your name').fill('Jo Practice-Manager');
      await page.getByRole('button', { name: 'Save your name' }).click();
      await expect.poll(() => h.session.ctx().user).toBe('Jo Practice-Manager');
      await page.getByLabel('Firm name').fill('');
      await page.getByRole('button', { name: 'Save firm details' }).click();
      await expect.poll(() => page.getByText('Firm name is required').count()).toBe(1);
      await page.getByLabel('Firm name').fill('Harbour Case Management');
      await page.getByLabel('The firm has signed the MTSP code of conduct').check();
      await page.getByRole('button', { name: 'Save firm details' }).click();
      await expect.poll(() => page.getByRole('status').first().textContent()).toBe('Saved.');

      // Imports go through the Import page's preview: a bad file's problems, each with its path and value.
      const bad = JSON.parse(readFileSync(SAMPLE_FILE, 'utf8'));
      bad.staff[0].indemnity[0].coverGBP = -1;
      bad.cases[0].status = 'pending';
      const badFile = path.join(h.dir, 'bad.json');
      writeFileSync(badFile, JSON.stringify(bad));
      h.platform.dialogAnswers.push(badFile);
      await page.getByRole('link', { name: 'Import a firm file…' }).click();
      await page.getByRole('button', { name: 'Choose the file…' }).click();
      const refused = page.getByRole('table', { name: 'Refused' });
      await expect.poll(() => refused.getByRole('row').count()).toBe(3);
      await expect.poll(() => refused.textContent()).toContain('staff[0].indemnity[0].coverGBP“-1”must be a positive number of pounds');
      await expect.poll(() => refused.textContent()).toContain('cases[0].status“pending”must be one of referral, open-active, monitoring, closed');

      await page.getByRole('button', { name: 'Choose another file' }).click();
      h.platform.dialogAnswers.push(SAMPLE_FILE);
      await page.getByRole('button', { name: 'Choose the file…' }).click();
      await page.getByRole('button', { name: 'Import', exact: true }).click();
      await expect.poll(() => page.getByRole('status').last().textContent()).toContain('Imported riverside-firm.json: 2 staff, 1 suppliers, 1 cases');
      // The file names another firm: without the tick the firm keeps its own name, and says so.
      await expect.poll(() => page.getByRole('status').last().textContent()).toContain('The firm’s own name and address were kept (Harbour Case Management)');
      const firmName = async () => {
        const f = await h.page.evaluate(() => window.caseproof.getFirm({}));
        return f.ok && f.value.name;
      };
      expect(await firmName()).toBe('Harbour Case Management');
      await nav(page, 'Settings');
      await page.getByRole('link', { name: 'Import a firm file…' }).click();
      h.platform.dialogAnswers.push(SAMPLE_FILE);
      await page.getByRole('button', { name: 'Choose the file…' }).click();
      await page.getByLabel('Update the firm’s name and address from the file').check();
      const firmChanges = page.getByRole('table', { name: /Changes to The firm/ });
      await expect.poll(() => firmChanges.textContent()).toContain('nameHarbour Case ManagementRiverside Rehabilitation Case Management');
      await page.getByRole('button', { name: 'Import', exact: true }).click();
      await expect.poll(firmName).toBe('Riverside Rehabilitation Case Management');
      // The records the first import brought are the same records: left as they are, not added again.
      await expect
        .poll(() => page.getByRole('status').last().textContent())
        .toMatch(/0 records and 0 evidence files added;.* records the vault already held as the file gives them were left unchanged\./);
      await expect.poll(() => page.getByRole('status').last().textContent()).not.toContain('own name and address were kept');
      await nav(page, 'Settings');

      const sheet = path.join(h.dir, 'cpd.csv');
      writeFileSync(sheet, 'staffRef,date,topic,provider,hours\nRR-02,12/03/2026,Pain science update,CSP,2\n');
      await page.getByRole('link', { name: 'Import a spreadsheet…' }).click();
      await page.getByLabel('What the spreadsheet holds').selectOption('cpd');
      h.platform.dialogAnswers.push(sheet);
      await page.getByRole('button', { name: 'Choose the file…' }).click();
      await page.getByRole('button', { name: 'Import', exact: true }).click();
      await expect.poll(() => page.getByRole('status').last().textContent()).toContain('1 records');
      const toni = await h.page.evaluate(() => window.caseproof.getStaff({ ref: 'RR-02' }));
      expect(toni.ok && toni.value.cpd.map((c) => c.topic)).toContain('Pain science update');
    } finally {
      await h.close();
    }
  });
});
