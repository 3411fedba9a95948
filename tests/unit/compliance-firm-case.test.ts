import { describe, expect, it } from 'vitest';
import type { ComplianceReport, RuleResult } from '../../electron/contract/compliance';
import type { CaseSnapshot, FirmSnapshot } from '../../electron/contract/model';
import { dueList, engineContext, evaluate, evaluateCase, evaluateFirm } from '../../electron/services/compliance/engine';
import { RULES, ruleById, rulesFor } from '../../electron/services/compliance/rules';
import { AS_OF, aCase, aFirm, aStaff, aSupplier, type FirmInput, loadSample, resultOf } from '../support/builders';

function firmRule(rule: string, over: FirmInput['firm'] = {}, asOf = AS_OF): RuleResult {
  return resultOf(evaluateFirm(aFirm({ firm: over }).firm, engineContext(aFirm({ firm: over }), asOf)), rule);
}
function caseReport(over: Partial<CaseSnapshot> = {}, asOf = AS_OF, firm: FirmInput = {}) {
  const c = aCase(over);
  return evaluateCase(c, engineContext(aFirm({ ...firm, cases: [c] }), asOf));
}
function caseRule(rule: string, over: Partial<CaseSnapshot> = {}, asOf = AS_OF, firm: FirmInput = {}): RuleResult {
  return resultOf(caseReport(over, asOf, firm), rule);
}

describe('rule catalogue', () => {
  const ids = [
    ...[
      'EXPERIENCE-CM',
      'EXPERIENCE-QUAL',
      'CPD-2Y',
      'CASELOAD',
      'PEER-REVIEW',
      'REGISTRATION',
      'TRAINING-SAFEGUARDING',
      'TRAINING-MCA',
      'TRAINING-INFOSEC',
      'INDEMNITY',
      'DBS',
      'SOLE-PRACTITIONER',
    ].map((x) => `STAFF-${x}`),
    ...['CODE-SIGNATORY', 'POLICY-HANDOVER', 'POLICY-WHISTLEBLOWING', 'POLICY-COMPLAINTS', 'POLICY-LONE-WORKING', 'POLICY-INFOSEC'].map((x) => `ORG-${x}`),
    ...[
      'INDEMNITY',
      'QUALIFICATION',
      'EXPERIENCE',
      'SAFEGUARDING',
      'REGULATORY',
      'FITNESS-TO-PRACTISE',
      'SERVICE-COVERAGE',
      'DBS',
      'SOLE-PRACTITIONER',
      'EVIDENCE-BASED',
      'VETTING-DECISION',
    ].map((x) => `SUP-${x}`),
    ...['REHAB-PRESCRIPTION', 'PRE-INA', 'NHS-CONTACT', 'REHAB-PLAN', 'CONSENT', 'RISK-REVIEW', 'SUPPLIERS-VETTED'].map((x) => `CASE-${x}`),
  ];
  it('holds every rule of rules.md once, in order, with source, title and summary', () => {
    expect(RULES.map((r) => r.id)).toEqual(ids);
    for (const r of RULES) {
      expect(r.source.length).toBeGreaterThan(3);
      expect(r.title.length).toBeGreaterThan(3);
      expect(r.summary).toMatch(/^[A-Z].*\.$/);
    }
  });
  it('looks rules up by subject and id', () => {
    expect(rulesFor('firm').map((r) => r.id)).toEqual(ids.filter((id) => id.startsWith('ORG-')));
    expect(rulesFor('case')).toHaveLength(7);
    expect(ruleById('STAFF-DBS')).toMatchObject({ subject: 'staff', source: 'MTSP Organisation H' });
    expect(ruleById('NOPE')).toBeUndefined();
  });
  it('the engine reports exactly the catalogue rules for every subject', () => {
    const c = aCase();
    const report = evaluate(aFirm({ staff: [aStaff()], suppliers: [aSupplier()], cases: [c] }), AS_OF);
    expect(report.firm.rules.map((r) => r.rule)).toEqual(rulesFor('firm').map((r) => r.id));
    expect(report.staff[0]!.rules.map((r) => r.rule)).toEqual(rulesFor('staff').map((r) => r.id));
    expect(report.suppliers[0]!.rules.map((r) => r.rule)).toEqual(rulesFor('supplier').map((r) => r.id));
    expect(report.cases[0]!.rules.map((r) => r.rule)).toEqual(rulesFor('case').map((r) => r.id));
    expect(report.firm.status).toBe('met');
    expect(report.cases[0]!.status).toBe('met');
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

describe('CASE-* applicability', () => {
  it('closed cases and referrals are not applicable, with the reason', () => {
    const closed = caseReport({ status: 'closed', closedOn: '2026-10-01', riskReviewedOn: undefined });
    expect(closed.status).toBe('met');
    expect(closed.rules.every((r) => r.status === 'not_applicable')).toBe(true);
    expect(closed.rules[0]!.reason).toBe('Case closed on 01/10/2026');
    const referral = caseReport({ status: 'referral', openedOn: undefined });
    expect(referral.rules.map((r) => r.status)).toEqual(Array(7).fill('not_applicable'));
    expect(referral.rules[0]!.reason).toMatch(/referral/);
  });
  it('a case opened after as-of is not applicable yet; monitoring cases are judged', () => {
    expect(caseRule('CASE-RISK-REVIEW', { openedOn: '2026-11-25' }).status).toBe('not_applicable');
    expect(caseRule('CASE-RISK-REVIEW', { status: 'monitoring', riskReviewedOn: undefined }).status).toBe('not_met');
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
});

describe('the Riverside sample as of 24/11/2026', () => {
  const report = evaluate(loadSample(), AS_OF);
  const staff = (ref: string) => report.staff.find((s) => s.ref === ref)!;
  const rr01 = (rule: string) => resultOf(staff('RR-01'), rule);
  const rr02 = (rule: string) => resultOf(staff('RR-02'), rule);

  it('reports subjects in file order', () => {
    expect(report.asOf).toBe(AS_OF);
    expect(report.staff.map((s) => [s.ref, s.name])).toEqual([
      ['RR-01', 'Morgan Ellis'],
      ['RR-02', 'Toni Reyes'],
    ]);
    expect(report.suppliers.map((s) => s.ref)).toEqual(['RS-01']);
    expect(report.cases.map((s) => s.ref)).toEqual(['RC-100']);
  });
  it('RR-01', () => {
    expect(rr01('STAFF-INDEMNITY')).toMatchObject({ status: 'met', changesOn: '2027-04-01' });
    expect(rr01('STAFF-INDEMNITY').reason).toContain('Balens');
    expect(rr01('STAFF-INDEMNITY').reason).toContain('£6,000,000');
    expect(rr01('STAFF-INDEMNITY').reason).toContain('31/03/2027');
    expect(rr01('STAFF-DBS')).toMatchObject({ status: 'met', changesOn: '2028-02-01' });
    expect(rr01('STAFF-DBS').reason).toContain('01/02/2025');
    expect(rr01('STAFF-PEER-REVIEW')).toMatchObject({ status: 'met', changesOn: '2027-02-10' });
    expect(rr01('STAFF-REGISTRATION')).toMatchObject({ status: 'met', changesOn: '2027-09-15' });
    expect(rr01('STAFF-CPD-2Y')).toMatchObject({ status: 'met', changesOn: '2027-04-22' });
    expect(rr01('STAFF-CASELOAD').reason).toContain('1 open-active case over 5 days a week = 0.2 a day');
    expect(staff('RR-01').status).toBe('met');
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
    expect(report.firm.status).toBe('not_met');
  });
  it('RS-01', () => {
    const rs01 = report.suppliers[0]!;
    expect(resultOf(rs01, 'SUP-INDEMNITY')).toMatchObject({ status: 'met', changesOn: '2027-02-02' });
    expect(resultOf(rs01, 'SUP-INDEMNITY').reason).toContain('£3,000,000');
    expect(resultOf(rs01, 'SUP-INDEMNITY').reason).toContain('£1,000,000');
    expect(resultOf(rs01, 'SUP-VETTING-DECISION')).toMatchObject({ status: 'met', changesOn: '2027-10-02' });
    expect(resultOf(rs01, 'SUP-QUALIFICATION').status).toBe('met');
    expect(resultOf(rs01, 'SUP-DBS').status).toBe('met');
    expect(rs01.status).toBe('met');
  });
  it('RC-100', () => {
    const rc100 = report.cases[0]!;
    expect(resultOf(rc100, 'CASE-RISK-REVIEW')).toMatchObject({ status: 'due_soon', changesOn: '2027-01-01' });
    expect(resultOf(rc100, 'CASE-SUPPLIERS-VETTED').status).toBe('met');
    expect(resultOf(rc100, 'CASE-SUPPLIERS-VETTED').reason).toContain('05/10/2026');
    expect(resultOf(rc100, 'CASE-CONSENT')).toMatchObject({ status: 'met', changesOn: '2027-07-01' });
    // the sample names no NHS team, which CASE-NHS-CONTACT requires
    expect(resultOf(rc100, 'CASE-NHS-CONTACT').status).toBe('not_met');
  });
  it('evidence files are turned into metadata with size and SHA-256', () => {
    const snap: FirmSnapshot = loadSample();
    const ev = snap.staff[0]!.dbs[0]!.evidence[0]!;
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

describe('dueList', () => {
  const result = (rule: string, status: RuleResult['status'], changesOn?: string): RuleResult => ({
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
