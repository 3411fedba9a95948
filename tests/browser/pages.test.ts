// How pages get their data and their addresses, in the real UI (Chromium over the real
// registry and an encrypted vault): a case whose reference is also the name of a page opens
// like any other; a page whose operation fails shows its own message while the sections
// keep working, and "Try again" asks main again; a change refreshes what it affects on the
// page without a reload; main's error lands beside the field it names.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { createCase } from '../../electron/services/cases/cases';
import { addRecord } from '../../electron/services/evidence/records';
import { updateFirm } from '../../electron/services/firm/firm';
import { createStaff } from '../../electron/services/staff/staff';
import { closeBrowser, nav, startHarness, type Harness } from '../support/harness';

const PASS = 'kettle orchard lantern 42';

afterAll(closeBrowser);

/** An open vault: a firm, one case manager with one CPD entry from last year, and cases named like pages. */
async function seeded(): Promise<Harness> {
  const h = await startHarness({ today: '2026-11-24' });
  h.session.create(path.join(h.dir, 'firm.cpv'), PASS, false);
  const ctx = h.session.ctx();
  updateFirm(ctx, { name: 'Riverside Rehab', codeOfConductSignatory: true });
  createStaff(ctx, { ref: 'CM-1', name: 'Alex Morgan', daysPerWeek: 3 });
  addRecord(ctx, { type: 'staff', ref: 'CM-1' }, 'cpd', { date: '2025-06-10', topic: 'Vocational rehabilitation', provider: 'CMSUK' });
  const party = { name: 'Northern Insurance', kind: 'insurer' as const };
  for (const ref of ['caseload', 'parties', 'retention', 'RC-101'])
    createCase(ctx, { ref, caseManager: 'CM-1', instructingParty: party, status: 'open-active', openedOn: '2026-01-05' });
  await h.reload();
  return h;
}

/** Marks the document, so a test can tell that the page was not reloaded. */
const mark = (page: Page) => page.evaluate(() => void ((window as unknown as { sameDocument: boolean }).sameDocument = true));
const sameDocument = (page: Page) => page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument === true);
const heading = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();

describe('pages, addresses and data in the browser', () => {
  it('opens cases called caseload, parties and retention from the case list, and the pages of those names still open', async () => {
    const h = await seeded();
    const { page } = h;
    try {
      await nav(page, 'Cases');
      const cases = page.getByRole('table', { name: 'Cases' });
      for (const ref of ['caseload', 'parties', 'retention']) {
        await nav(page, 'Cases');
        await cases.getByRole('link', { name: ref, exact: true }).click();
        await expect.poll(() => heading(page)).toBe(`Case ${ref}`);
        expect(await page.evaluate(() => location.hash)).toBe(`#/cases/${ref}`);
        // The section stays the current one in the sidebar.
        expect(await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Cases' }).getAttribute('aria-current')).toBe('page');
      }
      const sub = page.getByRole('navigation', { name: 'Cases pages' });
      await sub.getByRole('link', { name: 'Caseload' }).click();
      await expect.poll(() => heading(page)).toBe('Caseload across the firm');
      await sub.getByRole('link', { name: 'By instructing party' }).click();
      await expect.poll(() => heading(page)).toBe('Cases by instructing party');
      await sub.getByRole('link', { name: 'Retention' }).click();
      await expect.poll(() => heading(page)).toBe('Retention');
      expect(await sub.getByRole('link', { name: 'Retention' }).getAttribute('aria-current')).toBe('page');
    } finally {
      await h.close();
    }
  });

  it('shows a calm message for a page that cannot be shown, keeps the sections working, and tries again', async () => {
    const h = await seeded();
    const { page } = h;
    try {
      await page.evaluate(() => (location.hash = '#/staff/NOPE'));
      await expect.poll(() => heading(page)).toBe('This page could not be shown');
      expect(await page.getByRole('alert').textContent()).toBe('Staff member NOPE was not found.');
      // The shell is still there and works.
      await nav(page, 'Dashboard');
      await expect.poll(() => heading(page)).toBe('Riverside Rehab');
      await nav(page, 'Staff');
      await expect.poll(() => page.getByRole('table', { name: 'Staff members' }).textContent()).toContain('Alex Morgan');

      // An address with no page at all says so, inside the shell.
      await page.evaluate(() => (location.hash = '#/nowhere/at-all'));
      await expect.poll(() => heading(page)).toBe('There is no page here');
      await nav(page, 'Staff');
      await expect.poll(() => heading(page)).toBe('Staff');

      // Back at the failed address once NOPE exists: "Try again" asks main again.
      await page.goBack(); // staff list -> the address with no page
      await page.goBack(); // -> the staff list
      await page.goBack(); // -> the dashboard
      await page.goBack(); // -> #/staff/NOPE
      await expect.poll(() => heading(page)).toBe('This page could not be shown');
      createStaff(h.session.ctx(), { ref: 'NOPE', name: 'Nora Pope' });
      await page.getByRole('button', { name: 'Try again' }).click();
      await expect.poll(() => heading(page)).toBe('Nora Pope');
    } finally {
      await h.close();
    }
  });

  it('adding a CPD entry updates the compliance panel on the same page, without a reload', async () => {
    const h = await seeded();
    const { page } = h;
    try {
      await page.evaluate(() => (location.hash = '#/staff/CM-1/cpd'));
      const cpdRule = page.getByRole('table', { name: 'Compliance of Alex Morgan' }).locator('tr[data-rule="STAFF-CPD-2Y"]');
      const status = cpdRule.locator('.status');
      await expect.poll(() => status.textContent()).toBe('✕ Not met');
      expect(await cpdRule.textContent()).toContain('No CPD recorded between');
      await mark(page);

      await page.getByRole('button', { name: 'Add a CPD activity' }).click();
      const form = page.getByRole('form', { name: 'Add a CPD activity' });
      await form.getByLabel('Date').fill('03/10/2026');
      await form.getByLabel('Topic').fill('Mental Capacity Act refresher');
      await form.getByLabel('Provider').fill('Headway');
      await form.getByRole('button', { name: 'Add a CPD activity' }).click();

      await expect.poll(() => status.textContent()).toBe('✓ Met');
      expect(await cpdRule.textContent()).toContain('CPD in both of the last two years: "Mental Capacity Act refresher" (Headway) on 03/10/2026');
      expect(await page.getByRole('tab', { name: /^CPD log/ }).textContent()).toBe('CPD log');
      expect(await sameDocument(page)).toBe(true);
    } finally {
      await h.close();
    }
  });

  it('shows main’s error beside the field it names', async () => {
    const h = await seeded();
    const { page } = h;
    try {
      await nav(page, 'Cases');
      await page.getByRole('button', { name: 'Add a case' }).click();
      const form = page.getByRole('form', { name: 'Add a case' });
      await form.getByLabel('Case reference').fill('RC-101');
      await form.getByLabel('Case manager').selectOption({ label: 'Alex Morgan' });
      await form.getByLabel('Instructing party', { exact: true }).selectOption({ label: 'Northern Insurance (Insurer)' });
      await form.getByRole('button', { name: 'Add case' }).click();
      // Only main knows RC-101 is taken: its words are the field's error, and nothing else is said.
      const field = form.getByLabel('Case reference');
      await expect.poll(() => field.getAttribute('aria-invalid')).toBe('true');
      const describedBy = await field.getAttribute('aria-describedby');
      expect(await page.locator(`[id="${describedBy}"]`).textContent()).toBe('Case reference RC-101 is already used by another case');
      expect(await form.getByRole('alert').count()).toBe(1);
      expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('ref');
      // Typing again clears it; another reference is accepted.
      await field.fill('RC-102');
      await expect.poll(() => field.getAttribute('aria-invalid')).toBe(null);
      await form.getByRole('button', { name: 'Add case' }).click();
      await expect.poll(() => heading(page)).toBe('Case RC-102');
    } finally {
      await h.close();
    }
  });
});
