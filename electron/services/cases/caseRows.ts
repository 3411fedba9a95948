// Mapping between case rows (filterable columns + a `practice` JSON column) and CaseDetails.
import { eq, and } from 'drizzle-orm';
import { caseHandovers, caseInstructions, cases, contacts } from '../../../db/schema';
import {
  CASE_PRACTICE_FIELDS,
  type CaseDetails,
  type CaseJourney,
  type HandoverRecord,
  type InstructingParty,
  type InstructionSnapshot,
  type Invoice,
} from '../../contract/model';
import type { Ctx } from '../context';
import { compact } from '../rows';

export type CaseRow = typeof cases.$inferSelect;
type ContactRow = typeof contacts.$inferSelect;

export function toCaseDetails(c: CaseRow, staffRef: Map<number, string>, contactById: Map<number, ContactRow>): CaseDetails & CaseJourney & { id: number } {
  const p = contactById.get(c.contactId)!;
  return {
    id: c.id,
    ...(compact({
      ref: c.ref,
      initials: c.initials,
      caseManager: staffRef.get(c.caseManagerId)!,
      funding: c.funding,
      injury: c.injury,
      complexity: c.complexity,
      status: c.status,
      closedReason: c.closedReason,
      referredOn: c.referredOn,
      openedOn: c.openedOn,
      closedOn: c.closedOn,
    }) as Omit<CaseDetails, 'instructingParty'>),
    instructingParty: compact({ name: p.name, kind: p.kind, contact: p.contact }) as InstructingParty,
    ...(c.practice as Partial<CaseDetails>),
    // The case journey, kept with the row as JSON (migration 0008; written by the import and the journey's services).
    ...(c.journey as CaseJourney),
  };
}

/** Finds or creates the reusable contact for an instructing party. */
export function contactIdFor(ctx: Ctx, party: InstructingParty): number {
  const found = ctx.vault.orm
    .select()
    .from(contacts)
    .where(and(eq(contacts.name, party.name), eq(contacts.kind, party.kind)))
    .get();
  if (found) {
    if (party.contact && party.contact !== found.contact) {
      ctx.vault.orm.update(contacts).set({ contact: party.contact, updatedAt: ctx.clock.stamp() }).where(eq(contacts.id, found.id)).run();
    }
    return found.id;
  }
  return ctx.vault.orm
    .insert(contacts)
    .values({ name: party.name, kind: party.kind, contact: party.contact ?? null })
    .returning({ id: contacts.id })
    .get().id;
}

export function caseColumns(d: CaseDetails, caseManagerId: number, contactId: number) {
  const practice: Record<string, unknown> = {};
  for (const k of CASE_PRACTICE_FIELDS) if (d[k] !== undefined) practice[k] = d[k];
  return {
    ref: d.ref,
    initials: d.initials ?? null,
    caseManagerId,
    contactId,
    funding: d.funding ?? null,
    injury: d.injury ?? null,
    complexity: d.complexity ?? null,
    status: d.status,
    closedReason: d.closedReason ?? null,
    referredOn: d.referredOn ?? null,
    openedOn: d.openedOn ?? null,
    closedOn: d.closedOn ?? null,
    practice,
  };
}

/** A handover row as the domain sees it (staff ids become refs). */
export function toHandover(h: typeof caseHandovers.$inferSelect, staffRef: Map<number, string>): HandoverRecord {
  return compact({
    on: h.on,
    fromRef: staffRef.get(h.fromStaffId)!,
    toRef: staffRef.get(h.toStaffId)!,
    reason: h.reason,
    jointWorkingDays: h.jointWorkingDays,
    clientInformed: h.clientInformed,
    note: h.note,
  }) as HandoverRecord;
}

/** An instruction row as the domain sees it, with its supplier's invoices when it has any. */
export function instructionOf(i: typeof caseInstructions.$inferSelect, supplierRef: string): InstructionSnapshot {
  const invoices = i.invoices as Invoice[];
  return {
    ...compact({ supplier: supplierRef, on: i.on, service: i.service, overrideReason: i.overrideReason }),
    ...(invoices.length ? { invoices } : {}),
  };
}
