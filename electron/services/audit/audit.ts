// The audit trail as people read it (issue 11): entries with what changed field by field, one
// record's history, the people named, an XLSX export, and the events the services record
// (import, export, backup, restore, passphrase). The trail itself, its triggers and its chain
// are in db/audit.ts; this module only reads it and adds events.
import {
  auditEvent,
  auditPeople as peopleIn,
  bulkValuesOf,
  countAuditRows,
  describeSubject,
  listAuditRows,
  type AuditAction,
  type AuditFilter,
  type AuditRow,
} from '../../../db/audit';
import { getTableColumns, getTableName, is } from 'drizzle-orm';
import { SQLiteTable } from 'drizzle-orm/sqlite-core';
import * as schema from '../../../db/schema';
import { endOfDayInstant } from '../../contract/conventions';
import { londonInstant } from '../../contract/dates';
import { RECORD_KIND_WORDS } from '../../contract/model';
import {
  AUDIT_ACTION_WORDS,
  auditFilter,
  type AuditBulkRow,
  type AuditChange,
  type AuditEntryView,
  type AuditFilterInput,
  type AuditPage,
  type HistoryKind,
} from '../../contract/ops/audit';
import type { Ctx } from '../context';
import { AppError } from '../errors';
import { parseOr } from '../parse';

/** Columns that hold JSON text: their fields are compared one by one. */
const JSON_COLUMNS = new Set(['data', 'settings', 'template', 'practice', 'options', 'services']);
/** Bookkeeping that changes with every save and says nothing by itself. */
const QUIET = new Set(['updated_at']);

const WHAT: Record<string, string> = {
  firm: "the firm's details",
  staff: 'details',
  suppliers: 'details',
  evidence_files: 'evidence file',
  evidence_contents: "evidence file's contents",
  contacts: 'instructing party',
  cases: 'case',
  case_instructions: 'supplier instruction',
  case_handovers: 'handover',
  packs: 'pack',
};
/** Tables holding a subject's own row (one per person, supplier or firm): a bulk entry names it without a count. */
const OWN_ROW = new Set(['firm', 'staff', 'suppliers']);
const KIND_WORDS: Record<string, string> = RECORD_KIND_WORDS;

function parse(s: string | null): Record<string, unknown> | null {
  if (s === null) return null;
  try {
    const v = JSON.parse(s) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
const shown = (v: unknown): string | null => (v === undefined || v === null ? null : typeof v === 'string' ? v : JSON.stringify(v));

/** Each table's yes-or-no columns (stored as 0 or 1), read from the schema so the list cannot drift. */
const YES_NO: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  (Object.values(schema) as unknown[])
    .filter((t): t is SQLiteTable => is(t, SQLiteTable))
    .map(
      (t) =>
        [
          getTableName(t),
          new Set(
            Object.values(getTableColumns(t))
              .filter((c) => c.columnType === 'SQLiteBoolean')
              .map((c) => c.name),
          ),
        ] as const,
    )
    .filter(([, cols]) => cols.size > 0),
);
/** Marks the changes to a table's yes-or-no columns, so the window can say Yes or No for 1 or 0. */
function markYesNo(table: string | null, changes: AuditChange[]): AuditChange[] {
  const cols = table ? YES_NO.get(table) : undefined;
  return cols ? changes.map((c) => (cols.has(c.field) ? { ...c, yesNo: true as const } : c)) : changes;
}

/** Field by field, what differs between two row values (JSON columns one level down). */
export function changesBetween(before: Record<string, unknown> | null, after: Record<string, unknown> | null): AuditChange[] {
  const out: AuditChange[] = [];
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  for (const k of keys) {
    if (QUIET.has(k)) continue;
    const b = before?.[k];
    const a = after?.[k];
    if (JSON_COLUMNS.has(k) && (typeof b === 'string' || typeof a === 'string')) {
      const pb = typeof b === 'string' ? parse(b) : null;
      const pa = typeof a === 'string' ? parse(a) : null;
      if (pb || pa) {
        for (const c of changesBetween(pb, pa)) out.push({ ...c, field: k === 'data' ? c.field : `${k}.${c.field}` });
        continue;
      }
    }
    if (shown(b) !== shown(a)) out.push({ field: k, before: shown(b), after: shown(a) });
  }
  return out;
}

function whatOf(r: AuditRow, values: Record<string, unknown> | null): string | null {
  if (!r.tbl) return null;
  if (r.tbl === 'records') {
    const kind = typeof values?.kind === 'string' ? values.kind : null;
    return kind ? (KIND_WORDS[kind] ?? kind) : 'record';
  }
  if (r.tbl === 'evidence_files' && typeof values?.name === 'string') return `evidence file ${values.name}`;
  return WHAT[r.tbl] ?? r.tbl;
}

const plural = (w: string) => (/training$/.test(w) ? w : /[^e]y$/.test(w) ? `${w.slice(0, -1)}ies` : `${w}s`);

/** How many of one kind of row, in words: "3 CPD entries", "1 evidence file", "details". */
function counted(table: string, n: number, word: string): string {
  if (OWN_ROW.has(table)) return word;
  if (n === 1) return `1 ${word}`;
  return `${n} ${word.endsWith("'s contents") ? `${word.slice(0, -11)}s' contents` : plural(word)}`;
}

/**
 * What a bulk entry added, changed or deleted, in words, table by table in the order written:
 * "2 CPD entries added from cpd.csv", "details, 9 records and 2 evidence files added, 1 evidence
 * file's contents deleted from riverside.json". A file's contents are not named beside the file
 * they belong to.
 */
function bulkWhat(about: Record<string, unknown>, rows: readonly { table: string; action: string }[]): string {
  const kind = typeof about.kind === 'string' ? (KIND_WORDS[about.kind] ?? about.kind) : 'record';
  const parts: string[] = [];
  for (const [action, verb] of [
    ['create', 'added'],
    ['update', 'changed'],
    ['delete', 'deleted'],
  ] as const) {
    const byTable = new Map<string, number>();
    for (const r of rows) if (r.action === action) byTable.set(r.table, (byTable.get(r.table) ?? 0) + 1);
    if (byTable.get('evidence_contents') === byTable.get('evidence_files')) byTable.delete('evidence_contents');
    const words = [...byTable].map(([t, n]) => counted(t, n, t === 'records' ? kind : (WHAT[t] ?? t)));
    if (words.length) parts.push(`${words.length > 1 ? `${words.slice(0, -1).join(', ')} and ${words.at(-1)}` : words[0]} ${verb}`);
  }
  return `${parts.join(', ') || 'nothing changed'}${fromWords(about)}`;
}
const fromWords = (about: Record<string, unknown>) =>
  typeof about.file === 'string' ? ` from ${about.file}` : about.source === 'firm file' ? ' from a firm file' : '';

/** Whom a bulk entry's rows are about, by kind, in words. */
const SUBJECT_WORDS: Record<string, string> = { staff: 'case manager', supplier: 'supplier', case: 'case', contact: 'instructing party', pack: 'pack' };
const number = (n: number) => n.toLocaleString('en-GB');

/**
 * A bulk entry about many subjects (a whole firm file), in words: "25,231 records added from
 * riverside.json, about the firm, 200 case managers, 2,000 suppliers and 5,000 cases".
 */
function manyWhat(about: Record<string, unknown>, sections: { subject: { kind: string | null } | null; rows: { tbl: string }[] }[]): string {
  const n = sections.reduce((k, x) => k + x.rows.length, 0);
  // A spreadsheet of one kind of record says which ("3 CPD entries"); a firm file's many tables, "records".
  const kindWord = typeof about.kind === 'string' ? (KIND_WORDS[about.kind] ?? about.kind) : null;
  const noun = kindWord && sections.every((x) => x.rows.every((r) => r.tbl === 'records')) ? kindWord : 'record';
  const byKind = new Map<string, number>();
  for (const x of sections) byKind.set(x.subject?.kind ?? '', (byKind.get(x.subject?.kind ?? '') ?? 0) + 1);
  const words = [...byKind].map(([kind, k]) => {
    if (kind === 'firm') return 'the firm';
    const one = SUBJECT_WORDS[kind] ?? `${kind} row`;
    return `${number(k)} ${k === 1 ? one : plural(one)}`;
  });
  const list = words.length > 1 ? `${words.slice(0, -1).join(', ')} and ${words.at(-1)}` : (words[0] ?? '');
  return `${number(n)} ${n === 1 ? noun : plural(noun)} added${fromWords(about)}${list ? `, about ${list}` : ''}`;
}

/** How many of a bulk entry's rows the Audit page lists (its words count them all; a subject's history lists all of theirs). */
export const BULK_ROWS_LISTED = 200;

export function entryView(r: AuditRow, opts: { rowsListed?: number } = {}): AuditEntryView {
  // What every entry shows the same way: when, who, what kind of thing happened, to whom.
  const common = {
    seq: r.seq,
    at: r.at,
    who: r.who,
    action: r.action,
    actionWords: AUDIT_ACTION_WORDS[r.action] ?? r.action,
    subject: describeSubject(r),
    subjectKind: r.subjectKind,
    subjectRef: r.subjectRef,
    erased: r.erased,
  };
  const bulk = bulkValuesOf(r.action, r.tbl, r.after);
  if (bulk) {
    const listed = opts.rowsListed === undefined ? bulk.rows : bulk.rows.slice(0, opts.rowsListed);
    const rows: AuditBulkRow[] = listed.map((x) => ({
      table: x.tbl,
      rowId: x.rowId,
      action: x.op,
      afterHash: x.afterHash,
      changes: changesBetween(parse(x.before), null),
    }));
    const what =
      bulk.sections.length > 1
        ? manyWhat(bulk.import, bulk.sections)
        : bulkWhat(
            bulk.import,
            bulk.rows.map((x) => ({ table: x.tbl, action: x.op })),
          );
    return {
      ...common,
      table: null,
      rowId: null,
      what,
      changes: [],
      details: null,
      bulk: { file: typeof bulk.import.file === 'string' ? bulk.import.file : null, rows, total: bulk.rows.length },
    };
  }
  const before = parse(r.before);
  const after = parse(r.after);
  const isRow = r.tbl !== null;
  return {
    ...common,
    table: r.tbl,
    rowId: r.rowId,
    what: whatOf(r, after ?? before),
    changes: isRow ? markYesNo(r.tbl, changesBetween(before, after)) : [],
    details: isRow ? null : after,
  };
}

/** A filter in the user's terms (London dates, a reference) as the trail's (UTC instants). */
export function filterOf(f: AuditFilterInput): AuditFilter {
  const out: AuditFilter = {};
  const stamp = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
  if (f.since) out.since = stamp(londonInstant(`${f.since}T00:00`));
  if (f.until) out.until = stamp(endOfDayInstant(f.until) - 1000);
  if (f.who) out.who = f.who;
  if (f.subject) out.subjectRef = f.subject;
  return out;
}

export function listAudit(ctx: Ctx, input: unknown): AuditPage {
  const f = parseOr(auditFilter, input, 'The audit filter');
  const filter = filterOf(f);
  const rows = listAuditRows(ctx.vault.sqlite, { ...filter, order: 'desc', limit: f.limit ?? 500 });
  return { entries: rows.map((r) => entryView(r, { rowsListed: BULK_ROWS_LISTED })), total: countAuditRows(ctx.vault.sqlite, filter) };
}

const SUBJECT_TABLE: Record<HistoryKind, string> = { staff: 'staff', supplier: 'suppliers', case: 'cases' };

/** One staff member's, supplier's or case's history, newest first, by its id (so a changed reference keeps its past). */
export function recordHistory(ctx: Ctx, kind: HistoryKind, ref: string): AuditEntryView[] {
  const row = ctx.vault.sqlite.prepare<[string], { id: number }>(`SELECT id FROM "${SUBJECT_TABLE[kind]}" WHERE ref = ?`).get(ref);
  if (!row)
    throw new AppError(
      'not-found',
      `No ${kind === 'case' ? 'case' : kind === 'staff' ? 'case manager' : 'supplier'} with the reference ${ref} is in the vault.`,
      'ref',
    );
  return listAuditRows(ctx.vault.sqlite, { subjectKind: kind, subjectId: row.id, order: 'desc', limit: 2000 }).map((r) => entryView(r));
}

export function auditPeople(ctx: Ctx): string[] {
  return peopleIn(ctx.vault.sqlite);
}

/** Records an event in the trail, naming whoever acts in ctx (the services' own events). */
export function recordEvent(ctx: Ctx, action: AuditAction, details: Record<string, unknown> = {}): void {
  auditEvent(ctx.vault.sqlite, action, details);
}

/** The entries a filter selects, oldest first, as an XLSX workbook (one row per changed field). */
export async function auditWorkbook(ctx: Ctx, input: unknown): Promise<{ bytes: Uint8Array; entries: number }> {
  const f = parseOr(auditFilter, input, 'The audit filter');
  const rows = listAuditRows(ctx.vault.sqlite, { ...filterOf(f), order: 'asc' }).map((r) => entryView(r));
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  // Fixed, so the same trail gives the same file.
  wb.created = new Date(0);
  wb.modified = new Date(0);
  wb.creator = 'Caseproof';
  const ws = wb.addWorksheet('Audit trail');
  ws.columns = [
    { header: 'Entry', key: 'seq', width: 8 },
    { header: 'When (UTC)', key: 'at', width: 22 },
    { header: 'Who', key: 'who', width: 20 },
    { header: 'What happened', key: 'action', width: 22 },
    { header: 'About', key: 'subject', width: 22 },
    { header: 'Record', key: 'what', width: 24 },
    { header: 'Field', key: 'field', width: 22 },
    { header: 'Before', key: 'before', width: 40 },
    { header: 'After', key: 'after', width: 40 },
  ];
  ws.getRow(1).font = { bold: true };
  for (const e of rows) {
    const base = { seq: e.seq, at: e.at, who: e.who, action: e.actionWords, subject: e.subject, what: e.what ?? '' };
    if (e.erased) ws.addRow({ ...base, field: '(values erased under retention)' });
    else if (e.bulk)
      // One row per record the import wrote: what happened to it, its content before (if any) and the hash of its content after.
      for (const x of e.bulk.rows)
        ws.addRow({
          ...base,
          field: `${x.table} row ${x.rowId}: ${AUDIT_ACTION_WORDS[x.action] ?? x.action}`,
          before: x.changes.map((c) => `${c.field}: ${c.before ?? ''}`).join('; '),
          // A bulk entry of today keeps the first 24 hex digits of the hash (db/audit.ts, BULK_HEAD).
          after: x.afterHash ? `SHA-256 ${x.afterHash}${x.afterHash.length < 64 ? '…' : ''}` : '',
        });
    else if (e.details) ws.addRow({ ...base, field: 'details', after: JSON.stringify(e.details) });
    else if (!e.changes.length) ws.addRow(base);
    else for (const c of e.changes) ws.addRow({ ...base, field: c.field, before: c.before ?? '', after: c.after ?? '' });
  }
  const buf = await wb.xlsx.writeBuffer();
  return { bytes: new Uint8Array(buf as ArrayBuffer), entries: rows.length };
}
