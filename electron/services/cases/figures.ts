// Caseload figures (MTSP Practitioner H, Organisation G) for one case manager or the firm,
// and the report by instructing party. The counting itself is the compliance module's
// (caseloadFor, caseManagerOn); this file loads only what it needs — cases that are not
// closed, or closed after the as-of date (they were open on it), with their handovers — in
// two queries, so it stays quick with 20,000 cases.
import type { CaseloadFigures, ElsewhereLoad } from '../../contract/caseload';
import type { RuleStatus } from '../../contract/compliance';
import type { IsoDate } from '../../contract/dates';
import type { CaseSnapshot, HandoverRecord, OutsideCaseload } from '../../contract/model';
import type { CaseloadView, ManagerLoad, PartyReportRow } from '../../contract/ops/cases';
import { caseloadFor, caseManagerOn, NOT_RECORDED, outsideLoadOn, round2 } from '../compliance/caseload';
import { caseloadJudgement } from '../compliance/staffRules';
import type { Ctx } from '../context';
import { notFound } from '../errors';
import { getFirm } from '../firm/firm';
import { readPayload } from '../evidence/payloads';

/**
 * Every case that could be open or a referral on `asOf` (not closed, or closed after it), shaped
 * as the caseload functions read it. With `staffId`, only the cases that person can be managing
 * on some date: theirs now, or with a handover from or to them (caseManagerOn only ever answers
 * with one of those).
 */
export function casesForCaseload(ctx: Ctx, asOf: IsoDate, staffId?: number): CaseSnapshot[] {
  const db = ctx.vault.sqlite;
  const mine =
    staffId === undefined
      ? ''
      : `AND (c.case_manager_id = @staffId OR c.id IN (SELECT case_id FROM case_handovers WHERE from_staff_id = @staffId OR to_staff_id = @staffId))`;
  const params = staffId === undefined ? { asOf } : { staffId, asOf };
  const notClosed = `(c.status <> 'closed' OR c.closed_on > @asOf)`;
  const handovers = new Map<number, HandoverRecord[]>();
  const hs = db
    .prepare(
      `SELECT h.case_id AS caseId, h."on" AS "on", f.ref AS fromRef, t.ref AS toRef
         FROM case_handovers h JOIN cases c ON c.id = h.case_id
         JOIN staff f ON f.id = h.from_staff_id JOIN staff t ON t.id = h.to_staff_id
        WHERE ${notClosed} ${mine} ORDER BY h."on", h.id`,
    )
    .all(params) as { caseId: number; on: string; fromRef: string; toRef: string }[];
  for (const h of hs) {
    const list = handovers.get(h.caseId) ?? [];
    list.push({ on: h.on, fromRef: h.fromRef, toRef: h.toRef, reason: '', clientInformed: false });
    handovers.set(h.caseId, list);
  }
  const rows = db
    .prepare(
      `SELECT c.id, c.ref, s.ref AS caseManager, c.status, c.opened_on AS openedOn, c.referred_on AS referredOn, c.closed_on AS closedOn,
              c.injury, c.funding, p.name AS party, p.kind AS partyKind,
              json_extract(c.journey, '$.statusHistory') AS statusHistory
         FROM cases c JOIN staff s ON s.id = c.case_manager_id JOIN contacts p ON p.id = c.contact_id
        WHERE ${notClosed} ${mine}`,
    )
    .all(params) as {
    id: number;
    ref: string;
    caseManager: string;
    status: CaseSnapshot['status'];
    openedOn: string | null;
    referredOn: string | null;
    closedOn: string | null;
    injury: string | null;
    funding: string | null;
    party: string;
    partyKind: string;
    statusHistory: string | null;
  }[];
  return rows.map(
    (r) =>
      ({
        id: r.id,
        ref: r.ref,
        caseManager: r.caseManager,
        status: r.status,
        openedOn: r.openedOn ?? undefined,
        referredOn: r.referredOn ?? undefined,
        closedOn: r.closedOn ?? undefined,
        injury: r.injury ?? undefined,
        funding: r.funding ?? undefined,
        instructingParty: { name: r.party, kind: r.partyKind },
        instructions: [],
        handovers: handovers.get(r.id) ?? [],
        // The status on a past date comes from the history when the case has one (caseStatusOn).
        ...(r.statusHistory ? { statusHistory: JSON.parse(r.statusHistory) as CaseSnapshot['statusHistory'] } : {}),
      }) as CaseSnapshot,
  );
}

/**
 * The cases each person holds outside the firm on `asOf` (outsideLoadOn over their
 * `outsideCaseload` records), by staff id; only people with one in force appear.
 */
export function outsideLoads(ctx: Ctx, asOf: IsoDate, staffId?: number): Map<number, ElsewhereLoad> {
  const rows = ctx.vault.sqlite
    .prepare(
      `SELECT id, kind, staff_id AS staffId, supplier_id AS supplierId, data, data_version AS dataVersion FROM records
        WHERE kind = 'outsideCaseload' ${staffId === undefined ? '' : 'AND staff_id = @staffId'} ORDER BY id`,
    )
    .all(staffId === undefined ? {} : { staffId }) as Parameters<typeof readPayload>[1][];
  const byStaff = new Map<number, OutsideCaseload[]>();
  for (const r of rows) {
    const list = byStaff.get(r.staffId!) ?? [];
    list.push(readPayload(ctx, r, 'outsideCaseload'));
    byStaff.set(r.staffId!, list);
  }
  const out = new Map<number, ElsewhereLoad>();
  for (const [id, list] of byStaff) {
    const load = outsideLoadOn(list, asOf);
    if (load) out.set(id, load);
  }
  return out;
}

/** 2.5 → "2.5", 3 → "3". */
const num = (n: number) => String(round2(n));

/** "25 open active, 12 monitoring, 3 days a week" (MTSP Practitioner H's own example). */
export function caseloadSentence(f: CaseloadFigures): string {
  const days = f.daysPerWeek === null ? 'working days a week not recorded' : `${num(f.daysPerWeek)} day${f.daysPerWeek === 1 ? '' : 's'} a week`;
  const here = `${f.openActive} open active, ${f.monitoring} monitoring, ${days}`;
  const e = f.elsewhere;
  if (!e) return here;
  // From all sources (MTSP Practitioner H): the firm's figures, then those held elsewhere.
  const elsewhere = `${e.openActive} open active, ${e.monitoring} monitoring, ${num(e.daysPerWeek)} day${e.daysPerWeek === 1 ? '' : 's'} a week`;
  return `${here} with the firm; ${elsewhere} elsewhere (${e.sources.join(', ')})`;
}

/** The STAFF-CASELOAD test (the engine's own, unrounded) on the figures. */
export function loadStatus(f: CaseloadFigures, max: number): { status: RuleStatus; reason: string } {
  return caseloadJudgement(f.openActive, f.daysPerWeek, max, f.elsewhere);
}

/** Figures for one case manager (staffRef) or, without it, the firm with a line per manager. */
export function caseloadView(ctx: Ctx, asOf: IsoDate, staffRef?: string): CaseloadView {
  const max = getFirm(ctx).settings.caseloadPerDayMax;
  const byName = new Intl.Collator('en-GB', { numeric: true, sensitivity: 'base' });
  const people = (
    ctx.vault.sqlite.prepare('SELECT id, ref, name, days_per_week AS daysPerWeek FROM staff').all() as {
      id: number;
      ref: string;
      name: string;
      daysPerWeek: number | null;
    }[]
  ).sort((a, b) => byName.compare(a.name, b.name) || byName.compare(a.ref, b.ref));
  if (staffRef !== undefined) {
    const person = people.find((p) => p.ref === staffRef);
    if (!person) throw notFound(`Staff member ${staffRef}`);
    const elsewhere = outsideLoads(ctx, asOf, person.id).get(person.id) ?? null;
    const figures = caseloadFor(casesForCaseload(ctx, asOf, person.id), asOf, { staffRef, daysPerWeek: person.daysPerWeek, elsewhere });
    return { asOf, perDayMax: max, ref: staffRef, name: person.name, figures, sentence: caseloadSentence(figures), ...loadStatus(figures, max), managers: [] };
  }
  const all = casesForCaseload(ctx, asOf);
  // One pass to group cases by who manages them on the date, then the figures per group.
  const byManager = new Map<string, CaseSnapshot[]>();
  for (const c of all) {
    const ref = caseManagerOn(c, asOf);
    const list = byManager.get(ref) ?? [];
    list.push(c);
    byManager.set(ref, list);
  }
  const outside = outsideLoads(ctx, asOf);
  const managers: ManagerLoad[] = people.map((p) => {
    const figures = caseloadFor(byManager.get(p.ref) ?? [], asOf, { staffRef: p.ref, daysPerWeek: p.daysPerWeek, elsewhere: outside.get(p.id) ?? null });
    return { ref: p.ref, name: p.name, figures, sentence: caseloadSentence(figures), ...loadStatus(figures, max) };
  });
  const allDays = people.length > 0 && people.every((p) => p.daysPerWeek !== null) ? round2(people.reduce((n, p) => n + p.daysPerWeek!, 0)) : null;
  const figures = caseloadFor(all, asOf, { staffRef: null, daysPerWeek: allDays });
  const firmName = getFirm(ctx).name || 'The firm';
  return { asOf, perDayMax: max, ref: null, name: firmName, figures, sentence: caseloadSentence(figures), ...loadStatus(figures, max), managers };
}

function median(xs: number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Per instructing party: cases by status, injury mix and median days from referral to closure. */
export function partyReport(ctx: Ctx): PartyReportRow[] {
  const db = ctx.vault.sqlite;
  const rows = db
    .prepare(
      `SELECT p.id, p.name, p.kind, count(c.id) AS cases,
              coalesce(sum(c.status = 'referral'), 0) AS referral, coalesce(sum(c.status = 'open-active'), 0) AS openActive,
              coalesce(sum(c.status = 'monitoring'), 0) AS monitoring, coalesce(sum(c.status = 'closed'), 0) AS closed
         FROM contacts p LEFT JOIN cases c ON c.contact_id = p.id
        GROUP BY p.id ORDER BY count(c.id) DESC, p.name COLLATE NOCASE`,
    )
    .all() as Omit<PartyReportRow, 'byInjury' | 'medianDaysToClose' | 'closedWithDates'>[];
  const injuries = new Map<number, Record<string, number>>();
  for (const r of db
    .prepare(`SELECT contact_id AS id, coalesce(injury, ?) AS injury, count(*) AS n FROM cases GROUP BY contact_id, injury ORDER BY n DESC`)
    .all(NOT_RECORDED) as { id: number; injury: string; n: number }[]) {
    const m = injuries.get(r.id) ?? {};
    m[r.injury] = (m[r.injury] ?? 0) + r.n;
    injuries.set(r.id, m);
  }
  const durations = new Map<number, number[]>();
  for (const r of db
    .prepare(
      `SELECT contact_id AS id, CAST(julianday(closed_on) - julianday(referred_on) AS INTEGER) AS days
         FROM cases WHERE status = 'closed' AND referred_on IS NOT NULL AND closed_on IS NOT NULL`,
    )
    .all() as { id: number; days: number }[]) {
    const list = durations.get(r.id) ?? [];
    list.push(r.days);
    durations.set(r.id, list);
  }
  return rows.map((r) => ({
    ...r,
    byInjury: injuries.get(r.id) ?? {},
    medianDaysToClose: median(durations.get(r.id) ?? []),
    closedWithDates: durations.get(r.id)?.length ?? 0,
  }));
}
