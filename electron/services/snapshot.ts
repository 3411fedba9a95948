// Loads the whole firm as one plain snapshot — what the compliance engine, the packs and
// the firm-file export read. A handful of queries, no N+1: fast enough for every screen.
import { eq, type SQL } from 'drizzle-orm';
import { caseHandovers, caseInstructions, cases, contacts, records, staff, suppliers } from '../../db/schema';
import {
  STAFF_LISTS,
  SUPPLIER_LISTS,
  type CaseSnapshot,
  type EvidenceMeta,
  type FirmSnapshot,
  type StaffSnapshot,
  type SupplierSnapshot,
} from '../contract/model';
import type { Ctx } from './context';
import { evidenceByRecord } from './evidence/evidence';
import { readPayload } from './evidence/payloads';
import { getFirm } from './firm/firm';
import { staffRowByRef, toStaffDetails } from './staff/staff';
import { supplierRowByRef, toSupplierDetails } from './suppliers/suppliers';
import { instructionOf, toCaseDetails, toHandover } from './cases/caseRows';

type Item = Record<string, unknown> & { id: number; evidence: EvidenceMeta[] };

function invert<T extends Record<string, string>>(o: T): Record<string, keyof T> {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [v, k]));
}
const STAFF_FIELD_OF = invert(STAFF_LISTS);
const SUPPLIER_FIELD_OF = invert(SUPPLIER_LISTS);

/** One staff member with every evidence list: reads only their records (the profile page). */
export function loadStaffSnapshot(ctx: Ctx, ref: string): StaffSnapshot {
  const row = staffRowByRef(ctx, ref);
  const lists = listsOf(ctx, eq(records.staffId, row.id), STAFF_FIELD_OF);
  return { ...toStaffDetails(row), ...emptyLists(STAFF_LISTS), ...lists } as unknown as StaffSnapshot;
}

/** One supplier with every vetting list: reads only its records. */
export function loadSupplierSnapshot(ctx: Ctx, ref: string): SupplierSnapshot {
  const row = supplierRowByRef(ctx, ref);
  const lists = listsOf(ctx, eq(records.supplierId, row.id), SUPPLIER_FIELD_OF);
  return { ...toSupplierDetails(row), ...emptyLists(SUPPLIER_LISTS), ...lists } as unknown as SupplierSnapshot;
}

function listsOf(ctx: Ctx, where: SQL, fieldOf: Record<string, string | number | symbol>): Record<string, Item[]> {
  const rows = ctx.vault.orm.select().from(records).where(where).orderBy(records.id).all();
  const ev = evidenceByRecord(
    ctx,
    rows.map((r) => r.id),
  );
  const out: Record<string, Item[]> = {};
  for (const r of rows) {
    const field = fieldOf[r.kind] as string | undefined;
    if (field) (out[field] ??= []).push({ ...readPayload(ctx, r), id: r.id, evidence: ev.get(r.id) ?? [] });
  }
  return out;
}

export function loadSnapshot(ctx: Ctx): FirmSnapshot {
  const { orm } = ctx.vault;
  const ev = evidenceByRecord(ctx);
  const byStaff = new Map<number, Record<string, Item[]>>();
  const bySupplier = new Map<number, Record<string, Item[]>>();
  const policies: Item[] = [];
  for (const r of orm.select().from(records).orderBy(records.id).all()) {
    const item: Item = { ...readPayload(ctx, r), id: r.id, evidence: ev.get(r.id) ?? [] };
    if (r.staffId !== null) push(byStaff, r.staffId, STAFF_FIELD_OF[r.kind] as string, item);
    else if (r.supplierId !== null) push(bySupplier, r.supplierId, SUPPLIER_FIELD_OF[r.kind] as string, item);
    else if (r.kind === 'policy') policies.push(item);
  }
  const staffRows = orm.select().from(staff).orderBy(staff.ref).all();
  const staffRef = new Map(staffRows.map((s) => [s.id, s.ref]));
  const staffSnaps: StaffSnapshot[] = staffRows.map((s) => ({
    ...toStaffDetails(s),
    ...emptyLists(STAFF_LISTS),
    ...(byStaff.get(s.id) ?? {}),
  })) as unknown as StaffSnapshot[];
  const supplierRows = orm.select().from(suppliers).orderBy(suppliers.ref).all();
  const supplierRef = new Map(supplierRows.map((s) => [s.id, s.ref]));
  const supplierSnaps = supplierRows.map((s) => ({
    ...toSupplierDetails(s),
    ...emptyLists(SUPPLIER_LISTS),
    ...(bySupplier.get(s.id) ?? {}),
  })) as unknown as SupplierSnapshot[];

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
    list.push(instructionOf(i, supplierRef.get(i.supplierId)!));
    instr.set(i.caseId, list);
  }
  const hand = new Map<number, CaseSnapshot['handovers']>();
  for (const h of orm.select().from(caseHandovers).orderBy(caseHandovers.on, caseHandovers.id).all()) {
    const list = hand.get(h.caseId) ?? [];
    list.push(toHandover(h, staffRef));
    hand.set(h.caseId, list);
  }
  const caseSnaps: CaseSnapshot[] = orm
    .select()
    .from(cases)
    .orderBy(cases.ref)
    .all()
    .map((c) => ({
      ...toCaseDetails(c, staffRef, contactById),
      instructions: instr.get(c.id) ?? [],
      handovers: hand.get(c.id) ?? [],
    }));

  const f = getFirm(ctx);
  return {
    firm: {
      name: f.name,
      address: f.address,
      codeOfConductSignatory: f.codeOfConductSignatory,
      settings: f.settings,
      policies: policies as unknown as FirmSnapshot['firm']['policies'],
    },
    staff: staffSnaps,
    suppliers: supplierSnaps,
    cases: caseSnaps,
  };
}

function push(map: Map<number, Record<string, Item[]>>, owner: number, field: string, item: Item): void {
  if (!field) return;
  const lists = map.get(owner) ?? {};
  (lists[field] ??= []).push(item);
  map.set(owner, lists);
}
function emptyLists(o: Record<string, string>): Record<string, never[]> {
  return Object.fromEntries(Object.keys(o).map((k) => [k, []]));
}
