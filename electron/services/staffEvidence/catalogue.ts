// The rule catalogue as the UI shows it: RULES (../compliance/rules.ts) with a short name
// for narrow places (the dashboard's column headers, the calendar's event titles).
import type { RuleInfoView } from '../../contract/ops/evidence';
import { RULES, ruleById } from '../compliance/rules';

const SHORT: Record<string, string> = {
  'STAFF-EXPERIENCE-CM': 'CM experience',
  'STAFF-EXPERIENCE-QUAL': 'Since qualifying',
  'STAFF-CPD-2Y': 'CPD',
  'STAFF-CASELOAD': 'Caseload',
  'STAFF-PEER-REVIEW': 'Peer review',
  'STAFF-REGISTRATION': 'Registration',
  'STAFF-TRAINING-SAFEGUARDING': 'Safeguarding',
  'STAFF-TRAINING-MCA': 'Mental capacity',
  'STAFF-TRAINING-INFOSEC': 'Info security',
  'STAFF-INDEMNITY': 'Indemnity',
  'STAFF-DBS': 'DBS',
  'STAFF-SOLE-PRACTITIONER': 'Sole working',
  'ORG-CODE-SIGNATORY': 'Code signatory',
  'ORG-POLICY-HANDOVER': 'Handover',
  'ORG-POLICY-WHISTLEBLOWING': 'Whistleblowing',
  'ORG-POLICY-COMPLAINTS': 'Complaints',
  'ORG-POLICY-LONE-WORKING': 'Lone working',
  'ORG-POLICY-INFOSEC': 'Info security policy',
};

export function ruleCatalogue(): RuleInfoView[] {
  return RULES.map((r) => ({ id: r.id, subject: r.subject, source: r.source, title: r.title, short: SHORT[r.id] ?? r.title, summary: r.summary }));
}

/** The rule's title, or its id when the catalogue does not know it. */
export function ruleTitle(id: string): string {
  return ruleById(id)?.title ?? id;
}
