// The case journey (issue 14): a case's status history, reviews, goals, incidents, follow-up,
// outcome and feedback (the `journey` JSON of its row, migration 0008) and its instructions'
// invoices. The checks across fields live here once — journeyProblems() — for the operations
// and for the firm-file import alike; the rules that judge them are the engine's (caseRules.ts).
import { eq } from 'drizzle-orm';
import { caseInstructions, cases, suppliers } from '../../../db/schema';
import { daysBetween, isLocalMinute, londonDateTime, londonInstant, plusDays, ukDate, type IsoDate } from '../../contract/dates';
import type { Issue } from '../../contract/errors';
import { CASE_STATUSES, type CaseDetails, type CaseJourney, type CaseSnapshot, type Invoice } from '../../contract/model';
import type { CaseView } from '../../contract/ops/cases';
import {
  journeyInputs,
  type FollowUpWindow,
  type IncidentClock,
  type IncidentReportClock,
  type InvoiceView,
  type JourneyList,
  type JourneyView,
  type SupplierInvoices,
} from '../../contract/ops/journey';
import { FOLLOW_UP_MONTHS, FOLLOW_UP_WINDOW_DAYS, REPORTS_NEEDED } from '../compliance/caseRules';
import { closedOnBy } from '../compliance/orgRules';
import { addDays, monthsAfter, plural } from '../compliance/window';
import type { Ctx } from '../context';
import { AppError, notFound } from '../errors';
import { getFirm } from '../firm/firm';
import { parseOr } from '../parse';
import { journeyOf, type CaseRow } from './caseRows';
import { caseRowByRef } from './load';
import { fieldError } from './fieldError';
import { caseView } from './cases';

type Status = (typeof CASE_STATUSES)[number];
type StatusEntry = { status: Status; on: IsoDate };
type JourneyCase = Pick<CaseDetails, 'status' | 'referredOn' | 'openedOn' | 'closedOn'> & CaseJourney;

// ---------- status history ----------
/**
 * The status history a case's dates imply when none is recorded (the same reading as
 * caseStatusOn in compliance/caseload.ts): a referral from the referral date, open from the
 * opening date (open active when it has since closed: nothing says it was monitoring), closed
 * from the closing date. A case with no dates at all starts on `today` in its status.
 */
export function impliedHistory(c: Pick<CaseDetails, 'status' | 'referredOn' | 'openedOn' | 'closedOn'>, today: IsoDate): StatusEntry[] {
  const out: StatusEntry[] = [];
  if (c.referredOn && (!c.openedOn || c.referredOn < c.openedOn)) out.push({ status: 'referral', on: c.referredOn });
  if (c.openedOn && c.status !== 'referral') out.push({ status: c.status === 'closed' ? 'open-active' : c.status, on: c.openedOn });
  if (c.status === 'closed' && c.closedOn) out.push({ status: 'closed', on: c.closedOn });
  if (out.length === 0 || out[out.length - 1]!.status !== c.status) out.push({ status: c.status, on: c.closedOn ?? c.openedOn ?? c.referredOn ?? today });
  return out;
}

/** The recorded history, or the one the dates imply. */
export function historyOf(c: JourneyCase, today: IsoDate): StatusEntry[] {
  return c.statusHistory && c.statusHistory.length > 0 ? c.statusHistory : impliedHistory(c, today);
}

// ---------- checks across fields (the operations and the import) ----------
const instantOf = (local: string | undefined) => (local !== undefined && isLocalMinute(local) ? londonInstant(local) : Number.NaN);
const REPORT_FIELDS = ['lineManagerAt', 'leadReportedAt', 'safeguardingLeadAt'] as const;

/**
 * What is wrong across the fields of a case's journey, each naming its path from the case
 * (`incidents[0].lineManagerAt`): the status history out of order or disagreeing with the
 * status, opening and closing dates; a report timed before its incident was identified; a
 * follow-up before the case closed; an invoice paid before it was received.
 */
export function journeyProblems(c: JourneyCase & { instructions?: readonly { invoices?: readonly Invoice[] }[] }): Issue[] {
  const issues: Issue[] = [];
  const h = c.statusHistory;
  if (h && h.length > 0) {
    h.forEach((e, i) => {
      if (i > 0 && e.on < h[i - 1]!.on)
        issues.push({ path: `statusHistory[${i}].on`, message: `must not be before the change above it (${ukDate(h[i - 1]!.on)})` });
    });
    const last = h[h.length - 1]!;
    if (last.status !== c.status) issues.push({ path: 'statusHistory', message: `must end with the case's status (${c.status}), not ${last.status}` });
    const firstOpen = h.find((e) => e.status === 'open-active' || e.status === 'monitoring');
    if (c.openedOn && firstOpen && firstOpen.on !== c.openedOn) {
      issues.push({ path: 'statusHistory', message: `its first open entry (${ukDate(firstOpen.on)}) must be the opening date (${ukDate(c.openedOn)})` });
    }
    if (c.status === 'closed' && c.closedOn && last.status === 'closed' && last.on !== c.closedOn) {
      issues.push({ path: 'statusHistory', message: `its closed entry (${ukDate(last.on)}) must be the closing date (${ukDate(c.closedOn)})` });
    }
  }
  (c.incidents ?? []).forEach((inc, i) => {
    const id = instantOf(inc.identifiedAt);
    for (const f of REPORT_FIELDS) {
      const t = instantOf(inc[f]);
      if (!Number.isNaN(id) && !Number.isNaN(t) && t < id) {
        issues.push({ path: `incidents[${i}].${f}`, message: `must not be before the incident was identified (${inc.identifiedAt.replace('T', ' ')})` });
      }
    }
  });
  const closed = c.status === 'closed' ? c.closedOn : undefined;
  (c.followUps ?? []).forEach((f, i) => {
    if (!closed) issues.push({ path: `followUps[${i}].on`, message: 'a follow-up is a contact after closing; the case is not closed' });
    else if (f.on < closed) issues.push({ path: `followUps[${i}].on`, message: `must not be before the case closed (${ukDate(closed)})` });
  });
  (c.instructions ?? []).forEach((ins, i) =>
    (ins.invoices ?? []).forEach((inv, k) => {
      if (inv.paidOn && inv.paidOn < inv.receivedOn) {
        issues.push({ path: `instructions[${i}].invoices[${k}].paidOn`, message: `must not be before the invoice was received (${ukDate(inv.receivedOn)})` });
      }
    }),
  );
  return issues;
}

function refuse(issues: Issue[], prefix = ''): void {
  if (issues.length === 0) return;
  const named = issues.map((i) => ({ path: prefix + i.path, message: i.message }));
  throw new AppError('invalid', named.map((i) => `${i.path}: ${i.message}`).join('; '), named[0]!.path, named);
}

// ---------- the 48-hour clock ----------
const REPORT_TO: Record<IncidentReportClock['field'], string> = {
  lineManagerAt: 'the line manager',
  leadReportedAt: 'the incident lead',
  safeguardingLeadAt: 'the safeguarding lead',
};
const timeWords = (local: string) => `${local.slice(11, 16)} on ${ukDate(local.slice(0, 10))}`;
function spanWords(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return [h ? plural(h, 'hour') : '', m ? plural(m, 'minute') : ''].filter(Boolean).join(' ') || 'less than a minute';
}

/**
 * Where one incident's reports stand at `now`: the deadline is identification + the firm's
 * hours, inclusive to the minute (48:00 is in time, 48:01 late), as CASE-INCIDENT-REPORTED.
 */
export function incidentClock(caseRef: string, index: number, inc: NonNullable<CaseJourney['incidents']>[number], now: number, hours: number): IncidentClock {
  const id = londonInstant(inc.identifiedAt);
  const deadline = id + hours * 3_600_000;
  const deadlineAt = londonDateTime(new Date(deadline));
  const reports: IncidentReportClock[] = REPORTS_NEEDED[inc.kind].map((field) => {
    const at = inc[field];
    const t = instantOf(at);
    const made = !Number.isNaN(t) && t <= now;
    const state = made ? (t <= deadline ? 'in-time' : 'late') : now > deadline ? 'overdue' : 'running';
    return { field, to: REPORT_TO[field], ...(made ? { at } : {}), state };
  });
  const pending = reports.filter((r) => r.state === 'running' || r.state === 'overdue');
  const minutesLeft = pending.length ? Math.floor((deadline - now) / 60_000) : null;
  let words: string;
  const names = (rs: IncidentReportClock[]) => rs.map((r) => r.to).join(' and ');
  if (pending.length === 0) {
    const late = reports.filter((r) => r.state === 'late');
    words = late.length ? `Reported, but late to ${names(late)}` : `Reported in time to ${names(reports)}`;
  } else if (minutesLeft! >= 0) {
    words = `${spanWords(minutesLeft!)} left to report to ${names(pending)} (by ${timeWords(deadlineAt)})`;
  } else {
    words = `Not reported to ${names(pending)}: the ${plural(hours, 'hour')} ran out at ${timeWords(deadlineAt)}`;
  }
  return { caseRef, index, kind: inc.kind, identifiedAt: inc.identifiedAt, deadlineAt, minutesLeft, reports, words };
}

// ---------- invoices ----------
export function invoiceView(inv: Invoice, index: number, terms: number, today: IsoDate): InvoiceView {
  const dueBy = plusDays(inv.receivedOn, terms);
  const paid = inv.paidOn !== undefined && inv.paidOn <= today;
  const days = daysBetween(inv.receivedOn, paid ? inv.paidOn! : today);
  const state = paid ? (inv.paidOn! <= dueBy ? 'paid-in-time' : 'paid-late') : today > dueBy ? 'overdue' : 'unpaid';
  return { index, ...inv, days, dueBy, state };
}

// ---------- the case page's journey ----------
export function journeyView(ctx: Ctx, c: CaseSnapshot, asOf: IsoDate): JourneyView {
  const settings = getFirm(ctx).settings;
  const now = asOf === ctx.clock.today() ? ctx.clock.now().getTime() : londonInstant(`${asOf}T23:59`);
  const incidents = (c.incidents ?? []).map((inc, i) => incidentClock(c.ref, i, inc, now, settings.incidentReportHours));
  const followUpWindows: FollowUpWindow[] = [];
  const closed = c.followUpConsent ? closedOnBy(c, asOf) : undefined;
  if (closed) {
    for (const months of FOLLOW_UP_MONTHS) {
      const centre = monthsAfter(closed, months);
      const from = addDays(centre, -FOLLOW_UP_WINDOW_DAYS);
      const to = addDays(centre, FOLLOW_UP_WINDOW_DAYS);
      const contact = (c.followUps ?? []).find((f) => f.on >= from && f.on <= to && f.on <= asOf);
      const state = contact ? 'done' : asOf > to ? 'missed' : asOf >= from ? 'open' : 'later';
      followUpWindows.push({ months, from, to, ...(contact ? { contactOn: contact.on } : {}), state });
    }
  }
  return {
    statusHistory: historyOf(c, asOf),
    historyRecorded: !!c.statusHistory?.length,
    incidents,
    followUpWindows,
    invoices: c.instructions.map((ins, i) => ({
      instruction: i,
      supplier: ins.supplier,
      invoices: (ins.invoices ?? []).map((inv, k) => invoiceView(inv, k, settings.invoiceTermsDays, asOf)),
    })),
  };
}

// ---------- writing ----------
// cases.ts and this file import each other; both only call the other's functions at run time.
const viewOf = (ctx: Ctx, ref: string): CaseView => caseView(ctx, ref);

function writeJourney(ctx: Ctx, row: CaseRow, journey: CaseJourney, extra: Partial<typeof cases.$inferInsert> = {}): void {
  const clean: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(journey)) if (v !== undefined && !(Array.isArray(v) && v.length === 0)) clean[k] = v;
  ctx.vault.orm
    .update(cases)
    .set({ journey: clean, ...extra, updatedAt: ctx.clock.stamp() })
    .where(eq(cases.id, row.id))
    .run();
}

function asCase(row: CaseRow): JourneyCase {
  return {
    status: row.status as Status,
    referredOn: row.referredOn ?? undefined,
    openedOn: row.openedOn ?? undefined,
    closedOn: row.closedOn ?? undefined,
    ...journeyOf(row),
  };
}

/** Appends a status change to the case's history (seeding it from the dates first); used by closing too. */
export function withStatus(row: CaseRow, status: Status, on: IsoDate, today: IsoDate): StatusEntry[] {
  const c = asCase(row);
  const history = [...historyOf(c, today)];
  const last = history[history.length - 1];
  if (last && on < last.on) throw fieldError('on', `must not be before the case's last change of status (${ukDate(last.on)}, ${last.status})`);
  history.push({ status, on });
  return history;
}

export function changeCaseStatus(ctx: Ctx, input: unknown): CaseView {
  const { ref, status, on } = parseOr(journeyInputs.changeCaseStatus, input, 'The change of status');
  const today = ctx.clock.today();
  if (on > today) throw fieldError('on', `must not be in the future (today is ${ukDate(today)})`);
  ctx.vault.tx(() => {
    const row = caseRowByRef(ctx, ref);
    if (row.status === status) throw new AppError('conflict', `Case ${ref} is already ${status}.`, 'status');
    const s = status as Status;
    const statusHistory = withStatus(row, s, on, today);
    const extra: Partial<typeof cases.$inferInsert> = { status: s };
    if ((s === 'open-active' || s === 'monitoring') && !row.openedOn) extra.openedOn = on;
    if (s === 'referral' && !row.referredOn) extra.referredOn = on;
    if (row.status === 'closed') {
      // Reopening: the closing stays in the history; the case itself is open again.
      extra.closedOn = null;
      extra.closedReason = null;
    }
    const journey = { ...journeyOf(row), statusHistory };
    refuse(journeyProblems({ ...asCase({ ...row, ...extra } as CaseRow), ...journey }));
    writeJourney(ctx, row, journey, extra);
  });
  return viewOf(ctx, ref);
}

const LIST_WORDS: Record<JourneyList, string> = {
  goals: 'goal',
  planReviews: 'plan review',
  riskReviews: 'risk review',
  incidents: 'incident',
  followUps: 'follow-up',
  feedback: 'feedback',
};

/** Dates that record what has happened may not be in the future; times likewise. */
function checkNotFuture(list: JourneyList, item: Record<string, unknown>, before: Record<string, unknown> | undefined, ctx: Ctx): void {
  const today = ctx.clock.today();
  const nowLocal = londonDateTime(ctx.clock.now());
  const past = list === 'goals' ? ['achievedOn'] : list === 'incidents' ? [] : ['on'];
  for (const k of past) {
    const v = item[k];
    if (typeof v === 'string' && v !== before?.[k] && v > today) throw fieldError(k, `must not be in the future (today is ${ukDate(today)})`);
  }
  if (list === 'incidents') {
    for (const k of ['identifiedAt', ...REPORT_FIELDS]) {
      const v = item[k];
      if (typeof v === 'string' && v !== before?.[k] && v > nowLocal) throw fieldError(k, `must not be in the future (it is now ${timeWords(nowLocal)})`);
    }
  }
}

export function saveJourneyItem(ctx: Ctx, input: unknown): CaseView {
  const d = parseOr(journeyInputs.saveJourneyItem, input, 'The entry');
  ctx.vault.tx(() => {
    const row = caseRowByRef(ctx, d.ref);
    const journey = { ...journeyOf(row) } as Record<JourneyList, Record<string, unknown>[] | undefined>;
    const list = [...(journey[d.list] ?? [])];
    const before = d.index === undefined ? undefined : list[d.index];
    if (d.index !== undefined && !before) throw notFound(`The ${LIST_WORDS[d.list]} number ${d.index + 1} of case ${d.ref}`);
    checkNotFuture(d.list, d.item as Record<string, unknown>, before, ctx);
    if (d.index === undefined) list.push(d.item as Record<string, unknown>);
    else list[d.index] = d.item as Record<string, unknown>;
    // Dated lists are kept in date order (incidents by when they were identified).
    const key = d.list === 'incidents' ? 'identifiedAt' : d.list === 'goals' ? 'targetOn' : 'on';
    const sorted = list.map((x, i) => [x, i] as const).sort((a, b) => String(a[0][key]).localeCompare(String(b[0][key])) || a[1] - b[1]);
    const next = { ...journey, [d.list]: sorted.map(([x]) => x) } as CaseJourney;
    const at = sorted.findIndex(([, i]) => i === (d.index ?? list.length - 1));
    const issues = journeyProblems({ ...asCase(row), ...next }).filter((i) => i.path.startsWith(`${d.list}[${at}]`));
    // Name the field of the entry being saved, as the form shows it.
    refuse(issues.map((i) => ({ path: i.path.replace(`${d.list}[${at}].`, ''), message: i.message })));
    writeJourney(ctx, row, next);
  });
  return viewOf(ctx, d.ref);
}

export function deleteJourneyItem(ctx: Ctx, input: unknown): CaseView {
  const d = parseOr(journeyInputs.deleteJourneyItem, input, 'Deleting the entry');
  ctx.vault.tx(() => {
    const row = caseRowByRef(ctx, d.ref);
    const journey = { ...journeyOf(row) } as Record<JourneyList, unknown[] | undefined>;
    const list = [...(journey[d.list] ?? [])];
    if (!list[d.index]) throw notFound(`The ${LIST_WORDS[d.list]} number ${d.index + 1} of case ${d.ref}`);
    list.splice(d.index, 1);
    writeJourney(ctx, row, { ...journey, [d.list]: list } as CaseJourney);
  });
  return viewOf(ctx, d.ref);
}

export function setCaseOutcome(ctx: Ctx, input: unknown): CaseView {
  const d = parseOr(journeyInputs.setCaseOutcome, input, 'The outcome');
  ctx.vault.tx(() => {
    const row = caseRowByRef(ctx, d.ref);
    const journey: CaseJourney = { ...journeyOf(row) };
    if ('outcome' in d) journey.outcome = d.outcome && Object.keys(d.outcome).length ? d.outcome : undefined;
    if (d.followUpConsent !== undefined) journey.followUpConsent = d.followUpConsent;
    writeJourney(ctx, row, journey);
  });
  return viewOf(ctx, d.ref);
}

// ---------- invoices ----------
function instructionRow(ctx: Ctx, caseId: number, n: number, ref: string) {
  const rows = ctx.vault.orm.select().from(caseInstructions).where(eq(caseInstructions.caseId, caseId)).orderBy(caseInstructions.on, caseInstructions.id).all();
  const row = rows[n];
  if (!row) throw fieldError('instruction', `case ${ref} has no instruction number ${n + 1} (it has ${rows.length})`, 'not-found');
  return row;
}

function checkInvoice(inv: Invoice, before: Invoice | undefined, today: IsoDate): void {
  for (const k of ['receivedOn', 'paidOn'] as const) {
    const v = inv[k];
    if (v && v !== before?.[k] && v > today) throw fieldError(k, `must not be in the future (today is ${ukDate(today)})`);
  }
  if (inv.paidOn && inv.paidOn < inv.receivedOn) throw fieldError('paidOn', `must not be before the invoice was received (${ukDate(inv.receivedOn)})`);
}

export function saveInvoice(ctx: Ctx, input: unknown): CaseView {
  const d = parseOr(journeyInputs.saveInvoice, input, 'The invoice');
  ctx.vault.tx(() => {
    const c = caseRowByRef(ctx, d.ref);
    const ins = instructionRow(ctx, c.id, d.instruction, d.ref);
    const list = [...((ins.invoices ?? []) as Invoice[])];
    const before = d.index === undefined ? undefined : list[d.index];
    if (d.index !== undefined && !before) throw notFound(`Invoice number ${d.index + 1} on that instruction`);
    checkInvoice(d.invoice, before, ctx.clock.today());
    if (d.index === undefined) list.push(d.invoice);
    else list[d.index] = d.invoice;
    list.sort((a, b) => a.receivedOn.localeCompare(b.receivedOn));
    ctx.vault.orm.update(caseInstructions).set({ invoices: list, updatedAt: ctx.clock.stamp() }).where(eq(caseInstructions.id, ins.id)).run();
  });
  return viewOf(ctx, d.ref);
}

export function deleteInvoice(ctx: Ctx, input: unknown): CaseView {
  const d = parseOr(journeyInputs.deleteInvoice, input, 'Deleting the invoice');
  ctx.vault.tx(() => {
    const c = caseRowByRef(ctx, d.ref);
    const ins = instructionRow(ctx, c.id, d.instruction, d.ref);
    const list = [...((ins.invoices ?? []) as Invoice[])];
    if (!list[d.index]) throw notFound(`Invoice number ${d.index + 1} on that instruction`);
    list.splice(d.index, 1);
    ctx.vault.orm.update(caseInstructions).set({ invoices: list, updatedAt: ctx.clock.stamp() }).where(eq(caseInstructions.id, ins.id)).run();
  });
  return viewOf(ctx, d.ref);
}

/** A supplier's invoices across every case, with days to pay (oldest first). */
export function supplierInvoices(ctx: Ctx, ref: string): SupplierInvoices {
  const s = ctx.vault.orm.select({ id: suppliers.id }).from(suppliers).where(eq(suppliers.ref, ref)).get();
  if (!s) throw notFound(`Supplier ${ref}`);
  const terms = getFirm(ctx).settings.invoiceTermsDays;
  const today = ctx.clock.today();
  const rows = ctx.vault.sqlite
    .prepare(
      `SELECT c.ref AS caseRef, c.id AS caseId, i.id, i.service, i.invoices
         FROM case_instructions i JOIN cases c ON c.id = i.case_id
        WHERE i.supplier_id = ? AND i.invoices <> '[]'`,
    )
    .all(s.id) as { caseRef: string; caseId: number; id: number; service: string | null; invoices: string }[];
  const out: SupplierInvoices['rows'] = [];
  const order = ctx.vault.sqlite.prepare(`SELECT id FROM case_instructions WHERE case_id = ? ORDER BY "on", id`).pluck();
  for (const r of rows) {
    const n = (order.all(r.caseId) as number[]).indexOf(r.id);
    (JSON.parse(r.invoices) as Invoice[]).forEach((inv, k) =>
      out.push({ caseRef: r.caseRef, instruction: n, ...(r.service ? { service: r.service } : {}), ...invoiceView(inv, k, terms, today) }),
    );
  }
  out.sort((a, b) => a.receivedOn.localeCompare(b.receivedOn) || a.caseRef.localeCompare(b.caseRef));
  const paid = out.filter((r) => r.state === 'paid-in-time' || r.state === 'paid-late');
  return {
    ref,
    termsDays: terms,
    rows: out,
    meanDaysToPay: paid.length ? Math.round((paid.reduce((n, r) => n + r.days, 0) / paid.length) * 10) / 10 : null,
    paidLate: out.filter((r) => r.state === 'paid-late').length,
    overdue: out.filter((r) => r.state === 'overdue').length,
  };
}

/** Every incident whose clock is still running or has run out unreported, firm-wide, soonest deadline first. */
export function incidentClocks(ctx: Ctx): IncidentClock[] {
  const hours = getFirm(ctx).settings.incidentReportHours;
  const now = ctx.clock.now().getTime();
  const rows = ctx.vault.sqlite
    .prepare(`SELECT ref, json_extract(journey, '$.incidents') AS incidents FROM cases WHERE json_array_length(journey, '$.incidents') > 0`)
    .all() as { ref: string; incidents: string }[];
  const out: IncidentClock[] = [];
  for (const r of rows) {
    (JSON.parse(r.incidents) as NonNullable<CaseJourney['incidents']>).forEach((inc, i) => {
      if (!isLocalMinute(inc.identifiedAt) || londonInstant(inc.identifiedAt) > now) return;
      const clock = incidentClock(r.ref, i, inc, now, hours);
      if (clock.minutesLeft !== null) out.push(clock);
    });
  }
  return out.sort((a, b) => a.deadlineAt.localeCompare(b.deadlineAt));
}
