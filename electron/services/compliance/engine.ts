// The compliance engine: evaluates the rule catalogue (contract/rules.ts, spec/rules.md
// version 2) over a firm snapshot on an as-of date. Pure: no I/O, no clock (as-of, and the
// instant "now" when judging today, are passed in), no mutation of the snapshot. Each rule
// lives in staffRules / supplierRules / caseRules / orgRules; every date convention comes from
// contract/conventions.ts through window.ts; indemnity cover in cover.ts, DBS in dbs.ts.
//
// Semantics (rules.md version 2; decisions where it is silent are marked "reading"):
// - Statuses: not_met, due_soon, met, exempt, not_applicable. due_soon = met on as-of but
//   the first day it stops being met (changesOn) is within settings.warningDays of as-of,
//   inclusive. Clocks that are running (an assessment not yet done, an incident not yet
//   reported, an unpaid invoice within its terms, an open follow-up window) are due_soon
//   whatever the window, as rules.md says.
// - changesOn is the first day the status changes: for met/due_soon the first day it is no
//   longer met (the day after an expiry date, the anniversary of a dated event); for exempt the
//   day after the exemption's expiry; for not_met the day it becomes met when the records
//   already say so; otherwise absent.
// - As of a date = the end of that day in London; `at` (epoch ms or Date) is "now" when judging
//   today. Only the minute-level rule (CASE-INCIDENT-REPORTED) reads the instant.
// - Valid time: records dated after as-of are ignored (a course, a review, a payment, a
//   report); a case's status on as-of comes from its history or its dates (caseload.ts), so a
//   case closed after as-of was open on it.
// - "Within the last N months" of E: met while as-of < anniversary(E, N); anniversaries move a
//   missing day to the 1st of the next month; subtraction (CPD periods) clamps.
// - Expiry dates are the last valid day (indemnity, registrations, regulatory schemes,
//   exemptions); policies with no start date started the day after 12 months before expiry.
// - Numbers are compared unrounded (STAFF-CASELOAD, ORG-OUTCOMES); only reasons round.
// - Unrecorded is not met where the MTSP asks outright (sole practitioner, works with clients).
// - Exemptions: in force when granted on or before as-of and as-of on or before the expiry
//   (v1: 12 months after the grant); never for a rule that cannot be exempted or that belongs
//   to another kind of subject (the reason then says the exemption was not applied).
// - Overall status per subject via overallStatus() (exempt and not_applicable count as met);
//   the firm's from the ORG-* results. Subjects are reported in snapshot order; rules in
//   catalogue order. Case reports carry no name. Reasons are one line, no final full stop.
// - API: evaluate(snapshot, asOf, at?) builds one EngineContext and passes it to
//   evaluateStaff / evaluateSupplier / evaluateCase / evaluateFirm; call
//   engineContext(snapshot, asOf, at?) to evaluate a single subject the same way.
// - dueList: met, due_soon and exempt results with changesOn within `days` of as-of
//   (inclusive); the firm's own results use ref 'firm'.
import { overallStatus, type ComplianceReport, type RuleResult, type SubjectReport } from '../../contract/compliance';
import { plusDays, type IsoDate } from '../../contract/dates';
import type { CaseSnapshot, FirmInfo, FirmSnapshot, StaffSnapshot, SupplierSnapshot } from '../../contract/model';
import type { RuleId } from '../../contract/rules';
import type { DueItemView } from '../../contract/ops/evidence';
import { caseResults } from './caseRules';
import { applyExemptions, type EngineContext, engineContext } from './context';
import { firmResults } from './orgRules';
import { staffResults } from './staffRules';
import { supplierResults } from './supplierRules';

export { engineContext, type EngineContext } from './context';
import { supplierApprovalOn } from './supplierRules';
export { notVettedWords, supplierApprovalOn, vettedOn, type InstructionVetting, type SupplierApproval } from './supplierRules';

/**
 * Evaluates every rule for the whole firm as of `asOf`. Pass `at` (the current instant) when
 * judging today with no as-of date given, so "now" is now; without it the judgement stands at
 * the end of the as-of day in London.
 */
export function evaluate(snapshot: FirmSnapshot, asOf: IsoDate, at?: Date | number): ComplianceReport {
  const ctx = engineContext(snapshot, asOf, at);
  return {
    asOf,
    firm: evaluateFirm(snapshot.firm, ctx),
    staff: snapshot.staff.map((s) => evaluateStaff(s, ctx)),
    suppliers: snapshot.suppliers.map((s) => evaluateSupplier(s, ctx)),
    cases: snapshot.cases.map((c) => evaluateCase(c, ctx)),
  };
}

function subject(ref: string, name: string | undefined, rules: RuleResult[]): SubjectReport {
  const report: SubjectReport = { ref, status: overallStatus(rules), rules };
  if (name !== undefined) report.name = name;
  return report;
}

/** STAFF-* rules for one case manager. Build ctx with engineContext(snapshot, asOf). */
export function evaluateStaff(staff: StaffSnapshot, ctx: EngineContext): SubjectReport {
  return subject(staff.ref, staff.name, applyExemptions(staffResults(staff, ctx), staff.exemptions, ctx.asOf, 'staff'));
}

/** SUP-* rules for one supplier. */
export function evaluateSupplier(supplier: SupplierSnapshot, ctx: EngineContext): SubjectReport {
  return subject(supplier.ref, supplier.name, applyExemptions(supplierResults(supplier, ctx), supplier.exemptions, ctx.asOf, 'supplier'));
}

/** CASE-* rules for one case (no name: case reports carry no client details). */
export function evaluateCase(c: CaseSnapshot, ctx: EngineContext): SubjectReport {
  return subject(c.ref, undefined, caseResults(c, ctx));
}

/** ORG-* rules for the firm. */
export function evaluateFirm(firm: FirmInfo, ctx: EngineContext): ComplianceReport['firm'] {
  const rules = firmResults(ctx.judge, firm, ctx);
  return { status: overallStatus(rules), rules };
}

// ---------- what lapses soon ----------
/** One line of the due list; the contract's type, so the CLI, the API and the UI share it. */
export type DueItem = DueItemView;

export const FIRM_REF = 'firm';

/**
 * Everything that lapses within `days` of as-of (changesOn - asOf <= days): results met, due
 * soon or exempt now that change in that time, soonest first, then by ref, then by rule. Given
 * the snapshot, it also lists suppliers whose approval's review date has already passed
 * (Governance A: they must be re-vetted before the next instruction), first, marked overdue.
 */
export function dueList(report: ComplianceReport, asOf: IsoDate, days: number, snapshot?: Pick<FirmSnapshot, 'suppliers'>): DueItem[] {
  const items: DueItem[] = [];
  const until = days >= 0 ? plusDays(asOf, days) : undefined;
  const add = (subj: DueItem['subject'], ref: string, name: string | undefined, rules: RuleResult[]) => {
    for (const r of rules) {
      if ((r.status !== 'met' && r.status !== 'due_soon' && r.status !== 'exempt') || r.changesOn === undefined) continue;
      if (until === undefined || r.changesOn < asOf || r.changesOn > until) continue;
      const item: DueItem = { subject: subj, ref, rule: r.rule, status: r.status, reason: r.reason, changesOn: r.changesOn };
      if (name !== undefined) item.name = name;
      items.push(item);
    }
  };
  add('firm', FIRM_REF, undefined, report.firm.rules);
  for (const s of report.staff) add('staff', s.ref, s.name, s.rules);
  for (const s of report.suppliers) add('supplier', s.ref, s.name, s.rules);
  for (const c of report.cases) add('case', c.ref, c.name, c.rules);
  for (const s of snapshot?.suppliers ?? []) {
    const a = supplierApprovalOn(s, asOf);
    const review = a.decision?.nextReviewOn;
    if (a.approved || !a.decision || a.decision.decision === 'rejected' || !review || review > asOf) continue;
    items.push({
      subject: 'supplier',
      ref: s.ref,
      name: s.name,
      rule: 'SUP-VETTING-DECISION' satisfies RuleId,
      status: 'not_met',
      reason: `Re-vetting overdue: ${a.reason}`,
      changesOn: review,
      overdue: true,
    });
  }
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return items.sort((a, b) => Number(!!b.overdue) - Number(!!a.overdue) || cmp(a.changesOn, b.changesOn) || cmp(a.ref, b.ref) || cmp(a.rule, b.rule));
}
