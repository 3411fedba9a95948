// Evidence in, through the real UI in Chromium over real vaults: the first run after creating
// a vault (sole practitioner), a spreadsheet with one bad row previewed, fixed and imported,
// and an evidence passport exported from one vault and accepted into another with its
// preview checked.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeBrowser, nav, startHarness } from '../support/harness';
import { importFirmFile } from '../../electron/services/interchange/importFirmFile';
import { loadSnapshot, loadStaffSnapshot } from '../../electron/services/snapshot';
import { sampleFirm } from '../support/vaults';
import { filesContaining } from '../support/tmp';

const PASS = 'kettle orchard lantern 42';
afterAll(closeBrowser);

async function createVault(page: import('playwright-core').Page) {
  await page.getByRole('tab', { name: 'Create a new vault' }).click();
  await page.getByLabel('Passphrase', { exact: true }).fill(PASS);
  await page.getByLabel('Passphrase again').fill(PASS);
  await page.getByRole('button', { name: 'Create vault' }).click();
}

describe('evidence in, in the browser', () => {
  it('first run: a sole practitioner says who they are, works alone, keeps the rule defaults and is offered imports', async () => {
    const h = await startHarness({ today: '2026-11-24' });
    const { page } = h;
    try {
      await createVault(page);
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Set up Caseproof');
      // Not pre-filled with the computer's user name.
      await expect.poll(() => page.getByLabel('Your name').inputValue()).toBe('');
      await page.getByRole('button', { name: 'Next' }).click();
      await expect.poll(() => page.getByText('Your name is required').count()).toBe(1);
      await page.getByLabel('Your name').fill('Jane Smith');
      await page.getByLabel('Your role').fill('Case manager');
      await page.getByRole('button', { name: 'Next' }).click();

      await expect.poll(() => page.getByRole('heading', { level: 2 }).first().textContent()).toBe('Step 2 of 4: Your firm');
      await page.getByLabel('I work alone').check();
      await expect.poll(() => page.getByLabel('Your reference').inputValue()).toBe('JS-01');
      await page.getByLabel('Your profession').fill('Occupational therapist');
      await page.getByLabel('Address').fill('1 High Street, Leeds');
      await page.getByLabel('I have signed the MTSP code of conduct').check();
      await page.getByRole('button', { name: 'Next' }).click();

      await expect.poll(() => page.getByLabel('Warning window (days)').inputValue()).toBe('60');
      await expect.poll(() => page.getByText(/The MTSP code asks for a manageable caseload.*Usually 8/).count()).toBe(1);
      await page.getByLabel('Warning window (days)').fill('45');
      await page.getByRole('button', { name: 'Save and continue' }).click();

      await expect.poll(() => page.getByText('Set-up saved.').count()).toBe(1);
      await expect.poll(() => page.getByRole('link', { name: 'Import a spreadsheet' }).count()).toBe(1);
      await expect.poll(() => page.getByRole('link', { name: 'Import an evidence passport' }).count()).toBe(1);
      const ctx = h.session.ctx();
      const snap = loadSnapshot(ctx);
      expect(snap.firm).toMatchObject({ name: 'Jane Smith', address: '1 High Street, Leeds', codeOfConductSignatory: true });
      expect(snap.firm.settings.warningDays).toBe(45);
      expect(snap.staff.map((s) => [s.ref, s.name, s.role, s.profession, s.solePractitioner, s.employment])).toEqual([
        ['JS-01', 'Jane Smith', 'Case manager', 'Occupational therapist', true, 'self-employed'],
      ]);
      expect(h.platform.userName()).toBe('Jane Smith');

      await page.getByRole('link', { name: 'Add your evidence' }).click();
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Jane Smith');
      await nav(page, 'Settings');
      await expect.poll(() => page.getByLabel('Your name').inputValue()).toBe('Jane Smith');
    } finally {
      await h.close();
    }
  });

  it('a spreadsheet with one bad row: previewed (row, column, value), fixed, checked again and imported', async () => {
    const h = await startHarness({ today: '2026-11-24' });
    const { page } = h;
    try {
      await createVault(page);
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Set up Caseproof');
      const ctx = h.session.ctx();
      importFirmFile(ctx, sampleFirm());
      await nav(page, 'Import');
      await page.getByLabel('What the spreadsheet holds').selectOption('cpd');
      await expect.poll(() => page.getByText(/staffRef\*, date\*, topic\*, provider\*, hours/).count()).toBe(1);

      // A template to fill in, saved where the person chooses.
      const template = path.join(h.dir, 'cpd-template.csv');
      h.platform.dialogAnswers.push(template);
      await page.getByRole('button', { name: 'Download a CSV template' }).click();
      await expect.poll(() => page.getByText(`Saved the template to ${template}.`).count()).toBe(1);

      const sheet = path.join(h.dir, 'cpd.csv');
      writeFileSync(sheet, 'staffRef,date,topic,provider,hours\nRR-01,14/05/2026,Goal setting,CMSUK,2\nRR-01,31/13/2026,Spinal pathways,UKABIF,3\n');
      h.platform.dialogAnswers.push(sheet);
      await page.getByRole('button', { name: 'Choose the file…' }).click();
      const refused = page.getByRole('table', { name: 'Refused' });
      await expect.poll(() => refused.getByRole('row').count()).toBe(2);
      expect(await refused.getByRole('row').nth(1).textContent()).toBe(
        '3date“31/13/2026”is not a real date: write it as dd/mm/yyyy (for example 31/12/2026) or yyyy-mm-dd',
      );
      await expect.poll(() => page.getByRole('button', { name: 'Import', exact: true }).isDisabled()).toBe(true);
      expect(loadStaffSnapshot(ctx, 'RR-01').cpd.map((c) => c.topic)).not.toContain('Goal setting');

      // The person fixes the sheet where it is and checks again.
      writeFileSync(sheet, 'staffRef,date,topic,provider,hours\nRR-01,14/05/2026,Goal setting,CMSUK,2\nRR-01,31/10/2026,Spinal pathways,UKABIF,3\n');
      await page.getByRole('button', { name: 'Check the file again' }).click();
      await expect.poll(() => page.getByRole('table', { name: 'Refused' }).count()).toBe(0);
      const records = page.getByRole('list', { name: /Records of Staff RR-01/ });
      await expect.poll(() => records.textContent()).toContain('Add: CPD: 14/05/2026, Goal setting, CMSUK (row 2)');
      await expect.poll(() => records.textContent()).toContain('Add: CPD: 31/10/2026, Spinal pathways, UKABIF (row 3)');
      await expect.poll(() => page.getByRole('status').first().textContent()).toContain('Nothing has been imported yet: 2 to add');
      await page.getByRole('button', { name: 'Import', exact: true }).click();
      await expect.poll(() => page.getByText(/Imported cpd\.csv: 0 staff, 0 suppliers, 0 cases, 2 records/).count()).toBe(1);
      expect(
        loadStaffSnapshot(ctx, 'RR-01')
          .cpd.filter((c) => ['Goal setting', 'Spinal pathways'].includes(c.topic))
          .map((c) => c.date),
      ).toEqual(['2026-05-14', '2026-10-31']);
    } finally {
      await h.close();
    }
  });

  it('an evidence passport from one vault is accepted into another, its preview checked; nothing else changes', async () => {
    const a = await startHarness({ today: '2026-11-24' });
    const passport = path.join(a.dir, 'rr01.passport');
    try {
      await createVault(a.page);
      await expect.poll(() => a.page.getByRole('heading', { level: 1 }).textContent()).toBe('Set up Caseproof');
      importFirmFile(a.session.ctx(), sampleFirm());
      await nav(a.page, 'Staff');
      const who = sampleFirm().staff[0] as { ref: string; name: string };
      await a.page.getByRole('link', { name: who.name }).click();
      await a.page.getByRole('button', { name: 'Export evidence passport…' }).click();
      await a.page.getByLabel('Passphrase for the passport').fill('a passport passphrase');
      await a.page.getByLabel('Passphrase again').fill('a passport passphrase');
      a.platform.dialogAnswers.push(passport);
      await a.page.getByRole('button', { name: 'Save the passport…' }).click();
      await expect.poll(() => a.page.getByText(`Saved the passport to ${passport}.`, { exact: false }).count()).toBe(1);
      expect(filesContaining(a.dir, who.name)).toEqual([]);
    } finally {
      await a.close();
    }

    const b = await startHarness({ today: '2026-11-24' });
    const { page } = b;
    try {
      await createVault(page);
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Set up Caseproof');
      const ctx = b.session.ctx();
      const firm = sampleFirm();
      const who = firm.staff[0] as { ref: string; name: string };
      firm.staff = firm.staff.slice(1); // this firm does not have the person yet
      firm.cases = [];
      importFirmFile(ctx, firm);
      const before = loadSnapshot(ctx);

      await nav(page, 'Import');
      await page.getByLabel('An evidence passport from a case manager').check();
      b.platform.dialogAnswers.push(passport);
      await page.getByRole('button', { name: 'Choose the file…' }).click();
      await page.getByLabel('The passport’s passphrase').fill('not the passphrase');
      await page.getByRole('button', { name: 'Open the passport' }).click();
      await expect.poll(() => page.getByText(/The passport’s passphrase is wrong/).count()).toBe(1);
      await page.getByLabel('The passport’s passphrase').fill('a passport passphrase');
      await page.getByRole('button', { name: 'Open the passport' }).click();

      const person = page.getByRole('article', { name: new RegExp(`Staff ${who.ref}`) });
      await expect.poll(() => person.getByRole('heading').textContent()).toBe(`Staff ${who.ref} ${who.name}: new`);
      await expect.poll(() => page.getByText(new RegExp(`Evidence passport of ${who.name} \\(${who.ref}\\) from Riverside`)).count()).toBe(1);
      const listed = await person.getByRole('listitem').allTextContents();
      expect(listed.length).toBeGreaterThan(2);
      expect(listed.every((l) => l.startsWith('Add: '))).toBe(true);
      expect(listed.some((l) => l.startsWith('Add: DBS check: '))).toBe(true);
      expect(loadSnapshot(ctx)).toEqual(before);

      await page.getByRole('button', { name: 'Accept the passport' }).click();
      await expect.poll(() => page.getByText(/Imported rr01\.passport: 1 staff/).count()).toBe(1);
      const after = loadSnapshot(ctx);
      const added = after.staff.find((s) => s.ref === who.ref)!;
      expect(added.name).toBe(who.name);
      const lists = [added.dbs, added.indemnity, added.registrations, added.cpd, added.training, added.peerReviews];
      expect(lists.reduce((n, l) => n + l.length, 0)).toBe(listed.length);
      expect(added.exemptions).toEqual([]); // a firm's exemptions do not travel in a passport
      expect(after.staff.filter((s) => s.ref !== who.ref)).toEqual(before.staff);
      expect(after.suppliers).toEqual(before.suppliers);
      expect(after.firm).toEqual(before.firm);
    } finally {
      await b.close();
    }
  });
});
