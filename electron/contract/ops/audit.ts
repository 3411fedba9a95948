// Contract operations of the audit trail (issue 11): the trail with filters, one record's
// history, export to a spreadsheet, and the people named in it. Merged into the one contract
// in ../api.ts. Types and zod only.
import { z } from 'zod';
import { isoDate } from '../dates';
import { ref } from '../model';

/** What an entry says happened, in the user's words. */
export const AUDIT_ACTION_WORDS: Record<string, string> = {
  create: 'Added',
  update: 'Changed',
  delete: 'Deleted',
  baseline: 'Already held when the trail began',
  migrate: 'Updated by a new Caseproof version',
  import: 'Imported',
  export: 'Exported',
  pack: 'Pack made',
  backup: 'Backed up',
  restore: 'Restored',
  passphrase: 'Passphrase changed',
  unlock: 'Unlocked',
  lock: 'Locked',
  erase: 'Values erased (retention)',
};

/** The kinds of record with a history of their own (their pages show it). */
export const HISTORY_KINDS = ['staff', 'supplier', 'case'] as const;
export type HistoryKind = (typeof HISTORY_KINDS)[number];

export const auditFilter = z.strictObject({
  /** From this date (London), inclusive. */
  since: isoDate.optional(),
  /** To this date (London), inclusive. */
  until: isoDate.optional(),
  who: z.string().trim().min(1).max(200).optional(),
  /** A staff, supplier or case reference (or a contact's name). */
  subject: z.string().trim().min(1).max(200).optional(),
  limit: z.number().int().positive().max(5000).optional(),
});
export type AuditFilterInput = z.infer<typeof auditFilter>;

export const auditInputs = {
  listAudit: auditFilter,
  recordHistory: z.strictObject({ kind: z.enum(HISTORY_KINDS), ref }),
  auditPeople: z.strictObject({}),
  exportAuditToDialog: auditFilter,
} satisfies Record<string, z.ZodType>;

/** One field that an entry changed: the value before and after (as shown, JSON for structures). */
export interface AuditChange {
  field: string;
  before: string | null;
  after: string | null;
  /** The column holds yes or no, stored as 0 or 1 (from the vault's schema): shown as Yes and No. */
  yesNo?: true;
}
/** One row a bulk write (a spreadsheet import, pasted rows) changed, as its subject's one entry lists it. */
export interface AuditBulkRow {
  table: string;
  rowId: number;
  /** create, update or delete. */
  action: string;
  /**
   * The SHA-256 of the row's content after (what `caseproof check` compares), or null when
   * deleted: in full, or its first 24 hex digits in a bulk entry of data version 16 or later.
   */
  afterHash: string | null;
  /** Each field the row held before an update or delete (a new row has none). */
  changes: AuditChange[];
}
export interface AuditEntryView {
  seq: number;
  /** When (UTC instant, as stored). */
  at: string;
  who: string;
  action: string;
  /** The action in words. */
  actionWords: string;
  /** Whom it is about, in words ("staff RR-02", "the firm", "the vault"). */
  subject: string;
  subjectKind: string | null;
  subjectRef: string | null;
  /** The table and row changed, for changes to records ("records" row 12), else null. */
  table: string | null;
  rowId: number | null;
  /** What kind of record (a DBS check, an evidence file...), in words, where known. */
  what: string | null;
  changes: AuditChange[];
  /** The details of an event (import, export, pack, backup...). */
  details: Record<string, unknown> | null;
  /** True when the values were erased under retention (the entry itself stays). */
  erased: boolean;
  /** A bulk write's entry for one subject: the file it came from and every row it changed (else absent). */
  bulk?: {
    file: string | null;
    /** The rows it changed (on the Audit page, the first BULK_ROWS_LISTED of them; elsewhere all). */
    rows: AuditBulkRow[];
    /** How many rows the entry holds in all. */
    total: number;
  };
}
export interface AuditPage {
  entries: AuditEntryView[];
  /** How many entries match (the page shows at most `limit`). */
  total: number;
}

export interface AuditOutputs {
  listAudit: AuditPage;
  recordHistory: AuditEntryView[];
  auditPeople: string[];
  exportAuditToDialog: { path: string | null; entries: number };
}
