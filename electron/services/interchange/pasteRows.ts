// Rows copied from a spreadsheet and pasted into a person's CPD log (issue 13 item 4): tab-
// separated lines, with or without a header row. They go through the spreadsheet importer's
// own typing and checks (sheetPlan.ts: UK or ISO dates, numbers, the record's schema, rows the
// vault already holds skipped), so a pasted row is accepted or refused exactly as the same row
// in an imported spreadsheet would be. Refusals name the pasted line, the column and the value.
import type { ImportPlan } from '../../contract/ops/intake';
import { SHEET_COLUMNS, type EvidenceSheet } from '../../contract/sheets';
import type { ImportSummary } from '../../contract/views';
import type { Ctx } from '../context';
import { AppError } from '../errors';
import { sha256Hex } from '../evidence/evidence';
import { applySheetPlan, planSheet, refusedError, type Row, type SheetPlan } from './sheetPlan';

/** The name pasted rows go by in a plan (there is no file). */
export const PASTED = 'the pasted rows';

export interface PastedRows {
  rows: Row[];
  /** Whether the first line named the columns. */
  header: boolean;
  /** The pasted line number of each row (1 is the first line pasted). */
  lines: number[];
}

const key = (s: string) => s.toLowerCase().replace(/[^a-z]/g, '');

/**
 * Splits pasted text into rows keyed by column. A first line whose cells name columns of the
 * kind (`date`, `Topic`, `Hours`…, in any case) is the header; otherwise the cells are taken in
 * the template's order (date, topic, provider, hours, category, reflection for CPD). The person
 * the rows are for is the page's, never a pasted column.
 */
export function parsePasted(kind: EvidenceSheet, text: string): PastedRows {
  const columns = SHEET_COLUMNS[kind].map((c) => c.name).filter((n) => n !== 'staffRef');
  const byKey = new Map(columns.map((n) => [key(n), n]));
  const lines = text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line, i) => ({ cells: line.split('\t').map((c) => c.trim()), line: i + 1 }))
    .filter((l) => l.cells.some((c) => c !== ''));
  if (!lines.length) throw new AppError('invalid', 'Nothing was pasted: copy the rows in the spreadsheet, then paste them here.', 'text');
  const first = lines[0]!.cells;
  const header = first.some((c) => byKey.has(key(c)) || key(c) === 'staffref');
  const names = header ? first.map((c) => byKey.get(key(c)) ?? (key(c) === 'staffref' ? 'staffRef' : c)) : columns;
  const body = header ? lines.slice(1) : lines;
  if (!body.length) throw new AppError('invalid', 'Only a header row was pasted: copy the rows under it too.', 'text');
  const rows = body.map(({ cells }) => {
    const row: Row = {};
    cells.forEach((v, i) => {
      const name = names[i] ?? `column ${i + 1}`;
      if (v !== '' && name !== 'staffRef') row[name] = v;
    });
    return row;
  });
  return { rows, header, lines: body.map((l) => l.line) };
}

/** The importer's plan for pasted rows, for one person, with its rows named by the pasted line. */
export function planPasted(ctx: Ctx, kind: EvidenceSheet, staffRef: string, text: string): SheetPlan {
  const { rows, lines } = parsePasted(kind, text);
  const planned = planSheet(
    ctx,
    kind,
    rows.map((r) => ({ staffRef, ...r })),
    { file: PASTED, digest: sha256Hex(Buffer.from(text, 'utf8')) },
  );
  // The importer counts rows as in a file with a header (row 2 is the first record).
  const line = (s: string) => s.replace(/\brow (\d+)/g, (_m, n: string) => `line ${lines[Number(n) - 2] ?? n}`);
  const plan: ImportPlan = {
    ...planned.plan,
    refused: planned.plan.refused.map((r) => ({ ...r, path: line(r.path), ...(r.row !== undefined ? { row: lines[r.row - 2] ?? r.row } : {}) })),
    subjects: planned.plan.subjects.map((s) => ({ ...s, records: s.records.map((x) => ({ ...x, ...(x.where ? { where: line(x.where) } : {}) })) })),
  };
  return { ...planned, plan };
}

/** Adds the pasted rows if they are still the ones previewed (`digest`) and none is refused: all or nothing. */
export function addPasted(ctx: Ctx, kind: EvidenceSheet, staffRef: string, text: string, digest: string): ImportSummary {
  const p = planPasted(ctx, kind, staffRef, text);
  if (p.plan.digest !== digest) throw new AppError('conflict', 'The pasted rows have changed since they were checked. Nothing was added: check them again.');
  if (p.plan.refused.length) throw refusedError(p.plan);
  return applySheetPlan(ctx, p);
}
