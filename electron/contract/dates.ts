// Dates cross every boundary as `YYYY-MM-DD` strings (JSON-safe, timezone-free).
// These helpers are the only place that turns them into arithmetic.
import { z } from 'zod';
import { addDays, addMonths, differenceInCalendarDays, format, parseISO } from 'date-fns';

export type IsoDate = string;

const ISO_RE = /^\d{4}-\d{2}-\d{2}$/;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * True when `s` is a real calendar date written as YYYY-MM-DD (so 2026-02-30 is false).
 * Plain arithmetic rather than parsing and formatting with date-fns (which gave the same
 * answers 7x slower): every stored payload's dates pass through here each time it is read.
 */
export function isIsoDate(s: unknown): s is IsoDate {
  if (typeof s !== 'string' || !ISO_RE.test(s)) return false;
  const y = Number(s.slice(0, 4));
  const m = Number(s.slice(5, 7));
  const d = Number(s.slice(8, 10));
  if (y < 1 || m < 1 || m > 12 || d < 1) return false; // year 0000 was never valid here
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  return d <= (m === 2 && leap ? 29 : DAYS_IN_MONTH[m - 1]);
}

export const isoDate = z.string({ error: 'must be a date written as YYYY-MM-DD' }).refine(isIsoDate, { message: 'must be a real date written as YYYY-MM-DD' });

export function toDate(s: IsoDate): Date {
  return parseISO(s);
}
export function fromDate(d: Date): IsoDate {
  return format(d, 'yyyy-MM-dd');
}
export function plusDays(s: IsoDate, n: number): IsoDate {
  return fromDate(addDays(parseISO(s), n));
}
export function plusMonths(s: IsoDate, n: number): IsoDate {
  return fromDate(addMonths(parseISO(s), n));
}
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return differenceInCalendarDays(parseISO(to), parseISO(from));
}
// ---------- instants in the firm's time zone ----------
/** The firm's time zone: every "today" and every local time is London's. */
export const FIRM_TIME_ZONE = 'Europe/London';
const LONDON = new Intl.DateTimeFormat('en-GB', {
  timeZone: FIRM_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
interface LocalParts {
  year: string;
  month: string;
  day: string;
  hour: string;
  minute: string;
}
function intlParts(d: Date): LocalParts {
  const p = Object.fromEntries(LONDON.formatToParts(d).map((x) => [x.type, x.value]));
  return { year: p.year, month: p.month, day: p.day, hour: p.hour, minute: p.minute };
}
// London's offset from UTC changes only on an hour (the clocks change at 01:00 UTC), so one
// Intl lookup per UTC hour serves every instant in it; the rest is arithmetic. Why: Intl's
// formatToParts costs microseconds a call, and a whole-firm load dates every evidence file
// (the audit list and its export every entry). Intl stays the one source of London's rules.
const HOUR_MS = 3_600_000;
const SINCE_1972 = Date.UTC(1972, 0, 1);
const BEFORE_10000 = Date.UTC(10000, 0, 1);
const offsetByHour = new Map<number, number>();
function londonOffsetMs(ms: number): number {
  const hour = Math.floor(ms / HOUR_MS);
  let off = offsetByHour.get(hour);
  if (off === undefined) {
    const start = hour * HOUR_MS;
    const p = intlParts(new Date(start));
    off = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute)) - start;
    if (offsetByHour.size >= 20_000) offsetByHour.clear();
    offsetByHour.set(hour, off);
  }
  return off;
}
const two = (n: number) => (n < 10 ? `0${n}` : String(n));
function londonParts(instant: Date | string): LocalParts {
  const ms = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  // Before 1972 London's offsets were not always whole hours changing on a UTC hour (local mean
  // time, double summer time), and past 9999 a year is not four digits: Intl answers those
  // itself, as it does (by throwing) for a value that is not an instant at all.
  if (!(ms >= SINCE_1972 && ms < BEFORE_10000)) return intlParts(new Date(ms));
  const l = new Date(ms + londonOffsetMs(ms));
  return {
    year: String(l.getUTCFullYear()),
    month: two(l.getUTCMonth() + 1),
    day: two(l.getUTCDate()),
    hour: two(l.getUTCHours()),
    minute: two(l.getUTCMinutes()),
  };
}
/** The date in London at an instant (a stored UTC timestamp or a Date). */
export function londonDate(instant: Date | string): IsoDate {
  const p = londonParts(instant);
  return `${p.year}-${p.month}-${p.day}`;
}
/** London local time at an instant, `YYYY-MM-DDTHH:MM`. */
export function londonDateTime(instant: Date | string): string {
  const p = londonParts(instant);
  return `${londonDate(instant)}T${p.hour}:${p.minute}`;
}
const LOCAL_MINUTE_RE = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):([0-5]\d)$/;
/** The instant (epoch ms) of a London local time `YYYY-MM-DDTHH:MM`, or NaN when London never showed that time. */
function londonInstantOrNaN(local: string): number {
  const m = LOCAL_MINUTE_RE.exec(local);
  if (!m || !isIsoDate(m[1])) return Number.NaN;
  const asUtc = Date.parse(`${local}:00Z`);
  // London is UTC (GMT) or UTC+1 (BST): the earlier candidate that shows this local time wins, so an
  // hour that happens twice when the clocks go back is its first (BST) occurrence.
  for (const t of [asUtc - 3_600_000, asUtc]) if (londonDateTime(new Date(t)) === local) return t;
  return Number.NaN;
}
/** True when `s` is a London local time written `YYYY-MM-DDTHH:MM` that existed (not skipped when the clocks went forward). */
export function isLocalMinute(s: unknown): s is string {
  return typeof s === 'string' && !Number.isNaN(londonInstantOrNaN(s));
}
/** The instant (epoch ms) of a London local time `YYYY-MM-DDTHH:MM`; throws for a time London never showed. */
export function londonInstant(local: string): number {
  const t = londonInstantOrNaN(local);
  if (Number.isNaN(t)) throw new RangeError(`Not a London local time written YYYY-MM-DDTHH:MM: ${local}`);
  return t;
}
/** A London local time, as the firm file's `*At` fields carry it. */
export const localMinute = z
  .string({ error: 'must be a local time written as YYYY-MM-DDTHH:MM' })
  .refine((s) => LOCAL_MINUTE_RE.test(s) && isIsoDate(s.slice(0, 10)), { message: 'must be a real local time written as YYYY-MM-DDTHH:MM' })
  .refine((s) => !LOCAL_MINUTE_RE.test(s) || !isIsoDate(s.slice(0, 10)) || isLocalMinute(s), {
    message: 'is a time the clocks skipped in London (they went forward an hour)',
  });
/** A stored timestamp shown the UK way in London time, e.g. 24/11/2026 14:05. */
export function ukDateTime(instant: string | null | undefined): string {
  if (!instant) return '';
  const p = londonParts(instant);
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`;
}
/** UK display format, e.g. 24/11/2026. */
export function ukDate(s: IsoDate | null | undefined): string {
  if (!s) return '';
  return format(parseISO(s), 'dd/MM/yyyy');
}
/** Long UK display format, e.g. 24 November 2026. */
export function ukDateLong(s: IsoDate | null | undefined): string {
  if (!s) return '';
  return format(parseISO(s), 'd MMMM yyyy');
}
/** Money in pounds, e.g. £5,000,000. */
export function pounds(n: number): string {
  // Whole pounds without pence (£5,000,000); otherwise always two places (£450.50, never £450.5).
  return Number.isInteger(n) ? '£' + n.toLocaleString('en-GB') : poundsAndPence(n);
}
/** An amount with its pence always shown, e.g. £1,250.00 (invoices). */
export function poundsAndPence(n: number): string {
  return '£' + n.toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}
