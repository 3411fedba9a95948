// Rules for the firm itself (ORG-*), rules.md version 2.
import type { RuleResult } from '../../contract/compliance';
import { isAbove } from '../../contract/conventions';
import { daysBetween, type IsoDate } from '../../contract/dates';
import type { CaseSnapshot, FirmInfo, Invoice, Policy, PolicyKind } from '../../contract/model';
import { POLICY_NAMES, POLICY_RULE, type RuleId } from '../../contract/rules';
import { caseStatusOn } from './caseload';
import type { EngineContext } from './context';
import {
  addDays,
  capitalise,
  dueSoon,
  earliest,
  type Judge,
  lapsesOn,
  latestOnOrBefore,
  listWords,
  met,
  nextDay,
  notApplicable,
  notMet,
  plural,
  uk,
} from './window';

export const POLICY_REVIEW_MONTHS = 12;
export const SUPPLIERS_PAID_MONTHS = 12;
export const OUTCOMES_MONTHS = 12;
export const POLICY_RULES: readonly { rule: RuleId; kind: PolicyKind }[] = (Object.keys(POLICY_RULE) as PolicyKind[]).map((kind) => ({
  rule: POLICY_RULE[kind],
  kind,
}));

/** A policy kind's one name (contract/rules.ts POLICY_NAMES). */
export function policyName(kind: PolicyKind): string {
  return POLICY_NAMES[kind];
}

export interface CurrentPolicy {
  /** The latest review on or before as-of, when it is within the last 12 months. */
  policy?: Policy;
  /** The latest review on or before as-of, when it is older than that. */
  lapsed?: Policy;
  /** The first day the current review no longer counts. */
  lapsesOn?: IsoDate;
  /** The earliest review already on record after as-of (it supersedes the current one). */
  nextReviewOn?: IsoDate;
}

/** The firm's current policy of a kind on as-of: its latest review, if within the last 12 months. */
export function currentPolicy(firm: Pick<FirmInfo, 'policies'>, kind: PolicyKind, asOf: IsoDate): CurrentPolicy {
  const ofKind = firm.policies.filter((p) => p.kind === kind);
  const latest = latestOnOrBefore(ofKind, (p) => p.reviewedOn, asOf);
  let nextReviewOn: IsoDate | undefined;
  for (const p of ofKind) if (p.reviewedOn > asOf) nextReviewOn = earliest(nextReviewOn, p.reviewedOn);
  if (!latest) return { nextReviewOn };
  const lapses = lapsesOn(latest.reviewedOn, POLICY_REVIEW_MONTHS);
  return asOf < lapses ? { policy: latest, lapsesOn: lapses, nextReviewOn } : { lapsed: latest, nextReviewOn };
}

export function codeSignatory(j: Judge, firm: FirmInfo): RuleResult {
  const rule = 'ORG-CODE-SIGNATORY';
  return firm.codeOfConductSignatory
    ? met(j, rule, 'The firm is recorded as a signatory of the MTSP code of conduct')
    : notMet(rule, 'The firm is not recorded as a signatory of the MTSP code of conduct');
}

/** The latest review of a policy of the given kind must be within the last 12 months. */
export function policyReviewed(j: Judge, firm: FirmInfo, p: (typeof POLICY_RULES)[number]): RuleResult {
  const c = currentPolicy(firm, p.kind, j.asOf);
  const words = `${policyName(p.kind).toLowerCase()} policy`;
  const latest = c.policy ?? c.lapsed;
  if (!latest) return notMet(p.rule, `No ${words} is recorded${c.nextReviewOn ? ` on or before ${uk(j.asOf)}` : ''}`, c.nextReviewOn);
  const lapses = lapsesOn(latest.reviewedOn, POLICY_REVIEW_MONTHS);
  const what = `"${latest.title}" last reviewed on ${uk(latest.reviewedOn)}`;
  if (c.policy) return met(j, p.rule, `${what}; lapses on ${uk(lapses)}`, lapses);
  return notMet(p.rule, `${what}, more than 12 months ago (lapsed on ${uk(lapses)})`, c.nextReviewOn);
}

// ---------- ORG-SUPPLIERS-PAID (MTSP Organisation E) ----------
interface HeldInvoice {
  invoice: Invoice;
  caseRef: string;
  supplierRef: string;
}

function invoicesOf(cases: readonly CaseSnapshot[], asOf: IsoDate): HeldInvoice[] {
  const out: HeldInvoice[] = [];
  for (const c of cases) {
    for (const i of c.instructions) {
      for (const invoice of i.invoices ?? []) if (invoice.receivedOn <= asOf) out.push({ invoice, caseRef: c.ref, supplierRef: i.supplier });
    }
  }
  return out;
}

/**
 * Every supplier invoice received in the last 12 months was paid within the firm's terms
 * (invoiceTermsDays, the last day in time being receipt + terms), and none, of any age, is
 * unpaid past its terms on as-of. A payment dated after as-of had not been made on it. An
 * unpaid invoice still within its terms is due_soon, changing the day after its last day.
 * No invoice received in the last 12 months (and none overdue) is not_applicable.
 */
export function suppliersPaid(j: Judge, ctx: EngineContext): RuleResult {
  const rule = 'ORG-SUPPLIERS-PAID';
  const terms = ctx.settings.invoiceTermsDays;
  const held = invoicesOf(ctx.snapshot.cases, j.asOf);
  const name = (h: HeldInvoice) => {
    const s = ctx.supplier(h.supplierRef);
    const no = h.invoice.number ? `invoice ${h.invoice.number}` : `the invoice received ${uk(h.invoice.receivedOn)}`;
    return `${no} from ${s ? s.name : h.supplierRef} (case ${h.caseRef})`;
  };
  const overdue: string[] = [];
  const late: string[] = [];
  const pending: string[] = [];
  let lateClearsOn: IsoDate | undefined;
  let firstPendingLapse: IsoDate | undefined;
  let recent = 0;
  for (const h of held) {
    const { receivedOn, paidOn } = h.invoice;
    const lastDay = addDays(receivedOn, terms);
    const paid = paidOn !== undefined && paidOn <= j.asOf;
    const inWindow = j.asOf < lapsesOn(receivedOn, SUPPLIERS_PAID_MONTHS);
    if (inWindow) recent++;
    if (!paid) {
      if (j.asOf > lastDay) overdue.push(`${name(h)}, received ${uk(receivedOn)}, is unpaid ${plural(daysBetween(receivedOn, j.asOf), 'day')} after receipt`);
      else {
        pending.push(`${name(h)}, received ${uk(receivedOn)}, is due by ${uk(lastDay)}`);
        firstPendingLapse = earliest(firstPendingLapse, nextDay(lastDay));
      }
      continue;
    }
    if (inWindow && paidOn! > lastDay) {
      late.push(`${name(h)}, received ${uk(receivedOn)}, was paid on ${uk(paidOn!)}, ${plural(daysBetween(receivedOn, paidOn!), 'day')} after receipt`);
      const clears = lapsesOn(receivedOn, SUPPLIERS_PAID_MONTHS);
      if (!lateClearsOn || clears > lateClearsOn) lateClearsOn = clears;
    }
  }
  const termsWords = `the firm's terms of ${plural(terms, 'day')}`;
  if (overdue.length || late.length) {
    const reason = `${capitalise([...overdue, ...late].join('; '))}: beyond ${termsWords}`;
    // A late payment stops counting when it leaves the 12 months, if nothing else is wrong by then.
    return notMet(rule, reason, overdue.length === 0 && pending.length === 0 ? lateClearsOn : undefined);
  }
  if (recent === 0 && pending.length === 0) {
    return notApplicable(rule, held.length === 0 ? 'No supplier invoice is recorded' : `No supplier invoice was received in the 12 months to ${uk(j.asOf)}`);
  }
  if (pending.length) return dueSoon(rule, `${capitalise(pending.join('; '))} (${termsWords}); every other invoice was paid in time`, firstPendingLapse!);
  return met(j, rule, `All ${plural(recent, 'supplier invoice')} received in the 12 months to ${uk(j.asOf)} were paid within ${termsWords}`);
}

// ---------- ORG-OUTCOMES (MTSP Organisation J) ----------
/** The date a case closed, by its status history or its closing date, when it is closed on as-of. */
export function closedOnBy(c: CaseSnapshot, asOf: IsoDate): IsoDate | undefined {
  if (caseStatusOn(c, asOf) !== 'closed') return undefined;
  if (c.statusHistory && c.statusHistory.length > 0) {
    return latestOnOrBefore(
      c.statusHistory.filter((h) => h.status === 'closed'),
      (h) => h.on,
      asOf,
    )?.on;
  }
  return c.closedOn;
}

/**
 * Of the cases closed in the 12 months to as-of, at least the firm's share (outcomesShare,
 * compared unrounded) have an outcome (vocational or independent living) and feedback from
 * the service user dated on or before as-of. not_applicable when none closed in that time.
 */
export function outcomes(j: Judge, ctx: EngineContext): RuleResult {
  const rule = 'ORG-OUTCOMES';
  const share = ctx.settings.outcomesShare;
  const closed: CaseSnapshot[] = [];
  for (const c of ctx.snapshot.cases) {
    const on = closedOnBy(c, j.asOf);
    if (on !== undefined && on <= j.asOf && j.asOf < lapsesOn(on, OUTCOMES_MONTHS)) closed.push(c);
  }
  if (closed.length === 0) return notApplicable(rule, `No case closed in the 12 months to ${uk(j.asOf)}`);
  const lacking: string[] = [];
  let complete = 0;
  for (const c of closed) {
    const outcome = c.outcome !== undefined && (c.outcome.vocational !== undefined || c.outcome.independentLiving !== undefined);
    const voice = (c.feedback ?? []).some((f) => f.from === 'service-user' && f.on <= j.asOf);
    if (outcome && voice) complete++;
    else lacking.push(`${c.ref} (no ${[outcome ? '' : 'outcome', voice ? '' : 'service-user feedback'].filter(Boolean).join(' or ')})`);
  }
  const percent = (n: number) => `${Math.round(n * 100)}%`;
  const got = complete / closed.length;
  const figures =
    `${complete} of ${plural(closed.length, 'case')} closed in the 12 months to ${uk(j.asOf)} (${percent(got)}) ${complete === 1 ? 'has' : 'have'} ` +
    `an outcome and service-user feedback recorded; the firm's share is ${percent(share)}`;
  const missing = lacking.length ? `; missing: ${listWords(lacking)}` : '';
  if (isAbove(share, got)) return notMet(rule, `${figures}${missing}`);
  return met(j, rule, `${figures}${missing}`);
}

/** Every ORG-* rule, in catalogue order. */
export function firmResults(j: Judge, firm: FirmInfo, ctx: EngineContext): RuleResult[] {
  return [codeSignatory(j, firm), ...POLICY_RULES.map((p) => policyReviewed(j, firm, p)), suppliersPaid(j, ctx), outcomes(j, ctx)];
}
