// What an import would do, worked out before anything is written: every person, supplier
// and case it adds or changes (field by field, the vault's value and the file's), every
// evidence record it adds, keeps or replaces, and everything it refuses (where, the value
// given, what is wanted). The app's preview, `import --dry-run` and the passport's preview
// all show one of these. Reads only what the file names: each person, supplier or case by
// its ref (a unique index) and that owner's records (the records' owner index).
import { eq } from 'drizzle-orm';
import { cases, staff, suppliers } from '../../../db/schema';
import type { Issue } from '../../contract/errors';
import { ukDate } from '../../contract/dates';
import { STAFF_LISTS, SUPPLIER_LISTS, type EvidenceMeta, type FirmFileEvidence, type RecordKind } from '../../contract/model';
import type { FieldChange, ImportPlan, ImportSource, PlannedRecord, PlannedSubject, Refusal, SheetKind } from '../../contract/ops/intake';
import type { Ctx } from '../context';
import { AppError } from '../errors';
import { getFirm } from '../firm/firm';
import { loadStaffSnapshot, loadSupplierSnapshot } from '../snapshot';
import { STAFF_FIELDS } from '../staff/staff';
import { SUPPLIER_FIELDS } from '../suppliers/suppliers';
import { loadCase, staffById } from '../cases/load';
import { listRecords } from '../evidence/records';
import { validateFirmFile } from './importFirmFile';
import type { FirmFile } from './firmFileSchema';
import { fieldsOf } from '../rows';

/** A value as the preview shows it: dates dd/mm/yyyy, yes/no, lists with "; ", empty as "". */
export function shown(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (typeof v === 'string') return /^\d{4}-\d{2}-\d{2}$/.test(v) ? ukDate(v) : v;
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) return v.map(shown).join('; ');
  return JSON.stringify(v);
}

// canonical lives beside the matcher that compares records (recordMatch.ts); passport and sheetPlan read it from here.
import { canonical, fileRecordData, matchRecords, recordKey } from './recordMatch';
export { canonical };

const KIND_WORDS: Record<RecordKind, string> = {
  dbs: 'DBS check',
  indemnity: 'Indemnity',
  registration: 'Registration',
  cpd: 'CPD',
  training: 'Training',
  peerReview: 'Peer review',
  exemption: 'Exemption',
  supplierIndemnity: 'Indemnity',
  qualification: 'Qualification',
  regulatory: 'Registration',
  fitnessCheck: 'Fitness to practise check',
  decision: 'Vetting decision',
  supplierDocument: 'Document',
  policy: 'Policy',
  policyAck: 'Policy acknowledged',
  outsideCaseload: 'Cases held elsewhere',
};

/** A record in a few words: its kind and its first few short values ("CPD: 14/05/2026, Mental capacity update, BABICM"). */
export function recordLabel(kind: RecordKind, data: Record<string, unknown>): string {
  const bits = Object.entries(data)
    .filter(([k, v]) => k !== 'evidence' && (typeof v === 'string' || typeof v === 'number') && String(v).length <= 80)
    .slice(0, 3)
    .map(([, v]) => shown(v));
  return `${KIND_WORDS[kind]}: ${bits.join(', ')}`;
}

/** Field-by-field differences between what the vault holds and what the file gives. */
export function fieldChanges(before: Record<string, unknown>, after: Record<string, unknown>, fields: readonly string[]): FieldChange[] {
  const out: FieldChange[] = [];
  for (const f of fields) {
    const from = shown(before[f]);
    const to = shown(after[f]);
    if (from !== to) out.push({ field: f, from, to });
  }
  return out;
}

type Item = Record<string, unknown> & { evidence?: unknown[] };

/**
 * A list the file gives replaces the vault's list of that kind (the firm file's rule):
 * records in both (same content, same files) are kept, records only in the file are added,
 * records only in the vault go. The import pairs them the same way (recordMatch.ts).
 */
export function listChanges(kind: RecordKind, existing: Item[], incoming: Item[]): PlannedRecord[] {
  const strip = ({ evidence: _e, id: _i, ...d }: Item) => d;
  const m = matchRecords(
    existing,
    incoming,
    (e) => recordKey(strip(e), (e.evidence ?? []) as EvidenceMeta[]),
    (i) => recordKey(fileRecordData(kind, i), (i.evidence ?? []) as FirmFileEvidence[]),
  );
  const kept = new Set(m.kept.map(([, i]) => i));
  return [
    ...incoming.map((i): PlannedRecord => ({ action: kept.has(i) ? 'same' : 'add', what: kind, label: recordLabel(kind, fileRecordData(kind, i)) })),
    ...m.removed.map((e): PlannedRecord => ({
      action: 'remove',
      what: kind,
      label: recordLabel(kind, strip(e)),
      note: 'not in the file: the file’s list replaces this one',
    })),
  ];
}

function subjectAction(changes: FieldChange[], records: PlannedRecord[]): PlannedSubject['action'] {
  return changes.length || records.some((r) => r.action !== 'same') ? 'change' : 'same';
}

/** The value at a firm-file path such as `staff[1].indemnity[0].coverGBP`, as text (long values cut). */
export function valueAt(json: unknown, path: string): string | undefined {
  let v: unknown = json;
  for (const part of path.match(/[^.[\]]+/g) ?? []) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[/^\d+$/.test(part) ? Number(part) : part];
  }
  if (v === undefined) return undefined;
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return s.length > 80 ? `${s.slice(0, 77)}…` : s;
}

/** Refusals from a validation's issues, each with the value the file gave at its path. */
export function refusalsOf(issues: readonly Issue[], json: unknown): Refusal[] {
  return issues.map((i) => {
    const value = valueAt(json, i.path);
    return { path: i.path, message: i.message, ...(value !== undefined ? { value } : {}) };
  });
}

export function totalsOf(subjects: PlannedSubject[], refused: Refusal[]): ImportPlan['totals'] {
  const t = { add: 0, change: 0, same: 0, remove: 0, refused: refused.length };
  for (const s of subjects) {
    // A person, supplier or case counts when it is added or its own fields change; its records count one by one.
    if (s.what !== 'firm' && (s.action === 'add' || s.changes.length)) t[s.action]++;
    for (const r of s.records) t[r.action === 'change' ? 'change' : r.action]++;
  }
  return t;
}

/**
 * A firm file never changes the firm's own name and address unless the user says so
 * (the import's tick box, `--update-firm`); a vault with no firm name yet takes the file's.
 */
export function keepsOwnDetails(ctx: Ctx, updateFirm: boolean | undefined): boolean {
  return !updateFirm && getFirm(ctx).name !== '';
}

interface PlanOptions {
  source: ImportSource;
  file: string;
  digest: string;
  kind?: SheetKind;
  /** Whether the firm's own name and address may change (`--update-firm`, the import's tick box). */
  updateFirm?: boolean;
}

/** The plan for a firm file (or a spreadsheet of staff, suppliers or cases, made into one). */
export function planFirmFile(ctx: Ctx, json: unknown, o: PlanOptions): ImportPlan {
  const base = { source: o.source, file: o.file, digest: o.digest, ...(o.kind ? { kind: o.kind } : {}) };
  let file: FirmFile;
  try {
    file = validateFirmFile(ctx, json);
  } catch (e) {
    if (e instanceof AppError && e.issues) {
      const refused = refusalsOf(e.issues, json);
      return { ...base, subjects: [], refused, totals: totalsOf([], refused) };
    }
    throw e;
  }
  const subjects: PlannedSubject[] = [];
  const { orm } = ctx.vault;
  if (file.firm) {
    const now = getFirm(ctx);
    const { policies, settings, ...details } = file.firm;
    const changes = fieldChanges(fieldsOf(now), details, ['name', 'address', 'codeOfConductSignatory']);
    const kept = keepsOwnDetails(ctx, o.updateFirm) ? changes.filter((c) => c.field !== 'codeOfConductSignatory') : [];
    const records: PlannedRecord[] = kept.map((c) => ({
      action: 'same',
      what: 'firm',
      label: `${c.field === 'name' ? 'Firm name' : 'Address'} kept as “${c.from}” (the file says “${c.to}”)`,
      note: 'tick “Update the firm’s name and address” (or --update-firm) to change it',
    }));
    const settingChanges = settings ? fieldChanges(now.settings, settings, Object.keys(settings)) : [];
    const all = [...changes.filter((c) => !kept.includes(c)), ...settingChanges];
    if (policies) records.push(...listChanges('policy', firmPolicies(ctx), policies as Item[]));
    subjects.push({ what: 'firm', name: now.name || details.name, action: subjectAction(all, records), changes: all, records });
  }
  for (const s of file.staff ?? []) {
    const row = orm.select({ id: staff.id }).from(staff).where(eq(staff.ref, s.ref)).get();
    const incoming = fieldsOf(s);
    const before = row ? fieldsOf(loadStaffSnapshot(ctx, s.ref)) : {};
    const records: PlannedRecord[] = [];
    for (const [list, kind] of Object.entries(STAFF_LISTS)) {
      if (incoming[list]) records.push(...listChanges(kind, (before[list] as Item[]) ?? [], incoming[list] as Item[]));
    }
    const changes = row ? fieldChanges(before, incoming, STAFF_FIELDS) : [];
    subjects.push({ what: 'staff', ref: s.ref, name: s.name, action: row ? subjectAction(changes, records) : 'add', changes, records });
  }
  for (const s of file.suppliers ?? []) {
    const row = orm.select({ id: suppliers.id }).from(suppliers).where(eq(suppliers.ref, s.ref)).get();
    const incoming = fieldsOf(s);
    const before = row ? fieldsOf(loadSupplierSnapshot(ctx, s.ref)) : {};
    const records: PlannedRecord[] = [];
    for (const [list, kind] of Object.entries(SUPPLIER_LISTS)) {
      if (incoming[list]) records.push(...listChanges(kind, (before[list] as Item[]) ?? [], incoming[list] as Item[]));
    }
    const changes = row ? fieldChanges(before, incoming, SUPPLIER_FIELDS) : [];
    subjects.push({ what: 'supplier', ref: s.ref, name: s.name, action: row ? subjectAction(changes, records) : 'add', changes, records });
  }
  const people = file.cases?.length ? staffById(ctx) : new Map();
  for (const c of file.cases ?? []) {
    const row = orm.select().from(cases).where(eq(cases.ref, c.ref)).get();
    const { instructions, handovers, instructingParty, ...details } = c;
    const flat = (x: Record<string, unknown>, party: Record<string, unknown>) => ({
      ...x,
      instructingPartyName: party.name,
      instructingPartyKind: party.kind,
      instructingPartyContact: party.contact,
    });
    const after = flat(details, instructingParty);
    let changes: FieldChange[] = [];
    const records: PlannedRecord[] = [];
    if (row) {
      const now = loadCase(ctx, row, people);
      const { instructions: ni, handovers: nh, instructingParty: np, id: _id, ...nd } = now;
      const fields = [...new Set([...Object.keys(after), ...Object.keys(nd)])].filter(
        (k) => !['statusHistory', 'goals', 'planReviews', 'riskReviews', 'incidents', 'followUps', 'followUpConsent', 'outcome', 'feedback'].includes(k),
      );
      changes = fieldChanges(flat(nd, np), after, fields);
      if (instructions && canonical(instructions) !== canonical(ni.map(({ invoices: _v, ...i }) => i)))
        records.push({ action: 'change', what: 'instructions', label: `Instructions: ${ni.length} replaced by ${instructions.length}` });
      if (handovers && handovers.length !== nh.length)
        records.push({ action: 'change', what: 'handovers', label: `Handovers: ${nh.length} replaced by ${handovers.length}` });
    } else {
      if (instructions?.length) records.push({ action: 'add', what: 'instructions', label: `Instructions: ${instructions.length}` });
      if (handovers?.length) records.push({ action: 'add', what: 'handovers', label: `Handovers: ${handovers.length}` });
    }
    subjects.push({ what: 'case', ref: c.ref, name: c.initials ?? c.ref, action: row ? subjectAction(changes, records) : 'add', changes, records });
  }
  return { ...base, subjects, refused: [], totals: totalsOf(subjects, []) };
}

function firmPolicies(ctx: Ctx): Item[] {
  return listRecords(ctx, { type: 'firm' }, 'policy').map((r) => r.data as Item);
}
