// Spreadsheet imports (CSV or XLSX, one kind of record per file), for firms whose evidence
// lives in spreadsheets today. The first row names the columns with the firm file's field
// names; each later row is one record. All or nothing: every problem is reported with its
// row number and field, and nothing is written unless the whole sheet is valid.
import type ExcelJS from 'exceljs';
import { Readable } from 'node:stream';
import { eq } from 'drizzle-orm';
import { records, staff } from '../../../db/schema';
import type { Issue } from '../../contract/errors';
import { cpdEntry, training, type RecordKind } from '../../contract/model';
import { fromDate } from '../../contract/dates';
import type { Ctx } from '../context';
import { AppError, zodIssues } from '../errors';
import { insertRecord } from '../evidence/records';
import { readPayload } from '../evidence/payloads';
import type { ImportSummary } from '../../contract/views';
import { importFirmFile } from './importFirmFile';
import { steps } from '../progress';
import { checkHeader, guardCsv, guardXlsx, sheetReadError } from './fileGuards';

export const SHEET_KINDS = ['staff', 'cpd', 'training', 'suppliers', 'cases'] as const;
export type SheetKind = (typeof SHEET_KINDS)[number];
type Row = Record<string, string>;

const NUMBER_FIELDS = new Set(['daysPerWeek', 'hours', 'coverGBP', 'casesReviewed']);
const BOOLEAN_FIELDS = new Set(['solePractitioner', 'soleTrader', 'worksWithClients', 'cvOnFile', 'preInaUnavailable', 'rehabPlanShared']);
const LIST_FIELDS = new Set(['services']);

/** Reads the first sheet (XLSX) or the file (CSV) into rows of trimmed text keyed by header. */
export async function readSheet(name: string, bytes: Uint8Array): Promise<Row[]> {
  // Loaded here, not at the top: only a spreadsheet import needs Excel (a faster CLI start).
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  let ws: ExcelJS.Worksheet | undefined;
  // ---- hostile files (fileGuards.ts): sizes, zip bombs, row counts and encodings checked before Excel's parser; its failures named ----
  try {
    if (/\.xlsx$/i.test(name)) {
      guardXlsx(name, bytes);
      await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
      ws = wb.worksheets[0];
    } else if (/\.csv$/i.test(name)) {
      const { text, delimiter } = guardCsv(name, bytes);
      // Keep every cell as typed: no guessing of dates or numbers by the CSV reader.
      ws = await wb.csv.read(Readable.from([text]), { map: (v: string) => v, parserOptions: { delimiter } } as never);
    } else {
      throw new AppError('invalid', `${name} is not a spreadsheet Caseproof can read: use .csv or .xlsx.`);
    }
  } catch (e) {
    throw sheetReadError(name, e);
  }
  // ---- end hostile files ----
  if (!ws || ws.rowCount < 1) throw new AppError('invalid', `${name} has no rows.`);
  const header = (ws.getRow(1).values as unknown[]).slice(1).map((v) => cellText(v));
  checkHeader(name, header); // hostile files: a column named twice, or __proto__, is refused by name
  const rows: Row[] = [];
  for (let r = 2; r <= ws.rowCount; r++) {
    const values = (ws.getRow(r).values as unknown[]).slice(1);
    const row: Row = {};
    header.forEach((h, i) => {
      const v = cellText(values[i]);
      if (h && v !== '') row[h] = v;
    });
    rows.push(row);
  }
  return rows;
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : fromDate(new Date(v.getUTCFullYear(), v.getUTCMonth(), v.getUTCDate()));
  if (typeof v === 'object') {
    const o = v as { text?: string; result?: unknown; richText?: { text: string }[]; error?: string };
    if (o.error !== undefined) return String(o.error); // a formula's error (#REF!): refused by the field's check, by value
    if (o.richText)
      return o.richText
        .map((t) => t.text)
        .join('')
        .trim();
    if (o.text !== undefined) return String(o.text).trim();
    if (o.result !== undefined) return cellText(o.result);
  }
  return String(v).trim();
}

/** Turns a row's text into typed values: numbers, yes/no, lists, and UK dates (31/12/2026). */
function typed(row: Row): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) {
    if (NUMBER_FIELDS.has(k)) out[k] = /^-?[\d,]+(\.\d+)?$/.test(v.replace(/^£/, '')) ? Number(v.replace(/^£/, '').replace(/,/g, '')) : v;
    else if (BOOLEAN_FIELDS.has(k)) out[k] = /^(yes|y|true|1)$/i.test(v) ? true : /^(no|n|false|0)$/i.test(v) ? false : v;
    else if (LIST_FIELDS.has(k))
      out[k] = v
        .split(/[;|]/)
        .map((s) => s.trim())
        .filter(Boolean);
    else if (/(On|Since|date)$/.test(k) && /^\d{1,2}\/\d{1,2}\/\d{4}$/.test(v)) {
      const [d, m, y] = v.split('/');
      out[k] = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
    } else out[k] = v;
  }
  return out;
}

function fail(issues: Issue[]): AppError {
  const first = issues[0];
  const head = issues.length === 1 ? 'The spreadsheet was not imported' : `The spreadsheet was not imported (${issues.length} problems)`;
  return new AppError('invalid', `${head}: ${first.path}: ${first.message}`, first.path, issues);
}

/** Row-level records (CPD, training) for people already in the vault: appended, duplicates skipped. */
function importStaffRecords(ctx: Ctx, kind: 'cpd' | 'training', rows: Row[]): ImportSummary {
  const schema = kind === 'cpd' ? cpdEntry : training;
  const issues: Issue[] = [];
  const staffIds = new Map(
    ctx.vault.orm
      .select({ id: staff.id, ref: staff.ref })
      .from(staff)
      .all()
      .map((s) => [s.ref, s.id]),
  );
  const valid: { staffId: number; data: Record<string, unknown> }[] = [];
  rows.forEach((row, i) => {
    const where = `row ${i + 2}`;
    const { staffRef, ...rest } = typed(row);
    if (!staffRef) issues.push({ path: `${where}.staffRef`, message: 'is required (the staff member’s reference)' });
    else if (!staffIds.has(String(staffRef))) issues.push({ path: `${where}.staffRef`, message: `no staff member with ref ${String(staffRef)}` });
    const r = schema.safeParse(rest, { reportInput: true });
    if (!r.success) issues.push(...zodIssues(r.error, where));
    else if (staffRef && staffIds.has(String(staffRef))) valid.push({ staffId: staffIds.get(String(staffRef))!, data: r.data as Record<string, unknown> });
  });
  if (issues.length) throw fail(issues);
  const sum: ImportSummary = { added: { staff: 0, suppliers: 0, cases: 0, records: 0, files: 0 }, updated: { staff: 0, suppliers: 0, cases: 0, firm: false } };
  ctx.vault.tx(() => {
    const existing = new Set(
      ctx.vault.orm
        .select()
        .from(records)
        .where(eq(records.kind, kind))
        .all()
        .map((r) => `${r.staffId}|${JSON.stringify(readPayload(ctx, r))}`),
    );
    const p = steps(ctx.progress, valid.length, `Importing ${kind === 'cpd' ? 'CPD entries' : 'training records'}`);
    for (const v of valid) {
      p.tick();
      const key = `${v.staffId}|${JSON.stringify(v.data)}`;
      if (existing.has(key)) continue;
      existing.add(key);
      insertRecord(ctx, { staffId: v.staffId, supplierId: null }, kind as RecordKind, v.data);
      sum.added.records++;
    }
  });
  return sum;
}

export function importRows(ctx: Ctx, kind: SheetKind, rows: Row[]): ImportSummary {
  if (!rows.length) throw new AppError('invalid', 'The spreadsheet has a header row but no records.');
  if (kind === 'cpd' || kind === 'training') return importStaffRecords(ctx, kind, rows);
  const items = rows.map((row) => {
    const t = typed(row);
    if (kind !== 'cases') return t;
    const { instructingPartyName, instructingPartyKind, instructingPartyContact, ...rest } = t;
    return {
      ...rest,
      instructingParty: { name: instructingPartyName, kind: instructingPartyKind, ...(instructingPartyContact ? { contact: instructingPartyContact } : {}) },
    };
  });
  try {
    return importFirmFile(ctx, { format: 'caseproof-firm', version: 1, [kind]: items });
  } catch (e) {
    // Re-word firm-file paths (staff[2].name) as spreadsheet rows (row 4.name).
    if (e instanceof AppError && e.issues) {
      const re = new RegExp(`^${kind}\\[(\\d+)\\]`);
      throw fail(e.issues.map((i) => ({ ...i, path: i.path.replace(re, (_m, n) => `row ${Number(n) + 2}`) })));
    }
    throw e;
  }
}

export async function importSpreadsheet(ctx: Ctx, kind: SheetKind, name: string, bytes: Uint8Array): Promise<ImportSummary> {
  ctx.progress?.({ done: 0, total: 1, label: 'Reading the spreadsheet' });
  return importRows(ctx, kind, await readSheet(name, bytes));
}
