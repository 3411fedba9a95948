// The whole-firm loader as it was before it read the big tables with statements of its own
// (electron/services/snapshot.ts before issue 9's last speed-up): every table through
// drizzle's select().all(). Kept only as the reference the new loader must equal, row for row
// and key for key (tests/unit/snapshot-loader.test.ts), and to time one against the other
// (tests/bench/profile-firm.ts). Not used by the app.
import { and, eq, isNull, type SQL } from 'drizzle-orm';
import { caseHandovers, caseInstructions, cases, contacts, records, staff, suppliers } from '../../db/schema';
import {
  STAFF_LISTS,
  SUPPLIER_LISTS,
  type CaseSnapshot,
  type EvidenceMeta,
  type FirmInfo,
  type FirmSnapshot,
  type Policy,
  type RecordKind,
  type RecordPayload,
  type StaffSnapshot,
  type Stored,
  type SupplierSnapshot,
} from '../../electron/contract/model';
import type { Ctx } from '../../electron/services/context';
import { evidenceByRecord } from '../../electron/services/evidence/evidence';
import { readPayload } from '../../electron/services/evidence/payloads';
import { getFirm } from '../../electron/services/firm/firm';
import { staffRowByRef, toStaffDetails } from '../../electron/services/staff/staff';
import { supplierRowByRef, toSupplierDetails } from '../../electron/services/suppliers/suppliers';
import { toCaseDetails, toHandover, toInstruction } from '../../electron/services/cases/caseRows';

type Lists = Record<string, RecordKind>;
/** A snapshot's evidence lists, typed from the list → kind table (STAFF_LISTS, SUPPLIER_LISTS). */
type ListsOf<L extends Lists> = { -readonly [F in keyof L]: Stored<RecordPayload<L[F]>>[] };
type RecordRow = typeof records.$inferSelect;

/** Every list of `lists`, empty (also a colleague named in a pack: their details, none of their records). */
function emptyLists<L extends Lists>(lists: L): ListsOf<L> {
  const out: Partial<ListsOf<L>> = {};
  for (const field of keysOf(lists)) out[field] = [];
  return out as ListsOf<L>; // every key was just set
}
function keysOf<L extends Lists>(lists: L): (keyof L & string)[] {
  return Object.keys(lists);
}

/** Files `rows` into their lists by kind (rows of kinds the table does not list are left out). */
class ListFiler<L extends Lists> {
  private readonly fieldOf = new Map<string, keyof L & string>();
  constructor(
    private readonly ctx: Ctx,
    private readonly lists: L,
    private readonly evidence: Map<number, EvidenceMeta[]>,
  ) {
    for (const field of keysOf(lists)) this.fieldOf.set(lists[field], field);
  }

  /** Whether records of this kind belong in one of the lists. */
  has(kind: string): boolean {
    return this.fieldOf.has(kind);
  }

  add(into: ListsOf<L>, row: RecordRow): void {
    const field = this.fieldOf.get(row.kind);
    if (field !== undefined) this.push(into, field, row);
  }

  private push<F extends keyof L & string>(into: ListsOf<L>, field: F, row: RecordRow): void {
    // readPayload checks the row is of the list's kind and validates it against that kind's schema.
    into[field].push({ ...readPayload(this.ctx, row, this.lists[field]), id: row.id, evidence: this.evidence.get(row.id) ?? [] });
  }
}

/** One staff member with every evidence list: reads only their records (the profile page). */
export function drizzleStaffSnapshot(ctx: Ctx, ref: string): StaffSnapshot {
  const row = staffRowByRef(ctx, ref);
  return { ...toStaffDetails(row), ...listsOf(ctx, eq(records.staffId, row.id), STAFF_LISTS) };
}

/** One supplier with every vetting list: reads only its records. */
export function drizzleSupplierSnapshot(ctx: Ctx, ref: string): SupplierSnapshot {
  const row = supplierRowByRef(ctx, ref);
  return { ...toSupplierDetails(row), ...listsOf(ctx, eq(records.supplierId, row.id), SUPPLIER_LISTS) };
}

function listsOf<L extends Lists>(ctx: Ctx, where: SQL, lists: L): ListsOf<L> {
  const rows = ctx.vault.orm.select().from(records).where(where).orderBy(records.id).all();
  const filer = new ListFiler(
    ctx,
    lists,
    evidenceByRecord(
      ctx,
      rows.map((r) => r.id),
    ),
  );
  const out = emptyLists(lists);
  for (const r of rows) filer.add(out, r);
  return out;
}

/** The firm's details, settings and policies (its own records): what FirmSnapshot['firm'] holds. */
export function drizzleFirmInfo(ctx: Ctx): FirmInfo {
  const f = getFirm(ctx);
  const rows = ctx.vault.orm
    .select()
    .from(records)
    .where(and(isNull(records.staffId), isNull(records.supplierId), eq(records.kind, 'policy')))
    .orderBy(records.id)
    .all();
  const ev = evidenceByRecord(
    ctx,
    rows.map((r) => r.id),
  );
  const policies: Stored<Policy>[] = rows.map((r) => ({ ...readPayload(ctx, r, 'policy'), id: r.id, evidence: ev.get(r.id) ?? [] }));
  return { name: f.name, address: f.address, codeOfConductSignatory: f.codeOfConductSignatory, settings: f.settings, policies };
}

/** Every case as the engine sees it, in ref order; the refs maps are read here unless given (loadSnapshot has them). */
export function drizzleCases(ctx: Ctx, refs?: { staff: Map<number, string>; suppliers: Map<number, string> }): CaseSnapshot[] {
  const { orm } = ctx.vault;
  const refMap = (rows: { id: number; ref: string }[]) => new Map(rows.map((r) => [r.id, r.ref]));
  const staffRef = refs?.staff ?? refMap(orm.select({ id: staff.id, ref: staff.ref }).from(staff).all());
  const supplierRef = refs?.suppliers ?? refMap(orm.select({ id: suppliers.id, ref: suppliers.ref }).from(suppliers).all());
  const contactById = new Map(
    orm
      .select()
      .from(contacts)
      .all()
      .map((c) => [c.id, c]),
  );
  const instr = new Map<number, CaseSnapshot['instructions']>();
  for (const i of orm.select().from(caseInstructions).orderBy(caseInstructions.on, caseInstructions.id).all()) {
    const list = instr.get(i.caseId) ?? [];
    list.push(toInstruction(i, supplierRef.get(i.supplierId)!));
    instr.set(i.caseId, list);
  }
  const hand = new Map<number, CaseSnapshot['handovers']>();
  for (const h of orm.select().from(caseHandovers).orderBy(caseHandovers.on, caseHandovers.id).all()) {
    const list = hand.get(h.caseId) ?? [];
    list.push(toHandover(h, staffRef));
    hand.set(h.caseId, list);
  }
  return orm
    .select()
    .from(cases)
    .orderBy(cases.ref)
    .all()
    .map((c) => ({
      ...toCaseDetails(c, staffRef, contactById),
      instructions: instr.get(c.id) ?? [],
      handovers: hand.get(c.id) ?? [],
    }));
}

export function drizzleSnapshot(ctx: Ctx): FirmSnapshot {
  const { orm } = ctx.vault;
  const ev = evidenceByRecord(ctx);
  const staffFiler = new ListFiler(ctx, STAFF_LISTS, ev);
  const supplierFiler = new ListFiler(ctx, SUPPLIER_LISTS, ev);
  const byStaff = new Map<number, ListsOf<typeof STAFF_LISTS>>();
  const bySupplier = new Map<number, ListsOf<typeof SUPPLIER_LISTS>>();
  for (const r of orm.select().from(records).orderBy(records.id).all()) {
    if (r.staffId !== null) {
      if (!staffFiler.has(r.kind)) continue;
      const lists = byStaff.get(r.staffId) ?? emptyLists(STAFF_LISTS);
      byStaff.set(r.staffId, lists);
      staffFiler.add(lists, r);
    } else if (r.supplierId !== null) {
      if (!supplierFiler.has(r.kind)) continue;
      const lists = bySupplier.get(r.supplierId) ?? emptyLists(SUPPLIER_LISTS);
      bySupplier.set(r.supplierId, lists);
      supplierFiler.add(lists, r);
    }
  }
  const staffRows = orm.select().from(staff).orderBy(staff.ref).all();
  const staffSnaps: StaffSnapshot[] = staffRows.map((s) => ({ ...toStaffDetails(s), ...(byStaff.get(s.id) ?? emptyLists(STAFF_LISTS)) }));
  const supplierRows = orm.select().from(suppliers).orderBy(suppliers.ref).all();
  const supplierSnaps: SupplierSnapshot[] = supplierRows.map((s) => ({ ...toSupplierDetails(s), ...(bySupplier.get(s.id) ?? emptyLists(SUPPLIER_LISTS)) }));
  const refs = { staff: new Map(staffRows.map((s) => [s.id, s.ref])), suppliers: new Map(supplierRows.map((s) => [s.id, s.ref])) };
  return { firm: drizzleFirmInfo(ctx), staff: staffSnaps, suppliers: supplierSnaps, cases: drizzleCases(ctx, refs) };
}
