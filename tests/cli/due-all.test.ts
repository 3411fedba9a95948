// `caseproof due --all`: the to-do list from the real command, the same items and words as
// the app's (services/staffEvidence/todo.ts, contract/todo.ts).
import { describe, expect, it } from 'vitest';
import { cli, vaultWithSample } from '../support/cli';

interface Item {
  subject: string;
  ref: string;
  rule: string;
  title: string;
  why: string;
  reason: string;
  changesOn?: string;
}

describe('caseproof due --all', () => {
  it('lists what is not met, missing evidence included, then what is due; --json gives the same items', () => {
    const { vault } = vaultWithSample();
    const text = cli(['due', '--vault', vault, '--all', '--days', '60']);
    expect(text.code, text.stderr).toBe(0);
    const json = cli(['due', '--vault', vault, '--all', '--days', '60', '--json']);
    expect(json.code, json.stderr).toBe(0);
    const v = JSON.parse(json.stdout) as { asOf: string; days: number; total: number; notMet: number; due: number; items: Item[] };
    expect(v).toMatchObject({ asOf: '2026-11-24', days: 60 });
    // Toni Reyes has no DBS check at all: not met, with no date, so plain `due` never lists it.
    const dbs = v.items.find((i) => i.ref === 'RR-02' && i.rule === 'STAFF-DBS')!;
    expect(dbs).toMatchObject({ subject: 'staff', why: 'not_met', title: 'DBS check', reason: 'No DBS check is recorded' });
    expect(dbs.changesOn).toBeUndefined();
    const lines = text.stdout.trim().split('\n');
    expect(lines[0]).toBe(`To do as of 24/11/2026: ${v.notMet} not met, ${v.due} due within 60 days.`);
    expect(lines).toContain('  Not met · Toni Reyes: DBS check: No DBS check is recorded  [staff RR-02, STAFF-DBS]');
    expect(lines).toHaveLength(v.total + 1);
    // Everything plain `due` lists is there, as "Lapses on".
    const due = JSON.parse(cli(['due', '--vault', vault, '--days', '60', '--json']).stdout) as { items: Item[] };
    expect(due.items.length).toBe(v.due);
    expect(due.items.some((i) => i.rule === 'STAFF-DBS')).toBe(false);
    for (const d of due.items) expect(v.items.some((i) => i.ref === d.ref && i.rule === d.rule && i.why === 'due')).toBe(true);
    expect(lines.some((l) => l.startsWith('  Lapses on 16/12/2026 · Toni Reyes: Professional indemnity: '))).toBe(true);
  });

  it('--staff REF gives one person, the same lines; an unknown person and bad --days are refused', () => {
    const { vault } = vaultWithSample();
    const firm = cli(['due', '--vault', vault, '--all']).stdout.trim().split('\n').slice(1);
    const toni = cli(['due', '--vault', vault, '--all', '--staff', 'RR-02']);
    expect(toni.code, toni.stderr).toBe(0);
    const mine = toni.stdout.trim().split('\n');
    expect(mine[0]).toMatch(/^To do for Toni Reyes as of 24\/11\/2026: \d+ not met, \d+ due within 60 days\.$/);
    expect(mine.slice(1)).toEqual(firm.filter((l) => l.includes('[staff RR-02,')));
    const nobody = cli(['due', '--vault', vault, '--all', '--staff', 'NOPE-1']);
    expect(nobody.code).toBe(1);
    expect(nobody.stderr).toContain('NOPE-1');
    const bad = cli(['due', '--vault', vault, '--all', '--days', 'soon']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--days must be a whole number of days from 0 to 3650 (got soon)');
  });
});
