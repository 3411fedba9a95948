// Handing a case to another case manager (MTSP Organisation I): a dated handover record
// (reason, days of joint working, whether the client was told, a note) and the case's
// manager changes. Caseload figures follow caseManagerOn, so the case counts for the old
// manager before the handover date and for the new one from that date.
import { and, desc, eq } from 'drizzle-orm';
import { caseHandovers, cases, staff } from '../../../db/schema';
import { ukDate } from '../../contract/dates';
import { handoverInput, type CaseView } from '../../contract/ops/cases';
import type { Ctx } from '../context';
import { AppError } from '../errors';
import { parseOr } from '../parse';
import { nowStamp } from '../rows';
import { caseView } from './cases';
import { caseRowByRef } from './load';

export function handOverCase(ctx: Ctx, input: unknown): CaseView {
  const h = parseOr(handoverInput, input, 'The handover');
  ctx.vault.tx(() => {
    const c = caseRowByRef(ctx, h.ref);
    if (c.status === 'closed') throw new AppError('conflict', `Case ${c.ref} is closed; reopen it before handing it over.`);
    const to = ctx.vault.orm.select().from(staff).where(eq(staff.ref, h.to)).get();
    if (!to) throw new AppError('not-found', `There is no staff member with the reference ${h.to}.`, 'to');
    if (to.id === c.caseManagerId) throw new AppError('invalid', `to: ${to.name} already manages case ${c.ref}; choose another case manager.`, 'to');
    const last = ctx.vault.orm
      .select({ on: caseHandovers.on })
      .from(caseHandovers)
      .where(and(eq(caseHandovers.caseId, c.id)))
      .orderBy(desc(caseHandovers.on))
      .get();
    // Handovers are a sequence: a new one cannot slip in before the last one.
    if (last && h.on < last.on) throw new AppError('invalid', `on: must not be before the last handover (${ukDate(last.on)})`, 'on');
    if (c.openedOn && h.on < c.openedOn) throw new AppError('invalid', `on: must not be before the case was opened (${ukDate(c.openedOn)})`, 'on');
    ctx.vault.orm
      .insert(caseHandovers)
      .values({
        caseId: c.id,
        on: h.on,
        fromStaffId: c.caseManagerId,
        toStaffId: to.id,
        reason: h.reason,
        jointWorkingDays: h.jointWorkingDays ?? null,
        clientInformed: h.clientInformed,
        note: h.note ?? null,
      })
      .run();
    ctx.vault.orm.update(cases).set({ caseManagerId: to.id, updatedAt: nowStamp() }).where(eq(cases.id, c.id)).run();
  });
  return caseView(ctx, h.ref);
}
