// Word packs from the vault: build one for a case manager, a supplier or the firm as at a date,
// preview what it will say without building it, write it where the person chose and keep a
// register of every pack made (with its SHA-256), rebuild a registered pack to prove what was
// sent, and keep the firm's pack template (logo, colour, address block, footer line).
//
// The builders are deterministic (same inputs, same bytes), so a registered pack rebuilt from the
// same records gives the same SHA-256. The register keeps fingerprints of the inputs (evidence
// files, the subject's records, everything else, the template) so a rebuild that differs can say why.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { desc, eq } from 'drizzle-orm';
import { firm, packs, staff, suppliers } from '../../../db/schema';
import { type OverallStatus, overallStatus } from '../../contract/compliance';
import { ukDateLong } from '../../contract/dates';
import type { FirmSnapshot } from '../../contract/model';
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
import { firmReport } from '../views/firmModel';
import { type Answer, answerFrom, resultsFor } from './answers';
import { type EvidenceItem, citeGroups, firmEvidence, staffEvidence, supplierEvidence } from './evidence';
import { GOVERNANCE_ITEMS, ORGANISATION_ITEMS, codeItemAnswer, codeOverall, codeResults } from './firmPack';
import { imageInfo } from './images';
import { buildFirmPack, buildStaffPack, buildSupplierPack, sha256Hex } from './index';
import { listParties } from '../cases/cases';
import { STAFF_CHECKS, cpdInWindow, staffCheckAnswer, staffOverall } from './staffPack';
import { SUPPLIER_CHECKS } from './supplierPack';
import { DEFAULT_PACK_OPTIONS, type FirmTemplate, resolveOptions } from './types';

/**
 * Bumped whenever the builders change what they write, so a rebuild that differs with every
 * input unchanged can say the layout changed rather than the records.
 */
export const PACK_LAYOUT_VERSION = 1;

/** Fingerprints of what a pack was built from, kept in the register row's options. */
interface PackInputs {
  layout: number;
  /** The evidence files the pack lists, in order. */
  evidence: { name: string; sha256: string }[];
  /** The subject's own records (the case manager, supplier, or the firm's details and policies). */
  subject: string;
  /** Everything else in the vault the pack can draw on. */
  rest: string;
  template: string;
}

/** What the options column of a register row holds: the resolved options, plus what a rebuild needs. */
interface StoredOptions extends ResolvedOptions {
  recipientKind?: string;
  inputs?: PackInputs;
}

interface Subject {
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
  suggestedFileName: string;
}

// ---------- building ----------

/** Checks the request, finds the subject and loads what every pack operation needs. */
function prepare(ctx: Ctx, input: unknown) {
  const request = parseOr(packRequest, input, 'The pack');
  if (request.asOf > ctx.clock.today()) {
    throw new AppError('invalid', `A pack cannot speak for a date after today; choose ${ukDateLong(ctx.clock.today())} or earlier.`, 'asOf');
  }
  // The firm model (views/firmModel.ts): the same snapshot and verdicts as loadSnapshot and
  // evaluate, reusing every part that has not changed since the last pack or report.
  const { model, report } = firmReport(ctx, request.asOf);
  const snapshot = model.snapshot;
  const subject = subjectOf(snapshot, request);
  return { request, snapshot, subject, report };
}

function subjectOf(snapshot: FirmSnapshot, r: PackRequest): Subject {
  if (r.kind === 'staff') {
    const s = snapshot.staff.find((x) => x.ref === r.ref);
    if (!s) throw new AppError('not-found', `No case manager with the reference ${r.ref} is in the vault.`, 'ref');
    return { kind: r.kind, ref: s.ref, name: s.name, evidence: staffEvidence(s) };
  }
  if (r.kind === 'supplier') {
    const s = snapshot.suppliers.find((x) => x.ref === r.ref);
    if (!s) throw new AppError('not-found', `No supplier with the reference ${r.ref} is in the vault.`, 'ref');
    return { kind: r.kind, ref: s.ref, name: s.name, evidence: supplierEvidence(s) };
  }
  return { kind: 'firm', name: snapshot.firm.name || 'The firm', evidence: firmEvidence(snapshot.firm) };
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

/** Builds the pack's bytes (nothing is written or registered). */
export async function buildPack(ctx: Ctx, input: unknown): Promise<BuiltPack> {
  ctx.progress?.({ done: 0, total: 2, label: 'Reading the records and checking the rules' });
  const { request, snapshot, subject, report } = prepare(ctx, input);
  ctx.progress?.({ done: 1, total: 2, label: 'Laying out the pack' });
  if (!snapshot.firm.name.trim()) {
    throw new AppError('invalid', "Enter the firm's name in Settings first: every pack carries it on the cover and on each page.", 'firm');
  }
  const template = loadTemplate(ctx);
  const base = {
    snapshot,
    report,
    asOf: request.asOf,
    recipient: request.recipient,
    options: request.options,
    template: packTemplate(template),
    readEvidence: (id: number) => readEvidence(ctx, id).bytes,
  };
  const bytes =
    request.kind === 'staff'
      ? await buildStaffPack({ ...base, staffRef: subject.ref! })
      : request.kind === 'supplier'
        ? await buildSupplierPack({ ...base, supplierRef: subject.ref! })
        : await buildFirmPack(base);
  ctx.progress?.({ done: 2, total: 2, label: 'The pack is ready' });
  return {
    request,
    subject,
    bytes,
    sha256: sha256Hex(bytes),
    options: resolveOptions(request.options),
    inputs: fingerprints(snapshot, subject, template),
    suggestedFileName: suggestedFileName(request, subject),
  };
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

// ---------- fingerprints ----------
/** JSON with sorted keys and without record ids or evidence lists, so only content counts. */
function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) {
      if (k === 'id' || k === 'evidence') continue;
      out[k] = canonical((v as Record<string, unknown>)[k]);
    }
    return out;
  }
  return v;
}
const hashOf = (v: unknown) =>
  createHash('sha256')
    .update(JSON.stringify(canonical(v)))
    .digest('hex');

function fingerprints(snapshot: FirmSnapshot, subject: Subject, template: StoredTemplate): PackInputs {
  const own =
    subject.kind === 'staff'
      ? snapshot.staff.find((s) => s.ref === subject.ref)
      : subject.kind === 'supplier'
        ? snapshot.suppliers.find((s) => s.ref === subject.ref)
        : snapshot.firm;
  const rest = {
    firm: subject.kind === 'firm' ? null : snapshot.firm,
    staff: snapshot.staff.filter((s) => !(subject.kind === 'staff' && s.ref === subject.ref)),
    suppliers: snapshot.suppliers.filter((s) => !(subject.kind === 'supplier' && s.ref === subject.ref)),
    cases: snapshot.cases,
  };
  return {
    layout: PACK_LAYOUT_VERSION,
    evidence: subject.evidence.map((e) => ({ name: e.meta.name, sha256: e.meta.sha256 })),
    subject: hashOf(own),
    rest: hashOf(rest),
    template: hashOf(template),
  };
}

/** Why a rebuild differs from the registered pack, in words. */
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
  if (before.rest !== now.rest) out.push('Other records the pack draws on (the firm, its cases, other staff or suppliers) have changed since.');
  if (before.template !== now.template) out.push('The pack template (logo, colour, address block or footer) has changed since.');
  if (before.layout !== now.layout) out.push(`Caseproof's pack layout has changed since (version ${before.layout} then, ${now.layout} now).`);
  if (!out.length) out.push('None of the records, files or the template have changed, so the difference comes from how this copy of Caseproof builds packs.');
  return out;
}

// ---------- writing and the register ----------

function insertEntry(ctx: Ctx, built: BuiltPack, fileName: string): number {
  const stored: StoredOptions = { ...built.options, inputs: built.inputs };
  if (built.request.recipient?.kind) stored.recipientKind = built.request.recipient.kind;
  return ctx.vault.orm
    .insert(packs)
    .values({
      kind: built.request.kind,
      subjectRef: built.subject.ref ?? null,
      recipient: built.request.recipient?.name ?? null,
      asOf: built.request.asOf,
      options: stored as unknown as Record<string, unknown>,
      generatedBy: ctx.user,
      generatedAt: ctx.clock.stamp(),
      fileName,
      sha256: built.sha256,
    })
    .returning({ id: packs.id })
    .get().id;
}

/**
 * Saves a built pack to `dest` and adds it to the register: the file is written beside `dest`,
 * then the register row is inserted and the file moved into place in one transaction, so either
 * both happen or neither does.
 */
export function savePack(ctx: Ctx, built: BuiltPack, dest: string, opts: { overwrite?: boolean } = {}): PackEntry {
  if (!opts.overwrite && existsSync(dest)) throw new AppError('exists', `${dest} already exists; Caseproof will not overwrite it.`, 'out');
  const staged = stageFile(dest, built.bytes, { overwrite: opts.overwrite === true });
  try {
    const id = ctx.vault.tx(() => {
      const rowId = insertEntry(ctx, built, path.basename(dest));
      staged.publish();
      return rowId;
    });
    return getPack(ctx, id);
  } finally {
    staged.discard();
  }
}

/** Builds the pack asked for, writes it to `dest` and registers it. */
export async function generatePack(ctx: Ctx, input: unknown, dest: string, opts: { overwrite?: boolean } = {}): Promise<{ entry: PackEntry; path: string }> {
  const built = await buildPack(ctx, input);
  return { entry: savePack(ctx, built, dest, opts), path: dest };
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

/**
 * Rebuilds a registered pack with its as-of date, recipient and options and compares the
 * SHA-256 with the register's. With `dest`, the rebuilt file is saved there; when it differs
 * from the registered one it is a new pack, so it gets its own register entry.
 */
export async function regeneratePack(ctx: Ctx, id: number, dest: string | null): Promise<RegeneratedPack> {
  const row = ctx.vault.orm.select().from(packs).where(eq(packs.id, id)).get();
  if (!row) throw new AppError('not-found', `There is no pack number ${id} in the register.`, 'id');
  const original = toEntry(row, subjectNames(ctx));
  const stored = (row.options ?? {}) as Partial<StoredOptions>;
  const recipient: PackRecipient | undefined = row.recipient
    ? { name: row.recipient, ...(stored.recipientKind ? { kind: stored.recipientKind as PackRecipient['kind'] } : {}) }
    : undefined;
  const request = {
    kind: original.kind,
    ...(row.subjectRef ? { ref: row.subjectRef } : {}),
    asOf: row.asOf,
    ...(recipient ? { recipient } : {}),
    options: original.options,
  };
  let built: BuiltPack;
  try {
    built = await buildPack(ctx, request);
  } catch (e) {
    if (e instanceof AppError && e.code === 'not-found' && e.field === 'ref') {
      throw new AppError('not-found', `The pack cannot be rebuilt: ${row.subjectRef} is no longer in the vault.`, 'id');
    }
    throw e;
  }
  const same = built.sha256 === row.sha256;
  const changes = same ? [] : explainChanges(stored.inputs, built.inputs, built.subject);
  let entry: PackEntry | null = null;
  if (dest) {
    if (same) {
      writeFileAtomic(dest, built.bytes, { overwrite: true });
    } else {
      entry = savePack(ctx, built, dest, { overwrite: true });
    }
  }
  return { original, sha256: built.sha256, same, changes, path: dest, entry };
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
  const { request, snapshot, subject, report } = prepare(ctx, input);
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
