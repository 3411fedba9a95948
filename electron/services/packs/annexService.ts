// The evidence annex beside a registered pack (issue 11 item 5): which files it carries, saving
// it with the pack in one step, and finding it again by its SHA-256 (`pack verify`).
//
// A pack and its annex are saved together: both files are staged beside where they go, then the
// pack's register row, the annex's row (pack_annexes, migration 0010) and both renames happen in
// one transaction, so either both are registered and in place or neither is.
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { packAnnexes, packs } from '../../../db/schema';
import { ukDate } from '../../contract/dates';
import { PACK_TITLES, type PackEntry } from '../../contract/ops/packs';
import type { Ctx } from '../context';
import { AppError } from '../errors';
import { stageFile } from '../files';
import { sha256Hex as sha256Of } from '../hash';
import { evidenceContentReader } from '../evidence/evidence';
// pdf-lib is loaded only when an annex is made (buildPackAnnex), not for every pack or pack verify.
import type { AnnexEntry, AnnexFile, BuiltAnnex } from './annex';
import { handoverPolicyFiles } from './evidence';
import type { BuiltPack, ReproducedPack, Subject } from './packService';
import { reproducePack, savePack } from './packService';
import type { PackSource } from './sources';
import type { ReadEvidence } from './types';

/** What the register holds about a pack's annex. */
export interface AnnexRecord {
  packId: number;
  fileName: string;
  sha256: string;
  pages: number;
  files: AnnexEntry[];
}

/** "…/Legal Panel evidence pack - Jordan Blake - 2026-11-24.docx" -> "… - evidence annex.pdf" beside it. */
export function annexPathFor(docx: string): string {
  return `${docx.replace(/\.docx$/i, '')} - evidence annex.pdf`;
}

/**
 * The files an annex carries: every file the pack cites (E1, E2, ... as in its appendix) and,
 * for a Legal Panel pack, the firm's handover policy documents (P1, ...), which the panel asks
 * to see (MTSP Practitioner: handover process). Everything comes from the pack's source (what it
 * was built from, kept with its register entry), never the records as they are now, so the same
 * source and evidence bytes give the same annex.
 */
export async function annexFilesOf(source: PackSource, subject: Subject, read: ReadEvidence): Promise<AnnexFile[]> {
  const items = subject.evidence.map((e) => ({ ref: e.ref, record: e.record, meta: e.meta }));
  if (subject.kind === 'staff') {
    for (const e of handoverPolicyFiles(source.snapshot.firm)) items.push({ ref: e.ref, record: e.record, meta: e.meta });
  }
  const files: AnnexFile[] = [];
  for (const { ref, record, meta } of items) {
    const destroyed = meta.destroyed;
    files.push({
      ref,
      record,
      name: meta.name,
      mediaType: meta.mediaType,
      sha256: meta.sha256,
      date: meta.addedOn.slice(0, 10),
      bytes: destroyed ? null : await read(meta.id),
      ...(destroyed ? { missing: `The copy was destroyed on ${ukDate(destroyed.on)} (${destroyed.why}); only its details and fingerprint are kept` } : {}),
    });
  }
  return files;
}

/** The annex of a pack built from `source`, made at `madeAt` (its register time). */
async function annexOfSource(source: PackSource, subject: Subject, madeAt: string, read: ReadEvidence): Promise<BuiltAnnex> {
  const { buildAnnex } = await import('./annex');
  return buildAnnex({
    packTitle: PACK_TITLES[source.kind],
    subjectName: subject.name,
    firmName: source.snapshot.firm.name,
    asOf: source.asOf,
    ...(source.recipient ? { recipient: source.recipient.name } : {}),
    madeAt,
    files: await annexFilesOf(source, subject, read),
  });
}

/** Builds the annex of a built pack (nothing is written or registered). */
export async function buildPackAnnex(ctx: Ctx, built: BuiltPack): Promise<BuiltAnnex> {
  ctx.progress?.({ done: 0, total: 1, label: 'Putting the evidence annex together' });
  const annex = await annexOfSource(built.source.source, built.subject, built.stamp.generatedAt, evidenceContentReader(ctx));
  ctx.progress?.({ done: 1, total: 1, label: 'The evidence annex is ready' });
  return annex;
}

/** A registered pack's annex rebuilt as sent, and whether it is the registered one. */
export interface ReproducedAnnex {
  registered: AnnexRecord;
  bytes: Uint8Array;
  sha256: string;
  same: boolean;
}

/**
 * "As sent" for the annex: rebuilds pack `id`'s evidence annex from the pack's stored source and
 * the evidence files found by SHA-256 (reproducePack's reader), with the registered time.
 */
export async function reproduceAnnex(ctx: Ctx, id: number, pack?: ReproducedPack): Promise<ReproducedAnnex> {
  const registered = annexOf(ctx, id);
  if (!registered) throw new AppError('not-found', `Pack number ${id} was registered without an evidence annex, so there is none to rebuild.`, 'annex');
  const r = pack ?? (await reproducePack(ctx, id));
  const built = await annexOfSource(r.source, r.subject, r.entry.generatedAt, r.readEvidence);
  const sha256 = sha256Of(built.bytes);
  return { registered, bytes: built.bytes, sha256, same: sha256 === registered.sha256 };
}

/**
 * Saves a pack and its annex and registers both, in the pack's own transaction (savePack's
 * alsoRegister). The annex is staged first (a full disk fails before anything is registered); if
 * the pack cannot be moved into place after the annex was, the annex file is removed again, since
 * its register row is rolled back with the rest.
 */
export async function savePackWithAnnex(
  ctx: Ctx,
  built: BuiltPack,
  dest: string,
  annex: BuiltAnnex,
  annexDest: string,
  opts: { overwrite?: boolean } = {},
): Promise<{ entry: PackEntry; annex: AnnexRecord }> {
  if (path.resolve(annexDest) === path.resolve(dest)) throw new AppError('invalid', 'The annex must be saved under a different name from the pack.', 'annex');
  if (!opts.overwrite && existsSync(annexDest)) throw new AppError('exists', `${annexDest} already exists; Caseproof will not overwrite it.`, 'annex');
  if (!opts.overwrite && existsSync(dest)) throw new AppError('exists', `${dest} already exists; Caseproof will not overwrite it.`, 'out');
  const staged = stageFile(annexDest, annex.bytes, { overwrite: opts.overwrite === true });
  const saved: { record?: AnnexRecord } = {};
  let annexWritten = false;
  try {
    const entry = await savePack(ctx, built, dest, {
      ...opts,
      alsoRegister: (packId) => {
        const record: AnnexRecord = { packId, fileName: path.basename(annexDest), sha256: sha256Of(annex.bytes), pages: annex.pages, files: annex.entries };
        saved.record = record;
        ctx.vault.orm
          .insert(packAnnexes)
          .values({ ...record, files: record.files as unknown as Record<string, unknown>[] })
          .run();
        staged.publish();
        annexWritten = true;
      },
    });
    if (!saved.record) throw new Error('savePackWithAnnex: the pack was registered without its annex');
    return { entry, annex: saved.record };
  } catch (e) {
    if (annexWritten) rmSync(annexDest, { force: true });
    throw e;
  } finally {
    staged.discard();
  }
}

/** The annex registered with pack `packId`, or null when it has none. */
export function annexOf(ctx: Ctx, packId: number): AnnexRecord | null {
  const row = ctx.vault.orm.select().from(packAnnexes).where(eq(packAnnexes.packId, packId)).get();
  return row ? { ...row, files: row.files as unknown as AnnexEntry[] } : null;
}

/** The registered annex whose SHA-256 this is, with its pack's register row; null when none. */
export function findAnnex(ctx: Ctx, sha256: string): { annex: AnnexRecord; pack: typeof packs.$inferSelect } | null {
  const row = ctx.vault.orm
    .select({ annex: packAnnexes, pack: packs })
    .from(packAnnexes)
    .innerJoin(packs, eq(packs.id, packAnnexes.packId))
    .where(eq(packAnnexes.sha256, sha256))
    .orderBy(packAnnexes.packId)
    .limit(1)
    .get();
  return row ? { annex: { ...row.annex, files: row.annex.files as unknown as AnnexEntry[] }, pack: row.pack } : null;
}
