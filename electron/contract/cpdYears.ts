// CPD years as STAFF-CPD-2Y counts them (rules.md, "CPD periods"): 12-month periods ending on
// as-of, (as-of less 12 months, as-of], then (as-of less 24 months, as-of less 12 months], and
// so on back, months subtracted as the conventions say (conventions.ts). The CPD log groups
// its entries by these, with hours per year and overall; the rule needs at least one activity
// in each of the first two.
import { dayAfter, monthsBefore } from './conventions';
import type { IsoDate } from './dates';

/** How many of the latest CPD years STAFF-CPD-2Y looks at, each needing one activity. */
export const CPD_RULE_YEARS = 2;

export interface CpdYear {
  /** 0: the 12 months to as-of; 1: the 12 months before those; … */
  index: number;
  /** First and last day of the period. */
  from: IsoDate;
  to: IsoDate;
  activities: number;
  hours: number;
  /** Activities with no hours recorded (they count for the rule, not in the hours). */
  withoutHours: number;
  /** Whether STAFF-CPD-2Y reads this year (the latest two). */
  counted: boolean;
}

export interface CpdYearsView {
  asOf: IsoDate;
  /** Newest first; every year from as-of back to the oldest entry's, empty ones included; at least the two the rule reads. */
  years: CpdYear[];
  /** Entries dated after as-of (they count from their date on). */
  later: { activities: number; hours: number };
  total: { activities: number; hours: number };
}

/** The CPD year an entry dated `date` falls in (0 = the latest), or -1 after as-of. */
export function cpdYearIndex(date: IsoDate, asOf: IsoDate): number {
  if (date > asOf) return -1;
  let i = 0;
  while (date <= monthsBefore(asOf, 12 * (i + 1))) i++;
  return i;
}

/** The first and last day of CPD year `index`. */
export function cpdYearSpan(index: number, asOf: IsoDate): { from: IsoDate; to: IsoDate } {
  const to = index === 0 ? asOf : monthsBefore(asOf, 12 * index);
  return { from: dayAfter(monthsBefore(asOf, 12 * (index + 1))), to };
}

/** Hours are added in tenths, so 0.1 + 0.2 shows as 0.3. */
const add = (a: number, b: number) => Math.round((a + b) * 100) / 100;

export function cpdYears(entries: readonly { date: IsoDate; hours?: number | null }[], asOf: IsoDate): CpdYearsView {
  const by = new Map<number, { activities: number; hours: number; withoutHours: number }>();
  const later = { activities: 0, hours: 0 };
  const total = { activities: 0, hours: 0 };
  let oldest = CPD_RULE_YEARS - 1;
  for (const e of entries) {
    const h = typeof e.hours === 'number' && Number.isFinite(e.hours) ? e.hours : 0;
    total.activities++;
    total.hours = add(total.hours, h);
    const i = cpdYearIndex(e.date, asOf);
    if (i < 0) {
      later.activities++;
      later.hours = add(later.hours, h);
      continue;
    }
    oldest = Math.max(oldest, i);
    const y = by.get(i) ?? { activities: 0, hours: 0, withoutHours: 0 };
    y.activities++;
    y.hours = add(y.hours, h);
    if (typeof e.hours !== 'number') y.withoutHours++;
    by.set(i, y);
  }
  const years: CpdYear[] = [];
  for (let i = 0; i <= oldest; i++) {
    years.push({ index: i, ...cpdYearSpan(i, asOf), ...(by.get(i) ?? { activities: 0, hours: 0, withoutHours: 0 }), counted: i < CPD_RULE_YEARS });
  }
  return { asOf, years, later, total };
}
