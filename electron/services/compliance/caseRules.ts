// Rules for cases (CASE-*), rules.md version 2. Which rules apply follows the case's status on
// as-of (caseStatusOn: its status history, else its dates): before the referral every rule
// is not_applicable; a referral is judged only on CASE-ASSESSMENT-TIMELY (and on any incident);
// an open case (open-active or monitoring) on every rule but CASE-FOLLOW-UP; a closed case only
// on CASE-FOLLOW-UP and CASE-INCIDENT-REPORTED. Dates after as-of are treated as not yet
// recorded; times (`*At`, London local) after the judging instant likewise.
import type { RuleResult } from '../../contract/compliance';
import { isLocalMinute, londonDate, londonDateTime, londonInstant, type IsoDate } from '../../contract/dates';
import type { CaseSnapshot, Incident } from '../../contract/model';
import { rulesFor, type RuleId } from '../../contract/rules';
import { caseStatusOn, type CaseStatus } from './caseload';
import type { EngineContext } from './context';
import { closedOnBy } from './orgRules';
import { vettedOn } from './supplierRules';
import {
  addDays,
  dueSoon,
  earliest,
  hasText,
  instantOf,
  type Judge,
  lapsesOn,
  laterOf,
  listWords,
  met,
  metUntil,
  monthsAfter,
  nextDay,
  notApplicable,
  notMet,
  plural,
  uk,
} from './window';

export const CONSENT_REVIEW_MONTHS = 12;
export const RISK_REVIEW_MONTHS = 3;
export const FOLLOW_UP_MONTHS = [3, 6, 9] as const;
export const FOLLOW_UP_WINDOW_DAYS = 14;

const on = (d: IsoDate | undefined, asOf: IsoDate): d is IsoDate => d !== undefined && d <= asOf;

/** Which rules apply in each status (see the notes above). */
const OPEN_RULES: readonly RuleId[] = [
  'CASE-REHAB-PRESCRIPTION',
  'CASE-PRE-INA',
  'CASE-NHS-CONTACT',
  'CASE-REHAB-PLAN',
  'CASE-CONSENT',
  'CASE-RISK-REVIEW',
  'CASE-SUPPLIERS-VETTED',
  'CASE-ASSESSMENT-TIMELY',
  'CASE-PLAN-REVIEW',
  'CASE-INCIDENT-REPORTED',
];
const APPLIES: Record<CaseStatus, ReadonlySet<RuleId>> = {
  referral: new Set(['CASE-ASSESSMENT-TIMELY', 'CASE-INCIDENT-REPORTED']),
  'open-active': new Set(OPEN_RULES),
  monitoring: new Set(OPEN_RULES),
  closed: new Set(['CASE-FOLLOW-UP', 'CASE-INCIDENT-REPORTED']),
};

/** Why a rule does not apply to the case on as-of, given its status then. */
function notApplicableReason(c: CaseSnapshot, status: CaseStatus | undefined, asOf: IsoDate, rule: RuleId): string {
  if (status === undefined)
    return `Not yet referred on ${uk(asOf)}${c.referredOn ? ` (referred on ${uk(c.referredOn)})` : c.openedOn ? ` (opened on ${uk(c.openedOn)})` : ''}`;
  if (status === 'referral') return `Still a referral on ${uk(asOf)}, not an open case`;
  if (status === 'closed') {
    const closed = closedOnBy(c, asOf);
    return closed ? `Case closed on ${uk(closed)}` : 'Case closed';
  }
  return rule === 'CASE-FOLLOW-UP' ? 'The case is still open; follow-up applies once it is closed' : 'Does not apply';
}

export function rehabPrescription(j: Judge, c: CaseSnapshot): RuleResult {
  const rule = 'CASE-REHAB-PRESCRIPTION';
  if (!on(c.rehabPrescriptionRequestedOn, j.asOf)) return notMet(rule, 'No request for the NHS Rehabilitation Prescription is recorded');
  const reviewed = on(c.rehabPrescriptionReviewedOn, j.asOf) ? `, reviewed on ${uk(c.rehabPrescriptionReviewedOn)}` : '';
  return met(j, rule, `NHS Rehabilitation Prescription requested on ${uk(c.rehabPrescriptionRequestedOn)}${reviewed}`);
}

export function preIna(j: Judge, c: CaseSnapshot): RuleResult {
  const rule = 'CASE-PRE-INA';
  if (!on(c.preInaRequestedOn, j.asOf)) return notMet(rule, 'No request to the solicitor for the Pre-INA report is recorded');
  const requested = `Pre-INA report requested on ${uk(c.preInaRequestedOn)}`;
  if (on(c.preInaReviewedOn, j.asOf)) return met(j, rule, `${requested} and reviewed on ${uk(c.preInaReviewedOn)}`);
  if (c.preInaUnavailable) return met(j, rule, `${requested}; recorded as not available`);
  return notMet(rule, `${requested} but not yet reviewed or recorded as not available`);
}

export function nhsContact(j: Judge, c: CaseSnapshot): RuleResult {
  const rule = 'CASE-NHS-CONTACT';
  if (!on(c.nhsContactOn, j.asOf)) return notMet(rule, 'No contact with the NHS treating team is recorded');
  if (!hasText(c.nhsTeam)) return notMet(rule, `Contact with the NHS on ${uk(c.nhsContactOn)} is recorded but the treating team is not named`);
  return met(j, rule, `Contacted ${c.nhsTeam.trim()} on ${uk(c.nhsContactOn)}`);
}

/**
 * v2: the plan, shared, with at least one goal that has a measure (its target) and a target
 * date. Goals arrive with the case journey; until a case has them recorded, the rule is not
 * met (unrecorded is not compliant).
 */
export function rehabPlan(j: Judge, c: CaseSnapshot): RuleResult {
  const rule = 'CASE-REHAB-PLAN';
  if (!on(c.rehabPlanOn, j.asOf)) return notMet(rule, 'No rehabilitation plan is recorded');
  const plan = `Rehabilitation plan of ${uk(c.rehabPlanOn)}`;
  if (!c.rehabPlanShared) return notMet(rule, `${plan} is not recorded as shared with stakeholders`);
  const measurable = (c.goals ?? []).filter((g) => hasText(g.text) && hasText(g.measure) && !!g.targetOn);
  if (measurable.length === 0) return notMet(rule, `${plan} is shared with stakeholders, but no goal with a measure and a target date is recorded`);
  const g = measurable[0]!;
  const more = measurable.length > 1 ? ` and ${plural(measurable.length - 1, 'other measurable goal')}` : '';
  return met(j, rule, `${plan} shared with stakeholders, with the goal "${g.text.trim()}" (${g.measure.trim()}, by ${uk(g.targetOn)})${more}`);
}

export function consent(j: Judge, c: CaseSnapshot): RuleResult {
  const rule = 'CASE-CONSENT';
  if (!on(c.consentRecordedOn, j.asOf)) return notMet(rule, 'No consent to share information is recorded');
  const reviewed = on(c.consentReviewedOn, j.asOf) ? c.consentReviewedOn : undefined;
  const last = reviewed ? laterOf(reviewed, c.consentRecordedOn) : c.consentRecordedOn;
  const what =
    last > c.consentRecordedOn
      ? `Consent to share recorded on ${uk(c.consentRecordedOn)}, last reviewed on ${uk(last)}`
      : `Consent to share recorded on ${uk(c.consentRecordedOn)}`;
  const lapses = lapsesOn(last, CONSENT_REVIEW_MONTHS);
  if (j.asOf < lapses) return met(j, rule, `${what}; lapses on ${uk(lapses)}`, lapses);
  return notMet(rule, `${what}, more than 12 months ago (lapsed on ${uk(lapses)})`);
}

/** The latest of a single "last reviewed" date and a history of reviews, on or before as-of. */
function latestReview(single: IsoDate | undefined, history: readonly { on: IsoDate }[] | undefined, asOf: IsoDate): IsoDate | undefined {
  let best = on(single, asOf) ? single : undefined;
  for (const r of history ?? []) if (r.on <= asOf && (best === undefined || r.on > best)) best = r.on;
  return best;
}

export function riskReview(j: Judge, c: CaseSnapshot): RuleResult {
  const rule = 'CASE-RISK-REVIEW';
  const last = latestReview(c.riskReviewedOn, c.riskReviews, j.asOf);
  if (!last) return notMet(rule, 'No risk assessment review is recorded');
  const lapses = lapsesOn(last, RISK_REVIEW_MONTHS);
  const what = `Risk assessment last reviewed on ${uk(last)}`;
  if (j.asOf < lapses) return met(j, rule, `${what}; lapses on ${uk(lapses)}`, lapses);
  return notMet(rule, `${what}, more than 3 months ago (lapsed on ${uk(lapses)})`);
}

/**
 * v2: each instruction dated on or before as-of must be to a supplier that, on the
 * instruction's date, was approved and had no SUP-INDEMNITY, SUP-FITNESS-TO-PRACTISE or SUP-DBS
 * verdict of not_met (vettedOn). An override recorded on the instruction does not make it
 * vetted; it is named in the reason. Instructions are historical facts: no changesOn.
 */
export function suppliersVetted(j: Judge, c: CaseSnapshot, ctx: EngineContext): RuleResult {
  const rule = 'CASE-SUPPLIERS-VETTED';
  const instructions = c.instructions.filter((i) => i.on <= j.asOf);
  if (instructions.length === 0) return met(j, rule, 'No suppliers instructed');
  const failures: string[] = [];
  for (const i of instructions) {
    const supplier = ctx.supplier(i.supplier);
    const override = hasText(i.overrideReason) ? ` (override recorded: ${i.overrideReason.trim()}; an override does not make it vetted)` : '';
    if (!supplier) {
      failures.push(`${i.supplier} instructed on ${uk(i.on)} is not on the supplier list${override}`);
      continue;
    }
    const v = ctx.once(`vetted|${supplier.ref}|${i.on}`, () => vettedOn(supplier, ctx, i.on));
    if (!v.vetted) failures.push(`${supplier.name} (${supplier.ref}) instructed on ${uk(i.on)}: ${v.problems.join('; ')}${override}`);
  }
  if (failures.length > 0) return notMet(rule, failures.join('; '));
  if (instructions.length === 1) {
    const i = instructions[0]!;
    const name = ctx.supplier(i.supplier)!.name;
    return met(j, rule, `${name} (${i.supplier}) was approved, with indemnity, fitness to practise and DBS in order, when instructed on ${uk(i.on)}`);
  }
  return met(
    j,
    rule,
    `All ${plural(instructions.length, 'instruction')} were to suppliers approved, with indemnity, fitness to practise and DBS in order, on the day`,
  );
}

/**
 * CASE-ASSESSMENT-TIMELY: the clock starts at the referral date, else the opening date; the
 * initial needs assessment (`inaOn`) must be on or before start + assessmentDays. Without an
 * assessment by as-of it is due_soon until that last day (whatever the warning window: the
 * clock is running) and not_met after it.
 */
export function assessmentTimely(j: Judge, c: CaseSnapshot, ctx: EngineContext): RuleResult {
  const rule = 'CASE-ASSESSMENT-TIMELY';
  const days = ctx.settings.assessmentDays;
  const start = c.referredOn ?? c.openedOn;
  if (start === undefined) return notMet(rule, 'Referral date not recorded, so the time to the initial needs assessment cannot be judged');
  const from = c.referredOn !== undefined ? `referral on ${uk(start)}` : `opening on ${uk(start)} (no referral date recorded)`;
  const deadline = addDays(start, days);
  const limit = `within ${plural(days, 'day')}`;
  if (on(c.inaOn, j.asOf)) {
    if (c.inaOn <= deadline) return met(j, rule, `Initial needs assessment on ${uk(c.inaOn)}, ${limit} of the ${from}`);
    return notMet(rule, `Initial needs assessment on ${uk(c.inaOn)}, after the last day ${limit} of the ${from} (${uk(deadline)})`);
  }
  if (j.asOf <= deadline) return dueSoon(rule, `No initial needs assessment yet; it is due by ${uk(deadline)}, ${limit} of the ${from}`, nextDay(deadline));
  return notMet(rule, `No initial needs assessment recorded by ${uk(deadline)}, ${limit} of the ${from}`);
}

/**
 * CASE-PLAN-REVIEW: the plan's own date counts as its first review; met while as-of is
 * before the latest of it and the recorded reviews + planReviewMonths. No plan is not met.
 */
export function planReview(j: Judge, c: CaseSnapshot, ctx: EngineContext): RuleResult {
  const rule = 'CASE-PLAN-REVIEW';
  const months = ctx.settings.planReviewMonths;
  if (!on(c.rehabPlanOn, j.asOf)) return notMet(rule, 'No rehabilitation plan is recorded, so there is nothing to review');
  const last = latestReview(c.rehabPlanOn, c.planReviews, j.asOf)!;
  const lapses = lapsesOn(last, months);
  const what = last === c.rehabPlanOn ? `Rehabilitation plan of ${uk(last)}, not reviewed since` : `Rehabilitation plan last reviewed on ${uk(last)}`;
  if (j.asOf < lapses) return met(j, rule, `${what}; the next review is due by ${uk(addDays(lapses, -1))}`, lapses);
  return notMet(rule, `${what}, more than ${plural(months, 'month')} ago (lapsed on ${uk(lapses)})`);
}

// ---------- CASE-INCIDENT-REPORTED ----------
type ReportField = 'lineManagerAt' | 'leadReportedAt' | 'safeguardingLeadAt';
const REPORT_TO: Record<ReportField, string> = {
  lineManagerAt: 'the line manager',
  leadReportedAt: "the firm's incident lead",
  safeguardingLeadAt: 'the safeguarding lead',
};
/** The reports each kind needs (rules.md: every kind to the line manager; incidents and accidents to the incident lead; safeguarding to the safeguarding lead). */
export const REPORTS_NEEDED: Record<Incident['kind'], readonly ReportField[]> = {
  incident: ['lineManagerAt', 'leadReportedAt'],
  accident: ['lineManagerAt', 'leadReportedAt'],
  safeguarding: ['lineManagerAt', 'safeguardingLeadAt'],
  welfare: ['lineManagerAt'],
};
const KIND_WORDS: Record<Incident['kind'], string> = {
  incident: 'Incident',
  accident: 'Accident',
  safeguarding: 'Safeguarding concern',
  welfare: 'Welfare concern',
};

const instant = (local: string | undefined): number => (local !== undefined && isLocalMinute(local) ? londonInstant(local) : Number.NaN);
const when = (local: string): string => `${local.slice(11, 16)} on ${uk(local.slice(0, 10))}`;
function span(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return [h ? plural(h, 'hour') : '', m ? plural(m, 'minute') : ''].filter(Boolean).join(' ') || '0 minutes';
}

/**
 * Every incident identified at or before the judging instant: each report its kind needs must
 * be made within incidentReportHours of identification (inclusive: 48:00 is in time, 48:01
 * late). A report made late is not_met for good; a report not made once the time has run out
 * is not_met from that moment; while the time is running it is due_soon, changing on the
 * London date of the first late minute. No incident recorded is not_applicable.
 */
export function incidentsReported(j: Judge, c: CaseSnapshot, ctx: EngineContext): RuleResult {
  const rule = 'CASE-INCIDENT-REPORTED';
  const hours = ctx.settings.incidentReportHours;
  const limitMs = hours * 3_600_000;
  if (!c.incidents || c.incidents.length === 0) return notApplicable(rule, 'No incident or concern is recorded');
  const now = instantOf(j);
  const incidents = c.incidents.filter((i) => !(instant(i.identifiedAt) > now));
  if (incidents.length === 0) return notApplicable(rule, 'No incident or concern is recorded');
  const late: string[] = [];
  const running: string[] = [];
  let changesOn: IsoDate | undefined;
  const fine: string[] = [];
  for (const i of incidents) {
    const id = instant(i.identifiedAt);
    const what = `${KIND_WORDS[i.kind]} identified at ${when(i.identifiedAt)}`;
    if (Number.isNaN(id)) {
      late.push(`${KIND_WORDS[i.kind]} "${i.summary}" has an identification time that is not a London local time (${i.identifiedAt})`);
      continue;
    }
    const deadline = id + limitMs;
    const gaps: string[] = [];
    const pending: string[] = [];
    for (const field of REPORTS_NEEDED[i.kind]) {
      const at = i[field];
      const t = instant(at);
      const madeBy = !Number.isNaN(t) && t <= now;
      if (madeBy && t <= deadline) continue;
      if (madeBy) gaps.push(`reported to ${REPORT_TO[field]} at ${when(at!)}, ${span(t - id)} after it was identified`);
      else if (now > deadline) gaps.push(`not reported to ${REPORT_TO[field]} within ${plural(hours, 'hour')}`);
      else {
        pending.push(REPORT_TO[field]);
        changesOn = earliest(changesOn, londonDate(new Date(deadline + 60_000)));
      }
    }
    if (gaps.length) late.push(`${what}: ${gaps.join('; ')}`);
    else if (pending.length) running.push(`${what}: still to be reported to ${listWords(pending)} by ${when(londonDateTime(new Date(deadline)))}`);
    else fine.push(i.identifiedAt);
  }
  if (late.length) return notMet(rule, `${late.join('; ')} (every report is due within ${plural(hours, 'hour')})`);
  if (running.length) return dueSoon(rule, running.join('; '), changesOn!);
  return met(
    j,
    rule,
    `${plural(fine.length, 'incident or concern', 'incidents or concerns')} recorded, each reported within ${plural(hours, 'hour')} to everyone its kind needs`,
  );
}
// ---------- CASE-FOLLOW-UP ----------
/**
 * For a case closed with consent to follow-up: a contact within 14 days either side of 3, 6
 * and 9 months after closure (inclusive). A window with a contact is met; one that closed with
 * none is not_met for good; one open with no contact yet is due_soon until it closes; one not
 * yet open is met, changing to due_soon when it opens. No consent is not_applicable.
 */
export function followUp(j: Judge, c: CaseSnapshot): RuleResult {
  const rule = 'CASE-FOLLOW-UP';
  if (c.followUpConsent !== true) {
    return notApplicable(rule, c.followUpConsent === false ? 'The client did not consent to follow-up' : 'No consent to follow-up is recorded');
  }
  const closed = closedOnBy(c, j.asOf);
  if (closed === undefined) return notMet(rule, 'The closing date is not recorded, so the follow-up windows cannot be placed');
  const missed: string[] = [];
  const open: string[] = [];
  const done: string[] = [];
  const later: string[] = [];
  let changesOn: IsoDate | undefined;
  let opensOn: IsoDate | undefined;
  for (const months of FOLLOW_UP_MONTHS) {
    const centre = monthsAfter(closed, months);
    const start = addDays(centre, -FOLLOW_UP_WINDOW_DAYS);
    const end = addDays(centre, FOLLOW_UP_WINDOW_DAYS);
    const window = `${months}-month follow-up (${uk(start)} to ${uk(end)})`;
    const contact = (c.followUps ?? []).find((f) => f.on >= start && f.on <= end && f.on <= j.asOf);
    if (contact) done.push(`${window}: contact on ${uk(contact.on)}`);
    else if (j.asOf > end) missed.push(`${window}: no contact recorded, so it was missed`);
    else if (j.asOf >= start) {
      open.push(`${window}: open, no contact yet`);
      changesOn = earliest(changesOn, nextDay(end));
    } else {
      later.push(`${window}: not yet open`);
      opensOn = earliest(opensOn, start);
    }
  }
  const all = [...done, ...missed, ...open, ...later].join('; ');
  const head = `Closed on ${uk(closed)} with consent to follow-up`;
  if (missed.length) return notMet(rule, `${head}; ${all}`);
  if (open.length) return dueSoon(rule, `${head}; ${all}`, changesOn!);
  return metUntil(rule, `${head}; ${all}`, opensOn);
}

type CaseJudge = (j: Judge, c: CaseSnapshot, ctx: EngineContext) => RuleResult;
const JUDGES: Record<string, CaseJudge> = {
  'CASE-REHAB-PRESCRIPTION': (j, c) => rehabPrescription(j, c),
  'CASE-PRE-INA': (j, c) => preIna(j, c),
  'CASE-NHS-CONTACT': (j, c) => nhsContact(j, c),
  'CASE-REHAB-PLAN': (j, c) => rehabPlan(j, c),
  'CASE-CONSENT': (j, c) => consent(j, c),
  'CASE-RISK-REVIEW': (j, c) => riskReview(j, c),
  'CASE-SUPPLIERS-VETTED': suppliersVetted,
  'CASE-ASSESSMENT-TIMELY': assessmentTimely,
  'CASE-PLAN-REVIEW': planReview,
  'CASE-INCIDENT-REPORTED': incidentsReported,
  'CASE-FOLLOW-UP': (j, c) => followUp(j, c),
} satisfies Record<Extract<RuleId, `CASE-${string}`>, CaseJudge>;
const CASE_RULES: readonly RuleId[] = rulesFor('case').map((r) => r.id);

/** Every CASE-* rule for one case, in catalogue order. */
export function caseResults(c: CaseSnapshot, ctx: EngineContext): RuleResult[] {
  const j = ctx.judge;
  const status = caseStatusOn(c, j.asOf);
  // Why a rule does not apply differs by rule only for the follow-up (notApplicableReason), so it
  // is worked out once per case, not once per rule: at firm scale 10,000 closed cases and referrals
  // have a dozen rules each that do not apply.
  let why: string | undefined;
  let whyFollowUp: string | undefined;
  return CASE_RULES.map((rule) => {
    if (status !== undefined && APPLIES[status].has(rule)) return JUDGES[rule]!(j, c, ctx);
    const reason =
      rule === 'CASE-FOLLOW-UP' ? (whyFollowUp ??= notApplicableReason(c, status, j.asOf, rule)) : (why ??= notApplicableReason(c, status, j.asOf, rule));
    return notApplicable(rule, reason);
  });
}
