// Rules for case managers (STAFF-*). One function per rule; each returns one RuleResult.
import type { RuleResult } from '../../contract/compliance';
import type { IsoDate } from '../../contract/dates';
import type { CpdEntry, Registration, StaffSnapshot } from '../../contract/model';
import { round2 } from './caseload';
import type { EngineContext } from './context';
import { coverResult } from './cover';
import { dbsResult } from './dbs';
import { addDays, addMonths, hasText, type Judge, lapsesOn, latestOnOrBefore, met, nextDay, notMet, plural, uk } from './window';

export const STAFF_INDEMNITY_MIN_GBP = 5_000_000;
export const PEER_REVIEW_MONTHS = 6;
export const REGISTRATION_CHECK_MONTHS = 12;
export const TRAINING_RULES = [
  { rule: 'STAFF-TRAINING-SAFEGUARDING', kind: 'safeguarding', months: 36, words: 'Safeguarding training' },
  { rule: 'STAFF-TRAINING-MCA', kind: 'mental-capacity', months: 36, words: 'Mental capacity training' },
  { rule: 'STAFF-TRAINING-INFOSEC', kind: 'infosec', months: 12, words: 'Information security training' },
] as const;

// ---------- experience ----------
function experience(j: Judge, rule: string, since: IsoDate | undefined, years: number, what: string): RuleResult {
  if (!since) return notMet(rule, `The date ${what} is not recorded`);
  const reached = addMonths(since, years * 12);
  if (reached <= j.asOf) return met(j, rule, `${capital(what)} ${uk(since)}, at least ${years} years before ${uk(j.asOf)}`);
  return notMet(rule, `${capital(what)} ${uk(since)}; ${years} years are reached on ${uk(reached)}`, reached);
}
const capital = (s: string): string => s[0]!.toUpperCase() + s.slice(1);

export function experienceCm(j: Judge, s: StaffSnapshot): RuleResult {
  return experience(j, 'STAFF-EXPERIENCE-CM', s.caseManagementSince, 2, 'case management started on');
}
export function experienceQual(j: Judge, s: StaffSnapshot): RuleResult {
  return experience(j, 'STAFF-EXPERIENCE-QUAL', s.qualifiedOn, 3, 'qualified on');
}

// ---------- CPD over two 12-month periods ----------
// Period 1 = (asOf - 12 months, asOf], period 2 = (asOf - 24 months, asOf - 12 months].
// Entries dated after as-of are ignored. As time passes with no new entries, an entry dated
// d sits in period 2 from the day it leaves period 1 (leavesWindowOn(d, 12)) until the day
// it leaves period 2 (leavesWindowOn(d, 24)); period 1 empties when the latest entry leaves
// it. changesOn follows from those dates (see cpdChangesOn).

/** The first day t with addMonths(t, -months) >= d: the day an entry dated d leaves a window of `months`. */
export function leavesWindowOn(d: IsoDate, months: number): IsoDate {
  let t = addMonths(d, months);
  if (t.slice(8) === d.slice(8)) return t; // same day of the month: no month-end clamping
  while (addMonths(t, -months) < d) t = nextDay(t); // clamped (29 February): step to the first day that works
  return t;
}

interface CpdPeriods {
  recent?: CpdEntry; // latest entry in period 1
  earlier?: CpdEntry; // latest entry in period 2
  start1: IsoDate; // first day of period 1
  start2: IsoDate; // first day of period 2
}

function cpdPeriods(sorted: readonly CpdEntry[], asOf: IsoDate): CpdPeriods {
  const b1 = addMonths(asOf, -12);
  const b2 = addMonths(asOf, -24);
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
export function caseload(j: Judge, s: StaffSnapshot, ctx: EngineContext): RuleResult {
  const rule = 'STAFF-CASELOAD';
  const openActive = ctx.openActive(s.ref);
  const cases = plural(openActive, 'open-active case');
  if (s.daysPerWeek === undefined) return notMet(rule, `Working days per week are not recorded (${cases})`);
  const perDay = round2(openActive / s.daysPerWeek);
  const max = ctx.settings.caseloadPerDayMax;
  const figures = `${cases} over ${plural(s.daysPerWeek, 'day')} a week = ${perDay} a day`;
  if (perDay <= max) return met(j, rule, `${figures}, within the firm's limit of ${max}`);
  return notMet(rule, `${figures}, above the firm's limit of ${max}`);
}

// ---------- peer review ----------
export function peerReview(j: Judge, s: StaffSnapshot): RuleResult {
  const rule = 'STAFF-PEER-REVIEW';
  const latest = latestOnOrBefore(s.peerReviews, (p) => p.date, j.asOf);
  if (!latest) return notMet(rule, 'No peer review is recorded');
  const lapses = lapsesOn(latest.date, PEER_REVIEW_MONTHS);
  const what = `Latest peer review on ${uk(latest.date)} by ${latest.reviewer}`;
  if (j.asOf < lapses) return met(j, rule, `${what}; lapses on ${uk(lapses)}`, lapses);
  return notMet(rule, `${what}, more than 6 months ago (lapsed on ${uk(lapses)})`);
}

// ---------- registration ----------
// A registration counts when it has an expiry date after as-of, no restriction, and a
// register check on or before as-of within the last 12 months. It stops counting on its
// expiry date or 12 months after the check, whichever comes first; the registration that
// counts longest wins.
function registrationProblem(r: Registration, asOf: IsoDate): string | undefined {
  if (hasText(r.restriction)) return `has a restriction recorded (${r.restriction.trim()})`;
  if (!r.expiresOn) return 'has no expiry date recorded';
  if (r.expiresOn <= asOf) return `expired on ${uk(r.expiresOn)}`;
  if (!r.lastCheckedOn || r.lastCheckedOn > asOf) return 'has no check on the register recorded';
  const lapse = lapsesOn(r.lastCheckedOn, REGISTRATION_CHECK_MONTHS);
  if (lapse <= asOf) return `was last checked on the register on ${uk(r.lastCheckedOn)}, more than 12 months ago`;
  return undefined;
}

export function registration(j: Judge, s: StaffSnapshot): RuleResult {
  const rule = 'STAFF-REGISTRATION';
  if (s.registrations.length === 0) return notMet(rule, 'No professional registration is recorded');
  let best: { r: Registration; until: IsoDate } | undefined;
  const problems: string[] = [];
  for (const r of s.registrations) {
    const problem = registrationProblem(r, j.asOf);
    if (problem) {
      problems.push(`${r.body} ${r.number} ${problem}`);
      continue;
    }
    const checkLapses = lapsesOn(r.lastCheckedOn!, REGISTRATION_CHECK_MONTHS);
    const until = r.expiresOn! < checkLapses ? r.expiresOn! : checkLapses;
    if (!best || until > best.until) best = { r, until };
  }
  if (best) {
    const r = best.r;
    return met(
      j,
      rule,
      `${r.body} registration ${r.number} runs to ${uk(r.expiresOn!)}, checked on the register ${uk(r.lastCheckedOn!)}; lapses on ${uk(best.until)}`,
      best.until,
    );
  }
  return notMet(rule, problems.join('; '));
}

// ---------- training ----------
const normaliseKind = (k: string): string => k.trim().toLowerCase();

export function training(j: Judge, s: StaffSnapshot, t: (typeof TRAINING_RULES)[number]): RuleResult {
  const latest = latestOnOrBefore(
    s.training.filter((x) => normaliseKind(x.kind) === t.kind),
    (x) => x.completedOn,
    j.asOf,
  );
  if (!latest) return notMet(t.rule, `No ${t.words.toLowerCase()} is recorded`);
  const lapses = lapsesOn(latest.completedOn, t.months);
  const by = latest.provider ? ` with ${latest.provider}` : '';
  const what = `${t.words} completed on ${uk(latest.completedOn)}${by}`;
  if (j.asOf < lapses) return met(j, t.rule, `${what}; lapses on ${uk(lapses)}`, lapses);
  return notMet(t.rule, `${what}, more than ${t.months} months ago (lapsed on ${uk(lapses)})`);
}

// ---------- indemnity, DBS, sole working ----------
export function indemnity(j: Judge, s: StaffSnapshot): RuleResult {
  return coverResult(j, 'STAFF-INDEMNITY', s.indemnity, STAFF_INDEMNITY_MIN_GBP);
}

export function dbs(j: Judge, s: StaffSnapshot): RuleResult {
  return dbsResult(j, 'STAFF-DBS', s.dbs);
}

export function solePractitioner(j: Judge, s: StaffSnapshot): RuleResult {
  const rule = 'STAFF-SOLE-PRACTITIONER';
  if (!s.solePractitioner) return met(j, rule, 'Not recorded as a sole practitioner');
  if (hasText(s.soleWorkingSafeguards)) return met(j, rule, `Sole practitioner with safeguards recorded: ${s.soleWorkingSafeguards.trim()}`);
  return notMet(rule, 'Sole practitioner with no safeguards for sole working recorded');
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
    registration(j, s),
    ...TRAINING_RULES.map((t) => training(j, s, t)),
    indemnity(j, s),
    dbs(j, s),
    solePractitioner(j, s),
  ];
}
