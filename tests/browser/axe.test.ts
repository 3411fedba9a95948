// Accessibility, checked by axe-core in the real UI (Chromium over the real registry and an
// encrypted vault holding the sample firm): every page in router.tsx, the vault gate, the set-up
// and import pages, the inline forms and every dialog. WCAG 2.0, 2.1 and 2.2 A and AA: any
// violation fails the test, listed with its rule, where it is and what it asks for.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { POLICY_KINDS } from '../../electron/contract/model';
import { createCase } from '../../electron/services/cases/cases';
import { createSupplier } from '../../electron/services/suppliers/suppliers';
import { attachEvidence } from '../../electron/services/evidence/evidence';
import { addRecord } from '../../electron/services/evidence/records';
import { importFirmFile } from '../../electron/services/interchange/importFirmFile';
import { STAFF_TABS } from '../../renderer/src/links';
import { closeBrowser, startHarness, type Harness } from '../support/harness';
import { sampleFirm } from '../support/vaults';
import { textPdf } from '../support/pdf';

const PASS = 'kettle orchard lantern 42';
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const AXE = readFileSync(path.resolve(__dirname, '../../node_modules/axe-core/axe.min.js'), 'utf8');

afterAll(closeBrowser);

interface Found {
  where: string;
  rule: string;
  impact: string;
  target: string;
  help: string;
}

/** Runs axe over the whole document as it is now; returns one line per node that fails. */
async function axe(page: Page, where: string): Promise<Found[]> {
  // Evaluated over the DevTools protocol, so the page's CSP (script-src 'self') does not refuse it.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  const violations = await page.evaluate(async (tags) => {
    const a = (window as unknown as { axe: typeof import('axe-core') }).axe;
    const r = await a.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return r.violations.flatMap((v) => v.nodes.map((n) => ({ rule: v.id, impact: v.impact ?? '', target: n.target.join(' '), help: v.help })));
  }, TAGS);
  return violations.map((v) => ({ where, ...v }));
}

const report = (found: Found[]) => found.map((f) => `${f.where}: ${f.rule} (${f.impact}) at ${f.target}: ${f.help}`).join('\n');

/** Waits until the page has drawn its heading and nothing says it is still loading. */
async function settled(page: Page): Promise<void> {
  await page.locator('h1').first().waitFor();
  await expect.poll(() => page.locator('[aria-busy="true"]').count()).toBe(0);
}

async function visit(h: Harness, route: string): Promise<Found[]> {
  await h.page.goto(`${h.url}#${route}`);
  await settled(h.page);
  return axe(h.page, route);
}

/** An open vault with the sample firm, a file on an indemnity record (for the viewer). */
async function seeded(): Promise<{ h: Harness; staff: string; supplier: string; caseRef: string }> {
  const h = await startHarness({ today: '2026-11-24' });
  h.session.create(path.join(h.dir, 'firm.cpv'), PASS, false);
  const ctx = h.session.ctx();
  const firm = sampleFirm();
  importFirmFile(ctx, firm);
  const staff: string = firm.staff[0].ref;
  const rec = addRecord(ctx, { type: 'staff', ref: staff }, 'indemnity', {
    heldBy: 'self',
    insurer: 'Howden',
    coverGBP: 5_000_000,
    startsOn: '2026-04-01',
    expiresOn: '2027-03-31',
  });
  attachEvidence(ctx, rec.id, { name: 'schedule.png', bytes: readFileSync(path.resolve(__dirname, '../../docs/images/dashboard.png')) });
  // A PDF on a DBS check (drawn by pdf.js in the viewer), and a rejected supplier (the override dialog).
  const dbs = addRecord(ctx, { type: 'staff', ref: staff }, 'dbs', { level: 'enhanced', issuedOn: '2026-01-10' });
  attachEvidence(ctx, dbs.id, { name: 'certificate.pdf', bytes: textPdf(['Enhanced certificate', 'No information recorded']) });
  createSupplier(ctx, { ref: 'SUP-NO', name: 'Quick Fix Therapy', kind: 'organisation', services: ['psychology'] });
  addRecord(ctx, { type: 'supplier', ref: 'SUP-NO' }, 'decision', { decision: 'rejected', by: 'Kim Byrne', on: '2026-02-01', note: 'no indemnity' });
  // A closed case, for the delete dialog.
  createCase(ctx, {
    ref: 'RC-OLD',
    caseManager: staff,
    instructingParty: { name: 'Fenwick Law', kind: 'solicitor' },
    status: 'closed',
    openedOn: '2019-01-07',
    closedOn: '2019-12-20',
    closedReason: 'goals achieved',
  });
  await h.reload();
  return { h, staff, supplier: firm.suppliers[0].ref, caseRef: firm.cases[0].ref };
}

describe('axe-core finds no WCAG 2.2 AA violation', () => {
  it('on the vault gate, the set-up after it and an import preview', async () => {
    const h = await startHarness({ today: '2026-11-24' });
    const { page } = h;
    const found: Found[] = [];
    try {
      await page.getByRole('tab', { name: 'Create a new vault' }).waitFor();
      found.push(...(await axe(page, 'vault gate (first tab)')));
      for (const tab of await page.getByRole('tab').all()) {
        const name = (await tab.textContent()) ?? '';
        await tab.click();
        found.push(...(await axe(page, `vault gate: ${name}`)));
      }
      // The messages a wrong entry brings.
      await page.getByRole('tab', { name: 'Create a new vault' }).click();
      await page.getByRole('button', { name: 'Create vault' }).click();
      found.push(...(await axe(page, 'vault gate: create with nothing typed')));

      // The set-up after creating the vault, each of its steps, "I work alone" and the offer at the end.
      await page.getByLabel('Passphrase', { exact: true }).fill(PASS);
      await page.getByLabel('Passphrase again').fill(PASS);
      await page.getByRole('button', { name: 'Create vault' }).click();
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Set up Caseproof');
      await page.getByRole('button', { name: 'Next' }).click();
      found.push(...(await axe(page, 'set-up step 1 with its message')));
      await page.getByLabel('Your name').fill('Jane Smith');
      await page.getByRole('button', { name: 'Next' }).click();
      await page.getByLabel('I work alone').waitFor();
      found.push(...(await axe(page, 'set-up step 2')));
      await page.getByLabel('I work alone').check();
      found.push(...(await axe(page, 'set-up step 2, I work alone')));
      await page.getByRole('button', { name: 'Next' }).click();
      await page.getByRole('button', { name: 'Save and continue' }).waitFor();
      found.push(...(await axe(page, 'set-up step 3')));
      await page.getByRole('button', { name: 'Save and continue' }).click();
      await page.getByText('Set-up saved.').waitFor();
      found.push(...(await axe(page, 'set-up step 4')));

      // An import's preview with a refused row.
      const sheet = path.join(h.dir, 'cpd.csv');
      writeFileSync(sheet, 'staffRef,date,topic,provider,hours\nJS-01,14/05/2026,Goal setting,CMSUK,2\nJS-01,31/13/2026,Spinal pathways,UKABIF,3\n');
      await page.goto(`${h.url}#/import/spreadsheet`);
      await page.getByLabel('What the spreadsheet holds').selectOption('cpd');
      h.platform.dialogAnswers.push(sheet);
      await page.getByRole('button', { name: 'Choose the file…' }).click();
      await page.getByRole('table', { name: 'Refused' }).waitFor();
      found.push(...(await axe(page, 'import preview with a refused row')));
    } finally {
      await h.close();
    }
    expect(found.length, report(found)).toBe(0);
  });

  it('on every page of the router, with the sample firm', async () => {
    const { h, staff, supplier, caseRef } = await seeded();
    const found: Found[] = [];
    try {
      const routes = [
        '/dashboard',
        '/staff',
        ...STAFF_TABS.map(([t]) => `/staff/${staff}/${t}`),
        '/checklist',
        `/checklist/${staff}`,
        '/policies',
        ...POLICY_KINDS.map((k) => `/policies/${k}`),
        '/suppliers',
        `/suppliers/${supplier}`,
        `/suppliers/${supplier}/checklist`,
        '/cases',
        `/cases/${caseRef}`,
        '/caseload',
        `/caseload/${staff}`,
        '/parties',
        '/retention',
        '/packs',
        '/reports',
        '/import',
        '/import/spreadsheet',
        '/import/firm-file',
        '/import/passport',
        '/audit',
        '/settings',
        '/setup',
        '/todo',
        '/no-such-page',
        '/staff/NOPE',
      ];
      for (const r of routes) found.push(...(await visit(h, r)));
    } finally {
      await h.close();
    }
    expect(found.length, report(found)).toBe(0);
  });

  it('on the inline forms and every dialog', async () => {
    const { h, staff, supplier, caseRef } = await seeded();
    const { page } = h;
    const found: Found[] = [];
    const check = async (where: string) => found.push(...(await axe(page, where)));
    try {
      // Each evidence tab's "Add …" form, opened, then submitted empty (its messages shown).
      for (const [t] of STAFF_TABS) {
        await visit(h, `/staff/${staff}/${t}`);
        const add = page
          .getByRole('tabpanel')
          .getByRole('button', { name: /^Add|^Edit details/ })
          .first();
        await add.click();
        await page.getByRole('tabpanel').locator('form').first().waitFor();
        await check(`/staff/${staff}/${t}: form`);
        await page.getByRole('tabpanel').locator('form button[type="submit"]').first().click();
        await check(`/staff/${staff}/${t}: form with its messages`);
      }
      // The evidence viewer and the exemption dialog.
      await visit(h, `/staff/${staff}/indemnity`);
      await page.getByRole('button', { name: /^View/ }).first().click();
      await page.getByRole('dialog').waitFor();
      await check('evidence viewer dialog');
      await page.getByRole('dialog').getByRole('button', { name: 'Close', exact: true }).click();
      await visit(h, `/staff/${staff}/dbs`);
      await page.getByRole('button', { name: /^View/ }).first().click();
      await page.getByRole('dialog').locator('canvas').first().waitFor();
      await check('PDF viewer dialog');
      await page.keyboard.press('Escape');
      await visit(h, `/staff/${staff}`);
      await page
        .getByRole('button', { name: /^Grant exemption/ })
        .first()
        .click();
      await page.getByRole('dialog').waitFor();
      await check('exemption dialog');
      await page.keyboard.press('Escape');

      await visit(h, '/suppliers');
      await page.getByRole('button', { name: 'Add supplier' }).click();
      await page.locator('main form').first().waitFor();
      await check('/suppliers: add supplier form');

      await visit(h, `/suppliers/${supplier}`);
      await check(`/suppliers/${supplier}`);

      // The case dialogs: close, hand over and delete.
      for (const [ref, opener] of [
        [caseRef, /^Close case/],
        [caseRef, /^Hand over/],
        ['RC-OLD', /^Delete case/],
      ] as const) {
        await visit(h, `/cases/${ref}`);
        const button = page.getByRole('button', { name: opener }).first();
        if ((await button.count()) === 0) throw new Error(`No button ${opener} on the case page`);
        await button.click();
        await page.getByRole('dialog').waitFor();
        await check(`case dialog ${opener}`);
        await page.keyboard.press('Escape');
      }
      // Instructing a supplier who was not approved asks for a reason first.
      await visit(h, `/cases/${caseRef}`);
      const instruct = page.getByRole('form', { name: 'Instruct a supplier' });
      await instruct.getByLabel('Supplier').selectOption({ label: 'Quick Fix Therapy' });
      await instruct.getByLabel('Instructed on').fill('02/06/2026');
      await instruct.getByRole('button', { name: 'Instruct supplier' }).click();
      const prompt = page.getByRole('dialog', { name: 'This supplier was not approved on that date' });
      await prompt.waitFor();
      await prompt.getByRole('button', { name: 'Instruct anyway and record the override' }).click();
      await prompt.getByText(/Reason for the override is required/).waitFor();
      await check('override dialog with its message');
      await page.keyboard.press('Escape');
    } finally {
      await h.close();
    }
    expect(found.length, report(found)).toBe(0);
  });
});
