// Supplier vetting in the real UI (Chromium over the real registry and an encrypted vault):
// a practice manager adds a supplier, works through the vetting file attaching evidence
// (picker and drag-and-drop), views a file in the app, approves with a review date and sees
// Approved / Met in the list; rejects another and sees Not approved; filters the list, sets
// a per-service minimum indemnity, and opens the printable governance checklist.
import path from 'node:path';
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { closeBrowser, nav, startHarness } from '../support/harness';
import { createSupplier } from '../../electron/services/suppliers/suppliers';
import { makePng } from '../support/png';

const PASS = 'kettle orchard lantern 42';
const TODAY = '2026-11-24';
const SHOTS = path.resolve(__dirname, '../output/screens');
const PNG = Buffer.from(makePng(24, 16, [30, 110, 60]));
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

afterAll(closeBrowser);

/** Drops files onto an element, as a person dragging them from the desktop would. */
async function dropFiles(page: Page, target: Locator, files: { name: string; type: string; bytes: Buffer }[]) {
  const dataTransfer = await page.evaluateHandle(
    (list) => {
      const dt = new DataTransfer();
      for (const f of list) dt.items.add(new File([Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0))], f.name, { type: f.type }));
      return dt;
    },
    files.map((f) => ({ name: f.name, type: f.type, base64: f.bytes.toString('base64') })),
  );
  await target.dispatchEvent('dragenter', { dataTransfer });
  await target.dispatchEvent('dragover', { dataTransfer });
  await target.dispatchEvent('drop', { dataTransfer });
}

const section = (page: Page, key: string) => page.locator(`[data-section="${key}"]`);
const statusOf = (page: Page, key: string) => section(page, key).locator('.sv-section-head .status').textContent();

async function addRecord(page: Page, key: string, addLabel: string, fill: (form: Locator) => Promise<void>) {
  const sec = section(page, key);
  await sec.getByRole('button', { name: addLabel }).click();
  const form = sec.getByRole('form', { name: addLabel });
  await fill(form);
  await form.getByRole('button', { name: addLabel }).click();
  await expect.poll(() => form.count()).toBe(0);
}

describe('suppliers in the browser', () => {
  it('adds a supplier, completes its vetting file with evidence, approves it; rejects another; filters; checklist', async () => {
    const h = await startHarness({ today: TODAY });
    const { page } = h;
    const dir = h.dir;
    const pngPath = path.join(dir, 'pi-certificate.png');
    writeFileSync(pngPath, PNG);
    try {
      h.session.create(path.join(dir, 'firm.cpv'), PASS, false);
      await h.reload();
      await nav(page, 'Suppliers');
      await expect.poll(() => page.getByText('No suppliers yet.').count()).toBe(1);

      // ---- add a supplier ----
      await page.getByRole('button', { name: 'Add supplier' }).click();
      const add = page.getByRole('form', { name: 'Add a supplier' });
      await add.getByLabel('Name').fill('Moorside Physio');
      await add.getByLabel('Reference').fill('SUP 1');
      await expect.poll(() => add.getByText('Reference must be 1-40 letters').count()).toBe(1);
      await add.getByLabel('Reference').fill('SUP-1');
      await add.getByLabel('physiotherapy').check();
      await add.getByLabel('Another service').fill('hydrotherapy');
      await add.getByRole('button', { name: 'Add service' }).click();
      await expect.poll(() => add.getByLabel('hydrotherapy').isChecked()).toBe(true);
      await add.getByLabel('Contact').fill('Jo Hart, 01904 000000');
      await add.getByLabel('Works directly with clients').check();
      await add.getByRole('button', { name: 'Add supplier' }).click();
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Moorside Physio');
      await expect.poll(() => page.locator('[data-vetting]').first().textContent()).toContain('Not yet vetted');
      await expect.poll(() => statusOf(page, 'indemnity')).toContain('Not met');

      // ---- F(i) indemnity, with the certificate attached through the file picker ----
      await addRecord(page, 'indemnity', 'Add an indemnity policy', async (f) => {
        await f.getByLabel('Insurer').fill('Balens');
        await f.getByLabel('Cover (£)').fill('2000000');
        await f.getByLabel('Expires on').fill('30/09/2027');
      });
      await expect.poll(() => statusOf(page, 'indemnity')).toContain('Met');
      const pi = section(page, 'indemnity').getByRole('article', { name: 'Balens: £2,000,000 cover' });
      h.platform.dialogAnswers.push(pngPath);
      await pi.getByRole('button', { name: 'Attach file…' }).click();
      await expect.poll(() => pi.locator('.files').textContent()).toContain('pi-certificate.png');

      // ---- F(ii) qualification: a file dropped onto the record makes it met ----
      await addRecord(page, 'qualifications', 'Add a qualification or registration', async (f) => {
        await f.getByLabel('Professional body').fill('HCPC');
        await f.getByLabel('Registration or membership number').fill('PH12345');
      });
      await expect.poll(() => statusOf(page, 'qualifications')).toContain('Not met');
      await expect.poll(() => section(page, 'qualifications').locator('.sv-reason').textContent()).toContain('recorded without evidence');
      const qual = section(page, 'qualifications').getByRole('article', { name: 'HCPC PH12345' });
      await dropFiles(page, qual, [{ name: 'hcpc-register.pdf', type: 'application/pdf', bytes: PDF }]);
      await expect.poll(() => statusOf(page, 'qualifications')).toContain('Met');

      // ---- F(iii) CV dropped in: recorded as on file ----
      await expect.poll(() => statusOf(page, 'cv')).toContain('Not met');
      await dropFiles(page, section(page, 'cv').getByRole('article', { name: 'CV' }), [{ name: 'cv.pdf', type: 'application/pdf', bytes: PDF }]);
      await expect.poll(() => statusOf(page, 'cv')).toContain('Met');
      await expect.poll(() => section(page, 'cv').getByLabel('A CV or summary of experience is on file').isChecked()).toBe(true);

      // ---- F(iv) safeguarding date, with validation as typed ----
      const sg = section(page, 'safeguarding');
      await sg.getByLabel('Safeguarding training or certificate dated').fill('31/02/2025');
      await expect.poll(() => sg.getByText('must be a real date, written as dd/mm/yyyy').count()).toBe(1);
      await sg.getByLabel('Safeguarding training or certificate dated').fill('01/06/2025');
      await sg.getByRole('button', { name: 'Save safeguarding date' }).click();
      await expect.poll(() => statusOf(page, 'safeguarding')).toContain('Met');

      // ---- F(v) regulatory, F(vi) register check ----
      await addRecord(page, 'regulatory', 'Add a regulatory registration', async (f) => {
        await f.getByLabel('Scheme or regulator').fill('ICO');
        await f.getByLabel('Reference').fill('ZA123456');
      });
      await expect.poll(() => statusOf(page, 'regulatory')).toContain('Met');
      await addRecord(page, 'fitness', 'Add a register check', async (f) => {
        await f.getByLabel('Checked on').fill('01/10/2026');
        await f.getByLabel('Register checked').fill('HCPC register');
        await f.getByLabel('Result').selectOption('clear');
      });
      await expect.poll(() => statusOf(page, 'fitness')).toContain('Met');

      // ---- F(vii) coverage ----
      const cov = section(page, 'coverage');
      await cov.getByLabel('Service area').fill('York and North Yorkshire');
      await cov.getByLabel('Acceptance criteria').fill('Adults after brain or spinal injury; no acute wards');
      await cov.getByRole('button', { name: 'Save service coverage' }).click();
      await expect.poll(() => statusOf(page, 'coverage')).toContain('Met');

      // ---- DBS (works with clients), B (not alone), C (evidence base) ----
      await expect.poll(() => statusOf(page, 'dbs')).toContain('Not met');
      await addRecord(page, 'dbs', 'Add a DBS check', async (f) => {
        await f.getByLabel('Level').selectOption('enhanced');
        await f.getByLabel('Issued on').fill('01/03/2025');
      });
      await expect.poll(() => statusOf(page, 'dbs')).toContain('Met');
      await expect.poll(() => statusOf(page, 'sole')).toContain('Met');
      const eb = section(page, 'evidence-base');
      await eb.getByLabel('Guideline or treatment pathway followed').fill('NICE NG211');
      await eb.getByRole('button', { name: 'Save evidence base' }).click();
      await expect.poll(() => statusOf(page, 'evidence-base')).toContain('Met');

      // ---- view files inside the app: an image from a blob: URL, and a PDF ----
      await pi.getByRole('button', { name: 'View pi-certificate.png' }).click();
      const viewer = page.getByRole('dialog', { name: 'pi-certificate.png' });
      await expect.poll(() => viewer.locator('img').getAttribute('src')).toMatch(/^blob:/);
      await expect.poll(() => viewer.locator('img').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(24);
      await viewer.getByRole('button', { name: 'Close' }).click();
      await qual.getByRole('button', { name: 'View hcpc-register.pdf' }).click();
      // The PDF is drawn by pdf.js onto one canvas per page (the shared viewer; no frames).
      const pdfView = page.getByRole('dialog', { name: 'hcpc-register.pdf' });
      await expect.poll(() => pdfView.getByRole('img', { name: 'Page 1 of 1 of hcpc-register.pdf' }).getAttribute('data-state')).toBe('drawn');
      expect(await pdfView.locator('iframe').count()).toBe(0);
      await page.keyboard.press('Escape');
      await expect.poll(() => page.getByRole('dialog').count()).toBe(0);

      // ---- Governance A: the decision panel ----
      const dec = section(page, 'decision');
      await expect.poll(() => dec.getByLabel('Decided by').inputValue()).toBe('Pat Manager');
      await expect.poll(() => dec.getByLabel('Decided on').inputValue()).toBe('24/11/2026');
      await dec.getByRole('button', { name: 'Record decision' }).click();
      await expect.poll(() => dec.getByText('Next review is required for an approval').count()).toBe(1);
      await dec.getByLabel('Next review').fill('01/11/2026');
      await expect.poll(() => dec.getByText('Next review must be after the decision date').count()).toBe(1);
      await dec.getByRole('button', { name: 'In 12 months' }).click();
      await expect.poll(() => dec.getByLabel('Next review').inputValue()).toBe('24/11/2027');
      await dec.getByRole('button', { name: 'Record decision' }).click();
      await expect.poll(() => dec.getByRole('status').first().textContent()).toContain('Recorded: Approved on 24/11/2026, next review 24/11/2027');
      const history = dec.getByRole('table', { name: 'Vetting decisions for Moorside Physio' });
      await expect.poll(() => history.textContent()).toContain('Pat Manager');
      await expect.poll(() => statusOf(page, 'decision')).toContain('Met');
      await expect.poll(() => page.locator('.sv-badges').textContent()).toBe('Vetting: ✓ ApprovedEvidence: ✓ Met');
      for (const key of [
        'indemnity',
        'qualifications',
        'cv',
        'safeguarding',
        'regulatory',
        'fitness',
        'coverage',
        'dbs',
        'sole',
        'evidence-base',
        'decision',
      ]) {
        expect(await statusOf(page, key), key).toContain('Met');
      }
      mkdirSync(SHOTS, { recursive: true });
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: path.join(SHOTS, 'supplier.png'), fullPage: true });

      // ---- the list: Approved / Met with the review date ----
      await page.getByRole('link', { name: 'Suppliers' }).first().click();
      const table = page.getByRole('table', { name: 'Suppliers' });
      const row1 = table.locator('tr[data-ref="SUP-1"]');
      await expect.poll(() => row1.textContent()).toContain('Moorside Physio');
      await expect.poll(() => row1.locator('[data-vetting]').textContent()).toContain('Approved');
      await expect.poll(() => row1.locator('.status-met').last().textContent()).toContain('Met');
      await expect.poll(() => row1.textContent()).toContain('24/11/2027');

      // ---- a second supplier, rejected (a reason is required) ----
      await page.getByRole('button', { name: 'Add supplier' }).click();
      const add2 = page.getByRole('form', { name: 'Add a supplier' });
      await add2.getByLabel('Name').fill('Calder Care Agency');
      await add2.getByLabel('Reference').fill('SUP-2');
      await add2.getByLabel('support workers').check();
      await add2.getByRole('button', { name: 'Add supplier' }).click();
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Calder Care Agency');
      // Rules v2: "works directly with clients?" left unanswered is not met, never "no DBS needed"
      await expect.poll(() => section(page, 'dbs').locator('.sv-na').textContent()).toContain('Not recorded whether this supplier works directly with clients');
      await expect.poll(() => statusOf(page, 'dbs')).toContain('Not met');
      const dec2 = section(page, 'decision');
      await dec2.getByLabel('Reject').check();
      await expect.poll(() => dec2.getByLabel('Next review').count()).toBe(0);
      await dec2.getByRole('button', { name: 'Record decision' }).click();
      await expect.poll(() => dec2.getByText('Reason for not approving is required: say why the supplier was not approved').count()).toBe(1);
      await dec2.getByLabel('Reason for not approving').fill('No CQC registration for personal care');
      await dec2.getByRole('button', { name: 'Record decision' }).click();
      await expect.poll(() => page.locator('.sv-badges [data-vetting]').textContent()).toContain('Not approved');
      await nav(page, 'Suppliers');
      const row2 = table.locator('tr[data-ref="SUP-2"]');
      await expect.poll(() => row2.locator('[data-vetting]').textContent()).toContain('Not approved');
      await expect.poll(() => row2.locator('[data-vetting]').getAttribute('class')).toContain('status-not_met');

      // ---- filters ----
      await page.getByLabel('Status', { exact: true }).selectOption({ label: 'Not approved' });
      await expect.poll(() => table.locator('tbody tr').count()).toBe(1);
      await expect.poll(() => page.getByText('Showing 1 of 2 suppliers.').count()).toBe(1);
      await page.getByLabel('Status', { exact: true }).selectOption('');
      await page.getByLabel('Service', { exact: true }).selectOption('physiotherapy');
      await expect.poll(() => table.locator('tbody tr').allTextContents()).toEqual([expect.stringContaining('Moorside Physio')]);
      await page.getByLabel('Service', { exact: true }).selectOption('');
      await page.getByLabel('Search by name').fill('calder');
      await expect.poll(() => table.locator('tbody tr').allTextContents()).toEqual([expect.stringContaining('Calder Care Agency')]);
      await page.getByLabel('Search by name').fill('');

      // ---- per-service minimum: physiotherapy now needs £5m, so Moorside's £2m is not enough ----
      await page.getByText('Minimum indemnity by service').click();
      await page.getByLabel('Minimum indemnity for physiotherapy (£)').fill('5000000');
      await page.getByRole('button', { name: 'Save minimums' }).click();
      // The evidence no longer meets the firm's bar; the approval itself stands (nothing expired).
      await expect.poll(() => row1.locator('td').nth(3).textContent()).toContain('Not met');
      await expect.poll(() => row1.locator('[data-vetting]').textContent()).toContain('Approved');
      await row1.getByRole('link', { name: 'Moorside Physio' }).click();
      await expect.poll(() => section(page, 'indemnity').locator('.sv-reason').textContent()).toContain('below £5,000,000 for physiotherapy');

      // ---- the printable checklist ----
      await page.getByRole('link', { name: 'Printable governance checklist' }).click();
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Governance checklist: Moorside Physio');
      const cl = page.getByRole('table', { name: 'Governance checklist' });
      await expect.poll(() => cl.locator('tbody tr').count()).toBe(9);
      const dbsRow = cl.getByRole('row', { name: /DBS check/ });
      await expect.poll(() => dbsRow.textContent()).toContain('Enhanced certificate issued 01/03/2025');
      await expect.poll(() => dbsRow.locator('.status').textContent()).toContain('Met');
      await expect
        .poll(() =>
          cl
            .getByRole('row', { name: /insured/ })
            .locator('.status')
            .textContent(),
        )
        .toContain('Not met');
      await page.evaluate(() => {
        (window as unknown as { printed: number }).printed = 0;
        window.print = () => void ((window as unknown as { printed: number }).printed += 1);
      });
      await page.getByRole('button', { name: 'Print' }).click();
      expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('nav.sidebar').isVisible()).toBe(false);
      expect(await page.getByRole('button', { name: 'Print' }).isVisible()).toBe(false);
      await page.emulateMedia({ media: 'screen' });
      expect(await page.locator('nav.sidebar').isVisible()).toBe(true);
    } finally {
      await h.close();
    }
  });

  it('draws the first 100 suppliers of a long list, shows more from the keyboard, and searches them all', async () => {
    const h = await startHarness({ today: TODAY });
    const { page } = h;
    try {
      h.session.create(path.join(h.dir, 'firm.cpv'), PASS, false);
      const ctx = h.session.ctx();
      const name = (i: number) => `Provider ${String(i).padStart(3, '0')}`;
      for (let i = 1; i <= 230; i++) createSupplier(ctx, { ref: `SUP-${i}`, name: name(i), kind: 'organisation', services: ['physiotherapy'] });
      await h.reload();
      await nav(page, 'Suppliers');
      const table = page.getByRole('table', { name: 'Suppliers' });
      const rows = table.locator('tbody tr');
      await expect.poll(() => rows.count()).toBe(100);
      await expect.poll(() => page.getByText('230 suppliers.').count()).toBe(1);
      await expect.poll(() => page.getByText('Showing the first 100 of 230 suppliers').count()).toBe(1);
      // Keyboard: Enter on "Show 100 more" draws the next page and moves focus to its first row.
      await page.getByRole('button', { name: 'Show 100 more' }).focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => rows.count()).toBe(200);
      await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe(name(101));
      await page.getByRole('button', { name: 'Show all 230' }).click();
      await expect.poll(() => rows.count()).toBe(230);
      await expect.poll(() => page.getByRole('button', { name: /Show/ }).count()).toBe(0);
      // The search covers every supplier, not just those drawn; a new search starts from the first page.
      await nav(page, 'Dashboard');
      await nav(page, 'Suppliers');
      await expect.poll(() => rows.count()).toBe(100);
      await page.getByLabel('Search by name').fill('provider 22');
      await expect.poll(() => rows.allTextContents()).toEqual(Array.from({ length: 10 }, (_, i) => expect.stringContaining(name(220 + i))));
      await page.getByLabel('Search by name').fill('provider');
      await expect.poll(() => page.getByText('Showing the first 100 of 230 matches').count()).toBe(1);
      await rows
        .nth(0)
        .getByRole('link', { name: name(1) })
        .click();
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(name(1));
    } finally {
      await h.close();
    }
  });
});
