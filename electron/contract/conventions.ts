// The conventions every compliance rule follows (rules.md version 2, "Conventions that every
// rule follows" and "Readings that settle the edge cases"), in one place. The engine, the
// packs, the exemption checks and the renderer's defaults all take their dates from here, so
// 29 February is handled one way everywhere.
//
// - Anniversaries: E + N months lands on the same day of the month; where that day does not
//   exist it lands on the first day of the next month (29/02/2024 + 2 years = 01/03/2026).
//   date-fns' addMonths clamps to the month's end instead, which version 2 forbids for adding.
// - "Within the last N months" of an event E: met while as-of < E + N months (an anniversary).
// - Subtracting months clamps to the month's end (29/02/2028 less 12 months = 28/02/2027):
//   CPD periods and the assumed start of a policy with no start date.
// - Expiry dates ("expires on", "registered until", "runs to") are the last day of validity.
// - A policy with no start date started on the day after the date 12 months before its expiry.
// - Numbers are compared unrounded; only the words round them.
// - "As of" a date is the end of that day in London; times (`*At`) are London local times.
import { type IsoDate, londonInstant } from './dates';

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
/** Days in `month` (1-12) of `year`. */
export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeap(year) ? 29 : DAYS_IN_MONTH[month - 1];
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));
const pad4 = (n: number): string => String(n).padStart(4, '0');
function parts(d: IsoDate): [number, number, number] {
  return [Number(d.slice(0, 4)), Number(d.slice(5, 7)), Number(d.slice(8, 10))];
}
function iso(y: number, m: number, d: number): IsoDate {
  return `${pad4(y)}-${pad2(m)}-${pad2(d)}`;
}
/** Year and month `n` months after (or before, n < 0) year y, month m (1-12). */
function shiftMonth(y: number, m: number, n: number): [number, number] {
  const index = y * 12 + (m - 1) + n;
  return [Math.floor(index / 12), (index % 12) + 1];
}

/**
 * E + N months (N >= 0; years are 12 months): the same day of the month, or the first day of
 * the next month when that day does not exist (31/01 + 1 month = 01/03; 29/02/2024 + 12 = 01/03/2025).
 */
export function anniversary(d: IsoDate, months: number): IsoDate {
  if (months < 0) throw new RangeError(`anniversary() adds months; use monthsBefore() to subtract (got ${months})`);
  const [y, m, day] = parts(d);
  const [ty, tm] = shiftMonth(y, m, months);
  if (day <= daysInMonth(ty, tm)) return iso(ty, tm, day);
  const [ny, nm] = shiftMonth(ty, tm, 1);
  return iso(ny, nm, 1);
}

/** D less N months, clamped to the month's end (31/03 less 1 month = 28/02 or 29/02). */
export function monthsBefore(d: IsoDate, months: number): IsoDate {
  const [y, m, day] = parts(d);
  const [ty, tm] = shiftMonth(y, m, -months);
  return iso(ty, tm, Math.min(day, daysInMonth(ty, tm)));
}

/** D + N days (N may be negative). */
export function addDaysTo(d: IsoDate, days: number): IsoDate {
  const [y, m, day] = parts(d);
  const t = new Date(Date.UTC(y, m - 1, day + days));
  return iso(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}
/** The next calendar day. */
export function dayAfter(d: IsoDate): IsoDate {
  return addDaysTo(d, 1);
}

// ---------- windows and expiries ----------
/** The first day on which an event dated `d` is no longer "within the last N months". */
export function windowEnds(d: IsoDate, months: number): IsoDate {
  return anniversary(d, months);
}
/** An event dated `d` on or before as-of, "within the last N months" of as-of. */
export function withinLastMonths(d: IsoDate, months: number, asOf: IsoDate): boolean {
  return d <= asOf && asOf < windowEnds(d, months);
}
/** Valid on as-of by an expiry date that is the last day of validity. */
export function validByExpiry(expiresOn: IsoDate, asOf: IsoDate): boolean {
  return asOf <= expiresOn;
}
/** The first day an expiry date no longer covers (the day after the last valid day). */
export function lapsesAfterExpiry(expiresOn: IsoDate): IsoDate {
  return dayAfter(expiresOn);
}
/** Valid time: a record dated after as-of did not exist yet. */
export function recordedBy(d: IsoDate | undefined, asOf: IsoDate): d is IsoDate {
  return d !== undefined && d <= asOf;
}

/** The usual annual term of a policy, used when its start date is not recorded. */
export const ASSUMED_POLICY_TERM_MONTHS = 12;
/** The start of a policy with no start date: the day after the date 12 months before its expiry. */
export function assumedPolicyStart(expiresOn: IsoDate): IsoDate {
  return dayAfter(monthsBefore(expiresOn, ASSUMED_POLICY_TERM_MONTHS));
}
/** A policy's start: its own start date, or the assumed one. */
export function policyStart(p: { startsOn?: IsoDate; expiresOn: IsoDate }): IsoDate {
  return p.startsOn ?? assumedPolicyStart(p.expiresOn);
}

// ---------- exemptions ----------
/** An exemption may run at most this long after it was granted. */
export const EXEMPTION_MAX_MONTHS = 12;
/** The last day an exemption is in force: its own expiry, or (version 1) 12 months after it was granted. */
export function exemptionExpiry(e: { grantedOn: IsoDate; expiresOn?: IsoDate }): IsoDate {
  return e.expiresOn ?? latestExemptionExpiry(e.grantedOn);
}
/** The latest expiry an exemption granted on `grantedOn` may have. */
export function latestExemptionExpiry(grantedOn: IsoDate): IsoDate {
  return anniversary(grantedOn, EXEMPTION_MAX_MONTHS);
}
/** In force on as-of: granted on or before it, and as-of on or before its expiry. */
export function exemptionInForce(e: { grantedOn: IsoDate; expiresOn?: IsoDate }, asOf: IsoDate): boolean {
  return e.grantedOn <= asOf && asOf <= exemptionExpiry(e);
}

// ---------- numbers ----------
/** Unrounded comparison: 8.004 is above 8. */
export function isAbove(value: number, limit: number): boolean {
  return value > limit;
}
/** A figure as the words show it, to 2 decimal places at most (8.3333 -> "8.33"). */
export function shownFigure(n: number): string {
  return String(Math.round(n * 100) / 100);
}

// ---------- names ----------
/** A person's name for comparison: case and spacing ignored ("kim  BYRNE" = "Kim Byrne"). */
export function nameKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}
export function sameName(a: string, b: string): boolean {
  return nameKey(a) === nameKey(b);
}

// ---------- instants ----------
/**
 * The instant a judgement "as of" a date is made at: the end of that day in London, i.e. the
 * first instant of the next day (so a deadline at 23:59 has passed, one at 24:00 has not).
 */
export function endOfDayInstant(asOf: IsoDate): number {
  return londonInstant(`${dayAfter(asOf)}T00:00`);
}
