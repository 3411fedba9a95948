// The compliance engine: evaluates the rule catalogue (rules.ts, spec/rules.md) over a firm
// snapshot on an as-of date. Pure: no I/O, no clock (as-of is always passed in), no
// mutation of the snapshot. Each rule lives in staffRules / supplierRules / caseRules /
// orgRules; shared date logic in window, cover (indemnity) and dbs.
//
// Semantics, including decisions where rules.md is silent:
// - Statuses: not_met, due_soon, met, exempt, not_applicable. due_soon = met on as-of but
//   the first day it stops being met (changesOn) is within settings.warningDays of as-of,
//   inclusive (changesOn - asOf <= warningDays).
// - changesOn is the first day the status changes: for met/due_soon, the first day it is no
//   longer met; for not_met, the day it becomes met when that is already known from the
//   records (experience thresholds, a qualifying indemnity policy that starts later, CPD
//   moving between the two periods); otherwise absent.
// - Evidence dated after as-of is ignored (it did not exist yet); the latest qualifying
//   record wins. Exception: indemnity policies recorded with a future start date, which
//   extend cover (chains) or say when cover starts.
// - "Within the last N months" for evidence dated D: met while asOf < plusMonths(D, N);
//   changesOn = plusMonths(D, N) (date-fns clamps to month end: 31/08 + 6 months = 28/02).
// - Experience: met once plusMonths(start, 24 or 36) <= asOf; until then not_met with
//   changesOn on that date; a missing date is not_met.
// - STAFF-CPD-2Y: an entry in each of (asOf-12m, asOf] and (asOf-24m, asOf-12m]; changesOn
//   is the first later day on which the answer differs, assuming no new entries.
// - STAFF-CASELOAD: open-active cases whose case manager on as-of (handovers applied) is the
//   person, divided by days per week and rounded to 2 dp (the figure shown is the figure
//   judged); met when that is at most settings.caseloadPerDayMax. Monitoring and referral
//   cases do not count. No changesOn.
// - STAFF-REGISTRATION: a registration needs an expiry date after as-of (no expiry recorded
//   = not met), no restriction, and a register check within 12 months; changesOn is the
//   earlier of the expiry date and the check lapsing, and the registration lasting longest
//   wins. (rules.md asks for an expiry *after* as-of, so a registration's expiry date is its
//   first invalid day, whereas indemnity and regulatory expiry dates are the last valid day.)
// - Indemnity (staff £5m; suppliers the highest of their services' minimums, each service
//   using settings.supplierIndemnityMinByService or else supplierIndemnityMinGBP): in force when
//   startsOn (if any) <= asOf <= expiresOn; back-to-back qualifying policies (starting by
//   the day after the previous one expires) extend cover; changesOn = day after the last
//   covered day. In-force policies below the minimum are named in the reason.
// - DBS (staff, and suppliers who work with clients): enhanced(-barred) only, issued within
//   36 months, or on the Update Service with a status check within 12 months; the longest
//   lasting route wins. Basic and standard checks never count.
// - SUP-REGULATORY: grouped by scheme (case-insensitive) so a renewal supersedes the old
//   entry; an entry without expiry is open-ended; expiresOn is the last valid day; met while
//   every scheme is current; changesOn = day after the earliest expiry.
// - SUP-FITNESS-TO-PRACTISE: the latest check decides; a restriction is not met whatever its age.
// - SUP-SOLE-PRACTITIONER uses the soleTrader flag (an 'individual' supplier is not assumed
//   to be a sole trader). SUP-DBS is not_applicable unless worksWithClients is true.
// - SUP-VETTING-DECISION and CASE-SUPPLIERS-VETTED share supplierApprovalOn: the latest
//   decision on or before the date (later-listed wins a same-day tie) approves, fully or with
//   conditions, and its nextReviewOn is after the date. Rejected, no next review date, or a
//   review date reached = not approved. An override on an instruction does not count as
//   vetting; the reason mentions it. An instruction to a ref not on the supplier list fails.
//   Instructions dated after as-of are ignored; no instructions = met.
// - CASE-*: only for cases open on as-of (open-active or monitoring, openedOn missing or on
//   or before as-of); referrals, closed cases and not-yet-opened cases are not_applicable with
//   the reason. CASE-NHS-CONTACT needs both the contact date and the team named (rules.md:
//   "date, team"). CASE-CONSENT counts from the later of recorded and reviewed.
// - Exemptions (staff and suppliers): the latest exemption for a rule granted on or before
//   as-of makes it exempt, naming who granted it, when and why. Future grants are ignored.
// - Overall status per subject via overallStatus(); the firm's from the ORG-* results.
//   Subjects are reported in snapshot order; rules in catalogue order. Case reports carry
//   no name. Reasons are one line, no final full stop; met reasons name the lapse date.
// - API: evaluate(snapshot, asOf) builds one EngineContext (settings, warning window,
//   suppliers by ref, open-active counts per manager) and passes it to evaluateStaff /
//   evaluateSupplier / evaluateCase / evaluateFirm; call engineContext(snapshot, asOf) to
//   evaluate a single subject the same way.
// - dueList: met/due_soon results with changesOn within `days` of as-of (inclusive); the
//   firm's own results use ref 'firm'.
import { overallStatus, type ComplianceReport, type RuleResult, type SubjectReport } from '../../contract/compliance';
import { plusDays, type IsoDate } from '../../contract/dates';
import type { CaseSnapshot, FirmInfo, FirmSnapshot, StaffSnapshot, SupplierSnapshot } from '../../contract/model';
import type { DueItemView } from '../../contract/ops/evidence';
import { caseResults } from './caseRules';
import { applyExemptions, type EngineContext, engineContext } from './context';
import { firmResults } from './orgRules';
import { staffResults } from './staffRules';
import { supplierResults } from './supplierRules';

export { engineContext, type EngineContext } from './context';
import { supplierApprovalOn } from './supplierRules';
export { supplierApprovalOn, type SupplierApproval } from './supplierRules';

/** Evaluates every rule for the whole firm on `asOf`. */
export function evaluate(snapshot: FirmSnapshot, asOf: IsoDate): ComplianceReport {
  const ctx = engineContext(snapshot, asOf);
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
  return subject(staff.ref, staff.name, applyExemptions(staffResults(staff, ctx), staff.exemptions, ctx.asOf));
}

/** SUP-* rules for one supplier. */
export function evaluateSupplier(supplier: SupplierSnapshot, ctx: EngineContext): SubjectReport {
  return subject(supplier.ref, supplier.name, applyExemptions(supplierResults(supplier, ctx), supplier.exemptions, ctx.asOf));
}

/** CASE-* rules for one case (no name: case reports carry no client details). */
export function evaluateCase(c: CaseSnapshot, ctx: EngineContext): SubjectReport {
  return subject(c.ref, undefined, caseResults(c, ctx));
}

/** ORG-* rules for the firm. */
export function evaluateFirm(firm: FirmInfo, ctx: EngineContext): ComplianceReport['firm'] {
  const rules = firmResults(ctx.judge, firm);
  return { status: overallStatus(rules), rules };
}

// ---------- what lapses soon ----------
/** One line of the due list; the contract's type, so the CLI, the API and the UI share it. */
export type DueItem = DueItemView;

export const FIRM_REF = 'firm';

/**
 * Every result that is met or due_soon now and stops being met within `days` days of
 * `asOf` (changesOn - asOf <= days): soonest first, then by ref, then by rule.
 */
/**
 * Everything that lapses within `days` of as-of, soonest first. Given the snapshot, it also
 * lists suppliers whose approval's review date has already passed (Governance A: they must
 * be re-vetted before the next instruction), first, marked overdue.
 */
export function dueList(report: ComplianceReport, asOf: IsoDate, days: number, snapshot?: Pick<FirmSnapshot, 'suppliers'>): DueItem[] {
  const items: DueItem[] = [];
  const until = days >= 0 ? plusDays(asOf, days) : undefined;
  const add = (subj: DueItem['subject'], ref: string, name: string | undefined, rules: RuleResult[]) => {
    for (const r of rules) {
      if ((r.status !== 'met' && r.status !== 'due_soon') || r.changesOn === undefined) continue;
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
      rule: 'SUP-VETTING-DECISION',
      status: 'not_met',
      reason: `Re-vetting overdue: ${a.reason}`,
      changesOn: review,
      overdue: true,
    });
  }
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return items.sort((a, b) => Number(!!b.overdue) - Number(!!a.overdue) || cmp(a.changesOn, b.changesOn) || cmp(a.ref, b.ref) || cmp(a.rule, b.rule));
}
