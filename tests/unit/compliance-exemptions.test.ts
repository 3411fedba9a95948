// Exemptions v2 (rules.md "Exemptions"): the one check the form and the import share
// (exemptionProblem / exemptionFor), and how the engine applies an exemption on as-of.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { exemptionFor, exemptionProblem, staffExemption, supplierExemption } from '../../electron/contract/exemptions';
import { UNEXEMPTABLE_RULES } from '../../electron/contract/rules';
import { engineContext, evaluateStaff } from '../../electron/services/compliance/engine';
import { AS_OF, aFirm, aStaff, resultOf } from '../support/builders';

const grant = { reason: 'r', grantedBy: 'Kim Byrne', grantedOn: '2026-01-31' };

describe('exemptionProblem', () => {
  it('accepts an exemptable rule of the right kind of subject, with or without an expiry', () => {
    expect(exemptionProblem({ rule: 'STAFF-CPD-2Y', grantedOn: '2026-01-31' }, 'staff')).toBeUndefined();
    expect(exemptionProblem({ rule: 'SUP-DBS', grantedOn: '2026-01-31', expiresOn: '2026-01-31' }, 'supplier')).toBeUndefined();
  });
  it('refuses an unknown rule and a rule of another kind of subject', () => {
    expect(exemptionProblem({ rule: 'STAFF-NOPE', grantedOn: '2026-01-31' }, 'staff')).toEqual({
      field: 'rule',
      message: 'STAFF-NOPE is not a rule Caseproof knows, so it cannot be exempted',
    });
    expect(exemptionProblem({ rule: 'SUP-DBS', grantedOn: '2026-01-31' }, 'staff')!.message).toBe(
      'SUP-DBS (DBS check) is a rule for suppliers, not staff members, so it cannot be exempted here',
    );
    expect(exemptionProblem({ rule: 'CASE-CONSENT', grantedOn: '2026-01-31' }, 'supplier')!.message).toContain('is a rule for cases, not suppliers');
  });
  it('refuses every rule that cannot be exempted', () => {
    for (const rule of UNEXEMPTABLE_RULES) {
      const subject = rule.startsWith('SUP-') ? 'supplier' : 'staff';
      const p = exemptionProblem({ rule, grantedOn: '2026-01-31' }, subject);
      expect(p?.field, rule).toBe('rule');
      // CASE-* rules are refused first as another kind of subject; the others as unconditional
      if (!rule.startsWith('CASE-')) expect(p!.message, rule).toMatch(/cannot be exempted: the MTSP code makes it a requirement without exceptions$/);
    }
  });
  it('the expiry: not before the grant, and at most 12 months after (31/01 + 12 months = 31/01; 29/02 + 12 months = 01/03)', () => {
    expect(exemptionProblem({ rule: 'STAFF-CPD-2Y', grantedOn: '2026-01-31', expiresOn: '2026-01-30' }, 'staff')).toEqual({
      field: 'expiresOn',
      message: 'must not be before the date it was granted (31/01/2026)',
    });
    expect(exemptionProblem({ rule: 'STAFF-CPD-2Y', grantedOn: '2026-01-31', expiresOn: '2027-01-31' }, 'staff')).toBeUndefined();
    expect(exemptionProblem({ rule: 'STAFF-CPD-2Y', grantedOn: '2026-01-31', expiresOn: '2027-02-01' }, 'staff')!.message).toBe(
      'must be no later than 31/01/2027, 12 months after it was granted (31/01/2026)',
    );
    expect(exemptionProblem({ rule: 'STAFF-CPD-2Y', grantedOn: '2028-02-29', expiresOn: '2029-03-01' }, 'staff')).toBeUndefined();
    expect(exemptionProblem({ rule: 'STAFF-CPD-2Y', grantedOn: '2028-02-29', expiresOn: '2029-03-02' }, 'staff')?.field).toBe('expiresOn');
  });
  it('as a schema in a list, the problem is reported at its JSON path, as the import reports it', () => {
    const file = z.strictObject({
      staff: z.array(z.strictObject({ exemptions: z.array(staffExemption) })),
      suppliers: z.array(z.strictObject({ exemptions: z.array(supplierExemption) })),
    });
    const r = file.safeParse({
      staff: [
        {
          exemptions: [
            { ...grant, rule: 'STAFF-CPD-2Y' },
            { ...grant, rule: 'STAFF-INDEMNITY' },
          ],
        },
      ],
      suppliers: [{ exemptions: [{ ...grant, rule: 'SUP-DBS', expiresOn: '2028-01-01' }] }],
    });
    expect(r.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([
      'staff.0.exemptions.1.rule: STAFF-INDEMNITY (Professional indemnity) cannot be exempted: the MTSP code makes it a requirement without exceptions',
      'suppliers.0.exemptions.0.expiresOn: must be no later than 31/01/2027, 12 months after it was granted (31/01/2026)',
    ]);
    expect(exemptionFor('staff').safeParse({ ...grant, rule: 'STAFF-CPD-2Y' }).success).toBe(true);
  });
});

describe('the engine applies an exemption from its grant to its expiry', () => {
  const judged = (exemptions: object[], asOf = AS_OF) => {
    const s = aStaff({ cpd: [], exemptions: exemptions as never });
    return resultOf(evaluateStaff(s, engineContext(aFirm({ staff: [s] }), asOf)), 'STAFF-CPD-2Y');
  };
  it('the day before the grant, on it, on the expiry and the day after', () => {
    const e = [{ ...grant, rule: 'STAFF-CPD-2Y', grantedOn: '2026-11-24', expiresOn: '2026-12-31' }];
    expect(judged(e, '2026-11-23').status).toBe('not_met');
    expect(judged(e, '2026-11-24')).toMatchObject({ status: 'exempt', changesOn: '2027-01-01' });
    // near its expiry it still shows exempt (never due soon), with the day after the expiry as its change date
    expect(judged(e, '2026-12-31')).toMatchObject({ status: 'exempt', changesOn: '2027-01-01' });
    expect(judged(e, '2027-01-01').status).toBe('not_met');
  });
  it('a version-1 exemption (no expiry) expires 12 months after the grant: 29/02/2024 runs to 01/03/2025', () => {
    const e = [{ ...grant, rule: 'STAFF-CPD-2Y', grantedOn: '2024-02-29' }];
    expect(judged(e, '2025-03-01')).toMatchObject({ status: 'exempt', reason: expect.stringContaining('Exempt until 01/03/2025'), changesOn: '2025-03-02' });
    expect(judged(e, '2025-03-02').status).toBe('not_met');
  });
  it('of two in force the later grant wins; an exemption may be granted on a rule that is met', () => {
    const e = [
      { ...grant, rule: 'STAFF-CPD-2Y', grantedOn: '2026-01-10', reason: 'First' },
      { ...grant, rule: 'STAFF-CPD-2Y', grantedOn: '2026-06-10', reason: 'Second' },
    ];
    expect(judged(e).reason).toContain('Second');
    const s = aStaff({ exemptions: [{ ...grant, rule: 'STAFF-PEER-REVIEW', grantedOn: '2026-11-01' }] });
    expect(resultOf(evaluateStaff(s, engineContext(aFirm({ staff: [s] }), AS_OF)), 'STAFF-PEER-REVIEW').status).toBe('exempt');
  });
  it("an exemption from another kind of subject's rule is never applied", () => {
    const s = aStaff({ exemptions: [{ ...grant, rule: 'SUP-DBS', grantedOn: '2026-11-01' }] });
    const report = evaluateStaff(s, engineContext(aFirm({ staff: [s] }), AS_OF));
    expect(report.rules.every((r) => r.status !== 'exempt')).toBe(true);
  });
});
