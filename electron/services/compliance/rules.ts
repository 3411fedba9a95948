// The rule catalogue (spec/rules.md): every rule the compliance engine evaluates, with
// the item of the standards it comes from and a short user-facing description.
// Titles and summaries are written for Caseproof users, not quoted from the standards.

export type RuleSubject = 'staff' | 'firm' | 'supplier' | 'case';

export interface RuleInfo {
  /** Stable id used in the CLI's JSON, the UI and the Word packs. */
  id: string;
  subject: RuleSubject;
  /** Where the rule comes from, by the standards' own labels. */
  source: string;
  /** A few words for headings and tables. */
  title: string;
  /** One sentence saying what is needed for the rule to be met. */
  summary: string;
}

export const RULES: readonly RuleInfo[] = Object.freeze([
  // ---------- staff (case managers) ----------
  {
    id: 'STAFF-EXPERIENCE-CM',
    subject: 'staff',
    source: 'MTSP Practitioner A',
    title: 'Case-management experience',
    summary: 'The case manager has been providing case management for at least two years.',
  },
  {
    id: 'STAFF-EXPERIENCE-QUAL',
    subject: 'staff',
    source: 'MTSP Practitioner B',
    title: 'Experience since qualifying',
    summary: 'The case manager qualified in a rehabilitation-related field at least three years ago.',
  },
  {
    id: 'STAFF-CPD-2Y',
    subject: 'staff',
    source: 'MTSP Practitioner C, Organisation C; Ethics 4.14',
    title: 'CPD over two years',
    summary: 'There is a CPD activity, with its date, topic and provider, in each of the last two years.',
  },
  {
    id: 'STAFF-CASELOAD',
    subject: 'staff',
    source: 'MTSP Practitioner H, Organisation G',
    title: 'Manageable caseload',
    summary: "Working days per week are recorded and open-active cases per working day stay within the firm's limit.",
  },
  {
    id: 'STAFF-PEER-REVIEW',
    subject: 'staff',
    source: 'MTSP Practitioner E, Organisation D; Ethics 4.13',
    title: 'Peer review',
    summary: 'A peer review, with the date and the reviewer, has taken place in the last six months.',
  },
  {
    id: 'STAFF-REGISTRATION',
    subject: 'staff',
    source: 'MTSP Practitioner F; Ethics 4.12',
    title: 'Professional registration',
    summary: 'At least one professional registration is current, has no restriction, and was checked on the register in the last year.',
  },
  {
    id: 'STAFF-TRAINING-SAFEGUARDING',
    subject: 'staff',
    source: 'MTSP Practitioner I, Organisation H',
    title: 'Safeguarding training',
    summary: 'Safeguarding training has been completed in the last three years.',
  },
  {
    id: 'STAFF-TRAINING-MCA',
    subject: 'staff',
    source: 'MTSP Practitioner I, Organisation C',
    title: 'Mental capacity training',
    summary: 'Mental capacity training has been completed in the last three years.',
  },
  {
    id: 'STAFF-TRAINING-INFOSEC',
    subject: 'staff',
    source: 'MTSP Practitioner I, Organisation C, L',
    title: 'Information security training',
    summary: 'Information security and data protection training has been completed in the last year.',
  },
  {
    id: 'STAFF-INDEMNITY',
    subject: 'staff',
    source: 'MTSP Organisation A; Ethics 4.6',
    title: 'Professional indemnity',
    summary: 'A professional indemnity policy covering at least £5m, held personally or by the employer, is in force.',
  },
  {
    id: 'STAFF-DBS',
    subject: 'staff',
    source: 'MTSP Organisation H',
    title: 'DBS check',
    summary: 'An enhanced DBS certificate is under three years old, or is on the Update Service with a status check in the last year.',
  },
  {
    id: 'STAFF-SOLE-PRACTITIONER',
    subject: 'staff',
    source: 'MTSP Organisation F',
    title: 'Sole working',
    summary: 'The case manager does not work alone, or the safeguards for working alone are recorded.',
  },

  // ---------- the organisation ----------
  {
    id: 'ORG-CODE-SIGNATORY',
    subject: 'firm',
    source: 'MTSP Legal Panel checklist',
    title: 'Code of conduct signatory',
    summary: 'The firm is recorded as having signed up to the MTSP code of conduct.',
  },
  {
    id: 'ORG-POLICY-HANDOVER',
    subject: 'firm',
    source: 'MTSP Organisation I',
    title: 'Handover policy',
    summary: 'A policy for handing cases over and keeping care continuous has been reviewed in the last year.',
  },
  {
    id: 'ORG-POLICY-WHISTLEBLOWING',
    subject: 'firm',
    source: 'MTSP Organisation K, Governance E',
    title: 'Whistleblowing policy',
    summary: 'A confidential whistleblowing policy for staff has been reviewed in the last year.',
  },
  {
    id: 'ORG-POLICY-COMPLAINTS',
    subject: 'firm',
    source: 'MTSP Organisation K; Ethics 5.4',
    title: 'Complaints process',
    summary: 'A complaints and feedback process that clients can use without going through their case manager has been reviewed in the last year.',
  },
  {
    id: 'ORG-POLICY-LONE-WORKING',
    subject: 'firm',
    source: 'MTSP Governance D',
    title: 'Lone working policy',
    summary: 'A policy protecting staff who work alone has been reviewed in the last year.',
  },
  {
    id: 'ORG-POLICY-INFOSEC',
    subject: 'firm',
    source: 'MTSP Organisation L',
    title: 'Information security policy',
    summary: 'An information security and data protection policy has been reviewed in the last year.',
  },

  // ---------- suppliers ----------
  {
    id: 'SUP-INDEMNITY',
    subject: 'supplier',
    source: 'MTSP Governance F(i)',
    title: 'Professional indemnity',
    summary: "The supplier has professional indemnity in force with at least the firm's minimum cover.",
  },
  {
    id: 'SUP-QUALIFICATION',
    subject: 'supplier',
    source: 'MTSP Governance F(ii)',
    title: 'Qualification',
    summary: 'A qualification or registration with a named professional body is recorded, with evidence attached.',
  },
  {
    id: 'SUP-EXPERIENCE',
    subject: 'supplier',
    source: 'MTSP Governance F(iii)',
    title: 'Experience',
    summary: "The supplier's CV or a summary of their experience is on file.",
  },
  {
    id: 'SUP-SAFEGUARDING',
    subject: 'supplier',
    source: 'MTSP Governance F(iv)',
    title: 'Safeguarding',
    summary: 'The supplier has safeguarding training or certification from the last three years.',
  },
  {
    id: 'SUP-REGULATORY',
    subject: 'supplier',
    source: 'MTSP Governance F(v)',
    title: 'Regulatory compliance',
    summary: 'The regulatory registrations that apply to the supplier (such as ICO, HCPC or CQC) are recorded and current.',
  },
  {
    id: 'SUP-FITNESS-TO-PRACTISE',
    subject: 'supplier',
    source: 'MTSP Governance F(vi)',
    title: 'Fitness to practise',
    summary: 'A register or fitness-to-practise check from the last year found no restriction.',
  },
  {
    id: 'SUP-SERVICE-COVERAGE',
    subject: 'supplier',
    source: 'MTSP Governance F(vii)',
    title: 'Service coverage',
    summary: "The supplier's service area and the criteria for accepting clients are recorded.",
  },
  {
    id: 'SUP-DBS',
    subject: 'supplier',
    source: 'MTSP Organisation H',
    title: 'DBS check',
    summary: 'Where the supplier works directly with clients, it holds an enhanced DBS check on the same terms as case managers.',
  },
  {
    id: 'SUP-SOLE-PRACTITIONER',
    subject: 'supplier',
    source: 'MTSP Governance B',
    title: 'Sole practitioner',
    summary: 'The supplier does not work alone, or its safeguarding and quality-assurance measures are recorded.',
  },
  {
    id: 'SUP-EVIDENCE-BASED',
    subject: 'supplier',
    source: 'MTSP Governance C',
    title: 'Evidence-based service',
    summary: 'The guideline or treatment pathway that the service follows is named.',
  },
  {
    id: 'SUP-VETTING-DECISION',
    subject: 'supplier',
    source: 'MTSP Governance A',
    title: 'Vetting decision',
    summary: 'The latest vetting decision approves the supplier and its next review date has not yet arrived.',
  },

  // ---------- cases ----------
  {
    id: 'CASE-REHAB-PRESCRIPTION',
    subject: 'case',
    source: 'MTSP Standard Practice A',
    title: 'Rehabilitation Prescription',
    summary: "The date the client's NHS Rehabilitation Prescription was asked for is recorded.",
  },
  {
    id: 'CASE-PRE-INA',
    subject: 'case',
    source: 'MTSP Standard Practice B, C',
    title: 'Pre-INA report',
    summary: "The Pre-INA report was asked for from the client's solicitor and has been reviewed, or is recorded as not available.",
  },
  {
    id: 'CASE-NHS-CONTACT',
    subject: 'case',
    source: 'MTSP Standard Practice D',
    title: 'NHS treating team contact',
    summary: 'Contact with the NHS treating team is recorded with its date and the team contacted.',
  },
  {
    id: 'CASE-REHAB-PLAN',
    subject: 'case',
    source: 'MTSP Standard Practice F, I',
    title: 'Rehabilitation plan',
    summary: 'A rehabilitation plan with measurable goals is recorded and has been shared with the people involved.',
  },
  {
    id: 'CASE-CONSENT',
    subject: 'case',
    source: 'Ethics 2.4, 2.5',
    title: 'Consent to share',
    summary: "The client's consent to share information is recorded and was confirmed in the last year.",
  },
  {
    id: 'CASE-RISK-REVIEW',
    subject: 'case',
    source: 'Provider protocol (3-monthly reviews)',
    title: 'Risk review',
    summary: "The client's risk assessment has been reviewed in the last three months.",
  },
  {
    id: 'CASE-SUPPLIERS-VETTED',
    subject: 'case',
    source: 'MTSP Governance A',
    title: 'Suppliers vetted',
    summary: 'Each supplier instructed on the case held a current approval on the day it was instructed.',
  },
] satisfies RuleInfo[]);

const BY_ID: ReadonlyMap<string, RuleInfo> = new Map(RULES.map((r) => [r.id, r]));
const BY_SUBJECT: Readonly<Record<RuleSubject, readonly RuleInfo[]>> = {
  staff: RULES.filter((r) => r.subject === 'staff'),
  firm: RULES.filter((r) => r.subject === 'firm'),
  supplier: RULES.filter((r) => r.subject === 'supplier'),
  case: RULES.filter((r) => r.subject === 'case'),
};

/** The rules for one kind of subject, in catalogue order. */
export function rulesFor(subject: RuleSubject): readonly RuleInfo[] {
  return BY_SUBJECT[subject];
}

/** The catalogue entry for a rule id, or undefined for an unknown id. */
export function ruleById(id: string): RuleInfo | undefined {
  return BY_ID.get(id);
}
