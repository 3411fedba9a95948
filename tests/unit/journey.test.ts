// The case journey over a real encrypted vault: status history and past dates, the 48-hour
// clock to the minute, follow-up windows at 3/6/9 months, the 42-day assessment, invoices and
// ORG-SUPPLIERS-PAID, and the MTSP Model report's figures on a firm built here.
import { describe, expect, it } from 'vitest';
import { caseView, closeCase, createCase } from '../../electron/services/cases/cases';
import { caseloadView } from '../../electron/services/cases/figures';
import { instructSupplier } from '../../electron/services/cases/instructions';
import {
  changeCaseStatus,
  deleteJourneyItem,
  incidentClocks,
  saveInvoice,
  saveJourneyItem,
  setCaseOutcome,
  supplierInvoices,
} from '../../electron/services/cases/journey';
import { manualClock } from '../../electron/services/clock';
import { evaluate } from '../../electron/services/compliance/engine';
import { mtspReport, staffCaseMix } from '../../electron/services/reports/mtsp';
import { loadSnapshot } from '../../electron/services/snapshot';
import { dueItems } from '../../electron/services/staffEvidence/due';
import { createStaff } from '../../electron/services/staff/staff';
import { createSupplier } from '../../electron/services/suppliers/suppliers';
import type { Ctx } from '../../electron/services/context';
import { newVault, reopen } from '../support/vaults';
import { buildPack } from '../../electron/services/packs/packService';
import { updateFirm } from '../../electron/services/firm/firm';
import { readDocx } from '../support/docx';
import { reminderSummary } from '../../electron/services/reminders';
import { appErrorOf } from '../support/errors';
import { vetSupplier } from '../support/vetted';

const errorOf = appErrorOf;

/** A firm on a clock the test moves (London is on GMT in November, so local = UTC). */
function firm(at = '2026-11-24T12:00:00Z') {
  const v = newVault();
  const clock = manualClock(at);
  const ctx: Ctx = { vault: v.vault, user: 'Test User', clock };
  createStaff(ctx, { ref: 'CM-1', name: 'Alex Morgan', daysPerWeek: 2 });
  createStaff(ctx, { ref: 'CM-2', name: 'Sam Okafor', daysPerWeek: 4 });
  createSupplier(ctx, { ref: 'SUP-OK', name: 'Dales Physio', kind: 'organisation', services: ['physiotherapy'], worksWithClients: false });
  vetSupplier(ctx, 'SUP-OK', '2025-01-10');
  return { ...v, ctx, clock };
}
const fenwick = { name: 'Fenwick Law', kind: 'solicitor' as const };
const aviva = { name: 'Aviva', kind: 'insurer' as const };
function addCase(ctx: Ctx, ref: string, over: Record<string, unknown> = {}) {
  return createCase(ctx, {
    ref,
    caseManager: 'CM-1',
    instructingParty: fenwick,
    status: 'open-active',
    referredOn: '2026-02-20',
    openedOn: '2026-03-01',
    ...over,
  });
}
const rule = (v: { rules: { rule: string; status: string; reason: string }[] }, id: string) => v.rules.find((r) => r.rule === id)!;

describe('status history', () => {
  it('is kept from creation, through changes, closing and reopening; any past date has its status and caseload', () => {
    const { ctx, file, vault } = firm();
    const created = addCase(ctx, 'RC-1');
    expect(created.case.statusHistory).toEqual([
      { status: 'referral', on: '2026-02-20' },
      { status: 'open-active', on: '2026-03-01' },
    ]);
    changeCaseStatus(ctx, { ref: 'RC-1', status: 'monitoring', on: '2026-06-15' });
    closeCase(ctx, { ref: 'RC-1', closedOn: '2026-09-30', closedReason: 'goals achieved', followUpConsent: true });
    const reopened = changeCaseStatus(ctx, { ref: 'RC-1', status: 'open-active', on: '2026-11-02' });
    expect(reopened.case).toMatchObject({ status: 'open-active' });
    expect(reopened.case.closedOn).toBeUndefined();
    expect(reopened.journey.statusHistory.map((h) => `${h.status}@${h.on}`)).toEqual([
      'referral@2026-02-20',
      'open-active@2026-03-01',
      'monitoring@2026-06-15',
      'closed@2026-09-30',
      'open-active@2026-11-02',
    ]);
    // The history survives closing the vault (it is stored, not derived).
    vault.close();
    const again: Ctx = { ...ctx, vault: reopen(file) };
    const f = (d: string) => caseloadView(again, d, 'CM-1').figures;
    expect([f('2026-02-25').referral, f('2026-02-25').openActive]).toEqual([1, 0]);
    expect(f('2026-06-14')).toMatchObject({ openActive: 1, monitoring: 0 });
    expect(f('2026-06-15')).toMatchObject({ openActive: 0, monitoring: 1 });
    expect(f('2026-10-15')).toMatchObject({ openActive: 0, monitoring: 0 });
    expect(f('2026-11-02')).toMatchObject({ openActive: 1, monitoring: 0 });
    // The case page on a past date: closed in October, so only follow-up and incidents apply.
    expect(rule(caseView(again, 'RC-1', '2026-10-15'), 'CASE-RISK-REVIEW').status).toBe('not_applicable');
    expect(rule(caseView(again, 'RC-1', '2026-08-01'), 'CASE-RISK-REVIEW').status).toBe('not_met');
    again.vault.close();
  });

  it('refuses a change dated before the last one, in the future, or to the status it has', () => {
    const { ctx } = firm();
    addCase(ctx, 'RC-1');
    expect(errorOf(() => changeCaseStatus(ctx, { ref: 'RC-1', status: 'monitoring', on: '2026-02-28' })).message).toBe(
      "on: must not be before the case's last change of status (01/03/2026, open-active)",
    );
    expect(errorOf(() => changeCaseStatus(ctx, { ref: 'RC-1', status: 'monitoring', on: '2026-11-25' })).message).toBe(
      'on: must not be in the future (today is 24/11/2026)',
    );
    expect(errorOf(() => changeCaseStatus(ctx, { ref: 'RC-1', status: 'open-active', on: '2026-11-01' })).code).toBe('conflict');
  });
});

describe('CASE-ASSESSMENT-TIMELY on the case page (42 days)', () => {
  it('is due on the 42nd day, met with the assessment that day, not met the day after without it', () => {
    const { ctx, clock } = firm();
    addCase(ctx, 'RC-1', { status: 'referral', referredOn: '2026-10-13', openedOn: undefined });
    expect(rule(caseView(ctx, 'RC-1'), 'CASE-ASSESSMENT-TIMELY')).toMatchObject({ status: 'due_soon' });
    expect(rule(caseView(ctx, 'RC-1', '2026-11-25'), 'CASE-ASSESSMENT-TIMELY').status).toBe('not_met');
    addCase(ctx, 'RC-2', { status: 'referral', referredOn: '2026-10-13', openedOn: undefined, inaOn: '2026-11-24' });
    expect(rule(caseView(ctx, 'RC-2'), 'CASE-ASSESSMENT-TIMELY').status).toBe('met');
    clock.set('2026-11-25T12:00:00Z');
    addCase(ctx, 'RC-3', { status: 'referral', referredOn: '2026-10-13', openedOn: undefined, inaOn: '2026-11-25' });
    expect(rule(caseView(ctx, 'RC-3'), 'CASE-ASSESSMENT-TIMELY').status).toBe('not_met');
  });
});

describe('incidents on the 48-hour clock', () => {
  const concern = { kind: 'safeguarding', identifiedAt: '2026-11-22T10:00', summary: 'Concern about a carer (no names)' } as const;

  it('counts down to the minute; 48:00 is in time, 48:01 is late', () => {
    const { ctx, clock } = firm('2026-11-22T10:30:00Z');
    addCase(ctx, 'RC-1');
    const v = saveJourneyItem(ctx, { ref: 'RC-1', list: 'incidents', item: concern });
    const c = v.journey.incidents[0]!;
    expect(c).toMatchObject({ deadlineAt: '2026-11-24T10:00', minutesLeft: 47 * 60 + 30 });
    expect(c.reports.map((r) => `${r.field}:${r.state}`)).toEqual(['lineManagerAt:running', 'safeguardingLeadAt:running']);
    expect(c.words).toBe('47 hours 30 minutes left to report to the line manager and the safeguarding lead (by 10:00 on 24/11/2026)');
    expect(rule(v, 'CASE-INCIDENT-REPORTED').status).toBe('due_soon');
    expect(incidentClocks(ctx).map((k) => k.caseRef)).toEqual(['RC-1']);
    // The desktop reminder leads with it.
    expect(reminderSummary(ctx)).toEqual({
      title: '1 incident to report',
      body: 'Case RC-1: 47 hours 30 minutes left to report to the line manager and the safeguarding lead (by 10:00 on 24/11/2026).',
    });
    // The due list carries it while the clock runs.
    expect(dueItems(ctx).items.some((i) => i.ref === 'RC-1' && i.rule === 'CASE-INCIDENT-REPORTED')).toBe(true);

    clock.set('2026-11-24T10:00:00Z'); // 48:00 exactly
    saveJourneyItem(ctx, { ref: 'RC-1', list: 'incidents', index: 0, item: { ...concern, lineManagerAt: '2026-11-24T10:00' } });
    let view = caseView(ctx, 'RC-1');
    expect(view.journey.incidents[0]!.minutesLeft).toBe(0);
    expect(rule(view, 'CASE-INCIDENT-REPORTED').status).toBe('due_soon');

    clock.set('2026-11-24T10:01:00Z'); // 48:01, the safeguarding lead not yet told
    view = caseView(ctx, 'RC-1');
    expect(view.journey.incidents[0]!.words).toBe('Not reported to the safeguarding lead: the 48 hours ran out at 10:00 on 24/11/2026');
    expect(rule(view, 'CASE-INCIDENT-REPORTED').status).toBe('not_met');
    saveJourneyItem(ctx, {
      ref: 'RC-1',
      list: 'incidents',
      index: 0,
      item: { ...concern, lineManagerAt: '2026-11-24T10:00', safeguardingLeadAt: '2026-11-24T10:01' },
    });
    view = caseView(ctx, 'RC-1');
    expect(view.journey.incidents[0]!.words).toBe('Reported, but late to the safeguarding lead');
    expect(rule(view, 'CASE-INCIDENT-REPORTED').status).toBe('not_met');
    expect(incidentClocks(ctx)).toEqual([]);
  });

  it('reported to both by 48:00 is met; a report before identification or a time to come is refused, naming the field', () => {
    const { ctx } = firm('2026-11-24T12:00:00Z');
    addCase(ctx, 'RC-1');
    const v = saveJourneyItem(ctx, {
      ref: 'RC-1',
      list: 'incidents',
      item: { ...concern, lineManagerAt: '2026-11-22T11:00', safeguardingLeadAt: '2026-11-24T10:00' },
    });
    expect(rule(v, 'CASE-INCIDENT-REPORTED').status).toBe('met');
    const early = errorOf(() => saveJourneyItem(ctx, { ref: 'RC-1', list: 'incidents', item: { ...concern, lineManagerAt: '2026-11-22T09:59' } }));
    expect([early.field, early.message]).toEqual(['lineManagerAt', 'lineManagerAt: must not be before the incident was identified (2026-11-22 10:00)']);
    const future = errorOf(() => saveJourneyItem(ctx, { ref: 'RC-1', list: 'incidents', item: { ...concern, identifiedAt: '2026-11-24T12:01' } }));
    expect(future.field).toBe('identifiedAt');
    expect(errorOf(() => saveJourneyItem(ctx, { ref: 'RC-1', list: 'incidents', item: { ...concern, identifiedAt: '2026-11-22 10:00' } })).message).toMatch(
      /identifiedAt/,
    );
  });
});

describe('closure, follow-up at 3, 6 and 9 months, outcome and feedback', () => {
  it('places the windows 14 days either side, inclusive, and the due list shows the next one', () => {
    const { ctx } = firm();
    addCase(ctx, 'RC-1', { referredOn: '2025-12-01', openedOn: '2026-01-05' });
    const closed = closeCase(ctx, { ref: 'RC-1', closedOn: '2026-02-24', closedReason: 'settled', followUpConsent: true });
    expect(closed.journey.followUpWindows.map((w) => `${w.months}:${w.from}..${w.to}:${w.state}`)).toEqual([
      '3:2026-05-10..2026-06-07:missed',
      '6:2026-08-10..2026-09-07:missed',
      '9:2026-11-10..2026-12-08:open',
    ]);
    expect(errorOf(() => saveJourneyItem(ctx, { ref: 'RC-1', list: 'followUps', item: { on: '2026-02-23' } })).message).toBe(
      'on: must not be before the case closed (24/02/2026)',
    );
    saveJourneyItem(ctx, { ref: 'RC-1', list: 'followUps', item: { on: '2026-06-07', outcome: 'Back at work part time' } }); // last day of the window
    saveJourneyItem(ctx, { ref: 'RC-1', list: 'followUps', item: { on: '2026-09-08' } }); // one day after the 6-month window
    let v = caseView(ctx, 'RC-1');
    expect(v.journey.followUpWindows.map((w) => w.state)).toEqual(['done', 'missed', 'open']);
    expect(rule(v, 'CASE-FOLLOW-UP').status).toBe('not_met');
    deleteJourneyItem(ctx, { ref: 'RC-1', list: 'followUps', index: 1 });
    saveJourneyItem(ctx, { ref: 'RC-1', list: 'followUps', item: { on: '2026-08-10' } }); // first day of the 6-month window
    v = caseView(ctx, 'RC-1');
    expect(v.journey.followUpWindows.map((w) => w.state)).toEqual(['done', 'done', 'open']);
    expect(rule(v, 'CASE-FOLLOW-UP').status).toBe('due_soon');

    // A case closed recently: its 3-month window opens within the warning window, so it is due.
    addCase(ctx, 'RC-2');
    closeCase(ctx, { ref: 'RC-2', closedOn: '2026-10-01', closedReason: 'goals achieved', followUpConsent: true });
    const due = dueItems(ctx).items.find((i) => i.ref === 'RC-2');
    expect(due).toMatchObject({ rule: 'CASE-FOLLOW-UP', changesOn: '2026-12-18' });
    // Without consent there is nothing to follow up.
    addCase(ctx, 'RC-3');
    const none = closeCase(ctx, { ref: 'RC-3', closedOn: '2026-10-01', closedReason: 'goals achieved', followUpConsent: false });
    expect(rule(none, 'CASE-FOLLOW-UP')).toMatchObject({ status: 'not_applicable', reason: 'The client did not consent to follow-up' });
    expect(none.journey.followUpWindows).toEqual([]);
  });

  it('records the outcome and 1-5 feedback, which ORG-OUTCOMES counts', () => {
    const { ctx } = firm();
    addCase(ctx, 'RC-1');
    closeCase(ctx, { ref: 'RC-1', closedOn: '2026-10-01', closedReason: 'goals achieved', followUpConsent: false });
    const org = () => evaluate(loadSnapshot(ctx), '2026-11-24').firm.rules.find((r) => r.rule === 'ORG-OUTCOMES')!;
    expect(org().status).toBe('not_met');
    setCaseOutcome(ctx, { ref: 'RC-1', outcome: { vocational: 'returned-to-work', independentLiving: 'improved' } });
    expect(
      errorOf(() => saveJourneyItem(ctx, { ref: 'RC-1', list: 'feedback', item: { on: '2026-10-20', from: 'service-user', aboutCaseManager: 6 } })).message,
    ).toMatch(/aboutCaseManager: must be at most 5/);
    const v = saveJourneyItem(ctx, {
      ref: 'RC-1',
      list: 'feedback',
      item: { on: '2026-10-20', from: 'service-user', aboutCaseManager: 5, aboutSolicitor: 4, comment: 'Kind' },
    });
    expect(v.case.outcome).toEqual({ vocational: 'returned-to-work', independentLiving: 'improved' });
    expect(org().status).toBe('met');
  });
});

describe('invoices and ORG-SUPPLIERS-PAID', () => {
  it('a payment after the 30 days fails the rule; the supplier shows days to pay; paid before received is refused', () => {
    const { ctx } = firm();
    addCase(ctx, 'RC-1');
    instructSupplier(ctx, { ref: 'RC-1', supplier: 'SUP-OK', on: '2026-03-10', service: 'physiotherapy' });
    const org = () => evaluate(loadSnapshot(ctx), '2026-11-24').firm.rules.find((r) => r.rule === 'ORG-SUPPLIERS-PAID')!;
    expect(org().status).toBe('not_applicable');
    saveInvoice(ctx, { ref: 'RC-1', instruction: 0, invoice: { number: 'INV-1', receivedOn: '2026-09-01', amountGBP: 450, paidOn: '2026-10-01' } }); // day 30
    expect(org().status).toBe('met');
    const late = saveInvoice(ctx, {
      ref: 'RC-1',
      instruction: 0,
      invoice: { number: 'INV-2', receivedOn: '2026-10-01', amountGBP: 300.5, paidOn: '2026-11-01' },
    }); // day 31
    expect(late.journey.invoices[0]!.invoices.map((i) => `${i.number}:${i.days}:${i.state}`)).toEqual(['INV-1:30:paid-in-time', 'INV-2:31:paid-late']);
    expect(org()).toMatchObject({ status: 'not_met' });
    expect(org().reason).toMatch(/INV-2 from Dales Physio \(case RC-1\).*31 days after receipt/);
    expect(supplierInvoices(ctx, 'SUP-OK')).toMatchObject({ meanDaysToPay: 30.5, paidLate: 1, overdue: 0, termsDays: 30 });
    const bad = errorOf(() => saveInvoice(ctx, { ref: 'RC-1', instruction: 0, invoice: { receivedOn: '2026-10-01', amountGBP: 10, paidOn: '2026-09-30' } }));
    expect([bad.field, bad.message]).toEqual(['paidOn', 'paidOn: must not be before the invoice was received (01/10/2026)']);
    expect(errorOf(() => saveInvoice(ctx, { ref: 'RC-1', instruction: 3, invoice: { receivedOn: '2026-10-01', amountGBP: 10 } })).message).toBe(
      'instruction: case RC-1 has no instruction number 4 (it has 1)',
    );
    expect(errorOf(() => saveInvoice(ctx, { ref: 'RC-1', instruction: 0, invoice: { receivedOn: '2026-10-01', amountGBP: -5 } })).message).toMatch(
      /amountGBP: must be a positive number of pounds/,
    );
  });
});

describe('the MTSP Model report', () => {
  it('gives the figures by instructing party for the period', () => {
    const { ctx } = firm();
    // Fenwick: two brain cases and one spinal in the period, one old case outside it.
    addCase(ctx, 'F-1', { injury: 'brain', referredOn: '2026-01-05', openedOn: '2026-01-10', settlementOn: '2026-07-05' });
    addCase(ctx, 'F-2', { injury: 'brain', referredOn: '2026-03-01', openedOn: '2026-03-02', settlementOn: '2026-04-30' });
    addCase(ctx, 'F-3', { injury: 'spinal', referredOn: '2026-05-01', openedOn: '2026-05-02' });
    addCase(ctx, 'F-OLD', { injury: 'brain', referredOn: '2023-01-01', openedOn: '2023-01-02' });
    closeCase(ctx, { ref: 'F-OLD', closedOn: '2024-06-30', closedReason: 'settled' });
    addCase(ctx, 'A-1', { instructingParty: aviva, injury: 'orthopaedic', referredOn: '2026-06-01', openedOn: '2026-06-02' });
    instructSupplier(ctx, { ref: 'F-1', supplier: 'SUP-OK', on: '2026-06-01' });
    instructSupplier(ctx, { ref: 'F-3', supplier: 'SUP-OK', on: '2026-05-10' });
    instructSupplier(ctx, { ref: 'A-1', supplier: 'SUP-OK', on: '2026-06-10' });
    saveInvoice(ctx, { ref: 'F-1', instruction: 0, invoice: { receivedOn: '2026-03-01', amountGBP: 1200.25, paidOn: '2026-03-20' } });
    saveInvoice(ctx, { ref: 'F-1', instruction: 0, invoice: { receivedOn: '2025-06-01', amountGBP: 999 } }); // before the period: not counted
    saveInvoice(ctx, { ref: 'F-3', instruction: 0, invoice: { receivedOn: '2026-06-01', amountGBP: 800 } });
    saveInvoice(ctx, { ref: 'A-1', instruction: 0, invoice: { receivedOn: '2026-07-01', amountGBP: 500 } });
    closeCase(ctx, { ref: 'F-1', closedOn: '2026-08-01', closedReason: 'settled', followUpConsent: true });
    setCaseOutcome(ctx, { ref: 'F-1', outcome: { vocational: 'returned-to-work' } });
    saveJourneyItem(ctx, { ref: 'F-1', list: 'feedback', item: { on: '2026-08-10', from: 'service-user', aboutCaseManager: 5, aboutSolicitor: 4 } });
    saveJourneyItem(ctx, { ref: 'F-2', list: 'feedback', item: { on: '2026-09-10', from: 'nhs-team', aboutCaseManager: 4 } });
    saveJourneyItem(ctx, { ref: 'F-2', list: 'feedback', item: { on: '2026-09-11', from: 'family', comment: 'No scores given' } });

    const r = mtspReport(ctx, { from: '2026-01-01', to: '2026-11-24' });
    expect(r).toEqual({
      from: '2026-01-01',
      to: '2026-11-24',
      byParty: [
        {
          party: 'Fenwick Law',
          kind: 'solicitor',
          cases: 3,
          injuries: { brain: 2, spinal: 1 },
          spendGBP: { brain: 1200.25, spinal: 800 },
          medianDaysReferralToSettlement: 120.5, // 181 (F-1) and 60 (F-2)
          vocational: { 'returned-to-work': 1 },
          feedback: { responses: 3, aboutCaseManager: 4.5, aboutSolicitor: 4 },
        },
        {
          party: 'Aviva',
          kind: 'insurer',
          cases: 1,
          injuries: { orthopaedic: 1 },
          spendGBP: { orthopaedic: 500 },
          medianDaysReferralToSettlement: null,
          vocational: {},
          feedback: { responses: 0, aboutCaseManager: null, aboutSolicitor: null },
        },
      ],
    });
    // The default period is the 12 months to today; the 2023 case is in neither.
    expect(mtspReport(ctx).from).toBe('2025-11-25');
    expect(mtspReport(ctx, { from: '2024-01-01', to: '2024-12-31' }).byParty).toMatchObject([{ party: 'Fenwick Law', cases: 1, injuries: { brain: 1 } }]);
    // Practitioner D: cases by complexity in the two years to today.
    expect(staffCaseMix(ctx, 'CM-1')).toMatchObject({ from: '2024-11-25', total: 4, byComplexity: { 'not recorded': 4 } });
  });
});

describe('the organisation pack', () => {
  it('answers E and J with the journey figures and lists every instruction that broke Governance A', async () => {
    const { ctx } = firm();
    updateFirm(ctx, { name: 'Riverside Rehab', codeOfConductSignatory: true });
    createSupplier(ctx, { ref: 'SUP-NO', name: 'Quick Fix Therapy', kind: 'organisation', services: ['psychology'], worksWithClients: false });
    addCase(ctx, 'F-1', { injury: 'brain', referredOn: '2026-01-05', openedOn: '2026-01-10', settlementOn: '2026-07-05' });
    instructSupplier(ctx, { ref: 'F-1', supplier: 'SUP-OK', on: '2026-06-01' });
    instructSupplier(ctx, { ref: 'F-1', supplier: 'SUP-NO', on: '2026-06-02', overrideReason: 'Only provider with a slot this month' });
    saveInvoice(ctx, { ref: 'F-1', instruction: 0, invoice: { receivedOn: '2026-06-20', amountGBP: 1500, paidOn: '2026-07-01' } });
    saveJourneyItem(ctx, { ref: 'F-1', list: 'feedback', item: { on: '2026-08-10', from: 'service-user', aboutCaseManager: 4, aboutSolicitor: 5 } });
    const built = await buildPack(ctx, { kind: 'firm', asOf: '2026-11-24', options: { includeCaseload: false } });
    const doc = await readDocx(built.bytes);
    const text = doc.text;
    expect(text).toContain('rehabilitation spend of £1,500 on supplier invoices received in the period');
    expect(text).toContain('1 feedback response, scoring the case manager 4 out of 5 on average and the solicitor 5');
    expect(text).toContain('median days from referral to settlement: 181');
    expect(text).toContain('Only provider with a slot this month');
    expect(text).toContain('Quick Fix Therapy');
    expect(text).not.toContain('None: every supplier instructed was vetted on the day.');
    // The Legal Panel pack prints Practitioner D's figures.
    const panel = await readDocx((await buildPack(ctx, { kind: 'staff', ref: 'CM-1', asOf: '2026-11-24' })).bytes);
    expect(panel.text).toContain('Cases managed from 25/11/2024 to 24/11/2026 (MTSP Practitioner D): 1 (1 complexity not recorded).');
  });
});
