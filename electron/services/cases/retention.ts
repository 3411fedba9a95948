// Retention: a closed case is kept for the firm's retentionYears (default 7) after its
// closing date, then it is due for review. Deleting a case removes it, its instructions
// and its handovers; the vault runs with secure_delete on, and the write-ahead log is
// checkpointed and truncated afterwards, so the removed rows do not linger in the file.
import { eq } from 'drizzle-orm';
import { caseHandovers, caseInstructions, cases } from '../../../db/schema';
import { plusDays, plusMonths, ukDate, type IsoDate } from '../../contract/dates';
import type { RetentionList, RetentionRow } from '../../contract/ops/cases';
import type { Ctx } from '../context';
import { eraseAuditValuesOf } from '../../../db/audit';
import { forgetCases } from '../packs/sources';
import { AppError } from '../errors';
import { fieldError } from './fieldError';
import { getFirm } from '../firm/firm';
import { compact, type SqlRow } from '../rows';
import { caseRowByRef } from './load';

/** The first day a case closed on `closedOn` is past retention. */
export function keepUntil(closedOn: IsoDate, years: number): IsoDate {
  return plusMonths(closedOn, years * 12);
}

export function casesPastRetention(ctx: Ctx, asOf: IsoDate): RetentionList {
  const years = getFirm(ctx).settings.retentionYears;
  // A little slack in SQL (month-end clamping), then the exact test below.
  const cutoff = plusDays(plusMonths(asOf, -years * 12), 3);
  const rows = ctx.vault.sqlite
    .prepare(
      `SELECT c.ref, c.initials, s.ref AS caseManager, s.name AS caseManagerName, p.name AS party, c.closed_on AS closedOn, c.closed_reason AS closedReason
         FROM cases c JOIN staff s ON s.id = c.case_manager_id JOIN contacts p ON p.id = c.contact_id
        WHERE c.status = 'closed' AND (c.closed_on IS NULL OR c.closed_on <= ?)
        ORDER BY c.closed_on, c.ref`,
    )
    .all(cutoff) as SqlRow<Omit<RetentionRow, 'keepUntil'>>[];
  const due: RetentionRow[] = [];
  const undated: RetentionRow[] = [];
  for (const r of rows) {
    const { closedOn: _c, ...rest } = r;
    const base: Omit<RetentionRow, 'closedOn' | 'keepUntil'> = compact(rest);
    if (r.closedOn === null) {
      undated.push({ ...base, closedOn: null, keepUntil: null });
      continue;
    }
    const until = keepUntil(r.closedOn, years);
    if (until <= asOf) due.push({ ...base, closedOn: r.closedOn, keepUntil: until });
  }
  return { asOf, years, due, undated };
}

/**
 * Deletes a closed case with its instructions and handovers. `confirmRef` must repeat the
 * case reference (the UI asks the user to type it). Open cases are refused: close first.
 */
export function deleteCase(ctx: Ctx, ref: string, confirmRef: string): void {
  ctx.vault.tx(() => {
    const c = caseRowByRef(ctx, ref);
    if (confirmRef.trim() !== c.ref) throw fieldError('confirmRef', `must repeat the case reference ${c.ref} exactly`);
    if (c.status !== 'closed') throw new AppError('conflict', `Case ${c.ref} is not closed; close it before deleting it.`);
    removeCases(ctx, [c.id]);
    forgetCases(ctx, [c.ref], ctx.clock.today());
  });
  flush(ctx);
}

/** Deletes a case's rows; returns whom the trail must forget (eraseAuditValuesOf). */
function removeCaseRows(ctx: Ctx, id: number): { id: number; ref: string | null } {
  const ref = ctx.vault.orm.select({ ref: cases.ref }).from(cases).where(eq(cases.id, id)).get()?.ref ?? null;
  ctx.vault.orm.delete(caseInstructions).where(eq(caseInstructions.caseId, id)).run();
  ctx.vault.orm.delete(caseHandovers).where(eq(caseHandovers.caseId, id)).run();
  ctx.vault.orm.delete(cases).where(eq(cases.id, id)).run();
  return { id, ref };
}
/**
 * Deletes cases under retention: they are gone, and the trail keeps that they were, and the
 * hashes that prove its chain, but not their values (an 'erase' entry for each says so), erased
 * for all of them in one pass over the trail.
 */
function removeCases(ctx: Ctx, ids: readonly number[]): void {
  const gone = ids.map((id) => removeCaseRows(ctx, id));
  eraseAuditValuesOf(ctx.vault.sqlite, 'case', gone);
}
/** Moves the (securely overwritten) pages into the main file and empties the log. */
function flush(ctx: Ctx): void {
  ctx.vault.sqlite.pragma('wal_checkpoint(TRUNCATE)');
}

/** Deletes every case past retention on `asOf` in one transaction (the CLI's --delete); returns them. */
export function deletePastRetention(ctx: Ctx, asOf: IsoDate): RetentionRow[] {
  const due = ctx.vault.tx(() => {
    const list = casesPastRetention(ctx, asOf).due;
    removeCases(
      ctx,
      list.map((r) => caseRowByRef(ctx, r.ref).id),
    );
    forgetCases(
      ctx,
      list.map((r) => r.ref),
      ctx.clock.today(),
    );
    return list;
  });
  flush(ctx);
  return due;
}

export const retentionWords = (r: RetentionRow) =>
  r.closedOn ? `closed on ${ukDate(r.closedOn)}, kept until ${ukDate(r.keepUntil)}` : 'closed, no closing date recorded';
