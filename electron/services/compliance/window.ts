// Shared date-window logic for the compliance rules: the judging context (as-of and the
// warning window), result constructors that decide met / due_soon, "within the last N
// months" windows, and memoised wrappers of the contract's date helpers (the engine calls
// them many thousands of times over a large firm, with heavily repeated arguments).
import type { RuleResult } from '../../contract/compliance';
import { plusDays, plusMonths, pounds, ukDate, type IsoDate } from '../../contract/dates';

// ---------- memoised date helpers ----------
// Keyed by the offset, then the date; each table is cleared when it grows past a limit.
const MEMO_LIMIT = 20_000;
const monthsMemo = new Map<number, Map<string, IsoDate>>();
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

/** plusMonths, memoised. */
export function addMonths(d: IsoDate, n: number): IsoDate {
  return shifted(monthsMemo, d, n, plusMonths);
}
/** plusDays, memoised. */
export function addDays(d: IsoDate, n: number): IsoDate {
  return shifted(daysMemo, d, n, plusDays);
}
/** The next calendar day. */
export function nextDay(d: IsoDate): IsoDate {
  return addDays(d, 1);
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

// ---------- judging ----------
export interface Judge {
  asOf: IsoDate;
  warningDays: number;
  /** The last date that still counts as "soon": asOf + warningDays. */
  warnUntil: IsoDate;
}

export function makeJudge(asOf: IsoDate, warningDays: number): Judge {
  return { asOf, warningDays, warnUntil: addDays(asOf, warningDays) };
}

/** Met on as-of; due_soon when `changesOn` (the first day it stops being met) is within the warning window. */
export function met(j: Judge, rule: string, reason: string, changesOn?: IsoDate): RuleResult {
  if (changesOn === undefined) return { rule, status: 'met', reason };
  return { rule, status: changesOn <= j.warnUntil ? 'due_soon' : 'met', reason, changesOn };
}
/** Not met; `changesOn` is the date it becomes met, when that is already known. */
export function notMet(rule: string, reason: string, changesOn?: IsoDate): RuleResult {
  return changesOn === undefined ? { rule, status: 'not_met', reason } : { rule, status: 'not_met', reason, changesOn };
}
export function notApplicable(rule: string, reason: string): RuleResult {
  return { rule, status: 'not_applicable', reason };
}

// ---------- windows ----------
/** The first day on which evidence dated `d` no longer counts as "within the last N months". */
export function lapsesOn(d: IsoDate, months: number): IsoDate {
  return addMonths(d, months);
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
