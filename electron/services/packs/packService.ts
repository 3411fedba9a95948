// Word packs from the vault: build one for a case manager, a supplier or the firm as at a date,
// preview what it will say without building it, write it where the person chose and keep a
// register of every pack made (with its SHA-256), rebuild a registered pack to prove what was
// sent, and keep the firm's pack template (logo, colour, address block, footer line).
//
// The builders are deterministic (same inputs, same bytes), so a registered pack rebuilt from the
// same records gives the same SHA-256. The register keeps fingerprints of the inputs (evidence
// files, the subject's records, everything else, the template) so a rebuild that differs can say why.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { desc, eq } from 'drizzle-orm';
import { firm, packSources, packs, staff, suppliers } from '../../../db/schema';
import { type OverallStatus, overallStatus } from '../../contract/compliance';
import { ukDateLong, ukDateTime } from '../../contract/dates';
import {
  LOGO_MEDIA_TYPES,
  MAX_LOGO_BYTES,
  PACK_OPTION_KEYS,
  PACK_TITLES,
  type PackEntry,
  type PackKind,
  type PackPreview,
  type PackRecipient,
  type PackRequest,
  type PreviewItem,
  type RegeneratedPack,
  type ResolvedOptions,
  type StoredTemplate,
  type TemplateView,
  packRequest,
  storedTemplate,
  templateSettings,
} from '../../contract/ops/packs';
import type { Ctx } from '../context';
import { AppError } from '../errors';
import { stageFile, writeFileAtomic } from '../files';
import { readEvidence } from '../evidence/evidence';
import { getFirm } from '../firm/firm';
import { parseOr } from '../parse';
import { type Answer, answerFrom, resultsFor } from './answers';
import { type EvidenceItem, citeGroups, firmEvidence, staffEvidence, supplierEvidence } from './evidence';
import { GOVERNANCE_ITEMS, ORGANISATION_ITEMS, codeItemAnswer, codeOverall, codeResults } from './firmPack';
import { imageInfo } from './images';
import { buildFirmPack, buildStaffPack, buildSupplierPack, sha256Hex } from './index';
import { listParties } from '../cases/cases';
import { STAFF_CHECKS, cpdInWindow, staffCheckAnswer, staffOverall } from './staffPack';
import { SUPPLIER_CHECKS } from './supplierPack';
import {
  type PackInputs,
  type PackSource,
  type SourceJson,
  SOURCE_FORMAT,
  decodeSource,
  encodeSource,
  fingerprintsOf,
  packSource,
  sourceHash,
} from './sources';
import { DEFAULT_PACK_OPTIONS, type FirmTemplate, type PackStamp, type ReadEvidence, resolveOptions } from './types';

/**
 * Bumped whenever the builders change what they write, so a rebuild that differs with every
 * input unchanged can say the layout changed rather than the records. 2: packs name their
 * register entry and carry the time they were made (issue 11).
 */
export const PACK_LAYOUT_VERSION = 3; // 3: the Legal Panel pack gives the signature, peer-review year, cases by complexity and handover documents

export type { PackInputs } from './sources';

/** What the options column of a register row holds: the resolved options, plus what a rebuild needs. */
interface StoredOptions extends ResolvedOptions {
  recipientKind?: string;
  inputs?: PackInputs;
}

export interface Subject {
  kind: PackKind;
  ref?: string;
  name: string;
  evidence: EvidenceItem[];
}

export interface BuiltPack {
  request: PackRequest;
  subject: Subject;
  bytes: Uint8Array;
  sha256: string;
  options: ResolvedOptions;
  inputs: PackInputs;
  /** What the builder read, as stored with the register entry. */
  source: SourceJson;
  /** The register entry the bytes name (reserved: savePack rebuilds if another pack took it meanwhile). */
  stamp: PackStamp;
  suggestedFileName: string;
}

// ---------- building ----------

/** Checks a request: its shape, and that it speaks for today or earlier. */
function checkRequest(ctx: Ctx, input: unknown): PackRequest {
  const request = parseOr(packRequest, input, 'The pack');
  if (request.asOf > ctx.clock.today()) {
    throw new AppError('invalid', `A pack cannot speak for a date after today; choose ${ukDateLong(ctx.clock.today())} or earlier.`, 'asOf');
  }
  return request;
}

function subjectOf(source: PackSource): Subject {
  const s = source.snapshot;
  if (source.kind === 'staff') return { kind: 'staff', ref: s.staff[0]!.ref, name: s.staff[0]!.name, evidence: staffEvidence(s.staff[0]!) };
  if (source.kind === 'supplier') {
    return { kind: 'supplier', ref: s.suppliers[0]!.ref, name: s.suppliers[0]!.name, evidence: supplierEvidence(s.suppliers[0]!) };
  }
  return { kind: 'firm', name: s.firm.name || 'The firm', evidence: firmEvidence(s.firm) };
}

/** The template as stored, checked; a damaged one is an error the person can fix in the template section. */
export function loadTemplate(ctx: Ctx): StoredTemplate {
  return parseOr(storedTemplate, getFirm(ctx).template ?? {}, 'The pack template', 'template');
}

function packTemplate(t: StoredTemplate): FirmTemplate {
  const out: FirmTemplate = {};
  if (t.logo) out.logo = { mediaType: t.logo.mediaType, base64: t.logo.base64 };
  if (t.primaryColour) out.primaryColour = t.primaryColour;
  if (t.addressBlock) out.addressBlock = t.addressBlock;
  if (t.footerText) out.footerText = t.footerText;
  return out;
}

/** The source of a request: only what that pack reads (sources.ts). */
function sourceFor(ctx: Ctx, request: PackRequest): SourceJson {
  return packSource(ctx, request, resolveOptions(request.options), packTemplate(loadTemplate(ctx)), PACK_LAYOUT_VERSION);
}

/** The bytes of a pack from its source alone (and the evidence files it names). */
async function render(source: PackSource, stamp: PackStamp | undefined, readEvidence: ReadEvidence): Promise<Uint8Array> {
  const base = {
    snapshot: source.snapshot,
    report: source.report,
    asOf: source.asOf,
    ...(source.recipient ? { recipient: source.recipient } : {}),
    options: source.options,
    template: source.template,
    readEvidence,
    ...(stamp ? { register: stamp } : {}),
  };
  if (source.kind === 'staff') return buildStaffPack({ ...base, staffRef: source.ref! });
  if (source.kind === 'supplier') return buildSupplierPack({ ...base, supplierRef: source.ref! });
  return buildFirmPack(base);
}

/** The register id the next pack will get (AUTOINCREMENT: never one used before, even if deleted). */
function nextPackId(ctx: Ctx): number {
  const row = ctx.vault.sqlite
    .prepare<[], { n: number }>(
      `SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'packs'), 0), coalesce((SELECT max(id) FROM packs), 0)) + 1 AS n`,
    )
    .get();
  return row?.n ?? 1;
}

/** Builds the pack's bytes as the next register entry (nothing is written or registered). */
export async function buildPack(ctx: Ctx, input: unknown): Promise<BuiltPack> {
  ctx.progress?.({ done: 0, total: 2, label: 'Reading the records and checking the rules' });
  const request = checkRequest(ctx, input);
  const source = sourceFor(ctx, request);
  const subject = subjectOf(source.source);
  ctx.progress?.({ done: 1, total: 2, label: 'Laying out the pack' });
  if (!source.source.snapshot.firm.name.trim()) {
    throw new AppError('invalid', "Enter the firm's name in Settings first: every pack carries it on the cover and on each page.", 'firm');
  }
  const stamp: PackStamp = { id: nextPackId(ctx), generatedAt: ctx.clock.stamp() };
  const bytes = await render(source.source, stamp, (id) => readEvidence(ctx, id).bytes);
  ctx.progress?.({ done: 2, total: 2, label: 'The pack is ready' });
  const sourceSha = sourceHash(source.json);
  return {
    request,
    subject,
    bytes,
    sha256: sha256Hex(bytes),
    options: source.source.options,
    inputs: fingerprintsOf(source.source, subject.evidence, sourceSha),
    source,
    stamp,
    suggestedFileName: suggestedFileName(request, subject),
  };
}

/** The same pack as another register entry: only the id it names changes. */
async function restamp(ctx: Ctx, built: BuiltPack, id: number): Promise<BuiltPack> {
  const stamp = { ...built.stamp, id };
  const bytes = await render(built.source.source, stamp, (fileId) => readEvidence(ctx, fileId).bytes);
  return { ...built, stamp, bytes, sha256: sha256Hex(bytes) };
}

/** e.g. "Legal Panel evidence pack - Jordan Blake - for Fenwick Law - 2026-11-24.docx". */
export function suggestedFileName(r: Pick<PackRequest, 'kind' | 'asOf' | 'recipient'>, subject: { name: string }): string {
  const parts = [PACK_TITLES[r.kind], subject.name, r.recipient ? `for ${r.recipient.name}` : '', r.asOf].filter(Boolean);
  const name = parts
    .join(' - ')
    .replace(/[\\/:*?"<>|\p{Cc}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 180);
  return `${name}.docx`;
}

/** Why a rebuild differs from the registered pack, or what changed in the records since, in words. */
function explainChanges(before: PackInputs | undefined, now: PackInputs, subject: Subject): string[] {
  if (!before) return ['The register entry has no record of what the pack was built from, so Caseproof cannot say what changed.'];
  const out: string[] = [];
  const key = (e: { name: string; sha256: string }) => `${e.sha256}:${e.name}`;
  const was = new Set(before.evidence.map(key));
  const is = new Set(now.evidence.map(key));
  const added = now.evidence.filter((e) => !was.has(key(e)));
  const removed = before.evidence.filter((e) => !is.has(key(e)));
  if (added.length || removed.length) {
    const list = (l: { name: string }[]) => l.map((e) => e.name).join(', ');
    out.push(
      'The evidence files have changed since: ' +
        [added.length ? `added ${list(added)}` : '', removed.length ? `no longer held ${list(removed)}` : ''].filter(Boolean).join('; ') +
        '.',
    );
  } else if (before.evidence.map(key).join('|') !== now.evidence.map(key).join('|')) {
    out.push('The evidence files are the same but are now listed in a different order.');
  }
  if (before.subject !== now.subject) {
    out.push(subject.kind === 'firm' ? "The firm's details, settings or policies have changed since." : `${subject.name}'s records have changed since.`);
  }
  if (before.rest !== now.rest) {
    out.push(
      subject.kind === 'firm'
        ? 'Other records the pack draws on (case managers, suppliers, cases or their results) have changed since.'
        : "Other records the pack draws on (the firm's details and policies, the cases it counts, or the results) have changed since.",
    );
  }
  if (before.template !== now.template) out.push('The pack template (logo, colour, address block or footer) has changed since.');
  if (before.layout !== now.layout) out.push(`Caseproof's pack layout has changed since (version ${before.layout} then, ${now.layout} now).`);
  return out;
}

// ---------- writing and the register ----------

function insertEntry(ctx: Ctx, built: BuiltPack, fileName: string): number {
  const stored: StoredOptions = { ...built.options, inputs: built.inputs };
  if (built.request.recipient?.kind) stored.recipientKind = built.request.recipient.kind;
  const id = ctx.vault.orm
    .insert(packs)
    .values({
      id: built.stamp.id,
      kind: built.request.kind,
      subjectRef: built.subject.ref ?? null,
      recipient: built.request.recipient?.name ?? null,
      asOf: built.request.asOf,
      options: stored as unknown as Record<string, unknown>,
      generatedBy: ctx.user,
      generatedAt: built.stamp.generatedAt,
      fileName,
      sha256: built.sha256,
    })
    .returning({ id: packs.id })
    .get().id;
  ctx.vault.orm
    .insert(packSources)
    .values({ packId: id, format: SOURCE_FORMAT, sha256: built.inputs.source!, content: encodeSource(built.source.json) })
    .run();
  return id;
}

/**
 * Saves a built pack to `dest` and adds it to the register: the file is written beside `dest`,
 * then the register row (and what the pack was built from) is inserted and the file moved into
 * place in one transaction, so either both happen or neither does. The pack names its register
 * id, reserved when it was built; if another pack took that id meanwhile, it is rebuilt as the next.
 */
export async function savePack(
  ctx: Ctx,
  built: BuiltPack,
  dest: string,
  opts: { overwrite?: boolean; alsoRegister?: (packId: number) => void } = {},
): Promise<PackEntry> {
  if (!opts.overwrite && existsSync(dest)) throw new AppError('exists', `${dest} already exists; Caseproof will not overwrite it.`, 'out');
  let pack = built;
  for (let attempt = 0; attempt < 5; attempt++) {
    const next = nextPackId(ctx);
    if (next !== pack.stamp.id) {
      pack = await restamp(ctx, pack, next);
      continue;
    }
    const staged = stageFile(dest, pack.bytes, { overwrite: opts.overwrite === true });
    try {
      const id = ctx.vault.tx(() => {
        if (nextPackId(ctx) !== pack.stamp.id) return null;
        const rowId = insertEntry(ctx, pack, path.basename(dest));
        // What is registered with the pack (its evidence annex), in the same transaction.
        opts.alsoRegister?.(rowId);
        staged.publish();
        return rowId;
      });
      if (id !== null) return getPack(ctx, id);
    } finally {
      staged.discard();
    }
  }
  throw new AppError('conflict', 'Other packs were being registered at the same time; nothing was saved. Try again.', 'id');
}

/** Builds the pack asked for, writes it to `dest` and registers it. */
export async function generatePack(ctx: Ctx, input: unknown, dest: string, opts: { overwrite?: boolean } = {}): Promise<{ entry: PackEntry; path: string }> {
  const built = await buildPack(ctx, input);
  return { entry: await savePack(ctx, built, dest, opts), path: dest };
}

function toEntry(row: typeof packs.$inferSelect, names: Map<string, string>): PackEntry {
  const stored = (row.options ?? {}) as Partial<StoredOptions>;
  const options = Object.fromEntries(PACK_OPTION_KEYS.map((k) => [k, typeof stored[k] === 'boolean' ? stored[k] : DEFAULT_PACK_OPTIONS[k]])) as ResolvedOptions;
  const kind = row.kind as PackKind;
  const entry: PackEntry = {
    id: row.id,
    kind,
    title: PACK_TITLES[kind] ?? row.kind,
    subjectRef: row.subjectRef,
    subjectName: names.get(`${kind}:${row.subjectRef ?? ''}`) ?? null,
    recipient: row.recipient,
    asOf: row.asOf,
    options,
    generatedBy: row.generatedBy,
    generatedAt: row.generatedAt,
    fileName: row.fileName,
    sha256: row.sha256,
  };
  if (stored.recipientKind) entry.recipientKind = stored.recipientKind;
  if (stored.inputs?.source) entry.inputSha256 = stored.inputs.source;
  return entry;
}

/** Names of the firm, every case manager and supplier by "kind:ref", for the register. */
function subjectNames(ctx: Ctx): Map<string, string> {
  const names = new Map<string, string>();
  const { orm } = ctx.vault;
  const f = orm.select({ name: firm.name }).from(firm).where(eq(firm.id, 1)).get();
  if (f) names.set('firm:', f.name);
  for (const r of orm.select({ ref: staff.ref, name: staff.name }).from(staff).all()) names.set(`staff:${r.ref}`, r.name);
  for (const r of orm.select({ ref: suppliers.ref, name: suppliers.name }).from(suppliers).all()) names.set(`supplier:${r.ref}`, r.name);
  return names;
}

/** Every pack in the register, the newest first. */
export function listPacks(ctx: Ctx): PackEntry[] {
  const names = subjectNames(ctx);
  return ctx.vault.orm
    .select()
    .from(packs)
    .orderBy(desc(packs.generatedAt), desc(packs.id))
    .all()
    .map((r) => toEntry(r, names));
}

export function getPack(ctx: Ctx, id: number): PackEntry {
  const row = ctx.vault.orm.select().from(packs).where(eq(packs.id, id)).get();
  if (!row) throw new AppError('not-found', `There is no pack number ${id} in the register.`, 'id');
  return toEntry(row, subjectNames(ctx));
}

function packRow(ctx: Ctx, id: number): typeof packs.$inferSelect {
  const row = ctx.vault.orm.select().from(packs).where(eq(packs.id, id)).get();
  if (!row) throw new AppError('not-found', `There is no pack number ${id} in the register.`, 'id');
  return row;
}

/** The request a register row was made from, with another as-of date if given. */
function requestOf(row: typeof packs.$inferSelect, asOf: string = row.asOf): PackRequest {
  const entry = toEntry(row, new Map());
  const stored = (row.options ?? {}) as Partial<StoredOptions>;
  const recipient: PackRecipient | undefined = row.recipient
    ? { name: row.recipient, ...(stored.recipientKind ? { kind: stored.recipientKind as PackRecipient['kind'] } : {}) }
    : undefined;
  return {
    kind: entry.kind,
    ...(row.subjectRef ? { ref: row.subjectRef } : {}),
    asOf,
    ...(recipient ? { recipient } : {}),
    options: entry.options,
  };
}

/**
 * Reads an evidence file a stored source names, by its SHA-256: the file it was, or any file in
 * the vault with the same bytes. A file no longer held (deleted, or a DBS copy destroyed under
 * the firm's period) means the pack cannot be rebuilt as sent, and the error names it.
 */
function evidenceBySha(ctx: Ctx, source: PackSource, id: number): ReadEvidence {
  // Every evidence file the source names, wherever it is (a builder may read a firm policy's file too).
  const metas = new Map<number, { name: string; sha256: string }>();
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) return v.forEach(walk);
    if (!v || typeof v !== 'object') return;
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.evidence)) {
      for (const m of o.evidence as { id?: unknown; name?: unknown; sha256?: unknown }[]) {
        if (typeof m?.id === 'number' && typeof m.sha256 === 'string') metas.set(m.id, { name: String(m.name), sha256: m.sha256 });
      }
    }
    for (const x of Object.values(o)) if (x && typeof x === 'object') walk(x);
  };
  walk(source.snapshot);
  const byId = ctx.vault.sqlite.prepare<[number, string], Buffer>(
    'SELECT c.content FROM evidence_contents c JOIN evidence_files f ON f.id = c.file_id WHERE f.id = ? AND f.sha256 = ?',
  );
  const bySha = ctx.vault.sqlite.prepare<[string], Buffer>(
    'SELECT c.content FROM evidence_contents c JOIN evidence_files f ON f.id = c.file_id WHERE f.sha256 = ? ORDER BY f.id LIMIT 1',
  );
  return (fileId) => {
    const meta = metas.get(fileId);
    if (!meta) throw new AppError('damaged', `What pack number ${id} was built from names evidence file ${fileId}, which it does not list.`, 'id');
    const bytes = byId.pluck().get(fileId, meta.sha256) ?? bySha.pluck().get(meta.sha256);
    if (bytes === undefined) {
      throw new AppError(
        'not-found',
        `Pack number ${id} cannot be rebuilt as sent: the evidence file ${meta.name} (SHA-256 ${meta.sha256.slice(0, 12)}…) is no longer in the vault.`,
        'id',
      );
    }
    return bytes;
  };
}

/** A registered pack rebuilt from what it was built from, as it was sent. */
export interface ReproducedPack {
  entry: PackEntry;
  bytes: Uint8Array;
  sha256: string;
  /** True when the rebuilt bytes are the registered ones (SHA-256 equal). */
  same: boolean;
  /** Why they differ (empty when the same). */
  changes: string[];
  /** What it was built from, its subject and its evidence read by SHA-256 (the annex is rebuilt from these). */
  source: PackSource;
  subject: Subject;
  readEvidence: ReadEvidence;
}

/**
 * Rebuilds pack `id` byte for byte from the source kept with its register entry (not from the
 * records as they are now), naming the same register entry and time.
 */
export async function reproducePack(ctx: Ctx, id: number): Promise<ReproducedPack> {
  const row = packRow(ctx, id);
  const entry = toEntry(row, subjectNames(ctx));
  const kept = ctx.vault.orm.select().from(packSources).where(eq(packSources.packId, id)).get();
  if (!kept) {
    throw new AppError(
      'not-found',
      `Pack number ${id} was made on ${ukDateTime(row.generatedAt)}, before Caseproof kept what each pack is built from, so it cannot be rebuilt as sent. ` +
        'Regenerate it with today\u2019s records to make a new pack that can.',
      'id',
    );
  }
  const { source } = decodeSource(kept.content, kept.sha256, id);
  const readEvidence = evidenceBySha(ctx, source, id);
  ctx.progress?.({ done: 0, total: 1, label: 'Rebuilding the pack as it was sent' });
  const bytes = await render(source, { id: row.id, generatedAt: row.generatedAt }, readEvidence);
  ctx.progress?.({ done: 1, total: 1, label: 'The pack is rebuilt' });
  const sha256 = sha256Hex(bytes);
  const same = sha256 === row.sha256;
  const changes = same
    ? []
    : source.layout !== PACK_LAYOUT_VERSION
      ? [`Caseproof's pack layout has changed since (version ${source.layout} then, ${PACK_LAYOUT_VERSION} now): use the version that made it.`]
      : ['What the pack was built from is unchanged, so the difference comes from how this copy of Caseproof builds packs.'];
  return { entry, bytes, sha256, same, changes, source, subject: subjectOf(source), readEvidence };
}

/** What has changed in the records since pack `row` was made, for its own as-of date (empty: nothing). */
function changedSince(ctx: Ctx, row: typeof packs.$inferSelect): string[] {
  const stored = (row.options ?? {}) as Partial<StoredOptions>;
  let now: SourceJson;
  try {
    now = sourceFor(ctx, requestOf(row));
  } catch (e) {
    if (e instanceof AppError && e.code === 'not-found' && e.field === 'ref') return [`${row.subjectRef} is no longer in the vault.`];
    throw e;
  }
  const subject = subjectOf(now.source);
  const inputs = fingerprintsOf(now.source, subject.evidence, sourceHash(now.json));
  if (stored.inputs?.source && stored.inputs.source === inputs.source) return [];
  return explainChanges(stored.inputs, inputs, subject);
}

/**
 * "Check" and "As sent": rebuilds pack `id` from what it was built from and compares it with the
 * register; with `dest`, saves the rebuilt file there (only when it is byte for byte the pack
 * registered: a different file is not what was sent). `since` says what has changed in the records
 * since the pack was made. `rebuilt`: the pack already rebuilt by reproducePack (for its annex,
 * say), so it is not built a second time.
 */
export async function reproducePackTo(ctx: Ctx, id: number, dest: string | null, rebuilt?: ReproducedPack): Promise<RegeneratedPack> {
  if (rebuilt && rebuilt.entry.id !== id) throw new Error(`reproducePackTo: pack ${rebuilt.entry.id} was rebuilt, not pack ${id}`);
  const r = rebuilt ?? (await reproducePack(ctx, id));
  if (dest) {
    if (!r.same) {
      throw new AppError(
        'conflict',
        `Pack number ${id} rebuilt comes out different (SHA-256 ${r.sha256}, registered ${r.entry.sha256}): ${r.changes.join(' ')} Nothing was saved.`,
        'id',
      );
    }
    writeFileAtomic(dest, r.bytes, { overwrite: true });
  }
  return { original: r.entry, sha256: r.sha256, same: r.same, changes: r.changes, since: changedSince(ctx, packRow(ctx, id)), path: dest, entry: null };
}

/**
 * "With today's records": pack `id` made again, as at today, from the records as they are now:
 * a new pack with its own register entry when saved to `dest`. Without `dest`, says what has
 * changed since without building anything.
 */
export async function regeneratePack(ctx: Ctx, id: number, dest: string | null): Promise<RegeneratedPack> {
  const row = packRow(ctx, id);
  const original = toEntry(row, subjectNames(ctx));
  const stored = (row.options ?? {}) as Partial<StoredOptions>;
  if (!dest) {
    const since = changedSince(ctx, row);
    return { original, sha256: row.sha256, same: since.length === 0, changes: since, since, path: null, entry: null };
  }
  let built: BuiltPack;
  try {
    built = await buildPack(ctx, requestOf(row, ctx.clock.today()));
  } catch (e) {
    if (e instanceof AppError && e.code === 'not-found' && e.field === 'ref') {
      throw new AppError('not-found', `The pack cannot be made again: ${row.subjectRef} is no longer in the vault.`, 'id');
    }
    throw e;
  }
  const changes = explainChanges(stored.inputs, built.inputs, built.subject);
  const entry = await savePack(ctx, built, dest, { overwrite: true });
  return { original, sha256: entry.sha256, same: false, changes, since: changes, path: dest, entry };
}

// ---------- preview ----------
const fromAnswer = (item: string, question: string, a: Answer, files: string): PreviewItem => ({
  item,
  question,
  status: a.status,
  word: a.word,
  reasons: a.reasons,
  files: files ? files.split(', ') : [],
});

/** What the pack will say, item by item, without building it. */
export function previewPack(ctx: Ctx, input: unknown): PackPreview {
  const request = checkRequest(ctx, input);
  // The same source a pack of this request would read (without its JSON: nothing is kept).
  const { source } = packSource(ctx, request, resolveOptions(request.options), {}, PACK_LAYOUT_VERSION, { json: false });
  const { snapshot, report } = source;
  const subject = subjectOf(source);
  const cite = (groups: readonly string[]) => (groups.length ? citeGroups(subject.evidence, [...groups]) : '');
  let groups: PackPreview['groups'];
  let overall: OverallStatus;
  let cpdEntries: number | undefined;
  if (request.kind === 'staff') {
    const person = snapshot.staff.find((s) => s.ref === subject.ref)!;
    const results = resultsFor(report.staff, person.ref);
    groups = [
      {
        title: 'MTSP Legal Panel checklist',
        items: STAFF_CHECKS.map((c, i) => fromAnswer(String(i + 1), c.question, staffCheckAnswer(c, results, report.firm.rules), cite(c.groups))),
      },
    ];
    // The same Overall as the pack's summary line: every rule behind an item printed under it.
    overall = staffOverall({ results, firmResults: report.firm.rules, staff: person }).status as OverallStatus;
    cpdEntries = cpdInWindow(person, request.asOf).length;
  } else if (request.kind === 'supplier') {
    const results = resultsFor(report.suppliers, subject.ref!);
    groups = [
      {
        title: 'Governance checks on the supplier',
        items: SUPPLIER_CHECKS.map((c) => fromAnswer(c.item, c.question, answerFrom(results, [c.rule]), cite(c.groups))),
      },
    ];
    overall = overallStatus(results);
  } else {
    const v = codeResults(snapshot, report);
    groups = [
      { title: 'The Organisation: items A to L', items: ORGANISATION_ITEMS.map((i) => fromAnswer(i.item, i.asks, codeItemAnswer(v, i), '')) },
      { title: 'Governance: items D and E', items: GOVERNANCE_ITEMS.map((i) => fromAnswer(i.item, i.asks, codeItemAnswer(v, i), '')) },
    ];
    overall = codeOverall(v).status as OverallStatus;
  }
  const items = groups.flatMap((g) => g.items);
  const options = resolveOptions(request.options);
  const preview: PackPreview = {
    kind: request.kind,
    title: PACK_TITLES[request.kind],
    subjectName: subject.name,
    asOf: request.asOf,
    overall,
    groups,
    counts: {
      met: items.filter((i) => i.status === 'met').length,
      dueSoon: items.filter((i) => i.status === 'due_soon').length,
      notMet: items.filter((i) => i.status === 'not_met').length,
      exempt: items.filter((i) => i.status === 'exempt').length,
      notApplicable: items.filter((i) => i.status === 'not_applicable').length,
      other: items.filter((i) => i.status === null).length,
    },
    evidenceFiles: options.includeEvidenceAppendix ? subject.evidence.length : 0,
    images:
      options.includeEvidenceAppendix && options.embedImages ? subject.evidence.filter((e) => /^image\/(png|jpeg|gif)$/.test(e.meta.mediaType)).length : 0,
    suggestedFileName: suggestedFileName(request, subject),
  };
  if (subject.ref) preview.ref = subject.ref;
  if (request.recipient) preview.recipient = request.recipient;
  if (cpdEntries !== undefined) preview.cpdEntries = cpdEntries;
  return preview;
}

// ---------- recipients ----------
/** The instructing parties recorded on cases, with how many cases each has. */
/** The recipient for a name typed on the command line: a known contact's kind when the name matches one. */
export function recipientNamed(ctx: Ctx, name: string): PackRecipient {
  const wanted = name.trim().toLowerCase();
  const match = listParties(ctx).filter((r) => r.name.toLowerCase() === wanted);
  return match.length === 1 ? { name: match[0].name, kind: match[0].kind as PackRecipient['kind'] } : { name: name.trim() };
}

// ---------- the firm template ----------
export function templateView(t: StoredTemplate): TemplateView {
  const view: TemplateView = { logo: null };
  if (t.primaryColour) view.primaryColour = t.primaryColour;
  if (t.addressBlock) view.addressBlock = t.addressBlock;
  if (t.footerText) view.footerText = t.footerText;
  if (t.logo) {
    const bytes = Buffer.from(t.logo.base64, 'base64');
    const info = imageInfo(bytes);
    view.logo = {
      ...(t.logo.name ? { name: t.logo.name } : {}),
      mediaType: t.logo.mediaType,
      size: bytes.length,
      width: info?.width ?? 0,
      height: info?.height ?? 0,
      dataUrl: `data:${t.logo.mediaType};base64,${t.logo.base64}`,
    };
  }
  return view;
}

export function getTemplate(ctx: Ctx): TemplateView {
  return templateView(loadTemplate(ctx));
}

function writeTemplate(ctx: Ctx, t: StoredTemplate): void {
  const n = ctx.vault.orm.update(firm).set({ template: t, updatedAt: ctx.clock.stamp() }).where(eq(firm.id, 1)).run();
  if (n.changes === 0) throw new AppError('invalid', "Enter the firm's details in Settings before setting up the pack template.", 'firm');
}

/** Sets the colour, address block and footer line; the logo stays as it is. Empty values clear them. */
export function updateTemplate(ctx: Ctx, input: unknown): TemplateView {
  const s = parseOr(templateSettings, input, 'The pack template');
  return ctx.vault.tx(() => {
    const current = loadTemplate(ctx);
    const next: StoredTemplate = { ...(current.logo ? { logo: current.logo } : {}) };
    if (s.primaryColour) next.primaryColour = s.primaryColour.replace(/^#/, '').toUpperCase();
    if (s.addressBlock) next.addressBlock = s.addressBlock;
    if (s.footerText) next.footerText = s.footerText;
    writeTemplate(ctx, next);
    return templateView(next);
  });
}

/** Sets the logo from a file's bytes: a PNG or JPEG image of at most MAX_LOGO_BYTES. */
export function setLogo(ctx: Ctx, file: { name: string; bytes: Uint8Array }): TemplateView {
  if (file.bytes.length > MAX_LOGO_BYTES) {
    throw new AppError('invalid', `${file.name} is ${Math.ceil(file.bytes.length / 1024)} KB; a logo may be at most ${MAX_LOGO_BYTES / 1024} KB.`, 'logo');
  }
  const info = imageInfo(file.bytes);
  if (!info || info.kind === 'gif') throw new AppError('invalid', `${file.name} is not a PNG or JPEG image.`, 'logo');
  const mediaType: (typeof LOGO_MEDIA_TYPES)[number] = info.kind === 'png' ? 'image/png' : 'image/jpeg';
  return ctx.vault.tx(() => {
    const next: StoredTemplate = {
      ...loadTemplate(ctx),
      logo: { mediaType, base64: Buffer.from(file.bytes).toString('base64'), name: path.basename(file.name).slice(0, 255) },
    };
    writeTemplate(ctx, next);
    return templateView(next);
  });
}

export function removeLogo(ctx: Ctx): TemplateView {
  return ctx.vault.tx(() => {
    const { logo: _gone, ...rest } = loadTemplate(ctx);
    writeTemplate(ctx, rest);
    return templateView(rest);
  });
}
