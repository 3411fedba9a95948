// Rules for the firm itself (ORG-*).
import type { RuleResult } from '../../contract/compliance';
import type { FirmInfo, PolicyKind } from '../../contract/model';
import { type Judge, lapsesOn, latestOnOrBefore, met, notMet, uk } from './window';

export const POLICY_REVIEW_MONTHS = 12;
export const POLICY_RULES: readonly { rule: string; kind: PolicyKind; words: string }[] = [
  { rule: 'ORG-POLICY-HANDOVER', kind: 'handover', words: 'handover and continuity policy' },
  { rule: 'ORG-POLICY-WHISTLEBLOWING', kind: 'whistleblowing', words: 'whistleblowing policy' },
  { rule: 'ORG-POLICY-COMPLAINTS', kind: 'complaints', words: 'complaints and feedback process' },
  { rule: 'ORG-POLICY-LONE-WORKING', kind: 'lone-working', words: 'lone working policy' },
  { rule: 'ORG-POLICY-INFOSEC', kind: 'infosec', words: 'information security and data protection policy' },
];

export function codeSignatory(j: Judge, firm: FirmInfo): RuleResult {
  const rule = 'ORG-CODE-SIGNATORY';
  return firm.codeOfConductSignatory
    ? met(j, rule, 'The firm is recorded as a signatory of the MTSP code of conduct')
    : notMet(rule, 'The firm is not recorded as a signatory of the MTSP code of conduct');
}

/** The latest review of a policy of the given kind must be within the last 12 months. */
export function policyReviewed(j: Judge, firm: FirmInfo, p: (typeof POLICY_RULES)[number]): RuleResult {
  const latest = latestOnOrBefore(
    firm.policies.filter((x) => x.kind === p.kind),
    (x) => x.reviewedOn,
    j.asOf,
  );
  if (!latest) return notMet(p.rule, `No ${p.words} is recorded`);
  const lapses = lapsesOn(latest.reviewedOn, POLICY_REVIEW_MONTHS);
  const what = `"${latest.title}" last reviewed on ${uk(latest.reviewedOn)}`;
  if (j.asOf < lapses) return met(j, p.rule, `${what}; lapses on ${uk(lapses)}`, lapses);
  return notMet(p.rule, `${what}, more than 12 months ago (lapsed on ${uk(lapses)})`);
}

/** Every ORG-* rule, in catalogue order. */
export function firmResults(j: Judge, firm: FirmInfo): RuleResult[] {
  return [codeSignatory(j, firm), ...POLICY_RULES.map((p) => policyReviewed(j, firm, p))];
}
