// The domain model: one zod schema per record kind. The same shapes are
// - the payloads stored in the vault,
// - the items of the firm file (interchange.md), where each may carry `evidence` files,
// - the inputs the UI validates as the user types.
// Objects are strict: an unknown field is an error, never silently dropped.
import { z } from 'zod';
import { isoDate, localMinute } from './dates';
import { REGISTER_IDS } from './registers';

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
export const firmFileContent = z.strictObject({
  name: text(255),
  mediaType: evidenceMediaType,
  base64: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64'),
});
// ---- DBS copies (hostile): a copy destroyed on purpose travels as its fingerprint (interchange.md "File (v2)") ----
export const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lowercase hexadecimal digits (a SHA-256)');
/** Why a copy was destroyed, as the record and the packs say it. */
export const DBS_COPY_WHY = (months: number) => `DBS Code of Practice: certificate copies kept no longer than ${months} months`;
export const destroyedCopy = z.strictObject({
  name: text(255),
  mediaType: evidenceMediaType,
  sha256: sha256Hex,
  destroyedOn: isoDate,
  destroyedBy: optText(200),
  why: text(500),
});
export type DestroyedCopy = z.infer<typeof destroyedCopy>;
export type FirmFileContent = z.infer<typeof firmFileContent>;
/**
 * A file holds its content or, once destroyed, the destroyed-copy fields, never both. Which
 * one is meant is read from the fields given (base64, or sha256/destroyedOn), so an error
 * names the field of that shape rather than "matches neither".
 */
const fileShapeOf = (v: unknown) =>
  typeof v === 'object' && v !== null && !('base64' in v) && ('sha256' in v || 'destroyedOn' in v) ? destroyedCopy : firmFileContent;
export const firmFileEvidence: z.ZodType<FirmFileContent | DestroyedCopy> = z.unknown().transform((v, ctx) => {
  const r = fileShapeOf(v).safeParse(v, { reportInput: true });
  if (r.success) return r.data;
  for (const issue of r.error.issues) ctx.addIssue(issue as never);
  return z.NEVER;
});
export const isDestroyedCopy = (f: FirmFileEvidence): f is DestroyedCopy => !('base64' in f);
// ---- end DBS copies ----
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
  /** A DBS certificate copy destroyed under the firm's dbsCopyMonths: its bytes are gone, its fingerprint kept. */
  destroyed?: { on: string; by?: string; why: string };
}

// ---------- staff evidence ----------
// ---------- register checks as receipts (issue 11 item 6) ----------
/** What a look at a professional register found. */
export const REGISTER_RESULTS = ['registered', 'registered-with-conditions', 'not-found'] as const;
/** What a DBS Update Service status check said. */
export const DBS_STATUS_RESULTS = ['no-new-information', 'new-information'] as const;
export const REGISTER_CHECK_RESULTS = [...REGISTER_RESULTS, ...DBS_STATUS_RESULTS] as const;
export type RegisterCheckResult = (typeof REGISTER_CHECK_RESULTS)[number];
/** One check of a public register, kept on the record it checked: who, when, which register and what it showed. */
export const registerCheck = z.strictObject({
  on: isoDate,
  by: text(200),
  register: z.enum(REGISTER_IDS, { error: `must be one of ${REGISTER_IDS.join(', ')}` }),
  result: z.enum(REGISTER_CHECK_RESULTS, { error: `must be one of ${REGISTER_CHECK_RESULTS.join(', ')}` }),
  note: optText(1000),
  /** The evidence file (a screenshot or PDF of the register page) saved with the check, by name. */
  file: optText(255),
});
export type RegisterCheck = z.infer<typeof registerCheck>;

export const DBS_LEVELS = ['basic', 'standard', 'enhanced', 'enhanced-barred'] as const;
export const dbsCheck = z.strictObject({
  level: z.enum(DBS_LEVELS, { error: `must be one of ${DBS_LEVELS.join(', ')}` }),
  certificateNumber: optText(40),
  issuedOn: isoDate,
  updateService: z.boolean().optional(),
  lastStatusCheckOn: isoDate.optional(),
  /** Who saw the original certificate (firm file version 2; kept when the copy is destroyed). */
  checkedBy: optText(200),
  /** Every Update Service status check recorded in Caseproof, oldest first (issue 11). */
  statusChecks: z.array(registerCheck).max(500).optional(),
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
  /** Every check of the register recorded in Caseproof, oldest first (issue 11). */
  checks: z.array(registerCheck).max(500).optional(),
});
export const cpdEntry = z.strictObject({
  date: isoDate,
  topic: text(300),
  provider: text(200),
  hours: z.number({ error: 'must be a number' }).positive('must be more than 0').max(1000).optional(),
  category: optText(100),
  reflection: optText(5000),
});
/** The training categories that answer a rule (rules.md "Training kinds"). */
export const TRAINING_KINDS = ['safeguarding', 'mental-capacity', 'infosec'] as const;
/** Every training category (v2): the three that answer a rule, and `other`, which answers none. */
export const TRAINING_CATEGORIES = [...TRAINING_KINDS, 'other'] as const;
export type TrainingCategory = (typeof TRAINING_CATEGORIES)[number];
/**
 * A course. `kind` is a category, or (from a version-1 file or a spreadsheet) free text that
 * trainingCategory() in training.ts matches to one; `title` is the course's own name.
 */
export const training = z.strictObject({
  kind: text(80),
  title: optText(300),
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
/**
 * An exemption from one rule. Which rules may be exempted, for whom, and for how long is
 * checked by exemptionProblem() in exemptions.ts (the form and the import both call it).
 * `expiresOn` is the last day in force; without it (version 1), 12 months after the grant.
 */
export const exemption = z.strictObject({
  rule: z.string().regex(/^(STAFF|SUP|ORG|CASE)-[A-Z0-9-]+$/, 'must be a rule id such as STAFF-DBS'),
  reason: text(1000),
  grantedBy: text(200),
  grantedOn: isoDate,
  expiresOn: isoDate.optional(),
});

// ---------- supplier evidence ----------
export const supplierIndemnity = z
  .strictObject({
    insurer: text(200),
    coverGBP: money,
    startsOn: isoDate.optional(),
    expiresOn: isoDate,
  })
  .refine((p) => !p.startsOn || p.startsOn <= p.expiresOn, {
    message: 'must not be before the start date',
    path: ['expiresOn'],
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
/** A staff member's acknowledgement that they have read the current review of a firm policy (STAFF-POLICY-ACK). */
export const policyAck = z.strictObject({
  policy: z.enum(POLICY_KINDS, { error: `must be one of ${POLICY_KINDS.join(', ')}` }),
  on: isoDate,
});
// ---- cases held outside the firm (issue 14 item 6; MTSP Practitioner H "from all sources") ----
/**
 * An associate's cases held for others (another firm, private clients), as they told the firm:
 * from a date, until a date or still, with how many open and active (and monitoring) and the
 * days a week they work on them. Counts only: never a client's name. STAFF-CASELOAD adds the
 * record in force on the as-of date to the cases the person holds with the firm.
 */
export const outsideCaseload = z
  .strictObject({
    from: isoDate,
    to: isoDate.optional(),
    openActive: z.number({ error: 'must be a number' }).int('must be a whole number').min(0, 'must not be negative').max(1000, 'must be at most 1000'),
    monitoring: z
      .number({ error: 'must be a number' })
      .int('must be a whole number')
      .min(0, 'must not be negative')
      .max(1000, 'must be at most 1000')
      .optional(),
    daysPerWeek: z.number({ error: 'must be a number' }).min(0.5, 'must be at least 0.5').max(7, 'must be at most 7'),
    /** Who the cases are held for: "Another case-management firm", "Private clients". Never a client's name. */
    source: text(200),
  })
  .refine((o) => !o.to || o.from <= o.to, { message: 'must not be before the "from" date', path: ['to'] });
export type OutsideCaseload = z.infer<typeof outsideCaseload>;
// ---- end cases held outside the firm ----
const whole = (min: number, max: number) =>
  z.number({ error: 'must be a number' }).int('must be a whole number').min(min, `must be at least ${min}`).max(max, `must be at most ${max}`);
/** Auto-lock: the firm's choice of idle time, in minutes (the vault also locks at once on screen lock and sleep). */
export const AUTO_LOCK_MINUTES = { min: 1, max: 60, default: 10 } as const;
export const firmSettings = z.strictObject({
  warningDays: z.number().int('must be a whole number').min(1).max(365).optional(),
  caseloadPerDayMax: z.number().positive('must be more than 0').max(100).optional(),
  supplierIndemnityMinGBP: money.optional(),
  retentionYears: z.number().int().min(1).max(100).optional(),
  /** Minimum supplier indemnity per service (name → pounds); a supplier needs the highest among its services. */
  supplierIndemnityMinByService: z.record(text(120), money).optional(),
  /** CASE-ASSESSMENT-TIMELY: days from referral to the initial needs assessment. */
  assessmentDays: whole(1, 365).optional(),
  /** CASE-PLAN-REVIEW: months between reviews of the rehabilitation plan. */
  planReviewMonths: whole(1, 24).optional(),
  /** CASE-INCIDENT-REPORTED: hours within which an incident must be reported. */
  incidentReportHours: whole(1, 720).optional(),
  /** ORG-SUPPLIERS-PAID: days from receiving a supplier's invoice to paying it. */
  invoiceTermsDays: whole(1, 365).optional(),
  /** ORG-OUTCOMES: the share (0-1) of cases closed in the last year that need an outcome and feedback. */
  outcomesShare: z.number({ error: 'must be a number' }).min(0, 'must be at least 0').max(1, 'must be at most 1 (a share: 0.5 is half)').optional(),
  /** Months after a DBS certificate's issue date that a copy of it is kept; then it is destroyed, its details and fingerprint kept (DBS Code of Practice). */
  dbsCopyMonths: whole(1, 24).optional(),
  /** Minutes without use of the Caseproof window after which the vault locks itself (auto-lock). */
  autoLockMinutes: z
    .number({ error: 'must be a number of minutes' })
    .int('must be a whole number of minutes')
    .min(AUTO_LOCK_MINUTES.min, `must be at least ${AUTO_LOCK_MINUTES.min} minute`)
    .max(AUTO_LOCK_MINUTES.max, `must be at most ${AUTO_LOCK_MINUTES.max} minutes`)
    .optional(),
  // The MTSP Code of Conduct signature (issue 11: the Legal Panel pack gives the signatory and the date signed).
  /** The day the firm signed the MTSP Code of Conduct. */
  codeSignedOn: isoDate.optional(),
  /** Who signed it for the firm. */
  codeSignatory: optText(200),
});
type SettingsInput = z.infer<typeof firmSettings>;
/** Settings with no default: absent until the firm gives them. */
type OptionalSettings = 'supplierIndemnityMinByService' | 'codeSignedOn' | 'codeSignatory';
export type FirmSettings = Required<Omit<SettingsInput, OptionalSettings>> & Pick<SettingsInput, OptionalSettings>;
export const DEFAULT_SETTINGS: FirmSettings = {
  warningDays: 60,
  caseloadPerDayMax: 8,
  supplierIndemnityMinGBP: 1_000_000,
  retentionYears: 7,
  assessmentDays: 42,
  planReviewMonths: 3,
  incidentReportHours: 48,
  invoiceTermsDays: 30,
  outcomesShare: 0.5,
  autoLockMinutes: AUTO_LOCK_MINUTES.default,
  dbsCopyMonths: 6,
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
// ---------- the case journey (interchange.md version 2; stored with the case-journey issue) ----------
const score = z
  .number({ error: 'must be a whole number from 1 to 5' })
  .int('must be a whole number from 1 to 5')
  .min(1, 'must be at least 1')
  .max(5, 'must be at most 5');
/** One change of a case's status, with its date; the list gives the case's status on any date. */
export const statusChange = z.strictObject({
  status: z.enum(CASE_STATUSES, { error: `must be one of ${CASE_STATUSES.join(', ')}` }),
  on: isoDate,
});
/** A goal of the rehabilitation plan: what, how it is measured, and by when. */
export const goal = z.strictObject({
  text: text(500),
  measure: text(500),
  targetOn: isoDate,
  vocational: z.boolean({ error: 'must be true or false' }).optional(),
  achievedOn: isoDate.optional(),
  outcome: optText(2000),
});
/** A review of the rehabilitation plan or of the risk assessment. */
export const caseReview = z.strictObject({
  on: isoDate,
  by: optText(200),
  note: optText(5000),
});
export const INCIDENT_KINDS = ['incident', 'accident', 'safeguarding', 'welfare'] as const;
export type IncidentKind = (typeof INCIDENT_KINDS)[number];
/** An incident, accident, safeguarding or welfare concern; every time is London local time to the minute. */
export const incident = z.strictObject({
  kind: z.enum(INCIDENT_KINDS, { error: `must be one of ${INCIDENT_KINDS.join(', ')}` }),
  identifiedAt: localMinute,
  summary: text(2000),
  lineManagerAt: localMinute.optional(),
  leadReportedAt: localMinute.optional(),
  safeguardingLeadAt: localMinute.optional(),
  outcome: optText(2000),
});
/** A contact with the client after the case closed (CASE-FOLLOW-UP). */
export const followUp = z.strictObject({
  on: isoDate,
  outcome: optText(2000),
});
export const VOCATIONAL_OUTCOMES = ['returned-to-work', 'education', 'volunteering', 'not-working', 'not-applicable'] as const;
export const LIVING_OUTCOMES = ['improved', 'same', 'worse'] as const;
/** How the case ended for the client (ORG-OUTCOMES). */
export const caseOutcome = z.strictObject({
  vocational: z.enum(VOCATIONAL_OUTCOMES, { error: `must be one of ${VOCATIONAL_OUTCOMES.join(', ')}` }).optional(),
  independentLiving: z.enum(LIVING_OUTCOMES, { error: `must be one of ${LIVING_OUTCOMES.join(', ')}` }).optional(),
  note: optText(2000),
});
export const FEEDBACK_FROM = ['service-user', 'family', 'nhs-team'] as const;
export const feedback = z.strictObject({
  on: isoDate,
  from: z.enum(FEEDBACK_FROM, { error: `must be one of ${FEEDBACK_FROM.join(', ')}` }),
  aboutCaseManager: score.optional(),
  aboutSolicitor: score.optional(),
  comment: optText(5000),
});
/** A supplier's invoice on an instruction (ORG-SUPPLIERS-PAID); credit notes are not recorded. */
export const invoice = z.strictObject({
  number: optText(80),
  receivedOn: isoDate,
  amountGBP: money,
  paidOn: isoDate.optional(),
});
/**
 * The case-journey fields of a case (interchange.md version 2), all optional. The firm file
 * adds them to a case with `caseDetails.safeExtend(caseJourney.shape)`; cross-field checks
 * (history agreeing with the status, reports before identification...) are the import's.
 */
export const caseJourney = z.strictObject({
  statusHistory: z.array(statusChange).optional(),
  goals: z.array(goal).optional(),
  planReviews: z.array(caseReview).optional(),
  riskReviews: z.array(caseReview).optional(),
  incidents: z.array(incident).optional(),
  followUpConsent: z.boolean({ error: 'must be true or false' }).optional(),
  followUps: z.array(followUp).optional(),
  outcome: caseOutcome.optional(),
  feedback: z.array(feedback).optional(),
});
export type StatusChange = z.infer<typeof statusChange>;
export type Goal = z.infer<typeof goal>;
export type CaseReview = z.infer<typeof caseReview>;
export type Incident = z.infer<typeof incident>;
export type FollowUp = z.infer<typeof followUp>;
export type CaseOutcome = z.infer<typeof caseOutcome>;
export type Feedback = z.infer<typeof feedback>;
export type Invoice = z.infer<typeof invoice>;
export type CaseJourney = z.infer<typeof caseJourney>;

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
  // ---- the case journey's own case fields (issue 14), kept in the `practice` JSON ----
  /** Who referred the case (an organisation or a role, never the client): "Smith & Co solicitors". */
  referralSource: optText(200),
  /** The date the client consented to the referral. */
  referralConsentOn: isoDate.optional(),
  /** The date the client was given their own copy of the rehabilitation plan. */
  planClientCopyOn: isoDate.optional(),
  /** Standard Practice E: a shortfall in statutory provision raised with the statutory body. */
  statutoryShortfallRaisedOn: isoDate.optional(),
  /** Standard Practice G: the client, family, NHS and social care engaged in planning. */
  stakeholdersEngagedOn: isoDate.optional(),
  /** Standard Practice H: the NHS treating team told of privately funded provision. */
  nhsToldOfPrivateOn: isoDate.optional(),
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
export type PolicyAck = z.infer<typeof policyAck>;
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
  policyAck: { owner: ['staff'], schema: policyAck },
  outsideCaseload: { owner: ['staff'], schema: outsideCaseload },
} as const;
export type RecordKind = keyof typeof RECORD_KINDS;
/** Each kind of record in words (lower case, for the middle of a sentence): the audit trail's one name for it. */
export const RECORD_KIND_WORDS: Record<RecordKind, string> = {
  dbs: 'DBS check',
  indemnity: 'indemnity',
  registration: 'registration',
  cpd: 'CPD entry',
  training: 'training',
  peerReview: 'peer review',
  exemption: 'exemption',
  supplierIndemnity: 'indemnity',
  qualification: 'qualification',
  regulatory: 'regulatory registration',
  fitnessCheck: 'register check',
  decision: 'vetting decision',
  supplierDocument: 'document',
  policy: 'policy',
  policyAck: 'policy acknowledgement',
  outsideCaseload: 'work outside the caseload',
};
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
  policyAcknowledgements: Stored<PolicyAck>[];
  /** Cases held outside the firm (associates), each dated (STAFF-CASELOAD counts the one in force). */
  outsideCaseload?: Stored<OutsideCaseload>[];
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
/** An instruction as the engine reads it: with the supplier's invoices once the case journey stores them. */
export type InstructionSnapshot = Instruction & { invoices?: Invoice[] };
/** A case with its instructions, handovers and (optional until the case-journey issue stores them) its journey. */
export interface CaseSnapshot extends CaseDetails, CaseJourney {
  id: number;
  instructions: InstructionSnapshot[];
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
  policyAcknowledgements: 'policyAck',
  outsideCaseload: 'outsideCaseload',
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
/** A case's standard practice checklist (A-I, consent, risk reviews): ops/cases.ts CHECKLIST_FIELDS. */
export const CASE_CHECKLIST_FIELDS = [
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
  // the case journey (issue 14): the client's copy of the plan, Standard Practice E, G, H
  'planClientCopyOn',
  'statutoryShortfallRaisedOn',
  'stakeholdersEngagedOn',
  'nhsToldOfPrivateOn',
] as const;
/** Case fields kept in the `practice` JSON column rather than their own columns. */
export const CASE_PRACTICE_FIELDS = ['inaOn', 'settlementOn', 'referralSource', 'referralConsentOn', ...CASE_CHECKLIST_FIELDS] as const;
/** The case-journey fields of a case, kept in the case row's `journey` JSON column (migration 0008). */
export const JOURNEY_FIELDS = Object.keys(caseJourney.shape) as (keyof CaseJourney)[];
