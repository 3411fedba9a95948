// `caseproof due --ics FILE`: every due date as an iCalendar file, from the real command.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, vaultWithSample } from '../support/cli';
import { parseIcs } from '../support/ics';

describe('caseproof due --ics', () => {
  it('writes every future due date as all-day events that parse back, and says how many', () => {
    const { dir, vault } = vaultWithSample();
    const file = path.join(dir, 'due.ics');
    const r = cli(['due', '--vault', vault, '--ics', file, '--as-of', '2026-11-24']);
    expect(r.code, r.stderr).toBe(0);
    const parsed = parseIcs(readFileSync(file, 'utf8'));
    expect(r.stdout.trim()).toBe(`Wrote ${parsed.events.length} due dates from 24/11/2026 on to ${file}.`);
    expect(parsed.longLines).toEqual([]);
    expect(parsed.bareNewlines).toBe(0);
    // Every date the status report gives (status --json), one event each.
    const status = JSON.parse(cli(['status', '--vault', vault, '--json', '--as-of', '2026-11-24']).stdout) as {
      firm: { rules: { changesOn?: string }[] };
      staff: { rules: { changesOn?: string }[] }[];
      suppliers: { rules: { changesOn?: string }[] }[];
      cases: { rules: { changesOn?: string }[] }[];
    };
    const dates = [status.firm.rules, ...status.staff.map((s) => s.rules), ...status.suppliers.map((s) => s.rules), ...status.cases.map((s) => s.rules)]
      .flat()
      .map((x) => x.changesOn)
      .filter((d): d is string => !!d && d >= '2026-11-24')
      .map((d) => d.replace(/-/g, ''))
      .sort();
    expect(parsed.events.map((e) => e.DTSTART.value).sort()).toEqual(dates);
    const toni = parsed.events.find((e) => e.UID.value.startsWith('staff-RR-02-STAFF-INDEMNITY@'))!;
    expect(toni.SUMMARY.value).toBe('Toni Reyes: Professional indemnity (STAFF-INDEMNITY) lapses');
    expect(toni.DTSTART).toMatchObject({ params: { VALUE: 'DATE' }, value: '20261216' });
    expect(toni.DESCRIPTION.value).toContain('is in force to 15/12/2026');
  });

  it('--days N keeps only the dates within N days; --json reports the file and count; the UIDs do not change', () => {
    const { dir, vault } = vaultWithSample();
    const all = path.join(dir, 'all.ics');
    const soon = path.join(dir, 'soon.ics');
    expect(cli(['due', '--vault', vault, '--ics', all, '--as-of', '2026-11-24']).code).toBe(0);
    const r = cli(['due', '--vault', vault, '--ics', soon, '--days', '60', '--as-of', '2026-11-24', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ asOf: '2026-11-24', days: 60, file: soon, events: 2 });
    const events = parseIcs(readFileSync(soon, 'utf8')).events;
    expect(events.map((e) => `${e.DTSTART.value} ${e.SUMMARY.value}`)).toEqual([
      '20261216 Toni Reyes: Professional indemnity (STAFF-INDEMNITY) lapses',
      '20270101 Case RC-100: Risk review (CASE-RISK-REVIEW) lapses',
    ]);
    // The same (subject, rule) has the same UID in both exports.
    const allUids = new Set(parseIcs(readFileSync(all, 'utf8')).events.map((e) => e.UID.value));
    for (const e of events) expect(allUids.has(e.UID.value)).toBe(true);
    // The plain `due` list still works as before and agrees.
    const due = cli(['due', '--vault', vault, '--days', '60', '--as-of', '2026-11-24', '--json']);
    expect((JSON.parse(due.stdout) as { items: unknown[] }).items).toHaveLength(2);
  });

  it('bad --days is a usage error (2); a wrong passphrase is 1; nothing is written', () => {
    const { dir, vault } = vaultWithSample();
    const file = path.join(dir, 'x.ics');
    expect(cli(['due', '--vault', vault, '--ics', file, '--days', 'soon'])).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/--days must be a whole number/),
    });
    expect(cli(['due', '--vault', vault, '--ics', file, '--as-of', '2026-02-30'])).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/--as-of must be a real date/),
    });
    expect(cli(['due', '--vault', vault, '--ics'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/--ics/) });
    expect(cli(['due', '--vault', vault, '--ics', file], { CASEPROOF_PASSPHRASE: 'this is not it' })).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/passphrase is wrong/),
    });
    expect(existsSync(file)).toBe(false);
    expect(cli(['due', '--vault', vault, '--ics', path.join(dir, 'no-such-folder', 'x.ics')])).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/There is no folder .*no-such-folder to write x.ics into/),
    });
    expect(cli(['--help']).stdout).toContain('--ics FILE');
  });
});
