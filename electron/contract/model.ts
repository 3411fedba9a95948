// The domain model: one zod schema per record kind. The same shapes are
// - the payloads stored in the vault,
// - the items of the firm file (interchange.md), where each may carry `evidence` files,
// - the inputs the UI validates as the user types.
// Objects are strict: an unknown field is an error, never silently dropped.
import { z } from 'zod';
import { isoDate } from './dates';

const text = (max = 500) => z.string().trim().min(1, 'is required').max(max, `must be at most ${max} characters`);
const optText = (max = 2000) => z.string().trim().max(max, `must be at most ${max} characters`).optional();
const money = z.number({ error: 'must be a number' }).refine((n) => Number.isFinite(n) && n > 0, { message: 'must be a positive number of pounds' });

export const REF_RE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;
export const ref = z.string({ error: 'must be a text reference' }).regex(REF_RE, 'must be 1-40 letters, digits, dots, dashes or underscores');

// ---------- evidence files ----------
export const MAX_EVIDENCE_BYTES = 25 * 1024 * 1024;
export const EVIDENCE_MEDIA_TYPES = [
  'application/pdf',
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'application/msword',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
] as const;
export const evidenceMediaType = z.enum(EVIDENCE_MEDIA_TYPES, {
  error: 'must be a PDF, an image (PNG, JPEG, GIF, WebP) or a Word document',
});
/** A file as it travels in the firm file. */
export const firmFileEvidence = z.strictObject({
  name: text(255),
  mediaType: evidenceMediaType,
  base64: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64'),
});
export type FirmFileEvidence = z.infer<typeof firmFileEvidence>;
/** What the app knows of a stored file (the bytes stay in the vault). */
export interface EvidenceMeta {
  id: number;
  name: string;
  mediaType: string;
  size: number;
  sha256: string;
  addedBy: string;
  addedOn: string;
}

// ---------- staff evidence ----------
export const DBS_LEVELS = ['basic', 'standard', 'enhanced', 'enhanced-barred'] as const;
export const dbsCheck = z.strictObject({
  level: z.enum(DBS_LEVELS, { error: `must be one of ${DBS_LEVELS.join(', ')}` }),
  certificateNumber: optText(40),
  issuedOn: isoDate,
  updateService: z.boolean().optional(),
  lastStatusCheckOn: isoDate.optional(),
});
export const staffIndemnity = z
  .strictObject({
    insurer: text(200),
    policyNumber: optText(80),
    coverGBP: money,
    startsOn: isoDate.optional(),
    expiresOn: isoDate,
    heldBy: z.enum(['self', 'employer'], { error: 'must be self or employer' }),
  })
  .refine((p) => !p.startsOn || p.startsOn <= p.expiresOn, {
    message: 'must not be before the start date',
    path: ['expiresOn'],
  });
export const registration = z.strictObject({
  body: text(120),
  number: text(60),
  expiresOn: isoDate.optional(),
  lastCheckedOn: isoDate.optional(),
  restriction: optText(1000),
});
export const cpdEntry = z.strictObject({
  date: isoDate,
  topic: text(300),
  provider: text(200),
  hours: z.number({ error: 'must be a number' }).positive('must be more than 0').max(1000).optional(),
  category: optText(100),
  reflection: optText(5000),
});
export const TRAINING_KINDS = ['safeguarding', 'mental-capacity', 'infosec'] as const;
export const training = z.strictObject({
  kind: text(80),
  completedOn: isoDate,
  provider: optText(200),
  level: optText(80),
});
export const PEER_REVIEW_AREAS = ['decision-making', 'interventions', 'communications', 'goal-setting'] as const;
export const peerReview = z.strictObject({
  date: isoDate,
  reviewer: text(200),
  casesReviewed: z.number().int('must be a whole number').min(0, 'must not be negative').optional(),
  areas: z.array(z.enum(PEER_REVIEW_AREAS, { error: `must be one of ${PEER_REVIEW_AREAS.join(', ')}` })).optional(),
  notes: optText(5000),
});
export const exemption = z.strictObject({
  rule: z.string().regex(/^(STAFF|SUP|ORG|CASE)-[A-Z0-9-]+$/, 'must be a rule id such as STAFF-DBS'),
  reason: text(1000),
  grantedBy: text(200),
  grantedOn: isoDate,
});

// ---------- supplier evidence ----------
export const supplierIndemnity = z.strictObject({
  insurer: text(200),
  coverGBP: money,
  expiresOn: isoDate,
});
export const qualification = z.strictObject({ body: text(120), number: optText(60) });
export const regulatory = z.strictObject({
  scheme: text(120),
  reference: optText(80),
  expiresOn: isoDate.optional(),
});
export const fitnessCheck = z.strictObject({
  checkedOn: isoDate,
  register: text(120),
  result: z.enum(['clear', 'restriction'], { error: 'must be clear or restriction' }),
  note: optText(2000),
});
/** Files for the parts of a supplier's vetting file that are not records of their own (CV, certificates...). */
export const SUPPLIER_DOCUMENT_TOPICS = ['cv', 'safeguarding', 'coverage', 'sole-practitioner', 'evidence-base'] as const;
export type SupplierDocumentTopic = (typeof SUPPLIER_DOCUMENT_TOPICS)[number];
export const supplierDocument = z.strictObject({
  topic: z.enum(SUPPLIER_DOCUMENT_TOPICS, { error: `must be one of ${SUPPLIER_DOCUMENT_TOPICS.join(', ')}` }),
  title: text(200),
});
export const DECISIONS = ['approved', 'conditional', 'rejected'] as const;
export const decision = z.strictObject({
  decision: z.enum(DECISIONS, { error: 'must be approved, conditional or rejected' }),
  by: text(200),
  on: isoDate,
  nextReviewOn: isoDate.optional(),
  note: optText(5000),
});

// ---------- organisation ----------
export const POLICY_KINDS = ['handover', 'whistleblowing', 'complaints', 'lone-working', 'infosec'] as const;
export type PolicyKind = (typeof POLICY_KINDS)[number];
export const policy = z.strictObject({
  kind: z.enum(POLICY_KINDS, { error: `must be one of ${POLICY_KINDS.join(', ')}` }),
  title: text(200),
  reviewedOn: isoDate,
});
export const firmSettings = z.strictObject({
  warningDays: z.number().int('must be a whole number').min(1).max(365).optional(),
  caseloadPerDayMax: z.number().positive('must be more than 0').max(100).optional(),
  supplierIndemnityMinGBP: money.optional(),
  retentionYears: z.number().int().min(1).max(100).optional(),
  /** Minimum supplier indemnity per service (name → pounds); a supplier needs the highest among its services. */
  supplierIndemnityMinByService: z.record(text(120), money).optional(),
});
type SettingsInput = z.infer<typeof firmSettings>;
export type FirmSettings = Required<Omit<SettingsInput, 'supplierIndemnityMinByService'>> & Pick<SettingsInput, 'supplierIndemnityMinByService'>;
export const DEFAULT_SETTINGS: FirmSettings = {
  warningDays: 60,
  caseloadPerDayMax: 8,
  supplierIndemnityMinGBP: 1_000_000,
  retentionYears: 7,
};

export const firmDetails = z.strictObject({
  name: text(200),
  address: optText(500),
  codeOfConductSignatory: z.boolean({ error: 'must be true or false' }),
});
export type FirmDetails = z.infer<typeof firmDetails>;

// ---------- people and organisations ----------
export const EMPLOYMENT = ['employed', 'self-employed', 'subcontractor'] as const;
export const staffDetails = z.strictObject({
  ref,
  name: text(200),
  role: optText(120),
  profession: optText(120),
  employment: z.enum(EMPLOYMENT, { error: `must be one of ${EMPLOYMENT.join(', ')}` }).optional(),
  solePractitioner: z.boolean().optional(),
  soleWorkingSafeguards: optText(2000),
  caseManagementSince: isoDate.optional(),
  qualifiedOn: isoDate.optional(),
  daysPerWeek: z.number({ error: 'must be a number' }).min(0.5, 'must be at least 0.5').max(7, 'must be at most 7').optional(),
});
export type StaffDetails = z.infer<typeof staffDetails>;

export const SUPPLIER_SERVICES = [
  'physiotherapy',
  'occupational therapy',
  'psychology',
  'speech and language therapy',
  'support workers',
  'equipment',
] as const;
export const supplierDetails = z.strictObject({
  ref,
  name: text(200),
  kind: z.enum(['organisation', 'individual'], { error: 'must be organisation or individual' }),
  services: z.array(text(120)),
  soleTrader: z.boolean().optional(),
  safeguardsNote: optText(2000),
  worksWithClients: z.boolean().optional(),
  cvOnFile: z.boolean().optional(),
  safeguardingOn: isoDate.optional(),
  serviceArea: optText(500),
  acceptanceCriteria: optText(2000),
  evidenceBase: optText(500),
  contact: optText(500),
});
export type SupplierDetails = z.infer<typeof supplierDetails>;

// ---------- cases ----------
export const PARTY_KINDS = ['solicitor', 'insurer', 'deputy', 'nhs-la', 'other'] as const;
export const instructingParty = z.strictObject({
  name: text(200),
  kind: z.enum(PARTY_KINDS, { error: `must be one of ${PARTY_KINDS.join(', ')}` }),
  contact: optText(500),
});
export const FUNDING = ['joint-instruction', 'claimant-solicitor', 'deputy', 'nhs-la', 'private'] as const;
export const INJURIES = ['brain', 'spinal', 'orthopaedic', 'amputation', 'polytrauma', 'psychological', 'other'] as const;
export const CASE_STATUSES = ['referral', 'open-active', 'monitoring', 'closed'] as const;
export const CLOSED_REASONS = ['goals achieved', 'settled', 'transferred', 'declined', 'funding ended', 'client died', 'other'] as const;
export const instruction = z.strictObject({
  supplier: ref,
  on: isoDate,
  service: optText(120),
  overrideReason: optText(2000),
});
export const caseDetails = z.strictObject({
  ref,
  initials: z
    .string()
    .regex(/^[A-Z]{1,4}$/, 'must be 1-4 capital letters (initials only)')
    .optional(),
  caseManager: ref,
  instructingParty,
  funding: z.enum(FUNDING, { error: `must be one of ${FUNDING.join(', ')}` }).optional(),
  injury: z.enum(INJURIES, { error: `must be one of ${INJURIES.join(', ')}` }).optional(),
  complexity: z.enum(['low', 'medium', 'high']).optional(),
  status: z.enum(CASE_STATUSES, { error: `must be one of ${CASE_STATUSES.join(', ')}` }),
  closedReason: optText(200),
  referredOn: isoDate.optional(),
  inaOn: isoDate.optional(),
  openedOn: isoDate.optional(),
  closedOn: isoDate.optional(),
  settlementOn: isoDate.optional(),
  rehabPrescriptionRequestedOn: isoDate.optional(),
  rehabPrescriptionReviewedOn: isoDate.optional(),
  preInaRequestedOn: isoDate.optional(),
  preInaReviewedOn: isoDate.optional(),
  preInaUnavailable: z.boolean().optional(),
  nhsContactOn: isoDate.optional(),
  nhsTeam: optText(300),
  statutoryProvisionOn: isoDate.optional(),
  rehabPlanOn: isoDate.optional(),
  rehabPlanShared: z.boolean().optional(),
  consentRecordedOn: isoDate.optional(),
  consentReviewedOn: isoDate.optional(),
  riskReviewedOn: isoDate.optional(),
});
export type CaseDetails = z.infer<typeof caseDetails>;

export type DbsCheck = z.infer<typeof dbsCheck>;
export type StaffIndemnity = z.infer<typeof staffIndemnity>;
export type Registration = z.infer<typeof registration>;
export type CpdEntry = z.infer<typeof cpdEntry>;
export type Training = z.infer<typeof training>;
export type PeerReview = z.infer<typeof peerReview>;
export type Exemption = z.infer<typeof exemption>;
export type SupplierIndemnity = z.infer<typeof supplierIndemnity>;
export type Qualification = z.infer<typeof qualification>;
export type Regulatory = z.infer<typeof regulatory>;
export type FitnessCheck = z.infer<typeof fitnessCheck>;
export type SupplierDocument = z.infer<typeof supplierDocument>;
export type Decision = z.infer<typeof decision>;
export type Policy = z.infer<typeof policy>;
export type Instruction = z.infer<typeof instruction>;
export type InstructingParty = z.infer<typeof instructingParty>;

/**
 * Every kind of evidence record, with the schema of its payload and who may own it.
 * The vault stores records generically (kind + validated JSON payload); this table
 * is the single place that says which kinds exist.
 */
export const RECORD_KINDS = {
  dbs: { owner: ['staff', 'supplier'], schema: dbsCheck },
  indemnity: { owner: ['staff'], schema: staffIndemnity },
  registration: { owner: ['staff'], schema: registration },
  cpd: { owner: ['staff'], schema: cpdEntry },
  training: { owner: ['staff'], schema: training },
  peerReview: { owner: ['staff'], schema: peerReview },
  exemption: { owner: ['staff', 'supplier'], schema: exemption },
  supplierIndemnity: { owner: ['supplier'], schema: supplierIndemnity },
  qualification: { owner: ['supplier'], schema: qualification },
  regulatory: { owner: ['supplier'], schema: regulatory },
  fitnessCheck: { owner: ['supplier'], schema: fitnessCheck },
  decision: { owner: ['supplier'], schema: decision },
  supplierDocument: { owner: ['supplier'], schema: supplierDocument },
  policy: { owner: ['firm'], schema: policy },
} as const;
export type RecordKind = keyof typeof RECORD_KINDS;
export type OwnerType = 'staff' | 'supplier' | 'firm';
export type RecordPayload<K extends RecordKind> = z.infer<(typeof RECORD_KINDS)[K]['schema']>;

/** A stored record as the services and the compliance engine see it. */
export type Stored<T> = T & { id: number; evidence: EvidenceMeta[] };

// ---------- the snapshot the compliance engine and the packs read ----------
export interface StaffSnapshot extends StaffDetails {
  id: number;
  dbs: Stored<DbsCheck>[];
  indemnity: Stored<StaffIndemnity>[];
  registrations: Stored<Registration>[];
  cpd: Stored<CpdEntry>[];
  training: Stored<Training>[];
  peerReviews: Stored<PeerReview>[];
  exemptions: Stored<Exemption>[];
}
export interface SupplierSnapshot extends SupplierDetails {
  id: number;
  indemnity: Stored<SupplierIndemnity>[];
  qualifications: Stored<Qualification>[];
  dbs: Stored<DbsCheck>[];
  regulatory: Stored<Regulatory>[];
  fitnessChecks: Stored<FitnessCheck>[];
  decisions: Stored<Decision>[];
  exemptions: Stored<Exemption>[];
  /** CV, safeguarding certificate and other files (always present in loaded snapshots). */
  documents?: Stored<SupplierDocument>[];
}
export interface HandoverRecord {
  on: string;
  fromRef: string;
  toRef: string;
  reason: string;
  jointWorkingDays?: number;
  clientInformed: boolean;
  note?: string;
}
export interface CaseSnapshot extends CaseDetails {
  id: number;
  instructions: Instruction[];
  handovers: HandoverRecord[];
}
export interface FirmInfo {
  name: string;
  address?: string;
  codeOfConductSignatory: boolean;
  settings: FirmSettings;
  policies: Stored<Policy>[];
}
export interface FirmSnapshot {
  firm: FirmInfo;
  staff: StaffSnapshot[];
  suppliers: SupplierSnapshot[];
  cases: CaseSnapshot[];
}

/** Firm-file / snapshot list name → record kind, for staff and suppliers. */
export const STAFF_LISTS = {
  dbs: 'dbs',
  indemnity: 'indemnity',
  registrations: 'registration',
  cpd: 'cpd',
  training: 'training',
  peerReviews: 'peerReview',
  exemptions: 'exemption',
} as const satisfies Record<string, RecordKind>;
export const SUPPLIER_LISTS = {
  indemnity: 'supplierIndemnity',
  qualifications: 'qualification',
  dbs: 'dbs',
  regulatory: 'regulatory',
  fitnessChecks: 'fitnessCheck',
  decisions: 'decision',
  exemptions: 'exemption',
  documents: 'supplierDocument',
} as const satisfies Record<string, RecordKind>;
/** Case fields kept in the `practice` JSON column rather than their own columns. */
export const CASE_PRACTICE_FIELDS = [
  'inaOn',
  'settlementOn',
  'rehabPrescriptionRequestedOn',
  'rehabPrescriptionReviewedOn',
  'preInaRequestedOn',
  'preInaReviewedOn',
  'preInaUnavailable',
  'nhsContactOn',
  'nhsTeam',
  'statutoryProvisionOn',
  'rehabPlanOn',
  'rehabPlanShared',
  'consentRecordedOn',
  'consentReviewedOn',
  'riskReviewedOn',
] as const;
