// Vetting decisions (MTSP Governance A): approve, approve with conditions, or reject, with
// who, when and the next review date. Stored as `decision` records on the supplier.
import { decisionInput } from '../../contract/ops/suppliers';
import { ukDate } from '../../contract/dates';
import type { StoredRecord } from '../../contract/views';
import type { Ctx } from '../context';
import { AppError } from '../errors';
import { insertRecord, ownerColumns, validatePayload } from '../evidence/records';
import { parseOr } from '../parse';

export function recordDecision(ctx: Ctx, input: unknown): StoredRecord {
  const { ref, ...rest } = parseOr(decisionInput, input, 'The decision');
  const today = ctx.clock.today();
  if (rest.on > today) throw new AppError('invalid', `The decision date cannot be later than today (${ukDate(today)}).`, 'on');
  // Drop the note when it is blank, so the stored record stays tidy.
  const data = rest.note?.trim() ? { ...rest, note: rest.note.trim() } : (({ note: _n, ...d }) => d)(rest);
  if (data.decision === 'rejected') delete (data as { nextReviewOn?: string }).nextReviewOn;
  const payload = validatePayload('decision', 'supplier', data);
  return ctx.vault.tx(() => {
    const id = insertRecord(ctx, ownerColumns(ctx, { type: 'supplier', ref }), 'decision', payload);
    return { id, kind: 'decision' as const, data: { ...payload, id, evidence: [] } };
  });
}
