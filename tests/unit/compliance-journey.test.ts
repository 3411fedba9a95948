// The case-journey rules and the new firm rules of rules.md version 2, at their boundaries:
// CASE-ASSESSMENT-TIMELY, CASE-PLAN-REVIEW, CASE-INCIDENT-REPORTED, CASE-FOLLOW-UP,
// ORG-SUPPLIERS-PAID and ORG-OUTCOMES. Their inputs are the case-journey fields of model.ts.
import { describe, expect, it } from 'vitest';
import type { RuleResult } from '../../electron/contract/compliance';
import { londonInstant } from '../../electron/contract/dates';
import type { CaseSnapshot, FirmSettings, Incident, Invoice } from '../../electron/contract/model';
import type { RuleId } from '../../electron/contract/rules';
import { engineContext, evaluate, evaluateCase, evaluateFirm } from '../../electron/services/compliance/engine';
import { AS_OF, aCase, aFirm, aSupplier, resultOf } from '../support/builders';

function caseRule(rule: RuleId, over: Partial<CaseSnapshot> = {}, asOf = AS_OF, settings: Partial<FirmSettings> = {}, at?: number): RuleResult {
  const c = aCase(over);
  return resultOf(evaluateCase(c, engineContext(aFirm({ cases: [c], firm: { settings } }), asOf, at)), rule);
}
function firmRule(rule: RuleId, cases: CaseSnapshot[], asOf = AS_OF, settings: Partial<FirmSettings> = {}): RuleResult {
  const snap = aFirm({ cases, suppliers: [aSupplier({ ref: 'SUP-01', name: 'Dales Physio' })], firm: { settings } });
  return resultOf(evaluateFirm(snap.firm, engineContext(snap, asOf)), rule);
}

describe('CASE-ASSESSMENT-TIMELY (42 days from referral)', () => {
  const rule = 'CASE-ASSESSMENT-TIMELY';
  // referred 01/10/2026: the 42nd day is 12/11/2026
  const referred = { referredOn: '2026-10-01', openedOn: '2026-10-20' };
  it('an assessment on the 42nd day is in time; on the 43rd it is late, for good', () => {
    expect(caseRule(rule, { ...referred, inaOn: '2026-11-12' })).toMatchObject({
      status: 'met',
      reason: expect.stringContaining('within 42 days of the referral on 01/10/2026'),
    });
    const late = caseRule(rule, { ...referred, inaOn: '2026-11-13' });
    expect(late).toEqual({
      rule,
      status: 'not_met',
      reason: 'Initial needs assessment on 13/11/2026, after the last day within 42 days of the referral on 01/10/2026 (12/11/2026)',
    });
  });
  it('with no assessment: due soon up to the 42nd day (changing the next day), not met from the 43rd', () => {
    expect(caseRule(rule, { ...referred, inaOn: undefined }, '2026-11-12')).toMatchObject({ status: 'due_soon', changesOn: '2026-11-13' });
    expect(caseRule(rule, { ...referred, inaOn: undefined }, '2026-10-01')).toMatchObject({ status: 'due_soon', changesOn: '2026-11-13' });
    expect(caseRule(rule, { ...referred, inaOn: undefined }, '2026-11-13')).toMatchObject({
      status: 'not_met',
      reason: expect.stringContaining('No initial needs assessment recorded by 12/11/2026'),
    });
  });
  it('applies to a referral too; an assessment dated after as-of does not count yet', () => {
    expect(caseRule(rule, { status: 'referral', referredOn: '2026-11-01', openedOn: undefined, inaOn: '2026-11-30' })).toMatchObject({
      status: 'due_soon',
      changesOn: '2026-12-14',
    });
  });
  it('the clock starts at the opening date when no referral date is recorded; with neither it is not met', () => {
    expect(caseRule(rule, { referredOn: undefined, openedOn: '2026-10-01', inaOn: '2026-11-12' }).reason).toContain(
      'opening on 01/10/2026 (no referral date recorded)',
    );
    expect(caseRule(rule, { referredOn: undefined, openedOn: undefined, inaOn: undefined })).toEqual({
      rule,
      status: 'not_met',
      reason: 'Referral date not recorded, so the time to the initial needs assessment cannot be judged',
    });
  });
  it("follows the firm's own number of days", () => {
    expect(caseRule(rule, { ...referred, inaOn: '2026-11-12' }, AS_OF, { assessmentDays: 28 }).status).toBe('not_met');
    expect(caseRule(rule, { ...referred, inaOn: '2026-10-29' }, AS_OF, { assessmentDays: 28 }).status).toBe('met');
  });
});

describe('CASE-PLAN-REVIEW (3-monthly)', () => {
  const rule = 'CASE-PLAN-REVIEW';
  it("the plan's own date is its first review; the next is due by the day before the anniversary", () => {
    const r = caseRule(rule, { rehabPlanOn: '2026-08-25', planReviews: [] });
    expect(r).toMatchObject({ status: 'due_soon', changesOn: '2026-11-25' });
    expect(r.reason).toBe('Rehabilitation plan of 25/08/2026, not reviewed since; the next review is due by 24/11/2026');
    expect(caseRule(rule, { rehabPlanOn: '2026-08-24', planReviews: [] })).toMatchObject({
      status: 'not_met',
      reason: expect.stringContaining('lapsed on 24/11/2026'),
    });
  });
  it('the latest review in the history counts; one dated after as-of does not', () => {
    expect(caseRule(rule, { rehabPlanOn: '2026-01-10', planReviews: [{ on: '2026-04-10' }, { on: '2026-10-25' }] })).toMatchObject({
      status: 'met',
      changesOn: '2027-01-25',
    });
    expect(caseRule(rule, { rehabPlanOn: '2026-01-10', planReviews: [{ on: '2026-12-01' }] }).status).toBe('not_met');
  });
  it('31/08 + 3 months is 01/12 (30/11 is the last day it counts)', () => {
    expect(caseRule(rule, { rehabPlanOn: '2026-08-31', planReviews: [] }, '2026-11-30')).toMatchObject({ status: 'due_soon', changesOn: '2026-12-01' });
    expect(caseRule(rule, { rehabPlanOn: '2026-08-31', planReviews: [] }, '2026-12-01').status).toBe('not_met');
  });
  it("no plan is not met; the firm's interval is used", () => {
    expect(caseRule(rule, { rehabPlanOn: undefined }).reason).toBe('No rehabilitation plan is recorded, so there is nothing to review');
    expect(caseRule(rule, { rehabPlanOn: '2026-06-01', planReviews: [] }, AS_OF, { planReviewMonths: 6 })).toMatchObject({
      status: 'due_soon',
      changesOn: '2026-12-01',
    });
  });
});

describe('CASE-INCIDENT-REPORTED (48 hours, to the minute)', () => {
  const rule = 'CASE-INCIDENT-REPORTED';
  const incident = (over: Partial<Incident>): Incident => ({ kind: 'welfare', identifiedAt: '2026-11-20T10:00', summary: 'Fall at home', ...over });
  const judged = (incidents: Incident[], asOf = AS_OF, at?: number, settings: Partial<FirmSettings> = {}) => caseRule(rule, { incidents }, asOf, settings, at);

  it('no incident is not applicable', () => {
    expect(judged([])).toEqual({ rule, status: 'not_applicable', reason: 'No incident or concern is recorded' });
  });
  it('48:00 after identification is in time, 48:01 is late', () => {
    expect(judged([incident({ lineManagerAt: '2026-11-22T10:00' })]).status).toBe('met');
    const late = judged([incident({ lineManagerAt: '2026-11-22T10:01' })]);
    expect(late.status).toBe('not_met');
    expect(late.reason).toContain('reported to the line manager at 10:01 on 22/11/2026, 48 hours 1 minute after it was identified');
  });
  it('each kind needs its reports: incidents and accidents the incident lead, safeguarding the safeguarding lead', () => {
    const lm = { lineManagerAt: '2026-11-20T11:00' };
    expect(judged([incident({ kind: 'welfare', ...lm })]).status).toBe('met');
    expect(judged([incident({ kind: 'accident', ...lm })]).reason).toContain("not reported to the firm's incident lead within 48 hours");
    expect(judged([incident({ kind: 'incident', ...lm, leadReportedAt: '2026-11-21T09:00' })]).status).toBe('met');
    expect(judged([incident({ kind: 'safeguarding', ...lm, leadReportedAt: '2026-11-21T09:00' })]).reason).toContain('not reported to the safeguarding lead');
    expect(judged([incident({ kind: 'safeguarding', ...lm, safeguardingLeadAt: '2026-11-22T10:00' })]).status).toBe('met');
    // the line manager's report is needed for every kind
    expect(judged([incident({ kind: 'incident', leadReportedAt: '2026-11-21T09:00' })]).reason).toContain('not reported to the line manager');
  });
  it('while the 48 hours run it is due soon, changing on the London date of the first late minute', () => {
    const open = [incident({ identifiedAt: '2026-11-24T09:30' })];
    // judged at 14:00 on 24/11 (now): 48 hours end at 09:30 on 26/11, so it changes that day
    const now = londonInstant('2026-11-24T14:00');
    expect(judged(open, AS_OF, now)).toMatchObject({ status: 'due_soon', changesOn: '2026-11-26' });
    expect(judged(open, AS_OF, now).reason).toBe(
      'Welfare concern identified at 09:30 on 24/11/2026: still to be reported to the line manager by 09:30 on 26/11/2026',
    );
    // identified at 00:00 on 23/11: the hours end at 24:00 on 24/11, the end of the as-of day: still in time
    expect(judged([incident({ identifiedAt: '2026-11-23T00:00' })])).toMatchObject({ status: 'due_soon', changesOn: '2026-11-25' });
    // identified at 23:59 on 22/11: the hours ended at 23:59 on 24/11, before the end of the day
    expect(judged([incident({ identifiedAt: '2026-11-22T23:59' })]).status).toBe('not_met');
  });
  it('"as of" a date is the end of that day; "now" is the instant given', () => {
    const one = [incident({ identifiedAt: '2026-11-22T12:00' })];
    expect(judged(one, AS_OF, londonInstant('2026-11-24T12:00')).status).toBe('due_soon');
    expect(judged(one, AS_OF, londonInstant('2026-11-24T12:01')).status).toBe('not_met');
    expect(judged(one, AS_OF).status).toBe('not_met');
    // a report made after the judging instant had not been made then
    const reported = [incident({ identifiedAt: '2026-11-22T12:00', lineManagerAt: '2026-11-24T11:00' })];
    expect(judged(reported, AS_OF, londonInstant('2026-11-24T10:00')).status).toBe('due_soon');
    expect(judged(reported, AS_OF, londonInstant('2026-11-24T11:00')).status).toBe('met');
    // an incident identified after as-of is not yet known
    expect(judged([incident({ identifiedAt: '2026-11-25T08:00' })]).status).toBe('not_applicable');
  });
  it('48 real hours across the clocks going back (25/10/2026): identified 10:00 BST on 24/10, due by 09:00 GMT on 26/10', () => {
    expect(judged([incident({ identifiedAt: '2026-10-24T10:00', lineManagerAt: '2026-10-26T09:00' })]).status).toBe('met');
    expect(judged([incident({ identifiedAt: '2026-10-24T10:00', lineManagerAt: '2026-10-26T09:01' })]).status).toBe('not_met');
  });
  it("applies to a closed case; the firm's hours are used", () => {
    const closed = caseRule(rule, { status: 'closed', closedOn: '2026-11-01', incidents: [incident({ identifiedAt: '2026-10-01T10:00' })] });
    expect(closed.status).toBe('not_met');
    expect(judged([incident({ lineManagerAt: '2026-11-21T11:00' })], AS_OF, undefined, { incidentReportHours: 24 })).toMatchObject({ status: 'not_met' });
  });
});

describe('CASE-FOLLOW-UP (3, 6 and 9 months after closure, 14 days either side)', () => {
  const rule = 'CASE-FOLLOW-UP';
  // closed 15/01/2026: windows 01/04-29/04, 01/07-29/07, 01/10-29/10 (centres 15/04, 15/07, 15/10)
  const closed = (followUps: { on: string }[] = [], over: Partial<CaseSnapshot> = {}) => ({
    referredOn: '2025-05-01',
    openedOn: '2025-05-10',
    status: 'closed' as const,
    closedOn: '2026-01-15',
    followUpConsent: true,
    followUps,
    ...over,
  });
  const all = [{ on: '2026-04-01' }, { on: '2026-07-29' }, { on: '2026-10-15' }];
  it('not applicable without consent', () => {
    expect(caseRule(rule, closed(all, { followUpConsent: false }))).toEqual({
      rule,
      status: 'not_applicable',
      reason: 'The client did not consent to follow-up',
    });
    expect(caseRule(rule, closed(all, { followUpConsent: undefined })).reason).toBe('No consent to follow-up is recorded');
  });
  it('a contact on the first or last day of each window counts', () => {
    const r = caseRule(rule, closed(all));
    expect(r.status).toBe('met');
    expect(r.changesOn).toBeUndefined();
    expect(r.reason).toContain('3-month follow-up (01/04/2026 to 29/04/2026): contact on 01/04/2026');
  });
  it('a contact the day before a window opens does not count, and the closed window is missed for good', () => {
    const r = caseRule(rule, closed([{ on: '2026-03-31' }, { on: '2026-07-15' }, { on: '2026-10-15' }]));
    expect(r.status).toBe('not_met');
    expect(r.reason).toContain('3-month follow-up (01/04/2026 to 29/04/2026): no contact recorded, so it was missed');
  });
  it('an open window with no contact is due soon until it closes; before it opens the rule is met, changing when it opens', () => {
    const contacts = [{ on: '2026-04-15' }];
    expect(caseRule(rule, closed(contacts), '2026-06-30')).toEqual(expect.objectContaining({ status: 'met', changesOn: '2026-07-01' }));
    expect(caseRule(rule, closed(contacts), '2026-07-01')).toMatchObject({ status: 'due_soon', changesOn: '2026-07-30' });
    expect(caseRule(rule, closed(contacts), '2026-07-29')).toMatchObject({ status: 'due_soon', changesOn: '2026-07-30' });
    expect(caseRule(rule, closed(contacts), '2026-07-30').status).toBe('not_met');
  });
  it('a contact dated after as-of does not count yet', () => {
    expect(caseRule(rule, closed([{ on: '2026-04-20' }]), '2026-04-19').status).toBe('due_soon');
  });
  it('29 February: closed 30/11/2025, the 3-month centre is 01/03/2026 (30/02 does not exist), window 15/02 to 15/03', () => {
    const r = caseRule(rule, closed([], { closedOn: '2025-11-30' }), '2026-02-14');
    expect(r).toMatchObject({ status: 'met', changesOn: '2026-02-15' });
    expect(r.reason).toContain('3-month follow-up (15/02/2026 to 15/03/2026)');
  });
  it('the closing date comes from the status history when there is one', () => {
    const statusHistory = [
      { status: 'open-active' as const, on: '2025-06-01' },
      { status: 'closed' as const, on: '2026-01-15' },
    ];
    expect(caseRule(rule, closed(all, { closedOn: undefined, statusHistory })).status).toBe('met');
    expect(caseRule(rule, closed(all, { closedOn: undefined })).status).toBe('not_met');
  });
});

describe('ORG-SUPPLIERS-PAID (30 days)', () => {
  const rule = 'ORG-SUPPLIERS-PAID';
  const withInvoices = (invoices: Invoice[], over: Partial<CaseSnapshot> = {}) =>
    aCase({ instructions: [{ supplier: 'SUP-01', on: '2026-01-10', invoices }], ...over });
  const inv = (receivedOn: string, paidOn?: string, number = 'INV-1'): Invoice => ({ number, receivedOn, amountGBP: 400, ...(paidOn ? { paidOn } : {}) });
  it('not applicable with no invoice', () => {
    expect(firmRule(rule, [aCase()])).toEqual({ rule, status: 'not_applicable', reason: 'No supplier invoice is recorded' });
  });
  it('paid on the 30th day after receipt is in time; on the 31st it is late', () => {
    expect(firmRule(rule, [withInvoices([inv('2026-09-01', '2026-10-01')])]).status).toBe('met');
    const late = firmRule(rule, [withInvoices([inv('2026-09-01', '2026-10-02')])]);
    expect(late.status).toBe('not_met');
    expect(late.reason).toBe(
      "Invoice INV-1 from Dales Physio (case C-001), received 01/09/2026, was paid on 02/10/2026, 31 days after receipt: beyond the firm's terms of 30 days",
    );
  });
  it('unpaid within its terms is due soon, changing the day after the last day; unpaid after it is not met', () => {
    expect(firmRule(rule, [withInvoices([inv('2026-11-01')])])).toMatchObject({
      status: 'due_soon',
      changesOn: '2026-12-02',
      reason: expect.stringContaining('is due by 01/12/2026'),
    });
    expect(firmRule(rule, [withInvoices([inv('2026-11-01')])], '2026-12-01').status).toBe('due_soon');
    expect(firmRule(rule, [withInvoices([inv('2026-11-01')])], '2026-12-02').reason).toContain('is unpaid 31 days after receipt');
  });
  it('valid time: a payment dated after as-of had not been made on it', () => {
    expect(firmRule(rule, [withInvoices([inv('2026-09-01', '2026-09-20')])], '2026-09-15').status).toBe('due_soon');
  });
  it('a late payment counts for 12 months from receipt; an unpaid invoice past its terms counts however old', () => {
    const old = [withInvoices([inv('2025-06-01', '2025-08-01')])];
    expect(firmRule(rule, old, '2026-05-31')).toMatchObject({ status: 'not_met', changesOn: '2026-06-01' });
    expect(firmRule(rule, old, '2026-06-01')).toMatchObject({
      status: 'not_applicable',
      reason: 'No supplier invoice was received in the 12 months to 01/06/2026',
    });
    expect(firmRule(rule, [withInvoices([inv('2024-01-01')])]).status).toBe('not_met');
  });
  it("every invoice of every case counts; the firm's terms are used", () => {
    const cases = [withInvoices([inv('2026-09-01', '2026-09-20')]), withInvoices([inv('2026-09-01', '2026-10-10', 'INV-2')], { ref: 'C-002' })];
    expect(firmRule(rule, cases).reason).toContain('INV-2');
    expect(firmRule(rule, cases, AS_OF, { invoiceTermsDays: 45 }).status).toBe('met');
  });
});

describe('ORG-OUTCOMES (half of the cases closed in the last 12 months)', () => {
  const rule = 'ORG-OUTCOMES';
  const closed = (ref: string, closedOn: string, complete: boolean, over: Partial<CaseSnapshot> = {}) =>
    aCase({
      ref,
      status: 'closed',
      closedOn,
      ...(complete
        ? { outcome: { vocational: 'returned-to-work' as const }, feedback: [{ on: closedOn, from: 'service-user' as const, aboutCaseManager: 5 }] }
        : {}),
      ...over,
    });
  it('not applicable when no case closed in the last 12 months', () => {
    expect(firmRule(rule, [aCase()])).toEqual({ rule, status: 'not_applicable', reason: 'No case closed in the 12 months to 24/11/2026' });
    expect(firmRule(rule, [closed('C-1', '2025-11-24', false)]).status).toBe('not_applicable');
  });
  it('1 of 2 (50%) meets the default share; 1 of 3 does not', () => {
    expect(firmRule(rule, [closed('C-1', '2026-06-01', true), closed('C-2', '2026-07-01', false)]).status).toBe('met');
    const third = firmRule(rule, [closed('C-1', '2026-06-01', true), closed('C-2', '2026-07-01', false), closed('C-3', '2025-11-25', false)]);
    expect(third.status).toBe('not_met');
    expect(third.reason).toBe(
      "1 of 3 cases closed in the 12 months to 24/11/2026 (33%) has an outcome and service-user feedback recorded; the firm's share is 50%; missing: C-2 (no outcome or service-user feedback) and C-3 (no outcome or service-user feedback)",
    );
  });
  it('the share is compared unrounded: 2 of 3 (0.6667, shown as 67%) falls short of 0.67', () => {
    const cases = [closed('C-1', '2026-06-01', true), closed('C-2', '2026-07-01', true), closed('C-3', '2026-07-01', false)];
    expect(firmRule(rule, cases, AS_OF, { outcomesShare: 0.67 })).toMatchObject({ status: 'not_met', reason: expect.stringContaining('(67%)') });
    expect(firmRule(rule, cases, AS_OF, { outcomesShare: 0.66 }).status).toBe('met');
  });
  it('1 of 3 falls short of 0.34 and meets 0.33', () => {
    expect(
      firmRule(rule, [closed('C-1', '2026-06-01', true), closed('C-2', '2026-07-01', false), closed('C-3', '2026-07-01', false)], AS_OF, {
        outcomesShare: 0.34,
      }).status,
    ).toBe('not_met');
    expect(
      firmRule(rule, [closed('C-1', '2026-06-01', true), closed('C-2', '2026-07-01', false), closed('C-3', '2026-07-01', false)], AS_OF, {
        outcomesShare: 0.33,
      }).status,
    ).toBe('met');
  });
  it('family feedback, feedback dated after as-of, and an empty outcome do not count; a case closed after as-of was still open', () => {
    const family = closed('C-1', '2026-06-01', true, { feedback: [{ on: '2026-06-10', from: 'family' }] });
    expect(firmRule(rule, [family]).reason).toContain('C-1 (no service-user feedback)');
    const later = closed('C-1', '2026-06-01', true, { feedback: [{ on: '2026-12-01', from: 'service-user' }] });
    expect(firmRule(rule, [later]).status).toBe('not_met');
    expect(firmRule(rule, [closed('C-1', '2026-06-01', true, { outcome: {} })]).reason).toContain('no outcome');
    expect(firmRule(rule, [closed('C-1', '2026-12-01', true)]).status).toBe('not_applicable');
  });
});

describe('whole-firm evaluation with the journey', () => {
  it('a firm whose only problem is a late invoice is not met overall', () => {
    const c = aCase({
      instructions: [{ supplier: 'SUP-01', on: '2026-01-10', invoices: [{ receivedOn: '2026-09-01', amountGBP: 10, paidOn: '2026-11-01' }] }],
    });
    const report = evaluate(
      aFirm({
        cases: [c],
        suppliers: [
          aSupplier({
            ref: 'SUP-01',
            indemnity: [{ insurer: 'B', coverGBP: 2_000_000, startsOn: '2025-01-01', expiresOn: '2027-06-30' }],
            fitnessChecks: [{ checkedOn: '2026-01-01', register: 'HCPC', result: 'clear' }],
          }),
        ],
      }),
      AS_OF,
    );
    expect(report.firm.status).toBe('not_met');
    expect(report.firm.rules.filter((r) => r.status === 'not_met').map((r) => r.rule)).toEqual(['ORG-SUPPLIERS-PAID']);
  });
});
