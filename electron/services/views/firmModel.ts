// The firm as the whole-firm screens need it (the Dashboard, the supplier list, the firm-wide
// report, the due list and the reminder), kept between calls and brought up to date part by
// part. The vault counts its changes per person, per supplier, for the firm and for the cases
// (triggers: db/migrations/0004_change_counts.ts), on every connection, so after one CPD entry
// is added only that person is read again and evaluated again; everything else is reused.
// Nothing here is written to disk: the model lives in this process's memory beside the open
// connection (one per Vault object, dropped with it), like SQLite's own page cache.
//
// Verdicts are the engine's own (compliance/engine.ts) over the same snapshot loadSnapshot
// gives: each subject is evaluated with an EngineContext over the whole (cached) snapshot, so
// a staff member's caseload and a case's suppliers are judged exactly as in evaluate().
import { asc } from 'drizzle-orm';
import type { Vault } from '../../../db/client';
import { staff, suppliers } from '../../../db/schema';
import type { ComplianceReport, SubjectReport } from '../../contract/compliance';
import type { IsoDate } from '../../contract/dates';
import type { CaseSnapshot, FirmInfo, FirmSnapshot, StaffSnapshot, SupplierSnapshot } from '../../contract/model';
import { changeTriggers } from '../../../db/migrations/0004_change_counts';
import { engineContext, evaluateCase, evaluateFirm, evaluateStaff, evaluateSupplier } from '../compliance/engine';
import type { Ctx } from '../context';
import { loadCases, loadFirmInfo, loadSnapshot, loadStaffSnapshot, loadSupplierSnapshot } from '../snapshot';
// loadFirmInfo lived here before it joined the other loaders in snapshot.ts; kept importable from here for code written against that.
export { loadFirmInfo } from '../snapshot';

/** More subjects than this changed since last time: read the whole firm in one go instead. */
const BULK_AFTER = 50;

interface Kept<T> {
  key: string;
  value: T;
}
interface Cache {
  firm?: Kept<FirmInfo>;
  staff: Map<number, Kept<StaffSnapshot>>;
  suppliers: Map<number, Kept<SupplierSnapshot>>;
  cases?: Kept<CaseSnapshot[]>;
  staffReports: Map<number, Kept<SubjectReport>>;
  supplierReports: Map<number, Kept<SubjectReport>>;
  caseReports?: Kept<SubjectReport[]>;
  firmReport?: Kept<ComplianceReport['firm']>;
  /** Per-supplier values derived from its snapshot on a date (the supplier list's vetting). */
  derived: Map<string, Kept<unknown>>;
}
const caches = new WeakMap<Vault, Cache>();

/** What the change counts say now: the count of a scope (0 if it never changed). */
export interface Counts {
  of(scope: string): number;
}

/** The change counts, or null when this vault lacks the triggers that keep them (then nothing is reused). */
export function readCounts(ctx: Ctx): Counts | null {
  const db = ctx.vault.sqlite;
  const want = Object.keys(changeTriggers());
  const have = new Set(db.prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'change_counts_%'`).pluck().all() as string[]);
  if (want.some((n) => !have.has(n))) return null;
  // Raw rows, not drizzle's objects: every whole-firm screen reads these ~2,200 counts on every call
  // (2.2 ms against 3.3 at the bench's firm). The column names are db/schema.ts's changeCounts.
  const map = new Map(db.prepare<[], [string, number]>(`SELECT scope, n FROM change_counts`).raw().all());
  return { of: (scope) => map.get(scope) ?? 0 };
}

/**
 * Whether the model freezes what it keeps, all the way down. One snapshot is shared by every
 * later call, so a caller that changed it would change every later answer; frozen, such a
 * change throws. Freezing walks every record, case and result (50-70 ms, 10-13% of the first
 * whole-firm load at firm scale: BENCHMARKS.md), so, as React freezes its elements only in
 * development, the guard is on where the code is exercised (every test run sets
 * CASEPROOF_GUARD_MODEL=1: vitest.config.ts, and the CLI and browser tests' child processes
 * inherit it) and off in the app and the bench, where no caller mutates (the contract's values
 * leave the worker as copies).
 */
export const modelGuard = { on: process.env.CASEPROOF_GUARD_MODEL === '1' };

function frozen<T>(value: T): T {
  if (modelGuard.on && typeof value === 'object' && value !== null) freezeDeep(value);
  return value;
}
// At firm scale this walks a few hundred thousand objects (every record, case, instruction and
// rule result), so it allocates nothing (no Object.values array per object) and calls itself
// only for values that are objects: most are strings and numbers.
function freezeDeep(o: object): void {
  if (Object.isFrozen(o)) return;
  if (Array.isArray(o)) {
    for (let i = 0; i < o.length; i++) {
      const v: unknown = o[i];
      if (typeof v === 'object' && v !== null) freezeDeep(v);
    }
  } else {
    const rec = o as Record<string, unknown>;
    for (const k in rec) {
      const v = rec[k];
      if (typeof v === 'object' && v !== null) freezeDeep(v);
    }
  }
  Object.freeze(o);
}

function cacheOf(ctx: Ctx): Cache {
  let c = caches.get(ctx.vault);
  if (!c) {
    c = { staff: new Map(), suppliers: new Map(), staffReports: new Map(), supplierReports: new Map(), derived: new Map() };
    caches.set(ctx.vault, c);
  }
  return c;
}

export interface FirmModel {
  snapshot: FirmSnapshot;
  /** Ids in the order of snapshot.staff / snapshot.suppliers. */
  staffIds: number[];
  supplierIds: number[];
  counts: Counts | null;
  /** Keys of the parts, for the reports' cache. */
  keys: { firm: string; cases: string };
}

/**
 * The whole firm as loadSnapshot gives it, reusing every part that has not changed since the
 * last call. With `cases: false` the cases are read only if already at hand and up to date;
 * otherwise snapshot.cases is empty (for a caller that reads no case: the supplier list).
 * Likewise `staff: false` for the people (and then staffIds is empty too when they are not at hand).
 */
export function firmModel(ctx: Ctx, need: { cases?: boolean; staff?: boolean } = {}): FirmModel {
  const wantCases = need.cases ?? true;
  const wantStaff = need.staff ?? true;
  const counts = readCounts(ctx);
  const { orm } = ctx.vault;
  const staffRows = orm.select({ id: staff.id, ref: staff.ref }).from(staff).orderBy(asc(staff.ref)).all();
  const supplierRows = orm.select({ id: suppliers.id, ref: suppliers.ref }).from(suppliers).orderBy(asc(suppliers.ref)).all();
  if (!counts) {
    caches.delete(ctx.vault);
    const snapshot = loadSnapshot(ctx);
    return { snapshot, staffIds: staffRows.map((r) => r.id), supplierIds: supplierRows.map((r) => r.id), counts, keys: { firm: '', cases: '' } };
  }
  const c = cacheOf(ctx);
  const keys = {
    firm: String(counts.of('firm')),
    cases: `${counts.of('cases')}|${counts.of('staff-rows')}|${counts.of('supplier-rows')}`,
  };
  const staffKey = (id: number) => String(counts.of(`staff:${id}`));
  const supplierKey = (id: number) => String(counts.of(`supplier:${id}`));
  const staleStaff = wantStaff ? staffRows.filter((r) => c.staff.get(r.id)?.key !== staffKey(r.id)) : [];
  const staleSuppliers = supplierRows.filter((r) => c.suppliers.get(r.id)?.key !== supplierKey(r.id));
  const firmStale = c.firm?.key !== keys.firm;
  const casesStale = c.cases?.key !== keys.cases;

  if (staleStaff.length + staleSuppliers.length > BULK_AFTER || (firmStale && casesStale && (staleStaff.length || staleSuppliers.length))) {
    // Most of the firm is new to us (the first call after unlock, an import): one bulk read.
    const full = loadSnapshot(ctx, { cases: wantCases, staff: wantStaff });
    const staffId = new Map(staffRows.map((r) => [r.ref, r.id]));
    const supplierId = new Map(supplierRows.map((r) => [r.ref, r.id]));
    if (wantStaff) c.staff.clear();
    c.suppliers.clear();
    for (const s of full.staff) c.staff.set(staffId.get(s.ref)!, { key: staffKey(staffId.get(s.ref)!), value: frozen(s) });
    for (const s of full.suppliers) c.suppliers.set(supplierId.get(s.ref)!, { key: supplierKey(supplierId.get(s.ref)!), value: frozen(s) });
    c.firm = { key: keys.firm, value: frozen(full.firm) };
    if (wantCases) c.cases = { key: keys.cases, value: frozen(full.cases) };
  } else {
    for (const r of staleStaff) c.staff.set(r.id, { key: staffKey(r.id), value: frozen(loadStaffSnapshot(ctx, r.ref)) });
    for (const r of staleSuppliers) c.suppliers.set(r.id, { key: supplierKey(r.id), value: frozen(loadSupplierSnapshot(ctx, r.ref)) });
    if (firmStale) c.firm = { key: keys.firm, value: frozen(loadFirmInfo(ctx)) };
    if (casesStale && wantCases) c.cases = { key: keys.cases, value: frozen(loadCases(ctx)) };
  }
  const casesFresh = c.cases?.key === keys.cases;
  const staffFresh = wantStaff || staffRows.every((r) => c.staff.get(r.id)?.key === staffKey(r.id));
  // Forget people and suppliers who have gone.
  const liveStaff = new Set(staffRows.map((r) => r.id));
  const liveSuppliers = new Set(supplierRows.map((r) => r.id));
  for (const id of c.staff.keys()) if (!liveStaff.has(id)) c.staff.delete(id);
  for (const id of c.suppliers.keys()) if (!liveSuppliers.has(id)) c.suppliers.delete(id);

  const snapshot: FirmSnapshot = {
    firm: c.firm!.value,
    staff: staffFresh ? staffRows.map((r) => c.staff.get(r.id)!.value) : [],
    suppliers: supplierRows.map((r) => c.suppliers.get(r.id)!.value),
    cases: casesFresh ? c.cases!.value : [],
  };
  return { snapshot, staffIds: staffFresh ? staffRows.map((r) => r.id) : [], supplierIds: supplierRows.map((r) => r.id), counts, keys };
}

/** Which parts of the firm-wide report to work out (a screen asks only for what it shows). */
export interface ReportParts {
  staff?: boolean;
  suppliers?: boolean;
  cases?: boolean;
  firm?: boolean;
}
const ALL_PARTS: Required<ReportParts> = { staff: true, suppliers: true, cases: true, firm: true };

/**
 * The engine's report for the firm as of `asOf` (at `at`, when judging now), the same as
 * evaluate(loadSnapshot(ctx), asOf, at), with each subject's result reused while neither it nor
 * anything its rules read has changed. Parts not asked for come back empty.
 */
export function firmReport(ctx: Ctx, asOf: IsoDate, at?: Date | number, parts: ReportParts = ALL_PARTS): { model: FirmModel; report: ComplianceReport } {
  // A person's caseload, every case and the firm's own rules read the cases and the people;
  // suppliers' rules read neither (the supplier list's first load reads only the suppliers).
  const wide = !!(parts.staff || parts.cases || parts.firm);
  const model = firmModel(ctx, { cases: wide, staff: wide });
  const { snapshot, counts, keys } = model;
  const ec = engineContext(snapshot, asOf, at);
  const report: ComplianceReport = { asOf, firm: { status: 'met', rules: [] }, staff: [], suppliers: [], cases: [] };
  if (!counts) {
    // No change counts: evaluate what was asked, nothing kept.
    if (parts.firm) report.firm = evaluateFirm(snapshot.firm, ec);
    if (parts.staff) report.staff = snapshot.staff.map((s) => evaluateStaff(s, ec));
    if (parts.suppliers) report.suppliers = snapshot.suppliers.map((s) => evaluateSupplier(s, ec));
    if (parts.cases) report.cases = snapshot.cases.map((s) => evaluateCase(s, ec));
    return { model, report };
  }
  const c = cacheOf(ctx);
  // Only CASE-INCIDENT-REPORTED reads the instant, to the minute (engine.ts).
  const atKey = at === undefined ? 'end' : String(Math.floor((typeof at === 'number' ? at : at.getTime()) / 60_000));
  const common = `${asOf}|${keys.firm}`;
  if (parts.staff) {
    // A person's rules read their records, the firm (policies, settings) and the cases (caseload).
    report.staff = snapshot.staff.map((s, i) => {
      const id = model.staffIds[i]!;
      const key = `${counts.of(`staff:${id}`)}|${keys.cases}|${common}`;
      const kept = c.staffReports.get(id);
      if (kept?.key === key) return kept.value;
      const value = frozen(evaluateStaff(s, ec));
      c.staffReports.set(id, { key, value });
      return value;
    });
  }
  if (parts.suppliers) {
    report.suppliers = snapshot.suppliers.map((s, i) => {
      const id = model.supplierIds[i]!;
      const key = `${counts.of(`supplier:${id}`)}|${common}`;
      const kept = c.supplierReports.get(id);
      if (kept?.key === key) return kept.value;
      const value = frozen(evaluateSupplier(s, ec));
      c.supplierReports.set(id, { key, value });
      return value;
    });
  }
  // Cases and the firm's own rules read every case and every supplier (vetting on each instruction's date).
  const wideKey = `${keys.cases}|${counts.of('suppliers')}|${common}|${atKey}`;
  if (parts.cases) {
    if (c.caseReports?.key !== wideKey) c.caseReports = { key: wideKey, value: frozen(snapshot.cases.map((x) => evaluateCase(x, ec))) };
    report.cases = c.caseReports.value;
  }
  if (parts.firm) {
    if (c.firmReport?.key !== wideKey) c.firmReport = { key: wideKey, value: frozen(evaluateFirm(snapshot.firm, ec)) };
    report.firm = c.firmReport.value;
  }
  for (const [id] of c.staffReports) if (!c.staff.has(id)) c.staffReports.delete(id);
  for (const [id] of c.supplierReports) if (!c.suppliers.has(id)) c.supplierReports.delete(id);
  return { model, report };
}

/**
 * A value worked out from one supplier's snapshot on a date (the supplier list's vetting
 * state), kept until that supplier or the firm changes.
 */
export function perSupplier<T>(ctx: Ctx, model: FirmModel, index: number, what: string, asOf: IsoDate, make: () => T): T {
  if (!model.counts) return make();
  const id = model.supplierIds[index]!;
  const key = `${model.counts.of(`supplier:${id}`)}|${model.keys.firm}|${asOf}`;
  const c = cacheOf(ctx);
  const name = `${what}|${id}`;
  const kept = c.derived.get(name);
  if (kept?.key === key) return kept.value as T;
  const value = frozen(make());
  c.derived.set(name, { key, value });
  return value;
}

/** Forgets what is kept for this vault (tests; a lock drops the Vault and its model with it). */
export function forgetFirmModel(vault: Vault): void {
  caches.delete(vault);
}
