// The MTSP Model report (issue 14 item 8; docs/spec/cli.md "report mtsp"): per instructing
// party, over the cases referred or open within a period — how many, the injury mix,
// rehabilitation spend by injury type (the invoices received in the period), median days from
// referral to settlement, vocational outcomes, and the feedback scores. Read in three queries
// without loading the firm's evidence, so it stays quick at 20,000 cases. The same figures feed
// the Reports page, its XLSX export, the CLI and the organisation pack (E and J).
import { dayAfter, monthsBefore } from '../../contract/conventions';
import { daysBetween, type IsoDate } from '../../contract/dates';
import type { CaseJourney, CaseSnapshot, Invoice } from '../../contract/model';
import type { MtspReport, StaffCaseMix } from '../../contract/ops/journey';
import { caseManagerOn, isOpenOn, NOT_RECORDED } from '../compliance/caseload';
import type { Ctx } from '../context';
import { notFound } from '../errors';
import { historyOf } from '../cases/journey';

/** The report's default period: the 12 months to `to` ((to less 12 months, to], as the rules count months). */
export function defaultFrom(to: IsoDate): IsoDate {
  return dayAfter(monthsBefore(to, 12));
}

type ReportCase = Pick<CaseSnapshot, 'status' | 'referredOn' | 'openedOn' | 'closedOn' | 'statusHistory'>;

/** Referred within [from, to], or open (open active or monitoring) on some day of it. */
export function inPeriod(c: ReportCase & CaseJourney, from: IsoDate, to: IsoDate): boolean {
  if (c.referredOn && c.referredOn >= from && c.referredOn <= to) return true;
  if (isOpenOn(c, from)) return true;
  return historyOf(c, to).some((h) => h.on > from && h.on <= to && (h.status === 'open-active' || h.status === 'monitoring'));
}

function median(xs: number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}
const mean2 = (xs: number[]) => (xs.length ? Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 100) / 100 : null);
const pence = (n: number) => Math.round(n * 100) / 100;

interface Row {
  id: number;
  party: string;
  kind: string;
  injury: string | null;
  status: CaseSnapshot['status'];
  referredOn: string | null;
  openedOn: string | null;
  closedOn: string | null;
  settlementOn: string | null;
  journey: string;
}

/** The whole firm's figures over the same cases (the organisation pack's E and J answers). */
export interface MtspFirmFigures {
  cases: number;
  spendGBP: number;
  medianDaysReferralToSettlement: number | null;
  vocational: Record<string, number>;
  responses: number;
  aboutCaseManager: number | null;
  aboutSolicitor: number | null;
}

export function mtspReport(ctx: Ctx, opts: { from?: IsoDate; to?: IsoDate } = {}): MtspReport {
  return mtspFigures(ctx, opts).report;
}

/** One case as the report reads it (a snapshot's case, or a row the loader shaped). */
export type MtspCase = ReportCase &
  CaseJourney & {
    injury?: string;
    settlementOn?: string;
    instructingParty: { name: string; kind: string };
    instructions: readonly { invoices?: readonly Invoice[] }[];
  };

export function mtspFigures(ctx: Ctx, opts: { from?: IsoDate; to?: IsoDate } = {}): { report: MtspReport; firm: MtspFirmFigures } {
  const to = opts.to ?? ctx.clock.today();
  const from = opts.from ?? defaultFrom(to);
  const db = ctx.vault.sqlite;
  const rows = db
    .prepare(
      `SELECT c.id, p.name AS party, p.kind, c.injury, c.status, c.referred_on AS referredOn, c.opened_on AS openedOn, c.closed_on AS closedOn,
              json_extract(c.practice, '$.settlementOn') AS settlementOn, c.journey
         FROM cases c JOIN contacts p ON p.id = c.contact_id
        WHERE coalesce(c.referred_on, c.opened_on, '0000-00-00') <= @to AND (c.status <> 'closed' OR c.closed_on IS NULL OR c.closed_on >= @from)`,
    )
    .all({ from, to }) as Row[];
  const invoices = new Map<number, Invoice[]>();
  for (const r of db.prepare(`SELECT case_id AS caseId, invoices FROM case_instructions WHERE invoices <> '[]'`).all() as {
    caseId: number;
    invoices: string;
  }[]) {
    invoices.set(r.caseId, [...(invoices.get(r.caseId) ?? []), ...(JSON.parse(r.invoices) as Invoice[])]);
  }
  const cases: MtspCase[] = rows.map((r) => ({
    status: r.status,
    referredOn: r.referredOn ?? undefined,
    openedOn: r.openedOn ?? undefined,
    closedOn: r.closedOn ?? undefined,
    injury: r.injury ?? undefined,
    settlementOn: r.settlementOn ?? undefined,
    instructingParty: { name: r.party, kind: r.kind },
    instructions: [{ invoices: invoices.get(r.id) ?? [] }],
    ...(JSON.parse(r.journey) as CaseJourney),
  }));
  return computeMtsp(cases, from, to);
}

/** The report's figures over any list of cases (the loader's rows, or a firm snapshot's cases for the packs). */
export function computeMtsp(cases: readonly MtspCase[], from: IsoDate, to: IsoDate): { report: MtspReport; firm: MtspFirmFigures } {
  type Acc = MtspReport['byParty'][number] & { days: number[]; cm: number[]; sol: number[] };
  const parties = new Map<string, Acc>();
  const all = { days: [] as number[], cm: [] as number[], sol: [] as number[], spend: 0, vocational: {} as Record<string, number>, responses: 0, cases: 0 };
  for (const c of cases) {
    if (!inPeriod(c, from, to)) continue;
    const { name: party, kind } = c.instructingParty;
    const key = `${kind}\u0000${party}`;
    let p = parties.get(key);
    if (!p) {
      p = {
        party,
        kind,
        cases: 0,
        injuries: {},
        spendGBP: {},
        medianDaysReferralToSettlement: null,
        vocational: {},
        feedback: { responses: 0, aboutCaseManager: null, aboutSolicitor: null },
        days: [],
        cm: [],
        sol: [],
      };
      parties.set(key, p);
    }
    const injury = c.injury ?? NOT_RECORDED;
    p.cases++;
    all.cases++;
    p.injuries[injury] = (p.injuries[injury] ?? 0) + 1;
    let spend: number | undefined;
    for (const ins of c.instructions)
      for (const inv of ins.invoices ?? []) if (inv.receivedOn >= from && inv.receivedOn <= to) spend = (spend ?? 0) + inv.amountGBP;
    if (spend !== undefined) {
      p.spendGBP[injury] = pence((p.spendGBP[injury] ?? 0) + spend);
      all.spend += spend;
    }
    if (c.referredOn && c.settlementOn && c.settlementOn >= c.referredOn) {
      p.days.push(daysBetween(c.referredOn, c.settlementOn));
      all.days.push(daysBetween(c.referredOn, c.settlementOn));
    }
    const voc = c.outcome?.vocational;
    if (voc) {
      p.vocational[voc] = (p.vocational[voc] ?? 0) + 1;
      all.vocational[voc] = (all.vocational[voc] ?? 0) + 1;
    }
    for (const f of c.feedback ?? []) {
      if (f.on < from || f.on > to) continue;
      p.feedback.responses++;
      all.responses++;
      if (f.aboutCaseManager !== undefined) {
        p.cm.push(f.aboutCaseManager);
        all.cm.push(f.aboutCaseManager);
      }
      if (f.aboutSolicitor !== undefined) {
        p.sol.push(f.aboutSolicitor);
        all.sol.push(f.aboutSolicitor);
      }
    }
  }
  const byParty = [...parties.values()]
    .map(({ days, cm, sol, ...p }) => ({
      ...p,
      medianDaysReferralToSettlement: median(days),
      feedback: { responses: p.feedback.responses, aboutCaseManager: mean2(cm), aboutSolicitor: mean2(sol) },
    }))
    .sort((a, b) => b.cases - a.cases || a.party.localeCompare(b.party, 'en-GB') || a.kind.localeCompare(b.kind));
  const firm: MtspFirmFigures = {
    cases: all.cases,
    spendGBP: pence(all.spend),
    medianDaysReferralToSettlement: median(all.days),
    vocational: all.vocational,
    responses: all.responses,
    aboutCaseManager: mean2(all.cm),
    aboutSolicitor: mean2(all.sol),
  };
  return { report: { from, to, byParty }, firm };
}

// ---------- Practitioner D: cases by complexity in the last two years ----------
export function staffCaseMix(ctx: Ctx, ref: string, asOf: IsoDate = ctx.clock.today()): StaffCaseMix {
  const person = ctx.vault.sqlite.prepare('SELECT id FROM staff WHERE ref = ?').get(ref) as { id: number } | undefined;
  if (!person) throw notFound(`Staff member ${ref}`);
  const rows = ctx.vault.sqlite
    .prepare(
      `SELECT c.id, s.ref AS caseManager, c.complexity, c.status, c.referred_on AS referredOn, c.opened_on AS openedOn, c.closed_on AS closedOn, c.journey
         FROM cases c JOIN staff s ON s.id = c.case_manager_id
        WHERE c.case_manager_id = @id OR c.id IN (SELECT case_id FROM case_handovers WHERE from_staff_id = @id OR to_staff_id = @id)`,
    )
    .all({ id: person.id }) as {
    id: number;
    caseManager: string;
    complexity: string | null;
    status: CaseSnapshot['status'];
    referredOn: string | null;
    openedOn: string | null;
    closedOn: string | null;
    journey: string;
  }[];
  const handovers = new Map<number, CaseSnapshot['handovers']>();
  for (const h of ctx.vault.sqlite
    .prepare(
      `SELECT h.case_id AS caseId, h."on" AS "on", f.ref AS fromRef, t.ref AS toRef FROM case_handovers h
         JOIN staff f ON f.id = h.from_staff_id JOIN staff t ON t.id = h.to_staff_id ORDER BY h."on", h.id`,
    )
    .all() as { caseId: number; on: string; fromRef: string; toRef: string }[]) {
    const list = handovers.get(h.caseId) ?? [];
    list.push({ on: h.on, fromRef: h.fromRef, toRef: h.toRef, reason: '', clientInformed: false });
    handovers.set(h.caseId, list);
  }
  const cases = rows.map((r) => ({
    caseManager: r.caseManager,
    handovers: handovers.get(r.id) ?? [],
    complexity: r.complexity ?? undefined,
    status: r.status,
    referredOn: r.referredOn ?? undefined,
    openedOn: r.openedOn ?? undefined,
    closedOn: r.closedOn ?? undefined,
    ...(JSON.parse(r.journey) as CaseJourney),
  }));
  return caseMixOf(cases, ref, asOf);
}

type MixCase = ReportCase & CaseJourney & Pick<CaseSnapshot, 'caseManager' | 'handovers'> & { complexity?: string };

/** Cases the person managed on some day of the two years to as-of, by complexity (the profile and the Legal Panel pack). */
export function caseMixOf(cases: readonly MixCase[], ref: string, asOf: IsoDate): StaffCaseMix {
  const from = dayAfter(monthsBefore(asOf, 24));
  const byComplexity: Record<string, number> = {};
  let total = 0;
  for (const c of cases) {
    if (!inPeriod(c, from, asOf)) continue;
    // Theirs on some day of the period: at its start, or handed to them during it.
    const theirs = caseManagerOn(c, from) === ref || c.handovers.some((h) => h.on > from && h.on <= asOf && h.toRef === ref);
    if (!theirs) continue;
    const k = c.complexity ?? NOT_RECORDED;
    byComplexity[k] = (byComplexity[k] ?? 0) + 1;
    total++;
  }
  return { ref, from, asOf, byComplexity, total };
}
