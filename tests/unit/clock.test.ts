// The one clock: London's date and time from any instant, records dated by it, and no
// service reading the wall clock behind its back.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { londonDate, londonDateTime, ukDateTime } from '../../electron/contract/dates';
import { fixedClock, manualClock } from '../../electron/services/clock';
import { attachEvidence } from '../../electron/services/evidence/evidence';
import { addRecord, listRecords } from '../../electron/services/evidence/records';
import { createStaff } from '../../electron/services/staff/staff';
import { grantExemption } from '../../electron/services/staffEvidence/exemptions';
import { newVault } from '../support/vaults';

const ROOT = path.resolve(__dirname, '../..');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

describe('the clock', () => {
  it("gives London's date and time whatever the instant's zone", () => {
    // 23:30 UTC on 15 June is 00:30 BST on 16 June; in winter London is on UTC.
    expect(londonDate('2026-06-15T23:30:00Z')).toBe('2026-06-16');
    expect(londonDateTime('2026-06-15T23:30:00Z')).toBe('2026-06-16T00:30');
    expect(londonDate('2026-12-01T23:30:00Z')).toBe('2026-12-01');
    expect(ukDateTime('2026-03-29T01:30:00Z')).toBe('29/03/2026 02:30'); // the hour the clocks go forward
    expect(fixedClock('2026-06-15T23:30:00Z').today()).toBe('2026-06-16');
    expect(fixedClock('2026-11-24').today()).toBe('2026-11-24');
    const c = manualClock('2026-10-25T00:30:00Z'); // 01:30 BST, the morning the clocks go back
    c.advance(60 * 60 * 1000);
    expect(c.localMinute()).toBe('2026-10-25T01:30'); // 01:30 GMT: the same wall time, an hour later
  });

  it("agrees with Intl's London time at every instant, the clocks' changes included", () => {
    // dates.ts looks London's offset up once per UTC hour and does the rest by arithmetic: this
    // holds it to Intl's own answer, minute by minute, 1960 to 2200 (before 1972 Intl answers alone).
    const intl = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', dateStyle: 'short', timeStyle: 'short', hourCycle: 'h23' });
    const expected = (ms: number) => {
      const p = Object.fromEntries(intl.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
      return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
    };
    const check = (ms: number) => {
      const iso = new Date(ms).toISOString();
      expect(londonDateTime(iso), iso).toBe(expected(ms));
      expect(londonDate(new Date(ms)), iso).toBe(expected(ms).slice(0, 10));
    };
    fc.assert(fc.property(fc.integer({ min: Date.UTC(1960, 0, 1), max: Date.UTC(2200, 0, 1) }), check), { numRuns: 5_000 });
    // Each minute either side of every change of the clocks, 2020 to 2030.
    for (let year = 2020; year <= 2030; year++)
      for (const month of [2, 9]) for (let day = 24; day <= 31; day++) for (let m = -90; m <= 90; m++) check(Date.UTC(year, month, day, 1) + m * 60_000);
  });

  it('dates a record added at 00:30 BST on that day, not the day before', () => {
    const { ctx } = newVault();
    const at = { ...ctx, clock: fixedClock('2026-06-15T23:30:00Z'), user: 'Night Owl' };
    createStaff(at, { ref: 'N-01', name: 'Nia Night' });
    const rec = addRecord(at, { type: 'staff', ref: 'N-01' }, 'cpd', { date: '2026-06-15', topic: 'Late study', provider: 'Self' });
    const file = at.vault.tx(() => attachEvidence(at, rec.id, { name: 'notes.pdf', bytes: PDF }));
    expect(file.addedOn).toBe('2026-06-16');
    expect(file.addedBy).toBe('Night Owl');
    grantExemption(at, { owner: { type: 'staff', ref: 'N-01' }, rule: 'STAFF-PEER-REVIEW', reason: 'On leave until July' });
    const ex = listRecords(at, { type: 'staff', ref: 'N-01' }).find((r) => r.kind === 'exemption')!;
    expect(ex.data.grantedOn).toBe('2026-06-16');
  });

  it('is the only place in the services, the vault and the CLI that reads the wall clock', () => {
    const offenders: string[] = [];
    // SQL reads the wall clock too: CURRENT_TIMESTAMP and friends, and 'now' given to a date
    // function. Only the columns' defaults may say 'now' (db/schema.ts and the migrations that
    // made them), because a vault connection answers strftime(format, 'now') from its clock
    // (db/sqlClock.ts, which describes them); SQLite's other forms of 'now' are the computer's.
    const sqlNow = /\bCURRENT_(TIMESTAMP|DATE|TIME)\b|\b(date|time|datetime|julianday|unixepoch|strftime)\s*\([^)]*'now'/i;
    const mayDefaultToNow = (p: string) =>
      p === path.join(ROOT, 'db', 'schema.ts') || p === path.join(ROOT, 'db', 'sqlClock.ts') || p.startsWith(path.join(ROOT, 'db', 'migrations') + path.sep);
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const p = path.join(dir, name);
        if (statSync(p).isDirectory()) walk(p);
        else if (/\.tsx?$/.test(name) && !p.endsWith(path.join('services', 'clock.ts'))) {
          readFileSync(p, 'utf8')
            .split('\n')
            .forEach((line, i) => {
              if (/new Date\(\s*\)|Date\.now\(\)|performance\.now\(\)/.test(line) || (sqlNow.test(line) && !mayDefaultToNow(p)))
                offenders.push(`${path.relative(ROOT, p)}:${i + 1}: ${line.trim()}`);
            });
        }
      }
    };
    for (const d of ['electron', 'db']) walk(path.join(ROOT, d));
    expect(offenders).toEqual([]);
  });
});
