import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ComplianceReport, RuleResult } from '../../electron/contract/compliance';
import { POLICY_KINDS, type CaseSnapshot, type FirmSnapshot } from '../../electron/contract/model';
import { POLICY_NAMES, POLICY_RULE, RULE_IDS, RULES, UNEXEMPTABLE_RULES, ruleById, ruleTitle, rulesFor, type RuleId } from '../../electron/contract/rules';
import { dueList, engineContext, evaluate, evaluateCase, evaluateFirm } from '../../electron/services/compliance/engine';
import { policyWord } from '../../electron/services/packs/labels';
import { POLICY_WORDS } from '../../renderer/src/pages/staff/kinds';
import { AS_OF, aCase, aFirm, aStaff, aSupplier, type FirmInput, loadSample, loadSampleV2, resultOf } from '../support/builders';

function firmRule(rule: RuleId, over: FirmInput['firm'] = {}, asOf = AS_OF): RuleResult {
  return resultOf(evaluateFirm(aFirm({ firm: over }).firm, engineContext(aFirm({ firm: over }), asOf)), rule);
}
function caseReport(over: Partial<CaseSnapshot> = {}, asOf = AS_OF, firm: FirmInput = {}) {
  const c = aCase(over);
  return evaluateCase(c, engineContext(aFirm({ ...firm, cases: [c] }), asOf));
}
function caseRule(rule: RuleId, over: Partial<CaseSnapshot> = {}, asOf = AS_OF, firm: FirmInput = {}): RuleResult {
  return resultOf(caseReport(over, asOf, firm), rule);
}

describe('rule catalogue (contract/rules.ts) against rules.md', () => {
  // The ids, in order, and their sources, read from the spec's own tables.
  const spec = readFileSync(resolve(dirname(fileURLToPath(import.meta.url)), '../../docs/spec/rules.md'), 'utf8');
  const rows = [...spec.matchAll(/^\| ((?:STAFF|ORG|SUP|CASE)-[A-Z0-9-]+) \| ([^|]+) \|/gm)].map((m) => ({ id: m[1], source: m[2].trim() }));
  it('holds every rule of rules.md once, in the spec order, with its source, title, short name and summary', () => {
    expect(rows.length).toBe(44);
    expect(RULES.map((r) => r.id)).toEqual(rows.map((r) => r.id));
    expect([...RULE_IDS]).toEqual(rows.map((r) => r.id));
    for (const r of RULES) {
      const row = rows.find((x) => x.id === r.id)!;
      // the spec marks corrections with "(**v2**...)"; the source is the rest, compared ignoring case
      expect(r.source.toLowerCase(), r.id).toBe(row.source.replace(/\s*\(\*\*v2\*\*[^)]*\)/, '').toLowerCase());
      expect(r.title.length).toBeGreaterThan(3);
      expect(r.short.length).toBeGreaterThan(1);
      expect(r.summary).toMatch(/^[A-Z].*\.$/);
    }
    expect(new Set(RULES.map((r) => r.title.toLowerCase() + r.subject)).size).toBe(RULES.length);
  });
  it('the rules that cannot be exempted are exactly those rules.md lists', () => {
    const listed = /These rules \*\*cannot be exempted\*\*[^:]*:([^.]*)\./s.exec(spec)![1].match(/[A-Z]+-[A-Z0-9-]+/g)!;
    expect([...UNEXEMPTABLE_RULES].sort()).toEqual([...listed].sort());
    expect(listed).toHaveLength(7);
  });
  it('looks rules up by subject and id', () => {
    expect(rulesFor('firm').map((r) => r.id)).toEqual(rows.map((r) => r.id).filter((id) => id.startsWith('ORG-')));
    expect(rulesFor('case')).toHaveLength(11);
    expect(ruleById('STAFF-DBS')).toMatchObject({ subject: 'staff', source: 'MTSP Organisation H', exemptable: false });
    expect(ruleById('NOPE')).toBeUndefined();
    expect(ruleTitle('NOPE')).toBe('NOPE');
  });
  it('the engine reports exactly the catalogue rules for every subject', () => {
    const c = aCase();
    const report = evaluate(aFirm({ staff: [aStaff()], suppliers: [aSupplier()], cases: [c] }), AS_OF);
    expect(report.firm.rules.map((r) => r.rule)).toEqual(rulesFor('firm').map((r) => r.id));
    expect(report.staff[0].rules.map((r) => r.rule)).toEqual(rulesFor('staff').map((r) => r.id));
    expect(report.suppliers[0].rules.map((r) => r.rule)).toEqual(rulesFor('supplier').map((r) => r.id));
    expect(report.cases[0].rules.map((r) => r.rule)).toEqual(rulesFor('case').map((r) => r.id));
    expect(report.firm.status).toBe('met');
    expect(report.staff[0].status).toBe('met');
    expect(report.cases[0].status).toBe('met');
  });
  it('each policy has one name, the same in the app and the packs, and each policy rule one policy', () => {
    expect(Object.keys(POLICY_NAMES)).toEqual([...POLICY_KINDS]);
    for (const kind of POLICY_KINDS) {
      expect(policyWord(kind), kind).toBe(POLICY_NAMES[kind]);
      expect(POLICY_WORDS[kind], kind).toBe(POLICY_NAMES[kind]);
    }
    expect(Object.values(POLICY_RULE)).toEqual(
      rulesFor('firm')
        .filter((r) => r.id.startsWith('ORG-POLICY-'))
        .map((r) => r.id),
    );
  });
});

describe('ORG-*', () => {
  it('ORG-CODE-SIGNATORY follows the firm flag', () => {
    expect(firmRule('ORG-CODE-SIGNATORY').status).toBe('met');
    expect(firmRule('ORG-CODE-SIGNATORY', { codeOfConductSignatory: false }).status).toBe('not_met');
  });
  it('a policy review lasts 12 months', () => {
    const policies = (reviewedOn: string) => [{ kind: 'whistleblowing' as const, title: 'Speak up', reviewedOn }];
    expect(firmRule('ORG-POLICY-WHISTLEBLOWING', { policies: policies('2025-11-25') })).toMatchObject({
      status: 'due_soon',
      changesOn: '2026-11-25',
    });
    const lapsed = firmRule('ORG-POLICY-WHISTLEBLOWING', { policies: policies('2025-11-24') });
    expect(lapsed.status).toBe('not_met');
    expect(lapsed.reason).toContain('24/11/2025');
    expect(lapsed.reason).toContain('Speak up');
  });
  it('uses the latest review of that kind, and a missing kind is not met', () => {
    const policies = [
      { kind: 'complaints' as const, title: 'Old', reviewedOn: '2024-01-01' },
      { kind: 'complaints' as const, title: 'New', reviewedOn: '2026-08-01' },
    ];
    expect(firmRule('ORG-POLICY-COMPLAINTS', { policies })).toMatchObject({ status: 'met', changesOn: '2027-08-01' });
    expect(firmRule('ORG-POLICY-LONE-WORKING', { policies })).toEqual({
      rule: 'ORG-POLICY-LONE-WORKING',
      status: 'not_met',
      reason: 'No lone working policy is recorded',
    });
  });
  it("the firm's status is the most severe ORG-* result", () => {
    const snap = aFirm({ firm: { codeOfConductSignatory: false } });
    expect(evaluate(snap, AS_OF).firm.status).toBe('not_met');
  });
});

describe('CASE-* applicability follows the status on as-of (v2 valid time)', () => {
  const standing = (c: ReturnType<typeof caseReport>) => Object.fromEntries(c.rules.map((r) => [r.rule, r.status]));
  it('a closed case: only CASE-FOLLOW-UP and CASE-INCIDENT-REPORTED apply', () => {
    const closed = caseReport({ status: 'closed', closedOn: '2026-10-01', riskReviewedOn: undefined });
    expect(closed.status).toBe('met');
    expect(closed.rules.filter((r) => r.status !== 'not_applicable')).toEqual([]);
    expect(resultOf(closed, 'CASE-RISK-REVIEW').reason).toBe('Case closed on 01/10/2026');
    expect(resultOf(closed, 'CASE-FOLLOW-UP').reason).toBe('No consent to follow-up is recorded');
    expect(resultOf(closed, 'CASE-INCIDENT-REPORTED').reason).toBe('No incident or concern is recorded');
  });
  it('a case closed after a past as-of date was open on it, and is judged', () => {
    const later = caseReport({ status: 'closed', closedOn: '2026-12-01', riskReviewedOn: undefined });
    expect(resultOf(later, 'CASE-RISK-REVIEW').status).toBe('not_met');
    expect(resultOf(later, 'CASE-FOLLOW-UP').status).toBe('not_applicable');
    expect(resultOf(caseReport({ status: 'closed', closedOn: '2026-12-01' }, '2026-12-01'), 'CASE-RISK-REVIEW').status).toBe('not_applicable');
  });
  it('a referral: only CASE-ASSESSMENT-TIMELY (and any incident) apply', () => {
    const referral = caseReport({ status: 'referral', openedOn: undefined, inaOn: undefined, referredOn: '2026-11-01' });
    expect(standing(referral)).toMatchObject({
      'CASE-ASSESSMENT-TIMELY': 'due_soon',
      'CASE-RISK-REVIEW': 'not_applicable',
      'CASE-FOLLOW-UP': 'not_applicable',
    });
    expect(resultOf(referral, 'CASE-REHAB-PLAN').reason).toBe('Still a referral on 24/11/2026, not an open case');
  });
  it('before the referral every rule is not applicable', () => {
    const early = caseReport({}, '2026-02-14');
    expect(early.rules.every((r) => r.status === 'not_applicable')).toBe(true);
    expect(early.rules[0].reason).toBe('Not yet referred on 14/02/2026 (referred on 15/02/2026)');
    expect(early.status).toBe('met');
  });
  it('an open case opened after as-of is still a referral; monitoring cases are judged', () => {
    expect(caseRule('CASE-RISK-REVIEW', { openedOn: '2026-11-25' }).status).toBe('not_applicable');
    expect(caseRule('CASE-RISK-REVIEW', { status: 'monitoring', riskReviewedOn: undefined }).status).toBe('not_met');
  });
  it('a status history decides: the latest change on or before as-of', () => {
    const statusHistory = [
      { status: 'referral' as const, on: '2026-02-15' },
      { status: 'open-active' as const, on: '2026-03-01' },
      { status: 'closed' as const, on: '2026-09-01' },
      { status: 'open-active' as const, on: '2026-10-01' },
    ];
    expect(caseRule('CASE-RISK-REVIEW', { status: 'open-active', statusHistory }, '2026-09-15')).toMatchObject({
      status: 'not_applicable',
      reason: 'Case closed on 01/09/2026',
    });
    expect(caseRule('CASE-RISK-REVIEW', { status: 'open-active', statusHistory }, '2026-10-01').status).not.toBe('not_applicable');
  });
});

describe('CASE-* rules', () => {
  it('CASE-REHAB-PRESCRIPTION needs the request date', () => {
    expect(caseRule('CASE-REHAB-PRESCRIPTION').reason).toContain('02/03/2026');
    expect(caseRule('CASE-REHAB-PRESCRIPTION', { rehabPrescriptionRequestedOn: undefined }).status).toBe('not_met');
    expect(caseRule('CASE-REHAB-PRESCRIPTION', { rehabPrescriptionRequestedOn: '2026-11-25' }).status).toBe('not_met');
  });
  it('CASE-PRE-INA needs a request and a review or "not available"', () => {
    expect(caseRule('CASE-PRE-INA', { preInaReviewedOn: undefined }).status).toBe('not_met');
    expect(caseRule('CASE-PRE-INA', { preInaReviewedOn: undefined, preInaUnavailable: true }).reason).toContain('not available');
    expect(caseRule('CASE-PRE-INA', { preInaRequestedOn: undefined }).status).toBe('not_met');
    expect(caseRule('CASE-PRE-INA').status).toBe('met');
  });
  it('CASE-NHS-CONTACT needs the date and the team', () => {
    expect(caseRule('CASE-NHS-CONTACT').reason).toBe('Contacted Leeds major trauma rehab team on 10/03/2026');
    expect(caseRule('CASE-NHS-CONTACT', { nhsTeam: undefined }).status).toBe('not_met');
    expect(caseRule('CASE-NHS-CONTACT', { nhsContactOn: undefined }).status).toBe('not_met');
  });
  it('CASE-REHAB-PLAN needs a plan that has been shared', () => {
    expect(caseRule('CASE-REHAB-PLAN', { rehabPlanShared: false }).status).toBe('not_met');
    expect(caseRule('CASE-REHAB-PLAN', { rehabPlanOn: undefined }).status).toBe('not_met');
    expect(caseRule('CASE-REHAB-PLAN', { rehabPlanOn: '2026-11-25' }).status).toBe('not_met');
  });
  it('CASE-REHAB-PLAN v2: needs a goal with a measure and a target date; with no goals recorded (as every case until the case journey stores them) it is not met', () => {
    expect(caseRule('CASE-REHAB-PLAN')).toMatchObject({ status: 'met', reason: expect.stringContaining('"Walk to the shop" (500 m unaided, by 31/03/2027)') });
    expect(caseRule('CASE-REHAB-PLAN', { goals: undefined })).toEqual({
      rule: 'CASE-REHAB-PLAN',
      status: 'not_met',
      reason: 'Rehabilitation plan of 01/04/2026 is shared with stakeholders, but no goal with a measure and a target date is recorded',
    });
    expect(caseRule('CASE-REHAB-PLAN', { goals: [{ text: 'Feel better', measure: '  ', targetOn: '2027-01-01' }] }).status).toBe('not_met');
  });
  it('CASE-CONSENT lasts 12 months from the later of recording and review', () => {
    expect(caseRule('CASE-CONSENT', { consentRecordedOn: '2025-11-25' })).toMatchObject({ status: 'due_soon', changesOn: '2026-11-25' });
    const lapsed = caseRule('CASE-CONSENT', { consentRecordedOn: '2025-11-24' });
    expect(lapsed.status).toBe('not_met');
    expect(lapsed.reason).toContain('24/11/2025');
    const reviewed = caseRule('CASE-CONSENT', { consentRecordedOn: '2024-05-01', consentReviewedOn: '2026-03-10' });
    expect(reviewed).toMatchObject({ status: 'met', changesOn: '2027-03-10' });
    expect(reviewed.reason).toContain('10/03/2026');
    expect(caseRule('CASE-CONSENT', { consentRecordedOn: undefined, consentReviewedOn: '2026-10-01' }).status).toBe('not_met');
  });
  it('CASE-RISK-REVIEW counts the history of reviews too; 31/08 + 3 months is 01/12', () => {
    expect(caseRule('CASE-RISK-REVIEW', { riskReviewedOn: '2026-05-01', riskReviews: [{ on: '2026-09-30' }, { on: '2026-12-01' }] })).toMatchObject({
      status: 'due_soon',
      changesOn: '2026-12-30',
    });
    expect(caseRule('CASE-RISK-REVIEW', { riskReviewedOn: '2026-08-31' }, '2026-11-30')).toMatchObject({ status: 'due_soon', changesOn: '2026-12-01' });
    expect(caseRule('CASE-RISK-REVIEW', { riskReviewedOn: '2026-08-31' }, '2026-12-01').status).toBe('not_met');
  });
  it('CASE-RISK-REVIEW lasts 3 months', () => {
    expect(caseRule('CASE-RISK-REVIEW', { riskReviewedOn: '2026-08-25' })).toMatchObject({ status: 'due_soon', changesOn: '2026-11-25' });
    const lapsed = caseRule('CASE-RISK-REVIEW', { riskReviewedOn: '2026-08-24' });
    expect(lapsed.status).toBe('not_met');
    expect(lapsed.reason).toContain('24/08/2026');
    expect(caseRule('CASE-RISK-REVIEW', { riskReviewedOn: undefined }).status).toBe('not_met');
  });
});

describe('CASE-SUPPLIERS-VETTED', () => {
  const rule = 'CASE-SUPPLIERS-VETTED';
  const supplier = aSupplier({
    ref: 'SUP-01',
    name: 'Dales Physio',
    indemnity: [{ insurer: 'Balens', coverGBP: 2_000_000, startsOn: '2025-07-01', expiresOn: '2027-06-30' }],
    fitnessChecks: [{ checkedOn: '2026-01-15', register: 'HCPC', result: 'clear' }],
    decisions: [
      { decision: 'approved', by: 'Kim Byrne', on: '2026-02-01', nextReviewOn: '2026-08-01' },
      { decision: 'rejected', by: 'Sam Lee', on: '2026-10-01' },
    ],
  });
  const withInstructions = (instructions: CaseSnapshot['instructions']) => caseRule(rule, { instructions }, AS_OF, { suppliers: [supplier] });

  it('is met with no suppliers instructed', () => {
    expect(caseRule(rule)).toEqual({ rule, status: 'met', reason: 'No suppliers instructed' });
  });
  it('judges each instruction on its own date, even if the supplier is no longer approved', () => {
    const r = withInstructions([{ supplier: 'SUP-01', on: '2026-02-01' }]);
    expect(r.status).toBe('met');
    expect(r.reason).toContain('01/02/2026');
    expect(withInstructions([{ supplier: 'SUP-01', on: '2026-07-31' }]).status).toBe('met');
  });
  it('is not met for an instruction before approval or once the review date has passed', () => {
    const early = withInstructions([{ supplier: 'SUP-01', on: '2026-01-31' }]);
    expect(early.status).toBe('not_met');
    expect(early.reason).toContain('31/01/2026');
    const late = withInstructions([
      { supplier: 'SUP-01', on: '2026-03-01' },
      { supplier: 'SUP-01', on: '2026-08-01' },
    ]);
    expect(late.status).toBe('not_met');
    expect(late.reason).toContain('review due on 01/08/2026 has passed');
  });
  it('mentions a recorded override but does not count it as vetting', () => {
    const r = withInstructions([{ supplier: 'SUP-01', on: '2026-10-05', overrideReason: 'Urgent equipment for discharge' }]);
    expect(r.status).toBe('not_met');
    expect(r.reason).toContain('rejected by Sam Lee');
    expect(r.reason).toContain('override recorded: Urgent equipment for discharge');
  });
  it('an instruction to an unknown supplier is not vetted; future instructions are ignored', () => {
    expect(withInstructions([{ supplier: 'NOBODY', on: '2026-03-01' }]).status).toBe('not_met');
    expect(withInstructions([{ supplier: 'NOBODY', on: '2026-12-01' }])).toMatchObject({ status: 'met', reason: 'No suppliers instructed' });
  });

  // v2: approved is not enough; indemnity, fitness to practise and DBS must not fail on the day
  const approvedLong = { decision: 'approved' as const, by: 'Kim Byrne', on: '2026-01-10', nextReviewOn: '2027-12-01' };
  const judged = (over: Parameters<typeof aSupplier>[0], on: string) =>
    caseRule(rule, { instructions: [{ supplier: 'SUP-02', on }] }, AS_OF, {
      suppliers: [aSupplier({ ref: 'SUP-02', name: 'Vale OT', decisions: [approvedLong], ...over })],
    });
  it('v2: indemnity that lapsed after approval makes a later instruction unvetted; the day before it is vetted', () => {
    const over = {
      indemnity: [{ insurer: 'Balens', coverGBP: 2_000_000, startsOn: '2025-06-01', expiresOn: '2026-06-30' }],
      fitnessChecks: [{ checkedOn: '2026-01-05', register: 'HCPC', result: 'clear' as const }],
    };
    expect(judged(over, '2026-06-30').status).toBe('met');
    const after = judged(over, '2026-07-01');
    expect(after.status).toBe('not_met');
    expect(after.reason).toContain('Professional indemnity (SUP-INDEMNITY) was not met on that date: no policy is in force on 01/07/2026');
  });
  it('v2: a register check that found a restriction after approval makes the instruction unvetted', () => {
    const over = {
      indemnity: [{ insurer: 'Balens', coverGBP: 2_000_000, startsOn: '2025-06-01', expiresOn: '2027-06-30' }],
      fitnessChecks: [
        { checkedOn: '2026-01-05', register: 'HCPC', result: 'clear' as const },
        { checkedOn: '2026-05-01', register: 'HCPC', result: 'restriction' as const, note: 'Conditions of practice' },
      ],
    };
    expect(judged(over, '2026-04-30').status).toBe('met');
    expect(judged(over, '2026-05-01').reason).toContain(
      'Fitness to practise (SUP-FITNESS-TO-PRACTISE) was not met on that date: HCPC check on 01/05/2026 found a restriction',
    );
  });
  it('v2: an unanswered "works with clients" (SUP-DBS not met) makes the instruction unvetted; due_soon and exempt on the day pass', () => {
    const base = {
      indemnity: [{ insurer: 'Balens', coverGBP: 2_000_000, startsOn: '2025-06-01', expiresOn: '2027-06-30' }],
      fitnessChecks: [{ checkedOn: '2026-01-05', register: 'HCPC', result: 'clear' as const }],
    };
    expect(judged({ ...base, worksWithClients: undefined }, '2026-03-01').reason).toContain('SUP-DBS');
    // DBS due soon on the instruction date (lapses 40 days later) is not "not met"
    expect(judged({ ...base, dbs: [{ level: 'enhanced', issuedOn: '2023-04-10' }] }, '2026-03-01').status).toBe('met');
    // an exemption from SUP-DBS in force on the instruction date passes; one granted later does not
    const exempt = (grantedOn: string) => ({
      ...base,
      dbs: [],
      exemptions: [{ rule: 'SUP-DBS', reason: 'Equipment only', grantedBy: 'Kim Byrne', grantedOn }],
    });
    expect(judged(exempt('2026-02-01'), '2026-03-01').status).toBe('met');
    expect(judged(exempt('2026-03-02'), '2026-03-01').status).toBe('not_met');
  });
  it('v2: an override with a reason is named, and the rule stays not met', () => {
    const r = caseRule(rule, { instructions: [{ supplier: 'SUP-02', on: '2026-03-01', overrideReason: 'Only local provider' }] }, AS_OF, {
      suppliers: [aSupplier({ ref: 'SUP-02', decisions: [] })],
    });
    expect(r.status).toBe('not_met');
    expect(r.reason).toContain('override recorded: Only local provider; an override does not make it vetted');
  });
});

describe('the Riverside sample (version 1 file) as of 24/11/2026', () => {
  // Version 2 is stricter than version 1; each change below says which rule of rules.md v2 made it.
  const report = evaluate(loadSample(), AS_OF);
  const staff = (ref: string) => report.staff.find((s) => s.ref === ref)!;
  const rr01 = (rule: RuleId) => resultOf(staff('RR-01'), rule);
  const rr02 = (rule: RuleId) => resultOf(staff('RR-02'), rule);

  it('reports subjects in file order', () => {
    expect(report.asOf).toBe(AS_OF);
    expect(report.staff.map((s) => [s.ref, s.name])).toEqual([
      ['RR-01', 'Morgan Ellis'],
      ['RR-02', 'Toni Reyes'],
    ]);
    expect(report.suppliers.map((s) => s.ref)).toEqual(['RS-01']);
    expect(report.cases.map((s) => s.ref)).toEqual(['RC-100']);
  });
  it('RR-01: v1 showed every rule met; v2 fails the new scope and acknowledgement rules', () => {
    expect(rr01('STAFF-INDEMNITY')).toMatchObject({ status: 'met', changesOn: '2027-04-01' });
    expect(rr01('STAFF-INDEMNITY').reason).toContain('Balens');
    expect(rr01('STAFF-INDEMNITY').reason).toContain('£6,000,000');
    // the policy has no start date: taken as 12 months before its expiry, and said so
    expect(rr01('STAFF-INDEMNITY').reason).toContain('start date not recorded, so taken as 01/04/2026');
    expect(rr01('STAFF-DBS')).toMatchObject({ status: 'met', changesOn: '2028-02-01' });
    expect(rr01('STAFF-PEER-REVIEW')).toMatchObject({ status: 'met', changesOn: '2027-02-10' });
    expect(rr01('STAFF-REGISTRATION')).toMatchObject({ status: 'met', changesOn: '2027-09-15' });
    expect(rr01('STAFF-CPD-2Y')).toMatchObject({ status: 'met', changesOn: '2027-04-22' });
    expect(rr01('STAFF-CASELOAD').reason).toContain('1 open-active case over 5 days a week = 0.2 a day');
    // new in v2: the one peer review covered interventions and communications only
    expect(rr01('STAFF-PEER-REVIEW-SCOPE')).toMatchObject({
      status: 'not_met',
      reason: expect.stringContaining('did not cover decision making and goal setting'),
    });
    // new in v2: the firm has no whistleblowing or lone-working policy for anyone to acknowledge
    expect(rr01('STAFF-POLICY-ACK').reason).toBe('No current whistleblowing policy to acknowledge; no current lone working policy to acknowledge');
    expect(staff('RR-01').status).toBe('not_met');
  });
  it('RR-02', () => {
    expect(rr02('STAFF-INDEMNITY')).toMatchObject({ status: 'due_soon', changesOn: '2026-12-16' });
    expect(rr02('STAFF-INDEMNITY').reason).toContain('15/12/2026');
    expect(rr02('STAFF-DBS').status).toBe('not_met');
    expect(rr02('STAFF-CPD-2Y')).toMatchObject({ status: 'not_met', reason: 'No CPD recorded between 25/11/2024 and 24/11/2025' });
    expect(rr02('STAFF-SOLE-PRACTITIONER').status).toBe('met');
    expect(staff('RR-02').status).toBe('not_met');
  });
  it('the firm', () => {
    expect(resultOf(report.firm, 'ORG-POLICY-COMPLAINTS').status).toBe('not_met');
    expect(resultOf(report.firm, 'ORG-POLICY-COMPLAINTS').reason).toContain('01/01/2024');
    expect(resultOf(report.firm, 'ORG-POLICY-HANDOVER')).toMatchObject({ status: 'met', changesOn: '2027-05-01' });
    expect(resultOf(report.firm, 'ORG-CODE-SIGNATORY').status).toBe('met');
    // a version-1 file has no invoices and no closed case
    expect(resultOf(report.firm, 'ORG-SUPPLIERS-PAID')).toMatchObject({ status: 'not_applicable', reason: 'No supplier invoice is recorded' });
    expect(resultOf(report.firm, 'ORG-OUTCOMES').status).toBe('not_applicable');
    expect(report.firm.status).toBe('not_met');
  });
  it('RS-01', () => {
    const rs01 = report.suppliers[0];
    expect(resultOf(rs01, 'SUP-INDEMNITY')).toMatchObject({ status: 'met', changesOn: '2027-02-02' });
    expect(resultOf(rs01, 'SUP-INDEMNITY').reason).toContain('£3,000,000');
    expect(resultOf(rs01, 'SUP-INDEMNITY').reason).toContain('£1,000,000');
    expect(resultOf(rs01, 'SUP-VETTING-DECISION')).toMatchObject({ status: 'met', changesOn: '2027-10-02' });
    expect(resultOf(rs01, 'SUP-QUALIFICATION').status).toBe('met');
    expect(resultOf(rs01, 'SUP-DBS').status).toBe('met');
    expect(rs01.status).toBe('met');
  });
  it('RC-100: v2 adds the journey rules, which a version-1 file cannot meet', () => {
    const rc100 = report.cases[0];
    expect(resultOf(rc100, 'CASE-RISK-REVIEW')).toMatchObject({ status: 'due_soon', changesOn: '2027-01-01' });
    expect(resultOf(rc100, 'CASE-SUPPLIERS-VETTED').status).toBe('met');
    expect(resultOf(rc100, 'CASE-SUPPLIERS-VETTED').reason).toContain('05/10/2026');
    expect(resultOf(rc100, 'CASE-CONSENT')).toMatchObject({ status: 'met', changesOn: '2027-07-01' });
    // the sample names no NHS team, which CASE-NHS-CONTACT requires
    expect(resultOf(rc100, 'CASE-NHS-CONTACT').status).toBe('not_met');
    // v2: no goal with a measure and a target date (a v1 file has no goals)
    expect(resultOf(rc100, 'CASE-REHAB-PLAN').status).toBe('not_met');
    // v2: no assessment date, so the 42 days from opening (no referral date) ran out on 12/08/2026
    expect(resultOf(rc100, 'CASE-ASSESSMENT-TIMELY').reason).toBe(
      'No initial needs assessment recorded by 12/08/2026, within 42 days of the opening on 01/07/2026 (no referral date recorded)',
    );
    // v2: the plan of 01/08/2026 was never reviewed, so it lapsed on 01/11/2026
    expect(resultOf(rc100, 'CASE-PLAN-REVIEW')).toMatchObject({ status: 'not_met', reason: expect.stringContaining('lapsed on 01/11/2026') });
    expect(resultOf(rc100, 'CASE-INCIDENT-REPORTED').status).toBe('not_applicable');
    expect(resultOf(rc100, 'CASE-FOLLOW-UP').status).toBe('not_applicable');
  });
  it('evidence files are turned into metadata with size and SHA-256', () => {
    const snap: FirmSnapshot = loadSample();
    const ev = snap.staff[0].dbs[0].evidence[0];
    expect(ev).toMatchObject({ name: 'dbs.png', mediaType: 'image/png' });
    expect(ev.size).toBeGreaterThan(40);
    expect(ev.sha256).toMatch(/^[0-9a-f]{64}$/);
  });
  it('the due list for 90 days, soonest first', () => {
    expect(dueList(report, AS_OF, 90).map((d) => [d.subject, d.ref, d.rule, d.status, d.changesOn])).toEqual([
      ['staff', 'RR-02', 'STAFF-INDEMNITY', 'due_soon', '2026-12-16'],
      ['case', 'RC-100', 'CASE-RISK-REVIEW', 'due_soon', '2027-01-01'],
      ['supplier', 'RS-01', 'SUP-INDEMNITY', 'met', '2027-02-02'],
      ['staff', 'RR-01', 'STAFF-PEER-REVIEW', 'met', '2027-02-10'],
    ]);
    expect(dueList(report, AS_OF, 90)[0]).toMatchObject({ name: 'Toni Reyes' });
  });
});

describe('the Riverside sample (version 2 file) as of 24/11/2026', () => {
  const report = evaluate(loadSampleV2(), AS_OF);
  const rr01 = (rule: RuleId) =>
    resultOf(
      report.staff.find((s) => s.ref === 'RR-01')!,
      rule,
    );
  const kase = (ref: string) => report.cases.find((c) => c.ref === ref)!;
  it('the exemption with its expiry shows as exempt until 31/01/2027, never as met', () => {
    expect(rr01('STAFF-PEER-REVIEW-SCOPE')).toEqual({
      rule: 'STAFF-PEER-REVIEW-SCOPE',
      status: 'exempt',
      reason: 'Exempt until 31/01/2027: Supervisor on long-term leave; scope review booked for January (granted by Sam Practice Manager on 15/10/2026)',
      changesOn: '2027-02-01',
    });
  });
  it('training titles are shown; the acknowledgements find no current policy to acknowledge', () => {
    expect(rr01('STAFF-TRAINING-SAFEGUARDING').reason).toContain('"Safeguarding adults and children level 3"');
    expect(rr01('STAFF-POLICY-ACK').status).toBe('not_met');
  });
  it('RC-100 with its journey: goals, reviews, an incident reported in time, the assessment within 42 days', () => {
    const c = kase('RC-100');
    expect(resultOf(c, 'CASE-REHAB-PLAN').status).toBe('met');
    expect(resultOf(c, 'CASE-ASSESSMENT-TIMELY')).toMatchObject({
      status: 'met',
      reason: expect.stringContaining('within 42 days of the referral on 20/02/2026'),
    });
    expect(resultOf(c, 'CASE-PLAN-REVIEW')).toMatchObject({ status: 'due_soon', changesOn: '2026-12-14' });
    expect(resultOf(c, 'CASE-INCIDENT-REPORTED').status).toBe('met');
  });
  it('RC-090 closed 29/05/2026 with consent: the 3-month contact was made, the 6-month window is open; the 9-month window centres on 01/03/2027 (29/02 does not exist)', () => {
    const r = resultOf(kase('RC-090'), 'CASE-FOLLOW-UP');
    expect(r).toMatchObject({ status: 'due_soon', changesOn: '2026-12-14' });
    expect(r.reason).toContain('3-month follow-up (15/08/2026 to 12/09/2026): contact on 28/08/2026');
    expect(r.reason).toContain('9-month follow-up (15/02/2027 to 15/03/2027): not yet open');
    expect(resultOf(kase('RC-090'), 'CASE-CONSENT')).toMatchObject({ status: 'not_applicable', reason: 'Case closed on 29/05/2026' });
  });
  it('the firm: an invoice paid 44 days after receipt fails ORG-SUPPLIERS-PAID; the closed case has its outcome and feedback', () => {
    expect(resultOf(report.firm, 'ORG-SUPPLIERS-PAID')).toMatchObject({
      status: 'not_met',
      reason:
        "Invoice PP-1107 from Dales Neuro Physio (case RC-100), received 01/09/2026, was paid on 15/10/2026, 44 days after receipt: beyond the firm's terms of 30 days",
      changesOn: '2027-09-01',
    });
    expect(resultOf(report.firm, 'ORG-OUTCOMES')).toMatchObject({ status: 'met', reason: expect.stringContaining('1 of 1 case closed') });
  });
});

describe('dueList', () => {
  const result = (rule: RuleId, status: RuleResult['status'], changesOn?: string): RuleResult => ({
    rule,
    status,
    reason: 'r',
    ...(changesOn ? { changesOn } : {}),
  });
  const report: ComplianceReport = {
    asOf: AS_OF,
    firm: { status: 'met', rules: [result('ORG-POLICY-INFOSEC', 'met', '2026-12-01')] },
    staff: [
      { ref: 'S-02', name: 'B', status: 'due_soon', rules: [result('STAFF-DBS', 'due_soon', '2026-12-01'), result('STAFF-CPD-2Y', 'not_met', '2026-12-02')] },
      { ref: 'S-01', name: 'A', status: 'met', rules: [result('STAFF-PEER-REVIEW', 'met', '2026-12-24'), result('STAFF-DBS', 'met', '2026-12-01')] },
    ],
    suppliers: [{ ref: 'P-1', status: 'met', rules: [result('SUP-DBS', 'met', '2026-12-25'), result('SUP-EXPERIENCE', 'exempt')] }],
    cases: [{ ref: 'C-1', status: 'met', rules: [result('CASE-RISK-REVIEW', 'met')] }],
  };
  it('lists met and due_soon results lapsing within the window (inclusive), soonest first, then by ref and rule', () => {
    expect(dueList(report, AS_OF, 30).map((d) => `${d.changesOn} ${d.ref} ${d.rule}`)).toEqual([
      '2026-12-01 S-01 STAFF-DBS',
      '2026-12-01 S-02 STAFF-DBS',
      '2026-12-01 firm ORG-POLICY-INFOSEC',
      '2026-12-24 S-01 STAFF-PEER-REVIEW',
    ]);
    expect(dueList(report, AS_OF, 31)).toHaveLength(5);
    expect(dueList(report, AS_OF, 6)).toHaveLength(0);
  });
  it('carries subject, name, status and reason', () => {
    expect(dueList(report, AS_OF, 7)[0]).toEqual({
      subject: 'staff',
      ref: 'S-01',
      name: 'A',
      rule: 'STAFF-DBS',
      status: 'met',
      reason: 'r',
      changesOn: '2026-12-01',
    });
    expect(dueList(report, AS_OF, 7)[2]).toMatchObject({ subject: 'firm', ref: 'firm' });
  });
});
