// A pack's builder reads its source as JSON gives it back (what reproducing the pack will read):
// sources.ts uses the source itself only when isJsonClean says JSON would give it back unchanged.
// Held here on random values built to be awkward (-0, NaN, Infinity, undefined in objects and
// arrays, holes, a Date, a Map, "__proto__" and index-like keys): whenever it says clean, the JSON
// round trip is equal in every way (the same keys in the same order, the same values, -0 apart
// from 0). The byte-for-byte reproduce tests (pack-reproduce*.test.ts) check the packs themselves.
import fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { isJsonClean } from '../../electron/services/packs/sources';

/** Equal, with every object's keys in the same order. */
function same(a: unknown, b: unknown): boolean {
  if (!isDeepStrictEqual(a, b)) return false;
  if (Array.isArray(a)) return (a as unknown[]).every((x, i) => same(x, (b as unknown[])[i]));
  if (a && typeof a === 'object') {
    const ka = Object.keys(a);
    const kb = Object.keys(b as object);
    return ka.join('\u0000') === kb.join('\u0000') && ka.every((k) => same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
  }
  return true;
}

describe('a pack source used as JSON would give it back', () => {
  it('is called clean only when the JSON round trip gives it back unchanged', () => {
    const odd = fc.constantFrom<unknown>(-0, Number.NaN, Number.POSITIVE_INFINITY, undefined, new Date(0), new Map(), () => 1);
    const plain = fc.oneof(fc.constantFrom<unknown>(null, true, false, 0, 1.5, '', 'text', '\ud800'), fc.integer(), fc.string({ maxLength: 4 }));
    const value = fc.letrec((tie) => ({
      leaf: fc.oneof({ weight: 8, arbitrary: plain }, { weight: 1, arbitrary: odd }),
      node: fc.oneof({ depthSize: 'small' }, tie('leaf'), tie('array'), tie('object')),
      array: fc.oneof(
        fc.array(tie('node'), { maxLength: 4 }),
        fc.array(tie('node'), { maxLength: 3 }).map((a) => {
          const holed = [...a];
          holed.length += 1; // a hole at the end
          return holed;
        }),
      ),
      object: fc.array(fc.tuple(fc.constantFrom('a', 'b', '2', '10', '__proto__', 'toJSON', 'id'), tie('node')), { maxLength: 5 }).map((entries) => {
        const o: Record<string, unknown> = {};
        for (const [k, v] of entries) Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
        return o;
      }),
    }));
    let clean = 0;
    let unclean = 0;
    fc.assert(
      fc.property(value.node, (v) => {
        if (!isJsonClean(v)) return void unclean++;
        clean++;
        const json = JSON.stringify(v);
        expect(same(JSON.parse(json), v)).toBe(true);
      }),
      { numRuns: 4_000 },
    );
    expect(clean).toBeGreaterThan(500);
    expect(unclean).toBeGreaterThan(500);
  });

  it('calls a value with a toJSON of its own, or JSON text it would rewrite, unclean', () => {
    expect(isJsonClean({ a: [1, 'x', { b: null }] })).toBe(true);
    expect(isJsonClean({ a: -0 })).toBe(false);
    expect(isJsonClean({ a: undefined })).toBe(false);
    expect(isJsonClean([1, , 3])).toBe(false); // eslint-disable-line no-sparse-arrays
    expect(isJsonClean({ when: new Date(0) })).toBe(false);
    expect(isJsonClean({ toJSON: () => 'x' })).toBe(false);
  });
});
