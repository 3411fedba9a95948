// The quick check for stored payloads (electron/services/evidence/canonical.ts) held to zod itself:
// it may only say yes where zod accepts the payload and gives back the same value, key order
// included. Random payloads start from the sample firm's stored records (every kind it holds) and
// are bent the ways a hand edit or an older writer bends them: a field of another type, untrimmed,
// too long or empty, a date that is not one, a number out of range, a key unknown, missing or
// moved. Then readPayload, through the quick check, gives exactly what zod gives.
import fc from 'fast-check';
import { existsSync, readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { RECORD_KINDS, type RecordKind } from '../../electron/contract/model';
import { compileCanonicalCheck } from '../../electron/services/evidence/canonical';
import { readPayload, type StoredPayloadRow } from '../../electron/services/evidence/payloads';
import { importFirmFile } from '../../electron/services/interchange/importFirmFile';
import type { Ctx } from '../../electron/services/context';
import { newVault } from '../support/vaults';
import { SAMPLE_V2_CANDIDATES } from '../support/builders';

type Json = Record<string, unknown>;
let ctx: Ctx;
let rows: StoredPayloadRow[];
beforeAll(() => {
  ctx = newVault().ctx;
  importFirmFile(
    ctx,
    JSON.parse(
      readFileSync(
        SAMPLE_V2_CANDIDATES.find((p) => existsSync(p))!,
        'utf8',
      ),
    ),
  );
  rows = ctx.vault.sqlite
    .prepare<[], StoredPayloadRow>(
      `SELECT id, kind, staff_id AS staffId, supplier_id AS supplierId, data, data_version AS dataVersion FROM records ORDER BY id`,
    )
    .all();
});

const zodOf = (kind: RecordKind) => RECORD_KINDS[kind].schema;
const checkOf = (kind: RecordKind) => compileCanonicalCheck(zodOf(kind))!;

/** Zod's verdict on a value: its output when it accepts it, else null. */
function zodSays(kind: RecordKind, v: unknown): unknown {
  const r = zodOf(kind).safeParse(v);
  return r.success ? r.data : null;
}

describe('the quick check of stored payloads', () => {
  it('reads every record kind’s schema (a kind it could not read would always go to zod)', () => {
    const unread = (Object.keys(RECORD_KINDS) as RecordKind[]).filter((k) => compileCanonicalCheck(zodOf(k)) === null);
    expect(unread).toEqual([]);
  });

  it('says yes to every record the sample firm stored, as zod gives it back', () => {
    const kinds = new Set(rows.map((r) => r.kind));
    expect(kinds.size).toBeGreaterThanOrEqual(12);
    for (const r of rows) {
      const v = JSON.parse(r.data) as Json;
      expect(checkOf(r.kind as RecordKind)(v), `${r.kind} ${r.data}`).toBe(true);
      expect(JSON.stringify(zodSays(r.kind as RecordKind, v))).toBe(r.data);
    }
  });

  it('says no to what zod would change or refuse', () => {
    const cpd = checkOf('cpd');
    const ok = { date: '2026-05-01', topic: 'Capacity', provider: 'BABICM', hours: 2 };
    expect(cpd(ok)).toBe(true);
    expect(cpd({ ...ok, topic: ' Capacity' })).toBe(false); // zod would trim it: not the same value
    expect(zodSays('cpd', { ...ok, topic: ' Capacity' })).toEqual(ok);
    expect(cpd({ hours: 2, date: '2026-05-01', topic: 'Capacity', provider: 'BABICM' })).toBe(false); // zod writes its keys in its own order
    expect(cpd({ ...ok, date: '2026-02-30' })).toBe(false);
    expect(cpd({ ...ok, hours: 0 })).toBe(false);
    expect(cpd({ ...ok, hours: Number.NaN })).toBe(false);
    expect(cpd({ ...ok, extra: 1 })).toBe(false);
    expect(cpd({ date: '2026-05-01', topic: 'Capacity' })).toBe(false); // provider is required
    expect(cpd({ ...ok, topic: '' })).toBe(false);
    const indemnity = checkOf('indemnity');
    const cover = { insurer: 'Hiscox', coverGBP: 5_000_000, startsOn: '2026-01-01', expiresOn: '2027-01-01', heldBy: 'self' };
    expect(indemnity(cover)).toBe(true);
    expect(indemnity({ ...cover, startsOn: '2027-06-01' })).toBe(false); // the object's own refine: start after expiry
    expect(indemnity({ ...cover, coverGBP: Number.POSITIVE_INFINITY })).toBe(false);
  });

  it('never says yes where zod refuses or changes the value (random payloads bent from the sample)', () => {
    const samples = rows.map((r) => ({ kind: r.kind as RecordKind, value: JSON.parse(r.data) as Json }));
    const anyKey = fc.constantFrom(
      'date',
      'topic',
      'provider',
      'hours',
      'expiresOn',
      'startsOn',
      'coverGBP',
      'level',
      'issuedOn',
      'areas',
      'extra',
      'on',
      'by',
    );
    const odd = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.constantFrom(' padded', 'padded ', '', 'x'.repeat(301), '2026-02-29', '2028-02-29', '2026-13-01', '26-01-01', 'enhanced', 'self', 'HCPC'),
      fc.integer({ min: -5, max: 2_000 }),
      fc.double({ noNaN: false }),
      fc.constantFrom(0, -0, 0.5, 1e9, 5_000_000, Number.NaN, Number.POSITIVE_INFINITY),
      fc.boolean(),
      fc.constant(null),
      fc.array(fc.constantFrom('decision-making', 'goal-setting', 'nope'), { maxLength: 3 }),
      fc.constant({}),
    );
    const edit = fc.oneof(
      fc.record({ t: fc.constant('set' as const), key: anyKey, value: odd }),
      fc.record({ t: fc.constant('drop' as const), key: anyKey }),
      fc.record({ t: fc.constant('swap' as const), i: fc.nat(8), j: fc.nat(8) }),
    );
    type Edit = { t: 'set'; key: string; value: unknown } | { t: 'drop'; key: string } | { t: 'swap'; i: number; j: number };
    const bent = (v: Json, edits: Edit[]): Json => {
      let entries = Object.entries(structuredClone(v));
      for (const e of edits) {
        if (e.t === 'set') {
          const at = entries.findIndex(([k]) => k === e.key);
          if (at >= 0) entries[at] = [e.key, e.value];
          else entries.push([e.key, e.value]);
        } else if (e.t === 'drop') entries = entries.filter(([k]) => k !== e.key);
        else if (entries.length > 1) {
          const [i, j] = [e.i % entries.length, e.j % entries.length];
          [entries[i], entries[j]] = [entries[j]!, entries[i]!];
        }
      }
      return Object.fromEntries(entries);
    };
    let yes = 0;
    let no = 0;
    fc.assert(
      fc.property(fc.nat(samples.length - 1), fc.array(edit, { maxLength: 3 }), (i, edits) => {
        const { kind, value } = samples[i]!;
        const v = bent(value, edits);
        if (!checkOf(kind)(v)) {
          no++;
          return;
        }
        yes++;
        const out = zodSays(kind, v);
        // Accepted by zod, the same value, the same keys in the same order.
        expect(out).not.toBeNull();
        expect(isDeepStrictEqual(out, v)).toBe(true);
        expect(JSON.stringify(out)).toBe(JSON.stringify(v));
        // And readPayload, which takes the quick check's word, gives zod's answer.
        const row = { ...rows[i]!, data: JSON.stringify(v) };
        expect(JSON.stringify(readPayload(ctx, row, kind))).toBe(JSON.stringify(out));
      }),
      { numRuns: 4_000 },
    );
    // Both answers were given often enough for the property to mean something.
    expect(yes).toBeGreaterThan(400);
    expect(no).toBeGreaterThan(400);
  });
});
