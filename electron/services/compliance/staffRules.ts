// Rules for case managers (STAFF-*), rules.md version 2. One function per rule; each
// returns one RuleResult. Dates go through the conventions (window.ts): anniversaries for
// "N months after", clamped subtraction for "N months before", expiry dates as the last
// valid day, records dated after as-of ignored, numbers compared unrounded.
import type { RuleResult } from '../../contract/compliance';
import { isAbove, sameName, shownFigure } from '../../contract/conventions';
import type { IsoDate } from '../../contract/dates';
import type { CpdEntry, PeerReview, Registration, StaffSnapshot, Training } from '../../contract/model';
import { PEER_REVIEW_AREAS } from '../../contract/model';
import type { RuleId } from '../../contract/rules';
import { courseName, isFreeTextKind, trainingCategories, type RuleTrainingCategory } from '../../contract/training';
import type { ElsewhereLoad } from '../../contract/caseload';
import { outsideLoadOn } from './caseload';
import type { EngineContext } from './context';
import { coverResult } from './cover';
import { dbsResult } from './dbs';
import { currentPolicy, policyName } from './orgRules';
import {
  addDays,
  capitalise,
  earliest,
  hasText,
  type Judge,
  lapsesOn,
  latestOnOrBefore,
  listWords,
  met,
  monthsAfter,
  monthsEarlier,
  nextDay,
  notMet,
  plural,
  uk,
} from './window';

export const STAFF_INDEMNITY_MIN_GBP = 5_000_000;
export const PEER_REVIEW_MONTHS = 6;
export const PEER_REVIEW_SCOPE_MONTHS = 12;
export const REGISTRATION_CHECK_MONTHS = 12;
export const TRAINING_RULES: readonly { rule: RuleId; kind: RuleTrainingCategory; months: number; words: string }[] = [
  { rule: 'STAFF-TRAINING-SAFEGUARDING', kind: 'safeguarding', months: 36, words: 'safeguarding training' },
  { rule: 'STAFF-TRAINING-MCA', kind: 'mental-capacity', months: 36, words: 'mental capacity training' },
  { rule: 'STAFF-TRAINING-INFOSEC', kind: 'infosec', months: 12, words: 'information security training' },
];
/** The policies STAFF-POLICY-ACK asks every case manager to acknowledge. */
export const ACKNOWLEDGED_POLICIES = ['whistleblowing', 'lone-working'] as const;

// ---------- experience ----------
function experience(j: Judge, rule: RuleId, since: IsoDate | undefined, years: number, what: string): RuleResult {
  if (!since) return notMet(rule, `The date ${what} is not recorded`);
  const reached = monthsAfter(since, years * 12);
  if (reached <= j.asOf) return met(j, rule, `${capitalise(what)} ${uk(since)}, at least ${years} years before ${uk(j.asOf)}`);
  return notMet(rule, `${capitalise(what)} ${uk(since)}; ${years} years are reached on ${uk(reached)}`, reached);
}

export function experienceCm(j: Judge, s: StaffSnapshot): RuleResult {
  return experience(j, 'STAFF-EXPERIENCE-CM', s.caseManagementSince, 2, 'case management started on');
}
export function experienceQual(j: Judge, s: StaffSnapshot): RuleResult {
  return experience(j, 'STAFF-EXPERIENCE-QUAL', s.qualifiedOn, 3, 'qualified on');
}

// ---------- CPD over two 12-month periods ----------
// Period 1 = (asOf - 12 months, asOf], period 2 = (asOf - 24 months, asOf - 12 months],
// months subtracted with clamping (rules.md "CPD periods"). Entries dated after as-of are
// ignored. As time passes with no new entries, an entry dated d sits in period 2 from the day
// it leaves period 1 until the day it leaves period 2; period 1 empties when the latest entry
// leaves it. changesOn follows from those dates (see cpdChangesOn).

/**
 * The first day t with t - `months` (clamped) >= d: the day an entry dated d leaves a window
 * of `months`. It is d's anniversary: on the same day of the month t - months = d; where that
 * day does not exist the anniversary is the 1st of the next month, the day before it clamps
 * to a date before d, and the 1st less `months` is after d. So 29/02/2024 leaves a 12-month
 * window on 01/03/2025, as "within the last 12 months" says.
 */
export function leavesWindowOn(d: IsoDate, months: number): IsoDate {
  return monthsAfter(d, months);
}

interface CpdPeriods {
  recent?: CpdEntry; // latest entry in period 1
  earlier?: CpdEntry; // latest entry in period 2
  start1: IsoDate; // first day of period 1
  start2: IsoDate; // first day of period 2
}

function cpdPeriods(sorted: readonly CpdEntry[], asOf: IsoDate): CpdPeriods {
  const b1 = monthsEarlier(asOf, 12);
  const b2 = monthsEarlier(asOf, 24);
  let recent: CpdEntry | undefined;
  let earlier: CpdEntry | undefined;
  for (const e of sorted) {
    if (e.date > asOf) break;
    if (e.date > b1) recent = e;
    else if (e.date > b2) earlier = e;
  }
  return { recent, earlier, start1: nextDay(b1), start2: nextDay(b2) };
}

/**
 * The first day after as-of on which the CPD answer changes, given only the entries on
 * record (sorted, none after as-of); undefined when it never changes.
 */
function cpdChangesOn(sorted: readonly CpdEntry[], asOf: IsoDate, now: CpdPeriods): IsoDate | undefined {
  // With period 1 empty now it stays empty: the answer stays "not met".
  if (!now.recent) return undefined;
  const recentEmptiesOn = leavesWindowOn(sorted[sorted.length - 1]!.date, 12);
  if (now.earlier) {
    // Met: period 2 stays filled while the spans [leaves period 1, leaves period 2) of the
    // entries overlap or touch; `until` is the first day no span covers. Spans start in date order.
    let until = asOf;
    for (const e of sorted) {
      if (leavesWindowOn(e.date, 12) > until) break;
      const stop = leavesWindowOn(e.date, 24);
      if (stop > until) until = stop;
    }
    return until < recentEmptiesOn ? until : recentEmptiesOn;
  }
  // Not met, with period 2 empty: met from the day the first entry moves into period 2,
  // provided period 1 still holds an entry then.
  for (const e of sorted) {
    const enters = leavesWindowOn(e.date, 12);
    if (enters > asOf) return enters < recentEmptiesOn ? enters : undefined;
  }
  return undefined;
}

export function cpd(j: Judge, s: StaffSnapshot): RuleResult {
  const rule = 'STAFF-CPD-2Y';
  const sorted = s.cpd.filter((e) => e.date <= j.asOf).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const now = cpdPeriods(sorted, j.asOf);
  const changesOn = cpdChangesOn(sorted, j.asOf, now);
  if (now.recent && now.earlier) {
    const r = now.recent;
    const e = now.earlier;
    return met(
      j,
      rule,
      `CPD in both of the last two years: "${r.topic}" (${r.provider}) on ${uk(r.date)} and "${e.topic}" (${e.provider}) on ${uk(e.date)}`,
      changesOn,
    );
  }
  if (sorted.length === 0) return notMet(rule, s.cpd.length === 0 ? 'No CPD is recorded' : `No CPD dated on or before ${uk(j.asOf)} is recorded`);
  const gaps: string[] = [];
  if (!now.recent) gaps.push(`${uk(now.start1)} and ${uk(j.asOf)}`);
  if (!now.earlier) gaps.push(`${uk(now.start2)} and ${uk(addDays(now.start1, -1))}`);
  return notMet(rule, `No CPD recorded between ${gaps.join(' or between ')}`, changesOn);
}

// ---------- caseload ----------
/**
 * STAFF-CASELOAD's test, shared with the caseload screen: open-active cases per working day,
 * compared unrounded with the limit (8.004 is above 8); only the words round the figure. Cases
 * held outside the firm (MTSP Practitioner H "from all sources") add their cases and days.
 */
export function caseloadJudgement(
  openActive: number,
  daysPerWeek: number | undefined | null,
  max: number,
  elsewhere?: ElsewhereLoad | null,
): { status: 'met' | 'not_met'; reason: string } {
  const e = elsewhere ?? null;
  const total = openActive + (e?.openActive ?? 0);
  const where = e ? ` (${openActive} with the firm, ${e.openActive} held elsewhere for ${listWords(e.sources)})` : '';
  const cases = plural(total, 'open-active case') + where;
  if (daysPerWeek === undefined || daysPerWeek === null) return { status: 'not_met', reason: `Working days per week are not recorded (${cases})` };
  if (!(daysPerWeek > 0)) return { status: 'not_met', reason: `0 working days a week are recorded, so ${cases} cannot be a manageable load` };
  const days = daysPerWeek + (e?.daysPerWeek ?? 0);
  const perDay = total / days;
  const shown = shownFigure(perDay);
  const limit = shownFigure(max);
  const dayWords = e
    ? `${shownFigure(days)} day${days === 1 ? '' : 's'} a week (${shownFigure(daysPerWeek)} with the firm, ${shownFigure(e.daysPerWeek)} elsewhere)`
    : `${plural(daysPerWeek, 'day')} a week`;
  const figures = `${cases} over ${dayWords} = ${shown} a day`;
  if (!isAbove(perDay, max)) return { status: 'met', reason: `${figures}, within the firm's limit of ${limit}` };
  const just = shown === limit ? ' (just above, before rounding)' : '';
  return { status: 'not_met', reason: `${figures}, above the firm's limit of ${limit}${just}` };
}

export function caseload(j: Judge, s: StaffSnapshot, ctx: EngineContext): RuleResult {
  const rule = 'STAFF-CASELOAD';
  const v = caseloadJudgement(ctx.openActive(s.ref), s.daysPerWeek, ctx.settings.caseloadPerDayMax, outsideLoadOn(s.outsideCaseload, j.asOf));
  return v.status === 'met' ? met(j, rule, v.reason) : notMet(rule, v.reason);
}

// ---------- peer review ----------
// Reviews by someone other than the person, worked out once per staff member (names compared ignoring case and spacing).
const othersMemo = new WeakMap<readonly PeerReview[], PeerReview[]>();
const byOthers = (s: StaffSnapshot, reviews: readonly PeerReview[]): PeerReview[] => {
  let hit = othersMemo.get(reviews);
  if (hit === undefined) {
    hit = reviews.filter((p) => !sameName(p.reviewer, s.name));
    othersMemo.set(reviews, hit);
  }
  return hit;
};

export function peerReview(j: Judge, s: StaffSnapshot): RuleResult {
  const rule = 'STAFF-PEER-REVIEW';
  const self = latestOnOrBefore(
    s.peerReviews.filter((p) => sameName(p.reviewer, s.name)),
    (p) => p.date,
    j.asOf,
  );
  const selfNote = self ? `; the review of ${uk(self.date)} was by ${s.name} themself, so it does not count` : '';
  const latest = latestOnOrBefore(byOthers(s, s.peerReviews), (p) => p.date, j.asOf);
  if (!latest) return notMet(rule, `No peer review by someone other than ${s.name} is recorded${selfNote}`);
  const lapses = lapsesOn(latest.date, PEER_REVIEW_MONTHS);
  const what = `Latest peer review on ${uk(latest.date)} by ${latest.reviewer}`;
  if (j.asOf < lapses) return met(j, rule, `${what}; lapses on ${uk(lapses)}`, lapses);
  return notMet(rule, `${what}, more than 6 months ago (lapsed on ${uk(lapses)})${selfNote}`);
}

const AREA_WORDS: Record<(typeof PEER_REVIEW_AREAS)[number], string> = {
  'decision-making': 'decision making',
  interventions: 'interventions',
  communications: 'communications',
  'goal-setting': 'goal setting',
};

export function peerReviewScope(j: Judge, s: StaffSnapshot): RuleResult {
  const rule = 'STAFF-PEER-REVIEW-SCOPE';
  const recent = byOthers(s, s.peerReviews).filter((p) => p.date <= j.asOf && j.asOf < lapsesOn(p.date, PEER_REVIEW_SCOPE_MONTHS));
  if (recent.length === 0) return notMet(rule, `No peer review by someone other than ${s.name} in the 12 months to ${uk(j.asOf)}`);
  const dates = listWords([...recent].sort((a, b) => (a.date < b.date ? -1 : 1)).map((p) => uk(p.date)));
  const missing = PEER_REVIEW_AREAS.filter((a) => !recent.some((p) => p.areas?.includes(a)));
  const cases = recent.reduce((n, p) => n + (p.casesReviewed ?? 0), 0);
  const gaps: string[] = [];
  if (missing.length) gaps.push(`did not cover ${listWords(missing.map((a) => AREA_WORDS[a]))}`);
  if (cases < 1) gaps.push('record no case reviewed');
  const of = `The peer ${recent.length === 1 ? 'review' : 'reviews'} of the last 12 months (${dates})`;
  if (gaps.length) return notMet(rule, `${of} ${gaps.join(' and ')}`);
  // Met until the first area (or the cases) is no longer covered by a review still in the window.
  let until: IsoDate | undefined;
  for (const a of PEER_REVIEW_AREAS) {
    const last = latestOnOrBefore(
      recent.filter((p) => p.areas?.includes(a)),
      (p) => p.date,
      j.asOf,
    )!;
    until = earliest(until, lapsesOn(last.date, PEER_REVIEW_SCOPE_MONTHS));
  }
  const lastWithCases = latestOnOrBefore(
    recent.filter((p) => (p.casesReviewed ?? 0) >= 1),
    (p) => p.date,
    j.asOf,
  )!;
  until = earliest(until, lapsesOn(lastWithCases.date, PEER_REVIEW_SCOPE_MONTHS));
  return met(j, rule, `${of} covered decision making, interventions, communications and goal setting, and ${plural(cases, 'case')}`, until);
}

// ---------- registration ----------
// A registration is in force on as-of when it has an expiry date ("registered until", the
// last valid day) on or after as-of; one with no expiry date answers no rule. It counts when
// it is in force, has no restriction and was checked on the register on or before as-of
// within the last 12 months; it stops counting the day after its expiry or 12 months after
// the check, whichever comes first, and the one that counts longest wins. v2: any
// registration in force with a restriction, condition or suspension fails the rule.
export function registration(j: Judge, s: StaffSnapshot): RuleResult {
  const rule = 'STAFF-REGISTRATION';
  if (s.registrations.length === 0) return notMet(rule, 'No professional registration is recorded');
  const label = (r: Registration) => `${r.body} ${r.number}`;
  const inForce = s.registrations.filter((r) => r.expiresOn !== undefined && j.asOf <= r.expiresOn);
  const restricted = inForce.filter((r) => hasText(r.restriction));
  if (restricted.length > 0) {
    return notMet(
      rule,
      `${listWords(restricted.map((r) => `${label(r)} has a restriction recorded (${r.restriction!.trim()})`))}; a restricted registration in force fails the rule whatever the others show`,
    );
  }
  let best: { r: Registration; until: IsoDate } | undefined;
  const problems: string[] = [];
  for (const r of s.registrations) {
    if (r.expiresOn === undefined) {
      problems.push(`${label(r)} has no expiry date recorded, so it does not count as in force`);
      continue;
    }
    if (r.expiresOn < j.asOf) {
      problems.push(`${label(r)} expired on ${uk(r.expiresOn)}`);
      continue;
    }
    if (!r.lastCheckedOn || r.lastCheckedOn > j.asOf) {
      problems.push(`${label(r)} has no check on the register recorded`);
      continue;
    }
    const checkLapses = lapsesOn(r.lastCheckedOn, REGISTRATION_CHECK_MONTHS);
    if (checkLapses <= j.asOf) {
      problems.push(`${label(r)} was last checked on the register on ${uk(r.lastCheckedOn)}, more than 12 months ago`);
      continue;
    }
    const afterExpiry = nextDay(r.expiresOn);
    const until = afterExpiry < checkLapses ? afterExpiry : checkLapses;
    if (!best || until > best.until) best = { r, until };
  }
  if (best) {
    const r = best.r;
    return met(
      j,
      rule,
      `${r.body} registration ${r.number} runs to ${uk(r.expiresOn!)}, checked on the register ${uk(r.lastCheckedOn!)}, no restriction recorded; lapses on ${uk(best.until)}`,
      best.until,
    );
  }
  return notMet(rule, capitalise(problems.join('; ')));
}

// ---------- training ----------
const quoted = (t: Training) => `"${courseName(t)}"`;

export function training(j: Judge, s: StaffSnapshot, t: (typeof TRAINING_RULES)[number]): RuleResult {
  const ofKind = s.training.filter((x) => trainingCategories(x).includes(t.kind));
  const latest = latestOnOrBefore(ofKind, (x) => x.completedOn, j.asOf);
  if (latest) {
    const lapses = lapsesOn(latest.completedOn, t.months);
    if (j.asOf < lapses) {
      const by = latest.provider ? ` with ${latest.provider}` : '';
      // A course recorded only by its category is not named twice ("Safeguarding training "Safeguarding"").
      const named = latest.title?.trim() || isFreeTextKind(latest) ? ` ${quoted(latest)}` : '';
      return met(j, t.rule, `${capitalise(t.words)}${named} completed on ${uk(latest.completedOn)}${by}; lapses on ${uk(lapses)}`, lapses);
    }
  }
  // Not met: say which courses were recorded but did not count, and why.
  const notCounted: string[] = [];
  for (const x of ofKind) {
    if (x.completedOn > j.asOf) notCounted.push(`${quoted(x)} completed on ${uk(x.completedOn)}, after ${uk(j.asOf)}`);
    else
      notCounted.push(
        `${quoted(x)} completed on ${uk(x.completedOn)}, more than ${t.months} months before (lapsed on ${uk(lapsesOn(x.completedOn, t.months))})`,
      );
  }
  for (const x of s.training) {
    if (trainingCategories(x).length > 0) continue;
    notCounted.push(
      isFreeTextKind(x)
        ? `${quoted(x)}, whose name does not say safeguarding, mental capacity or information security`
        : `${quoted(x)}, recorded as other training`,
    );
  }
  const head = ofKind.length === 0 ? `No ${t.words} is recorded` : `No ${t.words} completed in the ${t.months} months to ${uk(j.asOf)}`;
  return notMet(t.rule, notCounted.length ? `${head}; recorded but not counted: ${notCounted.join('; ')}` : head);
}

// ---------- indemnity, DBS, sole working ----------
export function indemnity(j: Judge, s: StaffSnapshot): RuleResult {
  return coverResult(j, 'STAFF-INDEMNITY', s.indemnity, STAFF_INDEMNITY_MIN_GBP);
}

export function dbs(j: Judge, s: StaffSnapshot): RuleResult {
  return dbsResult(j, 'STAFF-DBS', s.dbs);
}

/**
 * v2: met when employed by the firm and not recorded as a sole practitioner, recorded as not
 * a sole practitioner, or a sole practitioner with safeguards recorded. A self-employed or
 * subcontracted person, or anyone whose employment is not recorded, with the question
 * unanswered is not met ("not recorded").
 */
export function solePractitioner(j: Judge, s: StaffSnapshot): RuleResult {
  const rule = 'STAFF-SOLE-PRACTITIONER';
  if (s.solePractitioner === true) {
    if (hasText(s.soleWorkingSafeguards)) return met(j, rule, `Sole practitioner with safeguards recorded: ${s.soleWorkingSafeguards.trim()}`);
    return notMet(rule, 'Sole practitioner with no safeguards for sole working recorded');
  }
  if (s.solePractitioner === false) return met(j, rule, 'Recorded as not a sole practitioner');
  if (s.employment === 'employed') return met(j, rule, 'Employed by the firm and not recorded as a sole practitioner');
  const who = s.employment === 'self-employed' ? 'self-employed' : s.employment === 'subcontractor' ? 'a subcontractor' : undefined;
  return notMet(
    rule,
    who
      ? `Not recorded whether ${s.name} (${who}) works as a sole practitioner`
      : `Not recorded whether ${s.name} works as a sole practitioner, nor whether they are employed by the firm`,
  );
}

/**
 * STAFF-POLICY-ACK: for each of the firm's whistleblowing and lone-working policies, the
 * person acknowledged its latest review on or before as-of (an acknowledgement dated on or
 * after that review). A policy with no current review (none in the last 12 months) fails it:
 * there is nothing current to acknowledge. Met until the first of those reviews lapses, or
 * until a later review already on record, which the person must acknowledge again.
 */
export function policyAck(j: Judge, s: StaffSnapshot, ctx: EngineContext): RuleResult {
  const rule = 'STAFF-POLICY-ACK';
  const problems: string[] = [];
  const done: string[] = [];
  let until: IsoDate | undefined;
  for (const kind of ACKNOWLEDGED_POLICIES) {
    const name = policyName(kind).toLowerCase();
    const current = currentPolicy(ctx.snapshot.firm, kind, j.asOf);
    if (!current.policy) {
      problems.push(`no current ${name} policy to acknowledge${current.lapsed ? ` (the latest review, on ${uk(current.lapsed.reviewedOn)}, has lapsed)` : ''}`);
      continue;
    }
    const reviewed = current.policy.reviewedOn;
    const acks = (s.policyAcknowledgements ?? []).filter((a) => a.policy === kind);
    const ack = latestOnOrBefore(acks, (a) => a.on, j.asOf);
    if (!ack) {
      problems.push(`${s.name} has not acknowledged the ${name} policy reviewed on ${uk(reviewed)}`);
      continue;
    }
    if (ack.on < reviewed) {
      problems.push(`${s.name} acknowledged the ${name} policy on ${uk(ack.on)}, before its latest review on ${uk(reviewed)}`);
      continue;
    }
    done.push(`the ${name} policy reviewed on ${uk(reviewed)} (acknowledged ${uk(ack.on)})`);
    until = earliest(until, earliest(current.lapsesOn, current.nextReviewOn));
  }
  if (problems.length) return notMet(rule, capitalise(problems.join('; ')));
  return met(j, rule, `${s.name} has acknowledged ${listWords(done)}`, until);
}

/** Every STAFF-* rule for one case manager, in catalogue order (before exemptions). */
export function staffResults(s: StaffSnapshot, ctx: EngineContext): RuleResult[] {
  const j = ctx.judge;
  return [
    experienceCm(j, s),
    experienceQual(j, s),
    cpd(j, s),
    caseload(j, s, ctx),
    peerReview(j, s),
    peerReviewScope(j, s),
    registration(j, s),
    ...TRAINING_RULES.map((t) => training(j, s, t)),
    indemnity(j, s),
    dbs(j, s),
    solePractitioner(j, s),
    policyAck(j, s, ctx),
  ];
}
