// CPD years (contract/cpdYears.ts) are the periods STAFF-CPD-2Y counts: the boundaries of
// rules.md (as-of less 12 months excluded, as-of included; months subtracted clamp to the
// month's end), hours per year and overall, and, for any entries on any as-of, "both
// counted years have an activity" exactly when the engine says the rule is met.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cpdYearIndex, cpdYears } from '../../electron/contract/cpdYears';
import { evaluate } from '../../electron/services/compliance/engine';
import { aFirm, aStaff, resultOf } from '../support/builders';

describe('CPD years', () => {
  it('puts the boundaries where the rule does', () => {
    const asOf = '2026-11-24';
    expect(cpdYearIndex('2026-11-24', asOf)).toBe(0);
    expect(cpdYearIndex('2025-11-25', asOf)).toBe(0);
    expect(cpdYearIndex('2025-11-24', asOf)).toBe(1);
    expect(cpdYearIndex('2024-11-25', asOf)).toBe(1);
    expect(cpdYearIndex('2024-11-24', asOf)).toBe(2);
    expect(cpdYearIndex('2026-11-25', asOf)).toBe(-1);
    // 29/02/2028 less 12 months is 28/02/2027.
    expect(cpdYearIndex('2027-02-28', '2028-02-29')).toBe(1);
    expect(cpdYearIndex('2027-03-01', '2028-02-29')).toBe(0);
  });

  it('totals activities and hours per year and overall, empty years included', () => {
    const v = cpdYears(
      [
        { date: '2026-03-10', hours: 3 },
        { date: '2026-01-05', hours: 1.5 },
        { date: '2025-01-01' },
        { date: '2022-06-01', hours: 0.1 },
        { date: '2022-06-02', hours: 0.2 },
        { date: '2027-01-01', hours: 2 },
      ],
      '2026-11-24',
    );
    expect(v.years.map((y) => [y.from, y.to, y.activities, y.hours, y.withoutHours, y.counted])).toEqual([
      ['2025-11-25', '2026-11-24', 2, 4.5, 0, true],
      ['2024-11-25', '2025-11-24', 1, 0, 1, true],
      ['2023-11-25', '2024-11-24', 0, 0, 0, false],
      ['2022-11-25', '2023-11-24', 0, 0, 0, false],
      ['2021-11-25', '2022-11-24', 2, 0.3, 0, false],
    ]);
    expect(v.later).toEqual({ activities: 1, hours: 2 });
    expect(v.total).toEqual({ activities: 6, hours: 6.8 });
    expect(cpdYears([], '2026-11-24').years).toHaveLength(2);
  });

  it('agrees with STAFF-CPD-2Y for any entries and any as-of', () => {
    const day = fc.integer({ min: 0, max: 6 * 366 }).map((n) => new Date(Date.UTC(2022, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
    fc.assert(
      fc.property(fc.array(day, { maxLength: 5 }), day, (dates, asOf) => {
        const staff = aStaff({ cpd: dates.map((date) => ({ date, topic: 'T', provider: 'P' })) });
        const met = resultOf(evaluate(aFirm({ staff: [staff] }), asOf).staff[0]!, 'STAFF-CPD-2Y').status !== 'not_met';
        const v = cpdYears(
          dates.map((date) => ({ date })),
          asOf,
        );
        expect(v.years[0]!.activities > 0 && v.years[1]!.activities > 0).toBe(met);
      }),
      { numRuns: 300 },
    );
  });
});
