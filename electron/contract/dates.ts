// Dates cross every boundary as `YYYY-MM-DD` strings (JSON-safe, timezone-free).
// These helpers are the only place that turns them into arithmetic.
import { z } from 'zod';
import { addDays, addMonths, differenceInCalendarDays, format, isValid, parseISO } from 'date-fns';

export type IsoDate = string;

const ISO_RE = /^\d{4}-\d{2}-\d{2}$/;

/** True when `s` is a real calendar date written as YYYY-MM-DD (so 2026-02-30 is false). */
export function isIsoDate(s: unknown): s is IsoDate {
  if (typeof s !== 'string' || !ISO_RE.test(s)) return false;
  const d = parseISO(s);
  return isValid(d) && format(d, 'yyyy-MM-dd') === s;
}

export const isoDate = z
  .string({ error: 'must be a date written as YYYY-MM-DD' })
  .refine(isIsoDate, { message: 'must be a real date written as YYYY-MM-DD' });

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
export function todayIso(): IsoDate {
  return fromDate(new Date());
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
  return '£' + n.toLocaleString('en-GB', { maximumFractionDigits: 2 });
}
