// Shared logic for the compliance rules: the judging context (as-of, the instant it stands
// for and the warning window), result constructors that decide met / due_soon, and memoised
// wrappers of the conventions in contract/conventions.ts (the engine calls them many
// thousands of times over a large firm, with heavily repeated arguments). Every date rule
// reaches the conventions through this file: no rule does its own month arithmetic.
import type { RuleResult } from '../../contract/compliance';
import { addDaysTo, anniversary, assumedPolicyStart, endOfDayInstant, monthsBefore } from '../../contract/conventions';
import { pounds, ukDate, type IsoDate } from '../../contract/dates';
import type { RuleId } from '../../contract/rules';

// ---------- memoised date helpers ----------
// Keyed by the offset, then the date; each table is cleared when it grows past a limit.
const MEMO_LIMIT = 20_000;
const anniversaryMemo = new Map<number, Map<string, IsoDate>>();
const beforeMemo = new Map<number, Map<string, IsoDate>>();
const daysMemo = new Map<number, Map<string, IsoDate>>();
const ukMemo = new Map<string, string>();
const poundsMemo = new Map<number, string>();

function shifted(table: Map<number, Map<string, IsoDate>>, d: IsoDate, n: number, shift: (d: IsoDate, n: number) => IsoDate): IsoDate {
  let byDate = table.get(n);
  if (byDate === undefined) {
    byDate = new Map();
    table.set(n, byDate);
  }
  let hit = byDate.get(d);
  if (hit === undefined) {
    if (byDate.size >= MEMO_LIMIT) byDate.clear();
    hit = shift(d, n);
    byDate.set(d, hit);
  }
  return hit;
}

/** E + N months by the anniversary convention (a missing day moves to the 1st of the next month), memoised. */
export function monthsAfter(d: IsoDate, n: number): IsoDate {
  return shifted(anniversaryMemo, d, n, anniversary);
}
/** D less N months, clamped to the month's end, memoised. */
export function monthsEarlier(d: IsoDate, n: number): IsoDate {
  return shifted(beforeMemo, d, n, monthsBefore);
}
/** D + N days, memoised. */
export function addDays(d: IsoDate, n: number): IsoDate {
  return shifted(daysMemo, d, n, addDaysTo);
}
/** The next calendar day. */
export function nextDay(d: IsoDate): IsoDate {
  return addDays(d, 1);
}
const policyStartMemo = new Map<IsoDate, IsoDate>();
/** A policy's start: its own, or (no start date) the day after 12 months before its expiry; memoised. */
export function startOfPolicy(p: { startsOn?: IsoDate; expiresOn: IsoDate }): IsoDate {
  if (p.startsOn !== undefined) return p.startsOn;
  let hit = policyStartMemo.get(p.expiresOn);
  if (hit === undefined) {
    if (policyStartMemo.size >= MEMO_LIMIT) policyStartMemo.clear();
    hit = assumedPolicyStart(p.expiresOn);
    policyStartMemo.set(p.expiresOn, hit);
  }
  return hit;
}
/** UK display date (dd/MM/yyyy), memoised. */
export function uk(d: IsoDate): string {
  let hit = ukMemo.get(d);
  if (hit === undefined) {
    if (ukMemo.size >= MEMO_LIMIT) ukMemo.clear();
    hit = ukDate(d);
    ukMemo.set(d, hit);
  }
  return hit;
}
/** Money in pounds (£5,000,000), memoised: Intl formatting is slow. */
export function money(n: number): string {
  let hit = poundsMemo.get(n);
  if (hit === undefined) {
    if (poundsMemo.size >= MEMO_LIMIT) poundsMemo.clear();
    hit = pounds(n);
    poundsMemo.set(n, hit);
  }
  return hit;
}

/** The later of two ISO dates (ISO strings order as dates). */
export function laterOf(a: IsoDate, b: IsoDate): IsoDate {
  return a >= b ? a : b;
}
/** The earlier of two dates, either of which may be missing. */
export function earliest(a: IsoDate | undefined, b: IsoDate | undefined): IsoDate | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return a <= b ? a : b;
}

// ---------- judging ----------
export interface Judge {
  asOf: IsoDate;
  /** The instant (epoch ms) the judgement stands at: now, or (when absent) the end of the as-of day in London; read it with instantOf(). */
  at?: number;
  warningDays: number;
  /** The last date that still counts as "soon": asOf + warningDays. */
  warnUntil: IsoDate;
}

/** A judge for as-of; `at` (epoch ms) is now when judging today, else the end of the as-of day. */
export function makeJudge(asOf: IsoDate, warningDays: number, at?: number): Judge {
  const j: Judge = { asOf, warningDays, warnUntil: addDays(asOf, warningDays) };
  if (at !== undefined) j.at = at;
  return j;
}
const endOfDayMemo = new Map<IsoDate, number>();
/** The instant a judge stands at (the end of its day unless "now" was given); London's clock is read only when a rule needs it. */
export function instantOf(j: Judge): number {
  if (j.at !== undefined) return j.at;
  let t = endOfDayMemo.get(j.asOf);
  if (t === undefined) {
    if (endOfDayMemo.size >= MEMO_LIMIT) endOfDayMemo.clear();
    t = endOfDayInstant(j.asOf);
    endOfDayMemo.set(j.asOf, t);
  }
  return t;
}

/** Met on as-of; due_soon when `changesOn` (the first day it stops being met) is within the warning window. */
export function met(j: Judge, rule: RuleId, reason: string, changesOn?: IsoDate): RuleResult {
  if (changesOn === undefined) return { rule, status: 'met', reason };
  return { rule, status: changesOn <= j.warnUntil ? 'due_soon' : 'met', reason, changesOn };
}
/** Met, whatever the warning window says (a window that has not opened yet). */
export function metUntil(rule: RuleId, reason: string, changesOn?: IsoDate): RuleResult {
  return changesOn === undefined ? { rule, status: 'met', reason } : { rule, status: 'met', reason, changesOn };
}
/** Due soon, whatever the warning window says (a clock that is running: an assessment, a report, an invoice). */
export function dueSoon(rule: RuleId, reason: string, changesOn: IsoDate): RuleResult {
  return { rule, status: 'due_soon', reason, changesOn };
}
/** Not met; `changesOn` is the date it becomes met, when that is already known. */
export function notMet(rule: RuleId, reason: string, changesOn?: IsoDate): RuleResult {
  return changesOn === undefined ? { rule, status: 'not_met', reason } : { rule, status: 'not_met', reason, changesOn };
}
export function notApplicable(rule: RuleId, reason: string): RuleResult {
  return { rule, status: 'not_applicable', reason };
}

// ---------- windows ----------
/** The first day on which evidence dated `d` no longer counts as "within the last N months". */
export function lapsesOn(d: IsoDate, months: number): IsoDate {
  return monthsAfter(d, months);
}

/** The item with the latest date on or before `asOf` (the later-listed one wins a tie). */
export function latestOnOrBefore<T>(items: readonly T[], dateOf: (t: T) => IsoDate | undefined, asOf: IsoDate): T | undefined {
  let best: T | undefined;
  let bestDate = '';
  for (const it of items) {
    const d = dateOf(it);
    if (d === undefined || d > asOf) continue;
    if (d >= bestDate) {
      best = it;
      bestDate = d;
    }
  }
  return best;
}

/** Whether a piece of free text is recorded (not missing, not blank). */
export function hasText(s: string | undefined | null): s is string {
  return typeof s === 'string' && s.trim().length > 0;
}

/** 'a, b and c' */
export function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** '1 day' / '3 days' / '2.5 days' */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function capitalise(s: string): string {
  return s.length === 0 ? s : s[0]!.toUpperCase() + s.slice(1);
}
/** A reason continued after a colon: its first letter lowered, unless it starts an acronym ("HCPC check..."). */
export function lowerFirst(s: string): string {
  if (s.length === 0 || /^[A-Z]{2}/.test(s)) return s;
  return s[0]!.toLowerCase() + s.slice(1);
}
