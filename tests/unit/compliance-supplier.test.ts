import { describe, expect, it } from 'vitest';
import type { RuleResult } from '../../electron/contract/compliance';
import type { FirmSettings } from '../../electron/contract/model';
import { engineContext, evaluateSupplier, supplierApprovalOn } from '../../electron/services/compliance/engine';
import { rulesFor, type RuleId } from '../../electron/contract/rules';
import { AS_OF, aFirm, aSupplier, evidenceMeta, resultOf, type SupplierInput } from '../support/builders';

function supplierReport(input: SupplierInput = {}, asOf = AS_OF, settings: Partial<FirmSettings> = {}) {
  const s = aSupplier(input);
  return evaluateSupplier(s, engineContext(aFirm({ suppliers: [s], firm: { settings } }), asOf));
}
function supRule(rule: RuleId, input: SupplierInput = {}, asOf = AS_OF, settings: Partial<FirmSettings> = {}): RuleResult {
  return resultOf(supplierReport(input, asOf, settings), rule);
}

describe('supplier defaults', () => {
  it('the default supplier meets every supplier rule, in catalogue order', () => {
    const report = supplierReport();
    expect(report).toMatchObject({ ref: 'SUP-01', name: 'Dales Physio', status: 'met' });
    expect(report.rules.map((r) => r.rule)).toEqual(rulesFor('supplier').map((r) => r.id));
    expect(report.rules.filter((r) => r.status !== 'met')).toEqual([]);
  });
});

describe('SUP-INDEMNITY', () => {
  const rule = 'SUP-INDEMNITY';
  const pol = (over: object = {}) => ({ insurer: 'Balens', coverGBP: 1_000_000, expiresOn: '2027-06-30', ...over });
  it("needs at least the firm's minimum cover (default £1m)", () => {
    const r = supRule(rule, { indemnity: [pol()] });
    expect(r).toMatchObject({ status: 'met', changesOn: '2027-07-01' });
    expect(r.reason).toContain('£1,000,000');
    const low = supRule(rule, { indemnity: [pol({ coverGBP: 999_999 })] });
    expect(low.status).toBe('not_met');
    expect(low.reason).toContain('cover of £999,999 is below £1,000,000');
  });
  it("follows the firm's setting", () => {
    const r = supRule(rule, { indemnity: [pol({ coverGBP: 1_500_000 })] }, AS_OF, { supplierIndemnityMinGBP: 2_000_000 });
    expect(r.status).toBe('not_met');
    expect(r.reason).toContain('below £2,000,000');
  });
  it('is in force to the end of its expiry date', () => {
    expect(supRule(rule, { indemnity: [pol({ expiresOn: '2026-11-24' })] })).toMatchObject({ status: 'due_soon', changesOn: '2026-11-25' });
    const lapsed = supRule(rule, { indemnity: [pol({ expiresOn: '2026-11-23' })] });
    expect(lapsed.status).toBe('not_met');
    expect(lapsed.reason).toContain('23/11/2026');
  });
  it('v2: a policy with no start date started the day after 12 months before its expiry, and the reason says so', () => {
    // expiry 31/05/2027: in force from 01/06/2026
    expect(supRule(rule, { indemnity: [pol({ expiresOn: '2027-05-31' })] }, '2026-05-31')).toMatchObject({ status: 'not_met', changesOn: '2026-06-01' });
    const first = supRule(rule, { indemnity: [pol({ expiresOn: '2027-05-31' })] }, '2026-06-01');
    expect(first.status).toBe('met');
    expect(first.reason).toContain('start date not recorded, so taken as 01/06/2026');
    // 29/02/2028 less 12 months clamps to 28/02/2027, so the policy starts on 01/03/2027
    expect(supRule(rule, { indemnity: [pol({ expiresOn: '2028-02-29' })] }, '2027-02-28').status).toBe('not_met');
    expect(supRule(rule, { indemnity: [pol({ expiresOn: '2028-02-29' })] }, '2027-03-01').status).toBe('met');
    // a recorded start date wins
    expect(supRule(rule, { indemnity: [pol({ startsOn: '2025-01-01', expiresOn: '2027-05-31' })] }, '2026-05-31').status).toBe('met');
  });
  it('several services: each needs its own minimum where set, the supplier needs the highest', () => {
    const settings = { supplierIndemnityMinByService: { psychology: 2_000_000 } };
    const r = supRule(rule, { services: ['physiotherapy', 'Psychology'], indemnity: [pol({ coverGBP: 1_500_000 })] }, AS_OF, settings);
    expect(r.status).toBe('not_met');
    expect(r.reason).toContain('below £2,000,000 for Psychology');
  });
  it('concurrent policies are not added together', () => {
    const r = supRule(rule, { indemnity: [pol({ coverGBP: 600_000 }), pol({ insurer: 'Hiscox', coverGBP: 600_000 })] });
    expect(r.status).toBe('not_met');
    expect(r.reason).toContain('not added together');
  });
  it('with several policies, the longest-running qualifying one counts', () => {
    const r = supRule(rule, { indemnity: [pol({ expiresOn: '2026-12-31' }), pol({ insurer: 'Hiscox', expiresOn: '2027-09-30' })] });
    expect(r).toMatchObject({ status: 'met', changesOn: '2027-10-01' });
  });
});

describe('SUP-QUALIFICATION and SUP-EXPERIENCE', () => {
  it('needs a qualification with a named body and evidence', () => {
    const without = supRule('SUP-QUALIFICATION', { qualifications: [{ body: 'HCPC', number: 'PH1' }] });
    expect(without).toEqual({ rule: 'SUP-QUALIFICATION', status: 'not_met', reason: 'HCPC PH1 is recorded without evidence' });
    const withEvidence = supRule('SUP-QUALIFICATION', {
      qualifications: [
        { body: 'HCPC', number: 'PH1' },
        { body: 'BABCP', evidence: [evidenceMeta({ name: 'babcp.pdf' })] },
      ],
    });
    expect(withEvidence.status).toBe('met');
    expect(withEvidence.reason).toContain('BABCP');
    expect(withEvidence.reason).toContain('babcp.pdf');
    expect(supRule('SUP-QUALIFICATION', { qualifications: [] }).status).toBe('not_met');
  });
  it('needs a CV on file', () => {
    expect(supRule('SUP-EXPERIENCE', { cvOnFile: false }).status).toBe('not_met');
    expect(supRule('SUP-EXPERIENCE', { cvOnFile: undefined }).status).toBe('not_met');
    expect(supRule('SUP-EXPERIENCE', { cvOnFile: true }).status).toBe('met');
  });
});

describe('SUP-SAFEGUARDING (36 months)', () => {
  const rule = 'SUP-SAFEGUARDING';
  it('lapses 36 months after the date recorded', () => {
    expect(supRule(rule, { safeguardingOn: '2023-11-25' })).toMatchObject({ status: 'due_soon', changesOn: '2026-11-25' });
    const lapsed = supRule(rule, { safeguardingOn: '2023-11-24' });
    expect(lapsed.status).toBe('not_met');
    expect(lapsed.reason).toContain('24/11/2023');
    expect(supRule(rule, { safeguardingOn: undefined }).status).toBe('not_met');
    expect(supRule(rule, { safeguardingOn: '2026-12-01' }).status).toBe('not_met');
  });
});

describe('SUP-REGULATORY', () => {
  const rule = 'SUP-REGULATORY';
  it('needs at least one entry', () => {
    expect(supRule(rule, { regulatory: [] }).status).toBe('not_met');
  });
  it('an entry without expiry is open-ended', () => {
    expect(supRule(rule, { regulatory: [{ scheme: 'ICO', reference: 'Z1' }] })).toEqual({
      rule,
      status: 'met',
      reason: 'Recorded: ICO Z1 (no expiry)',
    });
  });
  it('expiresOn is the last valid day; changesOn is the day after the earliest expiry', () => {
    const r = supRule(rule, {
      regulatory: [
        { scheme: 'ICO', expiresOn: '2027-05-31' },
        { scheme: 'HCPC', expiresOn: '2026-11-24' },
      ],
    });
    expect(r).toMatchObject({ status: 'due_soon', changesOn: '2026-11-25' });
    const lapsed = supRule(rule, {
      regulatory: [
        { scheme: 'ICO', expiresOn: '2027-05-31' },
        { scheme: 'HCPC', expiresOn: '2026-11-23' },
      ],
    });
    expect(lapsed.status).toBe('not_met');
    expect(lapsed.reason).toBe('HCPC expired on 23/11/2026');
  });
  it('a renewal for the same scheme supersedes the expired entry', () => {
    const r = supRule(rule, {
      regulatory: [
        { scheme: 'CQC', expiresOn: '2026-01-31' },
        { scheme: 'cqc', expiresOn: '2027-01-31' },
      ],
    });
    expect(r).toMatchObject({ status: 'met', changesOn: '2027-02-01' });
  });
});

describe('SUP-FITNESS-TO-PRACTISE (12 months)', () => {
  const rule = 'SUP-FITNESS-TO-PRACTISE';
  const check = (checkedOn: string, result: 'clear' | 'restriction' = 'clear', note?: string) => ({
    checkedOn,
    register: 'HCPC',
    result,
    ...(note ? { note } : {}),
  });
  it('a clear check lasts 12 months', () => {
    expect(supRule(rule, { fitnessChecks: [check('2025-11-25')] })).toMatchObject({ status: 'due_soon', changesOn: '2026-11-25' });
    const old = supRule(rule, { fitnessChecks: [check('2025-11-24')] });
    expect(old.status).toBe('not_met');
    expect(old.reason).toContain('24/11/2025');
  });
  it('a restriction on the latest check is not met; a later clear check replaces it', () => {
    const r = supRule(rule, { fitnessChecks: [check('2026-10-01', 'restriction', 'Conditions of practice')] });
    expect(r.status).toBe('not_met');
    expect(r.reason).toContain('Conditions of practice');
    expect(supRule(rule, { fitnessChecks: [check('2026-05-01', 'restriction'), check('2026-10-01')] }).status).toBe('met');
  });
  it('needs a check', () => {
    expect(supRule(rule, { fitnessChecks: [] }).status).toBe('not_met');
  });
});

describe('SUP-SERVICE-COVERAGE, SUP-SOLE-PRACTITIONER, SUP-EVIDENCE-BASED', () => {
  it('needs service area and acceptance criteria', () => {
    const r = supRule('SUP-SERVICE-COVERAGE', { acceptanceCriteria: undefined });
    expect(r).toEqual({ rule: 'SUP-SERVICE-COVERAGE', status: 'not_met', reason: 'No acceptance criteria recorded' });
    expect(supRule('SUP-SERVICE-COVERAGE', { serviceArea: '', acceptanceCriteria: undefined }).reason).toBe('No service area and acceptance criteria recorded');
  });
  it('a sole trader needs safeguards recorded', () => {
    expect(supRule('SUP-SOLE-PRACTITIONER', { soleTrader: true }).status).toBe('not_met');
    expect(supRule('SUP-SOLE-PRACTITIONER', { soleTrader: true, safeguardsNote: 'Clinical supervision monthly' }).status).toBe('met');
    expect(supRule('SUP-SOLE-PRACTITIONER', { soleTrader: false }).status).toBe('met');
  });
  it('v2: an individual with the sole-trader question unanswered is not met; an organisation is met', () => {
    expect(supRule('SUP-SOLE-PRACTITIONER', { kind: 'individual', soleTrader: undefined })).toEqual({
      rule: 'SUP-SOLE-PRACTITIONER',
      status: 'not_met',
      reason: 'Not recorded whether this individual practitioner works as a sole trader',
    });
    expect(supRule('SUP-SOLE-PRACTITIONER', { kind: 'individual', soleTrader: false }).status).toBe('met');
    expect(supRule('SUP-SOLE-PRACTITIONER', { kind: 'organisation', soleTrader: undefined }).status).toBe('met');
  });
  it('needs the guideline or pathway named', () => {
    expect(supRule('SUP-EVIDENCE-BASED', { evidenceBase: undefined }).status).toBe('not_met');
    expect(supRule('SUP-EVIDENCE-BASED', { evidenceBase: 'NICE NG211' }).reason).toContain('NICE NG211');
  });
});

describe('SUP-DBS', () => {
  const rule = 'SUP-DBS';
  it('is not applicable when recorded as not working directly with clients', () => {
    expect(supRule(rule, { worksWithClients: false, dbs: [] }).status).toBe('not_applicable');
    expect(supplierReport({ worksWithClients: false, dbs: [] }).status).toBe('met');
  });
  it('v2: not recorded whether they work with clients is not met, never "no DBS needed"', () => {
    expect(supRule(rule, { worksWithClients: undefined, dbs: [] })).toEqual({
      rule,
      status: 'not_met',
      reason: 'Not recorded whether they work directly with clients',
    });
    expect(supplierReport({ worksWithClients: undefined, dbs: [] }).status).toBe('not_met');
  });
  it('otherwise applies the staff DBS test', () => {
    expect(supRule(rule, { dbs: [] }).status).toBe('not_met');
    expect(supRule(rule, { dbs: [{ level: 'standard', issuedOn: '2026-01-01' }] }).status).toBe('not_met');
    expect(supRule(rule, { dbs: [{ level: 'enhanced', issuedOn: '2023-11-25' }] })).toMatchObject({
      status: 'due_soon',
      changesOn: '2026-11-25',
    });
    expect(supRule(rule, { dbs: [{ level: 'enhanced', issuedOn: '2019-01-01', updateService: true, lastStatusCheckOn: '2026-06-01' }] })).toMatchObject({
      status: 'met',
      changesOn: '2027-06-01',
    });
  });
});

describe('SUP-VETTING-DECISION and supplierApprovalOn', () => {
  const rule = 'SUP-VETTING-DECISION';
  const approved = (on: string, nextReviewOn?: string) => ({ decision: 'approved' as const, by: 'Kim Byrne', on, ...(nextReviewOn ? { nextReviewOn } : {}) });

  it('is met until the next review date, which is the change date', () => {
    expect(supRule(rule, { decisions: [approved('2025-11-25', '2026-11-25')] })).toMatchObject({
      status: 'due_soon',
      changesOn: '2026-11-25',
    });
    const passed = supRule(rule, { decisions: [approved('2025-11-24', '2026-11-24')] });
    expect(passed.status).toBe('not_met');
    expect(passed.reason).toContain('review due on 24/11/2026 has passed');
  });
  it('is not met without a next review date, when rejected, or with no decision', () => {
    expect(supRule(rule, { decisions: [approved('2026-01-01')] }).reason).toContain('no next review date');
    const rejected = supRule(rule, {
      decisions: [approved('2026-01-01', '2027-01-01'), { decision: 'rejected', by: 'Sam Lee', on: '2026-06-01', nextReviewOn: '2027-06-01' }],
    });
    expect(rejected.status).toBe('not_met');
    expect(rejected.reason).toBe('Rejected by Sam Lee on 01/06/2026');
    expect(supRule(rule, { decisions: [] }).reason).toBe('No vetting decision is recorded');
  });
  it('a conditional approval counts; a decision after as-of is ignored', () => {
    const r = supRule(rule, {
      decisions: [{ decision: 'conditional', by: 'Kim Byrne', on: '2026-02-01', nextReviewOn: '2027-02-01', note: 'Review after 6 sessions' }],
    });
    expect(r).toMatchObject({ status: 'met', changesOn: '2027-02-01' });
    expect(r.reason).toContain('Review after 6 sessions');
    const future = supRule(rule, {
      decisions: [approved('2026-01-01', '2027-06-01'), { decision: 'rejected', by: 'Sam Lee', on: '2026-12-01' }],
    });
    expect(future.status).toBe('met');
  });
  it('a rejection on the same day as an approval wins, whatever the order they are listed in', () => {
    const rejected = { decision: 'rejected' as const, by: 'Sam Lee', on: '2026-06-01' };
    expect(supRule(rule, { decisions: [rejected, approved('2026-06-01', '2027-06-01')] }).status).toBe('not_met');
    expect(supRule(rule, { decisions: [approved('2026-06-01', '2027-06-01'), rejected] }).status).toBe('not_met');
    expect(supRule(rule, { decisions: [rejected, approved('2026-06-02', '2027-06-01')] }).status).toBe('met');
  });
  it('of two approvals on the same day, the one recorded later counts, whatever its terms', () => {
    const conditional = { decision: 'conditional' as const, by: 'Sam Lee', on: '2026-06-01', nextReviewOn: '2026-12-01', note: 'Six sessions, then review' };
    const later = supRule(rule, { decisions: [approved('2026-06-01', '2027-06-01'), conditional] });
    expect(later).toMatchObject({ status: 'due_soon', changesOn: '2026-12-01' });
    expect(later.reason).toContain('Approved with conditions by Sam Lee on 01/06/2026');
    const earlier = supRule(rule, { decisions: [conditional, approved('2026-06-01', '2027-06-01')] });
    expect(earlier).toMatchObject({ status: 'met', changesOn: '2027-06-01' });
    expect(earlier.reason).toContain('Approved by Kim Byrne on 01/06/2026');
  });
  it('supplierApprovalOn judges any date by the decision in force then', () => {
    const s = aSupplier({
      decisions: [approved('2026-01-10', '2026-07-10'), { decision: 'rejected', by: 'Sam Lee', on: '2026-09-01' }],
    });
    expect(supplierApprovalOn(s, '2026-01-09')).toMatchObject({ approved: false, reason: 'No vetting decision had been made by 09/01/2026' });
    expect(supplierApprovalOn(s, '2026-01-10')).toMatchObject({ approved: true, decision: { on: '2026-01-10' } });
    expect(supplierApprovalOn(s, '2026-07-09').approved).toBe(true);
    expect(supplierApprovalOn(s, '2026-07-10')).toMatchObject({ approved: false });
    expect(supplierApprovalOn(s, '2026-07-10').reason).toContain('10/07/2026');
    expect(supplierApprovalOn(s, '2026-09-01')).toMatchObject({ approved: false, decision: { decision: 'rejected' } });
  });
});

describe('supplier exemptions', () => {
  it('makes the rule exempt from the day granted to its expiry', () => {
    const exemptions = [{ rule: 'SUP-EXPERIENCE', reason: 'NHS trust service', grantedBy: 'Kim Byrne', grantedOn: '2026-11-01', expiresOn: '2027-04-30' }];
    const r = supRule('SUP-EXPERIENCE', { cvOnFile: false, exemptions });
    expect(r).toEqual({
      rule: 'SUP-EXPERIENCE',
      status: 'exempt',
      reason: 'Exempt until 30/04/2027: NHS trust service (granted by Kim Byrne on 01/11/2026)',
      changesOn: '2027-05-01',
    });
    expect(supRule('SUP-EXPERIENCE', { cvOnFile: false, exemptions }, '2026-10-31').status).toBe('not_met');
    expect(supRule('SUP-EXPERIENCE', { cvOnFile: false, exemptions }, '2027-04-30').status).toBe('exempt');
    expect(supRule('SUP-EXPERIENCE', { cvOnFile: false, exemptions }, '2027-05-01').status).toBe('not_met');
    expect(supplierReport({ cvOnFile: false, exemptions }).status).toBe('met');
  });
  it('v2: an exemption from SUP-INDEMNITY or SUP-VETTING-DECISION (say from a version-1 file) is not applied', () => {
    const exemptions = [{ rule: 'SUP-INDEMNITY', reason: 'NHS body', grantedBy: 'Kim Byrne', grantedOn: '2026-11-01' }];
    const r = supRule('SUP-INDEMNITY', { indemnity: [], exemptions });
    expect(r.status).toBe('not_met');
    expect(r.reason).toBe(
      'No professional indemnity policy is recorded (the exemption granted by Kim Byrne on 01/11/2026 does not apply: this rule cannot be exempted)',
    );
  });
});
