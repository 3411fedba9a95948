// Loading one case (or a few) without loading the whole firm: what the case page, the
// instruction check and the handover need, in a handful of indexed queries.
import { eq, inArray } from 'drizzle-orm';
import { caseHandovers, caseInstructions, cases, contacts, records, staff, suppliers } from '../../../db/schema';
import { SUPPLIER_LISTS, type CaseSnapshot, type FirmSnapshot, type Stored, type SupplierSnapshot } from '../../contract/model';
import type { Ctx } from '../context';
import { notFound } from '../errors';
import { getFirm } from '../firm/firm';
import { toSupplierDetails, type SupplierRow } from '../suppliers/suppliers';
import { instructionOf, toCaseDetails, toHandover, type CaseRow } from './caseRows';
import { readPayload } from '../evidence/payloads';

/** Record kind -> supplier snapshot list. */
const FIELD_OF: Record<string, string> = Object.fromEntries(Object.entries(SUPPLIER_LISTS).map(([field, kind]) => [kind, field]));

export function caseRowByRef(ctx: Ctx, ref: string): CaseRow {
  const row = ctx.vault.orm.select().from(cases).where(eq(cases.ref, ref)).get();
  if (!row) throw notFound(`Case ${ref}`);
  return row;
}

/** Staff ref and name by id (the firm has tens or hundreds of staff, not thousands). */
export function staffById(ctx: Ctx): Map<number, { ref: string; name: string }> {
  return new Map(
    ctx.vault.orm
      .select({ id: staff.id, ref: staff.ref, name: staff.name })
      .from(staff)
      .all()
      .map((s) => [s.id, { ref: s.ref, name: s.name }]),
  );
}

/** The case as the engine sees it, with its instructions and handovers (oldest first). */
export function loadCase(ctx: Ctx, row: CaseRow, people = staffById(ctx)): CaseSnapshot {
  const { orm } = ctx.vault;
  const staffRef = new Map([...people].map(([id, s]) => [id, s.ref]));
  const contact = orm.select().from(contacts).where(eq(contacts.id, row.contactId)).get()!;
  const instructions = orm
    .select({ i: caseInstructions, supplierRef: suppliers.ref })
    .from(caseInstructions)
    .innerJoin(suppliers, eq(suppliers.id, caseInstructions.supplierId))
    .where(eq(caseInstructions.caseId, row.id))
    .orderBy(caseInstructions.on, caseInstructions.id)
    .all()
    .map(({ i, supplierRef }) => instructionOf(i, supplierRef));
  const handovers = orm
    .select()
    .from(caseHandovers)
    .where(eq(caseHandovers.caseId, row.id))
    .orderBy(caseHandovers.on, caseHandovers.id)
    .all()
    .map((h) => toHandover(h, staffRef));
  return { ...toCaseDetails(row, staffRef, new Map([[contact.id, contact]])), instructions, handovers };
}

/**
 * Suppliers with their vetting records: what supplierApprovalOn and CASE-SUPPLIERS-VETTED read
 * (v2 judges indemnity, fitness to practise, DBS and exemptions on each instruction's date too).
 */
export function suppliersForVetting(ctx: Ctx, where: { refs: string[] } | { ids: number[] }): SupplierSnapshot[] {
  const { orm } = ctx.vault;
  const list = 'refs' in where ? where.refs : where.ids;
  if (list.length === 0) return [];
  const rows: SupplierRow[] =
    'refs' in where
      ? orm.select().from(suppliers).where(inArray(suppliers.ref, where.refs)).all()
      : orm.select().from(suppliers).where(inArray(suppliers.id, where.ids)).all();
  const lists = new Map<number, Record<string, Stored<Record<string, unknown>>[]>>();
  if (rows.length) {
    for (const r of orm
      .select()
      .from(records)
      .where(
        inArray(
          records.supplierId,
          rows.map((s) => s.id),
        ),
      )
      .orderBy(records.id)
      .all()) {
      const field = FIELD_OF[r.kind];
      if (!field) continue;
      const of = lists.get(r.supplierId!) ?? {};
      (of[field] ??= []).push({ ...readPayload(ctx, r), id: r.id, evidence: [] });
      lists.set(r.supplierId!, of);
    }
  }
  return rows.map(
    (s) =>
      ({
        ...toSupplierDetails(s),
        ...Object.fromEntries(Object.keys(SUPPLIER_LISTS).map((k) => [k, []])),
        ...(lists.get(s.id) ?? {}),
      }) as unknown as SupplierSnapshot,
  );
}

/** A firm snapshot holding just this case and its instructed suppliers: for evaluating one case. */
export function snapshotForCase(ctx: Ctx, c: CaseSnapshot): FirmSnapshot {
  const f = getFirm(ctx);
  return {
    firm: { name: f.name, address: f.address, codeOfConductSignatory: f.codeOfConductSignatory, settings: f.settings, policies: [] },
    staff: [],
    suppliers: suppliersForVetting(ctx, { refs: [...new Set(c.instructions.map((i) => i.supplier))] }),
    cases: [c],
  };
}
