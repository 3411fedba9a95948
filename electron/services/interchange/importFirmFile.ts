// Imports a firm file (version 1 or 2) all-or-nothing: every problem is collected with its
// JSON path in one pass, and nothing is written unless the whole file is valid. Records are
// matched on `ref`; for a matched person or supplier, each list present in the file replaces
// that list. A case's journey (status history, goals, reviews, incidents, follow-ups, outcome,
// feedback) is kept with the case row (its `journey` JSON column) and each instruction's
// invoices with the instruction (its `invoices` JSON column): see db/schema.ts.
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { bulkAudited } from '../../../db/audit';
import { records, staff, suppliers } from '../../../db/schema';
import { caseProblems, indemnityProblems, peerReviewProblems, type Problem } from '../../contract/crossChecks';
import { isIsoDate } from '../../contract/dates';
import type { Issue } from '../../contract/errors';
import { exemptionProblem, type ExemptionSubject } from '../../contract/exemptions';
import { caseJourney, isDestroyedCopy, STAFF_LISTS, SUPPLIER_LISTS, type FirmFileEvidence, type RecordKind } from '../../contract/model';
import { destroyDueDbsCopies, insertDestroyedCopy } from '../evidence/dbsCopies';
import type { Ctx } from '../context';
import { recordEvent } from '../audit/audit';
import type { ImportSummary } from '../../contract/views';
import { AppError, zodIssues } from '../errors';
import { attachEvidence, evidenceByRecord } from '../evidence/evidence';
import { readPayload } from '../evidence/payloads';
import { checkEvidenceFile } from '../evidence/mediaType';
import { insertRecord } from '../evidence/records';
import { getFirm, writeFirm } from '../firm/firm';
import { nullable } from '../rows';
import { STAFF_FIELDS } from '../staff/staff';
import { insertSupplier, writeSupplier } from '../suppliers/suppliers';
import { caseColumns, contactIdFor } from '../cases/caseRows';
import { steps, type Steps } from '../progress';
import { caseFileSchema, firmFileSchema, type FirmFile } from './firmFileSchema';
import { fileRecordData, matchRecords, recordKey } from './recordMatch';
import { journeyProblems } from '../cases/journey';

export type { ImportSummary };

export interface ImportOptions {
  /**
   * Let the file change the firm's own name and address (`--update-firm`, the import dialog's
   * tick box). Without it a vault that already has a firm keeps its name and address: a
   * practitioner's file imported into a firm must never rename the firm.
   */
  updateFirm?: boolean;
  /** The file's name, for the audit trail ("12 CPD entries added from riverside.json"). */
  file?: string;
}

type Loose = Record<string, unknown>;
const obj = (v: unknown): Loose | undefined => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Loose) : undefined);
const list = (v: unknown): Loose[] => (Array.isArray(v) ? v.map((x) => obj(x) ?? {}) : []);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/**
 * Validates the file and its cross-references in one pass; throws one AppError listing every
 * issue, each once. The schema's errors and the checks across fields and records (crossChecks.ts,
 * exemptionProblem: the same functions the forms use) are collected together, the latter over
 * the raw JSON so that they are found even where the schema failed elsewhere in the record.
 */
export function validateFirmFile(ctx: Ctx, json: unknown): FirmFile {
  const parsed = firmFileSchema.safeParse(json, { reportInput: true });
  const issues: Issue[] = parsed.success ? [] : zodIssues(parsed.error);
  const raw = obj(json) ?? {};
  const add = (base: string, problems: Problem[]) => {
    for (const p of problems) issues.push({ path: `${base}.${p.field}`, message: p.message });
  };
  const dupes = (items: Loose[], name: string) => {
    const seen = new Set<string>();
    items.forEach((x, i) => {
      const r = str(x.ref);
      if (r === undefined) return;
      if (seen.has(r)) issues.push({ path: `${name}[${i}].ref`, message: `${r} appears more than once in the file` });
      seen.add(r);
    });
  };
  const rawStaff = list(raw.staff);
  const rawSuppliers = list(raw.suppliers);
  const rawCases = list(raw.cases);
  dupes(rawStaff, 'staff');
  dupes(rawSuppliers, 'suppliers');
  dupes(rawCases, 'cases');
  const refsOf = (items: Loose[], table: typeof staff | typeof suppliers) =>
    new Set([
      ...items.map((s) => str(s.ref)).filter((r): r is string => r !== undefined),
      ...ctx.vault.orm
        .select({ ref: table.ref })
        .from(table)
        .all()
        .map((r) => r.ref),
    ]);
  const staffRefs = refsOf(rawStaff, staff);
  // Names for the words of a handover to oneself (the case form names the person).
  const staffNames = new Map(
    ctx.vault.orm
      .select({ ref: staff.ref, name: staff.name })
      .from(staff)
      .all()
      .map((r) => [r.ref, r.name]),
  );
  for (const s of rawStaff) if (typeof s.ref === 'string' && typeof s.name === 'string') staffNames.set(s.ref, s.name);
  const supplierRefs = refsOf(rawSuppliers, suppliers);
  const exemptions = (owner: Loose, base: string, subject: ExemptionSubject) =>
    list(owner.exemptions).forEach((e, j) => {
      const rule = str(e.rule);
      const grantedOn = str(e.grantedOn);
      const expiresOn = e.expiresOn === undefined ? undefined : str(e.expiresOn);
      if (rule === undefined || !isIsoDate(grantedOn) || (expiresOn !== undefined && !isIsoDate(expiresOn))) return;
      const p = exemptionProblem({ rule, grantedOn, expiresOn }, subject);
      if (p) add(`${base}.exemptions[${j}]`, [p]);
    });
  rawStaff.forEach((s, i) => {
    const base = `staff[${i}]`;
    const name = str(s.name);
    if (name !== undefined) list(s.peerReviews).forEach((p, j) => add(`${base}.peerReviews[${j}]`, peerReviewProblems(p, name)));
    list(s.indemnity).forEach((p, j) => add(`${base}.indemnity[${j}]`, indemnityProblems(p)));
    exemptions(s, base, 'staff');
  });
  rawSuppliers.forEach((s, i) => {
    list(s.indemnity).forEach((p, j) => add(`suppliers[${i}].indemnity[${j}]`, indemnityProblems(p)));
    exemptions(s, `suppliers[${i}]`, 'supplier');
  });
  const noStaff = (r: string) => `does not match any staff member (${r})`;
  rawCases.forEach((c, i) => {
    const base = `cases[${i}]`;
    const manager = str(c.caseManager);
    if (manager !== undefined && !staffRefs.has(manager)) issues.push({ path: `${base}.caseManager`, message: noStaff(manager) });
    list(c.instructions).forEach((ins, j) => {
      const s = str(ins.supplier);
      if (s !== undefined && !supplierRefs.has(s)) issues.push({ path: `${base}.instructions[${j}].supplier`, message: `does not match any supplier (${s})` });
    });
    list(c.handovers).forEach((h, j) => {
      for (const k of ['from', 'to'] as const) {
        const r = str(h[k]);
        if (r !== undefined && !staffRefs.has(r)) issues.push({ path: `${base}.handovers[${j}].${k}`, message: noStaff(r) });
      }
    });
    add(
      base,
      caseProblems(c, (r) => staffNames.get(r)),
    );
    // The journey's checks are the case page's (journey.ts); they read a well-formed case.
    // (When the whole file parsed, its cases are at hand; otherwise each case is parsed on its own.)
    const parsedCase = parsed.success ? parsed.data.cases?.[i] : caseFileSchema.safeParse(c).data;
    if (parsedCase) for (const p of journeyProblems(parsedCase)) issues.push({ path: `${base}.${p.path}`, message: p.message });
  });
  forEachRawEvidence(raw, (f, path) => {
    const name = str(f.name);
    const base64 = str(f.base64);
    // ---- DBS copies (hostile): a destroyed copy carries its fingerprint, no content; only a DBS check has one ----
    if (base64 === undefined && (f.sha256 !== undefined || f.destroyedOn !== undefined) && !/\.dbs\[\d+\]\.evidence\[\d+\]$/.test(path)) {
      issues.push({ path, message: 'a destroyed copy is kept only for a DBS certificate' });
    }
    // ---- end DBS copies ----
    if (name === undefined || base64 === undefined) return;
    try {
      checkEvidenceFile(name, Buffer.from(base64, 'base64'), path, str(f.mediaType)); // hostile files: content, extension and declared type agree
    } catch (e) {
      issues.push({ path, message: (e as Error).message });
    }
  });
  if (issues.length || !parsed.success) throw fail(onceEach(issues));
  return parsed.data;
}

/** Each problem once (a check the schema and crossChecks.ts both make is listed once). */
function onceEach(issues: Issue[]): Issue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const key = `${i.path}\u0000${i.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function fail(issues: Issue[]): AppError {
  const first = issues[0];
  const message =
    issues.length === 1
      ? `The firm file was not imported: ${first.path}: ${first.message}`
      : `The firm file was not imported: it has ${issues.length} problems, listed below.`;
  return new AppError('invalid', message, first.path, issues);
}

/** Every evidence entry of the raw file, with its JSON path. */
function forEachRawEvidence(raw: Loose, fn: (f: Loose, path: string) => void): void {
  const walk = (owner: Loose, base: string) => {
    for (const [name, items] of Object.entries(owner)) {
      if (!Array.isArray(items)) continue;
      list(items).forEach((it, i) => list(it.evidence).forEach((f, j) => fn(f, `${base}.${name}[${i}].evidence[${j}]`)));
    }
  };
  const firm = obj(raw.firm);
  if (firm) walk({ policies: firm.policies }, 'firm');
  list(raw.staff).forEach((s, i) => walk(s, `staff[${i}]`));
  list(raw.suppliers).forEach((s, i) => walk(s, `suppliers[${i}]`));
}

type Lists = Record<string, (Record<string, unknown> & { evidence?: FirmFileEvidence[] })[] | undefined>;

/** The journey fields of a case, as stored in its `journey` column. */
const JOURNEY_KEYS = Object.keys(caseJourney.shape) as (keyof typeof caseJourney.shape)[];

/** What writing one firm file works with: the vault, the checked file, the options, the running summary and its progress. */
interface Writing {
  ctx: Ctx;
  file: FirmFile;
  opts: ImportOptions;
  sum: Summary;
  p: Steps;
}
/** The summary as the import fills it in (every count present). */
type Summary = ImportSummary & Required<Pick<ImportSummary, 'kept' | 'removed'>>;

export function importFirmFile(ctx: Ctx, json: unknown, opts: ImportOptions = {}): ImportSummary {
  ctx.progress?.({ done: 0, total: 1, label: 'Checking the firm file' });
  const file = validateFirmFile(ctx, json);
  const p = steps(ctx.progress, (file.staff?.length ?? 0) + (file.suppliers?.length ?? 0) + (file.cases?.length ?? 0), 'Importing');
  const sum: Summary = {
    added: { staff: 0, suppliers: 0, cases: 0, records: 0, files: 0 },
    updated: { staff: 0, suppliers: 0, cases: 0, firm: false },
    kept: { records: 0 },
    removed: { records: 0 },
  };
  // One audit entry for the rows the file adds, listed person by person, supplier by supplier and
  // case by case, not one per row (db/audit.ts bulkAudited): a firm file writes tens of thousands
  // of rows, and the trail must cost it little.
  const about = { source: 'firm file', ...(opts.file ? { file: opts.file } : {}) };
  ctx.vault.tx(() => {
    bulkAudited(ctx.vault.sqlite, about, () => writeFile({ ctx, file, opts, sum, p }));
    recordEvent(ctx, 'import', { ...about, added: sum.added, updated: sum.updated });
  });
  return sum;
}

// A list the file gives replaces the vault's list of that kind, keeping the records both hold
// (recordMatch.ts: the preview's pairing): they keep their ids, files and history.
function replaceLists(w: Writing, cols: { staffId: number | null; supplierId: number | null }, item: Lists, lists: Record<string, RecordKind>): void {
  const { ctx, sum } = w;
  const { orm } = ctx.vault;
  for (const [list, kind] of Object.entries(lists)) {
    const entries = item[list];
    if (!entries) continue;
    const owner =
      cols.staffId !== null
        ? eq(records.staffId, cols.staffId)
        : cols.supplierId !== null
          ? eq(records.supplierId, cols.supplierId)
          : and(isNull(records.staffId), isNull(records.supplierId));
    const existing = orm
      .select()
      .from(records)
      .where(and(owner, eq(records.kind, kind)))
      .orderBy(records.id)
      .all();
    const files = evidenceByRecord(
      ctx,
      existing.map((r) => r.id),
    );
    const m = matchRecords(
      existing,
      entries,
      // A stored record that no longer reads (damaged) matches nothing: the file's list replaces it.
      (r) => {
        try {
          return recordKey(readPayload(ctx, r, kind), files.get(r.id) ?? []);
        } catch {
          return `\u0000unreadable record ${r.id}`;
        }
      },
      (e) => recordKey(fileRecordData(kind, e), e.evidence ?? []),
    );
    if (m.removed.length)
      orm
        .delete(records)
        .where(
          inArray(
            records.id,
            m.removed.map((r) => r.id),
          ),
        )
        .run();
    sum.kept.records += m.kept.length;
    sum.removed.records += m.removed.length;
    for (const entry of m.added) {
      const id = insertRecord(ctx, cols, kind, fileRecordData(kind, entry));
      sum.added.records++;
      for (const f of entry.evidence ?? []) {
        if (isDestroyedCopy(f))
          insertDestroyedCopy(ctx, id, f); // DBS copies (hostile): the fingerprint of a copy destroyed elsewhere
        else attachEvidence(ctx, id, { name: f.name, bytes: Buffer.from(f.base64, 'base64') });
        sum.added.files++;
      }
    }
  }
}

/** Writes the checked file into the vault (inside importFirmFile's transaction and bulk write). */
function writeFile(w: Writing): void {
  const { ctx, file, opts, sum, p } = w;
  const { orm } = ctx.vault;
  if (file.firm) {
    const { policies, settings, ...given } = file.firm;
    const current = getFirm(ctx);
    const details = { ...given };
    // A vault that already has a firm keeps its own name and address unless asked.
    if (current.name && !opts.updateFirm) {
      if (given.name !== current.name || (given.address ?? '') !== (current.address ?? '')) {
        sum.firmKept = { name: current.name, ...(current.address ? { address: current.address } : {}) };
      }
      details.name = current.name;
      details.address = current.address;
    }
    writeFirm(ctx, details, settings);
    sum.updated.firm = true;
    replaceLists(w, { staffId: null, supplierId: null }, { policies } as Lists, { policies: 'policy' });
  }
  for (const s of file.staff ?? []) {
    const existing = orm.select({ id: staff.id }).from(staff).where(eq(staff.ref, s.ref)).get();
    const values = nullable(s, STAFF_FIELDS) as typeof staff.$inferInsert;
    let id: number;
    if (existing) {
      orm
        .update(staff)
        .set({ ...values, updatedAt: ctx.clock.stamp() })
        .where(eq(staff.id, existing.id))
        .run();
      id = existing.id;
      sum.updated.staff++;
    } else {
      id = orm.insert(staff).values(values).returning({ id: staff.id }).get().id;
      sum.added.staff++;
    }
    replaceLists(w, { staffId: id, supplierId: null }, s as unknown as Lists, STAFF_LISTS);
    p.tick(1, 'Importing staff');
  }
  for (const s of file.suppliers ?? []) {
    const existing = orm.select({ id: suppliers.id }).from(suppliers).where(eq(suppliers.ref, s.ref)).get();
    const details = Object.fromEntries(Object.entries(s).filter(([k]) => !(k in SUPPLIER_LISTS))) as typeof s;
    let id: number;
    if (existing) {
      id = writeSupplier(ctx, existing.id, details).id;
      sum.updated.suppliers++;
    } else {
      id = insertSupplier(ctx, details).id;
      sum.added.suppliers++;
    }
    replaceLists(w, { staffId: null, supplierId: id }, s as unknown as Lists, SUPPLIER_LISTS);
    p.tick(1, 'Importing suppliers');
  }
  const staffId = new Map(
    orm
      .select({ id: staff.id, ref: staff.ref })
      .from(staff)
      .all()
      .map((r) => [r.ref, r.id]),
  );
  const supplierId = new Map(
    orm
      .select({ id: suppliers.id, ref: suppliers.ref })
      .from(suppliers)
      .all()
      .map((r) => [r.ref, r.id]),
  );
  const contactCache = new Map<string, number>();
  // Cases can number tens of thousands: prepared statements and one lookup of existing refs.
  const db = ctx.vault.sqlite;
  const caseIdByRef = new Map((db.prepare('SELECT ref, id FROM cases').raw().all() as [string, number][]).map(([r, id]) => [r, id]));
  const cols =
    'ref, initials, case_manager_id, contact_id, funding, injury, complexity, status, closed_reason, referred_on, opened_on, closed_on, practice, journey';
  const insertCase = db.prepare(`INSERT INTO cases (${cols}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const updateCase = db.prepare(`UPDATE cases SET (${cols}, updated_at) = (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) WHERE id = ?`);
  const deleteInstructions = db.prepare('DELETE FROM case_instructions WHERE case_id = ?');
  const insertInstruction = db.prepare(
    'INSERT INTO case_instructions (case_id, supplier_id, "on", service, override_reason, invoices) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const deleteHandovers = db.prepare('DELETE FROM case_handovers WHERE case_id = ?');
  const insertHandover = db.prepare(
    'INSERT INTO case_handovers (case_id, "on", from_staff_id, to_staff_id, reason, joint_working_days, client_informed, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  for (const c of file.cases ?? []) {
    const { instructions, handovers, ...rest } = c;
    const journey: Record<string, unknown> = {};
    const details = { ...rest };
    for (const k of JOURNEY_KEYS) {
      if (details[k] !== undefined) journey[k] = details[k];
      delete details[k];
    }
    const key = `${details.instructingParty.kind}\u0000${details.instructingParty.name}`;
    let contactId = contactCache.get(key);
    if (contactId === undefined) contactCache.set(key, (contactId = contactIdFor(ctx, details.instructingParty)));
    const v = caseColumns(details, staffId.get(details.caseManager)!, contactId);
    const row = [
      v.ref,
      v.initials,
      v.caseManagerId,
      v.contactId,
      v.funding,
      v.injury,
      v.complexity,
      v.status,
      v.closedReason,
      v.referredOn,
      v.openedOn,
      v.closedOn,
      JSON.stringify(v.practice),
      JSON.stringify(journey),
    ];
    let id = caseIdByRef.get(c.ref);
    if (id !== undefined) {
      updateCase.run(...row, ctx.clock.stamp(), id);
      sum.updated.cases++;
    } else {
      id = Number(insertCase.run(...row).lastInsertRowid);
      caseIdByRef.set(c.ref, id);
      sum.added.cases++;
    }
    if (instructions) {
      deleteInstructions.run(id);
      for (const ins of instructions)
        insertInstruction.run(id, supplierId.get(ins.supplier)!, ins.on, ins.service ?? null, ins.overrideReason ?? null, JSON.stringify(ins.invoices ?? []));
    }
    if (handovers) {
      deleteHandovers.run(id);
      for (const h of handovers) {
        insertHandover.run(id, h.on, staffId.get(h.from)!, staffId.get(h.to)!, h.reason, h.jointWorkingDays ?? null, h.clientInformed ? 1 : 0, h.note ?? null);
      }
    }
    p.tick(1, 'Importing cases');
  }
  destroyDueDbsCopies(ctx); // DBS copies (hostile): copies older than the firm's period are destroyed at import, in this transaction
}
