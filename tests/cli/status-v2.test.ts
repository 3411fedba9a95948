// `caseproof status --json` gives rules.md version 2's verdicts at the boundaries: the real CLI as
// a child process over a real vault, fed firm files (version 1, which every Caseproof reads) built
// at the edges of each convention, judged the day before, on and after.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RULE_IDS, ruleTitle, rulesFor } from '../../electron/contract/rules';
import { cli } from '../support/cli';

type Result = { rule: string; status: string; reason: string; changesOn?: string };
type Subject = { ref: string; status: string; rules: Result[] };
type Status = { asOf: string; firm: { status: string; rules: Result[] }; staff: Subject[]; suppliers: Subject[]; cases: Subject[] };

const staff = (over: Record<string, unknown>) => ({
  name: 'Alex Carter',
  employment: 'employed',
  solePractitioner: false,
  caseManagementSince: '2015-01-01',
  qualifiedOn: '2010-07-01',
  daysPerWeek: 5,
  ...over,
});
const supplier = (over: Record<string, unknown>) => ({ name: 'Dales Physio', kind: 'organisation', services: ['physiotherapy'], ...over });

/** A vault holding this firm file; returns a function giving `status --json` as of a date. */
// One vault for the whole file (tempDir() is emptied after each test): made once, removed at the end.
const dirs: string[] = [];
let vaultPath = '';
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
function vaultOf(file: Record<string, unknown>) {
  const dir = mkdtempSync(path.join(tmpdir(), 'caseproof-status-v2-'));
  dirs.push(dir);
  const vault = path.join(dir, 'v2.cpv');
  const json = path.join(dir, 'firm.json');
  writeFileSync(json, JSON.stringify({ format: 'caseproof-firm', version: 1, firm: { name: 'Edge Case Management', codeOfConductSignatory: true }, ...file }));
  expect(cli(['init', '--vault', vault]).code).toBe(0);
  const imp = cli(['import', '--vault', vault, json]);
  expect(imp.code, imp.stderr).toBe(0);
  vaultPath = vault;
  return (asOf?: string): Status => {
    const r = cli(['status', '--vault', vault, '--json', ...(asOf ? ['--as-of', asOf] : [])]);
    expect(r.code, r.stderr).toBe(0);
    return JSON.parse(r.stdout) as Status;
  };
}
const of = (s: Subject | Status['firm'], rule: string) => s.rules.find((r) => r.rule === rule)!;
const staffRule = (st: Status, ref: string, rule: string) =>
  of(
    st.staff.find((s) => s.ref === ref)!,
    rule,
  );

describe('caseproof status --json (rules version 2)', () => {
  const status = vaultOf({
    staff: [
      // the registration's expiry (last valid day) is 30/11/2026; the safeguarding course was on 29/02/2024
      staff({
        ref: 'S-REG',
        registrations: [{ body: 'HCPC', number: 'OT1', expiresOn: '2026-11-30', lastCheckedOn: '2026-06-01' }],
        training: [{ kind: 'Safeguarding adults level 3', completedOn: '2024-02-29' }],
      }),
      // a version-1 exemption (no expiry) granted 30/11/2025 runs to 30/11/2026 inclusive
      staff({ ref: 'S-EXE', exemptions: [{ rule: 'STAFF-TRAINING-MCA', reason: 'Desk-based role', grantedBy: 'Kim Byrne', grantedOn: '2025-11-30' }] }),
      // self-employed with the sole-practitioner question unanswered
      staff({ ref: 'S-SELF', employment: 'self-employed', solePractitioner: undefined }),
      // 40 open cases over 4.998 days: 8.004 a day, shown as 8
      staff({ ref: 'S-LOAD', daysPerWeek: 4.998 }),
    ],
    suppliers: [supplier({ ref: 'SUP-Q' })],
    cases: [
      ...Array.from({ length: 40 }, (_, i) => ({
        ref: `C-${i}`,
        caseManager: 'S-LOAD',
        instructingParty: { name: 'Fenwick Law', kind: 'solicitor' },
        status: 'open-active',
        openedOn: '2026-01-05',
      })),
      // closed on 01/11/2026: open on a past as-of date before it
      {
        ref: 'C-CLOSED',
        caseManager: 'S-REG',
        instructingParty: { name: 'Fenwick Law', kind: 'solicitor' },
        status: 'closed',
        openedOn: '2026-01-05',
        closedOn: '2026-11-01',
        closedReason: 'settled',
      },
    ],
  });

  it('reports every catalogue rule, in order, for every subject', () => {
    const s = status('2026-11-24');
    expect(s.firm.rules.map((r) => r.rule)).toEqual(rulesFor('firm').map((r) => r.id));
    for (const p of s.staff) expect(p.rules.map((r) => r.rule)).toEqual(rulesFor('staff').map((r) => r.id));
    for (const p of s.suppliers) expect(p.rules.map((r) => r.rule)).toEqual(rulesFor('supplier').map((r) => r.id));
    for (const c of s.cases) expect(c.rules.map((r) => r.rule)).toEqual(rulesFor('case').map((r) => r.id));
    const seen = new Set(
      [...s.firm.rules, ...s.staff.flatMap((x) => x.rules), ...s.suppliers.flatMap((x) => x.rules), ...s.cases.flatMap((x) => x.rules)].map((r) => r.rule),
    );
    expect([...seen].sort()).toEqual([...RULE_IDS].sort());
  });

  it('a registration is valid on its expiry date and lapsed the day after', () => {
    expect(staffRule(status('2026-11-30'), 'S-REG', 'STAFF-REGISTRATION')).toMatchObject({ status: 'due_soon', changesOn: '2026-12-01' });
    expect(staffRule(status('2026-12-01'), 'S-REG', 'STAFF-REGISTRATION')).toMatchObject({ status: 'not_met', reason: 'HCPC OT1 expired on 30/11/2026' });
  });

  it('29 February: a free-text safeguarding course counts to 28/02/2027 and lapses on 01/03/2027', () => {
    expect(staffRule(status('2027-02-28'), 'S-REG', 'STAFF-TRAINING-SAFEGUARDING')).toMatchObject({ status: 'due_soon', changesOn: '2027-03-01' });
    const lapsed = staffRule(status('2027-03-01'), 'S-REG', 'STAFF-TRAINING-SAFEGUARDING');
    expect(lapsed.status).toBe('not_met');
    expect(lapsed.reason).toContain('"Safeguarding adults level 3" completed on 29/02/2024, more than 36 months before (lapsed on 01/03/2027)');
  });

  it('a version-1 exemption stands 12 months from its grant: exempt on 30/11/2026, not the day after', () => {
    expect(staffRule(status('2026-11-30'), 'S-EXE', 'STAFF-TRAINING-MCA')).toMatchObject({
      status: 'exempt',
      reason: 'Exempt until 30/11/2026: Desk-based role (granted by Kim Byrne on 30/11/2025)',
      changesOn: '2026-12-01',
    });
    // the day after, the rule's own verdict returns (no mental capacity training recorded)
    expect(staffRule(status('2026-12-01'), 'S-EXE', 'STAFF-TRAINING-MCA').status).toBe('not_met');
  });

  it('unrecorded is not met: a self-employed sole-practitioner answer, a supplier\'s "works with clients"', () => {
    const s = status('2026-11-24');
    expect(staffRule(s, 'S-SELF', 'STAFF-SOLE-PRACTITIONER')).toMatchObject({
      status: 'not_met',
      reason: 'Not recorded whether Alex Carter (self-employed) works as a sole practitioner',
    });
    expect(of(s.suppliers[0], 'SUP-DBS')).toMatchObject({ status: 'not_met', reason: 'Not recorded whether they work directly with clients' });
  });

  it('a peer review by the person themself is refused by the import (interchange.md), naming the path', () => {
    // (The engine still refuses to count one held from before: tests/unit compliance tests.)
    const dir = mkdtempSync(path.join(tmpdir(), 'caseproof-status-v2-'));
    dirs.push(dir);
    const vault = path.join(dir, 'self.cpv');
    const json = path.join(dir, 'self.json');
    writeFileSync(
      json,
      JSON.stringify({
        format: 'caseproof-firm',
        version: 2,
        staff: [staff({ ref: 'S-SELF', peerReviews: [{ date: '2026-10-01', reviewer: 'Alex  carter' }] })],
      }),
    );
    expect(cli(['init', '--vault', vault]).code).toBe(0);
    const r = cli(['import', '--vault', vault, json]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('staff[0].peerReviews[0].reviewer: must be someone other than Alex Carter: a peer review by the person reviewed does not count');
  });

  it('numbers are compared unrounded: 8.004 cases a day fails a limit of 8', () => {
    expect(staffRule(status('2026-11-24'), 'S-LOAD', 'STAFF-CASELOAD')).toMatchObject({
      status: 'not_met',
      reason: "40 open-active cases over 4.998 days a week = 8 a day, above the firm's limit of 8 (just above, before rounding)",
    });
  });

  it("a past as-of date uses that day's facts: a case closed since was open on it", () => {
    expect(staffRule(status('2026-10-31'), 'S-REG', 'STAFF-CASELOAD').reason).toContain('1 open-active case');
    expect(staffRule(status('2026-11-01'), 'S-REG', 'STAFF-CASELOAD').reason).toContain('0 open-active cases');
    const closed = status('2026-10-31').cases.find((c) => c.ref === 'C-CLOSED')!;
    expect(of(closed, 'CASE-CONSENT').status).toBe('not_met');
    expect(
      of(
        status('2026-11-24').cases.find((c) => c.ref === 'C-CLOSED')!,
        'CASE-CONSENT',
      ),
    ).toMatchObject({ status: 'not_applicable', reason: 'Case closed on 01/11/2026' });
  });

  it('the words: each rule is printed with its one title from the catalogue, as the app and the packs show it', () => {
    const r = cli(['status', '--vault', vaultPath, '--as-of', '2026-11-24']);
    expect(r.code, r.stderr).toBe(0);
    const line = r.stdout.split('\n').find((l) => l.trim().startsWith('STAFF-POLICY-ACK'))!;
    expect(line).toMatch(/^ {2}STAFF-POLICY-ACK +Policies acknowledged +Not met +No current/);
    for (const id of RULE_IDS) expect(r.stdout, id).toContain(ruleTitle(id));
  });

  it("without --as-of, the report is as of the pinned clock's London date", () => {
    expect(status().asOf).toBe('2026-11-24');
  });
});
