// Therapy and care suppliers' details (Governance A-F vetting files hang off these).
import { asc, eq } from 'drizzle-orm';
import { suppliers } from '../../../db/schema';
import { supplierDetails, type SupplierDetails } from '../../contract/model';
import type { Ctx } from '../context';
import type { SupplierSummary } from '../../contract/views';
import { AppError, notFound } from '../errors';
import { parseOr } from '../parse';
import { compact, nullable } from '../rows';

export const SUPPLIER_FIELDS = [
  'ref',
  'name',
  'kind',
  'services',
  'soleTrader',
  'safeguardsNote',
  'worksWithClients',
  'cvOnFile',
  'safeguardingOn',
  'serviceArea',
  'acceptanceCriteria',
  'evidenceBase',
  'contact',
] as const;
export type SupplierRow = typeof suppliers.$inferSelect;
export type { SupplierSummary };

export function toSupplierDetails(r: SupplierRow): SupplierSummary {
  const { createdAt: _c, updatedAt: _u, ...rest } = r;
  return compact(rest) as SupplierSummary;
}
export function listSuppliers(ctx: Ctx): SupplierSummary[] {
  return ctx.vault.orm.select().from(suppliers).orderBy(asc(suppliers.name)).all().map(toSupplierDetails);
}
export function supplierRowByRef(ctx: Ctx, ref: string): SupplierRow {
  const row = ctx.vault.orm.select().from(suppliers).where(eq(suppliers.ref, ref)).get();
  if (!row) throw notFound(`Supplier ${ref}`);
  return row;
}
function assertRefFree(ctx: Ctx, ref: string, exceptId?: number): void {
  const row = ctx.vault.orm.select({ id: suppliers.id }).from(suppliers).where(eq(suppliers.ref, ref)).get();
  if (row && row.id !== exceptId) throw new AppError('conflict', `The reference ${ref} is already used by another supplier.`, 'ref');
}
export function insertSupplier(ctx: Ctx, d: SupplierDetails): SupplierRow {
  assertRefFree(ctx, d.ref);
  return ctx.vault.orm
    .insert(suppliers)
    .values(nullable(d, SUPPLIER_FIELDS) as typeof suppliers.$inferInsert)
    .returning()
    .get();
}
export function writeSupplier(ctx: Ctx, id: number, d: SupplierDetails): SupplierRow {
  assertRefFree(ctx, d.ref, id);
  return ctx.vault.orm
    .update(suppliers)
    .set({ ...(nullable(d, SUPPLIER_FIELDS) as Partial<SupplierRow>), updatedAt: ctx.clock.stamp() })
    .where(eq(suppliers.id, id))
    .returning()
    .get();
}
export function createSupplier(ctx: Ctx, input: unknown): SupplierSummary {
  const d = parseOr(supplierDetails, input, 'The supplier');
  return ctx.vault.tx(() => toSupplierDetails(insertSupplier(ctx, d)));
}
export function updateSupplier(ctx: Ctx, ref: string, input: unknown): SupplierSummary {
  const d = parseOr(supplierDetails, input, 'The supplier');
  return ctx.vault.tx(() => toSupplierDetails(writeSupplier(ctx, supplierRowByRef(ctx, ref).id, d)));
}
