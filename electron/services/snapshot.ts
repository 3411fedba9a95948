// Loads the whole firm as one plain snapshot — what the compliance engine, the packs and
// the firm-file export read. A handful of queries, no N+1. The big tables (records, cases,
// instructions, handovers) are read with statements of their own, prepared once per
// connection and selecting only the columns the snapshot holds: drizzle's select().all()
// maps every column of every row through its column objects, and at firm scale (40,000
// records, 20,000 cases) that mapping and the rows' unused timestamps cost more than the
// read itself. The rows still go through the same mappers (readPayload, toCaseDetails,
// toInstruction, toHandover), so the snapshot is exactly what drizzle's rows made.
// The one-person, one-supplier and firm loaders file their rows with the same code.
import type Database from 'better-sqlite3';
import { asc } from 'drizzle-orm';
import { staff, suppliers, type caseHandovers, type caseInstructions, type cases, type contacts } from '../../db/schema';
import {
  STAFF_LISTS,
  SUPPLIER_LISTS,
  type CaseSnapshot,
  type EvidenceMeta,
  type FirmInfo,
  type FirmSnapshot,
  type InstructingParty,
  type Policy,
  type RecordKind,
  type RecordPayload,
  type StaffSnapshot,
  type Stored,
  type SupplierSnapshot,
} from '../contract/model';
import type { Ctx } from './context';
import { evidenceByRecord } from './evidence/evidence';
import { readPayload, type StoredPayloadRow } from './evidence/payloads';
import { getFirm } from './firm/firm';
import { staffRowByRef, toStaffDetails } from './staff/staff';
import { supplierRowByRef, toSupplierDetails } from './suppliers/suppliers';
import { toCaseDetails, toHandover, toInstruction } from './cases/caseRows';

type Lists = Record<string, RecordKind>;
/** A snapshot's evidence lists, typed from the list → kind table (STAFF_LISTS, SUPPLIER_LISTS). */
type ListsOf<L extends Lists> = { -readonly [F in keyof L]: Stored<RecordPayload<L[F]>>[] };

/** Every list of `lists`, empty (also a colleague named in a pack: their details, none of their records). */
export function emptyLists<L extends Lists>(lists: L): ListsOf<L> {
  const out: Partial<ListsOf<L>> = {};
  for (const field of keysOf(lists)) out[field] = [];
  return out as ListsOf<L>; // every key was just set
}
function keysOf<L extends Lists>(lists: L): (keyof L & string)[] {
  return Object.keys(lists);
}

// ---------- the statements, one set per connection ----------
// Column names are aliased to the drizzle names (db/schema.ts) the mappers read. Boolean and
// JSON columns come back as SQLite stores them (0/1, text) and are converted below as
// drizzle's boolean and json modes convert them.
const RECORD_COLUMNS = 'id, kind, staff_id AS staffId, supplier_id AS supplierId, data, data_version AS dataVersion';
const SQL = {
  allRecords: `SELECT ${RECORD_COLUMNS} FROM records ORDER BY id`,
  supplierOwnedRecords: `SELECT ${RECORD_COLUMNS} FROM records WHERE supplier_id IS NOT NULL ORDER BY id`,
  staffRecords: `SELECT ${RECORD_COLUMNS} FROM records WHERE staff_id = ? ORDER BY id`,
  supplierRecords: `SELECT ${RECORD_COLUMNS} FROM records WHERE supplier_id = ? ORDER BY id`,
  policies: `SELECT ${RECORD_COLUMNS} FROM records WHERE staff_id IS NULL AND supplier_id IS NULL AND kind = 'policy' ORDER BY id`,
  staffRefs: 'SELECT id, ref FROM staff',
  supplierRefs: 'SELECT id, ref FROM suppliers',
  contacts: 'SELECT id, name, kind, contact FROM contacts',
  cases:
    'SELECT id, ref, initials, case_manager_id AS caseManagerId, contact_id AS contactId, funding, injury, complexity, status, ' +
    'closed_reason AS closedReason, referred_on AS referredOn, opened_on AS openedOn, closed_on AS closedOn, practice, journey FROM cases ORDER BY ref',
  instructions:
    'SELECT case_id AS caseId, supplier_id AS supplierId, "on", service, override_reason AS overrideReason, invoices ' +
    'FROM case_instructions ORDER BY "on", id',
  handovers:
    'SELECT case_id AS caseId, "on", from_staff_id AS fromStaffId, to_staff_id AS toStaffId, reason, joint_working_days AS jointWorkingDays, ' +
    'client_informed AS clientInformed, note FROM case_handovers ORDER BY "on", id',
} as const;
type Statements = { -readonly [K in keyof typeof SQL]: Database.Statement };
const prepared = new WeakMap<Database.Database, Statements>();
// The whole-firm statements give rows as arrays (better-sqlite3's raw mode), in their SELECT's
// column order, and the tuples below turn them into the mappers' objects: the native side makes
// an array per row far faster than an object with a named property per column (at the bench's
// firm, 60,000 records and 20,000 cases read 0.1 s sooner on the first load after unlock).
const RAW = new Set<keyof typeof SQL>(['allRecords', 'supplierOwnedRecords', 'cases', 'instructions', 'handovers']);

/** A records row from a raw statement: RECORD_COLUMNS' order. */
type RecordTuple = [number, string, number | null, number | null, string, number];
const recordRow = (a: RecordTuple): StoredPayloadRow => ({ id: a[0], kind: a[1], staffId: a[2], supplierId: a[3], data: a[4], dataVersion: a[5] });

function statements(ctx: Ctx): Statements {
  const db = ctx.vault.sqlite;
  let s = prepared.get(db);
  if (!s) {
    const out: Partial<Statements> = {};
    for (const k of Object.keys(SQL) as (keyof typeof SQL)[]) out[k] = RAW.has(k) ? db.prepare(SQL[k]).raw(true) : db.prepare(SQL[k]);
    prepared.set(db, (s = out as Statements));
  }
  return s;
}

/** drizzle's json mode: null stays null, text is parsed. */
const json = <T>(v: unknown): T => (v === null ? null : JSON.parse(v as string)) as T;

// ---------- records into lists ----------
/** Files records into their lists by kind (rows of kinds the table does not list are left out). */
class ListFiler<L extends Lists> {
  private readonly fieldOf = new Map<string, keyof L & string>();
  constructor(
    private readonly ctx: Ctx,
    private readonly lists: L,
    private readonly evidence: Map<number, EvidenceMeta[]>,
  ) {
    for (const field of keysOf(lists)) this.fieldOf.set(lists[field], field);
  }

  /** The list a record of this kind belongs in, if any. */
  fieldFor(kind: string): (keyof L & string) | undefined {
    return this.fieldOf.get(kind);
  }

  add(into: ListsOf<L>, field: keyof L & string, row: StoredPayloadRow): void {
    into[field].push(storedRecord(this.ctx, row, this.lists[field], this.evidence));
  }
}

/**
 * One record as a snapshot holds it: its payload (checked to be of `kind` and validated by
 * readPayload) with its id and evidence. readPayload gives a fresh object (parsed from the
 * row's text), so id and evidence are set on it rather than copied into another: the same
 * keys in the same order as `{ ...payload, id, evidence }`, one object fewer per record.
 */
function storedRecord<K extends RecordKind>(ctx: Ctx, row: StoredPayloadRow, kind: K, evidence: Map<number, EvidenceMeta[]>): Stored<RecordPayload<K>> {
  const out = readPayload(ctx, row, kind) as Stored<RecordPayload<K>>;
  out.id = row.id;
  out.evidence = evidence.get(row.id) ?? NO_EVIDENCE;
  return out;
}

// Most records have no evidence file and most cases no instruction or handover: they share one
// frozen empty list each instead of an array apiece (at firm scale, some 75,000 fewer objects for
// the garbage collector to copy on the first load after unlock). Frozen, so a caller that tried to
// add to one would throw rather than add to every record's list.
const NO_EVIDENCE = Object.freeze([]) as unknown as EvidenceMeta[];
const NO_INSTRUCTIONS = Object.freeze([]) as unknown as CaseSnapshot['instructions'];
const NO_HANDOVERS = Object.freeze([]) as unknown as CaseSnapshot['handovers'];
/** The records of `rows` in the lists of `lists`, with their evidence. */
function listsOf<L extends Lists>(ctx: Ctx, rows: StoredPayloadRow[], lists: L): ListsOf<L> {
  const filer = new ListFiler(
    ctx,
    lists,
    evidenceByRecord(
      ctx,
      rows.map((r) => r.id),
    ),
  );
  const out = emptyLists(lists);
  for (const r of rows) {
    const field = filer.fieldFor(r.kind);
    if (field !== undefined) filer.add(out, field, r);
  }
  return out;
}

/** One staff member with every evidence list: reads only their records (the profile page). */
export function loadStaffSnapshot(ctx: Ctx, ref: string): StaffSnapshot {
  const row = staffRowByRef(ctx, ref);
  return { ...toStaffDetails(row), ...listsOf(ctx, statements(ctx).staffRecords.all(row.id) as StoredPayloadRow[], STAFF_LISTS) };
}

/** One supplier with every vetting list: reads only its records. */
export function loadSupplierSnapshot(ctx: Ctx, ref: string): SupplierSnapshot {
  const row = supplierRowByRef(ctx, ref);
  return { ...toSupplierDetails(row), ...listsOf(ctx, statements(ctx).supplierRecords.all(row.id) as StoredPayloadRow[], SUPPLIER_LISTS) };
}

/** The firm's details, settings and policies (its own records): what FirmSnapshot['firm'] holds. */
export function loadFirmInfo(ctx: Ctx): FirmInfo {
  const f = getFirm(ctx);
  const rows = statements(ctx).policies.all() as StoredPayloadRow[];
  const ev = evidenceByRecord(
    ctx,
    rows.map((r) => r.id),
  );
  const policies: Stored<Policy>[] = rows.map((r) => storedRecord(ctx, r, 'policy', ev));
  return { name: f.name, address: f.address, codeOfConductSignatory: f.codeOfConductSignatory, settings: f.settings, policies };
}

// ---------- cases ----------
type ContactRow = Pick<typeof contacts.$inferSelect, 'id' | 'name' | 'kind' | 'contact'>;
type InstructionRow = Pick<typeof caseInstructions.$inferSelect, 'caseId' | 'supplierId' | 'on' | 'service' | 'overrideReason' | 'invoices'>;
type HandoverRow = Omit<typeof caseHandovers.$inferSelect, 'id' | 'createdAt' | 'updatedAt'>;
type CaseColumns = Omit<typeof cases.$inferSelect, 'createdAt' | 'updatedAt'>;
type Tuple<T, K extends readonly (keyof T)[]> = { [I in keyof K]: K[I] extends keyof T ? T[K[I]] : never };
/** SQL.instructions' columns, in order (invoices still JSON text). */
type InstructionTuple = [...Tuple<InstructionRow, ['caseId', 'supplierId', 'on', 'service', 'overrideReason']>, string | null];
/** SQL.handovers' columns, in order (client_informed still 0/1). */
type HandoverTuple = [...Tuple<HandoverRow, ['caseId', 'on', 'fromStaffId', 'toStaffId', 'reason', 'jointWorkingDays']>, number, HandoverRow['note']];
/** SQL.cases' columns, in order (practice and journey still JSON text). */
type CaseTuple = [
  ...Tuple<
    CaseColumns,
    ['id', 'ref', 'initials', 'caseManagerId', 'contactId', 'funding', 'injury', 'complexity', 'status', 'closedReason', 'referredOn', 'openedOn', 'closedOn']
  >,
  string | null,
  string | null,
];

/** Adds `v` to the list `m` keeps under `k`, starting the list if there is none. */
function pushTo<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

/** Every case as the engine sees it, in ref order; the refs maps are read here unless given (loadSnapshot has them). */
export function loadCases(ctx: Ctx, refs?: { staff: Map<number, string>; suppliers: Map<number, string> }): CaseSnapshot[] {
  const q = statements(ctx);
  const refMap = (st: Database.Statement) => new Map((st.raw().all() as [number, string][]).map(([id, ref]) => [id, ref]));
  const staffRef = refs?.staff ?? refMap(q.staffRefs);
  const supplierRef = refs?.suppliers ?? refMap(q.supplierRefs);
  const contactById = new Map<number, ContactRow>();
  for (const c of q.contacts.all() as ContactRow[]) contactById.set(c.id, c);

  const instr = new Map<number, CaseSnapshot['instructions']>();
  // iterate(), not all(): each row dies young instead of living (and being copied by the
  // garbage collector) until the last row is read. Nothing here queries while iterating.
  // Each tuple is in its SELECT's column order (SQL above); the objects carry the drizzle names.
  for (const a of q.instructions.iterate() as IterableIterator<InstructionTuple>) {
    const i: InstructionRow = { caseId: a[0], supplierId: a[1], on: a[2], service: a[3], overrideReason: a[4], invoices: json(a[5]) };
    pushTo(instr, i.caseId, toInstruction(i, supplierRef.get(i.supplierId)!));
  }
  const hand = new Map<number, CaseSnapshot['handovers']>();
  for (const a of q.handovers.iterate() as IterableIterator<HandoverTuple>) {
    const h: HandoverRow = {
      caseId: a[0],
      on: a[1],
      fromStaffId: a[2],
      toStaffId: a[3],
      reason: a[4],
      jointWorkingDays: a[5],
      clientInformed: Number(a[6]) === 1, // NOT NULL: drizzle's boolean mode without its null
      note: a[7],
    };
    pushTo(hand, h.caseId, toHandover(h, staffRef));
  }
  const out: CaseSnapshot[] = [];
  const parties = new Map<number, InstructingParty>();
  for (const a of q.cases.iterate() as IterableIterator<CaseTuple>) {
    const c: CaseColumns = {
      id: a[0],
      ref: a[1],
      initials: a[2],
      caseManagerId: a[3],
      contactId: a[4],
      funding: a[5],
      injury: a[6],
      complexity: a[7],
      status: a[8],
      closedReason: a[9],
      referredOn: a[10],
      openedOn: a[11],
      closedOn: a[12],
      practice: json(a[13]),
      journey: json(a[14]),
    };
    const snap = toCaseDetails(c, staffRef, contactById, parties) as CaseSnapshot;
    snap.instructions = instr.get(c.id) ?? NO_INSTRUCTIONS;
    snap.handovers = hand.get(c.id) ?? NO_HANDOVERS;
    out.push(snap);
  }
  return out;
}

// ---------- the whole firm ----------
/**
 * The whole firm. With `cases: false` no case is read and `cases` is empty; with `staff: false`
 * no person or their records, and `staff` is empty (the supplier list's first load needs neither).
 */
export function loadSnapshot(ctx: Ctx, want: { cases?: boolean; staff?: boolean } = {}): FirmSnapshot {
  const withStaff = want.staff !== false;
  const ev = evidenceByRecord(ctx);
  const staffFiler = new ListFiler(ctx, STAFF_LISTS, ev);
  const supplierFiler = new ListFiler(ctx, SUPPLIER_LISTS, ev);
  const byStaff = new Map<number, ListsOf<typeof STAFF_LISTS>>();
  const bySupplier = new Map<number, ListsOf<typeof SUPPLIER_LISTS>>();
  const fileOne = (r: StoredPayloadRow) => {
    if (r.staffId !== null) {
      const field = staffFiler.fieldFor(r.kind);
      if (field === undefined) return;
      let lists = byStaff.get(r.staffId);
      if (!lists) byStaff.set(r.staffId, (lists = emptyLists(STAFF_LISTS)));
      staffFiler.add(lists, field, r);
    } else if (r.supplierId !== null) {
      const field = supplierFiler.fieldFor(r.kind);
      if (field === undefined) return;
      let lists = bySupplier.get(r.supplierId);
      if (!lists) bySupplier.set(r.supplierId, (lists = emptyLists(SUPPLIER_LISTS)));
      supplierFiler.add(lists, field, r);
    }
  };
  // Iterated, so each row dies young (see loadCases). A record that fails to read is named by
  // readPayload with another query, which better-sqlite3 refuses while an iteration holds the
  // connection: so the iteration stops there and that record is read again once it has ended,
  // giving readPayload's own error (naming the record, its owner and the field).
  let failed: StoredPayloadRow | undefined;
  const q = statements(ctx);
  for (const a of (withStaff ? q.allRecords : q.supplierOwnedRecords).iterate() as IterableIterator<RecordTuple>) {
    const r = recordRow(a);
    try {
      fileOne(r);
    } catch {
      failed = r;
      break;
    }
  }
  if (failed) {
    fileOne(failed);
    throw new Error(`Record ${failed.id} could not be read the first time but could the second.`); // not reached: readPayload is deterministic
  }
  const staffRows = withStaff ? ctx.vault.orm.select().from(staff).orderBy(asc(staff.ref)).all() : [];
  const staffSnaps: StaffSnapshot[] = staffRows.map((s) => ({ ...toStaffDetails(s), ...(byStaff.get(s.id) ?? emptyLists(STAFF_LISTS)) }));
  const supplierRows = ctx.vault.orm.select().from(suppliers).orderBy(asc(suppliers.ref)).all();
  const supplierSnaps: SupplierSnapshot[] = supplierRows.map((s) => ({ ...toSupplierDetails(s), ...(bySupplier.get(s.id) ?? emptyLists(SUPPLIER_LISTS)) }));
  const refs = { staff: new Map(staffRows.map((s) => [s.id, s.ref])), suppliers: new Map(supplierRows.map((s) => [s.id, s.ref])) };
  return {
    firm: loadFirmInfo(ctx),
    staff: staffSnaps,
    suppliers: supplierSnaps,
    cases: want.cases === false ? [] : loadCases(ctx, withStaff ? refs : undefined),
  };
}
