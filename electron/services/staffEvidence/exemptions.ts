// Exemptions: a rule that does not apply to one person or supplier, with the reason, who
// granted it and when (rules.md). Stored as an `exemption` record; the compliance engine
// turns the rule into `exempt` from the grant date on. Withdrawing deletes the record.
import { and, eq, isNull } from 'drizzle-orm';
import { records } from '../../../db/schema';
import { exemption, type Exemption } from '../../contract/model';
import type { StoredRecord } from '../../contract/views';
import { ruleById } from '../compliance/rules';
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
}

export function grantExemption(ctx: Ctx, input: ExemptionGrant): StoredRecord {
  const payload: Exemption = parseOr(
    exemption,
    {
      rule: input.rule,
      reason: input.reason,
      grantedBy: input.grantedBy ?? ctx.user,
      grantedOn: input.grantedOn ?? ctx.clock.today(),
    },
    'The exemption',
  );
  const info = ruleById(payload.rule);
  if (!info) throw new AppError('invalid', `${payload.rule} is not a rule Caseproof knows.`, 'rule');
  if (info.subject !== input.owner.type) {
    const whom = input.owner.type === 'staff' ? 'staff members' : 'suppliers';
    throw new AppError('invalid', `${payload.rule} is not a rule for ${whom}, so it cannot be exempted here.`, 'rule');
  }
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
