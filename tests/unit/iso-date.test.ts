// isIsoDate is on every stored payload's read path, so it is plain arithmetic; it must
// give exactly the answers of the date-fns round trip it replaced.
import { format, isValid, parseISO } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isIsoDate } from '../../electron/contract/dates';

const byDateFns = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && isValid(parseISO(s)) && format(parseISO(s), 'yyyy-MM-dd') === s;
const pad = (n: number, w: number) => String(n).padStart(w, '0');

describe('isIsoDate', () => {
  it('agrees with date-fns on every day, month and day number 0-99 of leap, century and ordinary years', () => {
    for (const y of [0, 1, 4, 100, 400, 1600, 1700, 1900, 1999, 2000, 2024, 2026, 2100, 2400, 9999]) {
      for (let m = 0; m <= 99; m++) {
        for (let d = 0; d <= 99; d++) {
          const s = `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
          if (isIsoDate(s) !== byDateFns(s)) expect(isIsoDate(s), s).toBe(byDateFns(s));
        }
      }
    }
  });

  it('agrees with date-fns on any string and any value', () => {
    const dateLike = fc
      .tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 }))
      .map(([y, m, d]) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`);
    fc.assert(
      fc.property(fc.oneof(dateLike, fc.string()), (s) => isIsoDate(s) === byDateFns(s)),
      { numRuns: 5000 },
    );
    for (const v of [undefined, null, 20260101, {}, ['2026-01-01'], ' 2026-01-01', '2026-01-01 ', '2026-1-01']) expect(isIsoDate(v)).toBe(false);
  });
});
