// Cases in the real UI (Chromium, the real registry, a real vault): add a case, tick the
// standard-practice checklist with dates, instruct an approved supplier, try a rejected one
// and complete the override prompt with a reason, close the case with a reason, hand a case
// over, and watch the case manager's caseload figures change. Then retention: delete a case
// past its retention period.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { createCase } from '../../electron/services/cases/cases';
import { addRecord } from '../../electron/services/evidence/records';
import { updateFirm } from '../../electron/services/firm/firm';
import { createStaff } from '../../electron/services/staff/staff';
import { createSupplier } from '../../electron/services/suppliers/suppliers';
import { closeBrowser, nav, startHarness, type Harness } from '../support/harness';
import { vetSupplier } from '../support/vetted';

const PASS = 'kettle orchard lantern 42';
const SHOTS = path.resolve(__dirname, '../output/screens');

afterAll(closeBrowser);

/** A harness with an open vault: two case managers, an approved and a rejected supplier, two cases. */
async function seeded(): Promise<Harness> {
  const h = await startHarness({ today: '2026-11-24' });
  h.session.create(path.join(h.dir, 'firm.cpv'), PASS, false);
  const ctx = h.session.ctx();
  updateFirm(ctx, { name: 'Riverside Rehab', codeOfConductSignatory: true });
  createStaff(ctx, { ref: 'CM-1', name: 'Alex Morgan', daysPerWeek: 3 });
  createStaff(ctx, { ref: 'CM-2', name: 'Sam Okafor', daysPerWeek: 4 });
  // Rules v2: vetted means approved with indemnity, fitness to practise and DBS not failing on the day.
  createSupplier(ctx, { ref: 'SUP-OK', name: 'Dales Physio', kind: 'organisation', services: ['physiotherapy'], worksWithClients: false });
  createSupplier(ctx, { ref: 'SUP-NO', name: 'Quick Fix Therapy', kind: 'organisation', services: ['psychology'] });
  vetSupplier(ctx, 'SUP-OK');
  addRecord(ctx, { type: 'supplier', ref: 'SUP-NO' }, 'decision', { decision: 'rejected', by: 'Kim Byrne', on: '2026-02-01', note: 'no indemnity' });
  const party = { name: 'Northern Insurance', kind: 'insurer' as const };
  createCase(ctx, {
    ref: 'RC-101',
    initials: 'AB',
    caseManager: 'CM-1',
    instructingParty: party,
    status: 'open-active',
    openedOn: '2026-01-05',
    injury: 'spinal',
  });
  createCase(ctx, {
    ref: 'RC-102',
    initials: 'CD',
    caseManager: 'CM-1',
    instructingParty: party,
    status: 'monitoring',
    openedOn: '2025-06-01',
    injury: 'brain',
  });
  createCase(ctx, {
    ref: 'OLD-9',
    caseManager: 'CM-2',
    instructingParty: party,
    status: 'closed',
    openedOn: '2017-01-01',
    closedOn: '2019-02-01',
    closedReason: 'settled',
  });
  await h.reload();
  return h;
}

const sentence = (page: Page) => page.getByLabel('Caseload sentence').textContent();
const ruleBeside = (page: Page, rule: string) => page.locator(`[data-rule="${rule}"]`).first().textContent();

describe('cases in the browser', () => {
  it('adds a case, ticks the checklist, instructs suppliers with an override, closes it, and the caseload follows', async () => {
    const h = await seeded();
    const { page } = h;
    try {
      // The case manager's caseload before.
      await nav(page, 'Cases');
      await page.getByRole('navigation', { name: 'Cases pages' }).getByRole('link', { name: 'Caseload' }).click();
      const managers = page.getByRole('table', { name: 'Caseload by case manager' });
      await expect.poll(() => managers.locator('tr[data-ref="CM-1"]').textContent()).toContain('Alex Morgan11'); // 1 open active, 1 monitoring
      await managers.getByRole('link', { name: 'Alex Morgan' }).click();
      await expect.poll(() => sentence(page)).toBe('1 open active, 1 monitoring, 3 days a week');

      // Add a case: reference and initials only, a new instructing party.
      await page.getByRole('navigation', { name: 'Cases pages' }).getByRole('link', { name: 'Case list' }).click();
      await page.getByRole('button', { name: 'Add a case' }).click();
      const form = page.getByRole('form', { name: 'Add a case' });
      await expect.poll(() => form.textContent()).toContain("Do not enter the client's name, date of birth or address");
      await form.getByLabel('Case reference').fill('RC-200');
      await form.getByLabel('Client initials').fill('Jane Doe');
      await expect.poll(() => form.getByText('Client initials must be 1-4 capital letters (initials only)').count()).toBe(1);
      await form.getByLabel('Client initials').fill('jd');
      await form.getByLabel('Case manager').selectOption({ label: 'Alex Morgan' });
      await form.getByLabel('Instructing party', { exact: true }).selectOption({ label: 'Someone new…' });
      await form.getByLabel("Instructing party's name").fill('Fenwick Law');
      await form.getByLabel('Kind of instructing party').selectOption({ label: 'Solicitor' });
      await form.getByLabel('Injury').selectOption({ label: 'Brain injury' });
      await form.getByLabel('Funding route').selectOption({ label: "Claimant's solicitor" });
      await form.getByLabel('Opened on').fill('01/03/2026');
      await form.getByRole('button', { name: 'Add case' }).click();
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Case RC-200 · client JD');

      // The standard-practice checklist: ticks with dates; the rule beside each item follows.
      expect(await ruleBeside(page, 'CASE-REHAB-PRESCRIPTION')).toContain('Not met');
      const checklist = page.getByRole('form', { name: 'Standard practice checklist' });
      await checklist.getByLabel('Rehabilitation Prescription requested', { exact: true }).check();
      const rxDate = checklist.getByLabel('Date the Rehabilitation Prescription was requested');
      await expect.poll(() => rxDate.inputValue()).toBe('24/11/2026'); // ticking fills in today
      await rxDate.fill('02/03/2026');
      await checklist.getByLabel('NHS treating team contacted', { exact: true }).check();
      await checklist.getByLabel('Date the NHS treating team was contacted').fill('10/03/2026');
      await checklist.getByLabel('NHS team contacted').fill('Leeds major trauma rehabilitation team');
      await checklist.getByLabel('Consent to share recorded', { exact: true }).check();
      await checklist.getByLabel('Date consent was recorded').fill('01/03/2026');
      await checklist.getByLabel('Risk assessment reviewed', { exact: true }).check();
      await checklist.getByLabel('Date of the latest risk review').fill('01/11/2026');
      await checklist.getByLabel("Pre-INA report requested from the client's solicitor").check();
      await checklist.getByLabel('Date the Pre-INA report was requested').fill('25/11/2026');
      await checklist.getByRole('button', { name: 'Save checklist' }).click();
      // The server's error lands beside the field it concerns.
      await expect.poll(() => checklist.getByText('Date the Pre-INA report was requested must not be in the future (today is 24/11/2026)').count()).toBe(1);
      await checklist.getByLabel('Date the Pre-INA report was requested').fill('03/03/2026');
      await checklist.getByRole('button', { name: 'Save checklist' }).click();
      await expect.poll(() => page.getByRole('status').first().textContent()).toBe('Checklist saved.');
      await expect.poll(() => ruleBeside(page, 'CASE-REHAB-PRESCRIPTION')).toContain('Met');
      expect(await ruleBeside(page, 'CASE-NHS-CONTACT')).toContain('Contacted Leeds major trauma rehabilitation team on 10/03/2026');
      expect(await ruleBeside(page, 'CASE-RISK-REVIEW')).toContain('Next due on 01/02/2027');
      expect(await ruleBeside(page, 'CASE-PRE-INA')).toContain('not yet reviewed or recorded as not available');

      // Instruct an approved supplier.
      const instruct = page.getByRole('form', { name: 'Instruct a supplier' });
      await instruct.getByLabel('Supplier').selectOption({ label: 'Dales Physio' });
      await instruct.getByLabel('Instructed on').fill('01/06/2026');
      await instruct.getByLabel('Service').selectOption('physiotherapy');
      await instruct.getByRole('button', { name: 'Instruct supplier' }).click();
      const instructed = page.getByRole('table', { name: 'Suppliers instructed' });
      await expect.poll(() => instructed.textContent()).toContain('Dales Physio');
      expect(await instructed.textContent()).toContain('Approved');
      await expect.poll(() => ruleBeside(page, 'CASE-SUPPLIERS-VETTED')).toContain('Met');

      // A rejected supplier: refused, with the override prompt; a reason is required.
      await instruct.getByLabel('Supplier').selectOption({ label: 'Quick Fix Therapy' });
      await instruct.getByLabel('Instructed on').fill('02/06/2026');
      await instruct.getByRole('button', { name: 'Instruct supplier' }).click();
      const prompt = page.getByRole('dialog', { name: 'This supplier was not approved on that date' });
      await expect
        .poll(() => prompt.textContent())
        .toContain('Quick Fix Therapy (SUP-NO) was not approved on 02/06/2026: rejected by Kim Byrne on 01/02/2026 (no indemnity)');
      await prompt.getByRole('button', { name: 'Instruct anyway and record the override' }).click();
      await expect.poll(() => prompt.getByText('Reason for the override is required to instruct a supplier who was not approved').count()).toBe(1);
      expect(await instructed.textContent()).not.toContain('Quick Fix Therapy'); // nothing recorded yet
      await prompt.getByLabel('Reason for the override').fill('Only psychologist with capacity; agreed with the solicitor');
      await prompt.getByRole('button', { name: 'Instruct anyway and record the override' }).click();
      await expect.poll(() => prompt.count()).toBe(0);
      await expect.poll(() => instructed.textContent()).toContain('Override recorded: Only psychologist with capacity; agreed with the solicitor');
      expect(await instructed.textContent()).toContain('Not approved');
      await expect.poll(() => ruleBeside(page, 'CASE-SUPPLIERS-VETTED')).toContain('Not met');
      expect(await ruleBeside(page, 'CASE-SUPPLIERS-VETTED')).toContain('override recorded');

      mkdirSync(SHOTS, { recursive: true });
      await page.screenshot({ path: path.join(SHOTS, 'case.png'), fullPage: true });

      // The caseload counts the new case.
      await page.getByRole('link', { name: 'Alex Morgan' }).click();
      await expect.poll(() => sentence(page)).toBe('2 open active, 1 monitoring, 3 days a week');
      await page.goBack();
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Case RC-200 · client JD');

      // Close the case: a reason from the list is required.
      await page.getByRole('button', { name: 'Close case…' }).click();
      const closing = page.getByRole('dialog', { name: 'Close case RC-200' });
      await closing.getByLabel('Closed on').fill('20/11/2026');
      await closing.getByRole('button', { name: 'Close case' }).click();
      await expect.poll(() => closing.getByText('Reason for closing must be chosen from the list').count()).toBe(1);
      await closing.getByLabel('Reason for closing').selectOption({ label: 'Goals achieved' });
      await closing.getByRole('radio', { name: 'No', exact: true }).check(); // the case journey asks about follow-up
      await closing.getByRole('button', { name: 'Close case' }).click();
      await expect.poll(() => page.getByRole('status').first().textContent()).toBe('Case RC-200 was closed.');
      expect(await page.locator('.page-head').textContent()).toContain('Closed');
      expect(await ruleBeside(page, 'CASE-REHAB-PRESCRIPTION')).toContain('Not applicable');
      expect(await page.getByRole('list', { name: 'Case history' }).textContent()).toContain('Case closed: goals achieved');
      expect(await page.locator('#retention-note').textContent()).toContain('until 20 November 2033');

      // Hand RC-102 over to Sam Okafor.
      await page.goto(`${h.url}#/cases/RC-102`);
      await page.getByRole('button', { name: 'Hand over…' }).click();
      const handover = page.getByRole('dialog', { name: 'Hand over case RC-102' });
      await handover.getByLabel('Hand over to').selectOption({ label: 'Sam Okafor' });
      await handover.getByLabel('Reason for the handover').fill('Change of caseload');
      await handover.getByLabel('Days of joint working').fill('10');
      await handover.getByRole('button', { name: 'Record the handover' }).click();
      await expect.poll(() => handover.getByText('Say whether the client has been told.').count()).toBe(1);
      await handover.getByLabel('Yes').check();
      await handover.getByRole('button', { name: 'Record the handover' }).click();
      await expect.poll(() => page.getByRole('status').first().textContent()).toBe('Case RC-102 was handed over to Sam Okafor.');
      expect(await page.getByRole('table', { name: 'Handovers' }).textContent()).toContain('Alex MorganSam OkaforChange of caseload10 daysYes');
      expect(await page.getByRole('list', { name: 'Case history' }).textContent()).toContain('Handed over from Alex Morgan to Sam Okafor');

      // The caseload figures have moved: the closed case and the handed-over case are gone.
      await nav(page, 'Cases');
      await page.getByRole('navigation', { name: 'Cases pages' }).getByRole('link', { name: 'Caseload' }).click();
      await expect.poll(() => managers.locator('tr[data-ref="CM-2"]').textContent()).toContain('Sam Okafor01');
      await managers.getByRole('link', { name: 'Alex Morgan' }).click();
      await expect.poll(() => sentence(page)).toBe('1 open active, 0 monitoring, 3 days a week');
      expect(await page.getByRole('img', { name: /By injury/ }).getAttribute('aria-label')).toBe('By injury: Spinal injury: 1');
      await page.screenshot({ path: path.join(SHOTS, 'caseload.png'), fullPage: true });
    } finally {
      await h.close();
    }
  });

  it('lists closed cases past retention and deletes one after typing its reference', async () => {
    const h = await seeded();
    const { page } = h;
    try {
      await nav(page, 'Cases');
      await page.getByRole('navigation', { name: 'Cases pages' }).getByRole('link', { name: 'Retention' }).click();
      const due = page.getByRole('table', { name: 'Cases past retention' });
      await expect.poll(() => due.textContent()).toContain('OLD-9');
      expect(await due.textContent()).toContain('01/02/2019');
      expect(await due.textContent()).toContain('01/02/2026');
      await due.getByRole('button', { name: 'Delete case OLD-9…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Delete case OLD-9' });
      const confirm = dialog.getByRole('button', { name: 'Delete case OLD-9' });
      expect(await confirm.isDisabled()).toBe(true);
      await dialog.getByLabel('Type OLD-9 to confirm').fill('OLD-9');
      await confirm.click();
      await expect.poll(() => page.getByRole('status').first().textContent()).toBe('Case OLD-9 was deleted.');
      await expect.poll(() => page.getByText('No closed case is past the retention period on 24/11/2026.').count()).toBe(1);
      const left = h.session.ctx().vault.sqlite.prepare("SELECT count(*) AS n FROM cases WHERE ref = 'OLD-9'").get() as { n: number };
      expect(left.n).toBe(0);
    } finally {
      await h.close();
    }
  });
});
