// Contract operations of the case journey (issue 14): status changes with their dates, plan and
// risk reviews, goals, incidents on the 48-hour clock, follow-up after closure, outcome and
// feedback, supplier invoices on instructions, and the MTSP Model report. Merged into the one
// contract in ../api.ts. Types and input schemas only.
import { z } from 'zod';
import { isoDate } from '../dates';
import {
  caseOutcome,
  caseReview,
  CASE_STATUSES,
  feedback,
  followUp,
  goal,
  incident,
  INJURIES,
  invoice,
  ref,
  VOCATIONAL_OUTCOMES,
  LIVING_OUTCOMES,
  FEEDBACK_FROM,
  caseDetails,
  type CaseDetails,
  type CaseSnapshot,
  type IncidentKind,
} from '../model';

/** The editable details of a case (what updateCase takes): the case without its lists and journey. */
export function detailsOf(c: CaseSnapshot): CaseDetails {
  return Object.fromEntries(Object.entries(c).filter(([k]) => k in caseDetails.shape)) as CaseDetails;
}

/** Words for codes (never a code on screen). */
export const INCIDENT_KIND_WORDS: Record<IncidentKind, string> = {
  incident: 'Incident',
  accident: 'Accident',
  safeguarding: 'Safeguarding concern',
  welfare: 'Welfare concern',
};
export const VOCATIONAL_WORDS: Record<(typeof VOCATIONAL_OUTCOMES)[number], string> = {
  'returned-to-work': 'Returned to work',
  education: 'In education or training',
  volunteering: 'Volunteering',
  'not-working': 'Not working',
  'not-applicable': 'Not applicable',
};
export const LIVING_WORDS: Record<(typeof LIVING_OUTCOMES)[number], string> = { improved: 'Improved', same: 'About the same', worse: 'Worse' };
export const FEEDBACK_FROM_WORDS: Record<(typeof FEEDBACK_FROM)[number], string> = {
  'service-user': 'Service user',
  family: 'Family',
  'nhs-team': 'NHS team',
};

/** The dated lists of a case's journey that are edited one entry at a time. */
export const JOURNEY_LISTS = ['goals', 'planReviews', 'riskReviews', 'incidents', 'followUps', 'feedback'] as const;
export type JourneyList = (typeof JOURNEY_LISTS)[number];

const index = z.number({ error: 'must be a number' }).int('must be a whole number').min(0, 'must not be negative');
const entry = <L extends JourneyList, S extends z.ZodType>(list: L, item: S) => z.strictObject({ ref, list: z.literal(list), index: index.optional(), item });

/** A status a case moves to by "Change status" (closing has its own dialog: reason, consent). */
export const OPEN_STATUSES = CASE_STATUSES.filter((s) => s !== 'closed') as Exclude<(typeof CASE_STATUSES)[number], 'closed'>[];

export const journeyInputs = {
  changeCaseStatus: z.strictObject({
    ref,
    status: z.enum(OPEN_STATUSES as [string, ...string[]], { error: `must be one of ${OPEN_STATUSES.join(', ')}` }),
    on: isoDate,
  }),
  /** Adds an entry to one of the journey's lists, or (with `index`) replaces that entry. */
  saveJourneyItem: z.discriminatedUnion('list', [
    entry('goals', goal),
    entry('planReviews', caseReview),
    entry('riskReviews', caseReview),
    entry('incidents', incident),
    entry('followUps', followUp),
    entry('feedback', feedback),
  ]),
  deleteJourneyItem: z.strictObject({ ref, list: z.enum(JOURNEY_LISTS), index }),
  /** The outcome at closure and the answer to "may we contact you after closing?". */
  setCaseOutcome: z.strictObject({ ref, outcome: caseOutcome.optional(), followUpConsent: z.boolean({ error: 'must be yes or no' }).optional() }),
  /** An invoice on the case's instruction number `instruction` (0 = the first, in the order the case page lists them). */
  saveInvoice: z.strictObject({ ref, instruction: index, index: index.optional(), invoice }),
  deleteInvoice: z.strictObject({ ref, instruction: index, index }),
  /** Every incident whose reporting clock is still running, firm-wide (the Dashboard's block). */
  incidentClocks: z.strictObject({}),
  /** A supplier's invoices with the days each took to pay (the supplier page). */
  supplierInvoices: z.strictObject({ ref }),
  /** Cases by complexity opened or worked in the two years to as-of (MTSP Practitioner D). */
  staffCaseMix: z.strictObject({ ref, asOf: isoDate.optional() }),
  mtspReport: z.strictObject({ from: isoDate.optional(), to: isoDate.optional() }),
  exportMtspReport: z.strictObject({ from: isoDate.optional(), to: isoDate.optional() }),
} satisfies Record<string, z.ZodType>;

// ---------- what the operations return ----------
/** One report an incident's kind needs, and where it stands. */
export interface IncidentReportClock {
  field: 'lineManagerAt' | 'leadReportedAt' | 'safeguardingLeadAt';
  to: string;
  /** When it was made (London local), if it was. */
  at?: string;
  /** made in time / made late / still to make and the time is running / not made and the time is up. */
  state: 'in-time' | 'late' | 'running' | 'overdue';
}
/** The reporting clock of one incident: the deadline is identification + the firm's hours. */
export interface IncidentClock {
  caseRef: string;
  index: number;
  kind: IncidentKind;
  identifiedAt: string;
  /** The last minute in time, London local (identification + 48 hours unless the firm changed it). */
  deadlineAt: string;
  /** Whole minutes from now to the deadline (negative once past); null when every report is made. */
  minutesLeft: number | null;
  reports: IncidentReportClock[];
  /** "Reported to everyone in time", "11 hours 20 minutes left to report to the safeguarding lead"... */
  words: string;
}
export interface FollowUpWindow {
  months: 3 | 6 | 9;
  from: string;
  to: string;
  contactOn?: string;
  state: 'done' | 'missed' | 'open' | 'later';
}
/** The journey part of the case page. */
export interface JourneyView {
  /** The status history as recorded, or as it follows from the case's dates when none is recorded. */
  statusHistory: { status: (typeof CASE_STATUSES)[number]; on: string }[];
  historyRecorded: boolean;
  incidents: IncidentClock[];
  /** For a closed case with consent: the 3, 6 and 9 month windows. */
  followUpWindows: FollowUpWindow[];
  /** Invoices per instruction (same order as the case page's instructions). */
  invoices: { instruction: number; supplier: string; invoices: InvoiceView[] }[];
  /** The case's incidents and reviews need no names: the forms say so. */
}
export interface InvoiceView {
  index: number;
  number?: string;
  receivedOn: string;
  amountGBP: number;
  paidOn?: string;
  /** Days from receipt to payment, or to today while unpaid. */
  days: number;
  /** Last day within the firm's terms. */
  dueBy: string;
  state: 'paid-in-time' | 'paid-late' | 'unpaid' | 'overdue';
}
export interface SupplierInvoiceRow extends InvoiceView {
  caseRef: string;
  instruction: number;
  service?: string;
}
export interface SupplierInvoices {
  ref: string;
  termsDays: number;
  rows: SupplierInvoiceRow[];
  /** Mean days to pay over the paid invoices, 1 decimal; null when none is paid. */
  meanDaysToPay: number | null;
  paidLate: number;
  overdue: number;
}
export interface StaffCaseMix {
  ref: string;
  from: string;
  asOf: string;
  /** Cases opened or worked in (from, asOf], by complexity ("not recorded" when missing). */
  byComplexity: Record<string, number>;
  total: number;
  /** Cases held outside the firm (associates), the latest figure on or before as-of. */
  outside?: { on: string; openActive: number; monitoring: number; note?: string };
}

export type MtspInjury = (typeof INJURIES)[number] | 'not recorded';
export type MtspOutcome = (typeof VOCATIONAL_OUTCOMES)[number];
/** `caseproof report mtsp --json`, exactly as docs/spec/cli.md gives it. */
export interface MtspReport {
  from: string;
  to: string;
  byParty: {
    party: string;
    kind: string;
    cases: number;
    injuries: Record<string, number>;
    spendGBP: Record<string, number>;
    medianDaysReferralToSettlement: number | null;
    vocational: Record<string, number>;
    feedback: { responses: number; aboutCaseManager: number | null; aboutSolicitor: number | null };
  }[];
}

export interface JourneyOutputs {
  changeCaseStatus: import('./cases').CaseView;
  saveJourneyItem: import('./cases').CaseView;
  deleteJourneyItem: import('./cases').CaseView;
  setCaseOutcome: import('./cases').CaseView;
  saveInvoice: import('./cases').CaseView;
  deleteInvoice: import('./cases').CaseView;
  incidentClocks: IncidentClock[];
  supplierInvoices: SupplierInvoices;
  staffCaseMix: StaffCaseMix;
  mtspReport: MtspReport;
  exportMtspReport: { path: string | null };
}
