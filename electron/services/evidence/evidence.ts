// Evidence files: stored inside the encrypted vault with their SHA-256, size, type and
// who added them when. Nothing is ever written beside the vault. The bytes live in
// evidence_contents and are read only by readEvidence / evidenceContentReader: every
// other query here reads evidence_files alone, so listing files never decrypts them.
import { eq, inArray } from 'drizzle-orm';
import { evidenceContents, evidenceFiles, records } from '../../../db/schema';
import { londonDate, ukDate } from '../../contract/dates';
import type { EvidenceMeta } from '../../contract/model';
import type { Ctx } from '../context';
import { AppError, notFound } from '../errors';
import { sha256Hex } from '../hash';
import { checkEvidenceFile } from './mediaType';

const META = {
  id: evidenceFiles.id,
  recordId: evidenceFiles.recordId,
  name: evidenceFiles.name,
  mediaType: evidenceFiles.mediaType,
  size: evidenceFiles.size,
  sha256: evidenceFiles.sha256,
  addedBy: evidenceFiles.addedBy,
  addedAt: evidenceFiles.addedAt,
  destroyedOn: evidenceFiles.destroyedOn,
  destroyedBy: evidenceFiles.destroyedBy,
  destroyedWhy: evidenceFiles.destroyedWhy,
};
type MetaRow = { [K in keyof typeof META]: (typeof evidenceFiles.$inferSelect)[K] };

/** Re-exported for the callers that know it from here; defined once in ../hash.ts. */
export { sha256Hex };

function toMeta(r: MetaRow): EvidenceMeta {
  const meta: EvidenceMeta = {
    id: r.id,
    name: r.name,
    mediaType: r.mediaType,
    size: r.size,
    sha256: r.sha256,
    addedBy: r.addedBy,
    addedOn: londonDate(r.addedAt),
  };
  if (r.destroyedOn) meta.destroyed = { on: r.destroyedOn, ...(r.destroyedBy ? { by: r.destroyedBy } : {}), why: r.destroyedWhy ?? '' };
  return meta;
}

/** Attaches a file to a record. Call inside a transaction when part of a larger write. */
/** The name a file is stored under: trimmed, no path separators, at most 255 characters. */
export const evidenceFileName = (name: string): string => name.trim().replace(/[\\/]/g, '_').slice(0, 255);

export function attachEvidence(ctx: Ctx, recordId: number, file: { name: string; bytes: Uint8Array }, where = 'file'): EvidenceMeta {
  const rec = ctx.vault.orm.select({ id: records.id }).from(records).where(eq(records.id, recordId)).get();
  if (!rec) throw notFound(`Record ${recordId}`);
  const name = evidenceFileName(file.name);
  if (!name) throw new AppError('invalid', 'The file needs a name.', where);
  const mediaType = checkEvidenceFile(name, file.bytes, where);
  return ctx.vault.tx(() => {
    const row = ctx.vault.orm
      .insert(evidenceFiles)
      .values({ recordId, name, mediaType, size: file.bytes.length, sha256: sha256Hex(file.bytes), addedBy: ctx.user, addedAt: ctx.clock.stamp() })
      .returning(META)
      .get();
    const content = Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength);
    ctx.vault.orm.insert(evidenceContents).values({ fileId: row.id, content }).run();
    return toMeta(row);
  });
}

/** Metadata of every file on the given records, grouped by record id (no file content read). */
export function evidenceByRecord(ctx: Ctx, recordIds?: number[]): Map<number, EvidenceMeta[]> {
  const q = ctx.vault.orm.select(META).from(evidenceFiles);
  const rows = recordIds ? (recordIds.length ? q.where(inArray(evidenceFiles.recordId, recordIds)).all() : []) : q.all();
  const map = new Map<number, EvidenceMeta[]>();
  for (const r of rows) {
    const list = map.get(r.recordId) ?? [];
    list.push(toMeta(r));
    map.set(r.recordId, list);
  }
  return map;
}

export function readEvidence(ctx: Ctx, id: number): { meta: EvidenceMeta; bytes: Buffer } {
  const row = ctx.vault.orm.select(META).from(evidenceFiles).where(eq(evidenceFiles.id, id)).get();
  if (!row) throw notFound(`Evidence file ${id}`);
  if (row.destroyedOn) {
    throw new AppError(
      'invalid',
      `The copy ${row.name} was destroyed on ${ukDate(row.destroyedOn)} (${row.destroyedWhy ?? 'DBS Code of Practice'}); only its details and SHA-256 are kept.`,
    );
  }
  return { meta: toMeta(row), bytes: evidenceContentReader(ctx)(id) };
}

/** Reads the bytes of evidence files by id, one prepared statement for many reads (exports). */
export function evidenceContentReader(ctx: Ctx): (id: number) => Buffer {
  const q = ctx.vault.sqlite.prepare<[number], Buffer>('SELECT content FROM evidence_contents WHERE file_id = ?').pluck();
  return (id) => {
    const bytes = q.get(id);
    // Metadata without bytes: the vault has been damaged outside Caseproof.
    if (bytes === undefined) throw new AppError('damaged', `The contents of evidence file ${id} are missing from the vault.`);
    return bytes;
  };
}

/** Deletes a file; its bytes go with it (ON DELETE CASCADE), overwritten by secure_delete. */
export function deleteEvidence(ctx: Ctx, id: number): void {
  const n = ctx.vault.orm.delete(evidenceFiles).where(eq(evidenceFiles.id, id)).run();
  if (n.changes === 0) throw notFound(`Evidence file ${id}`);
}
