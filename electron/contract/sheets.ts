// The spreadsheet kinds and their columns: the one table the importer, the templates
// (XLSX and CSV), the app's hints and the README are made from. Column names are the firm
// file's field names (interchange.md); `staffRef` names the person a row of evidence is for.
import type { SheetKind } from './ops/intake';
import { CASE_STATUSES, DBS_LEVELS, EMPLOYMENT, FUNDING, INJURIES, PARTY_KINDS, PEER_REVIEW_AREAS, type RecordKind } from './model';

export type ColumnType = 'text' | 'date' | 'number' | 'yes/no' | 'list';
export interface SheetColumn {
  name: string;
  type: ColumnType;
  required?: boolean;
  /** What goes in it, in words (the template's notes sheet). */
  note: string;
}

const c = (name: string, type: ColumnType, note: string, required = false): SheetColumn => ({ name, type, note, ...(required ? { required } : {}) });
const staffRef = c('staffRef', 'text', 'the reference of the staff member this row is for (already in Caseproof)', true);
const one = (xs: readonly string[]) => `one of: ${xs.join(', ')}`;

/** Every column of every kind, in the order the template lays them out. */
export const SHEET_COLUMNS: Record<SheetKind, readonly SheetColumn[]> = {
  staff: [
    c('ref', 'text', 'your reference for the person (letters, digits, dots, dashes)', true),
    c('name', 'text', 'full name', true),
    c('role', 'text', 'job title'),
    c('profession', 'text', 'e.g. Occupational therapist'),
    c('employment', 'text', one(EMPLOYMENT)),
    c('solePractitioner', 'yes/no', 'works as a sole practitioner'),
    c('soleWorkingSafeguards', 'text', 'how a sole practitioner is supported'),
    c('caseManagementSince', 'date', 'when they began case management'),
    c('qualifiedOn', 'date', 'when they qualified'),
    c('daysPerWeek', 'number', 'days worked a week, 0.5 to 7'),
  ],
  dbs: [
    staffRef,
    c('level', 'text', one(DBS_LEVELS), true),
    c('certificateNumber', 'text', 'the certificate number'),
    c('issuedOn', 'date', 'date of issue', true),
    c('updateService', 'yes/no', 'subscribed to the DBS Update Service'),
    c('lastStatusCheckOn', 'date', 'last Update Service status check'),
  ],
  indemnity: [
    staffRef,
    c('insurer', 'text', 'the insurer', true),
    c('policyNumber', 'text', 'the policy number'),
    c('coverGBP', 'number', 'cover in pounds, e.g. 5000000 or £5,000,000', true),
    c('startsOn', 'date', 'first day of cover'),
    c('expiresOn', 'date', 'last day of cover', true),
    c('heldBy', 'text', 'self or employer', true),
  ],
  registrations: [
    staffRef,
    c('body', 'text', 'e.g. HCPC, NMC, Social Work England', true),
    c('number', 'text', 'registration number', true),
    c('expiresOn', 'date', 'registered until'),
    c('lastCheckedOn', 'date', 'when the register was last checked'),
    c('restriction', 'text', 'any condition or restriction on practice'),
  ],
  peerReviews: [
    staffRef,
    c('date', 'date', 'date of the review', true),
    c('reviewer', 'text', 'who reviewed', true),
    c('casesReviewed', 'number', 'how many cases were reviewed (a whole number)'),
    c('areas', 'list', `areas covered, separated by ; (${PEER_REVIEW_AREAS.join(', ')})`),
    c('notes', 'text', 'notes'),
  ],
  training: [
    staffRef,
    c('kind', 'text', 'safeguarding, mental-capacity, infosec or other (or the course in words)', true),
    c('title', 'text', 'the course title'),
    c('completedOn', 'date', 'date completed', true),
    c('provider', 'text', 'who ran it'),
    c('level', 'text', 'e.g. level 3'),
  ],
  cpd: [
    staffRef,
    c('date', 'date', 'date of the activity', true),
    c('topic', 'text', 'what it was about', true),
    c('provider', 'text', 'who provided it', true),
    c('hours', 'number', 'hours'),
    c('category', 'text', 'e.g. course, reading, supervision'),
    c('reflection', 'text', 'what was learned'),
  ],
  suppliers: [
    c('ref', 'text', 'your reference for the supplier', true),
    c('name', 'text', 'name', true),
    c('kind', 'text', 'organisation or individual', true),
    c('services', 'list', 'services, separated by ;'),
    c('soleTrader', 'yes/no', 'an individual working alone'),
    c('safeguardsNote', 'text', 'safeguards for working alone'),
    c('worksWithClients', 'yes/no', 'works directly with clients'),
    c('cvOnFile', 'yes/no', 'CV on file'),
    c('safeguardingOn', 'date', 'safeguarding training date'),
    c('serviceArea', 'text', 'area covered'),
    c('acceptanceCriteria', 'text', 'acceptance criteria'),
    c('evidenceBase', 'text', 'guideline followed'),
    c('contact', 'text', 'contact details'),
  ],
  cases: [
    c('ref', 'text', 'your case reference', true),
    c('initials', 'text', "the client's initials only (1-4 capital letters)"),
    c('caseManager', 'text', 'the staff reference of the case manager', true),
    c('instructingPartyName', 'text', 'who instructs', true),
    c('instructingPartyKind', 'text', one(PARTY_KINDS), true),
    c('instructingPartyContact', 'text', 'their contact details'),
    c('status', 'text', one(CASE_STATUSES), true),
    c('funding', 'text', one(FUNDING)),
    c('injury', 'text', one(INJURIES)),
    c('complexity', 'text', 'low, medium or high'),
    c('referredOn', 'date', 'referral date'),
    c('openedOn', 'date', 'opened'),
    c('closedOn', 'date', 'closed'),
    c('closedReason', 'text', 'why it closed'),
  ],
};

/** The kinds that are evidence of one staff member (a row per record, named by staffRef), and the record kind each holds. */
export const EVIDENCE_SHEETS = {
  dbs: 'dbs',
  indemnity: 'indemnity',
  registrations: 'registration',
  peerReviews: 'peerReview',
  training: 'training',
  cpd: 'cpd',
} as const satisfies Partial<Record<SheetKind, RecordKind>>;
export type EvidenceSheet = keyof typeof EVIDENCE_SHEETS;
export const isEvidenceSheet = (k: SheetKind): k is EvidenceSheet => k in EVIDENCE_SHEETS;

/** The kinds in words, for the app's choices and the CLI's messages. */
export const SHEET_LABELS: Record<SheetKind, string> = {
  staff: 'Staff details',
  dbs: 'DBS checks',
  indemnity: 'Indemnity',
  registrations: 'Registrations',
  peerReviews: 'Peer reviews',
  training: 'Mandatory training',
  cpd: 'CPD log entries',
  suppliers: 'Suppliers',
  cases: 'Cases',
};
