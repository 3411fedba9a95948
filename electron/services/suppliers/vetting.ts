// Where a supplier stands with the firm (pure): approved, approved with conditions, needs
// re-vetting, not approved or not yet vetted, judged from its decisions and rule results.
import type { SubjectReport } from '../../contract/compliance';
import type { IsoDate } from '../../contract/dates';
import type { Decision, SupplierSnapshot } from '../../contract/model';
import type { SupplierVetting } from '../../contract/ops/suppliers';
import { rulesFor } from '../../contract/rules';
import { decisionOn, supplierApprovalOn } from '../compliance/supplierRules';
import { listWords, uk } from '../compliance/window';

export const DECISION_RULE = 'SUP-VETTING-DECISION';
const TITLES = new Map(rulesFor('supplier').map((r) => [r.id, r.title.toLowerCase()]));

/** The decision in force on `asOf`: the latest made on or before it (on the same day a rejection wins, as in the engine). */
export function decisionInForce(s: Pick<SupplierSnapshot, 'decisions'>, asOf: IsoDate): Decision | undefined {
  return decisionOn(s.decisions, asOf);
}

/**
 * - not-vetted: no decision made by as-of;
 * - rejected: the decision in force rejects the supplier;
 * - needs-revetting: the decision in force approves it (fully or with conditions) but its
 *   review date has passed or was never set, or evidence that met its rule on the decision
 *   date no longer does (it expired, or was removed);
 * - approved / conditional: otherwise (gaps the approver accepted on the day do not count
 *   here; the overall status still shows them).
 * `report` is the supplier's compliance report on as-of; `atDecision` its report on the
 * date of the decision in force (without it, every rule not met on as-of counts).
 */
export function supplierVetting(
  s: Pick<SupplierSnapshot, 'decisions'>,
  report: Pick<SubjectReport, 'rules'>,
  asOf: IsoDate,
  atDecision?: Pick<SubjectReport, 'rules'>,
): SupplierVetting {
  const d = decisionInForce(s, asOf);
  if (!d) {
    return { state: 'not-vetted', reason: s.decisions.length ? `No vetting decision had been made by ${uk(asOf)}` : 'No vetting decision is recorded' };
  }
  const dates = { decidedOn: d.on, ...(d.nextReviewOn ? { nextReviewOn: d.nextReviewOn } : {}) };
  const approval = supplierApprovalOn(s, asOf);
  if (d.decision === 'rejected') return { state: 'rejected', reason: approval.reason, ...dates };
  if (!approval.approved) return { state: 'needs-revetting', reason: approval.reason, ...dates };
  const wasMet = new Set(atDecision?.rules.filter((r) => r.status !== 'not_met').map((r) => r.rule));
  const failing = report.rules.filter((r) => r.rule !== DECISION_RULE && r.status === 'not_met' && (!atDecision || wasMet.has(r.rule)));
  if (failing.length) {
    const what = listWords(failing.map((r) => TITLES.get(r.rule) ?? r.rule));
    return { state: 'needs-revetting', reason: `${approval.reason}; since then not met: ${what}`, ...dates };
  }
  return { state: d.decision === 'conditional' ? 'conditional' : 'approved', reason: approval.reason, ...dates };
}

/** Decisions newest first: by date, then the later-recorded first. */
export function decisionsNewestFirst<T extends Decision & { id: number }>(list: readonly T[]): T[] {
  return [...list].sort((a, b) => (a.on < b.on ? 1 : a.on > b.on ? -1 : b.id - a.id));
}
