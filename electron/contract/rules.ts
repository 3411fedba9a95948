// The rule catalogue (spec/rules.md version 2): every rule id, once, with its one title, a
// short name for narrow places, a summary, the item of the standards it comes from, the kind
// of subject it judges and whether it may be exempted. The engine, the UI (which imports this
// file directly), the packs and the CLI take every rule's words from here; no other file
// spells a rule's label. Titles and summaries are Caseproof's own words, not the standards'.
import type { PolicyKind } from './model';

export const RULE_IDS = [
  // ---------- staff (case managers) ----------
  'STAFF-EXPERIENCE-CM',
  'STAFF-EXPERIENCE-QUAL',
  'STAFF-CPD-2Y',
  'STAFF-CASELOAD',
  'STAFF-PEER-REVIEW',
  'STAFF-PEER-REVIEW-SCOPE',
  'STAFF-REGISTRATION',
  'STAFF-TRAINING-SAFEGUARDING',
  'STAFF-TRAINING-MCA',
  'STAFF-TRAINING-INFOSEC',
  'STAFF-INDEMNITY',
  'STAFF-DBS',
  'STAFF-SOLE-PRACTITIONER',
  'STAFF-POLICY-ACK',
  // ---------- the organisation ----------
  'ORG-CODE-SIGNATORY',
  'ORG-POLICY-HANDOVER',
  'ORG-POLICY-WHISTLEBLOWING',
  'ORG-POLICY-COMPLAINTS',
  'ORG-POLICY-LONE-WORKING',
  'ORG-POLICY-INFOSEC',
  'ORG-SUPPLIERS-PAID',
  'ORG-OUTCOMES',
  // ---------- suppliers ----------
  'SUP-INDEMNITY',
  'SUP-QUALIFICATION',
  'SUP-EXPERIENCE',
  'SUP-SAFEGUARDING',
  'SUP-REGULATORY',
  'SUP-FITNESS-TO-PRACTISE',
  'SUP-SERVICE-COVERAGE',
  'SUP-DBS',
  'SUP-SOLE-PRACTITIONER',
  'SUP-EVIDENCE-BASED',
  'SUP-VETTING-DECISION',
  // ---------- cases ----------
  'CASE-REHAB-PRESCRIPTION',
  'CASE-PRE-INA',
  'CASE-NHS-CONTACT',
  'CASE-REHAB-PLAN',
  'CASE-CONSENT',
  'CASE-RISK-REVIEW',
  'CASE-SUPPLIERS-VETTED',
  'CASE-ASSESSMENT-TIMELY',
  'CASE-PLAN-REVIEW',
  'CASE-INCIDENT-REPORTED',
  'CASE-FOLLOW-UP',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

export type RuleSubject = 'staff' | 'firm' | 'supplier' | 'case';

export interface RuleInfo {
  /** Stable id used in the CLI's JSON, the UI and the Word packs. */
  id: RuleId;
  subject: RuleSubject;
  /** Where the rule comes from, by the standards' own labels. */
  source: string;
  /** The rule's one label, for headings and tables. */
  title: string;
  /** One or two words for narrow places (the dashboard's column headers, calendar events). */
  short: string;
  /** One sentence saying what is needed for the rule to be met. */
  summary: string;
  /** False for the rules rules.md makes unconditional: an exemption from them is refused. */
  exemptable: boolean;
}

type Entry = Omit<RuleInfo, 'id' | 'exemptable'> & { exemptable?: false };

const CATALOGUE: Record<RuleId, Entry> = {
  'STAFF-EXPERIENCE-CM': {
    subject: 'staff',
    source: 'MTSP Practitioner A',
    title: 'Case-management experience',
    short: 'CM experience',
    summary: 'The case manager has been providing case management for at least two years.',
  },
  'STAFF-EXPERIENCE-QUAL': {
    subject: 'staff',
    source: 'MTSP Practitioner B',
    title: 'Experience since qualifying',
    short: 'Since qualifying',
    summary: 'The case manager qualified in a rehabilitation-related field at least three years ago.',
  },
  'STAFF-CPD-2Y': {
    subject: 'staff',
    source: 'MTSP Practitioner C, Organisation C; Ethics 4.14',
    title: 'CPD over two years',
    short: 'CPD',
    summary: 'There is a CPD activity, with its date, topic and provider, in each of the last two years.',
  },
  'STAFF-CASELOAD': {
    subject: 'staff',
    source: 'MTSP Practitioner H, Organisation G',
    title: 'Manageable caseload',
    short: 'Caseload',
    summary: "Working days per week are recorded and open-active cases per working day stay within the firm's limit.",
  },
  'STAFF-PEER-REVIEW': {
    subject: 'staff',
    source: 'MTSP Practitioner E, Organisation D; Ethics 4.13',
    title: 'Peer review',
    short: 'Peer review',
    summary: 'A peer review by someone other than the case manager, with its date and reviewer, has taken place in the last six months.',
  },
  'STAFF-PEER-REVIEW-SCOPE': {
    subject: 'staff',
    source: 'MTSP Organisation D',
    title: 'Scope of peer review',
    short: 'Review scope',
    summary: 'The peer reviews of the last year together covered decision making, interventions, communications and goal setting, and at least one case.',
  },
  'STAFF-REGISTRATION': {
    subject: 'staff',
    source: 'MTSP Practitioner F; Governance F(vi); Ethics 4.12',
    title: 'Professional registration',
    short: 'Registration',
    summary:
      'At least one professional registration is in force and was checked on the register in the last year, and no registration in force has a restriction, condition or suspension.',
    exemptable: false,
  },
  'STAFF-TRAINING-SAFEGUARDING': {
    subject: 'staff',
    source: 'MTSP Practitioner I, Organisation H',
    title: 'Safeguarding training',
    short: 'Safeguarding',
    summary: 'Safeguarding training has been completed in the last three years.',
  },
  'STAFF-TRAINING-MCA': {
    subject: 'staff',
    source: 'MTSP Practitioner I, Organisation C',
    title: 'Mental capacity training',
    short: 'Mental capacity',
    summary: 'Mental capacity training has been completed in the last three years.',
  },
  'STAFF-TRAINING-INFOSEC': {
    subject: 'staff',
    source: 'MTSP Practitioner I, Organisation C, L',
    title: 'Information security training',
    short: 'Info security',
    summary: 'Information security and data protection training has been completed in the last year.',
  },
  'STAFF-INDEMNITY': {
    subject: 'staff',
    source: 'MTSP Organisation A; Ethics 4.6',
    title: 'Professional indemnity',
    short: 'Indemnity',
    summary: 'A professional indemnity policy covering at least £5m, held personally or by the employer, is in force.',
    exemptable: false,
  },
  'STAFF-DBS': {
    subject: 'staff',
    source: 'MTSP Organisation H',
    title: 'DBS check',
    short: 'DBS',
    summary: 'An enhanced DBS certificate is under three years old, or is on the Update Service with a status check in the last year.',
    exemptable: false,
  },
  'STAFF-SOLE-PRACTITIONER': {
    subject: 'staff',
    source: 'MTSP Organisation F',
    title: 'Sole working',
    short: 'Sole working',
    summary: 'It is recorded whether the case manager works alone, and if they do, the safeguards for working alone are recorded.',
  },
  'STAFF-POLICY-ACK': {
    subject: 'staff',
    source: 'MTSP Governance D, E',
    title: 'Policies acknowledged',
    short: 'Policies read',
    summary: "The case manager has acknowledged the latest review of the firm's whistleblowing and lone working policies.",
  },

  'ORG-CODE-SIGNATORY': {
    subject: 'firm',
    source: 'MTSP Legal Panel checklist',
    title: 'Code of conduct signatory',
    short: 'Code signatory',
    summary: 'The firm is recorded as having signed up to the MTSP code of conduct.',
  },
  'ORG-POLICY-HANDOVER': {
    subject: 'firm',
    source: 'MTSP Organisation I',
    title: 'Handover policy',
    short: 'Handover',
    summary: 'A policy for handing cases over and keeping care continuous has been reviewed in the last year.',
  },
  'ORG-POLICY-WHISTLEBLOWING': {
    subject: 'firm',
    source: 'MTSP Organisation K, Governance E',
    title: 'Whistleblowing policy',
    short: 'Whistleblowing',
    summary: 'A confidential whistleblowing policy for staff has been reviewed in the last year.',
  },
  'ORG-POLICY-COMPLAINTS': {
    subject: 'firm',
    source: 'MTSP Organisation K; Ethics 5.4',
    title: 'Complaints policy',
    short: 'Complaints',
    summary: 'A complaints and feedback process that clients can use without going through their case manager has been reviewed in the last year.',
  },
  'ORG-POLICY-LONE-WORKING': {
    subject: 'firm',
    source: 'MTSP Governance D',
    title: 'Lone working policy',
    short: 'Lone working',
    summary: 'A policy protecting staff who work alone has been reviewed in the last year.',
  },
  'ORG-POLICY-INFOSEC': {
    subject: 'firm',
    source: 'MTSP Organisation L',
    title: 'Information security policy',
    short: 'Info security policy',
    summary: 'An information security and data protection policy has been reviewed in the last year.',
  },
  'ORG-SUPPLIERS-PAID': {
    subject: 'firm',
    source: 'MTSP Organisation E',
    title: 'Suppliers paid on time',
    short: 'Paid on time',
    summary: "Every supplier invoice received in the last year was paid within the firm's payment terms, and none is overdue.",
  },
  'ORG-OUTCOMES': {
    subject: 'firm',
    source: 'MTSP Organisation J',
    title: 'Outcomes and feedback',
    short: 'Outcomes',
    summary: "Enough of the cases closed in the last year (the firm's share, half unless changed) have an outcome and the client's feedback recorded.",
  },

  'SUP-INDEMNITY': {
    subject: 'supplier',
    source: 'MTSP Governance F(i)',
    title: 'Professional indemnity',
    short: 'Indemnity',
    summary: "The supplier has professional indemnity in force with at least the firm's minimum cover.",
    exemptable: false,
  },
  'SUP-QUALIFICATION': {
    subject: 'supplier',
    source: 'MTSP Governance F(ii)',
    title: 'Qualification',
    short: 'Qualification',
    summary: 'A qualification or registration with a named professional body is recorded, with evidence attached.',
  },
  'SUP-EXPERIENCE': {
    subject: 'supplier',
    source: 'MTSP Governance F(iii)',
    title: 'Experience',
    short: 'Experience',
    summary: "The supplier's CV or a summary of their experience is on file.",
  },
  'SUP-SAFEGUARDING': {
    subject: 'supplier',
    source: 'MTSP Governance F(iv)',
    title: 'Safeguarding',
    short: 'Safeguarding',
    summary: 'The supplier has safeguarding training or certification from the last three years.',
  },
  'SUP-REGULATORY': {
    subject: 'supplier',
    source: 'MTSP Governance F(v)',
    title: 'Regulatory compliance',
    short: 'Regulatory',
    summary: 'The regulatory registrations that apply to the supplier (such as ICO, HCPC or CQC) are recorded and every one is in force.',
  },
  'SUP-FITNESS-TO-PRACTISE': {
    subject: 'supplier',
    source: 'MTSP Governance F(vi)',
    title: 'Fitness to practise',
    short: 'Fitness to practise',
    summary: 'A register or fitness-to-practise check from the last year found no restriction.',
  },
  'SUP-SERVICE-COVERAGE': {
    subject: 'supplier',
    source: 'MTSP Governance F(vii)',
    title: 'Service coverage',
    short: 'Coverage',
    summary: "The supplier's service area and the criteria for accepting clients are recorded.",
  },
  'SUP-DBS': {
    subject: 'supplier',
    source: 'MTSP Organisation H',
    title: 'DBS check',
    short: 'DBS',
    summary: 'It is recorded whether the supplier works directly with clients; if it does, it holds an enhanced DBS check on the same terms as case managers.',
  },
  'SUP-SOLE-PRACTITIONER': {
    subject: 'supplier',
    source: 'MTSP Governance B',
    title: 'Sole practitioner',
    short: 'Sole trader',
    summary:
      'The supplier does not work alone, or its safeguarding and quality-assurance measures are recorded; for an individual, the answer must be recorded.',
  },
  'SUP-EVIDENCE-BASED': {
    subject: 'supplier',
    source: 'MTSP Governance C',
    title: 'Evidence-based service',
    short: 'Evidence base',
    summary: 'The guideline or treatment pathway that the service follows is named.',
  },
  'SUP-VETTING-DECISION': {
    subject: 'supplier',
    source: 'MTSP Governance A',
    title: 'Vetting decision',
    short: 'Vetting',
    summary: 'The latest vetting decision approves the supplier and its next review date has not yet arrived.',
    exemptable: false,
  },

  'CASE-REHAB-PRESCRIPTION': {
    subject: 'case',
    source: 'MTSP Standard Practice A',
    title: 'Rehabilitation Prescription',
    short: 'Rehab prescription',
    summary: "The date the client's NHS Rehabilitation Prescription was asked for is recorded.",
  },
  'CASE-PRE-INA': {
    subject: 'case',
    source: 'MTSP Standard Practice B, C',
    title: 'Pre-INA report',
    short: 'Pre-INA',
    summary: "The Pre-INA report was asked for from the client's solicitor and has been reviewed, or is recorded as not available.",
  },
  'CASE-NHS-CONTACT': {
    subject: 'case',
    source: 'MTSP Standard Practice D',
    title: 'NHS treating team contact',
    short: 'NHS contact',
    summary: 'Contact with the NHS treating team is recorded with its date and the team contacted.',
  },
  'CASE-REHAB-PLAN': {
    subject: 'case',
    source: 'MTSP Standard Practice F, I',
    title: 'Rehabilitation plan',
    short: 'Rehab plan',
    summary: 'A rehabilitation plan is recorded and shared with the people involved, with at least one goal that has a measure and a target date.',
  },
  'CASE-CONSENT': {
    subject: 'case',
    source: 'Ethics 2.4, 2.5',
    title: 'Consent to share',
    short: 'Consent',
    summary: "The client's consent to share information is recorded and was confirmed in the last year.",
  },
  'CASE-RISK-REVIEW': {
    subject: 'case',
    source: 'Provider protocol (3-monthly reviews)',
    title: 'Risk review',
    short: 'Risk review',
    summary: "The client's risk assessment has been reviewed in the last three months.",
  },
  'CASE-SUPPLIERS-VETTED': {
    subject: 'case',
    source: 'MTSP Governance A, F(i), F(vi)',
    title: 'Suppliers vetted',
    short: 'Suppliers vetted',
    summary:
      'Each supplier instructed on the case was approved on the day it was instructed, with its indemnity, fitness to practise and DBS not failing on that day.',
    exemptable: false,
  },
  'CASE-ASSESSMENT-TIMELY': {
    subject: 'case',
    source: 'Provider protocol 2 (assessment within 6 weeks)',
    title: 'Timely assessment',
    short: 'Assessment',
    summary: "The initial needs assessment was completed within the firm's limit (42 days unless changed) of the referral.",
  },
  'CASE-PLAN-REVIEW': {
    subject: 'case',
    source: 'Provider protocol 3 (3-monthly reviews); MTSP Standard Practice I',
    title: 'Plan review',
    short: 'Plan review',
    summary: 'The rehabilitation plan has been reviewed in the last three months (or the firm’s own interval).',
  },
  'CASE-INCIDENT-REPORTED': {
    subject: 'case',
    source: 'Provider protocol 6 (escalation)',
    title: 'Incidents reported',
    short: 'Incidents',
    summary:
      'Every incident, accident, safeguarding or welfare concern was reported to the line manager, and to the incident or safeguarding lead where its kind needs it, within 48 hours of being identified.',
    exemptable: false,
  },
  'CASE-FOLLOW-UP': {
    subject: 'case',
    source: 'Provider protocol 4 (closure)',
    title: 'Follow-up after closure',
    short: 'Follow-up',
    summary: 'Where the client agreed to follow-up, they were contacted around 3, 6 and 9 months after the case closed.',
  },
};

/** Every rule in catalogue order. */
export const RULES: readonly RuleInfo[] = Object.freeze(
  RULE_IDS.map((id) => Object.freeze({ id, ...CATALOGUE[id], exemptable: CATALOGUE[id].exemptable !== false })),
);

const BY_ID: ReadonlyMap<string, RuleInfo> = new Map(RULES.map((r) => [r.id, r]));
const BY_SUBJECT: Readonly<Record<RuleSubject, readonly RuleInfo[]>> = {
  staff: RULES.filter((r) => r.subject === 'staff'),
  firm: RULES.filter((r) => r.subject === 'firm'),
  supplier: RULES.filter((r) => r.subject === 'supplier'),
  case: RULES.filter((r) => r.subject === 'case'),
};

/** True when `id` is a rule Caseproof knows. */
export function isRuleId(id: unknown): id is RuleId {
  return typeof id === 'string' && BY_ID.has(id);
}
/** The catalogue entry of a known rule. */
export function ruleInfo(id: RuleId): RuleInfo {
  return BY_ID.get(id)!;
}
/** The catalogue entry for any string, or undefined when Caseproof does not know it. */
export function ruleById(id: string): RuleInfo | undefined {
  return BY_ID.get(id);
}
/** The rule's one label; an unknown id is shown as itself. */
export function ruleTitle(id: string): string {
  return BY_ID.get(id)?.title ?? id;
}
/** The rules for one kind of subject, in catalogue order. */
export function rulesFor(subject: RuleSubject): readonly RuleInfo[] {
  return BY_SUBJECT[subject];
}
/** The rules that cannot be exempted (rules.md, "Exemptions"), in catalogue order. */
export const UNEXEMPTABLE_RULES: readonly RuleId[] = RULES.filter((r) => !r.exemptable).map((r) => r.id);

// ---------- the words for the codes the rules read ----------
/** A firm policy's one name, wherever it is shown (the policies page, the packs). */
export const POLICY_NAMES: Record<PolicyKind, string> = {
  handover: 'Case handover and continuity of care',
  whistleblowing: 'Whistleblowing',
  complaints: 'Complaints and feedback',
  'lone-working': 'Lone working',
  infosec: 'Information security and data protection',
};
/** The rule that checks each kind of firm policy. */
export const POLICY_RULE: Record<PolicyKind, RuleId> = {
  handover: 'ORG-POLICY-HANDOVER',
  whistleblowing: 'ORG-POLICY-WHISTLEBLOWING',
  complaints: 'ORG-POLICY-COMPLAINTS',
  'lone-working': 'ORG-POLICY-LONE-WORKING',
  infosec: 'ORG-POLICY-INFOSEC',
};
