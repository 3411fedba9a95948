// Where each rule is fixed: the staff profile tab of that evidence kind, the supplier or
// case page, the policies page for the firm's policies, Settings for the signatory flag.
import { linkOptions } from '@tanstack/react-router';
import type { RuleSubjectKind } from '../../electron/contract/ops/evidence';
import type { PolicyKind } from '../../electron/contract/model';

export const STAFF_TABS = [
  ['details', 'Details'],
  ['dbs', 'DBS checks'],
  ['indemnity', 'Indemnity'],
  ['registrations', 'Registrations'],
  ['cpd', 'CPD log'],
  ['training', 'Training'],
  ['peer-reviews', 'Peer reviews'],
] as const;
export type StaffTab = (typeof STAFF_TABS)[number][0];

const STAFF_RULE_TAB: Record<string, StaffTab> = {
  'STAFF-EXPERIENCE-CM': 'details',
  'STAFF-EXPERIENCE-QUAL': 'details',
  'STAFF-CASELOAD': 'details',
  'STAFF-SOLE-PRACTITIONER': 'details',
  'STAFF-CPD-2Y': 'cpd',
  'STAFF-PEER-REVIEW': 'peer-reviews',
  'STAFF-REGISTRATION': 'registrations',
  'STAFF-TRAINING-SAFEGUARDING': 'training',
  'STAFF-TRAINING-MCA': 'training',
  'STAFF-TRAINING-INFOSEC': 'training',
  'STAFF-INDEMNITY': 'indemnity',
  'STAFF-DBS': 'dbs',
};

export const POLICY_OF_RULE: Record<string, PolicyKind> = {
  'ORG-POLICY-HANDOVER': 'handover',
  'ORG-POLICY-WHISTLEBLOWING': 'whistleblowing',
  'ORG-POLICY-COMPLAINTS': 'complaints',
  'ORG-POLICY-LONE-WORKING': 'lone-working',
  'ORG-POLICY-INFOSEC': 'infosec',
};

/** The staff tab where a STAFF-* rule is fixed. */
export function tabOfRule(rule: string): StaffTab {
  return STAFF_RULE_TAB[rule] ?? 'details';
}

/** The page where a rule result is fixed, as a typed link (`<Link {...fixLink(...)}>`). */
export function fixLink(subject: RuleSubjectKind, ref: string, rule: string) {
  if (subject === 'staff') return linkOptions({ to: '/staff/$ref/{-$tab}', params: { ref, tab: tabOfRule(rule) } });
  if (subject === 'supplier') return linkOptions({ to: '/suppliers/$ref', params: { ref } });
  if (subject === 'case') return linkOptions({ to: '/cases/$ref', params: { ref } });
  const policy = POLICY_OF_RULE[rule];
  return policy ? linkOptions({ to: '/policies/{-$kind}', params: { kind: policy } }) : linkOptions({ to: '/settings' });
}
