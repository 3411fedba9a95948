// Exemptions: a rule that does not apply to one person or supplier, with the reason, who
// granted it and when (rules.md). Stored as an `exemption` record; the compliance engine
// turns the rule into `exempt` from the grant date on. Withdrawing deletes the record.
import { exemption, type Exemption } from '../../contract/model';
import type { StoredRecord } from '../../contract/views';
import { ruleById } from '../compliance/rules';
import type { Ctx } from '../context';
import { AppError } from '../errors';
import { addRecord, deleteRecord, recordById } from '../evidence/records';
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
      grantedOn: input.grantedOn ?? ctx.today(),
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

export function withdrawExemption(ctx: Ctx, id: number): void {
  const r = recordById(ctx, id);
  if (r.kind !== 'exemption') throw new AppError('invalid', `Record ${id} is not an exemption, so it was not withdrawn.`);
  deleteRecord(ctx, id);
}
