// Spreadsheet imports (CSV or XLSX, one kind of record per file), for firms whose evidence
// lives in spreadsheets today. The first row names the columns with the firm file's field
// names; each later row is one record. All or nothing: every problem is reported with its
// row number and field, and nothing is written unless the whole sheet is valid.
import type ExcelJS from 'exceljs';
import { Readable } from 'node:stream';
import { fromDate } from '../../contract/dates';
import type { SheetKind } from '../../contract/ops/intake';
import type { ImportSummary } from '../../contract/views';
import type { Ctx } from '../context';
import { AppError } from '../errors';
import { sha256Hex } from '../evidence/evidence';
import { applySheetPlan, planSheet, type Row } from './sheetPlan';
import { checkHeader, guardCsv, guardXlsx, sheetReadError } from './fileGuards';

export { SHEET_KINDS, type SheetKind } from '../../contract/ops/intake';

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

/** Plans the sheet and, if nothing is refused, imports it (all or nothing); refused rows throw, each named. */
export function importRows(ctx: Ctx, kind: SheetKind, rows: Row[], file = `${kind}.csv`): ImportSummary {
  const planned = planSheet(ctx, kind, rows, { file, digest: '' });
  return applySheetPlan(ctx, planned);
}

/** Reads and plans a spreadsheet: what importing it would do, writing nothing. */
export async function previewSpreadsheet(ctx: Ctx, kind: SheetKind, name: string, bytes: Uint8Array) {
  ctx.progress?.({ done: 0, total: 1, label: 'Reading the spreadsheet' });
  return planSheet(ctx, kind, await readSheet(name, bytes), { file: name, digest: sha256Hex(bytes) });
}

export async function importSpreadsheet(ctx: Ctx, kind: SheetKind, name: string, bytes: Uint8Array): Promise<ImportSummary> {
  return applySheetPlan(ctx, await previewSpreadsheet(ctx, kind, name, bytes));
}
