// Staff evidence in the real UI (Chromium over the real registry and an encrypted vault):
// an expiring indemnity policy shows as due soon on the profile and the dashboard (linking
// to the exact tab), files are dropped and attached and viewed inside the app, exemptions
// are granted and withdrawn, bad input is shown beside its field; policies, the self
// checklist, the calendar export and the reminder on unlock.
import path from 'node:path';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { startReminders } from '../../electron/worker/reminders';
import { importFirmFile } from '../../electron/services/interchange/importFirmFile';
import { createStaff } from '../../electron/services/staff/staff';
import { closeBrowser, nav, startHarness, type Harness } from '../support/harness';
import { inkOf, jpxPdf, textPdf } from '../support/pdf';
import { sampleFirm } from '../support/vaults';

const PASS = 'kettle orchard lantern 42';
const TODAY = '2026-11-24';
const SHOTS = path.resolve(__dirname, '../output/screens');
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAAEUlEQVR4nGMQiVqAFTEMLQkAPU5DgULiSUcAAAAASUVORK5CYII=', 'base64');
// Two pages, each with a coloured band and a line of text (see tests/support/pdf.ts).
const PDF = textPdf(['Hiscox schedule page one', 'Hiscox schedule page two']);

afterAll(closeBrowser);

/** A harness with the Riverside sample imported and one more case manager, Sam Okafor (RR-03), with no evidence yet. */
async function riverside(): Promise<Harness> {
  const h = await startHarness({ today: TODAY });
  h.session.create(path.join(h.dir, 'firm.cpv'), PASS, false);
  const ctx = h.session.ctx();
  importFirmFile(ctx, sampleFirm());
  createStaff(ctx, {
    ref: 'RR-03',
    name: 'Sam Okafor',
    profession: 'Nurse',
    employment: 'employed',
    caseManagementSince: '2018-04-01',
    qualifiedOn: '2012-09-01',
    daysPerWeek: 4,
  });
  await h.reload();
  return h;
}

/** Drops files onto an element, as a person dragging them from the desktop would. */
async function dropFiles(page: Page, selector: string, files: { name: string; type: string; base64?: string; size?: number }[]) {
  const dataTransfer = await page.evaluateHandle((list) => {
    const dt = new DataTransfer();
    for (const f of list) {
      const bytes = f.base64 ? Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0)) : new Uint8Array(f.size ?? 0);
      dt.items.add(new File([bytes], f.name, { type: f.type }));
    }
    return dt;
  }, files);
  await page.dispatchEvent(selector, 'dragenter', { dataTransfer });
  await page.dispatchEvent(selector, 'dragover', { dataTransfer });
  await page.dispatchEvent(selector, 'drop', { dataTransfer });
}

/** How much of the band where textPdf writes its line of text (0.2 to 0.45 of the page's height, above the coloured band) is drawn. */
const textInk = async (canvas: Locator) => (await inkOf(canvas, { top: 0.2, bottom: 0.45 })).inked;

const row = (page: Page, rule: string) => page.getByRole('table', { name: /^Compliance of/ }).locator(`tr[data-rule="${rule}"]`);

describe('staff evidence in the browser', () => {
  it('adds an expiring indemnity policy with field-level errors, attaches and views files, grants an exemption, and the dashboard links to the fix', async () => {
    const h = await riverside();
    const { page } = h;
    try {
      await nav(page, 'Staff');
      await page.getByRole('table', { name: 'Staff members' }).getByRole('link', { name: 'Sam Okafor', exact: true }).click();
      await page.getByRole('tab', { name: /^Indemnity/ }).click();
      expect(await page.evaluate(() => location.hash)).toBe('#/staff/RR-03/indemnity');
      await expect.poll(() => row(page, 'STAFF-INDEMNITY').textContent()).toContain('Not met');

      await page.getByRole('button', { name: 'Add an indemnity policy' }).click();
      const form = page.getByRole('form', { name: 'Add an indemnity policy' });
      await form.getByLabel('Insurer').fill('Hiscox');
      await form.getByLabel('Cover (£)').fill('-5');
      await expect.poll(() => form.getByText('Cover (£) must be a positive number of pounds').count()).toBe(1);
      await form.getByLabel('Cover (£)').fill('5000000');
      await expect.poll(() => form.getByText('£5,000,000').count()).toBe(1);
      await form.getByLabel('Held', { exact: true }).selectOption('self');
      await form.getByLabel('Starts on').fill('2026-02-30');
      await expect.poll(() => form.getByText('Starts on must be a real date, written as dd/mm/yyyy').count()).toBe(1);
      await form.getByLabel('Starts on').fill('30/02/2026');
      await expect.poll(() => form.getByText('Starts on must be a real date, written as dd/mm/yyyy').count()).toBe(1);
      await form.getByLabel('Starts on').fill('11/01/2026');
      await expect.poll(() => form.getByText('11 January 2026').count()).toBe(1);
      await form.getByLabel('Expires on').fill('31/12/2025');
      await expect.poll(() => form.getByText('Expires on must not be before the start date').count()).toBe(1);
      // The form refuses to send while a field is wrong.
      await form.getByRole('button', { name: 'Add an indemnity policy' }).click();
      await expect.poll(() => form.isVisible()).toBe(true);
      await form.getByLabel('Expires on').fill('10/01/2027');
      await form.getByRole('button', { name: 'Add an indemnity policy' }).click();

      const card = page.getByRole('article', { name: 'Hiscox: £5,000,000 cover' });
      await expect.poll(() => card.textContent()).toContain('10/01/2027');
      await expect.poll(() => card.textContent()).toContain('11/01/2026');
      // Expires 10/01/2027: lapses within 60 days of 24/11/2026, so due soon.
      await expect.poll(() => row(page, 'STAFF-INDEMNITY').textContent()).toContain('Due soon');
      expect(await row(page, 'STAFF-INDEMNITY').textContent()).toContain('11/01/2027');
      expect(await row(page, 'STAFF-INDEMNITY').textContent()).toContain('MTSP Organisation A');
      await expect.poll(() => page.getByRole('list', { name: 'Rules this evidence answers' }).textContent()).toContain('Due soon');

      // Drop a PDF onto the record, then view it inside the app (drawn by pdf.js, no frames).
      const cardSel = 'article[aria-label="Hiscox: £5,000,000 cover"]';
      await dropFiles(page, cardSel, [{ name: 'hiscox-schedule.pdf', type: 'application/pdf', base64: PDF.toString('base64') }]);
      await expect.poll(() => card.getByText('Attached hiscox-schedule.pdf.').count()).toBe(1);
      await expect.poll(() => card.locator('.files').textContent()).toContain('hiscox-schedule.pdf');
      expect(await card.locator('.files').textContent()).toContain('added by Pat Manager on 24/11/2026');
      await card.getByRole('button', { name: 'View hiscox-schedule.pdf' }).click();
      const viewer = page.getByRole('dialog', { name: 'hiscox-schedule.pdf' });
      await expect.poll(() => viewer.getByText('2 pages', { exact: true }).count()).toBe(1);
      const page1 = viewer.getByRole('img', { name: 'Page 1 of 2 of hiscox-schedule.pdf' });
      const page2 = viewer.getByRole('img', { name: 'Page 2 of 2 of hiscox-schedule.pdf' });
      expect(await viewer.locator('canvas').count()).toBe(2);
      await expect.poll(async () => (await inkOf(page1)).inked).toBeGreaterThan(0.05);
      await page2.scrollIntoViewIfNeeded();
      await expect.poll(async () => (await inkOf(page2)).inked).toBeGreaterThan(0.05);
      // Each page is drawn from its own content: page 1's band is blue, page 2's red.
      const [b1, b2] = [await inkOf(page1), await inkOf(page2)];
      expect(b1.at(0.5, 0.8)[2]).toBeGreaterThan(b1.at(0.5, 0.8)[0]);
      expect(b2.at(0.5, 0.8)[0]).toBeGreaterThan(b2.at(0.5, 0.8)[2]);
      // Text is drawn as well (the line sits between y = 0.2 and 0.45 of the page).
      expect(await textInk(page1)).toBeGreaterThan(0.01);
      expect(page.frames()).toHaveLength(1);
      expect(await viewer.locator('iframe, embed, object').count()).toBe(0);
      // Zoom with labelled buttons: fit to width, then 100% (the page at its printed size), then back.
      const fitted = (await inkOf(page1)).width;
      await viewer.getByRole('button', { name: 'Zoom out' }).click();
      await expect.poll(async () => (await inkOf(page1)).width).toBeLessThan(fitted);
      await expect.poll(() => viewer.getByRole('button', { name: 'Fit to width' }).getAttribute('aria-pressed')).toBe('false');
      await viewer.getByRole('region', { name: 'Pages of hiscox-schedule.pdf' }).focus();
      await page.keyboard.press('0');
      await expect.poll(() => viewer.getByRole('button', { name: 'Fit to width' }).getAttribute('aria-pressed')).toBe('true');
      await expect.poll(async () => (await inkOf(page1)).width).toBe(fitted);
      await viewer.getByRole('button', { name: 'Close' }).click();
      await expect.poll(() => page.getByRole('dialog').count()).toBe(0);

      // A file that says it is a PDF but is not one: a plain message, and a way out.
      await dropFiles(page, cardSel, [{ name: 'broken.pdf', type: 'application/pdf', base64: Buffer.from('%PDF-1.4 garbage').toString('base64') }]);
      await expect.poll(() => card.getByText('Attached broken.pdf.').count()).toBe(1);
      await card.getByRole('button', { name: 'View broken.pdf' }).click();
      const broken = page.getByRole('dialog', { name: 'broken.pdf' });
      await expect.poll(() => broken.getByRole('alert').textContent()).toBe('This PDF could not be shown; use Save a copy… to open it in another program.');
      expect(await broken.locator('canvas').count()).toBe(0);
      const brokenCopy = path.join(h.dir, 'broken-copy.pdf');
      h.platform.dialogAnswers.push(brokenCopy);
      await broken.getByRole('button', { name: 'Save a copy of broken.pdf' }).click();
      await expect.poll(() => broken.getByRole('status').textContent()).toBe(`Saved a copy of broken.pdf to ${brokenCopy}.`);
      expect(readFileSync(brokenCopy, 'latin1')).toBe('%PDF-1.4 garbage');
      await page.keyboard.press('Escape');
      await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
      await card.getByRole('button', { name: 'Delete broken.pdf' }).click();
      await card.getByRole('button', { name: 'Yes, delete broken.pdf' }).click();
      await expect.poll(() => card.locator('.files li').count()).toBe(1);

      // Attach an image with the file picker; it shows as an <img> from a blob: URL.
      const pngPath = path.join(h.dir, 'certificate.png');
      writeFileSync(pngPath, PNG);
      h.platform.dialogAnswers.push(pngPath);
      await card.getByRole('button', { name: 'Attach file…' }).click();
      await expect.poll(() => card.locator('.files li').count()).toBe(2);
      await card.getByRole('button', { name: 'View certificate.png' }).click();
      const img = page.getByRole('dialog', { name: 'certificate.png' }).getByRole('img', { name: 'Evidence file certificate.png' });
      await expect.poll(() => img.getAttribute('src')).toMatch(/^blob:/);
      await expect.poll(() => img.evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBe(8);
      await page.keyboard.press('Escape');
      await expect.poll(() => page.getByRole('dialog').count()).toBe(0);

      // Too large and wrong type: clear messages, nothing attached.
      await dropFiles(page, cardSel, [{ name: 'scan.pdf', type: 'application/pdf', size: 26 * 1024 * 1024 }]);
      await expect.poll(() => card.getByRole('alert').textContent()).toContain('scan.pdf is 26.0 MB; evidence files can be at most 25 MB.');
      const big = path.join(h.dir, 'big-scan.pdf');
      writeFileSync(big, Buffer.concat([PDF, Buffer.alloc(26 * 1024 * 1024)]));
      h.platform.dialogAnswers.push(big);
      await card.getByRole('button', { name: 'Attach file…' }).click();
      await expect.poll(() => card.getByRole('alert').textContent()).toContain('big-scan.pdf is 26.0 MB; evidence files can be at most 25 MB.');
      await dropFiles(page, cardSel, [{ name: 'notes.txt', type: 'text/plain', base64: Buffer.from('just some notes').toString('base64') }]);
      await expect
        .poll(() => card.getByRole('alert').textContent())
        .toContain('notes.txt is not a PDF, an image (PNG, JPEG, GIF, WebP) or a Word document, so it cannot be attached.');
      expect(await card.locator('.files li').count()).toBe(2);

      // Delete a file, with confirmation.
      await card.getByRole('button', { name: 'Delete certificate.png' }).click();
      await card.getByRole('button', { name: 'Yes, delete certificate.png' }).click();
      await expect.poll(() => card.locator('.files li').count()).toBe(1);

      // Save a copy of the PDF through the save dialog.
      const copy = path.join(h.dir, 'copy.pdf');
      h.platform.dialogAnswers.push(copy);
      await card.getByRole('button', { name: 'Save a copy of hiscox-schedule.pdf' }).click();
      await expect.poll(() => existsSync(copy)).toBe(true);
      expect(readFileSync(copy).equals(PDF)).toBe(true);

      // Rules v2: DBS cannot be exempted, so its row offers no exemption.
      await expect.poll(() => row(page, 'STAFF-DBS').textContent()).toContain('Not met');
      expect(
        await row(page, 'STAFF-DBS')
          .getByRole('button', { name: /Grant exemption/ })
          .count(),
      ).toBe(0);
      // Grant an exemption from the peer review rule, until 12 months on by default; an empty reason is refused beside the field.
      await expect.poll(() => row(page, 'STAFF-PEER-REVIEW').textContent()).toContain('Not met');
      await row(page, 'STAFF-PEER-REVIEW').getByRole('button', { name: 'Grant exemption from Peer review' }).click();
      const dlg = page.getByRole('dialog', { name: 'Exempt Sam Okafor from Peer review' });
      expect(await dlg.getByLabel('Granted by').inputValue()).toBe('Pat Manager');
      expect(await dlg.getByLabel('Granted on').inputValue()).toBe('24/11/2026');
      expect(await dlg.getByLabel('Expires on').inputValue()).toBe('24/11/2027');
      await dlg.getByRole('button', { name: 'Grant exemption' }).click();
      await expect.poll(() => dlg.getByText('Reason is required').count()).toBe(1);
      await dlg.getByLabel('Reason').fill('On a secondment with no clients');
      await dlg.getByRole('button', { name: 'Grant exemption' }).click();
      await expect.poll(() => row(page, 'STAFF-PEER-REVIEW').textContent()).toContain('Exempt');
      expect(await row(page, 'STAFF-PEER-REVIEW').textContent()).toContain(
        'Exempt until 24/11/2027: On a secondment with no clients (granted by Pat Manager on 24/11/2026)',
      );
      await expect.poll(() => page.getByRole('status').filter({ hasText: 'Sam Okafor is now exempt from Peer review.' }).count()).toBe(1);

      mkdirSync(SHOTS, { recursive: true });
      await page.screenshot({ path: path.join(SHOTS, 'profile.png'), fullPage: true });

      // Withdraw it again: the rule is judged on the evidence once more.
      await row(page, 'STAFF-PEER-REVIEW').getByRole('button', { name: 'Withdraw exemption from Peer review' }).click();
      await row(page, 'STAFF-PEER-REVIEW').getByRole('button', { name: 'Yes, withdraw it' }).click();
      await expect.poll(() => row(page, 'STAFF-PEER-REVIEW').textContent()).toContain('Not met');

      // The dashboard lists the policy among what is due, linking to the exact tab.
      await nav(page, 'Dashboard');
      const due = page.getByRole('list', { name: 'Due in the next 60 days' });
      const samLine = due.locator('li[data-ref="RR-03"][data-rule="STAFF-INDEMNITY"]');
      await expect.poll(() => samLine.textContent()).toContain('11/01/2027');
      expect(await samLine.textContent()).toContain('Due soon');
      const link = samLine.getByRole('link', { name: 'Sam Okafor: Professional indemnity' });
      // The router writes the address in full (index.html#/…); the part after # is the page.
      expect(await link.evaluate((a) => (a as HTMLAnchorElement).hash)).toBe('#/staff/RR-03/indemnity');
      // Toni's policy (sample) lapses first; the list is soonest first.
      const firstLine = due.locator('li').first();
      expect(await firstLine.getAttribute('data-ref')).toBe('RR-02');
      // Matrix headers: short names, the rule id in the title and the accessible name.
      const th = page.getByRole('table', { name: 'Staff by rule' }).locator('th[data-rule="STAFF-INDEMNITY"]');
      expect(await th.textContent()).toBe('Indemnity');
      expect(await th.getAttribute('title')).toBe('Professional indemnity (STAFF-INDEMNITY)');
      await page.screenshot({ path: path.join(SHOTS, 'dashboard.png'), fullPage: true });

      // The matrix's cells are plain hrefs the router built (links.ts useLinkHrefs), to the same tab.
      const cell = page.getByRole('table', { name: 'Staff by rule' }).getByRole('link', { name: 'Sam Okafor, Professional indemnity: Due soon' });
      expect(await cell.evaluate((a) => (a as HTMLAnchorElement).hash)).toBe('#/staff/RR-03/indemnity');
      const cpdCell = page.getByRole('table', { name: 'Staff by rule' }).getByRole('link', { name: /^Toni Reyes, CPD/ });
      expect(await cpdCell.evaluate((a) => (a as HTMLAnchorElement).hash)).toBe('#/staff/RR-02/cpd');

      await link.click();
      await expect.poll(() => page.getByRole('tab', { name: /^Indemnity/ }).getAttribute('aria-selected')).toBe('true');
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Sam Okafor');

      // And a cell, followed by the keyboard, opens its person on the rule's tab.
      await nav(page, 'Dashboard');
      await cpdCell.focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => page.getByRole('tab', { name: /^CPD/ }).getAttribute('aria-selected')).toBe('true');
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Toni Reyes');
    } finally {
      await h.close();
    }
  });

  it('views a long scan a few pages at a time, and a page that is a JPEG 2000 image', async () => {
    const h = await riverside();
    const { page } = h;
    try {
      await page.evaluate(() => (location.hash = '#/staff/RR-02/indemnity'));
      const cardSel = 'article[aria-label="CSP: £5,000,000 cover"]';
      const card = page.locator(cardSel);
      await expect.poll(() => card.count()).toBe(1);
      const long = textPdf(Array.from({ length: 40 }, (_, i) => `Scanned page ${i + 1}`));
      await dropFiles(page, cardSel, [
        { name: 'long-scan.pdf', type: 'application/pdf', base64: long.toString('base64') },
        { name: 'jpx-scan.pdf', type: 'application/pdf', base64: jpxPdf().toString('base64') },
      ]);
      await expect.poll(() => card.locator('.files li').count()).toBe(2);

      await card.getByRole('button', { name: 'View long-scan.pdf' }).click();
      const viewer = page.getByRole('dialog', { name: 'long-scan.pdf' });
      await expect.poll(() => viewer.getByText('40 pages', { exact: true }).count()).toBe(1);
      expect(await viewer.getByRole('img').count()).toBe(40);
      const pageNo = (n: number) => viewer.getByRole('img', { name: `Page ${n} of 40 of long-scan.pdf` });
      const drawn = () => viewer.locator('canvas[data-state="drawn"]').count();
      await expect.poll(async () => (await inkOf(pageNo(1))).inked).toBeGreaterThan(0.05);
      // Only the pages in or near view are drawn; the rest hold no pixels.
      expect(await drawn()).toBeLessThanOrEqual(4);
      expect((await inkOf(pageNo(40))).width).toBe(0);
      await pageNo(40).scrollIntoViewIfNeeded();
      await expect.poll(async () => (await inkOf(pageNo(40))).inked).toBeGreaterThan(0.05);
      expect(await textInk(pageNo(40))).toBeGreaterThan(0.01);
      // ...and pages scrolled far away give their pixels back.
      await expect.poll(async () => (await inkOf(pageNo(1))).width).toBe(0);
      expect(await drawn()).toBeLessThanOrEqual(4);
      await page.keyboard.press('Escape');
      await expect.poll(() => page.getByRole('dialog').count()).toBe(0);

      // JPEG 2000 is decoded without WebAssembly (the CSP has no 'wasm-unsafe-eval'): left red, right blue.
      await card.getByRole('button', { name: 'View jpx-scan.pdf' }).click();
      const jpx = page.getByRole('dialog', { name: 'jpx-scan.pdf' });
      await expect.poll(() => jpx.getByText('1 page', { exact: true }).count()).toBe(1);
      const scan = jpx.getByRole('img', { name: 'Page 1 of 1 of jpx-scan.pdf' });
      await expect.poll(async () => (await inkOf(scan)).at(0.25, 0.5)).toEqual([expect.closeTo(200, -1.5), expect.closeTo(30, -1.5), expect.closeTo(30, -1.5)]);
      expect((await inkOf(scan)).at(0.75, 0.5)).toEqual([expect.closeTo(30, -1.5), expect.closeTo(60, -1.5), expect.closeTo(200, -1.5)]);
      await page.keyboard.press('Escape');
      await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    } finally {
      await h.close();
    }
  });

  it('edits and deletes records on other tabs, with peer review areas as checkboxes and a typed training kind', async () => {
    const h = await riverside();
    const { page } = h;
    try {
      await page.evaluate(() => (location.hash = '#/staff/RR-03/peer-reviews'));
      await page.getByRole('button', { name: 'Add a peer review' }).click();
      const form = page.getByRole('form', { name: 'Add a peer review' });
      await form.getByLabel('Date').fill('01/10/2026');
      await form.getByLabel('Reviewer').fill('Kim Byrne');
      await form.getByLabel('Cases reviewed').fill('2.5');
      await expect.poll(() => form.getByText('Cases reviewed must be a whole number').count()).toBe(1);
      await form.getByLabel('Cases reviewed').fill('3');
      await form.getByLabel('Decision making').check();
      await form.getByLabel('Goal setting').check();
      await form.getByRole('button', { name: 'Add a peer review' }).click();
      const card = page.getByRole('article', { name: 'Peer review by Kim Byrne' });
      await expect.poll(() => card.textContent()).toContain('Decision making, Goal setting');
      await expect.poll(() => row(page, 'STAFF-PEER-REVIEW').textContent()).toContain('Met');

      await card.getByRole('button', { name: 'Edit Peer review by Kim Byrne' }).click();
      const edit = page.getByRole('form', { name: 'Edit Peer review by Kim Byrne' });
      expect(await edit.getByLabel('Date').inputValue()).toBe('01/10/2026');
      expect(await edit.getByLabel('Decision making').isChecked()).toBe(true);
      await edit.getByLabel('Interventions').check();
      await edit.getByRole('button', { name: 'Save changes' }).click();
      await expect.poll(() => card.textContent()).toContain('Decision making, Goal setting, Interventions');

      await page.getByRole('tab', { name: /^Training/ }).click();
      await page.getByRole('button', { name: 'Add a training course' }).click();
      const t = page.getByRole('form', { name: 'Add a training course' });
      await t.getByLabel('Training', { exact: true }).selectOption('__other');
      await t.getByLabel('Kind of training').fill('Moving and handling');
      await t.getByLabel('Completed on').fill('2026-03-01');
      await t.getByRole('button', { name: 'Add a training course' }).click();
      await expect.poll(() => page.getByRole('article', { name: 'Moving and handling' }).count()).toBe(1);
      await page.getByRole('button', { name: 'Add a training course' }).click();
      await t.getByLabel('Training', { exact: true }).selectOption('safeguarding');
      await t.getByLabel('Completed on').fill('01/09/2025');
      await t.getByLabel('Provider').fill('NSPCC');
      await t.getByRole('button', { name: 'Add a training course' }).click();
      await expect.poll(() => row(page, 'STAFF-TRAINING-SAFEGUARDING').textContent()).toContain('Met');

      const mh = page.getByRole('article', { name: 'Moving and handling' });
      await mh.getByRole('button', { name: 'Delete Moving and handling' }).click();
      await mh.getByRole('button', { name: /^Yes, delete it/ }).click();
      await expect.poll(() => page.getByRole('article', { name: 'Moving and handling' }).count()).toBe(0);

      // Keyboard: arrow keys move between tabs.
      await page.getByRole('tab', { name: /^Training/ }).focus();
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => page.evaluate(() => location.hash)).toBe('#/staff/RR-03/peer-reviews');
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('tab-peer-reviews');
    } finally {
      await h.close();
    }
  });

  it('policies: add, review and attach; the self checklist answers from the records and links to the fix; due dates export to a calendar', async () => {
    const h = await riverside();
    const { page } = h;
    try {
      await nav(page, 'Settings');
      await page.getByRole('link', { name: 'Organisation policies' }).click();
      const wb = page.locator('section[data-rule="ORG-POLICY-WHISTLEBLOWING"]');
      await expect.poll(() => wb.textContent()).toContain('Not met');
      await wb.getByRole('button', { name: 'Add a whistleblowing policy' }).click();
      await wb.getByLabel('Title').fill('Speaking up at Riverside');
      await wb.getByLabel('Last reviewed on').fill('02/09/2026');
      await wb.getByRole('button', { name: 'Add a whistleblowing policy' }).click();
      await expect.poll(() => wb.locator('.status').first().textContent()).toContain('Met');
      expect(await wb.textContent()).toContain('lapses on 02/09/2027');
      const pdf = path.join(h.dir, 'speaking-up.pdf');
      writeFileSync(pdf, PDF);
      h.platform.dialogAnswers.push(pdf);
      await wb.getByRole('button', { name: 'Attach file…' }).click();
      await expect.poll(() => wb.locator('.files').textContent()).toContain('speaking-up.pdf');

      // Complaints (sample: reviewed 2024) is not met until a review is recorded.
      const complaints = page.locator('section[data-rule="ORG-POLICY-COMPLAINTS"]');
      await expect.poll(() => complaints.locator('.status').first().textContent()).toContain('Not met');
      await complaints.getByRole('button', { name: 'Record a review of Complaints' }).click();
      const review = complaints.getByRole('group', { name: 'Review of Complaints' });
      expect(await review.getByLabel('Reviewed on').inputValue()).toBe('24/11/2026');
      await review.getByLabel('Reviewed on').fill('01/12/2026');
      await review.getByRole('button', { name: 'Save review' }).click();
      await expect.poll(() => review.getByText('Reviewed on must not be in the future').count()).toBe(1);
      await review.getByLabel('Reviewed on').fill('20/11/2026');
      await review.getByRole('button', { name: 'Save review' }).click();
      await expect.poll(() => complaints.locator('.status').first().textContent()).toContain('Met');
      expect(await complaints.textContent()).toContain('20/11/2026');

      // The self checklist for Toni Reyes (sole practitioner, indemnity lapsing 16/12/2026).
      await nav(page, 'Self checklist');
      await page.getByLabel('Whose records').selectOption('RR-02');
      await expect.poll(() => page.evaluate(() => location.hash)).toBe('#/checklist/RR-02');
      const list = page.getByRole('list', { name: 'Self checklist for Toni Reyes' });
      // ten questions and, with rules v2, whether the current whistleblowing and lone-working policies were acknowledged
      await expect.poll(() => list.locator('li.answer').count()).toBe(11);
      const pi = list.locator('li[data-question="indemnity"]');
      expect(await pi.textContent()).toContain('Due soon');
      expect(await list.locator('li[data-question="dbs"]').textContent()).toContain('Not yet');
      expect(await list.locator('li[data-question="handover"]').textContent()).toContain('Yes');
      expect(await list.locator('li[data-question="consent"]').textContent()).toContain('Does not apply');
      await pi.getByRole('link', { name: 'Fix this: Professional indemnity' }).click();
      await expect.poll(() => page.evaluate(() => location.hash)).toBe('#/staff/RR-02/indemnity');
      await expect.poll(() => page.getByRole('tab', { name: /^Indemnity/ }).getAttribute('aria-selected')).toBe('true');

      // Export the due dates from the dashboard.
      await nav(page, 'Dashboard');
      const ics = path.join(h.dir, 'due.ics');
      h.platform.dialogAnswers.push(ics);
      await page.getByRole('button', { name: 'Export due dates to calendar…' }).click();
      await expect
        .poll(() =>
          page
            .getByRole('status')
            .filter({ hasText: /^Saved \d+ due dates to / })
            .count(),
        )
        .toBe(1);
      const text = readFileSync(ics, 'utf8');
      expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
      expect(text).toContain('UID:staff-RR-02-STAFF-INDEMNITY@');
      expect(text).toContain('DTSTART;VALUE=DATE:20261216');
    } finally {
      await h.close();
    }
  });

  it('reminds on unlock about what lapses in the next 30 days', async () => {
    const h = await riverside();
    const { page } = h;
    try {
      startReminders(h.session, h.platform);
      await page.getByRole('button', { name: 'Lock' }).click();
      await page.getByLabel('Passphrase', { exact: true }).fill(PASS);
      await page.getByRole('button', { name: 'Unlock' }).click();
      await expect.poll(() => h.platform.notifications.length, { timeout: 10_000 }).toBe(1);
      expect(h.platform.notifications[0].title).toBe('1 item lapses in the next 30 days');
      expect(h.platform.notifications[0].body).toContain('Toni Reyes, STAFF-INDEMNITY on 16/12/2026');
    } finally {
      await h.close();
    }
  });
});
