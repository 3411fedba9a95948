// Rules for cases (CASE-*). They apply to cases open on as-of (open-active or monitoring,
// opened on or before as-of); referrals, closed cases and cases not yet opened are
// not_applicable. Dates after as-of are treated as not yet recorded.
import type { RuleResult } from '../../contract/compliance';
import type { IsoDate } from '../../contract/dates';
import type { CaseSnapshot } from '../../contract/model';
import { isOpenOn } from './caseload';
import type { EngineContext } from './context';
import { supplierApprovalOn } from './supplierRules';
import { hasText, type Judge, lapsesOn, laterOf, met, notApplicable, notMet, plural, uk } from './window';

export const CASE_RULE_IDS = [
  'CASE-REHAB-PRESCRIPTION',
  'CASE-PRE-INA',
  'CASE-NHS-CONTACT',
  'CASE-REHAB-PLAN',
  'CASE-CONSENT',
  'CASE-RISK-REVIEW',
  'CASE-SUPPLIERS-VETTED',
] as const;
export const CONSENT_REVIEW_MONTHS = 12;
export const RISK_REVIEW_MONTHS = 3;

const on = (d: IsoDate | undefined, asOf: IsoDate): d is IsoDate => d !== undefined && d <= asOf;

/** Why the case rules do not apply on as-of, or undefined when the case is open. */
export function notOpenReason(c: CaseSnapshot, asOf: IsoDate): string | undefined {
  if (isOpenOn(c, asOf)) return undefined;
  if (c.status === 'referral') return 'Still a referral, not an open case';
  if (c.status === 'closed') return c.closedOn ? `Case closed on ${uk(c.closedOn)}` : 'Case closed';
  return c.openedOn ? `Case not yet open on ${uk(asOf)} (opened on ${uk(c.openedOn)})` : `Case not open on ${uk(asOf)}`;
}

export function rehabPrescription(j: Judge, c: CaseSnapshot): RuleResult {
  const rule = 'CASE-REHAB-PRESCRIPTION';
  if (!on(c.rehabPrescriptionRequestedOn, j.asOf)) return notMet(rule, 'No request for the NHS Rehabilitation Prescription is recorded');
  const reviewed = on(c.rehabPrescriptionReviewedOn, j.asOf) ? `, reviewed on ${uk(c.rehabPrescriptionReviewedOn)}` : '';
  return met(j, rule, `NHS Rehabilitation Prescription requested on ${uk(c.rehabPrescriptionRequestedOn)}${reviewed}`);
}

export function preIna(j: Judge, c: CaseSnapshot): RuleResult {
  const rule = 'CASE-PRE-INA';
  if (!on(c.preInaRequestedOn, j.asOf)) return notMet(rule, 'No request to the solicitor for the Pre-INA report is recorded');
  const requested = `Pre-INA report requested on ${uk(c.preInaRequestedOn)}`;
  if (on(c.preInaReviewedOn, j.asOf)) return met(j, rule, `${requested} and reviewed on ${uk(c.preInaReviewedOn)}`);
  if (c.preInaUnavailable) return met(j, rule, `${requested}; recorded as not available`);
  return notMet(rule, `${requested} but not yet reviewed or recorded as not available`);
}

export function nhsContact(j: Judge, c: CaseSnapshot): RuleResult {
  const rule = 'CASE-NHS-CONTACT';
  if (!on(c.nhsContactOn, j.asOf)) return notMet(rule, 'No contact with the NHS treating team is recorded');
  if (!hasText(c.nhsTeam)) return notMet(rule, `Contact with the NHS on ${uk(c.nhsContactOn)} is recorded but the treating team is not named`);
  return met(j, rule, `Contacted ${c.nhsTeam.trim()} on ${uk(c.nhsContactOn)}`);
}

export function rehabPlan(j: Judge, c: CaseSnapshot): RuleResult {
  const rule = 'CASE-REHAB-PLAN';
  if (!on(c.rehabPlanOn, j.asOf)) return notMet(rule, 'No rehabilitation plan is recorded');
  if (!c.rehabPlanShared) return notMet(rule, `Rehabilitation plan of ${uk(c.rehabPlanOn)} is not recorded as shared with stakeholders`);
  return met(j, rule, `Rehabilitation plan of ${uk(c.rehabPlanOn)} shared with stakeholders`);
}

export function consent(j: Judge, c: CaseSnapshot): RuleResult {
  const rule = 'CASE-CONSENT';
  if (!on(c.consentRecordedOn, j.asOf)) return notMet(rule, 'No consent to share information is recorded');
  const reviewed = on(c.consentReviewedOn, j.asOf) ? c.consentReviewedOn : undefined;
  const last = reviewed ? laterOf(reviewed, c.consentRecordedOn) : c.consentRecordedOn;
  const what =
    last > c.consentRecordedOn
      ? `Consent to share recorded on ${uk(c.consentRecordedOn)}, last reviewed on ${uk(last)}`
      : `Consent to share recorded on ${uk(c.consentRecordedOn)}`;
  const lapses = lapsesOn(last, CONSENT_REVIEW_MONTHS);
  if (j.asOf < lapses) return met(j, rule, `${what}; lapses on ${uk(lapses)}`, lapses);
  return notMet(rule, `${what}, more than 12 months ago (lapsed on ${uk(lapses)})`);
}

export function riskReview(j: Judge, c: CaseSnapshot): RuleResult {
  const rule = 'CASE-RISK-REVIEW';
  if (!on(c.riskReviewedOn, j.asOf)) return notMet(rule, 'No risk assessment review is recorded');
  const lapses = lapsesOn(c.riskReviewedOn, RISK_REVIEW_MONTHS);
  const what = `Risk assessment last reviewed on ${uk(c.riskReviewedOn)}`;
  if (j.asOf < lapses) return met(j, rule, `${what}; lapses on ${uk(lapses)}`, lapses);
  return notMet(rule, `${what}, more than 3 months ago (lapsed on ${uk(lapses)})`);
}

/**
 * Each instruction dated on or before as-of must be to a supplier approved on the
 * instruction's date (supplierApprovalOn). An override recorded on the instruction does
 * not make it vetted; it is mentioned in the reason. Instructions are historical facts,
 * so the result has no changesOn.
 */
export function suppliersVetted(j: Judge, c: CaseSnapshot, ctx: EngineContext): RuleResult {
  const rule = 'CASE-SUPPLIERS-VETTED';
  const instructions = c.instructions.filter((i) => i.on <= j.asOf);
  if (instructions.length === 0) return met(j, rule, 'No suppliers instructed');
  const failures: string[] = [];
  for (const i of instructions) {
    const supplier = ctx.supplier(i.supplier);
    const override = hasText(i.overrideReason) ? ` (override recorded: ${i.overrideReason.trim()})` : '';
    if (!supplier) {
      failures.push(`${i.supplier} instructed on ${uk(i.on)} is not on the supplier list${override}`);
      continue;
    }
    const a = supplierApprovalOn(supplier, i.on);
    if (!a.approved) {
      const why = a.reason[0]!.toLowerCase() + a.reason.slice(1);
      failures.push(`${supplier.name} (${supplier.ref}) instructed on ${uk(i.on)} was not approved on that date: ${why}${override}`);
    }
  }
  if (failures.length > 0) return notMet(rule, failures.join('; '));
  if (instructions.length === 1) {
    const i = instructions[0]!;
    const name = ctx.supplier(i.supplier)!.name;
    return met(j, rule, `${name} (${i.supplier}) was approved when instructed on ${uk(i.on)}`);
  }
  return met(j, rule, `All ${plural(instructions.length, 'instruction')} were to suppliers approved on the day`);
}

/** Every CASE-* rule for one case, in catalogue order. */
export function caseResults(c: CaseSnapshot, ctx: EngineContext): RuleResult[] {
  const j = ctx.judge;
  const closed = notOpenReason(c, j.asOf);
  if (closed !== undefined) return CASE_RULE_IDS.map((rule) => notApplicable(rule, closed));
  return [rehabPrescription(j, c), preIna(j, c), nhsContact(j, c), rehabPlan(j, c), consent(j, c), riskReview(j, c), suppliersVetted(j, c, ctx)];
}
