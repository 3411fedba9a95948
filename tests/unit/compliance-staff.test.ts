import { describe, expect, it } from 'vitest';
import type { RuleResult } from '../../electron/contract/compliance';
import { daysBetween, plusDays } from '../../electron/contract/dates';
import type { CaseSnapshot } from '../../electron/contract/model';
import { engineContext, evaluateStaff } from '../../electron/services/compliance/engine';
import { rulesFor, type RuleId } from '../../electron/contract/rules';
import { AS_OF, aCase, aFirm, aStaff, type FirmInput, resultOf, type StaffInput } from '../support/builders';

function staffReport(input: StaffInput = {}, asOf = AS_OF, firm: Omit<FirmInput, 'staff'> = {}) {
  const s = aStaff(input);
  return evaluateStaff(s, engineContext(aFirm({ ...firm, staff: [s] }), asOf));
}
function staffRule(rule: RuleId, input: StaffInput = {}, asOf = AS_OF, firm: Omit<FirmInput, 'staff'> = {}): RuleResult {
  return resultOf(staffReport(input, asOf, firm), rule);
}

describe('staff defaults', () => {
  it('the default case manager meets every staff rule, in catalogue order', () => {
    const report = staffReport();
    expect(report.ref).toBe('S-01');
    expect(report.name).toBe('Alex Carter');
    expect(report.status).toBe('met');
    expect(report.rules.map((r) => r.rule)).toEqual(rulesFor('staff').map((r) => r.id));
    expect(report.rules.filter((r) => r.status !== 'met')).toEqual([]);
  });
});

describe('STAFF-EXPERIENCE-CM (2 years)', () => {
  const rule = 'STAFF-EXPERIENCE-CM';
  it('is met on the second anniversary and after, with no change date', () => {
    expect(staffRule(rule, { caseManagementSince: '2024-11-24' })).toEqual({
      rule,
      status: 'met',
      reason: expect.stringContaining('24/11/2024'),
    });
    expect(staffRule(rule, { caseManagementSince: '2024-11-23' }).status).toBe('met');
  });
  it('is not met the day before, and says when it will be met', () => {
    const r = staffRule(rule, { caseManagementSince: '2024-11-25' });
    expect(r.status).toBe('not_met');
    expect(r.changesOn).toBe('2026-11-25');
    expect(r.reason).toContain('25/11/2026');
  });
  it('29 February: two years on is 01/03, not 28/02 (v2 anniversaries)', () => {
    const since = { caseManagementSince: '2024-02-29' };
    expect(staffRule(rule, since, '2026-02-28')).toMatchObject({ status: 'not_met', changesOn: '2026-03-01' });
    expect(staffRule(rule, since, '2026-03-01').status).toBe('met');
  });
  it('is not met when the start date is missing', () => {
    const r = staffRule(rule, { caseManagementSince: undefined });
    expect(r.status).toBe('not_met');
    expect(r.changesOn).toBeUndefined();
    expect(r.reason).toMatch(/not recorded/);
  });
});

describe('STAFF-EXPERIENCE-QUAL (3 years)', () => {
  const rule = 'STAFF-EXPERIENCE-QUAL';
  it('turns on exactly three years after qualifying', () => {
    expect(staffRule(rule, { qualifiedOn: '2023-11-24' }).status).toBe('met');
    const before = staffRule(rule, { qualifiedOn: '2023-11-24' }, '2026-11-23');
    expect(before.status).toBe('not_met');
    expect(before.changesOn).toBe('2026-11-24');
    expect(staffRule(rule, { qualifiedOn: '2023-11-24' }, '2026-11-25').status).toBe('met');
  });
  it('is not met when the qualification date is missing', () => {
    const r = staffRule(rule, { qualifiedOn: undefined });
    expect(r.status).toBe('not_met');
    expect(r.reason).toMatch(/qualified on is not recorded|not recorded/);
  });
});

describe('STAFF-CPD-2Y', () => {
  const rule = 'STAFF-CPD-2Y';
  const entry = (date: string) => ({ date, topic: `Topic ${date}`, provider: 'BABICM' });

  it('is met with an entry in each period; changesOn is when the recent period empties', () => {
    const r = staffRule(rule, { cpd: [entry('2026-03-10'), entry('2025-06-15')] });
    expect(r.status).toBe('met');
    expect(r.changesOn).toBe('2027-03-10');
    expect(r.reason).toContain('10/03/2026');
    expect(r.reason).toContain('15/06/2025');
  });
  it('treats the period boundaries as (asOf-12m, asOf] and (asOf-24m, asOf-12m]', () => {
    // first day of each period: lapses the next day
    const edge = staffRule(rule, { cpd: [entry('2025-11-25'), entry('2024-11-25')] });
    expect(edge.status).toBe('due_soon');
    expect(edge.changesOn).toBe('2026-11-25');
    // an entry exactly 12 months ago belongs to the earlier period, so the recent one is empty
    const recentEmpty = staffRule(rule, { cpd: [entry('2025-11-24'), entry('2024-11-25')] });
    expect(recentEmpty.status).toBe('not_met');
    expect(recentEmpty.reason).toBe('No CPD recorded between 25/11/2025 and 24/11/2026');
    // an entry exactly 24 months ago is outside both periods
    const earlierEmpty = staffRule(rule, { cpd: [entry('2026-11-24'), entry('2024-11-24')] });
    expect(earlierEmpty.status).toBe('not_met');
    expect(earlierEmpty.reason).toBe('No CPD recorded between 25/11/2024 and 24/11/2025');
    expect(earlierEmpty.changesOn).toBeUndefined();
  });
  it('says when a not-met record becomes met as an entry moves into the earlier period', () => {
    const r = staffRule(rule, { cpd: [entry('2026-10-01'), entry('2026-01-15')] });
    expect(r.status).toBe('not_met');
    expect(r.changesOn).toBe('2027-01-15');
  });
  it('ignores entries dated after as-of', () => {
    const r = staffRule(rule, { cpd: [entry('2026-12-01'), entry('2025-06-15')] });
    expect(r.status).toBe('not_met');
    expect(r.reason).toContain('25/11/2025 and 24/11/2026');
  });
  it('is not met with no CPD at all', () => {
    expect(staffRule(rule, { cpd: [] })).toEqual({ rule, status: 'not_met', reason: 'No CPD is recorded' });
  });
  it('with monthly CPD lapses 12 months after the latest entry', () => {
    const cpd = Array.from({ length: 24 }, (_, i) => entry(`${2024 + Math.floor((i + 11) / 12)}-${String(((i + 11) % 12) + 1).padStart(2, '0')}-05`));
    // 2024-12-05 .. 2026-11-05
    const r = staffRule(rule, { cpd });
    expect(r.status).toBe('met');
    expect(r.changesOn).toBe('2027-11-05');
  });
  it('handles an entry on 29 February leaving the recent period on 1 March', () => {
    const r = staffRule(rule, { cpd: [entry('2024-02-29'), entry('2023-06-01')] }, '2025-02-20');
    expect(r.status).toBe('due_soon');
    expect(r.changesOn).toBe('2025-03-01');
  });
});

describe('STAFF-CASELOAD', () => {
  const rule = 'STAFF-CASELOAD';
  const cases = (n: number, over: Partial<CaseSnapshot> = {}) => Array.from({ length: n }, (_, i) => aCase({ ref: `C-${i}`, caseManager: 'S-01', ...over }));

  it('is met at exactly the limit (24 cases over 3 days = 8)', () => {
    const r = staffRule(rule, { daysPerWeek: 3 }, AS_OF, { cases: cases(24) });
    expect(r).toEqual({ rule, status: 'met', reason: "24 open-active cases over 3 days a week = 8 a day, within the firm's limit of 8" });
  });
  it('is not met above the limit, giving the figures', () => {
    const r = staffRule(rule, { daysPerWeek: 3 }, AS_OF, { cases: cases(25) });
    expect(r.status).toBe('not_met');
    expect(r.reason).toBe("25 open-active cases over 3 days a week = 8.33 a day, above the firm's limit of 8");
    expect(r.changesOn).toBeUndefined();
  });
  it("uses the firm's own limit", () => {
    const r = staffRule(rule, { daysPerWeek: 3 }, AS_OF, { cases: cases(24), firm: { settings: { caseloadPerDayMax: 6 } } });
    expect(r.status).toBe('not_met');
    expect(r.reason).toContain('limit of 6');
  });
  it('counts only open-active cases managed by this person on as-of', () => {
    const mix = [
      ...cases(20),
      ...cases(10, { status: 'monitoring' }),
      ...cases(10, { status: 'closed', closedOn: '2026-10-01' }),
      ...cases(10, { status: 'referral' }),
      ...cases(10, { caseManager: 'S-99' }),
      ...cases(10, { openedOn: '2026-12-01' }),
    ];
    const r = staffRule(rule, { daysPerWeek: 2.5 }, AS_OF, { cases: mix });
    expect(r.status).toBe('met');
    expect(r.reason).toContain('20 open-active cases over 2.5 days a week = 8 a day');
  });
  it('follows a handover on its date', () => {
    const handed = cases(9).map((c) => ({
      ...c,
      handovers: [{ on: '2026-11-24', fromRef: 'S-99', toRef: 'S-01', reason: 'leave', clientInformed: true }],
    }));
    expect(staffRule(rule, { daysPerWeek: 1 }, '2026-11-23', { cases: handed }).reason).toContain('0 open-active cases');
    const on = staffRule(rule, { daysPerWeek: 1 }, '2026-11-24', { cases: handed });
    expect(on.status).toBe('not_met');
    expect(on.reason).toContain('9 open-active cases over 1 day a week = 9 a day');
  });
  it('is not met when working days are not recorded', () => {
    const r = staffRule(rule, { daysPerWeek: undefined }, AS_OF, { cases: cases(1) });
    expect(r.status).toBe('not_met');
    expect(r.reason).toMatch(/days per week are not recorded/);
  });
  it('compares unrounded: 40 cases over 4.998 days (8.004 a day) is above 8 though shown as 8', () => {
    const r = staffRule(rule, { daysPerWeek: 4.998 }, AS_OF, { cases: cases(40) });
    expect(r.status).toBe('not_met');
    expect(r.reason).toBe("40 open-active cases over 4.998 days a week = 8 a day, above the firm's limit of 8 (just above, before rounding)");
    expect(staffRule(rule, { daysPerWeek: 5 }, AS_OF, { cases: cases(40) }).status).toBe('met');
  });
  it('0 working days a week is not met', () => {
    expect(staffRule(rule, { daysPerWeek: 0 }, AS_OF, { cases: [] })).toMatchObject({ status: 'not_met', reason: expect.stringContaining('0 working days') });
  });
  it('valid time: a case closed after a past as-of date was open on it', () => {
    const closedLater = cases(9, { status: 'closed', openedOn: '2026-03-01', closedOn: '2026-11-01' });
    expect(staffRule(rule, { daysPerWeek: 1 }, '2026-10-31', { cases: closedLater })).toMatchObject({
      status: 'not_met',
      reason: expect.stringContaining('9 open-active cases'),
    });
    expect(staffRule(rule, { daysPerWeek: 1 }, '2026-11-01', { cases: closedLater }).reason).toContain('0 open-active cases');
  });
  it('a status history says whether the case was open-active or monitoring on the date', () => {
    const history = cases(9, {
      status: 'monitoring',
      statusHistory: [
        { status: 'referral', on: '2026-02-15' },
        { status: 'open-active', on: '2026-03-01' },
        { status: 'monitoring', on: '2026-10-01' },
      ],
    });
    expect(staffRule(rule, { daysPerWeek: 1 }, '2026-09-30', { cases: history }).reason).toContain('9 open-active cases');
    expect(staffRule(rule, { daysPerWeek: 1 }, '2026-10-01', { cases: history }).reason).toContain('0 open-active cases');
  });
});

describe('STAFF-PEER-REVIEW (6 months)', () => {
  const rule = 'STAFF-PEER-REVIEW';
  const review = (date: string) => ({ date, reviewer: 'Kim Byrne' });
  it('lapses six months after the latest review', () => {
    const dayBefore = staffRule(rule, { peerReviews: [review('2026-05-24')] }, '2026-11-23');
    expect(dayBefore).toEqual({ rule, status: 'due_soon', reason: expect.stringContaining('24/05/2026'), changesOn: '2026-11-24' });
    expect(dayBefore.reason).toContain('Kim Byrne');
    const on = staffRule(rule, { peerReviews: [review('2026-05-24')] }, '2026-11-24');
    expect(on.status).toBe('not_met');
    expect(on.reason).toContain('24/11/2026');
    expect(staffRule(rule, { peerReviews: [review('2026-05-24')] }, '2026-11-25').status).toBe('not_met');
  });
  it('is due_soon up to and including warningDays before the lapse, met beyond', () => {
    expect(staffRule(rule, { peerReviews: [review('2026-07-23')] })).toMatchObject({ status: 'due_soon', changesOn: '2027-01-23' }); // 60 days
    expect(staffRule(rule, { peerReviews: [review('2026-07-24')] })).toMatchObject({ status: 'met', changesOn: '2027-01-24' }); // 61 days
    expect(staffRule(rule, { peerReviews: [review('2026-07-24')] }, AS_OF, { firm: { settings: { warningDays: 61 } } }).status).toBe('due_soon');
  });
  it('uses the latest review and ignores reviews after as-of', () => {
    const r = staffRule(rule, { peerReviews: [review('2026-09-01'), review('2026-03-01'), review('2026-12-01')] });
    expect(r.changesOn).toBe('2027-03-01');
    expect(staffRule(rule, { peerReviews: [review('2026-12-01')] }).status).toBe('not_met');
  });
  it('is not met with no review', () => {
    expect(staffRule(rule, { peerReviews: [] }).reason).toBe('No peer review by someone other than Alex Carter is recorded');
  });
  it('v2: a review by the person themself (case and spacing ignored) does not count', () => {
    const self = staffRule(rule, { peerReviews: [{ date: '2026-10-01', reviewer: ' alex  CARTER' }] });
    expect(self.status).toBe('not_met');
    expect(self.reason).toContain('was by Alex Carter themself');
    const both = staffRule(rule, { peerReviews: [review('2026-06-01'), { date: '2026-10-01', reviewer: 'Alex Carter' }] });
    expect(both).toMatchObject({ status: 'due_soon', changesOn: '2026-12-01' });
  });
  it('29 February: a review on 31/08 lapses on 01/03 (31/08 + 6 months does not exist)', () => {
    expect(staffRule(rule, { peerReviews: [review('2025-08-31')] }, '2026-02-28')).toMatchObject({ status: 'due_soon', changesOn: '2026-03-01' });
    expect(staffRule(rule, { peerReviews: [review('2025-08-31')] }, '2026-03-01').status).toBe('not_met');
  });
});

describe('STAFF-PEER-REVIEW-SCOPE (v2, the last 12 months together)', () => {
  const rule = 'STAFF-PEER-REVIEW-SCOPE';
  type Area = 'decision-making' | 'interventions' | 'communications' | 'goal-setting';
  const review = (date: string, areas: Area[], casesReviewed?: number, reviewer = 'Kim Byrne') => ({ date, reviewer, areas, casesReviewed });
  it('two reviews together cover the four areas and a case; changes when the first needed one leaves the 12 months', () => {
    const peerReviews = [review('2026-02-10', ['decision-making', 'interventions'], 1), review('2026-08-01', ['communications', 'goal-setting'])];
    const r = staffRule(rule, { peerReviews });
    expect(r).toMatchObject({ status: 'met', changesOn: '2027-02-10' });
    expect(r.reason).toContain('1 case');
    expect(staffRule(rule, { peerReviews }, '2027-02-09').status).toBe('due_soon');
    const after = staffRule(rule, { peerReviews }, '2027-02-10');
    expect(after.status).toBe('not_met');
    expect(after.reason).toContain('did not cover decision making and interventions and record no case reviewed');
  });
  it('names the areas missing, and needs at least one case', () => {
    const r = staffRule(rule, { peerReviews: [review('2026-08-10', ['interventions', 'communications'], 2)] });
    expect(r).toEqual({ rule, status: 'not_met', reason: 'The peer review of the last 12 months (10/08/2026) did not cover decision making and goal setting' });
    const noCases = staffRule(rule, { peerReviews: [review('2026-08-10', ['decision-making', 'interventions', 'communications', 'goal-setting'], 0)] });
    expect(noCases.reason).toContain('record no case reviewed');
  });
  it('the boundary: a review exactly 12 months before as-of has left the window', () => {
    const all: Area[] = ['decision-making', 'interventions', 'communications', 'goal-setting'];
    expect(staffRule(rule, { peerReviews: [review('2025-11-25', all, 1)] })).toMatchObject({ status: 'due_soon', changesOn: '2026-11-25' });
    expect(staffRule(rule, { peerReviews: [review('2025-11-24', all, 1)] }).status).toBe('not_met');
  });
  it("a self-review's areas do not count", () => {
    const r = staffRule(rule, {
      peerReviews: [review('2026-08-10', ['decision-making', 'interventions', 'communications', 'goal-setting'], 3, 'Alex Carter')],
    });
    expect(r).toMatchObject({ status: 'not_met', reason: 'No peer review by someone other than Alex Carter in the 12 months to 24/11/2026' });
  });
});

describe('STAFF-REGISTRATION', () => {
  const rule = 'STAFF-REGISTRATION';
  const reg = (over: object = {}) => ({ body: 'HCPC', number: 'OT1', expiresOn: '2027-10-31', lastCheckedOn: '2026-09-01', ...over });
  it('v2: the expiry date ("registered until") is the last valid day', () => {
    expect(staffRule(rule, { registrations: [reg({ expiresOn: '2026-11-24' })] })).toMatchObject({
      status: 'due_soon',
      changesOn: '2026-11-25',
    });
    const after = staffRule(rule, { registrations: [reg({ expiresOn: '2026-11-23' })] });
    expect(after.status).toBe('not_met');
    expect(after.reason).toBe('HCPC OT1 expired on 23/11/2026');
  });
  it('needs a register check within 12 months', () => {
    expect(staffRule(rule, { registrations: [reg({ lastCheckedOn: '2025-11-25' })] })).toMatchObject({
      status: 'due_soon',
      changesOn: '2026-11-25',
    });
    const stale = staffRule(rule, { registrations: [reg({ lastCheckedOn: '2025-11-24' })] });
    expect(stale.status).toBe('not_met');
    expect(stale.reason).toContain('24/11/2025');
    expect(staffRule(rule, { registrations: [reg({ lastCheckedOn: undefined })] }).reason).toContain('no check on the register');
  });
  it('changes on the earlier of expiry and the check lapsing', () => {
    expect(staffRule(rule, { registrations: [reg({ expiresOn: '2027-03-01', lastCheckedOn: '2026-09-01' })] }).changesOn).toBe('2027-03-02');
    expect(staffRule(rule, { registrations: [reg({ expiresOn: '2027-12-01', lastCheckedOn: '2026-09-01' })] }).changesOn).toBe('2027-09-01');
  });
  it('treats a missing expiry or a restriction as not meeting the rule', () => {
    const noExpiry = staffRule(rule, { registrations: [reg({ expiresOn: undefined })] });
    expect(noExpiry.status).toBe('not_met');
    expect(noExpiry.reason).toContain('no expiry date');
    const restricted = staffRule(rule, { registrations: [reg({ restriction: 'Supervised practice only' })] });
    expect(restricted.status).toBe('not_met');
    expect(restricted.reason).toContain('Supervised practice only');
  });
  it('is met when one of several registrations qualifies; the longest-lasting wins', () => {
    const r = staffRule(rule, {
      registrations: [
        reg({ body: 'NMC', number: 'N1', expiresOn: '2026-01-01' }),
        reg({ body: 'HCPC', number: 'H1', expiresOn: '2027-01-31', lastCheckedOn: '2026-10-01' }),
        reg({ body: 'BABICM', number: 'B1', expiresOn: '2027-08-31', lastCheckedOn: '2026-10-01' }),
      ],
    });
    expect(r.status).toBe('met');
    expect(r.changesOn).toBe('2027-09-01');
    expect(r.reason).toContain('BABICM');
  });
  it('v2: a restriction on one of two registrations in force fails the rule, whatever the other says', () => {
    const r = staffRule(rule, {
      registrations: [reg({ body: 'HCPC', number: 'H1' }), reg({ body: 'NMC', number: 'N1', restriction: 'Conditions of practice order' })],
    });
    expect(r.status).toBe('not_met');
    expect(r.reason).toContain('NMC N1 has a restriction recorded (Conditions of practice order)');
  });
  it('a restricted registration on its last valid day is still in force, and fails the rule', () => {
    const regs = [reg(), reg({ body: 'NMC', number: 'N1', expiresOn: AS_OF, restriction: 'Suspended' })];
    expect(staffRule(rule, { registrations: regs }).status).toBe('not_met');
    expect(staffRule(rule, { registrations: regs }, '2026-11-25').status).toBe('met');
  });
  it('a restriction on a registration no longer in force, or on one with no expiry date, does not count either way', () => {
    const expired = staffRule(rule, { registrations: [reg(), reg({ body: 'NMC', number: 'N1', expiresOn: '2026-11-23', restriction: 'Suspended' })] });
    expect(expired.status).toBe('met');
    const noExpiry = staffRule(rule, { registrations: [reg(), reg({ body: 'BABICM', number: 'B1', expiresOn: undefined })] });
    expect(noExpiry.status).toBe('met');
    expect(staffRule(rule, { registrations: [reg({ expiresOn: undefined })] }).reason).toBe(
      'HCPC OT1 has no expiry date recorded, so it does not count as in force',
    );
  });
  it('a register check dated after as-of does not count', () => {
    expect(staffRule(rule, { registrations: [reg({ lastCheckedOn: '2026-11-25' })] }).reason).toContain('no check on the register');
  });
  it('is not met with no registration', () => {
    expect(staffRule(rule, { registrations: [] }).reason).toBe('No professional registration is recorded');
  });
});

describe('STAFF-TRAINING-*', () => {
  const cases: { rule: RuleId; kind: string; lapsedOn: string; lastDay: string }[] = [
    { rule: 'STAFF-TRAINING-SAFEGUARDING', kind: 'safeguarding', lapsedOn: '2023-11-24', lastDay: '2023-11-25' },
    { rule: 'STAFF-TRAINING-MCA', kind: 'mental-capacity', lapsedOn: '2023-11-24', lastDay: '2023-11-25' },
    { rule: 'STAFF-TRAINING-INFOSEC', kind: 'infosec', lapsedOn: '2025-11-24', lastDay: '2025-11-25' },
  ];
  for (const c of cases) {
    it(`${c.rule}: met the day before it lapses, not met on the day`, () => {
      const r = staffRule(c.rule, { training: [{ kind: c.kind, completedOn: c.lastDay }] });
      expect(r).toMatchObject({ status: 'due_soon', changesOn: '2026-11-25' });
      const lapsed = staffRule(c.rule, { training: [{ kind: c.kind, completedOn: c.lapsedOn }] });
      expect(lapsed.status).toBe('not_met');
      expect(lapsed.reason).toContain(`lapsed on 24/11/2026`);
    });
  }
  it('matches the kind ignoring case and spaces, and only that kind', () => {
    expect(staffRule('STAFF-TRAINING-SAFEGUARDING', { training: [{ kind: ' Safeguarding', completedOn: '2026-01-01' }] }).status).toBe('met');
    const other = staffRule('STAFF-TRAINING-INFOSEC', { training: [{ kind: 'safeguarding', completedOn: '2026-10-01' }] });
    expect(other).toEqual({ rule: 'STAFF-TRAINING-INFOSEC', status: 'not_met', reason: 'No information security training is recorded' });
  });
  it('v2: free-text kinds count by their words ("Safeguarding adults level 3", "GDPR refresher", "Mental Capacity Act level 2")', () => {
    const training = [
      { kind: 'Safeguarding adults level 3', completedOn: '2026-01-01' },
      { kind: 'GDPR refresher', completedOn: '2026-02-01' },
      { kind: 'Mental Capacity Act level 2', completedOn: '2026-03-01' },
    ];
    expect(staffRule('STAFF-TRAINING-SAFEGUARDING', { training })).toMatchObject({
      status: 'met',
      reason: expect.stringContaining('"Safeguarding adults level 3"'),
    });
    expect(staffRule('STAFF-TRAINING-INFOSEC', { training })).toMatchObject({ status: 'met', changesOn: '2027-02-01' });
    expect(staffRule('STAFF-TRAINING-MCA', { training })).toMatchObject({ status: 'met', changesOn: '2029-03-01' });
  });
  it('v2: the reason names every course recorded that did not count, and why', () => {
    const r = staffRule('STAFF-TRAINING-INFOSEC', {
      training: [
        { kind: 'infosec', title: 'Cyber essentials', completedOn: '2025-06-01' },
        { kind: 'Data protection', completedOn: '2026-12-01' },
        { kind: 'Fire safety', completedOn: '2026-10-01' },
        { kind: 'other', title: 'Moving and handling', completedOn: '2026-10-01' },
        { kind: 'safeguarding', completedOn: '2026-01-01' },
      ],
    });
    expect(r.status).toBe('not_met');
    expect(r.reason).toBe(
      'No information security training completed in the 12 months to 24/11/2026; recorded but not counted: ' +
        '"Cyber essentials" completed on 01/06/2025, more than 12 months before (lapsed on 01/06/2026); ' +
        '"Data protection" completed on 01/12/2026, after 24/11/2026; ' +
        '"Fire safety", whose name does not say safeguarding, mental capacity or information security; ' +
        '"Moving and handling", recorded as other training',
    );
  });
  it('29 February: safeguarding completed 29/02/2024 counts to 28/02/2027, not on 01/03/2027', () => {
    const training = [{ kind: 'safeguarding', completedOn: '2024-02-29' }];
    expect(staffRule('STAFF-TRAINING-SAFEGUARDING', { training }, '2027-02-28')).toMatchObject({ status: 'due_soon', changesOn: '2027-03-01' });
    expect(staffRule('STAFF-TRAINING-SAFEGUARDING', { training }, '2027-03-01').status).toBe('not_met');
  });
  it('uses the latest completion', () => {
    const r = staffRule('STAFF-TRAINING-INFOSEC', {
      training: [
        { kind: 'infosec', completedOn: '2025-01-01' },
        { kind: 'infosec', completedOn: '2026-02-01' },
      ],
    });
    expect(r).toMatchObject({ status: 'met', changesOn: '2027-02-01' });
  });
});

describe('STAFF-INDEMNITY (£5m)', () => {
  const rule = 'STAFF-INDEMNITY';
  const pol = (over: object = {}) => ({ insurer: 'Hiscox', coverGBP: 5_000_000, expiresOn: '2027-06-30', heldBy: 'self' as const, ...over });

  it('is in force up to and including the expiry date', () => {
    const last = staffRule(rule, { indemnity: [pol({ expiresOn: '2026-11-24' })] });
    expect(last).toMatchObject({ status: 'due_soon', changesOn: '2026-11-25' });
    const after = staffRule(rule, { indemnity: [pol({ expiresOn: '2026-11-23' })] });
    expect(after.status).toBe('not_met');
    expect(after.reason).toContain('expired on 23/11/2026');
  });
  it('is not in force before its start date, and says when it starts', () => {
    const r = staffRule(rule, { indemnity: [pol({ startsOn: '2026-11-25' })] });
    expect(r.status).toBe('not_met');
    expect(r.changesOn).toBe('2026-11-25');
    expect(r.reason).toContain('25/11/2026');
    expect(staffRule(rule, { indemnity: [pol({ startsOn: '2026-11-24' })] }).status).toBe('met');
  });
  it('names a policy below £5m', () => {
    const r = staffRule(rule, { indemnity: [pol({ insurer: 'CSP', coverGBP: 3_000_000 })] });
    expect(r.status).toBe('not_met');
    expect(r.reason).toContain('CSP');
    expect(r.reason).toContain('cover of £3,000,000 is below £5,000,000');
    expect(staffRule(rule, { indemnity: [pol({ coverGBP: 4_999_999 })] }).status).toBe('not_met');
  });
  it('finds the qualifying policy among several', () => {
    const r = staffRule(rule, {
      indemnity: [
        pol({ insurer: 'Small', coverGBP: 1_000_000, expiresOn: '2027-12-31' }),
        pol({ insurer: 'Old', coverGBP: 10_000_000, startsOn: '2025-01-01', expiresOn: '2025-12-31' }),
        pol({ insurer: 'Balens', coverGBP: 6_000_000, startsOn: '2026-04-01', expiresOn: '2027-03-31' }),
      ],
    });
    expect(r).toMatchObject({ status: 'met', changesOn: '2027-04-01' });
    expect(r.reason).toContain('Balens');
    expect(r.reason).toContain('£6,000,000');
  });
  it('follows a chain of back-to-back policies', () => {
    const r = staffRule(rule, {
      indemnity: [
        pol({ insurer: 'A', startsOn: '2026-01-01', expiresOn: '2026-12-31' }),
        pol({ insurer: 'B', startsOn: '2027-01-01', expiresOn: '2027-12-31' }),
        pol({ insurer: 'C', startsOn: '2027-06-01', expiresOn: '2028-05-31' }),
      ],
    });
    expect(r).toMatchObject({ status: 'met', changesOn: '2028-06-01' });
    expect(r.reason).toContain('continued by B to 31/12/2027, then C to 31/05/2028');
  });
  it('stops the chain at a gap or a policy below £5m', () => {
    const gap = staffRule(rule, {
      indemnity: [pol({ startsOn: '2026-01-01', expiresOn: '2026-12-31' }), pol({ startsOn: '2027-01-02', expiresOn: '2027-12-31' })],
    });
    expect(gap).toMatchObject({ status: 'due_soon', changesOn: '2027-01-01' });
    const small = staffRule(rule, {
      indemnity: [pol({ startsOn: '2026-01-01', expiresOn: '2026-12-31' }), pol({ startsOn: '2027-01-01', expiresOn: '2027-12-31', coverGBP: 2_000_000 })],
    });
    expect(small.changesOn).toBe('2027-01-01');
  });
  it('is not met with no policy', () => {
    expect(staffRule(rule, { indemnity: [] }).reason).toBe('No professional indemnity policy is recorded');
  });
});

describe('STAFF-DBS', () => {
  const rule = 'STAFF-DBS';
  it('counts an enhanced certificate for 36 months from issue', () => {
    expect(staffRule(rule, { dbs: [{ level: 'enhanced-barred', issuedOn: '2023-11-25' }] })).toMatchObject({
      status: 'due_soon',
      changesOn: '2026-11-25',
    });
    const lapsed = staffRule(rule, { dbs: [{ level: 'enhanced', issuedOn: '2023-11-24' }] });
    expect(lapsed.status).toBe('not_met');
    expect(lapsed.reason).toContain('24/11/2023');
    expect(lapsed.reason).toContain('not on the Update Service');
  });
  it('never counts basic or standard checks', () => {
    const r = staffRule(rule, {
      dbs: [
        { level: 'basic', issuedOn: '2026-10-01' },
        { level: 'standard', issuedOn: '2026-09-01' },
      ],
    });
    expect(r.status).toBe('not_met');
    expect(r.reason).toMatch(/basic and standard checks do not count/);
  });
  it('accepts the Update Service route with a status check within 12 months', () => {
    const old = { level: 'enhanced' as const, issuedOn: '2020-01-01', updateService: true };
    expect(staffRule(rule, { dbs: [{ ...old, lastStatusCheckOn: '2025-11-25' }] })).toMatchObject({
      status: 'due_soon',
      changesOn: '2026-11-25',
    });
    const stale = staffRule(rule, { dbs: [{ ...old, lastStatusCheckOn: '2025-11-24' }] });
    expect(stale.status).toBe('not_met');
    expect(stale.reason).toContain('24/11/2025');
    // a status check without the Update Service flag does not count
    expect(staffRule(rule, { dbs: [{ ...old, updateService: false, lastStatusCheckOn: '2026-10-01' }] }).status).toBe('not_met');
  });
  it('uses the route that lasts longest', () => {
    const r = staffRule(rule, {
      dbs: [{ level: 'enhanced', issuedOn: '2024-06-01', updateService: true, lastStatusCheckOn: '2026-10-01' }],
    });
    expect(r).toMatchObject({ status: 'met', changesOn: '2027-10-01' });
    expect(r.reason).toContain('Update Service');
    const issue = staffRule(rule, {
      dbs: [{ level: 'enhanced', issuedOn: '2026-06-01', updateService: true, lastStatusCheckOn: '2026-07-01' }],
    });
    expect(issue.changesOn).toBe('2029-06-01');
  });
  it('v2: an Update Service status check dated before the certificate does not count', () => {
    const r = staffRule(rule, { dbs: [{ level: 'enhanced', issuedOn: '2022-01-10', updateService: true, lastStatusCheckOn: '2021-12-01' }] });
    expect(r.status).toBe('not_met');
    expect(r.reason).toContain('before the certificate was issued');
    expect(staffRule(rule, { dbs: [{ level: 'enhanced', issuedOn: '2022-01-10', updateService: true, lastStatusCheckOn: '2026-03-10' }] })).toMatchObject({
      status: 'met',
      changesOn: '2027-03-10',
    });
  });
  it('ignores certificates issued after as-of and is not met with none', () => {
    expect(staffRule(rule, { dbs: [{ level: 'enhanced', issuedOn: '2026-12-01' }] }).status).toBe('not_met');
    expect(staffRule(rule, { dbs: [] }).reason).toBe('No DBS check is recorded');
  });
});

describe('STAFF-SOLE-PRACTITIONER', () => {
  const rule = 'STAFF-SOLE-PRACTITIONER';
  it('is met when recorded as not a sole practitioner, or as one with safeguards', () => {
    expect(staffRule(rule, { solePractitioner: false, employment: 'self-employed' }).status).toBe('met');
    const r = staffRule(rule, { solePractitioner: true, soleWorkingSafeguards: 'Buddy system' });
    expect(r.status).toBe('met');
    expect(r.reason).toContain('Buddy system');
  });
  it('is not met for a sole practitioner without safeguards', () => {
    expect(staffRule(rule, { solePractitioner: true, soleWorkingSafeguards: '  ' }).status).toBe('not_met');
  });
  it('v2: unanswered is met only for someone employed by the firm; self-employed, subcontracted or unknown is not recorded', () => {
    expect(staffRule(rule, { solePractitioner: undefined, employment: 'employed' })).toMatchObject({ status: 'met' });
    expect(staffRule(rule, { solePractitioner: undefined, employment: 'self-employed' })).toEqual({
      rule,
      status: 'not_met',
      reason: 'Not recorded whether Alex Carter (self-employed) works as a sole practitioner',
    });
    expect(staffRule(rule, { solePractitioner: undefined, employment: 'subcontractor' }).status).toBe('not_met');
    expect(staffRule(rule, { solePractitioner: undefined, employment: undefined }).reason).toContain('nor whether they are employed');
  });
});

describe('STAFF-POLICY-ACK (v2)', () => {
  const rule = 'STAFF-POLICY-ACK';
  const policies = (whistle: string, lone: string) => ({
    firm: {
      policies: [
        { kind: 'whistleblowing' as const, title: 'Speak up', reviewedOn: whistle },
        { kind: 'lone-working' as const, title: 'Lone working', reviewedOn: lone },
      ],
    },
  });
  const acks = (on: string, lone = on) => [
    { policy: 'whistleblowing' as const, on },
    { policy: 'lone-working' as const, on: lone },
  ];
  it('is met with both current reviews acknowledged on or after their dates; changes when a review lapses', () => {
    const r = staffRule(rule, { policyAcknowledgements: acks('2026-06-01') }, AS_OF, policies('2026-06-01', '2026-03-01'));
    expect(r).toMatchObject({ status: 'met', changesOn: '2027-03-01' });
    expect(r.reason).toContain('whistleblowing policy reviewed on 01/06/2026 (acknowledged 01/06/2026)');
  });
  it('an acknowledgement the day before the latest review has lapsed', () => {
    const r = staffRule(rule, { policyAcknowledgements: acks('2026-05-31', '2026-06-02') }, AS_OF, policies('2026-06-01', '2026-06-01'));
    expect(r).toEqual({
      rule,
      status: 'not_met',
      reason: 'Alex Carter acknowledged the whistleblowing policy on 31/05/2026, before its latest review on 01/06/2026',
    });
  });
  it('no current policy to acknowledge fails it, as does no policy at all', () => {
    const lapsed = staffRule(rule, { policyAcknowledgements: acks('2026-01-01') }, AS_OF, policies('2025-11-24', '2026-01-01'));
    expect(lapsed.status).toBe('not_met');
    expect(lapsed.reason).toBe('No current whistleblowing policy to acknowledge (the latest review, on 24/11/2025, has lapsed)');
    const none = staffRule(rule, {}, AS_OF, { firm: { policies: [] } });
    expect(none.reason).toBe('No current whistleblowing policy to acknowledge; no current lone working policy to acknowledge');
  });
  it('valid time: an acknowledgement after as-of does not count; a review already on record after as-of is the change date', () => {
    expect(staffRule(rule, { policyAcknowledgements: acks('2026-11-25') }, AS_OF, policies('2026-06-01', '2026-06-01')).status).toBe('not_met');
    const firm = {
      firm: {
        policies: [...policies('2026-06-01', '2026-06-01').firm.policies, { kind: 'lone-working' as const, title: 'Lone working', reviewedOn: '2026-12-10' }],
      },
    };
    expect(staffRule(rule, { policyAcknowledgements: acks('2026-06-01') }, AS_OF, firm)).toMatchObject({ status: 'due_soon', changesOn: '2026-12-10' });
    expect(staffRule(rule, { policyAcknowledgements: acks('2026-06-01') }, '2026-12-10', firm).status).toBe('not_met');
  });
});

describe('staff exemptions and overall status', () => {
  const exemption = { rule: 'STAFF-TRAINING-MCA', reason: 'Desk-based role with no client contact.', grantedBy: 'Kim Byrne', grantedOn: '2026-11-24' };
  it('an exemption in force makes the rule exempt: "Exempt until DATE: reason (granted by NAME on DATE)"', () => {
    const report = staffReport({ training: [], exemptions: [exemption] });
    expect(resultOf(report, 'STAFF-TRAINING-MCA')).toEqual({
      rule: 'STAFF-TRAINING-MCA',
      status: 'exempt',
      reason: 'Exempt until 24/11/2027: Desk-based role with no client contact (granted by Kim Byrne on 24/11/2026)',
      changesOn: '2027-11-25',
    });
  });
  it('an exemption granted after as-of does not apply yet', () => {
    const report = staffReport({ peerReviews: [], exemptions: [{ ...exemption, rule: 'STAFF-PEER-REVIEW', grantedOn: '2026-11-25' }] });
    expect(resultOf(report, 'STAFF-PEER-REVIEW').status).toBe('not_met');
    expect(report.status).toBe('not_met');
  });
  it('an exemption only covers its own rule', () => {
    const report = staffReport({ peerReviews: [], exemptions: [exemption] });
    expect(resultOf(report, 'STAFF-PEER-REVIEW').status).toBe('not_met');
  });
  it('the overall status is the most severe rule status', () => {
    const areas = ['decision-making', 'interventions', 'communications', 'goal-setting'] as const;
    expect(staffReport({ peerReviews: [{ date: '2026-06-01', reviewer: 'K', casesReviewed: 1, areas: [...areas] }] }).status).toBe('due_soon');
    expect(staffReport({ peerReviews: [] }).status).toBe('not_met');
  });
});

describe('changesOn is the first day the status changes (seeded random records)', () => {
  // mulberry32: a small deterministic PRNG, so failures reproduce
  function rng(seed: number) {
    return () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }
  const isMet = (r: RuleResult) => r.status === 'met' || r.status === 'due_soon';

  function randomStaff(rand: () => number): StaffInput {
    const day = (from: string, span: number) => plusDays(from, Math.floor(rand() * span));
    // evidence dated after as-of would take effect later without a changesOn, so keep it on or before as-of
    const past = (from: string) => day(from, daysBetween(from, AS_OF) + 1);
    const n = (max: number) => Math.floor(rand() * (max + 1));
    return {
      caseManagementSince: day('2023-06-01', 1200),
      qualifiedOn: day('2022-06-01', 1800),
      cpd: Array.from({ length: n(5) }, () => ({ date: past('2023-11-01'), topic: 'T', provider: 'P' })),
      peerReviews: Array.from({ length: n(3) }, () => ({ date: past('2026-01-01'), reviewer: 'R' })),
      registrations: Array.from({ length: n(2) }, () => ({
        body: 'HCPC',
        number: 'X',
        expiresOn: day('2026-10-01', 400),
        lastCheckedOn: past('2025-09-01'),
      })),
      training: ['safeguarding', 'mental-capacity', 'infosec'].flatMap((kind) =>
        Array.from({ length: n(2) }, () => ({ kind, completedOn: past('2023-06-01') })),
      ),
      indemnity: Array.from({ length: n(4) }, () => {
        const startsOn = day('2025-10-01', 600);
        return { insurer: 'I', coverGBP: rand() < 0.8 ? 5_000_000 : 2_000_000, startsOn, expiresOn: plusDays(startsOn, 200 + n(200)), heldBy: 'self' as const };
      }),
      dbs: Array.from({ length: n(2) }, () => ({
        level: rand() < 0.8 ? ('enhanced' as const) : ('standard' as const),
        issuedOn: past('2023-01-01'),
        updateService: rand() < 0.5,
        lastStatusCheckOn: past('2025-06-01'),
      })),
    };
  }

  it('holds for every dated staff rule: same status the day before changesOn, different on it', () => {
    const rand = rng(20261124);
    let checked = 0;
    for (let k = 0; k < 150; k++) {
      const input = randomStaff(rand);
      const now = staffReport(input);
      for (const r of now.rules) {
        if (r.rule === 'STAFF-CASELOAD') continue;
        if (r.changesOn === undefined) {
          // nothing on record changes it: the same answer a year and three years on
          expect(isMet(resultOf(staffReport(input, plusDays(AS_OF, 365)), r.rule)), `${r.rule} ${JSON.stringify(input)}`).toBe(isMet(r));
          expect(isMet(resultOf(staffReport(input, plusDays(AS_OF, 1100)), r.rule)), `${r.rule} ${JSON.stringify(input)}`).toBe(isMet(r));
          continue;
        }
        checked++;
        expect(r.changesOn > AS_OF).toBe(true);
        const before = resultOf(staffReport(input, plusDays(r.changesOn, -1)), r.rule);
        const on = resultOf(staffReport(input, r.changesOn), r.rule);
        expect(isMet(before), `${r.rule} day before ${r.changesOn} ${JSON.stringify(input)}`).toBe(isMet(r));
        expect(isMet(on), `${r.rule} on ${r.changesOn} ${JSON.stringify(input)}`).toBe(!isMet(r));
      }
    }
    expect(checked).toBeGreaterThan(300);
  });

  it('STAFF-CPD-2Y matches a day-by-day scan', () => {
    const rand = rng(42);
    for (let k = 0; k < 40; k++) {
      const cpd = Array.from({ length: 1 + Math.floor(rand() * 5) }, () => ({
        date: plusDays('2024-06-01', Math.floor(rand() * 900)),
        topic: 'T',
        provider: 'P',
      }));
      const now = staffRule('STAFF-CPD-2Y', { cpd });
      let firstChange: string | undefined;
      for (let d = 1; d <= 800 && firstChange === undefined; d++) {
        const day = plusDays(AS_OF, d);
        if (isMet(staffRule('STAFF-CPD-2Y', { cpd }, day)) !== isMet(now)) firstChange = day;
      }
      expect(now.changesOn, JSON.stringify(cpd)).toBe(firstChange);
    }
  });
});
