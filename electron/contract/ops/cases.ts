// Contract operations of one domain (issue 5): cases, the standard-practice checklist,
// instructions (Governance A), handovers (Organisation I), caseload figures (Practitioner H,
// Organisation G) and retention. Merged into the one contract in ../api.ts. Types only.
import { z } from 'zod';
import type { CaseloadFigures } from '../caseload';
import type { OverallStatus, RuleResult, RuleStatus } from '../compliance';
import { isoDate } from '../dates';
import { caseDetails, CASE_STATUSES, CLOSED_REASONS, INJURIES, ref, type CaseSnapshot, type HandoverRecord, type Instruction } from '../model';
import { CASE_CHECKLIST_FIELDS } from '../model';

const text = (max: number) => z.string().trim().min(1, 'is required').max(max, `must be at most ${max} characters`);
const optText = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`).optional();

/** Case statuses as words (never a code on screen). */
export const CASE_STATUS_WORDS: Record<(typeof CASE_STATUSES)[number], string> = {
  referral: 'Referral',
  'open-active': 'Open active',
  monitoring: 'Monitoring',
  closed: 'Closed',
};

/** The checklist part of a case (standard practice A-I, consent, risk reviews). */
export const CHECKLIST_FIELDS = CASE_CHECKLIST_FIELDS;
export type ChecklistField = (typeof CHECKLIST_FIELDS)[number];
export const caseChecklist = caseDetails.pick(Object.fromEntries(CHECKLIST_FIELDS.map((k) => [k, true])) as { [K in ChecklistField]: true });
export type CaseChecklist = z.infer<typeof caseChecklist>;

export const CASE_PAGE_MAX = 500;
export const caseListQuery = z.strictObject({
  /** Part of the case reference, or the client's initials. */
  search: z.string().trim().max(40, 'must be at most 40 characters').optional(),
  caseManager: ref.optional(),
  status: z.enum(CASE_STATUSES, { error: `must be one of ${CASE_STATUSES.join(', ')}` }).optional(),
  /** The instructing party (a contact id from listParties). */
  partyId: z.number().int().positive().optional(),
  injury: z.enum(INJURIES, { error: `must be one of ${INJURIES.join(', ')}` }).optional(),
  limit: z.number().int().min(1).max(CASE_PAGE_MAX, `must be at most ${CASE_PAGE_MAX}`).optional(),
  offset: z.number().int().min(0).optional(),
});
export type CaseListQuery = z.infer<typeof caseListQuery>;

export const instructInput = z.strictObject({
  ref,
  supplier: ref,
  on: isoDate,
  service: optText(120),
  /** Needed only when the supplier was not approved on `on`; recorded on the case. */
  overrideReason: optText(2000),
});
export const handoverInput = z.strictObject({
  ref,
  to: ref,
  on: isoDate,
  reason: text(1000),
  jointWorkingDays: z
    .number({ error: 'must be a number' })
    .int('must be a whole number of days')
    .min(0, 'must not be negative')
    .max(365, 'must be at most 365')
    .optional(),
  clientInformed: z.boolean({ error: 'must be yes or no' }),
  note: optText(5000),
});
export const closeInput = z.strictObject({
  ref,
  closedOn: isoDate,
  closedReason: z.enum(CLOSED_REASONS, { error: `must be one of ${CLOSED_REASONS.join(', ')}` }),
  /** The case journey: may the firm contact the client at 3, 6 and 9 months (CASE-FOLLOW-UP)? The app's dialog always asks. */
  followUpConsent: z.boolean({ error: 'must be yes or no' }).optional(),
});

export const casesInputs = {
  listCases: caseListQuery,
  getCase: z.strictObject({ ref }),
  createCase: caseDetails,
  updateCase: z.strictObject({ ref, details: caseDetails }),
  updateCaseChecklist: z.strictObject({ ref, checklist: caseChecklist }),
  closeCase: closeInput,
  listParties: z.strictObject({}),
  instructSupplier: instructInput,
  handOverCase: handoverInput,
  caseloadFigures: z.strictObject({ staffRef: ref.optional(), asOf: isoDate.optional() }),
  partyReport: z.strictObject({}),
  casesPastRetention: z.strictObject({ asOf: isoDate.optional() }),
  deleteCase: z.strictObject({ ref, confirmRef: z.string() }),
} satisfies Record<string, z.ZodType>;

// ---------- what the operations return ----------
export interface CaseListRow {
  ref: string;
  initials?: string;
  caseManager: string;
  caseManagerName: string;
  partyId: number;
  party: string;
  partyKind: string;
  status: CaseSnapshot['status'];
  injury?: string;
  funding?: string;
  referredOn?: string;
  openedOn?: string;
  closedOn?: string;
}
export interface CaseList {
  total: number;
  offset: number;
  limit: number;
  rows: CaseListRow[];
}
export interface PartyView {
  id: number;
  name: string;
  kind: string;
  contact?: string;
  cases: number;
}
export interface InstructionView extends Instruction {
  supplierName: string;
  /** Whether the supplier was approved (Governance A) on the instruction date. */
  approvedOnDay: boolean;
  /** The vetting position on that date, in words. */
  approval: string;
}
export interface HandoverView extends HandoverRecord {
  fromName: string;
  toName: string;
}
export interface CaseHistoryEntry {
  on: string;
  kind:
    | 'referred'
    | 'opened'
    | 'ina'
    | 'instruction'
    | 'handover'
    | 'settled'
    | 'closed'
    | 'status'
    | 'plan-review'
    | 'risk-review'
    | 'incident'
    | 'follow-up'
    | 'feedback'
    | 'invoice';
  what: string;
}
export interface CaseView {
  asOf: string;
  case: CaseSnapshot;
  caseManagerName: string;
  /** Overall CASE-* status and each rule's result (not_applicable unless open). */
  status: OverallStatus;
  rules: RuleResult[];
  /** Title, source and summary of each CASE-* rule (the rules catalogue). */
  catalogue: { id: string; title: string; source: string; summary: string }[];
  instructions: InstructionView[];
  handovers: HandoverView[];
  /** Dated events, oldest first. */
  history: CaseHistoryEntry[];
  /** For closed cases: when the retention period ends. */
  retention: { years: number; keepUntil: string | null; past: boolean } | null;
  /** The case journey: status history, incident clocks, follow-up windows, invoices (issue 14). */
  journey: import('./journey').JourneyView;
}
export interface InstructResult {
  view: CaseView;
  overridden: boolean;
}
export interface ManagerLoad {
  ref: string;
  name: string;
  figures: CaseloadFigures;
  sentence: string;
  /** Open-active cases per working day against the firm's limit (STAFF-CASELOAD). */
  status: RuleStatus;
  reason: string;
}
export interface CaseloadView {
  asOf: string;
  perDayMax: number;
  /** The case manager, or null for the whole firm. */
  ref: string | null;
  name: string;
  figures: CaseloadFigures;
  /** e.g. "25 open active, 12 monitoring, 3 days a week". */
  sentence: string;
  status: RuleStatus;
  reason: string;
  /** The firm view: one line per case manager; empty for one manager. */
  managers: ManagerLoad[];
}
export interface PartyReportRow {
  id: number;
  name: string;
  kind: string;
  cases: number;
  referral: number;
  openActive: number;
  monitoring: number;
  closed: number;
  byInjury: Record<string, number>;
  /** Median whole days from referral to closure, over closed cases with both dates. */
  medianDaysToClose: number | null;
  closedWithDates: number;
}
export interface RetentionRow {
  ref: string;
  initials?: string;
  caseManager: string;
  caseManagerName: string;
  party: string;
  closedOn: string | null;
  closedReason?: string;
  /** closedOn + retention years; null when no closing date is recorded. */
  keepUntil: string | null;
}
export interface RetentionList {
  asOf: string;
  years: number;
  /** Closed cases whose retention period has ended, oldest first. */
  due: RetentionRow[];
  /** Closed cases with no closing date: the period cannot be worked out. */
  undated: RetentionRow[];
}

export interface CasesOutputs {
  listCases: CaseList;
  getCase: CaseView;
  createCase: CaseView;
  updateCase: CaseView;
  updateCaseChecklist: CaseView;
  closeCase: CaseView;
  listParties: PartyView[];
  instructSupplier: InstructResult;
  handOverCase: CaseView;
  caseloadFigures: CaseloadView;
  partyReport: PartyReportRow[];
  casesPastRetention: RetentionList;
  deleteCase: null;
}
