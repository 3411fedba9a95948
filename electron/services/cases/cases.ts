// Cases: list (search, filters and paging done in SQL), the case page view, create and
// update with data minimisation (a case reference and initials, nothing else about the
// client), the standard-practice checklist, and closing with a reason.
import type { Statement } from 'better-sqlite3';
import { eq } from 'drizzle-orm';
import { cases, staff } from '../../../db/schema';
import type { IsoDate } from '../../contract/dates';
import { plusMonths, ukDate } from '../../contract/dates';
import { caseDetails, CLOSED_REASONS, type CaseDetails, type CaseSnapshot } from '../../contract/model';
import {
  caseChecklist,
  CASE_PAGE_MAX,
  CHECKLIST_FIELDS,
  caseListQuery,
  CASE_STATUS_WORDS,
  closeInput,
  type CaseChecklist,
  type CaseHistoryEntry,
  type CaseList,
  type CaseListRow,
  type CaseView,
  type PartyView,
} from '../../contract/ops/cases';
import { engineContext, evaluateCase, notVettedWords, vettedOn } from '../compliance/engine';
import { rulesFor } from '../../contract/rules';
import type { Ctx } from '../context';
import { AppError } from '../errors';
import { fieldError } from './fieldError';
import { getFirm } from '../firm/firm';
import { parseOr } from '../parse';
import { compact, type SqlRow } from '../rows';
import { caseColumns, contactIdFor, type CaseRow } from './caseRows';
import { caseClosingProblems, caseDateProblems } from '../../contract/crossChecks';
import { caseRowByRef, loadCase, snapshotForCase, staffById } from './load';
import { impliedHistory, journeyView, withStatus } from './journey';
import { INCIDENT_KIND_WORDS as INCIDENT_WORDS } from '../../contract/ops/journey';
import { journeyOf } from './caseRows';

export const DEFAULT_PAGE = 50;

// ---------- list ----------
const statements = new WeakMap<object, Map<string, Statement>>();
/** Prepared once per connection and SQL text. */
function prepared(ctx: Ctx, sql: string): Statement {
  let m = statements.get(ctx.vault.sqlite);
  if (!m) statements.set(ctx.vault.sqlite, (m = new Map()));
  let s = m.get(sql);
  if (!s) m.set(sql, (s = ctx.vault.sqlite.prepare(sql)));
  return s;
}
const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => '\\' + c);

/** One page of cases matching the search and filters, ordered by reference. */
export function listCases(ctx: Ctx, input: unknown): CaseList {
  const q = parseOr(caseListQuery, input ?? {}, 'The case search');
  const where: string[] = [];
  const params: unknown[] = [];
  if (q.search) {
    where.push(`(c.ref LIKE ? ESCAPE '\\' OR c.initials = ?)`);
    params.push(`%${likeEscape(q.search)}%`, q.search.toUpperCase());
  }
  if (q.caseManager) {
    where.push('c.case_manager_id = (SELECT id FROM staff WHERE ref = ?)');
    params.push(q.caseManager);
  }
  if (q.status) {
    where.push('c.status = ?');
    params.push(q.status);
  }
  if (q.partyId) {
    where.push('c.contact_id = ?');
    params.push(q.partyId);
  }
  if (q.injury) {
    where.push('c.injury = ?');
    params.push(q.injury);
  }
  const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const limit = Math.min(q.limit ?? DEFAULT_PAGE, CASE_PAGE_MAX);
  const offset = q.offset ?? 0;
  const total = (prepared(ctx, `SELECT count(*) AS n FROM cases c ${w}`).get(...params) as { n: number }).n;
  const rows = prepared(
    ctx,
    `SELECT c.ref, c.initials, s.ref AS caseManager, s.name AS caseManagerName, p.id AS partyId, p.name AS party, p.kind AS partyKind,
            c.status, c.injury, c.funding, c.referred_on AS referredOn, c.opened_on AS openedOn, c.closed_on AS closedOn
       FROM cases c JOIN staff s ON s.id = c.case_manager_id JOIN contacts p ON p.id = c.contact_id
       ${w} ORDER BY c.ref LIMIT ? OFFSET ?`,
  ).all(...params, limit, offset) as SqlRow<CaseListRow>[];
  return { total, offset, limit, rows: rows.map((r): CaseListRow => compact(r)) };
}

/** Instructing parties (reusable contacts) with how many cases each has. */
export function listParties(ctx: Ctx): PartyView[] {
  const rows = prepared(
    ctx,
    `SELECT p.id, p.name, p.kind, p.contact, (SELECT count(*) FROM cases c WHERE c.contact_id = p.id) AS cases
       FROM contacts p ORDER BY p.name COLLATE NOCASE, p.kind`,
  ).all() as SqlRow<PartyView>[];
  return rows.map((r): PartyView => compact(r));
}

// ---------- the case page ----------
function retentionOf(c: CaseSnapshot, years: number, asOf: IsoDate): CaseView['retention'] {
  if (c.status !== 'closed') return null;
  if (!c.closedOn) return { years, keepUntil: null, past: true };
  const keepUntil = plusMonths(c.closedOn, years * 12);
  return { years, keepUntil, past: keepUntil <= asOf };
}

export function caseView(ctx: Ctx, ref: string, asOf: IsoDate = ctx.clock.today()): CaseView {
  const row = caseRowByRef(ctx, ref);
  const people = staffById(ctx);
  const c = loadCase(ctx, row, people);
  const snap = snapshotForCase(ctx, c);
  // Today is judged at this minute (an incident's 48 hours run to the minute); a past date at its end.
  const ectx = engineContext(snap, asOf, asOf === ctx.clock.today() ? ctx.clock.now() : undefined);
  const report = evaluateCase(c, ectx);
  const nameOf = (r: string) => [...people.values()].find((p) => p.ref === r)?.name ?? r;
  const instructions = c.instructions.map((i) => {
    const s = ectx.supplier(i.supplier);
    // The same test as CASE-SUPPLIERS-VETTED, so the mark beside an instruction never says more than the rule.
    const v = s ? vettedOn(s, ectx, i.on) : undefined;
    const reason = !s ? 'Not on the supplier list' : v!.vetted ? v!.approval.reason : notVettedWords(s.name, s.ref, i.on, v!);
    return { ...i, supplierName: s?.name ?? i.supplier, approvedOnDay: v?.vetted ?? false, approval: reason };
  });
  const handovers = c.handovers.map((h) => ({ ...h, fromName: nameOf(h.fromRef), toName: nameOf(h.toRef) }));
  const history: CaseHistoryEntry[] = [];
  if (c.referredOn) history.push({ on: c.referredOn, kind: 'referred', what: `Referred by ${c.instructingParty.name}` });
  if (c.openedOn) history.push({ on: c.openedOn, kind: 'opened', what: 'Case opened' });
  if (c.inaOn) history.push({ on: c.inaOn, kind: 'ina', what: 'Initial needs assessment' });
  for (const i of instructions) {
    const service = i.service ? ` for ${i.service}` : '';
    const override = i.overrideReason ? `; not approved on the day, override recorded: ${i.overrideReason}` : '';
    history.push({ on: i.on, kind: 'instruction', what: `Instructed ${i.supplierName} (${i.supplier})${service}${override}` });
  }
  for (const h of handovers) {
    const joint = h.jointWorkingDays ? `; ${h.jointWorkingDays} day${h.jointWorkingDays === 1 ? '' : 's'} of joint working` : '';
    const told = h.clientInformed ? 'client informed' : 'client not yet informed';
    history.push({ on: h.on, kind: 'handover', what: `Handed over from ${h.fromName} to ${h.toName}: ${h.reason}${joint}; ${told}` });
  }
  if (c.settlementOn) history.push({ on: c.settlementOn, kind: 'settled', what: 'Claim settled' });
  if (c.status === 'closed' && c.closedOn) history.push({ on: c.closedOn, kind: 'closed', what: `Case closed${c.closedReason ? `: ${c.closedReason}` : ''}` });
  // The journey's own dated events (issue 14); the first status entries repeat "referred"/"opened".
  for (const s of (c.statusHistory ?? []).slice(1)) {
    if (s.status !== 'closed') history.push({ on: s.on, kind: 'status', what: `Status changed to ${CASE_STATUS_WORDS[s.status]}` });
  }
  for (const r of c.planReviews ?? []) history.push({ on: r.on, kind: 'plan-review', what: `Rehabilitation plan reviewed${r.by ? ` by ${r.by}` : ''}` });
  for (const r of c.riskReviews ?? []) history.push({ on: r.on, kind: 'risk-review', what: `Risk assessment reviewed${r.by ? ` by ${r.by}` : ''}` });
  for (const i of c.incidents ?? [])
    history.push({ on: i.identifiedAt.slice(0, 10), kind: 'incident', what: `${INCIDENT_WORDS[i.kind]} identified at ${i.identifiedAt.slice(11)}` });
  for (const f of c.followUps ?? []) history.push({ on: f.on, kind: 'follow-up', what: `Follow-up contact${f.outcome ? `: ${f.outcome}` : ''}` });
  history.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
  return {
    asOf,
    case: c,
    caseManagerName: nameOf(c.caseManager),
    status: report.status,
    rules: report.rules,
    catalogue: rulesFor('case').map(({ id, title, source, summary }) => ({ id, title, source, summary })),
    instructions,
    handovers,
    history,
    retention: retentionOf(c, getFirm(ctx).settings.retentionYears, asOf),
    journey: journeyView(ctx, c, asOf),
  };
}

// ---------- create and update ----------
function staffIdOf(ctx: Ctx, ref: string, field: string): number {
  const row = ctx.vault.orm.select({ id: staff.id }).from(staff).where(eq(staff.ref, ref)).get();
  if (!row) throw fieldError(field, `does not match any staff member (${ref})`, 'not-found');
  return row.id;
}

function assertRefUsable(ctx: Ctx, ref: string, exceptId?: number): void {
  const row = ctx.vault.orm.select({ id: cases.id }).from(cases).where(eq(cases.ref, ref)).get();
  if (row && row.id !== exceptId) throw fieldError('ref', `${ref} is already used by another case`, 'conflict');
}

/** Dates that must not run backwards: the first problem, beside its field, in the words the import uses too (crossChecks.ts). */
function checkOrder(d: Partial<CaseDetails>): void {
  const [first] = caseDateProblems(d);
  if (first) throw fieldError(first.field, first.message);
}

/** Closing needs a reason from the list and a date; an open case has neither (crossChecks.ts, as the import checks). */
function checkClosing(d: CaseDetails, before?: CaseRow): void {
  const [first] = caseClosingProblems(d);
  if (first) throw fieldError(first.field, first.message);
  if (d.status === 'closed') {
    const keptFromBefore = before?.status === 'closed' && before.closedReason === d.closedReason;
    if (!(CLOSED_REASONS as readonly string[]).includes(d.closedReason!) && !keptFromBefore) {
      throw fieldError('closedReason', `must be one of ${CLOSED_REASONS.join(', ')}`);
    }
  }
}

/**
 * Checklist dates record what has been done, so none may be later than today; a contact
 * with the NHS names the team. Only fields that change are checked (`before`), so an
 * imported record can still be edited.
 */
function checkChecklist(d: Partial<CaseDetails>, today: IsoDate, before: Record<string, unknown> = {}): void {
  for (const k of CHECKLIST_FIELDS) {
    const v = d[k];
    if (typeof v === 'string' && v !== before[k] && /^\d{4}-\d{2}-\d{2}$/.test(v) && v > today) {
      throw fieldError(k, `must not be in the future (today is ${ukDate(today)})`);
    }
  }
  const changed = d.nhsContactOn !== before.nhsContactOn || d.nhsTeam !== before.nhsTeam;
  if (changed && d.nhsContactOn && !d.nhsTeam) throw fieldError('nhsTeam', 'is required: name the NHS treating team that was contacted');
}

export function createCase(ctx: Ctx, input: unknown): CaseView {
  const d = parseOr(caseDetails, input, 'The case');
  checkOrder(d);
  checkClosing(d);
  checkChecklist(d, ctx.clock.today());
  ctx.vault.tx(() => {
    assertRefUsable(ctx, d.ref);
    const managerId = staffIdOf(ctx, d.caseManager, 'caseManager');
    // Every case keeps its status history from the start (the case journey).
    const statusHistory = impliedHistory(d, ctx.clock.today());
    ctx.vault.orm
      .insert(cases)
      .values({ ...caseColumns(d, managerId, contactIdFor(ctx, d.instructingParty)), journey: { statusHistory } })
      .run();
  });
  return caseView(ctx, d.ref);
}

export function updateCase(ctx: Ctx, ref: string, input: unknown): CaseView {
  const d = parseOr(caseDetails, input, 'The case');
  const today = ctx.clock.today();
  checkOrder(d);
  ctx.vault.tx(() => {
    const existing = caseRowByRef(ctx, ref);
    checkClosing(d, existing);
    checkChecklist(d, ctx.clock.today(), existing.practice);
    assertRefUsable(ctx, d.ref, existing.id);
    const managerId = staffIdOf(ctx, d.caseManager, 'caseManager');
    if (managerId !== existing.caseManagerId) {
      throw fieldError('caseManager', 'cannot be changed by editing: a case moves to another case manager by a handover, which keeps the record', 'conflict');
    }
    // A status changed by editing is a change like any other: it joins the history, dated
    // by the closing (or opening) date given, else today.
    const journey =
      d.status === existing.status
        ? undefined
        : {
            ...journeyOf(existing),
            statusHistory: withStatus(
              existing,
              d.status,
              d.status === 'closed'
                ? (d.closedOn ?? today)
                : d.status === 'referral'
                  ? today
                  : d.openedOn && d.openedOn > (existing.openedOn ?? '')
                    ? d.openedOn
                    : today,
              today,
            ),
          };
    ctx.vault.orm
      .update(cases)
      .set({ ...caseColumns(d, managerId, contactIdFor(ctx, d.instructingParty)), ...(journey ? { journey } : {}), updatedAt: ctx.clock.stamp() })
      .where(eq(cases.id, existing.id))
      .run();
  });
  return caseView(ctx, d.ref);
}

/** Replaces the checklist fields of a case, leaving its other details as they are. */
export function updateChecklist(ctx: Ctx, ref: string, input: unknown): CaseView {
  const list: CaseChecklist = parseOr(caseChecklist, input, 'The checklist');
  checkOrder(list);
  ctx.vault.tx(() => {
    const existing = caseRowByRef(ctx, ref);
    checkChecklist(list, ctx.clock.today(), existing.practice);
    const practice: Record<string, unknown> = { ...existing.practice };
    for (const k of CHECKLIST_FIELDS) {
      if (list[k] === undefined || list[k] === false) delete practice[k];
      else practice[k] = list[k];
    }
    ctx.vault.orm.update(cases).set({ practice, updatedAt: ctx.clock.stamp() }).where(eq(cases.id, existing.id)).run();
  });
  return caseView(ctx, ref);
}

/** Closes a case with a reason from CLOSED_REASONS and a closing date. */
export function closeCase(ctx: Ctx, input: unknown): CaseView {
  const { ref, closedOn, closedReason, followUpConsent } = parseOr(closeInput, input, 'Closing the case');
  ctx.vault.tx(() => {
    const existing = caseRowByRef(ctx, ref);
    if (existing.status === 'closed') throw new AppError('conflict', `Case ${ref} is already closed.`);
    if (closedOn > ctx.clock.today()) throw fieldError('closedOn', `must not be in the future (today is ${ukDate(ctx.clock.today())})`);
    checkOrder({ referredOn: existing.referredOn ?? undefined, openedOn: existing.openedOn ?? undefined, closedOn });
    const journey = {
      ...journeyOf(existing),
      statusHistory: withStatus(existing, 'closed', closedOn, ctx.clock.today()),
      ...(followUpConsent !== undefined ? { followUpConsent } : {}),
    };
    ctx.vault.orm.update(cases).set({ status: 'closed', closedOn, closedReason, journey, updatedAt: ctx.clock.stamp() }).where(eq(cases.id, existing.id)).run();
  });
  return caseView(ctx, ref);
}
