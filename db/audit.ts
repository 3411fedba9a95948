// The audit trail (issue 11): every create, update and delete of a row in the vault, and every
// import, export, pack, backup, restore, passphrase change, unlock and lock, is an entry in
// `audit_log`, written in the same transaction as the change.
//
// How: SQLite triggers on every data table (installed by installAuditTriggers, refreshed after
// every migration run, so a table a later migration adds or rebuilds is covered too) insert
// the entry. The triggers call SQL functions this module registers on every connection
// (registerAuditFunctions, from db/client.ts's connect): who is acting and when (the one
// clock), and the entry's hashes. A connection without them (a raw SQL tool) cannot write to
// an audited table at all; one that drops the triggers first is found by `caseproof check`,
// which compares every row with its last audited state.
//
// Each entry carries the SHA-256 of the entry before it (a chain: an entry edited, deleted or
// moved breaks every link after it) and of the record's content after the change. The
// before/after values themselves are in the entry's row (`before`, `after`; in `audit_values`
// before data version 17): the chain covers their hashes, not their text, so values may be
// erased where the law requires it (a case past retention) without breaking the chain.
// Triggers refuse UPDATE and DELETE on the trail (values may be emptied only through
// eraseAuditValues, which says so).
//
// A write of many rows at once (an import) is the exception that keeps the trail cheap: the
// rows it adds are one entry for the write, with the hash of each row's content in its values
// and an index of whom they are about beside it (bulkAudited, the bulk section below).
import { hash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { ukDateTime } from '../electron/contract/dates';
import { systemClock } from '../electron/services/clock';

/** Who acts and when, for entries written on one connection. Mutable: the app sets who per call. */
export interface AuditActor {
  who: string;
  /** The one clock (electron/services/clock.ts): entries are stamped with its instant, as the vault stores instants. */
  clock: { now(): Date };
}
const stampOf = (a: AuditActor) =>
  a.clock
    .now()
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z');

/** What an entry says happened. Row changes are create/update/delete; the rest are events. */
export const AUDIT_ACTIONS = [
  'create',
  'update',
  'delete',
  'baseline',
  'migrate',
  'import',
  'export',
  'pack',
  'backup',
  'restore',
  'passphrase',
  'unlock',
  'lock',
  'erase',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** Tables never audited: the trail itself, SQLite's own, and derived data another table already holds. */
// change_counts is bookkeeping the screens' cache keeps by triggers (0004): not a record anyone changes.
// audit_subjects is the trail's own index of whom each bulk entry is about (migration 0015).
export const UNAUDITED_TABLES = new Set(['audit_log', 'audit_values', 'audit_subjects', 'change_counts', 'sqlite_sequence', 'sqlite_stat1', 'sqlite_stat4']);

const GENESIS = '0'.repeat(64);
// crypto.hash: one call, no Hash object per entry (2-3x faster for short inputs; a bulk import hashes two per row).
const sha256 = (s: string) => hash('sha256', s, 'hex');

/** What one entry says happened (every column but its own hash), as the chain hashes it. */
interface EntryFields {
  seq: number;
  at: string;
  who: string;
  action: string;
  tbl: string | null;
  rowId: number | null;
  subjectKind: string | null;
  subjectId: number | null;
  subjectRef: string | null;
  beforeHash: string | null;
  afterHash: string | null;
  prevHash: string;
}

/** The hash of one entry: every field that says what happened, and the hash of the entry before. */
export function entryHash(e: EntryFields): string {
  return sha256(
    JSON.stringify([e.seq, e.prevHash, e.at, e.who, e.action, e.tbl, e.rowId, e.subjectKind, e.subjectId, e.subjectRef, e.beforeHash, e.afterHash]),
  );
}
/** The hash of a value as stored (a row's JSON, an event's details): null stays null. */
export const valueHash = (v: string | null): string | null => (v === null ? null : sha256(v));

const actors = new WeakMap<Database.Database, AuditActor>();
const erasing = new WeakSet<Database.Database>();
/** Connections in a bulk write (bulkAudited): the rows they add are collected for the write's one entry. */
const bulks = new WeakMap<Database.Database, BulkState>();

interface BulkState {
  /** By table, the ids of the rows added, in the order added (their content is read once, at the end). */
  created: Map<string, number[]>;
  /** The trail's last entry when the write began: entries after it are the write's own (its updates and deletes). */
  startSeq: number;
}

function fallbackActor(): AuditActor {
  return { who: 'Caseproof', clock: systemClock };
}
/** The actor registered on a connection (a bare connection, as in `npm run db:draft`, gets a neutral one). */
export function actorOf(db: Database.Database): AuditActor {
  return actors.get(db) ?? fallbackActor();
}

/**
 * Registers the trail's SQL functions on a connection. A trigger calls `cp_audit_begin` once per
 * entry, as its `at` column: SQLite evaluates an INSERT's columns in table order with the
 * INTEGER PRIMARY KEY (seq) last. It works out when, who and the hashes and keeps them;
 * `cp_audit_get(i)` hands the kept fields to the entry's later columns, its seq and its
 * values, so nothing is computed twice. (Were seq ever evaluated first, it would
 * repeat the last entry's number and the insert would fail loudly, never write a wrong entry.)
 */
export function registerAuditFunctions(db: Database.Database, actor: AuditActor): void {
  actors.set(db, actor);
  // [seq, at, who, sk, sid, sref, beforeHash, afterHash, prevHash, hash, before, after]
  let kept: unknown[] = [];
  const str = (v: unknown) => (v === null || v === undefined ? null : String(v));
  const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  db.function(
    'cp_audit_begin',
    { deterministic: false },
    (seq: unknown, prev: unknown, action: unknown, tbl: unknown, rowId: unknown, sk: unknown, sid: unknown, sref: unknown, before: unknown, after: unknown) => {
      const e = {
        seq: Number(seq),
        prevHash: String(prev),
        at: stampOf(actor),
        who: actor.who,
        action: String(action),
        tbl: str(tbl),
        rowId: num(rowId),
        subjectKind: str(sk),
        subjectId: num(sid),
        subjectRef: str(sref),
        beforeHash: valueHash(str(before)),
        afterHash: valueHash(str(after)),
      };
      kept = [e.seq, e.at, e.who, e.subjectKind, e.subjectId, e.subjectRef, e.beforeHash, e.afterHash, e.prevHash, entryHash(e), str(before), str(after)];
      return e.at;
    },
  );
  db.function('cp_audit_get', { deterministic: false }, (i: unknown) => (kept[Number(i)] ?? null) as string | number | null);
  db.function('cp_audit_erasing', { deterministic: false }, () => (erasing.has(db) ? 1 : 0));
  // Whether a bulk write (bulkAudited) is under way on this connection. The triggers of data
  // version 14 asked it before collecting an update or a delete; kept so a vault still carrying
  // them works until its migration run installs today's (cp_audit_collect answers 0 for those).
  db.function('cp_audit_bulk', { deterministic: false }, () => (bulks.has(db) ? 1 : 0));
  // The insert trigger's WHEN: in a bulk write the new row is kept for the write's one entry and
  // the answer is 1 (no entry of its own); otherwise 0. Cheap by design (issue 11: at most 20%
  // on a bulk import): one call per row, handing over only its table and id; the rows' content
  // is read once, set-based, at the end (writeBulkEntry). Updates and deletes always write an
  // entry of their own, in a bulk write too: their before is personal data, which must stay
  // erasable subject by subject (eraseAuditValues), and a bulk write has few of them.
  db.function('cp_audit_collect', { deterministic: false, varargs: true }, (tbl: unknown, op: unknown, rowId: unknown) => {
    const state = bulks.get(db);
    if (!state || op !== 'create') return 0;
    const t = String(tbl);
    let ids = state.created.get(t);
    if (!ids) state.created.set(t, (ids = []));
    ids.push(Number(rowId));
    return 1;
  });
}

// ---------- the tables and their triggers ----------

/** What the trail's guards say when anything tries to change or remove what it holds. */
const PERMANENT = 'The audit trail cannot be changed: its entries are permanent.';

/** The trail's tables and the triggers that keep them append-only (migration 0005). */
export function createAuditTables(db: Database.Database): void {
  db.exec(`
    CREATE TABLE "audit_log" (
      "seq" integer PRIMARY KEY NOT NULL,
      "at" text NOT NULL,
      "who" text NOT NULL,
      "action" text NOT NULL,
      "tbl" text,
      "row_id" integer,
      "subject_kind" text,
      "subject_id" integer,
      "subject_ref" text,
      "before_hash" text,
      "after_hash" text,
      "prev_hash" text NOT NULL,
      "hash" text NOT NULL
    );
    CREATE TABLE "audit_values" (
      "seq" integer PRIMARY KEY NOT NULL,
      "before" text,
      "after" text
    );
  `);
  db.exec(`
    CREATE TRIGGER "audit_log_no_update" BEFORE UPDATE ON "audit_log"
      BEGIN SELECT RAISE(ABORT, '${PERMANENT}'); END;
    CREATE TRIGGER "audit_log_no_delete" BEFORE DELETE ON "audit_log"
      BEGIN SELECT RAISE(ABORT, '${PERMANENT}'); END;
    CREATE TRIGGER "audit_values_no_update" BEFORE UPDATE ON "audit_values"
      BEGIN SELECT RAISE(ABORT, '${PERMANENT}'); END;
    CREATE TRIGGER "audit_values_no_delete" BEFORE DELETE ON "audit_values" WHEN cp_audit_erasing() IS NOT 1
      BEGIN SELECT RAISE(ABORT, 'The audit trail cannot be changed: only values past retention are erased, by Caseproof.'); END;
  `);
}

/** The subject index's table, and its index and guards (createAuditSubjects; indexEveryEntry fills it again). */
const SUBJECTS_TABLE = (name: string) => `CREATE TABLE "${name}" ("kind" text NOT NULL, "id" integer NOT NULL, "seq" integer NOT NULL, "ref" text)`;
const SUBJECTS_INDEX_AND_GUARDS = `
    CREATE INDEX "audit_subjects_subject_idx" ON "audit_subjects" ("kind", "id");
    CREATE TRIGGER "audit_subjects_no_update" BEFORE UPDATE ON "audit_subjects"
      BEGIN SELECT RAISE(ABORT, '${PERMANENT}'); END;
    CREATE TRIGGER "audit_subjects_no_delete" BEFORE DELETE ON "audit_subjects"
      BEGIN SELECT RAISE(ABORT, '${PERMANENT}'); END;`;

/**
 * Whom each bulk entry is about (migration 0015): one row per person, supplier, case or other
 * subject whose rows a bulk write added, so their history and `audit list --subject` find the
 * write's one entry by an index. Append-only like the trail; the check holds it to the entries.
 */
export function createAuditSubjects(db: Database.Database): void {
  db.exec(`${SUBJECTS_TABLE('audit_subjects')}; ${SUBJECTS_INDEX_AND_GUARDS}`);
}

/**
 * A fact about a connection's trail layout that, once true, stays true (a table a migration added),
 * asked on every read and write: a yes is kept; a no is asked again, as a migration run may
 * change it on the same connection.
 */
function layoutFact(probe: (db: Database.Database) => boolean): { (db: Database.Database): boolean; forget(db: Database.Database): void } {
  const yes = new WeakSet<Database.Database>();
  const ask = (db: Database.Database) => {
    if (yes.has(db)) return true;
    const has = probe(db);
    if (has) yes.add(db);
    return has;
  };
  return Object.assign(ask, { forget: (db: Database.Database) => void yes.delete(db) });
}

/** Whether this vault has the bulk entries' subject index (every vault at data version 16 or later). */
export const hasAuditSubjects = layoutFact(
  (db) => db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'audit_subjects'`).get() !== undefined,
);

/**
 * The subject index for every entry (data version 18, indexEveryEntry): audit_subjects names the
 * subject of each entry that has one (its own columns), not just of bulk entries, and is
 * brought up to date in batches instead of entry by entry. See SUBJECT_BATCH.
 */
export const everyEntryIndexed = layoutFact(
  (db) => db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'trigger' AND name = 'audit_subjects_catch_up'`).get() !== undefined,
);

/**
 * Entries are indexed by subject in batches of this many (by seq), not one by one. An index on
 * audit_log itself (migration 0014) cost every save a b-tree insert and a page of its own at
 * commit, encrypted and written out: about a quarter of what the trail adds to a single save
 * (issue 11: at most 20%). Batched, the index is written once per SUBJECT_BATCH entries, with its
 * rows in seq order, and a subject's history reads the index up to its last row (the
 * watermark) and the few entries after it directly (auditWhere). A bulk write brings the index
 * up to date before naming its own subjects, so the watermark never passes an entry not indexed.
 */
export const SUBJECT_BATCH = 256;
/** The seq of the last entry the subject index has reached (its rows are in seq order): 0 for none. */
const WATERMARK = '(SELECT coalesce((SELECT seq FROM audit_subjects ORDER BY rowid DESC LIMIT 1), 0))';
/** The entries the index names: those about a subject named by id or reference (not the vault's own events). */
const ABOUT_SOMEONE = 'subject_kind IS NOT NULL AND (subject_id IS NOT NULL OR subject_ref IS NOT NULL)';
/** Indexes every entry after the watermark that is about someone, in seq order (id 0: named by reference alone, as in a bulk entry's index). */
const CATCH_UP = `INSERT INTO audit_subjects (kind, id, seq, ref)
      SELECT subject_kind, coalesce(subject_id, 0), seq, subject_ref FROM audit_log
      WHERE seq > ${WATERMARK} AND ${ABOUT_SOMEONE} ORDER BY seq`;

/**
 * Moves the trail to one subject index for every entry (migration 0017): the index is filled again
 * with every entry about someone so far beside the bulk entries' rows it held, all in seq order
 * (a bulk entry's rows keep their order), so the watermark is true from the start; audit_log's own
 * index goes; and the trigger that indexes each later batch is added (an AFTER INSERT on the
 * trail: it writes only the index, never an entry). The rows are put back in place rather than a
 * new table renamed: SQLite reads every trigger again on a rename, and the run's older triggers
 * still name tables it has dropped until the runner reinstalls them.
 */
export function indexEveryEntry(db: Database.Database): void {
  db.exec(`
    ${SUBJECTS_TABLE('audit_subjects_v18')};
    INSERT INTO "audit_subjects_v18" (kind, id, seq, ref)
      SELECT kind, id, seq, ref FROM (
        SELECT kind, id, seq, ref, 0 AS own, rowid AS r FROM "audit_subjects"
        UNION ALL
        SELECT subject_kind, coalesce(subject_id, 0), seq, subject_ref, 1, 0 FROM "audit_log" WHERE ${ABOUT_SOMEONE}
      ) ORDER BY seq, own, r;
    DROP TRIGGER "audit_subjects_no_delete";
    DELETE FROM "audit_subjects";
    INSERT INTO "audit_subjects" (kind, id, seq, ref) SELECT kind, id, seq, ref FROM "audit_subjects_v18" ORDER BY rowid;
    DROP TABLE "audit_subjects_v18";
    CREATE TRIGGER "audit_subjects_no_delete" BEFORE DELETE ON "audit_subjects"
      BEGIN SELECT RAISE(ABORT, '${PERMANENT}'); END;
    DROP INDEX IF EXISTS "audit_log_subject_idx";
    CREATE TRIGGER "audit_subjects_catch_up" AFTER INSERT ON "audit_log" WHEN NEW.seq % ${SUBJECT_BATCH} = 0
      BEGIN ${CATCH_UP}; END;
  `);
  everyEntryIndexed.forget(db);
}

/** Brings the subject index up to date (a bulk write does before naming its subjects). */
function catchUpSubjects(db: Database.Database): void {
  if (everyEntryIndexed(db)) db.exec(CATCH_UP);
}

/**
 * Whether each entry's values are in its own row (data version 17, mergeAuditValues) rather than
 * in audit_values. Every vault is, once its migrations have run; a vault a test holds at an
 * earlier data version is written and read the way that version was.
 */
export const valuesInEntries = layoutFact((db) => (db.pragma(`table_info("audit_log")`) as { name: string }[]).some((c) => c.name === 'after'));

/**
 * An entry's values moved into its own row (migration 0016): a save wrote two rows of the trail
 * (the entry, then its values, each on a page of its own), and every page a transaction writes is
 * encrypted and written out; one row is one page fewer per save (issue 11: a save may cost at
 * most 20% more for its trail). Erasure past retention empties the two columns and marks the
 * entry `erased`; the entry itself, and so the chain, stays. An update of anything else is refused.
 */
export function mergeAuditValues(db: Database.Database): void {
  db.exec(`
    DROP TRIGGER IF EXISTS "audit_log_no_update";
    ALTER TABLE "audit_log" ADD COLUMN "before" text;
    ALTER TABLE "audit_log" ADD COLUMN "after" text;
    ALTER TABLE "audit_log" ADD COLUMN "erased" integer DEFAULT 0 NOT NULL;
    UPDATE "audit_log" SET "before" = v."before", "after" = v."after" FROM "audit_values" v WHERE v."seq" = "audit_log"."seq";
    UPDATE "audit_log" SET "erased" = 1 WHERE "seq" NOT IN (SELECT "seq" FROM "audit_values");
    DROP TABLE "audit_values";
    CREATE TRIGGER "audit_log_no_update" BEFORE UPDATE ON "audit_log"
      WHEN cp_audit_erasing() IS NOT 1
        OR NEW."before" IS NOT NULL OR NEW."after" IS NOT NULL OR NEW."erased" IS NOT 1
        OR ${ENTRY_COLUMNS.map((c) => `NEW."${c}" IS NOT OLD."${c}"`).join(' OR ')}
      BEGIN SELECT RAISE(ABORT, 'The audit trail cannot be changed: its entries are permanent, and only values past retention are erased, by Caseproof.'); END;
  `);
  valuesInEntries.forget(db);
}
/** The columns that say what an entry records (all but its values): never changed once written. */
const ENTRY_COLUMNS = [
  'seq',
  'at',
  'who',
  'action',
  'tbl',
  'row_id',
  'subject_kind',
  'subject_id',
  'subject_ref',
  'before_hash',
  'after_hash',
  'prev_hash',
  'hash',
];

/** SQL reading an entry's values beside `a.` (audit_log): from its own row, or its audit_values row before data version 17. */
function valuesOf(db: Database.Database): { cols: string; join: string } {
  return valuesInEntries(db)
    ? { cols: 'a.before AS before, a.after AS after, a.erased AS erased', join: '' }
    : { cols: 'v.before AS before, v.after AS after, v.seq IS NULL AS erased', join: 'LEFT JOIN audit_values v ON v.seq = a.seq' };
}

export function hasAuditTrail(db: Database.Database): boolean {
  return db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'audit_log'`).get() !== undefined;
}

interface Subject {
  kind: string;
  id: string;
  ref: string;
}
/** SQL for whom a row of each table is about, over `p` (NEW or OLD). Other tables: the table itself. */
function subjectOf(table: string, p: string): Subject {
  const owner = (rec: string): Subject => ({
    kind: `CASE WHEN ${rec}.staff_id IS NOT NULL THEN 'staff' WHEN ${rec}.supplier_id IS NOT NULL THEN 'supplier' ELSE 'firm' END`,
    id: `coalesce(${rec}.staff_id, ${rec}.supplier_id, 1)`,
    ref: `CASE WHEN ${rec}.staff_id IS NOT NULL THEN (SELECT ref FROM staff WHERE id = ${rec}.staff_id) WHEN ${rec}.supplier_id IS NOT NULL THEN (SELECT ref FROM suppliers WHERE id = ${rec}.supplier_id) END`,
  });
  const viaRecord = (recordId: string, col: keyof Subject) => `(SELECT ${owner('r')[col]} FROM records r WHERE r.id = ${recordId})`;
  switch (table) {
    case 'firm':
      return { kind: `'firm'`, id: `${p}.id`, ref: 'NULL' };
    case 'staff':
      return { kind: `'staff'`, id: `${p}.id`, ref: `${p}.ref` };
    case 'suppliers':
      return { kind: `'supplier'`, id: `${p}.id`, ref: `${p}.ref` };
    case 'records':
      return owner(p);
    case 'evidence_files':
      return { kind: viaRecord(`${p}.record_id`, 'kind'), id: viaRecord(`${p}.record_id`, 'id'), ref: viaRecord(`${p}.record_id`, 'ref') };
    case 'evidence_contents': {
      const rec = `(SELECT record_id FROM evidence_files WHERE id = ${p}.file_id)`;
      return { kind: viaRecord(rec, 'kind'), id: viaRecord(rec, 'id'), ref: viaRecord(rec, 'ref') };
    }
    case 'contacts':
      return { kind: `'contact'`, id: `${p}.id`, ref: `${p}.name` };
    case 'cases':
      return { kind: `'case'`, id: `${p}.id`, ref: `${p}.ref` };
    case 'case_instructions':
    case 'case_handovers':
      return { kind: `'case'`, id: `${p}.case_id`, ref: `(SELECT ref FROM cases WHERE id = ${p}.case_id)` };
    case 'packs':
      return { kind: `'pack'`, id: `${p}.id`, ref: `${p}.subject_ref` };
    case 'pack_sources':
    case 'pack_annexes': // the evidence annex beside a pack (migration 0010): about that pack
      return { kind: `'pack'`, id: `${p}.pack_id`, ref: `(SELECT subject_ref FROM packs WHERE id = ${p}.pack_id)` };
    default:
      return { kind: `'${table}'`, id: `${p}.rowid`, ref: 'NULL' };
  }
}

interface Column {
  name: string;
  type: string;
}
function columnsOf(db: Database.Database, table: string): Column[] {
  return (db.pragma(`table_info("${table}")`) as { name: string; type: string }[]).map((c) => ({ name: c.name, type: c.type.toLowerCase() }));
}

/**
 * A row's content as JSON, over `p.` columns (or bare columns when p is ''): the same SQL
 * writes the trail and reads the rows back for the check, so they compare exactly. A blob is
 * represented by its length (evidence bytes are proven by their SHA-256 separately).
 */
function rowJson(cols: Column[], p: string): string {
  const ref = (c: Column) => `${p ? p + '.' : ''}"${c.name}"`;
  return `json_object(${cols.map((c) => `'${c.name}', ${c.type === 'blob' ? `length(${ref(c)})` : ref(c)}`).join(', ')})`;
}

/**
 * Whether an update changed what the row's JSON holds, column by column: the same answer as
 * comparing rowJson(OLD) with rowJson(NEW) (a blob by its length, as the JSON holds it), without
 * building both only to compare them; the entry builds them once more for its values.
 */
function changedSql(cols: Column[]): string {
  const v = (p: string, c: Column) => (c.type === 'blob' ? `length(${p}."${c.name}")` : `${p}."${c.name}"`);
  return `(${cols.map((c) => `${v('OLD', c)} IS NOT ${v('NEW', c)}`).join(' OR ')})`;
}

/** The data tables the trail covers: every ordinary table but the trail's own, SQLite's and virtual tables' shadows. */
export function auditedTables(db: Database.Database): string[] {
  const rows = db.prepare<[], { name: string; sql: string | null }>(`SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name`).all();
  const virtual = rows.filter((r) => /^\s*CREATE\s+VIRTUAL/i.test(r.sql ?? '')).map((r) => r.name);
  return rows
    .filter((r) => !UNAUDITED_TABLES.has(r.name) && !r.name.startsWith('sqlite_') && !r.name.startsWith('__'))
    .filter((r) => !virtual.some((v) => r.name === v || r.name.startsWith(v + '_')))
    .map((r) => r.name);
}

/** Rows whose adding is itself an event: a pack registered, a backup logged. */
const INSERT_ACTIONS: Record<string, AuditAction> = { packs: 'pack', backups: 'backup' };

function triggerSql(table: string, cols: Column[], op: 'INSERT' | 'UPDATE' | 'DELETE', merged: boolean): string {
  const p = op === 'DELETE' ? 'OLD' : 'NEW';
  const s = subjectOf(table, p);
  const action = op === 'INSERT' ? (INSERT_ACTIONS[table] ?? 'create') : op === 'UPDATE' ? 'update' : 'delete';
  const before = op === 'INSERT' ? 'NULL' : rowJson(cols, 'OLD');
  const after = op === 'DELETE' ? 'NULL' : rowJson(cols, 'NEW');
  // An insert's WHEN hands the row to cp_audit_collect, which keeps it in a bulk write
  // (answering 1, so the row gets no entry of its own) and otherwise answers 0; an update writes
  // an entry when the row's content changed; a delete always does. A connection without
  // Caseproof's functions cannot fire the trigger, so cannot write the table.
  const when = op === 'INSERT' ? `WHEN cp_audit_collect('${table}', '${action}', NEW.rowid) IS 0` : op === 'UPDATE' ? `WHEN ${changedSql(cols)}` : '';
  return `
    CREATE TRIGGER "audit_${table}_${op.toLowerCase()}" AFTER ${op} ON "${table}" ${when}
    BEGIN
      INSERT INTO audit_log (${ENTRY_COLUMNS.join(', ')}${merged ? ', before, after' : ''})
        VALUES (cp_audit_get(0),
                cp_audit_begin(coalesce((SELECT max(seq) FROM audit_log), 0) + 1, coalesce((SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1), '${GENESIS}'),
                               '${action}', '${table}', ${p}.rowid, ${s.kind}, ${s.id}, ${s.ref}, ${before}, ${after}),
                cp_audit_get(2), '${action}', '${table}', ${p}.rowid, cp_audit_get(3), cp_audit_get(4), cp_audit_get(5),
                cp_audit_get(6), cp_audit_get(7), cp_audit_get(8), cp_audit_get(9)${merged ? ', cp_audit_get(10), cp_audit_get(11)' : ''});
      ${merged ? '' : 'INSERT INTO audit_values (seq, before, after) VALUES (cp_audit_get(0), cp_audit_get(10), cp_audit_get(11));'}
    END;`;
}

/**
 * (Re)creates the triggers of every audited table from its columns as they are now. Run after
 * every migration run (db/migrate.ts), inside its transaction: a table rebuilt loses its
 * triggers and a new column must be in the JSON.
 */
export function installAuditTriggers(db: Database.Database): void {
  const existing = db.prepare<[], { name: string }>(`SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'audit\\_%' ESCAPE '\\'`).all();
  // The trail's own triggers stay: its guards, and the subject index's catch-up (indexEveryEntry).
  for (const t of existing) if (!/^audit_(log|values|subjects)_no_|^audit_subjects_catch_up$/.test(t.name)) db.exec(`DROP TRIGGER "${t.name}"`);
  const merged = valuesInEntries(db);
  for (const table of auditedTables(db)) {
    const cols = columnsOf(db, table);
    for (const op of ['INSERT', 'UPDATE', 'DELETE'] as const) db.exec(triggerSql(table, cols, op, merged));
  }
}

// ---------- entries written from code ----------

interface LastEntry {
  seq: number;
  hash: string;
}
function lastEntry(db: Database.Database): LastEntry {
  return db.prepare<[], LastEntry>('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() ?? { seq: 0, hash: GENESIS };
}

export interface NewEntry {
  action: AuditAction;
  tbl?: string | null;
  rowId?: number | null;
  subjectKind?: string | null;
  subjectId?: number | null;
  subjectRef?: string | null;
  before?: string | null;
  after?: string | null;
}

/** Appends entries computed here (events, bulk writes, rows the migrations baseline), in order; returns the first's seq. */
export function appendEntries(db: Database.Database, entries: readonly NewEntry[], actor: AuditActor = actorOf(db)): number {
  const last = lastEntry(db);
  // Prepared once for the lot (a bulk write appends one entry per subject, a baseline one per
  // row), bound by position, and stamped once: entries appended together are written at one moment.
  const merged = valuesInEntries(db);
  const log = db.prepare(
    `INSERT INTO audit_log (${ENTRY_COLUMNS.join(', ')}${merged ? ', before, after' : ''})
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?${merged ? ', ?, ?' : ''})`,
  );
  const values = merged ? null : db.prepare('INSERT INTO audit_values (seq, before, after) VALUES (?, ?, ?)');
  const at = stampOf(actor);
  let prev = last;
  for (const e of entries) {
    const before = e.before ?? null;
    const after = e.after ?? null;
    const row: EntryFields = {
      seq: prev.seq + 1,
      prevHash: prev.hash,
      at,
      who: actor.who,
      action: e.action,
      tbl: e.tbl ?? null,
      rowId: e.rowId ?? null,
      subjectKind: e.subjectKind ?? null,
      subjectId: e.subjectId ?? null,
      subjectRef: e.subjectRef ?? null,
      beforeHash: valueHash(before),
      afterHash: valueHash(after),
    };
    const hash = entryHash(row);
    log.run(
      row.seq,
      at,
      row.who,
      row.action,
      row.tbl,
      row.rowId,
      row.subjectKind,
      row.subjectId,
      row.subjectRef,
      row.beforeHash,
      row.afterHash,
      row.prevHash,
      hash,
      ...(merged ? [before, after] : []),
    );
    values?.run(row.seq, before, after);
    prev = { seq: row.seq, hash };
  }
  return last.seq + 1;
}

/** Appends one entry computed here; returns its seq. */
export function appendEntry(db: Database.Database, e: NewEntry, actor: AuditActor = actorOf(db)): number {
  return appendEntries(db, [e], actor);
}

/**
 * An event (import, export, pack, backup, restore, passphrase, unlock, lock) with its details
 * as JSON; returns its seq (null for a vault without a trail: one a test made with its own migrations).
 */
export function auditEvent(
  db: Database.Database,
  action: AuditAction,
  details: Record<string, unknown> = {},
  subject?: { kind: string; id?: number; ref?: string },
): number | null {
  if (!hasAuditTrail(db)) return null;
  return appendEntry(db, {
    action,
    subjectKind: subject?.kind ?? 'vault',
    subjectId: subject?.id ?? null,
    subjectRef: subject?.ref ?? null,
    after: JSON.stringify(details),
  });
}

// ---------- bulk writes: one entry for the write ----------

/** What a bulk write was (its file, its source): carried by its entry. */
export type BulkAbout = Record<string, unknown>;

/** Whom rows in a bulk entry are about, as the trail's subject columns hold it. */
export interface BulkSubject {
  kind: string | null;
  id: number | null;
  ref: string | null;
}
/** One row's change inside a bulk entry, as its values hold it. */
export interface BulkRow {
  tbl: string;
  rowId: number;
  /** What happened to the row: create, update, delete (or pack, backup: INSERT_ACTIONS). */
  op: string;
  /**
   * The SHA-256 of the row's JSON after the change (as the check makes it), or null when
   * deleted: in full (64 hex digits) in entries of data version 13-15, its first 24 hex digits
   * (96 bits) in today's (BULK_HEAD says why).
   */
  afterHash: string | null;
  /** The row's JSON before the change (updates and deletes: what is not in the vault any more), else null. */
  before: string | null;
}
/** A bulk entry's values: what the write was, and the rows it changed, subject by subject, in order. */
export interface BulkValues {
  import: BulkAbout;
  /** Every row, in order. */
  rows: BulkRow[];
  /**
   * The rows by subject. An entry of data version 13-15 is about one subject (its own columns
   * say whom: `subject` is null here); today's is about the whole write and names each.
   */
  sections: { subject: BulkSubject | null; rows: BulkRow[] }[];
}

/**
 * How a bulk entry's values are written, as text. The first line is JSON: `{"bulk":2,"import":{…}}`
 * (what the write was). Then, subject by subject, a line `S<tab>kind<tab>id<tab>"ref"` (the ref
 * as JSON: a contact's name may hold any character) followed by one line per run of rows of one
 * table that the write added with consecutive ids: `table<tab>first id<tab>count<tab>hashes`,
 * the hashes being the first 24 hex digits of the SHA-256 of each row's JSON, one after another
 * (24 dashes for a row added and deleted again within the write).
 *
 * Why one entry for the write, prefixes and runs (issue 11: a write may cost at most 20% more
 * for its trail): the vault is encrypted page by page and every byte is encrypted at commit and
 * again at checkpoint. A firm file of 5,000 cases wrote 5,232 entries (one per subject, each
 * with three full hashes of its own and an index entry) and 2.4 MB of values, 992 pages beside
 * the import's 1,631: +46-50% for the trail. Written this way it is one entry, a subject index
 * of small rows (audit_subjects) and a quarter of the text. 96 bits of SHA-256 still take 2^96
 * tries to match a changed row by chance or design; the entry's own hash covers the whole text.
 * Updates and deletes in a bulk write are entries of their own (cp_audit_collect), so nothing
 * here is personal data to erase under retention: ids, hashes and references.
 *
 * Entries of data version 13-15 (`{"bulk":1,…}`, one per subject) are read as they were: one
 * line per row, `table<tab>id<tab>what happened<tab>full hash after<tab>JSON before`.
 */
const BULK_HEAD_1 = '{"bulk":1,';
const BULK_HEAD = '{"bulk":2,';
/** Hex digits of a row's SHA-256 kept in a bulk entry. */
const PREFIX = 24;
const GONE = '-'.repeat(PREFIX);

/** A bulk entry's rows, or null for any other entry (an event's details are plain JSON). */
export function bulkValuesOf(action: string, tbl: string | null, after: string | null): BulkValues | null {
  if (action !== 'import' || tbl !== null || after === null) return null;
  const v1 = after.startsWith(BULK_HEAD_1);
  if (!v1 && !after.startsWith(BULK_HEAD)) return null;
  const lines = after.split('\n');
  let about: BulkAbout = {};
  try {
    about = ((JSON.parse(lines[0]) as { import?: BulkAbout }).import ?? {}) as BulkAbout;
  } catch {
    /* a damaged head: the chain names the entry; its rows are still read */
  }
  if (v1) {
    const rows = lines.slice(1).map((line): BulkRow => {
      const [tbl = '', rowId = '', op = '', afterHash = '', before = ''] = line.split('\t');
      return { tbl, rowId: Number(rowId), op, afterHash: afterHash || null, before: before || null };
    });
    return { import: about, rows, sections: [{ subject: null, rows }] };
  }
  const rows: BulkRow[] = [];
  const sections: BulkValues['sections'] = [];
  let section: BulkValues['sections'][number] | undefined;
  for (let i = 1; i < lines.length; i++) {
    const f = lines[i].split('\t');
    if (f[0] === 'S') {
      sections.push((section = { subject: subjectLine(f), rows: [] }));
      continue;
    }
    if (!section) sections.push((section = { subject: null, rows: [] }));
    const [tbl = '', first = '', count = '', hashes = ''] = f;
    for (let k = 0, n = Number(count), id = Number(first); k < n; k++, id++) {
      const h = hashes.slice(k * PREFIX, (k + 1) * PREFIX);
      const row: BulkRow = { tbl, rowId: id, op: 'create', afterHash: h === GONE ? null : h, before: null };
      rows.push(row);
      section.rows.push(row);
    }
  }
  return { import: about, rows, sections };
}

/** A bulk entry's `S` line, split at its tabs, as the subject it names. */
function subjectLine(f: string[]): BulkSubject {
  let ref: string | null = null;
  try {
    const r = JSON.parse(f[3] ?? 'null') as unknown;
    ref = typeof r === 'string' ? r : null;
  } catch {
    /* an edited line: the chain names the entry */
  }
  return { kind: f[1] || null, id: f[2] ? Number(f[2]) : null, ref };
}

/** Whether a row's JSON now matches the hash the trail holds for it (in full, or a bulk entry's prefix). */
export function hashMatches(audited: string, json: string): boolean {
  const now = valueHash(json)!;
  return audited.length === PREFIX && /^[0-9a-f]+$/.test(audited) ? now.startsWith(audited) : now === audited;
}

/**
 * Runs a bulk write (a spreadsheet import, pasted rows, a firm file) with the rows it adds
 * audited by one entry for the write instead of one per row: on this connection only, the
 * insert triggers collect each new row's table and id instead of writing an entry, and at the
 * end one 'import' entry lists every row added, subject by subject, with the hash of its content
 * (BULK_HEAD), and audit_subjects names each subject against that entry, so a person's or a
 * case's history and `audit list --subject` find it by an index. The entry's after-hash covers
 * those values, so the chain covers every row's content; `caseproof check` compares each row
 * with the last state an entry (of its own or a bulk one) gave it. Updates and deletes within
 * the write are entries of their own, as anywhere else.
 *
 * Must run inside the write's transaction (the entry commits or rolls back with the rows).
 * Nested calls join the outer one. A vault without a trail just runs `fn`.
 */
export function bulkAudited<T>(db: Database.Database, about: BulkAbout, fn: () => T): T {
  if (bulks.has(db) || !hasAuditTrail(db)) return fn();
  if (!db.inTransaction) throw new Error('A bulk write must run inside a transaction: its audit entries are written with its rows.');
  const state: BulkState = { created: new Map(), startSeq: lastEntry(db).seq };
  bulks.set(db, state);
  let out: T;
  try {
    out = fn();
  } finally {
    bulks.delete(db);
  }
  writeBulkEntry(db, about, state);
  return out;
}

/** Tables that hold a subject's own row, in the order a bulk entry names their subjects. */
const SUBJECT_TABLES = ['firm', 'staff', 'suppliers', 'contacts', 'cases'];

/** The rows' content and whom each is about, read set-based per table; then the write's one entry and its subjects. */
function writeBulkEntry(db: Database.Database, about: BulkAbout, state: BulkState): void {
  type Section = { subject: BulkSubject; lines: string[] };
  const sections: Section[] = [];
  // Found by kind then id (no key string per row: a firm file's import adds some 25,000 rows).
  const byKind = new Map<string | null, Map<number | null, Section>>();
  const sectionOf = (kind: string | null, id: number | null, ref: string | null): Section => {
    let ofKind = byKind.get(kind);
    if (!ofKind) byKind.set(kind, (ofKind = new Map()));
    let sec = ofKind.get(id);
    if (!sec) {
      ofKind.set(id, (sec = { subject: { kind, id, ref }, lines: [] }));
      sections.push(sec);
    }
    return sec;
  };
  // People's and suppliers' references, read once for the write's records (see byOwner below).
  let refs: { staff: Map<number, string>; suppliers: Map<number, string> } | null = null;
  const ownerSection = (staffId: number | null, supplierId: number | null): Section => {
    refs ??= {
      staff: new Map(db.prepare<[], [number, string]>('SELECT id, ref FROM staff').raw().all()),
      suppliers: new Map(db.prepare<[], [number, string]>('SELECT id, ref FROM suppliers').raw().all()),
    };
    if (staffId !== null) return sectionOf('staff', staffId, refs.staff.get(staffId) ?? null);
    if (supplierId !== null) return sectionOf('supplier', supplierId, refs.suppliers.get(supplierId) ?? null);
    return sectionOf('firm', 1, null);
  };
  // A row added and deleted within the write: whom it was about, from its delete's own entry.
  const deletedAs = db.prepare<[number, string, number], { kind: string | null; id: number | null; ref: string | null }>(
    `SELECT subject_kind AS kind, subject_id AS id, subject_ref AS ref FROM audit_log WHERE seq > ? AND tbl = ? AND row_id = ? ORDER BY seq DESC LIMIT 1`,
  );
  // Subjects' own tables first, so each section begins with the subject's own row (a person's
  // details, then their records) and the sections go firm, people, suppliers, parties, cases.
  const rank = (t: string) => {
    const i = SUBJECT_TABLES.indexOf(t);
    return i < 0 ? SUBJECT_TABLES.length : i;
  };
  const tables = [...state.created.keys()].sort((a, b) => rank(a) - rank(b));
  for (const table of tables) {
    const added = state.created.get(table)!;
    if (!added.length) continue;
    // In id order, each once (SQLite may give a deleted row's id to the next row added). An
    // import adds rows in id order already: then the list is used as it is.
    let ids = added;
    for (let i = 1; i < added.length; i++)
      if (added[i] <= added[i - 1]) {
        ids = [...new Set(added)].sort((a, b) => a - b);
        break;
      }
    const s = subjectOf(table, 't');
    // A record's subject is its owner, worked out here from its two owner columns (as subjectOf's
    // SQL does) rather than by a CASE and a lookup per row: a firm file adds some 20,000 records.
    const byOwner = table === 'records';
    const subjectSql = byOwner ? 't.staff_id, t.supplier_id, NULL' : `${s.kind}, ${s.id}, ${s.ref}`;
    const select = `SELECT t.rowid, ${rowJson(columnsOf(db, table), 't')}, ${subjectSql} FROM "${table}" t`;
    const lo = ids[0];
    const hi = ids[ids.length - 1];
    // An import adds rows with consecutive ids: a range scan reads them faster than a list of
    // ids does (rows in the range the write did not add are skipped below). Either way the rows
    // come in rowid order, so they are walked beside the ids, with no map between.
    const found = (
      hi - lo < 2 * ids.length
        ? db.prepare(`${select} WHERE t.rowid BETWEEN ? AND ? ORDER BY t.rowid`).raw().all(lo, hi)
        : db.prepare(`${select} WHERE t.rowid IN (SELECT value FROM json_each(?)) ORDER BY t.rowid`).raw().all(JSON.stringify(ids))
    ) as [number, string, string | number | null, number | null, string | null][];
    // One line per run of consecutive ids about one subject.
    let run: { sec: Section; first: number; next: number; hashes: string[] } | null = null;
    const close = () => {
      if (run) run.sec.lines.push(`${table}\t${run.first}\t${run.next - run.first}\t${run.hashes.join('')}`);
      run = null;
    };
    let k = 0;
    for (const rid of ids) {
      while (k < found.length && found[k][0] < rid) k++;
      const f = k < found.length && found[k][0] === rid ? found[k] : undefined;
      let sec: Section;
      let h: string;
      if (f) {
        sec = byOwner ? ownerSection(f[2] as number | null, f[3] as number | null) : sectionOf(f[2] as string | null, f[3], f[4]);
        h = valueHash(f[1])!.slice(0, PREFIX);
      } else {
        const was = deletedAs.get(state.startSeq, table, rid);
        sec = sectionOf(was?.kind ?? table, was?.id ?? rid, was?.ref ?? null);
        h = GONE;
      }
      if (!run || run.sec !== sec || run.next !== rid) {
        close();
        run = { sec, first: rid, next: rid, hashes: [] };
      }
      run.hashes.push(h);
      run.next++;
    }
    close();
  }
  if (!sections.length) return;
  const text = [`${BULK_HEAD}"import":${JSON.stringify(about)}}`];
  for (const sec of sections) text.push(`S\t${sec.subject.kind ?? ''}\t${sec.subject.id ?? ''}\t${JSON.stringify(sec.subject.ref)}`, ...sec.lines);
  const seq = appendEntry(db, { action: 'import', subjectKind: 'vault', after: text.join('\n') });
  // Every entry before this one indexed first: the watermark then stays true (SUBJECT_BATCH).
  catchUpSubjects(db);
  // One statement for the lot (a firm file names some 5,000 subjects), not one call per subject.
  db.prepare(`INSERT INTO audit_subjects (kind, id, seq, ref) SELECT value ->> 0, value ->> 1, ?, value ->> 2 FROM json_each(?)`).run(
    seq,
    JSON.stringify(sections.map((x) => [x.subject.kind ?? '', x.subject.id ?? 0, x.subject.ref])),
  );
}

/** The subjects a bulk entry names, as audit_subjects should hold them (the check compares the two). */
function indexOf(b: BulkValues): { kind: string; id: number; ref: string | null }[] {
  return b.sections.filter((x) => x.subject).map((x) => ({ kind: x.subject!.kind ?? '', id: x.subject!.id ?? 0, ref: x.subject!.ref }));
}

// ---------- current content against the last audited state ----------

interface Drift {
  table: string;
  rowId: number;
  /** The row's JSON now, or null when it has gone. */
  now: string | null;
  /** The audited JSON's hash, or null when the trail never saw the row. */
  audited: string | null;
  subject: { kind: string | null; id: number | null; ref: string | null };
}

/** A row's last audited state: its hash and whom it was about. */
interface Audited {
  seq: number;
  hash: string | null;
  sk: string | null;
  sid: number | null;
  sref: string | null;
}

/**
 * The last state bulk entries gave each row, by table then row: the entries in order, and the
 * rows within each in order, so the last change wins. (Entries whose values were erased under
 * retention give nothing: their subject's rows were deleted first, by entries of their own.)
 */
function bulkStates(db: Database.Database): Map<string, Map<number, Audited>> {
  const out = new Map<string, Map<number, Audited>>();
  const v = valuesOf(db);
  const entries = db
    .prepare<[], { seq: number; sk: string | null; sid: number | null; sref: string | null; after: string | null }>(
      `SELECT a.seq AS seq, a.subject_kind AS sk, a.subject_id AS sid, a.subject_ref AS sref, ${v.cols}
       FROM audit_log a ${v.join} WHERE a.action = 'import' AND a.tbl IS NULL ORDER BY a.seq`,
    )
    .all();
  for (const e of entries) {
    const bulk = bulkValuesOf('import', null, e.after);
    if (!bulk) continue;
    for (const sec of bulk.sections) {
      const who = sec.subject ?? { kind: e.sk, id: e.sid, ref: e.sref };
      for (const r of sec.rows) {
        let t = out.get(r.tbl);
        if (!t) out.set(r.tbl, (t = new Map()));
        t.set(r.rowId, { seq: e.seq, hash: r.afterHash, sk: who.kind, sid: who.id, sref: who.ref });
      }
    }
  }
  return out;
}

/**
 * Where the subject index (audit_subjects) differs from what the entries themselves name (the
 * bulk entries' sections; from data version 18 every entry's own subject too, up to the
 * index's watermark): a row removed from it would hide an entry from a person's history, one
 * added would show them an entry that was not about them. Null when they agree.
 */
export function subjectIndexFault(db: Database.Database): string | null {
  if (!hasAuditSubjects(db)) return null;
  // From data version 18 the index is kept by its trigger (indexEveryEntry), in place of audit_log's own index.
  if (!everyEntryIndexed(db) && db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = 'audit_log_subject_idx'`).get() === undefined)
    return 'subject index of the audit trail has lost its trigger (audit_subjects_catch_up): entries from now on would not be indexed';
  const want = new Set<string>();
  const key = (seq: number, kind: string, id: number, ref: string | null) => JSON.stringify([seq, kind, id, ref]);
  const v = valuesOf(db);
  const entries = db
    .prepare<[], { seq: number; after: string | null }>(
      `SELECT a.seq AS seq, ${v.cols} FROM audit_log a ${v.join} WHERE a.action = 'import' AND a.tbl IS NULL ORDER BY a.seq`,
    )
    .all();
  for (const e of entries) {
    const bulk = bulkValuesOf('import', null, e.after);
    if (bulk) for (const x of indexOf(bulk)) want.add(key(e.seq, x.kind, x.id, x.ref));
  }
  const rows = db
    .prepare<[], { seq: number; kind: string; id: number; ref: string | null }>('SELECT seq, kind, id, ref FROM audit_subjects ORDER BY rowid')
    .all();
  const indexedAll = everyEntryIndexed(db);
  if (indexedAll) {
    // Every entry about a subject, up to the watermark, is indexed too.
    const upTo = rows.reduce((m, r) => Math.max(m, r.seq), 0);
    for (const e of db
      .prepare<[number], { seq: number; kind: string; id: number; ref: string | null }>(
        `SELECT seq, subject_kind AS kind, coalesce(subject_id, 0) AS id, subject_ref AS ref FROM audit_log WHERE seq <= ? AND ${ABOUT_SOMEONE}`,
      )
      .all(upTo))
      want.add(key(e.seq, e.kind, e.id, e.ref));
  }
  for (const r of rows) {
    if (!want.delete(key(r.seq, r.kind, r.id, r.ref)))
      return `subject index of the audit trail names ${describeSubject({ subjectKind: r.kind, subjectId: r.id, subjectRef: r.ref })} against entry ${r.seq}, which is not about them`;
  }
  for (const k of want) {
    const [seq, kind, id, ref] = JSON.parse(k) as [number, string, number, string | null];
    return `subject index of the audit trail is missing ${describeSubject({ subjectKind: kind, subjectId: id, subjectRef: ref })} for entry ${seq}: their history would not show that entry`;
  }
  // A history reads the index up to its last row's entry (the watermark), so its rows must be in seq order.
  if (indexedAll)
    for (let i = 1; i < rows.length; i++)
      if (rows[i].seq < rows[i - 1].seq)
        return `subject index of the audit trail is out of order: entry ${rows[i].seq} is indexed after entry ${rows[i - 1].seq}, so a history could miss later entries`;
  return null;
}

/** Rows whose content differs from their last audited state (changed, added or removed behind Caseproof's back). */
export function contentDrift(db: Database.Database, opts: { tables?: string[]; limit?: number } = {}): Drift[] {
  const out: Drift[] = [];
  const limit = opts.limit ?? Infinity;
  const last = db.prepare<[string], { seq: number; rowId: number; afterHash: string | null; sk: string | null; sid: number | null; sref: string | null }>(
    `SELECT a.seq AS seq, a.row_id AS rowId, a.after_hash AS afterHash, a.subject_kind AS sk, a.subject_id AS sid, a.subject_ref AS sref FROM audit_log a
     JOIN (SELECT row_id, max(seq) AS seq FROM audit_log WHERE tbl = ? GROUP BY row_id) m ON m.seq = a.seq`,
  );
  const bulk = bulkStates(db);
  for (const table of opts.tables ?? auditedTables(db)) {
    const audited = new Map<number, Audited>();
    for (const r of last.all(table)) audited.set(r.rowId, { seq: r.seq, hash: r.afterHash, sk: r.sk, sid: r.sid, sref: r.sref });
    // A bulk entry later than a row's own last entry is its last audited state.
    for (const [rowId, b] of bulk.get(table) ?? []) if ((audited.get(rowId)?.seq ?? 0) < b.seq) audited.set(rowId, b);
    const s = subjectOf(table, 't');
    const rows = db.prepare<[], { rid: number; j: string }>(`SELECT t.rowid AS rid, ${rowJson(columnsOf(db, table), 't')} AS j FROM "${table}" t`);
    const subjectOfRow = db.prepare<[number], { sk: string | null; sid: number | null; sref: string | null }>(
      `SELECT ${s.kind} AS sk, ${s.id} AS sid, ${s.ref} AS sref FROM "${table}" t WHERE t.rowid = ?`,
    );
    for (const r of rows.all()) {
      const a = audited.get(r.rid);
      audited.delete(r.rid);
      if (a && a.hash !== null && hashMatches(a.hash, r.j)) continue;
      const sub = subjectOfRow.get(r.rid);
      out.push({ table, rowId: r.rid, now: r.j, audited: a?.hash ?? null, subject: { kind: sub?.sk ?? null, id: sub?.sid ?? null, ref: sub?.sref ?? null } });
      if (out.length >= limit) return out;
    }
    for (const [rowId, a] of audited) {
      if (a.hash === null) continue; // deleted, and the trail says so
      out.push({ table, rowId, now: null, audited: a.hash, subject: { kind: a.sk, id: a.sid, ref: a.sref } });
      if (out.length >= limit) return out;
    }
  }
  return out;
}

/**
 * The JSON the trail last recorded for a row, or null: its own last entry's after, unless a
 * later bulk entry has the row (which keeps the after's hash, not the JSON: see BULK_HEAD).
 */
export function lastAuditedValue(db: Database.Database, table: string, rowId: number, bulk = bulkStates(db)): string | null {
  const v = valuesOf(db);
  const own = db
    .prepare<[string, number], { seq: number; after: string | null }>(
      `SELECT a.seq AS seq, ${v.cols} FROM audit_log a ${v.join} WHERE a.tbl = ? AND a.row_id = ? ORDER BY a.seq DESC LIMIT 1`,
    )
    .get(table, rowId);
  const b = bulk.get(table)?.get(rowId);
  return b && b.seq > (own?.seq ?? 0) ? null : (own?.after ?? null);
}

/**
 * Brings the trail level with the rows as they are: an entry (`action`) for each row whose
 * content differs from its last audited state. Migrations run this (db/migrate.ts): 0005's run
 * records every row that existed before the trail ('baseline'), later runs record what a
 * migration changed ('migrate'), with the before value the trail last had.
 */
export function rebaseline(db: Database.Database, action: 'baseline' | 'migrate'): number {
  const drift = contentDrift(db);
  const bulk = drift.length ? bulkStates(db) : new Map<string, Map<number, Audited>>();
  for (const d of drift) {
    const was = d.audited === null ? null : lastAuditedValue(db, d.table, d.rowId, bulk);
    appendEntry(db, {
      action,
      tbl: d.table,
      rowId: d.rowId,
      subjectKind: d.subject.kind ?? d.table,
      subjectId: d.subject.id ?? d.rowId,
      subjectRef: d.subject.ref,
      before: was,
      after: d.now,
    });
  }
  return drift.length;
}

// ---------- the chain ----------

interface StoredEntry extends EntryFields {
  hash: string;
}
/** ENTRY_COLUMNS selected under the names EntryFields gives them (row_id AS rowId). */
const entryColumns = (a = '') => ENTRY_COLUMNS.map((c) => `${a}${c} AS ${c.replace(/_(\w)/g, (_m, x: string) => x.toUpperCase())}`).join(', ');

export interface ChainFault {
  /** The first entry that does not match (or the place where one is missing). */
  seq: number;
  problem: string;
  /** When the entry at fault was written (a UTC instant, for tools); the problem says it in London time. */
  at?: string;
}
export interface ChainCheck {
  entries: number;
  fault: ChainFault | null;
}

/**
 * Walks the chain from the first entry (or, for the quick form, from `fromSeq`): each entry's
 * number follows the last, its prev_hash is the hash of the entry before, its own hash is
 * what its fields give, and its values (where not erased) are what its hashes say.
 */
export function verifyChain(db: Database.Database, opts: { fromSeq?: number } = {}): ChainCheck {
  const from = Math.max(1, opts.fromSeq ?? 1);
  let prev = from === 1 ? GENESIS : (db.prepare<[number], { hash: string }>('SELECT hash FROM audit_log WHERE seq = ?').get(from - 1)?.hash ?? null);
  let expected = from;
  let n = 0;
  const v = valuesOf(db);
  const rows = db
    .prepare<[number], StoredEntry & { before: string | null; after: string | null; erased: number }>(
      `SELECT ${entryColumns('a.')}, ${v.cols} FROM audit_log a ${v.join} WHERE a.seq >= ? ORDER BY a.seq`,
    )
    .all(from);
  for (const e of rows) {
    n++;
    if (e.seq !== expected) {
      return { entries: n, fault: { seq: expected, problem: `entry ${expected} is missing (the next entry is ${e.seq}): an entry was deleted` } };
    }
    if (prev !== null && e.prevHash !== prev) {
      return {
        entries: n,
        fault: {
          seq: e.seq,
          problem: `entry ${e.seq} does not follow entry ${e.seq - 1} (its link to the entry before does not match): entries were deleted, replaced or reordered`,
        },
      };
    }
    if (entryHash(e) !== e.hash) {
      return {
        entries: n,
        fault: {
          seq: e.seq,
          at: e.at,
          // A person reads this (the damage banner, the CLI's sentence): the time as the UK writes it, in London time.
          problem: `entry ${e.seq} (${e.action} ${describeSubject(e)} on ${timeInWords(e.at)} by ${e.who}) was changed after it was written: its hash does not match its contents`,
        },
      };
    }
    // (Values erased past retention are not there to check: the entry's own hash still is.)
    if (!e.erased && (valueHash(e.before) !== e.beforeHash || valueHash(e.after) !== e.afterHash)) {
      return {
        entries: n,
        fault: { seq: e.seq, problem: `the values recorded by entry ${e.seq} (${e.action} ${describeSubject(e)}) were changed after they were written` },
      };
    }
    prev = e.hash;
    expected++;
  }
  return { entries: n, fault: null };
}

/** A stored instant in London time (24/11/2026 10:00); an edited, unreadable one as it stands, so the check still answers. */
function timeInWords(at: string): string {
  return Number.isNaN(Date.parse(at)) ? `"${at}"` : ukDateTime(at);
}

export function describeSubject(e: { subjectKind: string | null; subjectRef: string | null; subjectId: number | null; tbl?: string | null }): string {
  if (!e.subjectKind || e.subjectKind === 'vault') return 'the vault';
  if (e.subjectKind === 'firm') return 'the firm';
  const kind = e.subjectKind === 'pack' ? 'pack' : e.subjectKind;
  if (e.subjectKind === 'pack') return `pack ${e.subjectId}${e.subjectRef ? ` (${e.subjectRef})` : ''}`;
  return `${kind} ${e.subjectRef ?? `#${e.subjectId}`}`;
}

/** The quick form at unlock: the last entries' chain, and the rows they touched against their content now. */
export function quickAuditCheck(db: Database.Database, lastEntries = 500): string | null {
  if (!hasAuditTrail(db)) return null;
  const top = lastEntry(db).seq;
  const chain = verifyChain(db, { fromSeq: top - lastEntries + 1 });
  if (chain.fault) return `The audit trail does not match: ${chain.fault.problem}.`;
  return null;
}

// ---------- reading the trail ----------

export interface AuditRow extends StoredEntry {
  before: string | null;
  after: string | null;
  erased: boolean;
}
export interface AuditFilter {
  /** Entries at or after this UTC instant (`YYYY-MM-DDTHH:MM:SSZ`); the services turn London dates into instants. */
  since?: string;
  /** Entries at or before this UTC instant. */
  until?: string;
  who?: string;
  subjectKind?: string;
  subjectId?: number;
  /** A staff, supplier or case reference (or a contact's name, a pack's subject). */
  subjectRef?: string;
  limit?: number;
  /** Newest first (the app) or oldest first (the CLI). */
  order?: 'asc' | 'desc';
}
function auditWhere(db: Database.Database, f: AuditFilter): { sql: string; params: Record<string, unknown> } {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  const add = (cond: string, name: string, v: unknown) => {
    where.push(cond);
    params[name] = v;
  };
  if (f.since) add('a.at >= @since', 'since', f.since);
  if (f.until) add('a.at <= @until', 'until', f.until);
  if (f.who) add('a.who = @who', 'who', f.who);
  // Whom an entry is about: its own columns (over the alias `p`), or the subject index beside the trail.
  const own = (p: string) => {
    const c: string[] = [];
    if (f.subjectKind) c.push(`${p}.subject_kind = @sk`);
    if (f.subjectId !== undefined) c.push(`${p}.subject_id = @sid`);
    if (f.subjectRef) c.push(`${p}.subject_ref = @sref`);
    return c.join(' AND ');
  };
  const indexed: string[] = [];
  if (f.subjectKind) {
    indexed.push('kind = @sk');
    params.sk = f.subjectKind;
  }
  if (f.subjectId !== undefined) {
    indexed.push('id = @sid');
    params.sid = f.subjectId;
  }
  if (f.subjectRef) {
    indexed.push('ref = @sref');
    params.sref = f.subjectRef;
  }
  if (indexed.length) {
    const listed = `SELECT seq FROM audit_subjects WHERE ${indexed.join(' AND ')}`;
    // By id (a record's history) or by reference (the Audit page, `audit list --subject`), once
    // every entry is indexed (data version 18): the index up to its watermark, then the few
    // entries after it read by seq (SUBJECT_BATCH), in one IN so each is searched (an OR of
    // the two made SQLite read the whole trail). By kind alone, each entry's own columns.
    if ((f.subjectId !== undefined || f.subjectRef) && everyEntryIndexed(db))
      where.push(`a.seq IN (${listed} UNION ALL SELECT t.seq FROM audit_log t WHERE t.seq > ${WATERMARK} AND ${ABOUT_SOMEONE} AND ${own('t')})`);
    else where.push(hasAuditSubjects(db) ? `((${own('a')}) OR a.seq IN (${listed}))` : own('a'));
  }
  return { sql: where.length ? 'WHERE ' + where.join(' AND ') : '', params };
}
/**
 * A bulk entry as one subject's history shows it: its values cut to the sections about whom
 * the filter names, and its subject columns theirs. Only for reading: the chain checks the
 * stored values, never these.
 */
function bulkFor(r: AuditRow, f: AuditFilter): AuditRow {
  if (!(f.subjectKind || f.subjectId !== undefined || f.subjectRef) || r.after === null || !r.after.startsWith(BULK_HEAD) || r.tbl !== null) return r;
  // Section by section with indexOf, each S line read only if a cheap test says it may be theirs:
  // a firm file's entry names some 22,000 subjects in 3 MB, and a history wants one of them
  // (splitting the whole text and reading every S line took 20 ms a history).
  const text = r.after;
  const headEnd = text.indexOf('\n');
  const kept = [headEnd === -1 ? text : text.slice(0, headEnd)];
  const idStart = f.subjectKind && f.subjectId !== undefined ? `${SECTION}${f.subjectKind}\t${f.subjectId}\t` : null;
  const refEnd = f.subjectRef ? `\t${JSON.stringify(f.subjectRef)}` : null;
  let first: BulkSubject | null = null;
  for (let at = text.indexOf(SECTION); at !== -1;) {
    const next = text.indexOf(SECTION, at + 1);
    const lineEnd = text.indexOf('\n', at + 1);
    const end = lineEnd === -1 ? text.length : lineEnd;
    if ((idStart === null || text.startsWith(idStart, at)) && (refEnd === null || text.endsWith(refEnd, end))) {
      const sec = subjectLine(text.slice(at + 1, end).split('\t'));
      if (
        (!f.subjectKind || sec.kind === f.subjectKind) &&
        (f.subjectId === undefined || sec.id === f.subjectId) &&
        (!f.subjectRef || sec.ref === f.subjectRef)
      ) {
        kept.push(text.slice(at + 1, next === -1 ? text.length : next));
        first ??= sec;
      }
    }
    at = next;
  }
  if (!first) return r;
  return { ...r, subjectKind: first.kind, subjectId: first.id, subjectRef: first.ref, after: kept.join('\n') };
}
/** Where a section of a bulk entry begins (BULK_HEAD): the newline before its `S` line. */
const SECTION = '\nS\t';
/** The query listAuditRows runs for a filter (a test reads its plan: a subject's entries are found by index). */
export function auditListQuery(db: Database.Database, f: AuditFilter = {}): { sql: string; params: Record<string, unknown> } {
  const w = auditWhere(db, f);
  const v = valuesOf(db);
  const sql = `SELECT ${entryColumns('a.')}, ${v.cols}
    FROM audit_log a ${v.join}
    ${w.sql} ORDER BY a.seq ${f.order === 'desc' ? 'DESC' : 'ASC'}${f.limit ? ` LIMIT ${Math.floor(f.limit)}` : ''}`;
  return { sql, params: w.params };
}
export function listAuditRows(db: Database.Database, f: AuditFilter = {}): AuditRow[] {
  const q = auditListQuery(db, f);
  return db
    .prepare(q.sql)
    .all(q.params)
    .map((r) => bulkFor({ ...(r as AuditRow), erased: Boolean((r as { erased: number }).erased) }, f));
}
export function countAuditRows(db: Database.Database, f: AuditFilter = {}): number {
  const w = auditWhere(db, f);
  return (db.prepare(`SELECT count(*) AS n FROM audit_log a ${w.sql}`).get(w.params) as { n: number }).n;
}
/** Everyone the trail names, alphabetically. */
export function auditPeople(db: Database.Database): string[] {
  return db.prepare<[], string>('SELECT DISTINCT who FROM audit_log ORDER BY who COLLATE NOCASE').pluck().all();
}

/**
 * Erases the before/after values of every entry about one subject (a case past retention):
 * the entries and their hashes stay, so the chain still verifies; the erasure is an entry too.
 */
export function eraseAuditValues(db: Database.Database, subjectKind: string, subjectId: number, ref: string | null): number {
  return eraseAuditValuesOf(db, subjectKind, [{ id: subjectId, ref }])[0];
}

/**
 * eraseAuditValues for many subjects of one kind (every case past retention) in one pass over the
 * trail; returns how many entries of each were erased, in the order given. The entries are found by
 * their own columns, reading the whole trail rather than the subject index, so an erasure reaches
 * every entry about them whatever the index says; once for the lot, not once a case (a retention
 * run deletes hundreds). A bulk entry holds no values about anyone to erase.
 */
export function eraseAuditValuesOf(db: Database.Database, subjectKind: string, subjects: readonly { id: number; ref: string | null }[]): number[] {
  if (!subjects.length) return [];
  const erased = new Map<number, number>();
  erasing.add(db);
  try {
    if (valuesInEntries(db)) {
      const ids = db
        .prepare<[string, string], number>(
          'UPDATE audit_log SET before = NULL, after = NULL, erased = 1 WHERE subject_kind = ? AND subject_id IN (SELECT value FROM json_each(?)) AND erased = 0 RETURNING subject_id',
        )
        .pluck()
        .all(subjectKind, JSON.stringify(subjects.map((x) => x.id)));
      for (const id of ids) erased.set(id, (erased.get(id) ?? 0) + 1);
    } else {
      const gone = db.prepare('DELETE FROM audit_values WHERE seq IN (SELECT seq FROM audit_log WHERE subject_kind = ? AND subject_id = ?)');
      for (const x of subjects) erased.set(x.id, gone.run(subjectKind, x.id).changes);
    }
  } finally {
    erasing.delete(db);
  }
  for (const x of subjects)
    auditEvent(db, 'erase', { reason: 'retention', entries: erased.get(x.id) ?? 0 }, { kind: subjectKind, id: x.id, ...(x.ref ? { ref: x.ref } : {}) });
  return subjects.map((x) => erased.get(x.id) ?? 0);
}
