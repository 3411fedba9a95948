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
import { fieldError } from './fieldError';
import { handoverProblems } from '../../contract/crossChecks';
import { parseOr } from '../parse';
import { caseView } from './cases';
import { caseRowByRef } from './load';

export function handOverCase(ctx: Ctx, input: unknown): CaseView {
  const h = parseOr(handoverInput, input, 'The handover');
  ctx.vault.tx(() => {
    const c = caseRowByRef(ctx, h.ref);
    if (c.status === 'closed') throw new AppError('conflict', `Case ${c.ref} is closed; reopen it before handing it over.`);
    const to = ctx.vault.orm.select().from(staff).where(eq(staff.ref, h.to)).get();
    if (!to) throw fieldError('to', `does not match any staff member (${h.to})`, 'not-found');
    // The same words as the import's check of a handover in a firm file (crossChecks.ts).
    const [self] = to.id === c.caseManagerId ? handoverProblems({ from: to.ref, to: to.ref }, to.name) : [];
    if (self) throw fieldError(self.field, self.message);
    const last = ctx.vault.orm
      .select({ on: caseHandovers.on })
      .from(caseHandovers)
      .where(and(eq(caseHandovers.caseId, c.id)))
      .orderBy(desc(caseHandovers.on))
      .get();
    // Handovers are a sequence: a new one cannot slip in before the last one.
    if (last && h.on < last.on) throw fieldError('on', `must not be before the last handover (${ukDate(last.on)})`);
    if (c.openedOn && h.on < c.openedOn) throw fieldError('on', `must not be before the case was opened (${ukDate(c.openedOn)})`);
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
    ctx.vault.orm.update(cases).set({ caseManagerId: to.id, updatedAt: ctx.clock.stamp() }).where(eq(cases.id, c.id)).run();
  });
  return caseView(ctx, h.ref);
}
