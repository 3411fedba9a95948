// Register checks as receipts (issue 11 item 6): a look at a public register (HCPC, NMC, Social
// Work England) or a DBS Update Service status check, kept on the record it checked with who,
// when, which register and what it showed, and optionally a screenshot or PDF of the register
// page as an evidence file of that record. The check moves the record's "last checked" date on,
// so the rules (STAFF-REGISTRATION, STAFF-DBS) count it; the audit trail holds the change.
import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { evidenceFiles, records, staff } from '../../../db/schema';
import { isoDate, ukDate } from '../../contract/dates';
import { DBS_STATUS_RESULTS, REGISTER_CHECK_RESULTS, REGISTER_RESULTS, type EvidenceMeta, type RegisterCheck } from '../../contract/model';
import { REGISTER_IDS, REGISTERS, registerOfBody } from '../../contract/registers';
import type { Ctx } from '../context';
import { AppError } from '../errors';
import { dbsCopyDueOn } from '../evidence/dbsCopies';
import { attachEvidence } from '../evidence/evidence';
import { getFirm } from '../firm/firm';
import { readPayload } from '../evidence/payloads';
import { updateRecord } from '../evidence/records';
import { parseOr } from '../parse';

export const registerCheckInput = z.strictObject({
  staffRef: z.string().trim().min(1, 'is required'),
  register: z.enum(REGISTER_IDS, { error: `must be one of ${REGISTER_IDS.join(', ')}` }),
  result: z.enum(REGISTER_CHECK_RESULTS, { error: `must be one of ${REGISTER_CHECK_RESULTS.join(', ')}` }),
  checkedOn: isoDate,
  note: z.string().trim().max(1000, 'must be at most 1000 characters').optional(),
  /** The registration or DBS record checked; without it, the one the register is for. */
  recordId: z.number().int().positive().optional(),
});
export type RegisterCheckInput = z.infer<typeof registerCheckInput>;

export { RESULT_WORDS } from '../../contract/registers';

/**
 * The Update Service status page kept as a DBS receipt: DBS copies go after the firm's period
 * (evidence/dbsCopies.ts), which for a receipt runs from the check. A check dated so far back
 * that its period is over would lose its receipt at the next unlock, so it is refused now.
 * The receipt is known by its name on the record, so a name the record already holds is
 * given the check's date in front.
 */
function dbsReceipt(ctx: Ctx, recordId: number, checkedOn: string, file: { name: string; bytes: Uint8Array }) {
  const months = getFirm(ctx).settings.dbsCopyMonths;
  const dueOn = dbsCopyDueOn(checkedOn, months);
  if (dueOn <= ctx.clock.today()) {
    throw new AppError(
      'invalid',
      `checkedOn: the firm keeps DBS copies for ${months} months, so the status page of a check made on ${ukDate(checkedOn)} would be destroyed at once (its time ended on ${ukDate(dueOn)}). Record the check without the file, or check again today.`,
      'checkedOn',
    );
  }
  const held = new Set(
    ctx.vault.orm
      .select({ name: evidenceFiles.name })
      .from(evidenceFiles)
      .where(and(eq(evidenceFiles.recordId, recordId), isNull(evidenceFiles.destroyedOn)))
      .all()
      .map((f) => f.name),
  );
  let name = file.name;
  for (let n = 2; held.has(name); n++) name = n === 2 ? `${checkedOn} ${file.name}` : `${checkedOn} (${n - 1}) ${file.name}`;
  return { ...file, name };
}

export interface RecordedCheck {
  recordId: number;
  kind: 'registration' | 'dbs';
  check: RegisterCheck;
  file: EvidenceMeta | null;
  /** e.g. "HCPC registration OT12345" or "Enhanced DBS certificate issued 01/02/2025". */
  record: string;
}

/** Records one check, with the register page's screenshot or PDF when given; all or nothing. */
export function recordRegisterCheck(ctx: Ctx, input: unknown, file?: { name: string; bytes: Uint8Array }): RecordedCheck {
  const i = parseOr(registerCheckInput, input, 'The register check');
  if (i.checkedOn > ctx.clock.today()) throw new AppError('invalid', `checkedOn: a check cannot be dated after today (got ${i.checkedOn}).`, 'checkedOn');
  const dbs = i.register === 'dbs-update';
  const allowed: readonly string[] = dbs ? DBS_STATUS_RESULTS : REGISTER_RESULTS;
  if (!allowed.includes(i.result)) {
    throw new AppError('invalid', `result: a ${REGISTERS[i.register].name} check is one of ${allowed.join(', ')} (got ${i.result}).`, 'result');
  }
  const person = ctx.vault.orm.select({ id: staff.id, name: staff.name }).from(staff).where(eq(staff.ref, i.staffRef)).get();
  if (!person) throw new AppError('not-found', `No case manager with the reference ${i.staffRef} is in the vault.`, 'staffRef');

  return ctx.vault.tx(() => {
    const rows = ctx.vault.orm
      .select()
      .from(records)
      .where(and(eq(records.staffId, person.id), eq(records.kind, dbs ? 'dbs' : 'registration')))
      .orderBy(records.id)
      .all()
      .map((r) => ({ id: r.id, data: readPayload(ctx, r) as Record<string, unknown> }));
    const target = i.recordId
      ? rows.find((r) => r.id === i.recordId)
      : dbs
        ? // The newest certificate (the Update Service follows one certificate).
          [...rows].sort((a, b) => String(b.data.issuedOn).localeCompare(String(a.data.issuedOn)))[0]
        : rows.find((r) => registerOfBody(String(r.data.body)) === i.register);
    if (!target) {
      throw new AppError(
        'not-found',
        i.recordId
          ? `${person.name} has no ${dbs ? 'DBS certificate' : 'registration'} record number ${i.recordId}.`
          : dbs
            ? `${person.name} has no DBS certificate recorded to check on the Update Service; add the certificate first.`
            : `${person.name} has no registration with the ${REGISTERS[i.register].name} recorded; add the registration first.`,
        i.recordId ? 'recordId' : 'register',
      );
    }
    const receipt = file && dbs ? dbsReceipt(ctx, target.id, i.checkedOn, file) : file;
    const meta = receipt ? attachEvidence(ctx, target.id, receipt, 'file') : null;
    const check: RegisterCheck = {
      on: i.checkedOn,
      by: ctx.user,
      register: i.register,
      result: i.result,
      ...(i.note ? { note: i.note } : {}),
      ...(meta ? { file: meta.name } : {}),
    };
    const { id: _id, evidence: _ev, ...data } = target.data;
    const latest = (was: unknown) => (typeof was === 'string' && was > i.checkedOn ? was : i.checkedOn);
    if (dbs) {
      data.updateService = true; // a status check is only possible for a certificate on the Update Service
      data.lastStatusCheckOn = latest(data.lastStatusCheckOn);
      data.statusChecks = [...((data.statusChecks as RegisterCheck[] | undefined) ?? []), check];
    } else {
      data.lastCheckedOn = latest(data.lastCheckedOn);
      data.checks = [...((data.checks as RegisterCheck[] | undefined) ?? []), check];
    }
    updateRecord(ctx, target.id, data);
    const record = dbs ? `DBS certificate issued ${String(data.issuedOn)}` : `${String(data.body)} registration ${String(data.number)}`;
    return { recordId: target.id, kind: dbs ? 'dbs' : 'registration', check, file: meta, record };
  });
}
