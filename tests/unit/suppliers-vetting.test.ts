// Supplier vetting (issue 4), pure parts: the vetting state shown in the supplier list,
// per-service minimum indemnity in SUP-INDEMNITY, and re-vetting in the due list.
import { describe, expect, it } from 'vitest';
import type { FirmSettings } from '../../electron/contract/model';
import { decisionInput } from '../../electron/contract/ops/suppliers';
import { dueList, engineContext, evaluate, evaluateSupplier } from '../../electron/services/compliance/engine';
import { supplierIndemnityMinimum } from '../../electron/services/compliance/supplierRules';
import { decisionInForce, decisionsNewestFirst, supplierVetting } from '../../electron/services/suppliers/vetting';
import { AS_OF, aFirm, aSupplier, resultOf, stored, type SupplierInput } from '../support/builders';

function judged(input: SupplierInput = {}, asOf = AS_OF, settings: Partial<FirmSettings> = {}) {
  const s = aSupplier(input);
  const firm = aFirm({ suppliers: [s], firm: { settings } });
  const report = evaluateSupplier(s, engineContext(firm, asOf));
  const d = decisionInForce(s, asOf);
  const atDecision = d ? evaluateSupplier(s, engineContext(firm, d.on)) : undefined;
  return { s, report, vetting: supplierVetting(s, report, asOf, atDecision) };
}
const approved = (on: string, nextReviewOn?: string) => ({ decision: 'approved' as const, by: 'Kim Byrne', on, ...(nextReviewOn ? { nextReviewOn } : {}) });

describe('vetting state', () => {
  it('a supplier approved and meeting every rule is Approved, with the review date', () => {
    const { vetting, report } = judged();
    expect(report.status).toBe('met');
    expect(vetting).toEqual({
      state: 'approved',
      reason: 'Approved by Kim Byrne on 15/01/2026; next review due 15/06/2027',
      decidedOn: '2026-01-15',
      nextReviewOn: '2027-06-15',
    });
  });
  it('a conditional approval in date is Approved with conditions', () => {
    const { vetting } = judged({
      decisions: [{ decision: 'conditional', by: 'Kim Byrne', on: '2026-02-01', nextReviewOn: '2027-02-01', note: 'Six sessions, then review' }],
    });
    expect(vetting.state).toBe('conditional');
    expect(vetting.reason).toContain('Six sessions, then review');
  });
  it('needs re-vetting from the day the review date arrives, not the day before', () => {
    const s = { decisions: [approved('2025-11-24', '2026-11-24')] };
    expect(judged(s, '2026-11-23').vetting.state).toBe('approved');
    const lapsed = judged(s, '2026-11-24');
    expect(lapsed.vetting).toMatchObject({ state: 'needs-revetting', nextReviewOn: '2026-11-24' });
    expect(lapsed.vetting.reason).toContain('review due on 24/11/2026 has passed');
    expect(resultOf(lapsed.report, 'SUP-VETTING-DECISION').status).toBe('not_met');
  });
  it('needs re-vetting when evidence has expired since the approval, naming what', () => {
    const { vetting } = judged({ indemnity: [{ insurer: 'Balens', coverGBP: 2_000_000, expiresOn: '2026-11-23' }] });
    expect(vetting.state).toBe('needs-revetting');
    expect(vetting.reason).toBe('Approved by Kim Byrne on 15/01/2026; next review due 15/06/2027; since then not met: professional indemnity');
  });
  it('gaps the approver accepted on the day do not make it need re-vetting (the overall status shows them)', () => {
    const r = judged({
      cvOnFile: false,
      decisions: [{ decision: 'conditional', by: 'Kim Byrne', on: '2026-02-01', nextReviewOn: '2027-02-01', note: 'CV to follow' }],
    });
    expect(r.report.status).toBe('not_met');
    expect(r.vetting.state).toBe('conditional');
    // Without the decision-date report, every rule not met counts.
    expect(supplierVetting(r.s, r.report, AS_OF).state).toBe('needs-revetting');
  });
  it('an approval with no review date needs re-vetting', () => {
    expect(judged({ decisions: [approved('2026-01-01')] }).vetting.state).toBe('needs-revetting');
  });
  it('a rejection is Not approved even when the evidence is fine; no decision is Not yet vetted', () => {
    const r = judged({
      decisions: [approved('2025-01-01', '2027-01-01'), { decision: 'rejected', by: 'Sam Lee', on: '2026-03-01', note: 'No CQC registration' }],
    });
    expect(r.vetting).toMatchObject({ state: 'rejected', decidedOn: '2026-03-01', reason: 'Rejected by Sam Lee on 01/03/2026 (No CQC registration)' });
    expect(judged({ decisions: [] }).vetting).toEqual({ state: 'not-vetted', reason: 'No vetting decision is recorded' });
    // A decision dated after as-of is not in force yet.
    expect(judged({ decisions: [approved('2026-12-01', '2027-12-01')] }).vetting.state).toBe('not-vetted');
  });
  it('exempt and not-applicable rules do not call for re-vetting', () => {
    const r = judged({
      worksWithClients: false,
      dbs: [],
      cvOnFile: false,
      exemptions: [{ rule: 'SUP-EXPERIENCE', reason: 'NHS trust service', grantedBy: 'Kim Byrne', grantedOn: '2026-01-10' }],
    });
    expect(resultOf(r.report, 'SUP-DBS').status).toBe('not_applicable');
    expect(r.vetting.state).toBe('approved');
  });
  it('lists decisions newest first, later-recorded first on the same day', () => {
    const list = [approved('2025-01-01', '2026-01-01'), approved('2026-03-01', '2027-03-01'), { decision: 'rejected' as const, by: 'X', on: '2026-03-01' }].map(
      (d) => stored(d),
    );
    expect(decisionsNewestFirst(list).map((d) => [d.on, d.decision])).toEqual([
      ['2026-03-01', 'rejected'],
      ['2026-03-01', 'approved'],
      ['2025-01-01', 'approved'],
    ]);
  });
});

describe('SUP-DBS is not applicable unless the supplier works with clients', () => {
  it('even with an old certificate on file, and applies once they do', () => {
    const old = [{ level: 'basic' as const, issuedOn: '2015-01-01' }];
    expect(resultOf(judged({ worksWithClients: false, dbs: old }).report, 'SUP-DBS')).toEqual({
      rule: 'SUP-DBS',
      status: 'not_applicable',
      reason: 'Recorded as not working directly with clients, so no DBS check is needed',
    });
    // rules v2: unanswered is not "no DBS needed"
    expect(resultOf(judged({ worksWithClients: undefined, dbs: old }).report, 'SUP-DBS').status).toBe('not_met');
    expect(resultOf(judged({ worksWithClients: true, dbs: old }).report, 'SUP-DBS').status).toBe('not_met');
  });
});

describe('decision panel validation (decisionInput)', () => {
  const base = { ref: 'SUP-01', by: 'Kim Byrne', on: '2026-11-24' };
  const issues = (x: object) => decisionInput.safeParse(x).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];
  it('an approval needs a next review date after the decision date', () => {
    expect(issues({ ...base, decision: 'approved' })).toEqual(['nextReviewOn: is required for an approval']);
    expect(issues({ ...base, decision: 'approved', nextReviewOn: '2026-11-24' })).toEqual(['nextReviewOn: must be after the decision date']);
    expect(issues({ ...base, decision: 'approved', nextReviewOn: '2026-11-25' })).toEqual([]);
  });
  it('conditions are required for a conditional approval, a reason for a rejection', () => {
    expect(issues({ ...base, decision: 'conditional', nextReviewOn: '2027-05-01', note: '  ' })).toEqual([
      'note: is required: write the conditions of the approval',
    ]);
    expect(issues({ ...base, decision: 'rejected' })).toEqual(['note: is required: say why the supplier was not approved']);
    expect(issues({ ...base, decision: 'rejected', note: 'Lapsed HCPC registration' })).toEqual([]);
  });
});

describe('per-service minimum indemnity', () => {
  const settings = (byService?: Record<string, number>): Partial<FirmSettings> => ({
    supplierIndemnityMinGBP: 1_000_000,
    ...(byService ? { supplierIndemnityMinByService: byService } : {}),
  });
  const pol = (coverGBP: number) => [{ insurer: 'Balens', coverGBP, expiresOn: '2027-06-30' }];
  const rule = (services: string[], cover: number, byService?: Record<string, number>) =>
    resultOf(judged({ services, indemnity: pol(cover) }, AS_OF, settings(byService)).report, 'SUP-INDEMNITY');

  it('uses the highest minimum among the supplier’s services', () => {
    const map = { psychology: 5_000_000, Equipment: 500_000 };
    expect(
      supplierIndemnityMinimum({ services: ['physiotherapy', 'Psychology '] }, { supplierIndemnityMinGBP: 1_000_000, supplierIndemnityMinByService: map }),
    ).toEqual({ minGBP: 5_000_000, service: 'Psychology' });
    const below = rule(['physiotherapy', 'psychology'], 4_999_999, map);
    expect(below.status).toBe('not_met');
    expect(below.reason).toBe('Balens policy is in force to 30/06/2027 but its cover of £4,999,999 is below £5,000,000 for psychology');
    const enough = rule(['physiotherapy', 'psychology'], 5_000_000, map);
    expect(enough.status).toBe('met');
    expect(enough.reason).toContain('(at least £5,000,000 needed for psychology)');
  });
  it('a service with its own lower minimum needs only that; mixed with an unlisted service the default still applies', () => {
    const map = { equipment: 500_000 };
    expect(rule(['equipment'], 600_000, map).status).toBe('met');
    expect(rule(['equipment'], 400_000, map).reason).toContain('below £500,000 for equipment');
    expect(rule(['equipment', 'support workers'], 600_000, map).status).toBe('not_met');
    expect(rule(['equipment', 'support workers'], 600_000, map).reason).toContain('below £1,000,000');
  });
  it('falls back to the default with no per-service settings, or no services', () => {
    expect(rule(['physiotherapy'], 999_999).reason).toBe('Balens policy is in force to 30/06/2027 but its cover of £999,999 is below £1,000,000');
    expect(rule([], 1_000_000, { psychology: 5_000_000 }).status).toBe('met');
    expect(
      supplierIndemnityMinimum(
        { services: ['physiotherapy'] },
        { supplierIndemnityMinGBP: 2_000_000, supplierIndemnityMinByService: { psychology: 5_000_000 } },
      ),
    ).toEqual({ minGBP: 2_000_000 });
  });
});

describe('re-vetting in the due list', () => {
  it('an approval whose review falls in the window is listed on its review date, and not once lapsed', () => {
    const s = aSupplier({ ref: 'SUP-07', name: 'Moor Psychology', decisions: [approved('2025-12-20', '2026-12-20')] });
    const firm = aFirm({ suppliers: [s] });
    const items = dueList(evaluate(firm, AS_OF), AS_OF, 60).filter((i) => i.subject === 'supplier');
    expect(items).toContainEqual(
      expect.objectContaining({ ref: 'SUP-07', name: 'Moor Psychology', rule: 'SUP-VETTING-DECISION', status: 'due_soon', changesOn: '2026-12-20' }),
    );
    expect(dueList(evaluate(firm, AS_OF), AS_OF, 25).some((i) => i.rule === 'SUP-VETTING-DECISION')).toBe(false);
    // On the review date it is not met (needs re-vetting), so no longer "due".
    expect(dueList(evaluate(firm, '2026-12-20'), '2026-12-20', 60).some((i) => i.rule === 'SUP-VETTING-DECISION')).toBe(false);
    expect(resultOf(evaluate(firm, '2026-12-20').suppliers[0], 'SUP-VETTING-DECISION').status).toBe('not_met');
  });
});
