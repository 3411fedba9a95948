// The audit trail in the real UI (issue 11): change a record in the browser, see the change on
// the Audit page (who, when, before and after; filtered by person and record) and in that
// record's own history; a trail broken behind Caseproof's back is named in a banner at unlock.
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { updateFirm } from '../../electron/services/firm/firm';
import { importSpreadsheet } from '../../electron/services/interchange/spreadsheet';
import { createStaff } from '../../electron/services/staff/staff';
import { closeBrowser, nav, startHarness } from '../support/harness';

const PASS = 'kettle orchard lantern 42';

afterAll(closeBrowser);

describe('the audit trail in the browser', () => {
  it('a change made in the app is on the Audit page and in the record’s history', async () => {
    const h = await startHarness({ today: '2026-11-24' });
    const { page } = h;
    try {
      h.platform.prefs.set('userName', 'Pat Manager');
      h.session.create(path.join(h.dir, 'firm.cpv'), PASS, false);
      const ctx = h.session.ctx();
      updateFirm(ctx, { name: 'Riverside Rehab', codeOfConductSignatory: true });
      createStaff(ctx, { ref: 'CM-1', name: 'Alex Morgan', daysPerWeek: 3 });
      createStaff(ctx, { ref: 'CM-2', name: 'Sam Okafor', daysPerWeek: 4 });
      await h.reload();

      // Change a record through the UI.
      await nav(page, 'Staff');
      await page.getByRole('link', { name: 'Alex Morgan' }).click();
      await page.getByRole('button', { name: 'Edit details' }).click();
      await page.getByLabel('Name').fill('Alex Morgan-Reid');
      await page.getByRole('button', { name: 'Save changes' }).click();
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Alex Morgan-Reid');

      // The record's own history, opened on its page.
      await page.getByText('Change history', { exact: true }).click();
      const history = page.getByRole('table', { name: 'Change history of CM-1' });
      await expect.poll(() => history.getByRole('row').nth(1).textContent()).toContain('Changed: details');
      const newest = history.getByRole('row').nth(1);
      expect(await newest.textContent()).toContain('Pat Manager');
      expect(await newest.getByLabel('was Alex Morgan').count()).toBe(1);
      expect(await newest.getByLabel('now Alex Morgan-Reid').count()).toBe(1);
      expect(await history.textContent()).toContain('Added: details');
      // Words, not the vault's column names; the vault's own numbering left out of a record added.
      const added = history.getByRole('row').filter({ hasText: 'Added: details' });
      expect(await added.textContent()).toContain('Days a week: 3');
      expect(await added.textContent()).toContain('Reference: CM-1');
      expect(await history.textContent()).not.toMatch(/days_per_week|data_version|created_at/);
      expect(await history.textContent()).not.toContain('Sam Okafor');

      // The Audit page: the change, newest first; filters by person and by record.
      await nav(page, 'Audit trail');
      const all = page.getByRole('table', { name: 'Audit trail entries' });
      await expect.poll(() => all.getByRole('row').nth(1).textContent()).toContain('staff CM-1');
      expect(await all.getByRole('row').nth(1).textContent()).toMatch(/24\/11\/2026.*Pat Manager.*Changed: details/);
      await page.getByLabel('Record (reference)').fill('CM-2');
      await expect.poll(() => all.textContent()).not.toContain('Alex Morgan-Reid');
      expect(await all.textContent()).toContain('Sam Okafor');
      await page.getByLabel('Record (reference)').fill('');
      await page.getByLabel('Person').selectOption('Pat Manager');
      await expect.poll(() => page.getByRole('status').first().textContent()).toMatch(/\d+ entries/);
      await page.getByLabel('Record (reference)').fill('NOBODY');
      await expect.poll(() => page.getByText('No entries match.').count()).toBe(1);
    } finally {
      await h.close();
    }
  });

  it('a spreadsheet import is one entry in the person’s history, naming the file and listing its records', async () => {
    const h = await startHarness({ today: '2026-11-24' });
    const { page } = h;
    try {
      h.platform.prefs.set('userName', 'Pat Manager');
      h.session.create(path.join(h.dir, 'firm.cpv'), PASS, false);
      const ctx = h.session.ctx();
      updateFirm(ctx, { name: 'Riverside Rehab', codeOfConductSignatory: true });
      createStaff(ctx, { ref: 'CM-1', name: 'Alex Morgan', daysPerWeek: 3 });
      createStaff(ctx, { ref: 'CM-2', name: 'Bea Lowe', daysPerWeek: 3 });
      const sheet =
        'staffRef,date,topic,provider,hours\nCM-1,03/03/2026,Brain injury update,BABICM,2\nCM-1,04/03/2026,Report writing,CMSUK,1\nCM-2,05/03/2026,Goal setting,BABICM,1\n';
      await importSpreadsheet(ctx, 'cpd', 'team-cpd.csv', Buffer.from(sheet));
      await h.reload();

      await nav(page, 'Staff');
      await page.getByRole('link', { name: 'Alex Morgan' }).click();
      await page.getByText('Change history', { exact: true }).click();
      const history = page.getByRole('table', { name: 'Change history of CM-1' });
      const newest = history.getByRole('row').nth(1);
      await expect.poll(() => newest.textContent()).toContain('Imported: 2 CPD entries added from team-cpd.csv');
      expect(await newest.textContent()).toContain('Pat Manager');
      await newest.getByText('2 records from team-cpd.csv').click();
      expect(
        await newest
          .getByRole('list', { name: /^Records in entry \d+$/ })
          .getByRole('listitem')
          .allTextContents(),
      ).toEqual([expect.stringMatching(/^Added records row \d+$/), expect.stringMatching(/^Added records row \d+$/)]);

      // The Audit page shows the write as one entry about both people, in words, with all three rows.
      await nav(page, 'Audit trail');
      const trail = page.getByRole('table', { name: 'Audit trail entries' });
      const entry = trail.getByRole('row').filter({ hasText: 'Imported: 3 CPD entries added from team-cpd.csv, about 2 case managers' });
      await expect.poll(() => entry.count()).toBe(1);
      await entry.getByText('3 records from team-cpd.csv').click();
      expect(
        await entry
          .getByRole('list', { name: /^Records in entry \d+$/ })
          .getByRole('listitem')
          .count(),
      ).toBe(3);
    } finally {
      await h.close();
    }
  });

  it('says plainly at unlock when the audit trail does not match', async () => {
    const h = await startHarness({ today: '2026-11-24' });
    const { page } = h;
    try {
      const file = path.join(h.dir, 'firm.cpv');
      h.session.create(file, PASS, false);
      const ctx = h.session.ctx();
      updateFirm(ctx, { name: 'Riverside Rehab', codeOfConductSignatory: true });
      createStaff(ctx, { ref: 'CM-1', name: 'Alex Morgan', daysPerWeek: 3 });
      // Someone edits an entry with a raw SQL tool (the guard trigger dropped first).
      ctx.vault.sqlite.exec("DROP TRIGGER audit_log_no_update; UPDATE audit_log SET who = 'Nobody' WHERE seq = 2");
      h.session.lock();
      await h.reload();
      await page.getByLabel('Passphrase', { exact: true }).fill(PASS);
      await page.getByRole('button', { name: 'Unlock' }).click();
      const banner = page.locator('.damage-banner');
      await expect.poll(() => banner.textContent()).toContain('Something in this vault does not match what Caseproof recorded.');
      expect(await banner.textContent()).toMatch(/The audit trail does not match: entry 2 .* was changed after it was written/);
      // When the entry was written, as the UK writes a time (the harness's clock, London time), not a UTC instant.
      expect(await banner.textContent()).toContain('on 24/11/2026 12:00 by Nobody) was changed after it was written');
      expect(await banner.textContent()).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
      expect(await banner.getAttribute('role')).toBe('alert');
      // What to do next, in steps a practice manager can follow.
      const steps = page.getByRole('list', { name: 'What to do now' }).getByRole('listitem');
      await expect.poll(() => steps.count()).toBe(4);
      expect(await steps.nth(0).textContent()).toContain('Tell the person responsible for data protection');
      expect(await steps.nth(3).textContent()).toContain('Restore a backup');
    } finally {
      await h.close();
    }
  });
});
