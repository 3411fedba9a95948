// Contract operations of one domain (issue 3): evidence records and their files, staff
// evidence, exemptions, the rule catalogue the UI shows, the due list, the self checklist
// and the due-date calendar.
// Merged into the one contract in ../api.ts. Types and zod schemas only.
import { z } from 'zod';
import type { OverallStatus, RuleStatus } from '../compliance';
import { isoDate } from '../dates';
import { REGISTER_CHECK_RESULTS, ref, type EvidenceMeta, type RegisterCheck } from '../model';
import { REGISTER_IDS } from '../registers';
import type { RuleId, RuleInfo } from '../rules';
import type { DbsCopyDueView, EvidenceContent, StoredRecord } from '../views';
import type { TodoView } from '../todo';

const none = z.strictObject({});
const id = z.number().int().positive();
const days = z
  .number({ error: 'must be a number of days' })
  .int('must be a whole number of days')
  .min(0, 'must not be negative')
  .max(3650, 'must be at most 3650 days');
/** Whose records: a staff member's or supplier's (by ref) or the firm's own (no ref). */
const owner = z.strictObject({ type: z.enum(['staff', 'supplier', 'firm']), ref: ref.optional() });

export const evidenceInputs = {
  // evidence records (payloads checked by their kind's schema in the service) and their files
  listRecords: z.strictObject({ owner }),
  addRecord: z.strictObject({ owner, kind: z.string(), data: z.record(z.string(), z.unknown()) }),
  updateRecord: z.strictObject({ id, data: z.record(z.string(), z.unknown()) }),
  deleteRecord: z.strictObject({ id }),
  attachEvidence: z.strictObject({ recordId: id, name: z.string().min(1), base64: z.string() }),
  /** Asks for files (main's dialog) and attaches them all to one record, or none. */
  attachEvidenceFromDialog: z.strictObject({ recordId: id }),
  readEvidence: z.strictObject({ id }),
  /** Saves a copy of one evidence file where the user chooses. */
  saveEvidenceAs: z.strictObject({ id }),
  deleteEvidence: z.strictObject({ id }),
  /** Every rule with its source and the words the UI shows for it. */
  ruleCatalogue: none,
  /**
   * Records an exemption from one rule for a staff member or supplier. `grantedBy`
   * defaults to the person using the vault and `grantedOn` to today.
   */
  grantExemption: z.strictObject({
    owner: z.strictObject({ type: z.enum(['staff', 'supplier']), ref }),
    rule: z.string(),
    reason: z.string(),
    grantedBy: z.string().optional(),
    grantedOn: z.string().optional(),
    /** The last day in force: at most 12 months after the grant, which is also the default. */
    expiresOn: z.string().optional(),
  }),
  /** Withdraws an exemption (deletes the exemption record; other kinds are refused). */
  withdrawExemption: z.strictObject({ id }),
  /** What lapses within `days` (default: the firm's warning window), soonest first. */
  dueItems: z.strictObject({ days: days.optional(), asOf: isoDate.optional() }),
  /** The MTSP case manager self checklist, answered from one person's records. */
  selfChecklist: z.strictObject({ ref, asOf: isoDate.optional() }),
  /**
   * Saves every future due date as an iCalendar file through the save dialog. Without
   * `days`, every date on which a rule result changes; with it, only those within `days`.
   */
  exportDueCalendar: z.strictObject({ days: days.optional() }),
  /** DBS certificate copies that the firm's dbsCopyMonths destroys within `days` (default: the warning window), soonest first. */
  dbsCopiesDue: z.strictObject({ days: days.optional() }),
  // to do (issue 13 item 5; contract/todo.ts)
  /**
   * Everything not met (missing evidence included) and everything due within `days` (default:
   * the warning window): the firm's, or one person's with `staffRef`. `limit` caps the items
   * sent (the total is still counted).
   */
  todoList: z.strictObject({
    staffRef: ref.optional(),
    days: days.optional(),
    limit: z.number().int().positive().max(100_000).optional(),
  }),
  // register checks as receipts (issue 11 item 6; services/staffEvidence/registerChecks.ts)
  /**
   * Records a look at a public register (or a DBS Update Service status check) on one
   * registration or DBS record: who (the person using the vault), when, the register and what
   * it showed. With `attach`, main's open-file dialog asks for the register page's screenshot
   * or PDF, kept as an evidence file of the record; cancelling the dialog records nothing (null).
   */
  recordRegisterCheck: z.strictObject({
    staffRef: ref,
    recordId: id,
    register: z.enum(REGISTER_IDS, { error: `must be one of ${REGISTER_IDS.join(', ')}` }),
    result: z.enum(REGISTER_CHECK_RESULTS, { error: `must be one of ${REGISTER_CHECK_RESULTS.join(', ')}` }),
    checkedOn: isoDate,
    note: z.string().trim().max(1000, 'must be at most 1000 characters').optional(),
    attach: z.boolean().optional(),
  }),
} satisfies Record<string, z.ZodType>;

export type RuleSubjectKind = 'staff' | 'firm' | 'supplier' | 'case';

/** A rule as the UI shows it: the catalogue entry of contract/rules.ts (the renderer may also import that file directly). */
export type RuleInfoView = RuleInfo;

/** One thing that lapses soon (met or due soon now, stops being met on `changesOn`). */
export interface DueItemView {
  subject: RuleSubjectKind;
  /** Staff, supplier or case ref; 'firm' for the firm's own rules. */
  ref: string;
  name?: string;
  rule: RuleId;
  status: RuleStatus;
  reason: string;
  changesOn: string;
  /** A supplier whose approval review date has already passed. */
  overdue?: boolean;
}
export interface DueView {
  asOf: string;
  days: number;
  items: DueItemView[];
}

/** A rule result behind one checklist answer, with whose it is (for the link to fix it). */
export interface ChecklistLine {
  subject: 'staff' | 'firm' | 'case';
  ref: string;
  rule: RuleId;
  status: RuleStatus;
  reason: string;
  changesOn?: string;
}
export interface ChecklistAnswer {
  /** Stable key of the question. */
  id: string;
  question: string;
  /** The most severe status of its lines; not_applicable when nothing applies. */
  status: RuleStatus;
  /** Shown when nothing applies or to explain how the answer was reached. */
  note?: string;
  lines: ChecklistLine[];
}
export interface SelfChecklist {
  asOf: string;
  staffRef: string;
  name: string;
  overall: OverallStatus;
  answers: ChecklistAnswer[];
}

export interface EvidenceOutputs {
  listRecords: StoredRecord[];
  addRecord: StoredRecord;
  updateRecord: StoredRecord;
  deleteRecord: null;
  attachEvidence: EvidenceMeta;
  attachEvidenceFromDialog: EvidenceMeta[];
  readEvidence: EvidenceContent;
  saveEvidenceAs: { path: string | null };
  deleteEvidence: null;
  ruleCatalogue: RuleInfoView[];
  grantExemption: StoredRecord;
  withdrawExemption: null;
  dueItems: DueView;
  selfChecklist: SelfChecklist;
  exportDueCalendar: { path: string | null; events: number };
  dbsCopiesDue: DbsCopyDueView;
  todoList: TodoView;
  recordRegisterCheck: { recordId: number; check: RegisterCheck; file: EvidenceMeta | null } | null;
}
