// Exemptions: a rule that does not apply to one person or supplier for a while, with the
// reason, who granted it, when, and until when (rules.md version 2). Stored as an `exemption`
// record; the compliance engine shows the rule as `exempt` from the grant to the expiry.
// What may be exempted is decided by exemptionProblem() (contract/exemptions.ts), which the
// firm-file import calls too. Withdrawing deletes the record.
import { and, eq, isNull } from 'drizzle-orm';
import { records } from '../../../db/schema';
import { defaultExemptionExpiry, exemptionProblem } from '../../contract/exemptions';
import { isIsoDate } from '../../contract/dates';
import { exemption, type Exemption } from '../../contract/model';
import type { StoredRecord } from '../../contract/views';
import type { Ctx } from '../context';
import { AppError } from '../errors';
import { addRecord, deleteRecord, recordById } from '../evidence/records';
import { readPayload } from '../evidence/payloads';
import { parseOr } from '../parse';

export interface ExemptionGrant {
  owner: { type: 'staff' | 'supplier'; ref: string };
  rule: string;
  reason: string;
  /** Defaults to the person using the vault. */
  grantedBy?: string;
  /** Defaults to today. */
  grantedOn?: string;
  /** The last day in force; defaults to (and may be no later than) 12 months after the grant. */
  expiresOn?: string;
}

export function grantExemption(ctx: Ctx, input: ExemptionGrant): StoredRecord {
  const grantedOn = input.grantedOn ?? ctx.clock.today();
  const payload: Exemption = parseOr(
    exemption,
    {
      rule: input.rule,
      reason: input.reason,
      grantedBy: input.grantedBy ?? ctx.user,
      grantedOn,
      // A grant on a real date gets the default expiry; a bad grant date is reported by the schema.
      expiresOn: input.expiresOn ?? (isIsoDate(grantedOn) ? defaultExemptionExpiry(grantedOn) : undefined),
    },
    'The exemption',
  );
  const problem = exemptionProblem(payload, input.owner.type);
  // The words the import gives after the JSON path, here after the field's name and beside the field.
  if (problem) throw new AppError('invalid', `${problem.field}: ${problem.message}`, problem.field, [{ path: problem.field, message: problem.message }]);
  return addRecord(ctx, input.owner, 'exemption', payload);
}

/**
 * Withdraws the exemption from the rule of exemption record `id`: that record and any
 * other grant of the same rule to the same person or supplier (an older grant would
 * otherwise take over), in one transaction. Returns how many records were deleted.
 */
export function withdrawExemption(ctx: Ctx, id: number): number {
  return ctx.vault.tx(() => {
    const r = recordById(ctx, id);
    if (r.kind !== 'exemption') throw new AppError('invalid', `Record ${id} is not an exemption, so it was not withdrawn.`);
    const rule = readPayload(ctx, r, 'exemption').rule;
    const owner = and(
      eq(records.kind, 'exemption'),
      r.staffId === null ? isNull(records.staffId) : eq(records.staffId, r.staffId),
      r.supplierId === null ? isNull(records.supplierId) : eq(records.supplierId, r.supplierId),
    );
    const same = ctx.vault.orm.select().from(records).where(owner).all();
    const ids = same.filter((x) => readPayload(ctx, x, 'exemption').rule === rule).map((x) => x.id);
    for (const x of ids) deleteRecord(ctx, x);
    return ids.length;
  });
}
