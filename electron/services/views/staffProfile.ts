// A staff member's profile in one call, from their rows alone: their records, the cases they
// manage or handed over (for STAFF-CASELOAD) and the firm's policies (STAFF-POLICY-ACK). The
// engine judges them on that per-subject snapshot exactly as on the whole firm: a person's
// rules read nothing else (compliance/staffRules.ts; tests/unit/views.test.ts compares).
import { eq, inArray, or } from 'drizzle-orm';
import { caseHandovers, cases, contacts } from '../../../db/schema';
import type { CaseSnapshot, FirmSnapshot } from '../../contract/model';
import type { StaffProfileView } from '../../contract/ops/screens';
import { engineContext, evaluateStaff } from '../compliance/engine';
import type { Ctx } from '../context';
import { staffById } from '../cases/load';
import { toCaseDetails, toHandover } from '../cases/caseRows';
import { loadFirmInfo, loadStaffSnapshot } from '../snapshot';

/**
 * The cases that can count for a person on any date: those they manage now and those handed
 * to or from them. Instructions are left out (a person's rules do not read them).
 */
export function casesOfPerson(ctx: Ctx, staffId: number): CaseSnapshot[] {
  const { orm } = ctx.vault;
  const handedOver = orm
    .select({ caseId: caseHandovers.caseId })
    .from(caseHandovers)
    .where(or(eq(caseHandovers.fromStaffId, staffId), eq(caseHandovers.toStaffId, staffId)));
  const rows = orm
    .select()
    .from(cases)
    .where(or(eq(cases.caseManagerId, staffId), inArray(cases.id, handedOver)))
    .orderBy(cases.ref)
    .all();
  if (rows.length === 0) return [];
  const people = staffById(ctx);
  const staffRef = new Map([...people].map(([id, s]) => [id, s.ref]));
  const contactIds = [...new Set(rows.map((r) => r.contactId))];
  const contactById = new Map(
    orm
      .select()
      .from(contacts)
      .where(inArray(contacts.id, contactIds))
      .all()
      .map((c) => [c.id, c]),
  );
  const hand = new Map<number, CaseSnapshot['handovers']>();
  const ids = rows.map((r) => r.id);
  for (const h of orm.select().from(caseHandovers).where(inArray(caseHandovers.caseId, ids)).orderBy(caseHandovers.on, caseHandovers.id).all()) {
    const list = hand.get(h.caseId) ?? [];
    list.push(toHandover(h, staffRef));
    hand.set(h.caseId, list);
  }
  return rows.map((c) => ({ ...toCaseDetails(c, staffRef, contactById), instructions: [], handovers: hand.get(c.id) ?? [] }));
}

/** A firm snapshot holding one person, their cases and the firm's policies: for evaluating that person. */
export function snapshotForStaff(ctx: Ctx, ref: string): FirmSnapshot {
  const person = loadStaffSnapshot(ctx, ref);
  return { firm: loadFirmInfo(ctx), staff: [person], suppliers: [], cases: casesOfPerson(ctx, person.id) };
}

export function staffProfile(ctx: Ctx, ref: string): StaffProfileView {
  const snapshot = snapshotForStaff(ctx, ref);
  const asOf = ctx.clock.today();
  const person = snapshot.staff[0]!;
  return { asOf, person, report: evaluateStaff(person, engineContext(snapshot, asOf, ctx.clock.now())) };
}
