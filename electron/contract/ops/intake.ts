// Contract operations for bringing evidence in and out (issue 13): the first-run set-up,
// the firm file's import and export, a spreadsheet's import, imports that show what they would do before writing anything (a plan: added, changed
// field by field, refused with row, column and value), spreadsheet templates, and the
// evidence passport (one person's record and evidence, encrypted with its own passphrase).
// Merged into the one contract in ../api.ts. Types and zod only.
import { z } from 'zod';
import { firmDetails, firmSettings, ref } from '../model';
import { MIN_PASSPHRASE } from '../passphrase';
import type { ImportSummary } from '../views';

/** What a spreadsheet may hold: one kind of record per file (the columns: SHEET_COLUMNS in ../sheets.ts). */
export const SHEET_KINDS = ['staff', 'dbs', 'indemnity', 'registrations', 'peerReviews', 'training', 'cpd', 'suppliers', 'cases'] as const;
export type SheetKind = (typeof SHEET_KINDS)[number];
export const sheetKind = z.enum(SHEET_KINDS, { error: `must be one of ${SHEET_KINDS.join(', ')}` });

/** What can be imported with a preview. */
export const IMPORT_SOURCES = ['firm-file', 'spreadsheet', 'passport'] as const;
export type ImportSource = (typeof IMPORT_SOURCES)[number];

const text = (max: number) => z.string().trim().min(1, 'is required').max(max, `must be at most ${max} characters`);
const optText = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`).optional();
const token = z.string().regex(/^[a-f0-9]{32}$/, 'is not an import Caseproof started');
const bundlePassphrase = z.string().min(MIN_PASSPHRASE, `must be at least ${MIN_PASSPHRASE} characters`);

/** Rows pasted from a spreadsheet: text, at most 2 MB (about 20,000 rows). */
const pastedText = z.string().min(1, 'is empty: paste the rows first').max(2_000_000, 'is too long: paste at most 2,000,000 characters at a time');

export const intakeInputs = {
  /**
   * Imports a firm file chosen in main's dialog, without a preview. `updateFirm` lets the file
   * change the firm's own name and address (the dialog's tick box; `--update-firm`).
   */
  importFirmFileFromDialog: z.strictObject({ updateFirm: z.boolean().optional() }),
  /** Imports one kind of record from a spreadsheet chosen in main's dialog, without a preview. */
  importSpreadsheetFromDialog: z.strictObject({ kind: sheetKind }),
  /** Saves the whole firm file (version 2, evidence included) where the user chooses. */
  exportFirmFileToDialog: z.strictObject({}),
  /**
   * The first-run set-up, saved in one transaction: who you are (kept on this computer), the
   * firm's details and rule settings, and for a sole practitioner their own staff record.
   */
  completeSetup: z.strictObject({
    you: z.strictObject({ name: text(120), role: optText(120) }),
    firm: firmDetails,
    /** "I work alone": your own staff record, with your name and role. */
    alone: z.strictObject({ ref, profession: optText(120) }).optional(),
    settings: firmSettings,
  }),
  /** Asks for the file to import (main's dialog); the answer's token names it in the calls below. */
  chooseImportFile: z.strictObject({
    source: z.enum(IMPORT_SOURCES, { error: `must be one of ${IMPORT_SOURCES.join(', ')}` }),
    kind: sheetKind.optional(),
  }),
  /** Reads the chosen file again and says what importing it would do; writes nothing. */
  previewImport: z.strictObject({ token, passphrase: z.string().optional(), updateFirm: z.boolean().optional() }),
  /** Imports the chosen file, all or nothing, if it is still exactly the file previewed (`digest`). */
  applyImport: z.strictObject({
    token,
    digest: z.string().regex(/^[a-f0-9]{64}$/, 'must be the digest a preview gave'),
    passphrase: z.string().optional(),
    updateFirm: z.boolean().optional(),
  }),
  /** Saves an empty spreadsheet for one kind (its columns, and a sheet explaining them in XLSX). */
  saveSheetTemplate: z.strictObject({ kind: sheetKind, format: z.enum(['xlsx', 'csv'], { error: 'must be xlsx or csv' }) }),
  /** Saves one person's evidence passport where the person chooses. */
  exportPassportToDialog: z.strictObject({ staffRef: ref, passphrase: bundlePassphrase }),
  // pasted rows (issue 13 item 4; services/interchange/pasteRows.ts)
  /** What adding rows pasted from a spreadsheet to one person's CPD log would do (the importer's checks); writes nothing. */
  previewPastedRows: z.strictObject({ staffRef: ref, kind: z.literal('cpd'), text: pastedText }),
  /** Adds the pasted rows, all or nothing, if they are still exactly the ones previewed (`digest`). */
  addPastedRows: z.strictObject({
    staffRef: ref,
    kind: z.literal('cpd'),
    text: pastedText,
    digest: z.string().regex(/^[a-f0-9]{64}$/, 'must be the digest a preview gave'),
  }),
} satisfies Record<string, z.ZodType>;

/** One field that an import would change: its value in the vault now and in the file. */
export interface FieldChange {
  field: string;
  from: string;
  to: string;
}
/** One record an import would add, change or leave as it is. */
export interface PlannedRecord {
  action: 'add' | 'change' | 'same' | 'remove';
  /** What it is: staff, supplier, case, firm, or an evidence kind (cpd, dbs...). */
  what: string;
  /** In words, e.g. "CPD 14/05/2026 Mental capacity update". */
  label: string;
  /** The spreadsheet row (1 = the header) or the file's path, when it comes from one. */
  where?: string;
  changes?: FieldChange[];
  /** Why it is as it is (e.g. "already in the vault", "kept: tick Update the firm's details"). */
  note?: string;
}
/** One person, supplier or case and what the import does to it and its records. */
export interface PlannedSubject {
  what: 'firm' | 'staff' | 'supplier' | 'case';
  ref?: string;
  name: string;
  action: 'add' | 'change' | 'same';
  /** How an existing record was matched (passports: "by reference", "by name"). */
  matched?: string;
  changes: FieldChange[];
  records: PlannedRecord[];
}
/** Something the import refuses: where, the value given and what is wanted. */
export interface Refusal {
  /** `row 3.date` (a spreadsheet) or `staff[1].indemnity[0].coverGBP` (a firm file). */
  path: string;
  row?: number;
  column?: string;
  /** The value given, as text (absent when the cell or field was empty). */
  value?: string;
  message: string;
}
export interface ImportPlan {
  source: ImportSource;
  kind?: SheetKind;
  /** The file's name (never its folder). */
  file: string;
  /** SHA-256 of the bytes read: applyImport refuses a file that has changed since. */
  digest: string;
  subjects: PlannedSubject[];
  refused: Refusal[];
  totals: { add: number; change: number; same: number; remove: number; refused: number };
  /** For a passport: who it is for, from which firm, made when (UTC instant). */
  passport?: { name: string; ref: string; fromFirm: string; madeAt: string };
}

export interface IntakeOutputs {
  importFirmFileFromDialog: ImportSummary | null;
  importSpreadsheetFromDialog: ImportSummary | null;
  exportFirmFileToDialog: { path: string | null };
  completeSetup: null;
  chooseImportFile: { token: string; file: string } | null;
  previewImport: ImportPlan;
  applyImport: ImportSummary;
  saveSheetTemplate: { path: string | null };
  exportPassportToDialog: { path: string | null };
  previewPastedRows: ImportPlan;
  addPastedRows: ImportSummary;
}
