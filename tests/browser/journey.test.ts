// The case journey in the real UI (Chromium, the real registry, a real vault, a clock the test
// moves): log a safeguarding concern and watch its 48-hour clock on the case and the Dashboard;
// close a case with consent and see the follow-ups due; record an invoice paid late and see
// ORG-SUPPLIERS-PAID fail and the supplier's days to pay; the Reports page's figures.
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createCase } from '../../electron/services/cases/cases';
import { instructSupplier } from '../../electron/services/cases/instructions';
import { saveJourneyItem, setCaseOutcome } from '../../electron/services/cases/journey';
import { manualClock } from '../../electron/services/clock';
import { updateFirm } from '../../electron/services/firm/firm';
import { createStaff } from '../../electron/services/staff/staff';
import { createSupplier } from '../../electron/services/suppliers/suppliers';
import { closeBrowser, nav, startHarness, type Harness } from '../support/harness';
import { vetSupplier } from '../support/vetted';

const PASS = 'kettle orchard lantern 42';
afterAll(closeBrowser);

async function seeded(clock: ReturnType<typeof manualClock>): Promise<Harness> {
  const h = await startHarness({ clock });
  h.session.create(path.join(h.dir, 'firm.cpv'), PASS, false);
  const ctx = h.session.ctx();
  updateFirm(ctx, { name: 'Riverside Rehab', codeOfConductSignatory: true });
  createStaff(ctx, { ref: 'CM-1', name: 'Alex Morgan', daysPerWeek: 3 });
  createSupplier(ctx, { ref: 'SUP-OK', name: 'Dales Physio', kind: 'organisation', services: ['physiotherapy'], worksWithClients: false });
  vetSupplier(ctx, 'SUP-OK');
  const party = { name: 'Fenwick Law', kind: 'solicitor' as const };
  createCase(ctx, {
    ref: 'RC-1',
    initials: 'AB',
    caseManager: 'CM-1',
    instructingParty: party,
    status: 'open-active',
    referredOn: '2026-02-20',
    openedOn: '2026-03-01',
    injury: 'brain',
  });
  createCase(ctx, {
    ref: 'RC-2',
    caseManager: 'CM-1',
    instructingParty: { name: 'Aviva', kind: 'insurer' },
    status: 'open-active',
    referredOn: '2026-04-01',
    openedOn: '2026-04-02',
    injury: 'spinal',
    settlementOn: '2026-10-01',
  });
  instructSupplier(ctx, { ref: 'RC-1', supplier: 'SUP-OK', on: '2026-03-10', service: 'physiotherapy' });
  saveJourneyItem(ctx, { ref: 'RC-2', list: 'feedback', item: { on: '2026-10-05', from: 'service-user', aboutCaseManager: 4, aboutSolicitor: 3 } });
  setCaseOutcome(ctx, { ref: 'RC-2', outcome: { vocational: 'education' } });
  await h.reload();
  return h;
}

describe('the case journey in the browser', () => {
  it('logs a safeguarding concern and its 48-hour clock counts down on the case and the Dashboard', async () => {
    const clock = manualClock('2026-11-24T09:00:00Z');
    const h = await seeded(clock);
    const { page } = h;
    try {
      await page.goto(`${h.url}#/cases/RC-1`);
      await page.getByRole('button', { name: 'Log an incident or concern…' }).click();
      const form = page.getByRole('form', { name: 'Log an incident or concern' });
      await form.getByLabel('Kind').selectOption({ label: 'Safeguarding concern' });
      await form.getByLabel('Identified at').fill('2026-11-24T08:30');
      expect(await form.getByText('No names: use initials or roles').count()).toBeGreaterThan(0);
      await form.getByLabel('Summary').fill('Bruising noticed on the client; carer could not explain it');
      await form.getByRole('button', { name: 'Log incident' }).click();
      const clockText = () => page.getByTestId('incident-clock').first().textContent();
      await expect.poll(clockText).toBe('47 hours 30 minutes left to report to the line manager and the safeguarding lead (by 08:30 on 26/11/2026)');
      expect(await page.locator('[data-rule="CASE-INCIDENT-REPORTED"]').first().textContent()).toContain('Due soon');

      // The Dashboard shows it in its own block.
      await nav(page, 'Dashboard');
      const block = page.getByRole('list', { name: 'Incidents to report' });
      await expect.poll(() => block.textContent()).toContain('Case RC-1: Safeguarding concern');

      // 48 hours and a minute later, with nothing reported, the clock has run out.
      clock.set('2026-11-26T08:31:00Z');
      await page.goto(`${h.url}#/cases/RC-1`);
      await page.reload();
      await expect.poll(clockText).toBe('Not reported to the line manager and the safeguarding lead: the 48 hours ran out at 08:30 on 26/11/2026');
      expect(await page.locator('[data-rule="CASE-INCIDENT-REPORTED"]').first().textContent()).toContain('Not met');
    } finally {
      await h.close();
    }
  });

  it('closes a case with consent to follow-up and the 3, 6 and 9 month contacts are due', async () => {
    const h = await seeded(manualClock('2026-11-24T12:00:00Z'));
    const { page } = h;
    try {
      await page.goto(`${h.url}#/cases/RC-1`);
      await page.getByRole('button', { name: 'Close case…' }).click();
      const closing = page.getByRole('dialog', { name: 'Close case RC-1' });
      await closing.getByLabel('Reason for closing').selectOption({ label: 'Goals achieved' });
      await closing.getByLabel('Closed on').fill('01/10/2026');
      await closing.getByRole('button', { name: 'Close case' }).click();
      await expect.poll(() => closing.getByText('Say whether the client agreed to follow-up.').count()).toBe(1);
      await closing.getByRole('radio', { name: 'Yes, follow up' }).check();
      await closing.getByRole('button', { name: 'Close case' }).click();
      const windows = page.getByRole('table', { name: 'Follow-up windows' });
      await expect.poll(() => windows.textContent()).toContain('3 months18/12/2026 to 15/01/2027Not yet open');
      expect(await windows.textContent()).toContain('9 months17/06/2027 to 15/07/2027');
      expect(await page.getByRole('list', { name: 'Status history' }).textContent()).toContain('01/10/2026 Closed');
      // The due list on the Dashboard carries the first contact.
      await nav(page, 'Dashboard');
      const due = page.locator('[data-rule="CASE-FOLLOW-UP"][data-ref="RC-1"]');
      await expect.poll(() => due.textContent()).toContain('18/12/2026');
    } finally {
      await h.close();
    }
  });

  it('records an invoice paid late: ORG-SUPPLIERS-PAID fails and the supplier shows days to pay', async () => {
    const h = await seeded(manualClock('2026-11-24T12:00:00Z'));
    const { page } = h;
    try {
      await page.goto(`${h.url}#/cases/RC-1`);
      const form = page.getByRole('form', { name: 'Record an invoice' });
      await form.getByLabel('Invoice number').fill('DP-778');
      await form.getByLabel('Received on').fill('01/09/2026');
      await form.getByLabel('Amount (£)').fill('640');
      await form.getByLabel('Paid on').fill('15/10/2026');
      await form.getByRole('button', { name: 'Record invoice' }).click();
      const table = page.getByRole('table', { name: 'Supplier invoices' });
      await expect.poll(() => table.textContent()).toContain('Paid late (due by 01/10/2026)');
      expect(await table.textContent()).toContain('£640.00');
      await nav(page, 'Dashboard');
      const firmRule = page.locator('[data-rule="ORG-SUPPLIERS-PAID"]').first();
      await expect.poll(() => firmRule.textContent()).toContain('Not met');
      await page.goto(`${h.url}#/suppliers/SUP-OK`);
      await expect
        .poll(() => page.getByTestId('days-to-pay').textContent())
        .toBe("Paid in 44 days on average against the firm's terms of 30 days; 1 paid late.");
      // The supplier's table is the case's (one InvoiceTable): the case links back, the same words and money.
      const theirs = page.getByRole('table', { name: 'Invoices from this supplier' });
      expect(await theirs.getByRole('row').nth(1).textContent()).toBe('RC-1DP-77801/09/2026£640.0015/10/202644Paid late (due by 01/10/2026)');
    } finally {
      await h.close();
    }
  });

  it('shows the MTSP Model report for a period', async () => {
    const h = await seeded(manualClock('2026-11-24T12:00:00Z'));
    const { page } = h;
    try {
      await nav(page, 'Reports');
      const table = page.getByRole('table', { name: 'MTSP Model figures by instructing party' });
      await expect.poll(() => table.textContent()).toContain('Aviva (Insurer)');
      const aviva = table.getByRole('row', { name: /Aviva/ });
      expect(await aviva.textContent()).toContain('183'); // referral 01/04/2026 to settlement 01/10/2026
      expect(await aviva.textContent()).toContain('In education or training 1');
      expect(await aviva.textContent()).toContain('1 response; case manager 4, solicitor 3');
      expect(await page.getByRole('img', { name: /Cases by instructing party/ }).getAttribute('aria-label')).toBe(
        'Cases by instructing party: Aviva (Insurer): 1, Fenwick Law (Solicitor): 1',
      );
      // A period before either case: nothing to show.
      const period = page.getByRole('form', { name: 'Report period' });
      await period.getByLabel('From').fill('01/01/2025');
      await period.getByLabel('To').fill('31/01/2025');
      await period.getByRole('button', { name: 'Show' }).click();
      await expect.poll(() => page.getByText('No case was referred or open between 01/01/2025 and 31/01/2025.').count()).toBe(1);
      // An export that cannot be written says why on the form (it used to fail without a word).
      h.platform.dialogAnswers.push(path.join(h.dir, 'no such folder', 'report.xlsx'));
      await period.getByRole('button', { name: 'Export to Excel…' }).click();
      await expect.poll(() => period.getByRole('alert').textContent()).toContain('no such folder');
    } finally {
      await h.close();
    }
  });
});
