// Where each rule is fixed: the staff profile tab of that evidence kind, the supplier or
// case page, the policies page for the firm's policies, Settings for the signatory flag.
import { linkOptions, useRouter } from '@tanstack/react-router';
import { useMemo } from 'react';
import type { RuleSubjectKind } from '../../electron/contract/ops/evidence';
import type { PolicyKind } from '../../electron/contract/model';
import { POLICY_RULE, type RuleId } from '../../electron/contract/rules';

export const STAFF_TABS = [
  ['details', 'Details'],
  ['dbs', 'DBS checks'],
  ['indemnity', 'Indemnity'],
  ['registrations', 'Registrations'],
  ['cpd', 'CPD log'],
  ['training', 'Training'],
  ['peer-reviews', 'Peer reviews'],
  ['policy-acks', 'Policies read'],
  ['outside-cases', 'Cases elsewhere'],
] as const;
export type StaffTab = (typeof STAFF_TABS)[number][0];

type StaffRuleId = Extract<RuleId, `STAFF-${string}`>;
/** Every staff rule's tab: typed by the catalogue, so a new staff rule cannot be left without one. */
const STAFF_RULE_TAB: Record<StaffRuleId, StaffTab> = {
  'STAFF-EXPERIENCE-CM': 'details',
  'STAFF-EXPERIENCE-QUAL': 'details',
  'STAFF-CASELOAD': 'details',
  'STAFF-SOLE-PRACTITIONER': 'details',
  'STAFF-CPD-2Y': 'cpd',
  'STAFF-PEER-REVIEW': 'peer-reviews',
  'STAFF-PEER-REVIEW-SCOPE': 'peer-reviews',
  'STAFF-POLICY-ACK': 'policy-acks',
  'STAFF-REGISTRATION': 'registrations',
  'STAFF-TRAINING-SAFEGUARDING': 'training',
  'STAFF-TRAINING-MCA': 'training',
  'STAFF-TRAINING-INFOSEC': 'training',
  'STAFF-INDEMNITY': 'indemnity',
  'STAFF-DBS': 'dbs',
};

/** The policy each ORG-POLICY-* rule checks (the inverse of the contract's POLICY_RULE). */
export const POLICY_OF_RULE: Partial<Record<RuleId, PolicyKind>> = Object.fromEntries(
  (Object.entries(POLICY_RULE) as [PolicyKind, RuleId][]).map(([kind, rule]) => [rule, kind]),
);

/** The staff tab where a STAFF-* rule is fixed. */
export function tabOfRule(rule: RuleId): StaffTab {
  return STAFF_RULE_TAB[rule as StaffRuleId] ?? 'details';
}

/** The page where a rule result is fixed, as a typed link (`<Link {...fixLink(...)}>`). */
export function fixLink(subject: RuleSubjectKind, ref: string, rule: RuleId) {
  if (subject === 'staff') return linkOptions({ to: '/staff/$ref/{-$tab}', params: { ref, tab: tabOfRule(rule) } });
  if (subject === 'supplier') return linkOptions({ to: '/suppliers/$ref', params: { ref } });
  if (subject === 'case') return linkOptions({ to: '/cases/$ref', params: { ref } });
  const policy = POLICY_OF_RULE[rule];
  return policy ? linkOptions({ to: '/policies/{-$kind}', params: { kind: policy } }) : linkOptions({ to: '/settings' });
}

/**
 * A to-do item's link: the place to fix it, and on a staff evidence tab the add form open
 * with its first field focused (the usual fix is a new record: a renewal, a first DBS check).
 */
export function todoLink(subject: RuleSubjectKind, ref: string, rule: RuleId) {
  const tab = subject === 'staff' ? tabOfRule(rule) : 'details';
  if (subject === 'staff' && tab !== 'details') return linkOptions({ to: '/staff/$ref/{-$tab}', params: { ref, tab }, search: { add: 1 as const } });
  return fixLink(subject, ref, rule);
}

/**
 * The Dashboard's people-by-rule cells as plain hrefs, worked out once per person and tab. The
 * matrix draws some 3,000 links at 200 people; a router `<Link>` apiece subscribes to the router
 * and works out its own href and active state (about 50 us each: 0.1-0.15 s of the table's first
 * render). An `<a href>` to the address fixLink names is followed by the hash history as a Link
 * is, and the router still builds every address (about 30 us each), once per person and tab.
 */
export function useStaffRuleHrefs(refs: readonly string[], rules: readonly RuleId[]): (ref: string, rule: RuleId) => string {
  const router = useRouter();
  const hrefOf = (ref: string, rule: RuleId) => router.history.createHref(router.buildLocation(fixLink('staff', ref, rule)).publicHref);
  const key = (ref: string, rule: RuleId) => `${ref}\u0000${tabOfRule(rule)}`;
  const table = useMemo(() => {
    const out = new Map<string, string>();
    for (const ref of refs) for (const rule of rules) if (!out.has(key(ref, rule))) out.set(key(ref, rule), hrefOf(ref, rule));
    return out;
    // hrefOf and key read only the router and their arguments.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [router, refs, rules]);
  return (ref, rule) => table.get(key(ref, rule)) ?? hrefOf(ref, rule);
}
