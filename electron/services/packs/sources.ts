// What a pack reads, and nothing more (issue 9: "a pack fingerprints only its own inputs"; issue
// 11: a registered pack can be rebuilt byte for byte after its records change).
//
// A pack's source is the exact JSON its builder consumes: the request (kind, subject, as-of
// date, recipient, options), the template, a firm snapshot holding only what that kind of pack
// reads and the compliance results it prints. The source is worked out first, turned into JSON
// and back, and only then given to the builder, so the builder sees exactly what is kept.
// The register keeps it (compressed, in the encrypted vault: pack_sources, migration 0009) with
// the entry, which is what `pack reproduce` rebuilds from; its SHA-256 is the pack's input
// fingerprint.
//
// Why a stored source rather than a replay of the audit trail: the trail's values may be
// erased (a case past retention), a replay would have to rebuild every table as of an instant
// and run today's code over it, and a stored source is one row, read back in milliseconds.
// Evidence bytes are not copied into the source: the snapshot names each file by id and SHA-256,
// and a rebuild reads the bytes from any file in the vault with that SHA-256 (so a DBS copy
// destroyed under the firm's period stays destroyed; such a pack can no longer be rebuilt, and
// the rebuild says so).
import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { eq, inArray } from 'drizzle-orm';
import { packSources, staff as staffTable } from '../../../db/schema';
import type { ComplianceReport, RuleResult } from '../../contract/compliance';
import type { FirmSnapshot, StaffSnapshot } from '../../contract/model';
import { STAFF_LISTS } from '../../contract/model';
import { ukDate } from '../../contract/dates';
import type { PackKind, PackRecipient, PackRequest, ResolvedOptions } from '../../contract/ops/packs';
import type { RuleId } from '../../contract/rules';
import { engineContext, evaluateFirm, evaluateStaff, evaluateSupplier } from '../compliance/engine';
import { POLICY_RULES } from '../compliance/orgRules';
import type { Ctx } from '../context';
import { AppError } from '../errors';
import { emptyLists, loadFirmInfo, loadStaffSnapshot, loadSupplierSnapshot } from '../snapshot';
import { toStaffDetails } from '../staff/staff';
import { casesOfPerson } from '../views/staffProfile';
import { firmReport } from '../views/firmModel';
import type { FirmTemplate } from './types';

/** The shape of a stored source; bumped if it changes, so an older entry is read as it was written. */
export const SOURCE_FORMAT = 1 as const;

export interface PackSource {
  format: typeof SOURCE_FORMAT;
  /** The builders' layout version when the pack was made (packService.ts PACK_LAYOUT_VERSION). */
  layout: number;
  kind: PackKind;
  ref?: string;
  asOf: string;
  recipient?: PackRecipient;
  options: ResolvedOptions;
  template: FirmTemplate;
  /** Only what this kind of pack reads (see packSource). */
  snapshot: FirmSnapshot;
  /** The results it prints, for the same date. */
  report: ComplianceReport;
}

/**
 * The firm's own rules a Legal Panel pack prints (the signatory and the policies): they read the
 * firm's details and policies alone, so they are judged on the person's snapshot. The firm's
 * other rules (suppliers paid, outcomes) read every case and are not in this pack.
 */
const FIRM_RULES_OF_ONE_PERSON = new Set<RuleId>(['ORG-CODE-SIGNATORY', ...POLICY_RULES.map((p) => p.rule)]);

/**
 * What the pack asked for reads: for a Legal Panel pack, the person's records, the firm's details,
 * settings and policies, the cases they managed or handed over, and the name and details of a
 * colleague named in one of those handovers (none of the colleague's records); for a supplier's
 * report, the supplier's records and the firm's details; for the organisation pack, the firm.
 */
export function packSource(
  ctx: Ctx,
  request: PackRequest,
  options: ResolvedOptions,
  template: FirmTemplate,
  layout: number,
  opts: { json?: boolean } = {},
): SourceJson {
  const roundTrip = opts.json === false ? (s: PackSource): SourceJson => ({ source: s, json: '' }) : viaJson;
  const base = {
    format: SOURCE_FORMAT,
    layout,
    kind: request.kind,
    ...(request.ref ? { ref: request.ref } : {}),
    asOf: request.asOf,
    ...(request.recipient ? { recipient: request.recipient } : {}),
    options,
    template,
  };
  const empty: ComplianceReport = { asOf: request.asOf, firm: { status: 'met', rules: [] }, staff: [], suppliers: [], cases: [] };
  if (request.kind === 'staff') {
    const person = one(() => loadStaffSnapshot(ctx, request.ref!), `No case manager with the reference ${request.ref} is in the vault.`);
    const firm = loadFirmInfo(ctx);
    const cases = casesOfPerson(ctx, person.id);
    const snapshot: FirmSnapshot = { firm, staff: [person, ...colleagues(ctx, person.ref, cases)], suppliers: [], cases };
    const ec = engineContext(snapshot, request.asOf);
    const rules: RuleResult[] = evaluateFirm(firm, ec).rules.filter((r) => FIRM_RULES_OF_ONE_PERSON.has(r.rule));
    const report: ComplianceReport = { ...empty, firm: { status: 'met', rules }, staff: [evaluateStaff(person, ec)] };
    return roundTrip({ ...base, snapshot, report });
  }
  if (request.kind === 'supplier') {
    const supplier = one(() => loadSupplierSnapshot(ctx, request.ref!), `No supplier with the reference ${request.ref} is in the vault.`);
    const snapshot: FirmSnapshot = { firm: loadFirmInfo(ctx), staff: [], suppliers: [supplier], cases: [] };
    const report: ComplianceReport = { ...empty, suppliers: [evaluateSupplier(supplier, engineContext(snapshot, request.asOf))] };
    return roundTrip({ ...base, snapshot, report });
  }
  // The organisation pack answers for everyone: the whole firm and every verdict but the cases'
  // (it judges the cases' breaches itself), from the firm model kept between calls.
  const { model, report } = firmReport(ctx, request.asOf, undefined, { staff: true, suppliers: true, firm: true });
  return roundTrip({ ...base, snapshot: model.snapshot, report: { ...report, cases: [] } });
}

function one<T>(load: () => T, message: string): T {
  try {
    return load();
  } catch (e) {
    if (e instanceof AppError && e.code === 'not-found') throw new AppError('not-found', message, 'ref');
    throw e;
  }
}

/** Colleagues named in the person's handovers: their details only, as the handover table names them. */
function colleagues(ctx: Ctx, ref: string, cases: FirmSnapshot['cases']): StaffSnapshot[] {
  const refs = [...new Set(cases.flatMap((c) => c.handovers ?? []).flatMap((h) => [h.fromRef, h.toRef]))].filter((r) => r && r !== ref).sort();
  if (!refs.length) return [];
  return ctx.vault.orm
    .select()
    .from(staffTable)
    .where(inArray(staffTable.ref, refs))
    .orderBy(staffTable.ref)
    .all()
    .map((row) => ({ ...toStaffDetails(row), id: row.id, ...emptyLists(STAFF_LISTS) }));
}

/** A source and its JSON, as stored. */
export interface SourceJson {
  source: PackSource;
  json: string;
}
/**
 * The source as JSON gives it back: what is stored is what the builder reads, to the byte. A
 * source that JSON would give back unchanged (isJsonClean: the firm model's snapshot, read from
 * JSON and SQLite, always is) is used as it is; any other is parsed back from its JSON. For the
 * organisation pack (the whole firm, 20 MB of JSON) parsing it back took 150-200 ms and a second
 * copy of the firm for the garbage collector.
 */
function viaJson(s: PackSource): SourceJson {
  const json = JSON.stringify(s);
  return { source: isJsonClean(s) ? s : (JSON.parse(json) as PackSource), json };
}

/**
 * Whether JSON.parse(JSON.stringify(v)) gives back a value equal to `v` in every way the builder
 * can see (the same keys in the same order, the same values): only plain objects and arrays
 * without holes, strings, booleans, null and finite numbers other than -0, and no undefined.
 */
export function isJsonClean(v: unknown): boolean {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return true;
  if (typeof v === 'number') return Number.isFinite(v) && !Object.is(v, -0);
  if (typeof v !== 'object') return false; // undefined, functions, symbols, bigints
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) if (!(i in v) || !isJsonClean(v[i])) return false;
    return true;
  }
  if (Object.getPrototypeOf(v) !== Object.prototype) return false; // a Date, a Map, a class: JSON turns them into something else
  for (const k of Object.keys(v)) if (!isJsonClean((v as Record<string, unknown>)[k])) return false;
  return true;
}

// ---------- fingerprints ----------

/** The SHA-256 of a source: the pack's input fingerprint in the register. */
export function sourceHash(json: string): string {
  return createHash('sha256').update(json).digest('hex');
}

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

/** Fingerprints of the parts of a source, kept in the register so a later check can say what changed. */
export interface PackInputs {
  layout: number;
  /** The SHA-256 of the whole source as stored. */
  source?: string;
  /** The evidence files the pack lists, in order. */
  evidence: { name: string; sha256: string }[];
  /** The subject's own records (the case manager, the supplier, or the firm's details and policies). */
  subject: string;
  /** Everything else the pack read: the firm's details, the cases it counts, colleagues named, the results. */
  rest: string;
  template: string;
}

export function fingerprintsOf(source: PackSource, evidence: { meta: { name: string; sha256: string } }[], sourceSha: string): PackInputs {
  const s = source.snapshot;
  const r = source.report;
  // The subject's records and its own verdicts; for the organisation pack, the firm's details and rules.
  const own: unknown =
    source.kind === 'staff'
      ? { record: s.staff[0], results: r.staff[0] }
      : source.kind === 'supplier'
        ? { record: s.suppliers[0], results: r.suppliers[0] }
        : { record: s.firm, results: r.firm };
  const rest = {
    firm: source.kind === 'firm' ? null : { info: s.firm, results: r.firm },
    staff: source.kind === 'staff' ? s.staff.slice(1) : s.staff,
    suppliers: source.kind === 'supplier' ? s.suppliers.slice(1) : s.suppliers,
    cases: s.cases,
    results: source.kind === 'firm' ? { staff: r.staff, suppliers: r.suppliers } : null,
  };
  return {
    layout: source.layout,
    source: sourceSha,
    evidence: evidence.map((e) => ({ name: e.meta.name, sha256: e.meta.sha256 })),
    subject: hashOf(own),
    rest: hashOf(rest),
    template: hashOf(source.template),
  };
}

// ---------- storing ----------

/** The source as stored: gzip of its JSON (a Legal Panel pack's is a few KB; the organisation pack's, the firm). */
export function encodeSource(json: string): Buffer {
  // A firm-sized source (about 20 MB of JSON at 200 staff) gets the fastest level: the
  // organisation pack has seconds, not tenths, to spare; what is hashed is the JSON, not this.
  return gzipSync(Buffer.from(json, 'utf8'), { level: json.length > 1_000_000 ? 1 : 6 });
}

/** What a source becomes when a case it holds is deleted under retention (forgetCases). */
interface ErasedSource {
  format: 0;
  erased: { cases: string[]; on: string };
}

export function decodeSource(content: Uint8Array, expectedSha: string, id: number): SourceJson {
  let json: string;
  try {
    json = gunzipSync(content).toString('utf8');
  } catch {
    throw new AppError('damaged', `What pack number ${id} was built from cannot be read back: the stored copy is damaged.`, 'id');
  }
  if (json.startsWith('{"format":0,')) {
    const e = (JSON.parse(json) as ErasedSource).erased;
    throw new AppError(
      'not-found',
      `Pack number ${id} can no longer be rebuilt as sent: what it was built from held case ${e.cases.join(', ')}, erased on ${ukDate(e.on)} when the case was deleted under the firm's retention period.`,
      'id',
    );
  }
  if (sourceHash(json) !== expectedSha) {
    throw new AppError(
      'damaged',
      `What pack number ${id} was built from no longer matches its fingerprint (${expectedSha.slice(0, 12)}…): it was changed after the pack was made.`,
      'id',
    );
  }
  const source = JSON.parse(json) as PackSource;
  if (source.format !== SOURCE_FORMAT) {
    throw new AppError('invalid', `Pack number ${id} was kept in a form (${source.format}) this Caseproof cannot read; use the version that made it.`, 'id');
  }
  return { source, json };
}

/**
 * Cases deleted under retention (cases/retention.ts): every kept source that holds one of them
 * is replaced by a note of the erasure, in the same transaction, so no copy of the case outlives
 * it here either; those packs can no longer be rebuilt as sent (reproducePack says why), and
 * their register entries, hashes and the audit trail stay. Returns how many sources were erased.
 */
export function forgetCases(ctx: Ctx, refs: readonly string[], on: string): number {
  if (!refs.length) return 0;
  const rows = ctx.vault.orm.select({ packId: packSources.packId, content: packSources.content }).from(packSources).all();
  let n = 0;
  for (const row of rows) {
    let json: string;
    try {
      json = gunzipSync(row.content).toString('utf8');
    } catch {
      continue; // damaged: reproducePack says so; nothing readable to erase
    }
    // A cheap look first (a case's ref is in its JSON as written), then the cases themselves.
    const maybe = refs.filter((r) => json.includes(`"ref":${JSON.stringify(r)}`));
    if (!maybe.length || json.startsWith('{"format":0,')) continue;
    const held = (JSON.parse(json) as PackSource).snapshot.cases.map((c) => c.ref).filter((r) => maybe.includes(r));
    if (!held.length) continue;
    const note: ErasedSource = { format: 0, erased: { cases: held, on } };
    ctx.vault.orm
      .update(packSources)
      .set({ content: encodeSource(JSON.stringify(note)) })
      .where(eq(packSources.packId, row.packId))
      .run();
    n++;
  }
  return n;
}
