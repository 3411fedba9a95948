// DBS certificate copies, kept no longer than the firm's period (settings.dbsCopyMonths,
// default 6 months after the certificate's issue date), as the DBS Code of Practice asks:
// copies are generally kept no longer than six months; the details are kept (number, level,
// date, who saw the original). When a copy's time is up, its bytes are deleted from the
// vault (secure_delete overwrites them) and its file row becomes a destroyed copy: name,
// type, size, SHA-256, when, by whom and why. Packs go on printing the fingerprint.
//
// Run at every unlock (the app's Session, the CLI's withVault) and at the end of every firm
// file import, inside the import's transaction. Each destruction is one write; where the
// audit trail exists its triggers record it like any other change.
import { and, eq, isNotNull, isNull } from 'drizzle-orm';
import { evidenceContents, evidenceFiles, records, staff, suppliers } from '../../../db/schema';
import { anniversary } from '../../contract/conventions';
import { plusDays, ukDate } from '../../contract/dates';
import { DBS_COPY_WHY, type DestroyedCopy } from '../../contract/model';
import type { DbsCopyDueItem, DbsCopyDueView } from '../../contract/views';
import type { Ctx } from '../context';
import { AppError } from '../errors';
import { getFirm } from '../firm/firm';
import { PAYLOAD_COLUMNS, readPayload } from './payloads';

/** The day a copy of a certificate issued on `issuedOn` is destroyed: its issue date plus the firm's months. */
export function dbsCopyDueOn(issuedOn: string, months: number): string {
  return anniversary(issuedOn, months);
}

/** A copy still held: what the due list shows of it. */
type HeldCopy = DbsCopyDueItem;

/** Every DBS copy still held (not destroyed), with the day it is due to go. */
function heldCopies(ctx: Ctx): HeldCopy[] {
  const months = getFirm(ctx).settings.dbsCopyMonths;
  const rows = ctx.vault.orm
    .select({
      fileId: evidenceFiles.id,
      name: evidenceFiles.name,
      ...PAYLOAD_COLUMNS,
      staffRef: staff.ref,
      staffName: staff.name,
      supplierRef: suppliers.ref,
      supplierName: suppliers.name,
    })
    .from(evidenceFiles)
    .innerJoin(records, eq(records.id, evidenceFiles.recordId))
    .leftJoin(staff, eq(staff.id, records.staffId))
    .leftJoin(suppliers, eq(suppliers.id, records.supplierId))
    .where(and(eq(records.kind, 'dbs'), isNull(evidenceFiles.destroyedOn)))
    .all();
  // A record's file names, to tell whether a check's receipt is named unambiguously.
  const namesOf = new Map<number, string[]>();
  for (const r of rows) namesOf.set(r.id, [...(namesOf.get(r.id) ?? []), r.name]);
  return rows.map((r) => {
    const dbs = readPayload(ctx, r, 'dbs');
    const checkedOn = receiptCheckedOn(dbs, r.name, namesOf.get(r.id) ?? []);
    const isStaff = r.staffId !== null;
    return {
      fileId: r.fileId,
      name: r.name,
      ownerType: isStaff ? 'staff' : 'supplier',
      ref: (isStaff ? r.staffRef : r.supplierRef) ?? '',
      ownerName: (isStaff ? r.staffName : r.supplierName) ?? '',
      issuedOn: dbs.issuedOn,
      ...(checkedOn ? { checkedOn } : {}),
      dueOn: dbsCopyDueOn(checkedOn ?? dbs.issuedOn, months),
    };
  });
}

/**
 * The day of the Update Service check whose receipt (the status page's screenshot or PDF) this
 * file is, if it is one. The Update Service exists to check old certificates, so its receipt's
 * period runs from the check, not from the certificate's issue (from the issue it would go at
 * the next unlock). A receipt is known by the name its check keeps; a name two files of the
 * record share is taken as a certificate copy, the shorter period, never the longer.
 */
function receiptCheckedOn(dbs: { statusChecks?: { on: string; file?: string }[] }, name: string, recordFiles: string[]): string | undefined {
  if (recordFiles.filter((n) => n === name).length !== 1) return undefined;
  const days = (dbs.statusChecks ?? []).filter((c) => c.file === name).map((c) => c.on);
  return days.length ? days.sort().at(-1) : undefined;
}

export interface DestroyedReport {
  fileId: number;
  name: string;
  ref: string;
  dueOn: string;
}

/**
 * Destroys every DBS copy whose day has come (due on or before today). Returns what it
 * destroyed. Runs in its own transaction, or in the caller's (an import).
 */
export function destroyDueDbsCopies(ctx: Ctx): DestroyedReport[] {
  const today = ctx.clock.today();
  return ctx.vault.tx(() => {
    const due = heldCopies(ctx).filter((c) => c.dueOn <= today);
    if (!due.length) return [];
    const why = DBS_COPY_WHY(getFirm(ctx).settings.dbsCopyMonths);
    for (const c of due) {
      ctx.vault.orm.delete(evidenceContents).where(eq(evidenceContents.fileId, c.fileId)).run();
      // size 0: what the vault holds of it now
      ctx.vault.orm
        .update(evidenceFiles)
        .set({ destroyedOn: today, destroyedBy: ctx.user, destroyedWhy: why, size: 0 })
        .where(eq(evidenceFiles.id, c.fileId))
        .run();
    }
    return due.map((c) => ({ fileId: c.fileId, name: c.name, ref: c.ref, dueOn: c.dueOn }));
  });
}

/** Copies still held that go within `days` (default: the firm's warning window), soonest first. */
export function dbsCopiesDue(ctx: Ctx, days?: number): DbsCopyDueView {
  const firm = getFirm(ctx);
  const window = days ?? firm.settings.warningDays;
  const until = plusDays(ctx.clock.today(), window);
  const items = heldCopies(ctx)
    .filter((c) => c.dueOn <= until)
    .sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.ref.localeCompare(b.ref) || a.name.localeCompare(b.name))
    .map(({ fileId, name, ownerType, ref, ownerName, issuedOn, checkedOn, dueOn }) => ({
      fileId,
      name,
      ownerType,
      ref,
      ownerName,
      issuedOn,
      ...(checkedOn ? { checkedOn } : {}),
      dueOn,
    }));
  return { today: ctx.clock.today(), months: firm.settings.dbsCopyMonths, days: window, items };
}

/** Stores a destroyed copy that arrived in a firm file (its fingerprint, no content). Inside the import's transaction. */
export function insertDestroyedCopy(ctx: Ctx, recordId: number, f: DestroyedCopy): void {
  ctx.vault.orm
    .insert(evidenceFiles)
    .values({
      recordId,
      name: f.name,
      mediaType: f.mediaType,
      size: 0,
      sha256: f.sha256,
      addedBy: ctx.user,
      addedAt: ctx.clock.stamp(),
      destroyedOn: f.destroyedOn,
      destroyedBy: f.destroyedBy ?? null,
      destroyedWhy: f.why,
    })
    .run();
}

/** How many copies the vault holds as destroyed (for tests and the check). */
export function destroyedCopyCount(ctx: Ctx): number {
  return ctx.vault.orm.select({ id: evidenceFiles.id }).from(evidenceFiles).where(isNotNull(evidenceFiles.destroyedOn)).all().length;
}

/**
 * A copy attached from the app to a DBS check whose period is already over would be destroyed
 * at the next unlock: it is refused now, saying why (an import keeps it only to destroy it,
 * recording its fingerprint).
 */
export function assertDbsCopyMayBeKept(ctx: Ctx, recordId: number, where = 'file'): void {
  const row = ctx.vault.orm
    .select({
      ...PAYLOAD_COLUMNS,
    })
    .from(records)
    .where(eq(records.id, recordId))
    .get();
  if (!row || row.kind !== 'dbs') return;
  const { issuedOn } = readPayload(ctx, row, 'dbs');
  const months = getFirm(ctx).settings.dbsCopyMonths;
  const dueOn = dbsCopyDueOn(issuedOn, months);
  if (dueOn <= ctx.clock.today()) {
    throw new AppError(
      'invalid',
      `This DBS certificate was issued on ${ukDate(issuedOn)}: the firm keeps copies for ${months} months after the check (until ${ukDate(dueOn)}), as the DBS Code of Practice asks, so a copy is not kept now. Record who saw the original in the DBS check instead.`,
      where,
    );
  }
}
