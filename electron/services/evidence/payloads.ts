// Stored record payloads (records.data) in and out: the one door. A payload is written as
// JSON stamped with its kind's current shape version; read back, it is parsed, upgraded
// from an older version through the registered upgrades, and validated against the
// contract's schema for its kind (RECORD_KINDS), so nothing downstream ever sees a
// payload the contract would not accept. A payload that fails gets a clear 'damaged'
// error naming the record, its owner and the field, never "internal error".
//
// Changing a kind's shape so that stored payloads would no longer validate:
//  1. change its schema in electron/contract/model.ts;
//  2. append to PAYLOAD_UPGRADES[kind] a function from the previous shape to the new one
//     (the kind's version is 1 + the number of its upgrades);
//  3. add a migration (db/migrations, even one whose `up` does nothing) so an older
//     Caseproof refuses the vault instead of meeting payloads it cannot read.
// Rows keep their version until rewritten; they are upgraded each time they are read.
import { eq } from 'drizzle-orm';
import { records, staff, suppliers } from '../../../db/schema';
import { RECORD_KINDS, type OwnerType, type RecordKind, type RecordPayload } from '../../contract/model';
import type { Ctx } from '../context';
import { AppError, zodIssues } from '../errors';
import { compileCanonicalCheck } from './canonical';

/** Turns a payload of version n (its index + 1) into version n + 1. */
export type PayloadUpgrade = (data: Record<string, unknown>) => Record<string, unknown>;
export type PayloadUpgrades = { readonly [K in RecordKind]?: readonly PayloadUpgrade[] };

/** Every kind is still at its first shape (version 1). */
export const PAYLOAD_UPGRADES: PayloadUpgrades = {};

/** The columns of a records row the reader needs. */
export type StoredPayloadRow = Pick<typeof records.$inferSelect, 'id' | 'kind' | 'staffId' | 'supplierId' | 'data' | 'dataVersion'>;
/** Those columns, for a select that joins other tables: `select({ ...PAYLOAD_COLUMNS, … })`. */
export const PAYLOAD_COLUMNS = {
  id: records.id,
  kind: records.kind,
  staffId: records.staffId,
  supplierId: records.supplierId,
  data: records.data,
  dataVersion: records.dataVersion,
};

export function isRecordKind(k: string): k is RecordKind {
  return Object.prototype.hasOwnProperty.call(RECORD_KINDS, k);
}

/** The shape version a payload of this kind is written in today. */
export function currentPayloadVersion(kind: RecordKind, upgrades: PayloadUpgrades = PAYLOAD_UPGRADES): number {
  return 1 + (upgrades[kind]?.length ?? 0);
}

/** The column values that store an already validated payload of this kind. */
export function payloadColumns(kind: RecordKind, payload: Record<string, unknown>, upgrades: PayloadUpgrades = PAYLOAD_UPGRADES) {
  return { data: JSON.stringify(payload), dataVersion: currentPayloadVersion(kind, upgrades) };
}

export function ownerTypeOf(r: Pick<StoredPayloadRow, 'staffId' | 'supplierId'>): OwnerType {
  return r.staffId !== null ? 'staff' : r.supplierId !== null ? 'supplier' : 'firm';
}

/**
 * Reads one stored payload: parsed, upgraded to the current version and validated. With
 * `kind`, also checks the row is of that kind and types the result accordingly.
 */
export function readPayload<K extends RecordKind>(ctx: Ctx, row: StoredPayloadRow, kind: K, upgrades?: PayloadUpgrades): RecordPayload<K>;
export function readPayload(ctx: Ctx, row: StoredPayloadRow, kind?: RecordKind, upgrades?: PayloadUpgrades): Record<string, unknown>;
export function readPayload(ctx: Ctx, row: StoredPayloadRow, kind?: RecordKind, upgrades: PayloadUpgrades = PAYLOAD_UPGRADES): Record<string, unknown> {
  // No closure for the errors: this runs once per record of the firm (a whole-firm load reads ~60,000).
  if (!isRecordKind(row.kind)) throw payloadError(ctx, row, 'is of a kind this version of Caseproof does not know.', 'kind');
  if (kind && row.kind !== kind) throw payloadError(ctx, row, `is not a ${kind} record.`, 'kind');
  const spec = RECORD_KINDS[row.kind];
  const owner = ownerTypeOf(row);
  if (!(spec.owner as readonly string[]).includes(owner))
    throw payloadError(ctx, row, `cannot belong to ${owner === 'firm' ? 'the firm' : `a ${owner}`}.`, 'kind');

  const current = currentPayloadVersion(row.kind, upgrades);
  const version = row.dataVersion;
  if (!Number.isInteger(version) || version < 1) throw payloadError(ctx, row, `has an impossible shape version (${String(version)}).`, 'dataVersion');
  if (version > current) {
    throw payloadError(
      ctx,
      row,
      `was written by a newer version of Caseproof (shape version ${version}; this version reads up to ${current}). Update Caseproof.`,
      undefined,
      'vault-newer',
    );
  }
  let data: unknown;
  try {
    data = JSON.parse(row.data);
  } catch {
    throw payloadError(ctx, row, 'is not readable (its contents are not valid JSON).');
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw payloadError(ctx, row, 'is not readable (its contents are not an object).');
  // A payload of today's shape that zod would take as it is (canonical.ts): the parsed JSON is the answer.
  if (version === current && canonicalCheckOf(row.kind)?.(data)) return data as Record<string, unknown>;
  const steps = upgrades[row.kind] ?? [];
  for (let v = version; v < current; v++) {
    try {
      data = steps[v - 1](data as Record<string, unknown>);
    } catch (e) {
      throw payloadError(ctx, row, `could not be upgraded from shape version ${v} to ${v + 1} (${(e as Error).message}).`);
    }
  }
  const ok = spec.schema.safeParse(data); // no input copied into issues unless there is an error to report
  if (ok.success) return ok.data;
  const parsed = spec.schema.safeParse(data, { reportInput: true });
  if (parsed.success) return parsed.data;
  const first = parsed.error.issues[0];
  const [issue] = zodIssues(parsed.error);
  const input = (first as { input?: unknown }).input;
  const holds = first.code === 'unrecognized_keys' || input === undefined ? '' : ` (it holds ${shown(input)})`;
  const more = parsed.error.issues.length > 1 ? `, and ${parsed.error.issues.length - 1} more problem(s)` : '';
  throw payloadError(
    ctx,
    row,
    `does not have the shape Caseproof expects: ${issue.path ? `${issue.path} ` : ''}${issue.message}${holds}${more}.`,
    issue.path || undefined,
  );
}

/** The error for a stored payload that cannot be read: it names the record and its owner. */
function payloadError(ctx: Ctx, row: StoredPayloadRow, what: string, field?: string, code: 'damaged' | 'vault-newer' = 'damaged'): AppError {
  return new AppError(code, `The stored ${row.kind} record ${row.id} of ${ownerName(ctx, row)} ${what}`, field);
}

/**
 * Each kind's quick check (canonical.ts), made once from its schema: validating 60,000 payloads
 * through zod takes 100-230 ms and as many new objects on a whole-firm load; the quick check
 * answers for the payloads Caseproof wrote (zod's own output, so already canonical) in a
 * fraction of that and allocates nothing. Null for a kind whose schema it cannot read: zod then.
 */
const canonicalChecks = new Map<RecordKind, ((v: unknown) => boolean) | null>();
function canonicalCheckOf(kind: RecordKind): ((v: unknown) => boolean) | null {
  let c = canonicalChecks.get(kind);
  if (c === undefined) canonicalChecks.set(kind, (c = compileCanonicalCheck(RECORD_KINDS[kind].schema)));
  return c;
}

/** "staff member RR-01", "supplier SUP-7", "the firm": looked up only when there is an error to report. */
function ownerName(ctx: Ctx, row: Pick<StoredPayloadRow, 'staffId' | 'supplierId'>): string {
  if (row.staffId !== null) {
    const s = ctx.vault.orm.select({ ref: staff.ref }).from(staff).where(eq(staff.id, row.staffId)).get();
    return s ? `staff member ${s.ref}` : `staff member #${row.staffId} (missing)`;
  }
  if (row.supplierId !== null) {
    const s = ctx.vault.orm.select({ ref: suppliers.ref }).from(suppliers).where(eq(suppliers.id, row.supplierId)).get();
    return s ? `supplier ${s.ref}` : `supplier #${row.supplierId} (missing)`;
  }
  return 'the firm';
}

function shown(v: unknown): string {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}
