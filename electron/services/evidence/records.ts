// Evidence records of every kind (DBS checks, policies, CPD, decisions...). One table,
// a zod schema per kind (RECORD_KINDS), validated on the way in and, through
// payloads.ts, on the way out.
import { and, eq, isNull, lt, sql } from 'drizzle-orm';
import { records, staff, suppliers } from '../../../db/schema';
import { RECORD_KINDS, type OwnerType, type RecordKind } from '../../contract/model';
import type { Ctx } from '../context';
import type { StoredRecord } from '../../contract/views';
import { AppError, notFound } from '../errors';
import { peerReviewProblems } from '../../contract/crossChecks';
import { parseOr } from '../parse';
import { evidenceByRecord } from './evidence';
import { currentPayloadVersion, isRecordKind, ownerTypeOf, payloadColumns, readPayload } from './payloads';

export { isRecordKind } from './payloads';

export interface Owner {
  type: OwnerType;
  ref?: string; // staff or supplier ref; absent for the firm
}
export type RecordRow = typeof records.$inferSelect;

/** Resolves an owner to the column values of the records table. */
export function ownerColumns(ctx: Ctx, owner: Owner): { staffId: number | null; supplierId: number | null } {
  if (owner.type === 'firm') return { staffId: null, supplierId: null };
  if (!owner.ref) throw new AppError('invalid', `A ${owner.type} reference is required.`, 'ref');
  if (owner.type === 'staff') {
    const r = ctx.vault.orm.select({ id: staff.id }).from(staff).where(eq(staff.ref, owner.ref)).get();
    if (!r) throw notFound(`Staff member ${owner.ref}`);
    return { staffId: r.id, supplierId: null };
  }
  const r = ctx.vault.orm.select({ id: suppliers.id }).from(suppliers).where(eq(suppliers.ref, owner.ref)).get();
  if (!r) throw notFound(`Supplier ${owner.ref}`);
  return { staffId: null, supplierId: r.id };
}

export function validatePayload(kind: string, owner: OwnerType, data: unknown, prefix = '') {
  if (!isRecordKind(kind)) throw new AppError('invalid', `${kind} is not a kind of record Caseproof keeps.`, 'kind');
  const spec = RECORD_KINDS[kind];
  if (!(spec.owner as readonly string[]).includes(owner)) {
    throw new AppError('invalid', `A ${owner} cannot hold a ${kind} record.`, 'kind');
  }
  return parseOr(spec.schema, data, 'The record', prefix) as Record<string, unknown>;
}

/** The one INSERT every single record goes through, prepared once per connection. */
function recordInsert(orm: Ctx['vault']['orm']) {
  return orm
    .insert(records)
    .values({
      staffId: sql.placeholder('staffId'),
      supplierId: sql.placeholder('supplierId'),
      kind: sql.placeholder('kind'),
      data: sql.placeholder('data'),
      dataVersion: sql.placeholder('dataVersion'),
    })
    .returning({ id: records.id })
    .prepare();
}
// Preparing an INSERT compiles the table's triggers into it (the audit trail's, the change
// counts'): for a firm file's 20,000 records that was a fifth of the import, and most of what
// the trail seemed to cost it. Kept per Vault, so a closed vault's statement goes with it.
const recordInserts = new WeakMap<object, ReturnType<typeof recordInsert>>();

/** Inserts a validated record (no transaction of its own, so imports can batch). */
export function insertRecord(ctx: Ctx, cols: { staffId: number | null; supplierId: number | null }, kind: RecordKind, data: Record<string, unknown>): number {
  return preparedRecordInsert(ctx).get({ ...cols, kind, ...payloadColumns(kind, data) })!.id;
}
function preparedRecordInsert(ctx: Ctx): ReturnType<typeof recordInsert> {
  let insert = recordInserts.get(ctx.vault);
  if (!insert) recordInserts.set(ctx.vault, (insert = recordInsert(ctx.vault.orm)));
  return insert;
}

/**
 * Checks across a record and its owner (a peer review by the person reviewed), in the words the
 * firm-file import gives after the JSON path (crossChecks.ts).
 */
function checkWithOwner(ctx: Ctx, cols: { staffId: number | null }, kind: string, payload: Record<string, unknown>): void {
  if (kind !== 'peerReview' || cols.staffId === null) return;
  const person = ctx.vault.orm.select({ name: staff.name }).from(staff).where(eq(staff.id, cols.staffId)).get();
  const [p] = person ? peerReviewProblems(payload, person.name) : [];
  if (p) throw new AppError('invalid', `${p.field}: ${p.message}`, p.field, [{ path: p.field, message: p.message }]);
}

export function addRecord(ctx: Ctx, owner: Owner, kind: string, data: unknown): StoredRecord {
  const payload = validatePayload(kind, owner.type, data);
  return ctx.vault.tx(() => {
    const cols = ownerColumns(ctx, owner);
    checkWithOwner(ctx, cols, kind, payload);
    const id = insertRecord(ctx, cols, kind as RecordKind, payload);
    return { id, kind: kind as RecordKind, data: { ...payload, id, evidence: [] } };
  });
}

export function recordById(ctx: Ctx, id: number): RecordRow {
  const r = ctx.vault.orm.select().from(records).where(eq(records.id, id)).get();
  if (!r) throw notFound(`Record ${id}`);
  return r;
}

export function updateRecord(ctx: Ctx, id: number, data: unknown): StoredRecord {
  return ctx.vault.tx(() => {
    const r = recordById(ctx, id);
    const payload = validatePayload(r.kind, ownerTypeOf(r), data);
    checkWithOwner(ctx, r, r.kind, payload);
    ctx.vault.orm
      .update(records)
      .set({ ...payloadColumns(r.kind as RecordKind, payload), updatedAt: ctx.clock.stamp() })
      .where(eq(records.id, id))
      .run();
    return { id, kind: r.kind as RecordKind, data: { ...payload, id, evidence: evidenceByRecord(ctx, [id]).get(id) ?? [] } };
  });
}

export function deleteRecord(ctx: Ctx, id: number): void {
  ctx.vault.tx(() => {
    recordById(ctx, id);
    ctx.vault.orm.delete(records).where(eq(records.id, id)).run();
  });
}

export function listRecords(ctx: Ctx, owner: Owner, kind?: RecordKind): StoredRecord[] {
  const cols = ownerColumns(ctx, owner);
  const where = and(
    cols.staffId === null ? isNull(records.staffId) : eq(records.staffId, cols.staffId),
    cols.supplierId === null ? isNull(records.supplierId) : eq(records.supplierId, cols.supplierId),
    kind ? eq(records.kind, kind) : undefined,
  );
  const rows = ctx.vault.orm.select().from(records).where(where).orderBy(records.id).all();
  const ev = evidenceByRecord(
    ctx,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({ id: r.id, kind: r.kind as RecordKind, data: { ...readPayload(ctx, r), id: r.id, evidence: ev.get(r.id) ?? [] } }));
}

// ---- bulk imports (issue 9): one prepared statement, and duplicates found by index ----

/**
 * Inserts many validated records of the kinds given with one prepared statement (a spreadsheet
 * import: drizzle building and SQLite preparing the same INSERT for each row cost more than the
 * insert itself). No transaction of its own: the caller's holds them all or none.
 */
export function insertRecords(
  ctx: Ctx,
  rows: { staffId: number | null; supplierId: number | null; kind: RecordKind; data: Record<string, unknown> }[],
  each?: () => void,
): void {
  const insert = preparedRecordInsert(ctx);
  for (const r of rows) {
    insert.get({ staffId: r.staffId, supplierId: r.supplierId, kind: r.kind, ...payloadColumns(r.kind, r.data) });
    each?.();
  }
}

/**
 * Which of these payloads (as payloadColumns stores them) one person already holds, each looked
 * up by its exact stored text in records_content_idx (migration 0012), not by reading the
 * person's records: the same record validated again is the same text (JSON of the kind's
 * validated shape, keys in the schema's order).
 */
export function heldPayloadTexts(ctx: Ctx, staffId: number, kind: RecordKind, texts: Iterable<string>): Set<string> {
  const lookup = ctx.vault.orm
    .select({ id: records.id })
    .from(records)
    .where(and(eq(records.staffId, sql.placeholder('staffId')), eq(records.kind, kind), eq(records.data, sql.placeholder('data'))))
    .limit(1)
    .prepare();
  const held = new Set<string>();
  for (const data of texts) if (lookup.get({ staffId, data })) held.add(data);
  return held;
}

/** A person's records of a kind kept in an older shape version (their stored text differs from today's), read and upgraded. */
export function olderShapeRecords(ctx: Ctx, staffId: number, kind: RecordKind): Record<string, unknown>[] {
  const current = currentPayloadVersion(kind);
  if (current === 1) return [];
  return ctx.vault.orm
    .select()
    .from(records)
    .where(and(eq(records.staffId, staffId), eq(records.kind, kind), lt(records.dataVersion, current)))
    .all()
    .map((r) => readPayload(ctx, r));
}
