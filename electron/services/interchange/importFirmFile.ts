// Imports a firm file all-or-nothing: every problem is collected with its JSON path,
// and nothing is written unless the whole file is valid. Records are matched on `ref`;
// for a matched person or supplier, each list present in the file replaces that list.
import { and, eq, isNull } from 'drizzle-orm';
import { records, staff, suppliers } from '../../../db/schema';
import type { Issue } from '../../contract/errors';
import { STAFF_LISTS, SUPPLIER_LISTS, type FirmFileEvidence, type RecordKind } from '../../contract/model';
import type { Ctx } from '../context';
import type { ImportSummary } from '../../contract/views';
import { AppError, zodIssues } from '../errors';
import { attachEvidence } from '../evidence/evidence';
import { checkEvidenceFile } from '../evidence/mediaType';
import { insertRecord } from '../evidence/records';
import { writeFirm } from '../firm/firm';
import { nullable } from '../rows';
import { STAFF_FIELDS } from '../staff/staff';
import { insertSupplier, writeSupplier } from '../suppliers/suppliers';
import { caseColumns, contactIdFor } from '../cases/caseRows';
import { steps } from '../progress';
import { firmFileSchema, type FirmFile } from './firmFileSchema';

export type { ImportSummary };

/** Validates the file and its cross-references; throws one AppError listing every issue. */
export function validateFirmFile(ctx: Ctx, json: unknown): FirmFile {
  const parsed = firmFileSchema.safeParse(json, { reportInput: true });
  if (!parsed.success) throw fail(zodIssues(parsed.error));
  const file = parsed.data;
  const issues: Issue[] = [];
  const dupes = (list: { ref: string }[] | undefined, name: string) => {
    const seen = new Set<string>();
    list?.forEach((x, i) => {
      if (seen.has(x.ref)) issues.push({ path: `${name}[${i}].ref`, message: `${x.ref} appears more than once in the file` });
      seen.add(x.ref);
    });
  };
  dupes(file.staff, 'staff');
  dupes(file.suppliers, 'suppliers');
  dupes(file.cases, 'cases');
  const staffRefs = new Set([
    ...(file.staff ?? []).map((s) => s.ref),
    ...ctx.vault.orm
      .select({ ref: staff.ref })
      .from(staff)
      .all()
      .map((r) => r.ref),
  ]);
  const supplierRefs = new Set([
    ...(file.suppliers ?? []).map((s) => s.ref),
    ...ctx.vault.orm
      .select({ ref: suppliers.ref })
      .from(suppliers)
      .all()
      .map((r) => r.ref),
  ]);
  file.cases?.forEach((c, i) => {
    if (!staffRefs.has(c.caseManager)) issues.push({ path: `cases[${i}].caseManager`, message: `no staff member with ref ${c.caseManager}` });
    c.instructions?.forEach((ins, j) => {
      if (!supplierRefs.has(ins.supplier)) issues.push({ path: `cases[${i}].instructions[${j}].supplier`, message: `no supplier with ref ${ins.supplier}` });
    });
    c.handovers?.forEach((h, j) => {
      for (const k of ['from', 'to'] as const)
        if (!staffRefs.has(h[k])) issues.push({ path: `cases[${i}].handovers[${j}].${k}`, message: `no staff member with ref ${h[k]}` });
    });
  });
  forEachEvidence(file, (f, path) => {
    try {
      checkEvidenceFile(f.name, Buffer.from(f.base64, 'base64'), path);
    } catch (e) {
      issues.push({ path, message: (e as Error).message });
    }
  });
  if (issues.length) throw fail(issues);
  return file;
}

function fail(issues: Issue[]): AppError {
  const first = issues[0];
  const head = issues.length === 1 ? 'The firm file was not imported' : `The firm file was not imported (${issues.length} problems)`;
  return new AppError('invalid', `${head}: ${first.path}: ${first.message}`, first.path, issues);
}

type Lists = Record<string, (Record<string, unknown> & { evidence?: FirmFileEvidence[] })[] | undefined>;
function forEachEvidence(file: FirmFile, fn: (f: FirmFileEvidence, path: string) => void): void {
  const walk = (owner: Lists, base: string) => {
    for (const [list, items] of Object.entries(owner)) {
      if (!Array.isArray(items)) continue;
      items.forEach((it, i) => (it as { evidence?: FirmFileEvidence[] }).evidence?.forEach((f, j) => fn(f, `${base}.${list}[${i}].evidence[${j}]`)));
    }
  };
  if (file.firm) walk({ policies: file.firm.policies }, 'firm');
  file.staff?.forEach((s, i) => walk(s as unknown as Lists, `staff[${i}]`));
  file.suppliers?.forEach((s, i) => walk(s as unknown as Lists, `suppliers[${i}]`));
}

export function importFirmFile(ctx: Ctx, json: unknown): ImportSummary {
  ctx.progress?.({ done: 0, total: 1, label: 'Checking the firm file' });
  const file = validateFirmFile(ctx, json);
  const p = steps(ctx.progress, (file.staff?.length ?? 0) + (file.suppliers?.length ?? 0) + (file.cases?.length ?? 0), 'Importing');
  const sum: ImportSummary = {
    added: { staff: 0, suppliers: 0, cases: 0, records: 0, files: 0 },
    updated: { staff: 0, suppliers: 0, cases: 0, firm: false },
  };
  const { orm } = ctx.vault;

  const replaceLists = (cols: { staffId: number | null; supplierId: number | null }, item: Lists, lists: Record<string, RecordKind>) => {
    for (const [list, kind] of Object.entries(lists)) {
      const entries = item[list];
      if (!entries) continue;
      const owner =
        cols.staffId !== null
          ? eq(records.staffId, cols.staffId)
          : cols.supplierId !== null
            ? eq(records.supplierId, cols.supplierId)
            : and(isNull(records.staffId), isNull(records.supplierId));
      orm
        .delete(records)
        .where(and(owner, eq(records.kind, kind)))
        .run();
      for (const entry of entries) {
        const { evidence, ...data } = entry;
        const id = insertRecord(ctx, cols, kind, data);
        sum.added.records++;
        for (const f of evidence ?? []) {
          attachEvidence(ctx, id, { name: f.name, bytes: Buffer.from(f.base64, 'base64') });
          sum.added.files++;
        }
      }
    }
  };

  ctx.vault.tx(() => {
    if (file.firm) {
      const { policies, settings, ...details } = file.firm;
      writeFirm(ctx, details, settings);
      sum.updated.firm = true;
      replaceLists({ staffId: null, supplierId: null }, { policies } as Lists, { policies: 'policy' });
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
      replaceLists({ staffId: id, supplierId: null }, s as unknown as Lists, STAFF_LISTS);
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
      replaceLists({ staffId: null, supplierId: id }, s as unknown as Lists, SUPPLIER_LISTS);
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
    const cols = 'ref, initials, case_manager_id, contact_id, funding, injury, complexity, status, closed_reason, referred_on, opened_on, closed_on, practice';
    const insertCase = db.prepare(`INSERT INTO cases (${cols}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    const updateCase = db.prepare(`UPDATE cases SET (${cols}, updated_at) = (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) WHERE id = ?`);
    const deleteInstructions = db.prepare('DELETE FROM case_instructions WHERE case_id = ?');
    const insertInstruction = db.prepare('INSERT INTO case_instructions (case_id, supplier_id, "on", service, override_reason) VALUES (?, ?, ?, ?, ?)');
    const deleteHandovers = db.prepare('DELETE FROM case_handovers WHERE case_id = ?');
    const insertHandover = db.prepare(
      'INSERT INTO case_handovers (case_id, "on", from_staff_id, to_staff_id, reason, joint_working_days, client_informed, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    for (const c of file.cases ?? []) {
      const { instructions, handovers, ...details } = c;
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
        for (const ins of instructions) insertInstruction.run(id, supplierId.get(ins.supplier)!, ins.on, ins.service ?? null, ins.overrideReason ?? null);
      }
      if (handovers) {
        deleteHandovers.run(id);
        for (const h of handovers) {
          insertHandover.run(
            id,
            h.on,
            staffId.get(h.from)!,
            staffId.get(h.to)!,
            h.reason,
            h.jointWorkingDays ?? null,
            h.clientInformed ? 1 : 0,
            h.note ?? null,
          );
        }
      }
      p.tick(1, 'Importing cases');
    }
  });
  return sum;
}
