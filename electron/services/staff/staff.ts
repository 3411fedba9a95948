// Staff members' basic details (the people whose evidence Caseproof keeps).
import { asc, count, eq, or } from 'drizzle-orm';
import { caseHandovers, cases, staff } from '../../../db/schema';
import { staffDetails } from '../../contract/model';
import type { Ctx } from '../context';
import type { StaffSummary } from '../../contract/views';
import { AppError, notFound } from '../errors';
import { parseOr } from '../parse';
import { compact, nullable } from '../rows';

export const STAFF_FIELDS = [
  'ref',
  'name',
  'role',
  'profession',
  'employment',
  'solePractitioner',
  'soleWorkingSafeguards',
  'caseManagementSince',
  'qualifiedOn',
  'daysPerWeek',
] as const;

export type StaffRow = typeof staff.$inferSelect;
export type { StaffSummary };

export function toStaffDetails(r: StaffRow): StaffSummary {
  const { createdAt: _c, updatedAt: _u, ...rest } = r;
  return compact(rest) as StaffSummary;
}

export function listStaff(ctx: Ctx): StaffSummary[] {
  return ctx.vault.orm.select().from(staff).orderBy(asc(staff.name)).all().map(toStaffDetails);
}

export function staffRowByRef(ctx: Ctx, ref: string): StaffRow {
  const row = ctx.vault.orm.select().from(staff).where(eq(staff.ref, ref)).get();
  if (!row) throw notFound(`Staff member ${ref}`);
  return row;
}

function assertRefFree(ctx: Ctx, ref: string, exceptId?: number): void {
  const row = ctx.vault.orm.select({ id: staff.id }).from(staff).where(eq(staff.ref, ref)).get();
  if (row && row.id !== exceptId) throw new AppError('conflict', `The reference ${ref} is already used by another staff member.`, 'ref');
}

export function createStaff(ctx: Ctx, input: unknown): StaffSummary {
  const d = parseOr(staffDetails, input, 'The staff member');
  return ctx.vault.tx(() => {
    assertRefFree(ctx, d.ref);
    const row = ctx.vault.orm
      .insert(staff)
      .values(nullable(d, STAFF_FIELDS) as typeof staff.$inferInsert)
      .returning()
      .get();
    return toStaffDetails(row);
  });
}

export function updateStaff(ctx: Ctx, ref: string, input: unknown): StaffSummary {
  const d = parseOr(staffDetails, input, 'The staff member');
  return ctx.vault.tx(() => {
    const existing = staffRowByRef(ctx, ref);
    assertRefFree(ctx, d.ref, existing.id);
    const row = ctx.vault.orm
      .update(staff)
      .set({ ...(nullable(d, STAFF_FIELDS) as Partial<StaffRow>), updatedAt: ctx.clock.stamp() })
      .where(eq(staff.id, existing.id))
      .returning()
      .get();
    return toStaffDetails(row);
  });
}

export function deleteStaff(ctx: Ctx, ref: string): void {
  ctx.vault.tx(() => {
    const existing = staffRowByRef(ctx, ref);
    const managed = ctx.vault.orm.select({ n: count() }).from(cases).where(eq(cases.caseManagerId, existing.id)).get()!.n;
    const handed = ctx.vault.orm
      .select({ n: count() })
      .from(caseHandovers)
      .where(or(eq(caseHandovers.fromStaffId, existing.id), eq(caseHandovers.toStaffId, existing.id)))
      .get()!.n;
    if (managed > 0)
      throw new AppError(
        'conflict',
        `${existing.name} still manages ${managed} case${managed === 1 ? '' : 's'}; hand them over before deleting this staff member.`,
      );
    if (handed > 0) throw new AppError('conflict', `${existing.name} appears in case handover records, which must be kept; they cannot be deleted.`);
    ctx.vault.orm.delete(staff).where(eq(staff.id, existing.id)).run();
  });
}
