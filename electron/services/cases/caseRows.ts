// Mapping between case rows (filterable columns + a `practice` JSON column) and CaseDetails.
import { eq, and } from 'drizzle-orm';
import { caseHandovers, caseInstructions, cases, contacts } from '../../../db/schema';
import {
  CASE_PRACTICE_FIELDS,
  JOURNEY_FIELDS,
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
/** The columns the mappers below read (the whole-firm loader, snapshot.ts, selects only these). */
type Unstamped<T> = Omit<T, 'createdAt' | 'updatedAt'>;
type ContactRow = Pick<typeof contacts.$inferSelect, 'id' | 'name' | 'kind' | 'contact'>;

/** The journey JSON of a case row as the domain sees it (absent lists stay absent). */
export function journeyOf(c: Pick<CaseRow, 'journey'>): CaseJourney {
  return (c.journey ?? {}) as CaseJourney;
}

export function toCaseDetails(
  c: Unstamped<CaseRow>,
  staffRef: Map<number, string>,
  contactById: Map<number, ContactRow>,
  parties?: Map<number, InstructingParty>,
): CaseDetails & CaseJourney & { id: number } {
  // One compacted object with the practice and journey fields added to it, rather than compacted
  // copies spread into another: the whole-firm load makes 20,000 of these. `parties` shares one
  // instructing party per contact across a load.
  const out: Record<string, unknown> = compact({
    id: c.id,
    ref: c.ref,
    initials: c.initials,
    caseManager: staffRef.get(c.caseManagerId),
    funding: c.funding,
    injury: c.injury,
    complexity: c.complexity,
    status: c.status,
    closedReason: c.closedReason,
    referredOn: c.referredOn,
    openedOn: c.openedOn,
    closedOn: c.closedOn,
  });
  let party = parties?.get(c.contactId);
  if (!party) {
    const p = contactById.get(c.contactId)!;
    party = compact({ name: p.name, kind: p.kind, contact: p.contact }) as InstructingParty;
    parties?.set(c.contactId, party);
  }
  out.instructingParty = party;
  Object.assign(out, c.practice, journeyOf(c));
  return out as CaseDetails & CaseJourney & { id: number };
}

/**
 * The `journey` column for a case that carries case-journey fields (a version-2 firm file's
 * case), or undefined when it carries none, so an edit of the details keeps the journey.
 */
export function journeyColumn(d: Partial<CaseJourney>): Record<string, unknown> | undefined {
  const journey: Record<string, unknown> = {};
  let any = false;
  for (const k of JOURNEY_FIELDS) {
    if (k in d) any = true;
    if (d[k] !== undefined) journey[k] = d[k];
  }
  return any ? journey : undefined;
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

export function caseColumns(d: CaseDetails & Partial<CaseJourney>, caseManagerId: number, contactId: number) {
  const practice: Record<string, unknown> = {};
  for (const k of CASE_PRACTICE_FIELDS) if (d[k] !== undefined) practice[k] = d[k];
  const journey = journeyColumn(d);
  return {
    ...(journey ? { journey } : {}),
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
export function toHandover(h: Omit<typeof caseHandovers.$inferSelect, 'id' | 'createdAt' | 'updatedAt'>, staffRef: Map<number, string>): HandoverRecord {
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

/** An instruction row as the engine reads it; its invoices only when there are any. */
export function toInstruction(
  i: Pick<typeof caseInstructions.$inferSelect, 'on' | 'service' | 'overrideReason' | 'invoices'>,
  supplierRef: string,
): InstructionSnapshot {
  const invoices = (i.invoices ?? []) as Invoice[];
  return compact({
    supplier: supplierRef,
    on: i.on,
    service: i.service,
    overrideReason: i.overrideReason,
    ...(invoices.length ? { invoices } : {}),
  }) as InstructionSnapshot;
}
