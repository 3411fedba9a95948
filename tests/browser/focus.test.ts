// Where keyboard focus goes, in the real UI (Chromium over the real registry and an encrypted
// vault): the skip link is the first thing Tab reaches and lands on the page's heading; moving
// to a page puts focus on its heading; an inline form takes focus into its first field and gives
// it back to its button on Cancel and on saving; a dialog starts in its first field, keeps Tab
// inside itself and gives focus back to its button when it closes.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { addRecord } from '../../electron/services/evidence/records';
import { updateFirm } from '../../electron/services/firm/firm';
import { createStaff } from '../../electron/services/staff/staff';
import { closeBrowser, nav, startHarness, type Harness } from '../support/harness';

const PASS = 'kettle orchard lantern 42';
afterAll(closeBrowser);

async function seeded(): Promise<Harness> {
  const h = await startHarness({ today: '2026-11-24' });
  h.session.create(path.join(h.dir, 'firm.cpv'), PASS, false);
  const ctx = h.session.ctx();
  updateFirm(ctx, { name: 'Riverside Rehab', codeOfConductSignatory: true });
  createStaff(ctx, { ref: 'CM-1', name: 'Alex Morgan', daysPerWeek: 3 });
  addRecord(ctx, { type: 'staff', ref: 'CM-1' }, 'dbs', { level: 'enhanced', issuedOn: '2026-01-10' });
  await h.reload();
  return h;
}

/** What has focus: its tag, and its accessible words (an input's label, a button's name). */
const focused = (page: Page) =>
  page.evaluate(() => {
    const a = document.activeElement as HTMLElement | null;
    if (!a || a === document.body) return 'nothing';
    const input = a as HTMLInputElement;
    const words = input.labels?.[0]?.textContent ?? a.getAttribute('aria-label') ?? a.textContent ?? '';
    return `${a.tagName.toLowerCase()}: ${words.replace(/\s+/g, ' ').trim()}`;
  });

describe('keyboard focus in the browser', () => {
  it('skip link first, and each page announced by its heading', async () => {
    const h = await seeded();
    const { page } = h;
    try {
      await page.getByRole('heading', { level: 1, name: 'Riverside Rehab' }).waitFor();
      // Arriving at the first page puts focus on its heading.
      await expect.poll(() => focused(page)).toBe('h1: Riverside Rehab');
      // The skip link comes before everything else Tab reaches (Shift+Tab from the first section).
      await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Dashboard' }).focus();
      await page.keyboard.press('Shift+Tab');
      expect(await focused(page)).toBe('a: Skip to main content');
      expect(await page.getByRole('link', { name: 'Skip to main content' }).isVisible()).toBe(true);
      await page.keyboard.press('Enter');
      expect(await focused(page)).toBe('h1: Riverside Rehab');
      expect(await page.evaluate(() => location.hash)).toBe('#/dashboard'); // the route is not lost

      // A section from the sidebar: focus on the new page's heading.
      await nav(page, 'Staff');
      await expect.poll(() => focused(page)).toBe('h1: Staff');
      // A link inside a page, to another page.
      await page.getByRole('table', { name: 'Staff members' }).getByRole('link', { name: 'Alex Morgan' }).click();
      await expect.poll(() => focused(page)).toBe('h1: Alex Morgan');
      // Changing tabs with the arrow keys stays on the tabs (the same page).
      await page.getByRole('tab', { name: 'Details' }).focus();
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => focused(page)).toMatch(/^button: DBS checks/);
      await page.waitForTimeout(400); // long enough for any move to the heading to have happened
      expect(await focused(page)).toMatch(/^button: DBS checks/);
    } finally {
      await h.close();
    }
  });

  it('inline forms: into the first field, back to the button on Cancel and on saving', async () => {
    const h = await seeded();
    const { page } = h;
    try {
      await page.goto(`${h.url}#/staff/CM-1/dbs`);
      const add = page.getByRole('button', { name: 'Add a DBS check' });
      await add.click();
      await expect.poll(() => focused(page)).toBe('select: Level');
      await page.getByRole('form', { name: 'Add a DBS check' }).getByRole('button', { name: 'Cancel' }).click();
      await expect.poll(() => focused(page)).toBe('button: Add a DBS check');

      // Saved with the keyboard: Enter in a field submits; focus goes back to the button.
      await page.keyboard.press('Enter');
      await expect.poll(() => focused(page)).toBe('select: Level');
      const form = page.getByRole('form', { name: 'Add a DBS check' });
      await form.getByLabel('Level').selectOption('enhanced');
      await form.getByLabel('Issued on').fill('01/11/2026');
      await form.getByLabel('Issued on').press('Enter');
      await expect.poll(() => form.count()).toBe(0);
      await expect.poll(() => focused(page)).toBe('button: Add a DBS check');

      // Edit: back to that record's Edit button, though saving changed the record's heading (and the button's name).
      await page.getByRole('button', { name: 'Edit Enhanced DBS certificate' }).first().click();
      await expect.poll(() => focused(page)).toBe('select: Level');
      const editing = page.getByRole('form', { name: /^Edit / });
      await editing.getByLabel('Level').selectOption('enhanced-barred');
      await editing.getByRole('button', { name: 'Save changes' }).click();
      await expect.poll(() => editing.count()).toBe(0);
      await expect.poll(() => focused(page)).toBe('button: Edit Enhanced with barred lists DBS certificate');

      // The staff list's form.
      await nav(page, 'Staff');
      await page.getByRole('button', { name: 'Add staff member' }).click();
      await expect.poll(() => focused(page)).toBe('input: Name');
      await page.getByRole('form', { name: 'Add a staff member' }).getByRole('button', { name: 'Cancel' }).click();
      await expect.poll(() => focused(page)).toBe('button: Add staff member');
    } finally {
      await h.close();
    }
  });

  it('a dialog: starts in its first field, keeps Tab inside, gives focus back when it closes', async () => {
    const h = await seeded();
    const { page } = h;
    try {
      await page.goto(`${h.url}#/staff/CM-1`);
      const grant = page.getByRole('button', { name: 'Grant exemption from Peer review' });
      await grant.click();
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      await expect.poll(() => focused(page)).toMatch(/^(textarea|input|select): /);
      const inside = () => page.evaluate(() => !!document.activeElement?.closest('dialog'));
      for (let i = 0; i < 12; i++) {
        await page.keyboard.press('Tab');
        expect(await inside()).toBe(true);
      }
      for (let i = 0; i < 12; i++) {
        await page.keyboard.press('Shift+Tab');
        expect(await inside()).toBe(true);
      }
      await page.keyboard.press('Escape');
      await expect.poll(() => dialog.count()).toBe(0);
      await expect.poll(() => focused(page)).toBe('button: Grant exemption from Peer review');

      // Closed with its Close button: the same.
      await grant.click();
      await dialog.getByRole('button', { name: 'Close', exact: true }).click();
      await expect.poll(() => focused(page)).toBe('button: Grant exemption from Peer review');
    } finally {
      await h.close();
    }
  });
});
