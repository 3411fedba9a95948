// A spreadsheet's rows made into a plan (plan.ts), then applied all or nothing. Cells are
// typed by their column (contract/sheets.ts): dates written dd/mm/yyyy or yyyy-mm-dd, numbers
// with or without £ and commas, yes/no, lists separated by ";". A bad cell is refused with
// its row, its column, the value given and what is wanted.
//
// Evidence rows (DBS, indemnity, registrations, peer reviews, training, CPD) are added to the
// staff member named in `staffRef`; a row the vault already holds for that person is skipped.
// Duplicates are found through records_content_idx, one lookup per row (no one's records are
// read). Staff, suppliers and cases go through the firm
// file's importer, matched on `ref`.
import { inArray } from 'drizzle-orm';
import { bulkAudited } from '../../../db/audit';
import { staff } from '../../../db/schema';
import { isIsoDate } from '../../contract/dates';
import { RECORD_KINDS, type RecordKind } from '../../contract/model';
import type { ImportPlan, PlannedSubject, Refusal, SheetKind } from '../../contract/ops/intake';
import { EVIDENCE_SHEETS, isEvidenceSheet, SHEET_COLUMNS, SHEET_LABELS, type ColumnType } from '../../contract/sheets';
import type { ImportSummary } from '../../contract/views';
import { recordEvent } from '../audit/audit';
import type { Ctx } from '../context';
import { AppError, zodIssues } from '../errors';
import { heldPayloadTexts, insertRecords, olderShapeRecords } from '../evidence/records';
import { payloadColumns } from '../evidence/payloads';
import { steps } from '../progress';
import { importFirmFile } from './importFirmFile';
import { canonical, planFirmFile, recordLabel, totalsOf } from './plan';

export type Row = Record<string, string>;

export interface SheetPlan {
  plan: ImportPlan;
  /** Evidence rows to add: who for, what kind, the validated payload. */
  adds: { staffId: number; kind: RecordKind; data: Record<string, unknown> }[];
  /** Staff, suppliers or cases: the firm file the rows make. */
  firmFile?: Record<string, unknown>;
}

const DATE_HELP = 'write it as dd/mm/yyyy (for example 31/12/2026) or yyyy-mm-dd';

/** Columns outside the table (a case's practice dates, say) are typed by their name, as before. */
function guessType(name: string): ColumnType {
  if (/(On|Since|date)$/.test(name)) return 'date';
  if (['daysPerWeek', 'hours', 'coverGBP', 'casesReviewed'].includes(name)) return 'number';
  if (['solePractitioner', 'soleTrader', 'worksWithClients', 'cvOnFile', 'preInaUnavailable', 'rehabPlanShared', 'updateService'].includes(name))
    return 'yes/no';
  return 'text';
}

/** One cell's typed value, or what is wrong with it. */
function typedCell(type: ColumnType, v: string): { value: unknown } | { problem: string } {
  switch (type) {
    case 'date': {
      const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(v);
      const iso = uk ? `${uk[3]}-${uk[2].padStart(2, '0')}-${uk[1].padStart(2, '0')}` : v;
      return isIsoDate(iso) ? { value: iso } : { problem: `is not a real date: ${DATE_HELP}` };
    }
    case 'number': {
      const t = v.replace(/^£/, '').replace(/,/g, '');
      return /^-?\d+(\.\d+)?$/.test(t) ? { value: Number(t) } : { problem: 'must be a number' };
    }
    case 'yes/no':
      return /^(yes|y|true|1)$/i.test(v) ? { value: true } : /^(no|n|false|0)$/i.test(v) ? { value: false } : { problem: 'must be yes or no' };
    case 'list':
      return {
        value: v
          .split(/[;|]/)
          .map((s) => s.trim())
          .filter(Boolean),
      };
    default:
      return { value: v };
  }
}

/** Rows typed column by column; every bad cell refused with its row, column and value. */
export function typeRows(kind: SheetKind, rows: Row[]): { items: Record<string, unknown>[]; refused: Refusal[] } {
  const types = new Map(SHEET_COLUMNS[kind].map((c) => [c.name, c.type]));
  const refused: Refusal[] = [];
  const items = rows.map((row, i) => {
    const out: Record<string, unknown> = {};
    for (const [col, raw] of Object.entries(row)) {
      const t = typedCell(types.get(col) ?? guessType(col), raw);
      if ('value' in t) out[col] = t.value;
      else refused.push(refusal(i, col, raw, t.problem));
    }
    return out;
  });
  return { items, refused };
}

function refusal(index: number, column: string, value: string | undefined, message: string): Refusal {
  const row = index + 2; // row 1 is the header
  return { path: `row ${row}.${column}`, row, column, ...(value !== undefined && value !== '' ? { value } : {}), message };
}

/** Every required column the header lacks, named once (not once per row). */
function missingColumns(kind: SheetKind, rows: Row[]): Refusal[] {
  const present = new Set(rows.flatMap((r) => Object.keys(r)));
  return SHEET_COLUMNS[kind]
    .filter((c) => c.required && !present.has(c.name))
    .map((c) => ({ path: c.name, column: c.name, message: `no row has a ${c.name} column: it is required (${c.note})` }));
}

export function planSheet(ctx: Ctx, kind: SheetKind, rows: Row[], o: { file: string; digest: string }): SheetPlan {
  if (!rows.length) throw new AppError('invalid', `${o.file} has a header row but no records.`);
  const base = { source: 'spreadsheet' as const, kind, file: o.file, digest: o.digest };
  const { items, refused } = typeRows(kind, rows);
  refused.unshift(...missingColumns(kind, rows));
  const badCells = new Set(refused.map((r) => r.path));
  if (isEvidenceSheet(kind)) return planEvidence(ctx, kind, rows, items, refused, badCells, base);

  const list = kind === 'cases' ? items.map(caseItem) : items;
  const firmFile = { format: 'caseproof-firm', version: 1, [kind]: list };
  const planned = planFirmFile(ctx, firmFile, { ...base });
  // Re-word firm-file paths (staff[2].name) as rows and columns (row 4.name), with the cell as typed.
  const re = new RegExp(`^${kind}\\[(\\d+)\\]\\.?(.*)$`);
  for (const r of planned.refused) {
    const m = re.exec(r.path);
    if (!m) {
      refused.push(r);
      continue;
    }
    const i = Number(m[1]);
    const column = kind === 'cases' ? m[2].replace(/^instructingParty\.(\w)/, (_x, c: string) => `instructingParty${c.toUpperCase()}`) : m[2];
    const cell = refusal(i, column || 'ref', rows[i]?.[column], r.message);
    if (!badCells.has(cell.path)) refused.push(cell);
  }
  const plan = { ...planned, refused, totals: totalsOf(planned.subjects, refused) };
  return { plan: refused.length ? { ...plan, subjects: [] } : plan, adds: [], firmFile };
}

function caseItem(t: Record<string, unknown>): Record<string, unknown> {
  const { instructingPartyName, instructingPartyKind, instructingPartyContact, ...rest } = t;
  return {
    ...rest,
    instructingParty: { name: instructingPartyName, kind: instructingPartyKind, ...(instructingPartyContact ? { contact: instructingPartyContact } : {}) },
  };
}

function planEvidence(
  ctx: Ctx,
  kind: keyof typeof EVIDENCE_SHEETS,
  rows: Row[],
  items: Record<string, unknown>[],
  refused: Refusal[],
  badCells: Set<string>,
  base: Omit<ImportPlan, 'subjects' | 'refused' | 'totals'>,
): SheetPlan {
  const recordKind = EVIDENCE_SHEETS[kind];
  const schema = RECORD_KINDS[recordKind].schema;
  const refs = [...new Set(items.map((t) => t.staffRef).filter((r): r is string => typeof r === 'string'))];
  // Only the people the sheet names (staff.ref is unique and indexed).
  const people = new Map<string, { id: number; name: string }>();
  for (let i = 0; i < refs.length; i += 500) {
    for (const p of ctx.vault.orm
      .select({ id: staff.id, ref: staff.ref, name: staff.name })
      .from(staff)
      .where(inArray(staff.ref, refs.slice(i, i + 500)))
      .all())
      people.set(p.ref, { id: p.id, name: p.name });
  }
  const valid: { index: number; ref: string; data: Record<string, unknown> }[] = [];
  items.forEach((t, i) => {
    const { staffRef, ...rest } = t;
    if (staffRef === undefined) refused.push(refusal(i, 'staffRef', undefined, 'is required (the reference of the staff member the row is for)'));
    else if (!people.has(String(staffRef)))
      refused.push(refusal(i, 'staffRef', String(staffRef), 'is not the reference of anyone in Caseproof: add the person first'));
    const r = schema.safeParse(rest, { reportInput: true });
    if (!r.success) {
      for (const iss of zodIssues(r.error)) {
        const column = iss.path.split(/[.[]/)[0];
        const cell = refusal(i, column, rows[i][column], iss.message);
        if (!badCells.has(cell.path)) refused.push(cell);
      }
    } else if (people.has(String(staffRef))) valid.push({ index: i, ref: String(staffRef), data: r.data as Record<string, unknown> });
  });
  if (refused.length) return { plan: { ...base, subjects: [], refused, totals: totalsOf([], refused) }, adds: [] };

  // What each named person already holds of this kind: each row looked up by its stored text
  // (records_content_idx), so no one's records are read; older-shape records compared by content.
  const texts = new Map<string, Set<string>>();
  for (const v of valid) {
    const t = texts.get(v.ref) ?? new Set<string>();
    t.add(payloadColumns(recordKind, v.data).data);
    texts.set(v.ref, t);
  }
  const held = new Map<string, Set<string>>();
  for (const [ref, t] of texts) {
    const id = people.get(ref)!.id;
    const have = heldPayloadTexts(ctx, id, recordKind, t);
    const older = new Set(olderShapeRecords(ctx, id, recordKind).map((d) => canonical(d)));
    if (older.size) for (const text of t) if (older.has(canonical(JSON.parse(text)))) have.add(text);
    held.set(ref, have);
  }
  const subjects = new Map<string, PlannedSubject>();
  const adds: SheetPlan['adds'] = [];
  for (const v of valid) {
    const person = people.get(v.ref)!;
    const have = held.get(v.ref)!;
    if (!subjects.has(v.ref)) subjects.set(v.ref, { what: 'staff', ref: v.ref, name: person.name, action: 'same', changes: [], records: [] });
    const s = subjects.get(v.ref)!;
    const key = payloadColumns(recordKind, v.data).data;
    const where = `row ${v.index + 2}`;
    if (have.has(key)) {
      s.records.push({ action: 'same', what: recordKind, label: recordLabel(recordKind, v.data), where, note: 'already in Caseproof: skipped' });
      continue;
    }
    have.add(key); // a row the sheet repeats is added once
    s.action = 'change';
    s.records.push({ action: 'add', what: recordKind, label: recordLabel(recordKind, v.data), where });
    adds.push({ staffId: person.id, kind: recordKind, data: v.data });
  }
  const list = [...subjects.values()];
  return { plan: { ...base, subjects: list, refused: [], totals: totalsOf(list, []) }, adds };
}

/** The error an import with refused rows ends in: every refusal, each naming its row, column and value. */
export function refusedError(plan: ImportPlan): AppError {
  const what = plan.source === 'spreadsheet' ? 'The spreadsheet' : plan.source === 'passport' ? 'The passport' : 'The firm file';
  const lines = plan.refused.map((r) => ({ path: r.path, message: r.value !== undefined ? `“${r.value}” ${r.message}` : r.message }));
  const head = lines.length === 1 ? `${what} was not imported` : `${what} was not imported (${lines.length} problems)`;
  return new AppError('invalid', `${head}: ${lines[0].path}: ${lines[0].message}`, lines[0].path, lines);
}

/** Writes what the plan says, in one transaction; refuses the whole sheet if anything was refused. */
export function applySheetPlan(ctx: Ctx, p: SheetPlan): ImportSummary {
  if (p.plan.refused.length) throw refusedError(p.plan);
  if (p.firmFile) return importFirmFile(ctx, p.firmFile, { file: p.plan.file });
  const sum: ImportSummary = { added: { staff: 0, suppliers: 0, cases: 0, records: 0, files: 0 }, updated: { staff: 0, suppliers: 0, cases: 0, firm: false } };
  const kindWords = SHEET_LABELS[p.plan.kind!];
  // "Importing staff", but "Importing CPD log entries": an acronym keeps its capitals.
  const label = `Importing ${/^[A-Z][a-z]/.test(kindWords) ? kindWords[0]!.toLowerCase() + kindWords.slice(1) : kindWords}`;
  const about = { file: p.plan.file, kind: p.plan.kind };
  ctx.vault.tx(() => {
    const s = steps(ctx.progress, p.adds.length, label);
    // One audit entry for the sheet's rows, listed person by person, not one per row (db/audit.ts bulkAudited).
    bulkAudited(ctx.vault.sqlite, about, () =>
      insertRecords(
        ctx,
        p.adds.map((a) => ({ staffId: a.staffId, supplierId: null, kind: a.kind, data: a.data })),
        () => {
          sum.added.records++;
          s.tick();
        },
      ),
    );
    recordEvent(ctx, 'import', { ...about, added: sum.added });
  });
  return sum;
}
