// The staff part of the case journey in the real UI (Chromium over the real registry and an
// encrypted vault): a person confirms they have read the current whistleblowing and lone-working
// policies (STAFF-POLICY-ACK, "Policies read"), and an associate's cases held elsewhere are
// recorded on their profile and counted by STAFF-CASELOAD (MTSP Practitioner H "from all sources").
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { importFirmFile } from '../../electron/services/interchange/importFirmFile';
import { closeBrowser, nav, startHarness } from '../support/harness';

const PASS = 'kettle orchard lantern 42';
const TODAY = '2026-11-24';
const party = { name: 'Fenwick Law', kind: 'solicitor' };
const open = (ref: string) => ({ ref, caseManager: 'RR-03', instructingParty: party, status: 'open-active', openedOn: '2026-02-01' });
const FIRM = {
  format: 'caseproof-firm',
  version: 2,
  firm: {
    name: 'Riverside Rehab',
    codeOfConductSignatory: true,
    policies: [
      { kind: 'whistleblowing', title: 'Speaking up', reviewedOn: '2026-06-01' },
      { kind: 'lone-working', title: 'Working alone safely', reviewedOn: '2026-06-01' },
    ],
  },
  staff: [{ ref: 'RR-03', name: 'Sam Okafor', employment: 'subcontractor', solePractitioner: false, daysPerWeek: 1 }],
  cases: [open('C-1'), open('C-2'), open('C-3')],
};

afterAll(closeBrowser);

const rule = (page: Page, id: string) => page.getByRole('table', { name: /^Compliance of/ }).locator(`tr[data-rule="${id}"]`);
const strip = (page: Page) => page.getByRole('list', { name: 'Rules this evidence answers' });

describe('the staff profile in the browser', () => {
  it('records policies read and cases held elsewhere, and the rules follow', async () => {
    const h = await startHarness({ today: TODAY });
    h.session.create(path.join(h.dir, 'firm.cpv'), PASS, false);
    importFirmFile(h.session.ctx(), JSON.parse(JSON.stringify(FIRM)));
    await h.reload();
    const { page } = h;
    try {
      await nav(page, 'Staff');
      await page.getByRole('table', { name: 'Staff members' }).getByRole('link', { name: 'Sam Okafor', exact: true }).click();

      // Policies read: nothing acknowledged yet.
      await page.getByRole('tab', { name: /^Policies read/ }).click();
      expect(await page.evaluate(() => location.hash)).toBe('#/staff/RR-03/policy-acks');
      await expect.poll(() => rule(page, 'STAFF-POLICY-ACK').textContent()).toContain('Not met');
      for (const policy of ['whistleblowing', 'lone-working']) {
        await page.getByRole('button', { name: 'Add a policy acknowledgement' }).click();
        const form = page.getByRole('form', { name: 'Add a policy acknowledgement' });
        await form.getByLabel('Policy', { exact: true }).selectOption(policy);
        await form.getByLabel('Acknowledged on').fill('20/11/2026');
        await form.getByRole('button', { name: 'Add a policy acknowledgement' }).click();
        await expect.poll(() => form.isVisible()).toBe(false);
      }
      await expect.poll(() => rule(page, 'STAFF-POLICY-ACK').textContent()).toContain('Met');
      await expect.poll(() => strip(page).textContent()).toContain('Met');

      // Cases elsewhere: 3 cases here on 1 day a week is 3 a day, within the limit of 8.
      await page.getByRole('tab', { name: /^Cases elsewhere/ }).click();
      expect(await page.evaluate(() => location.hash)).toBe('#/staff/RR-03/outside-cases');
      await expect.poll(() => strip(page).textContent()).toContain('3 open-active cases over 1 day a week = 3 a day');
      await page.getByRole('button', { name: 'Add a record of cases held elsewhere' }).click();
      const form = page.getByRole('form', { name: 'Add a record of cases held elsewhere' });
      await form.getByLabel('Held for').fill('Northside Case Management');
      await form.getByLabel('Open and active cases').fill('20');
      await form.getByLabel('Days a week on these cases').fill('1');
      await form.getByLabel('From', { exact: true }).fill('01/09/2026');
      await form.getByLabel('Until').fill('01/08/2026');
      await expect.poll(() => form.getByText('Until must not be before the "from" date').count()).toBe(1);
      await form.getByLabel('Until').fill('');
      await form.getByRole('button', { name: 'Add a record of cases held elsewhere' }).click();
      await expect.poll(() => page.getByRole('article', { name: 'Held for Northside Case Management' }).textContent()).toContain('Still held');
      // 23 open-active cases over 2 days = 11.5 a day: above the limit.
      await expect
        .poll(() => strip(page).textContent())
        .toContain(
          '23 open-active cases (3 with the firm, 20 held elsewhere for Northside Case Management) over 2 days a week (1 with the firm, 1 elsewhere) = 11.5 a day',
        );
      await expect.poll(() => rule(page, 'STAFF-CASELOAD').textContent()).toContain('Not met');
      await page.screenshot({ path: path.resolve(__dirname, '../output/screens/staff-cases-elsewhere.png') });
    } finally {
      await h.close();
    }
  });
});
