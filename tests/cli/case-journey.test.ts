// `caseproof case ...` as a black box: the real CLI over a real vault, logging a case's journey
// (status changes, incidents and their reports, reviews, closing with follow-up, invoices) and the
// journey rules judged by `caseproof status` at their boundaries: 48 hours to the minute, the 3, 6
// and 9 month follow-up windows, 42 days to the assessment, 3 months between plan reviews, 30 days
// to pay. The clock is pinned (CASEPROOF_CLOCK): 24/11/2026 12:00 in London.
import { describe, expect, it } from 'vitest';
import { cli, vaultWithFirm, type Run } from '../support/cli';

const fenwick = { name: 'Fenwick Law', kind: 'solicitor' };
const FIRM = {
  format: 'caseproof-firm',
  version: 2,
  firm: { name: 'Riverside Rehab', codeOfConductSignatory: true },
  staff: [{ ref: 'CM-1', name: 'Alex Morgan', daysPerWeek: 3 }],
  suppliers: [{ ref: 'SUP-1', name: 'Dales Physio', kind: 'organisation', services: ['physiotherapy'] }],
  cases: [
    {
      ref: 'C-1',
      caseManager: 'CM-1',
      instructingParty: fenwick,
      status: 'open-active',
      referredOn: '2026-10-13',
      openedOn: '2026-10-14',
      rehabPlanOn: '2026-06-01',
      instructions: [{ supplier: 'SUP-1', on: '2026-10-15' }],
    },
    { ref: 'C-2', caseManager: 'CM-1', instructingParty: fenwick, status: 'open-active', referredOn: '2026-01-05', openedOn: '2026-01-06' },
  ],
};

function vault(): string {
  return vaultWithFirm(FIRM).vault;
}
const ok = (r: Run) => {
  expect(r.code, r.stderr).toBe(0);
  return r;
};
/** One rule's result from `caseproof status --json` (a case's, or the firm's when ref is null). */
function ruleOf(v: string, ref: string | null, rule: string, asOf?: string, env: Record<string, string> = {}) {
  const r = ok(cli(['status', '--vault', v, '--json', ...(asOf ? ['--as-of', asOf] : [])], env));
  const report = JSON.parse(r.stdout);
  const rules = ref === null ? report.firm.rules : report.cases.find((c: { ref: string }) => c.ref === ref).rules;
  return rules.find((x: { rule: string }) => x.rule === rule) as { status: string; reason: string; changesOn?: string };
}
const at = (iso: string) => ({ CASEPROOF_CLOCK: iso });

describe('caseproof case: an incident on the 48-hour clock', { timeout: 180_000 }, () => {
  it('48:00 after identification is in time, 48:01 is late, to the minute', () => {
    const v = vault();
    const logged = ok(
      cli([
        'case',
        'incident',
        '--vault',
        v,
        '--case',
        'C-1',
        '--kind',
        'safeguarding',
        '--identified',
        '2026-11-22T12:00',
        '--summary',
        'Bruising seen on a visit',
      ]),
    );
    expect(logged.stdout).toContain(
      'Incident 1 (safeguarding, identified 2026-11-22 12:00): less than a minute left to report to the line manager and the safeguarding lead',
    );
    expect(logged.stdout).toContain('CASE-INCIDENT-REPORTED: Due soon.');
    // At 12:00 the 48 hours are running (due soon); at 12:01 they ran out (not met).
    expect(ruleOf(v, 'C-1', 'CASE-INCIDENT-REPORTED').status).toBe('due_soon');
    expect(ruleOf(v, 'C-1', 'CASE-INCIDENT-REPORTED', undefined, at('2026-11-24T12:01:00Z')).status).toBe('not_met');
    // A report timed after now is refused; made at 12:00 (48:00) it is in time.
    const early = cli(['case', 'report', '--vault', v, '--case', 'C-1', '--incident', '1', '--to', 'line-manager', '--at', '2026-11-24T12:01']);
    expect(early.code).toBe(1);
    expect(early.stderr).toMatch(/lineManagerAt: must not be in the future/);
    ok(cli(['case', 'report', '--vault', v, '--case', 'C-1', '--incident', '1', '--to', 'line-manager', '--at', '2026-11-24T12:00']));
    const both = ok(cli(['case', 'report', '--vault', v, '--case', 'C-1', '--incident', '1', '--to', 'safeguarding-lead', '--at', '2026-11-24T12:00']));
    expect(both.stdout).toContain('Reported in time to the line manager and the safeguarding lead');
    expect(ruleOf(v, 'C-1', 'CASE-INCIDENT-REPORTED', undefined, at('2026-11-25T09:00:00Z')).status).toBe('met');
    // Reported at 48:01 (the clock a minute later) is late, for good.
    ok(
      cli(
        ['case', 'incident', '--vault', v, '--case', 'C-2', '--kind', 'incident', '--identified', '2026-11-22T12:00', '--summary', 'A fall at home'],
        at('2026-11-24T12:01:00Z'),
      ),
    );
    const late = ok(
      cli(
        ['case', 'report', '--vault', v, '--case', 'C-2', '--incident', '1', '--to', 'line-manager', '--at', '2026-11-24T12:01', '--json'],
        at('2026-11-24T12:01:00Z'),
      ),
    );
    const view = JSON.parse(late.stdout);
    expect(view.journey.incidents[0].reports[0]).toMatchObject({ field: 'lineManagerAt', state: 'late' });
    expect(view.rules.find((r: { rule: string }) => r.rule === 'CASE-INCIDENT-REPORTED').status).toBe('not_met');
  });

  it('refuses a malformed time or kind (usage, 2) and an unknown case or incident (1), by name', () => {
    const v = vault();
    const bad = cli(['case', 'incident', '--vault', v, '--case', 'C-1', '--kind', 'safeguarding', '--identified', '22/11/2026 12:00', '--summary', 'x']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--identified must be a London time written as YYYY-MM-DDTHH:MM');
    const kind = cli(['case', 'incident', '--vault', v, '--case', 'C-1', '--kind', 'fire', '--identified', '2026-11-22T12:00', '--summary', 'x']);
    expect(kind.code).toBe(2);
    expect(kind.stderr).toContain('--kind must be one of incident, accident, safeguarding, welfare (got fire)');
    const none = cli(['case', 'report', '--vault', v, '--case', 'C-1', '--incident', '1', '--to', 'lead', '--at', '2026-11-24T10:00']);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('Case C-1 has no incident 1 (it has 0)');
    const unknown = cli(['case', 'review', '--vault', v, '--case', 'NOPE', '--kind', 'plan', '--on', '2026-11-01']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/NOPE/);
    expect(cli(['case', 'dance', '--vault', v, '--case', 'C-1']).code).toBe(2);
  });
});

describe('caseproof case: closing with follow-up, reviews, status on past dates', { timeout: 180_000 }, () => {
  it('closes with consent: the 3, 6 and 9 month windows, 14 days either side, inclusive', () => {
    const v = vault();
    const closed = ok(cli(['case', 'close', '--vault', v, '--case', 'C-2', '--on', '2026-08-24', '--reason', 'goals achieved', '--follow-up', 'yes']));
    expect(closed.stdout.split('\n').slice(0, 4)).toEqual([
      'Closed case C-2 on 24/08/2026 (goals achieved).',
      'Follow-up at 3 months: 10/11/2026 to 08/12/2026 (open)',
      'Follow-up at 6 months: 10/02/2027 to 10/03/2027 (later)',
      'Follow-up at 9 months: 10/05/2027 to 07/06/2027 (later)',
    ]);
    expect(ruleOf(v, 'C-2', 'CASE-FOLLOW-UP').status).toBe('due_soon');
    // A contact on the first day of the window counts.
    const f = ok(cli(['case', 'follow-up', '--vault', v, '--case', 'C-2', '--on', '2026-11-10', '--outcome', 'Settled at home']));
    expect(f.stdout).toContain('Follow-up at 3 months: 10/11/2026 to 08/12/2026 (done)');
    expect(ruleOf(v, 'C-2', 'CASE-FOLLOW-UP').status).toBe('met');
    // The 6-month window: open up to its last day, missed the day after.
    expect(ruleOf(v, 'C-2', 'CASE-FOLLOW-UP', '2027-03-10').status).toBe('due_soon');
    expect(ruleOf(v, 'C-2', 'CASE-FOLLOW-UP', '2027-03-11').status).toBe('not_met');
    // Before the case closed it is not judged for follow-up at all.
    const before = cli(['case', 'follow-up', '--vault', v, '--case', 'C-1', '--on', '2026-11-10']);
    expect(before.code).toBe(1);
    expect(before.stderr).toMatch(/on: a follow-up is a contact after closing/);
  });

  it('42 days to the assessment; a plan review lasts 3 months; a status change is kept with its date', () => {
    const v = vault();
    // Referred 13/10/2026: the 42nd day is 24/11/2026.
    expect(ruleOf(v, 'C-1', 'CASE-ASSESSMENT-TIMELY', '2026-11-24').status).toBe('due_soon');
    expect(ruleOf(v, 'C-1', 'CASE-ASSESSMENT-TIMELY', '2026-11-25').status).toBe('not_met');
    // The plan (01/06) reviewed on 25/08: met to 24/11, not met from 25/11.
    const r = ok(cli(['case', 'review', '--vault', v, '--case', 'C-1', '--kind', 'plan', '--on', '2026-08-25', '--by', 'Alex Morgan']));
    expect(r.stdout).toContain('Recorded a plan review of case C-1 on 25/08/2026.');
    expect(['met', 'due_soon']).toContain(ruleOf(v, 'C-1', 'CASE-PLAN-REVIEW', '2026-11-24').status);
    expect(ruleOf(v, 'C-1', 'CASE-PLAN-REVIEW', '2026-11-25').status).toBe('not_met');
    ok(cli(['case', 'review', '--vault', v, '--case', 'C-1', '--kind', 'risk', '--on', '2026-11-20']));
    expect(ruleOf(v, 'C-1', 'CASE-RISK-REVIEW').status).not.toBe('not_met');
    // Monitoring from 01/11: open active on 31/10, monitoring on 01/11 (the caseload on each date).
    ok(cli(['case', 'status', '--vault', v, '--case', 'C-1', '--to', 'monitoring', '--on', '2026-11-01']));
    const load = (d: string) => JSON.parse(ok(cli(['caseload', '--vault', v, '--staff', 'CM-1', '--as-of', d, '--json'])).stdout).figures;
    expect(load('2026-10-31')).toMatchObject({ openActive: 2, monitoring: 0 });
    expect(load('2026-11-01')).toMatchObject({ openActive: 1, monitoring: 1 });
    const back = cli(['case', 'status', '--vault', v, '--case', 'C-1', '--to', 'open-active', '--on', '2026-10-20']);
    expect(back.code).toBe(1);
    expect(back.stderr).toMatch(/on: must not be before the case's last change of status \(01\/11\/2026, monitoring\)/);
  });
});

describe('caseproof case: invoices and ORG-SUPPLIERS-PAID', { timeout: 180_000 }, () => {
  it('an invoice paid on the 30th day is in time, on the 31st late; unpaid past its terms fails', () => {
    const v = vault();
    expect(ruleOf(v, null, 'ORG-SUPPLIERS-PAID').status).toBe('not_applicable');
    // Received 20/10/2026: the 30th day is 19/11/2026.
    const inv = ok(
      cli(['case', 'invoice', '--vault', v, '--case', 'C-1', '--instruction', '1', '--received', '2026-10-20', '--amount', '1200.25', '--number', 'DP-7']),
    );
    expect(inv.stdout).toContain('Invoice 1 (DP-7) from SUP-1: £1,200.25 received 20/10/2026, unpaid past the terms (35 days; due by 19/11/2026)');
    expect(ruleOf(v, null, 'ORG-SUPPLIERS-PAID').status).toBe('not_met');
    const late = ok(cli(['case', 'paid', '--vault', v, '--case', 'C-1', '--instruction', '1', '--invoice', '1', '--on', '2026-11-20']));
    expect(late.stdout).toContain('paid late (31 days to pay, on 20/11/2026; due by 19/11/2026)');
    expect(ruleOf(v, null, 'ORG-SUPPLIERS-PAID').status).toBe('not_met');
    const inTime = ok(cli(['case', 'paid', '--vault', v, '--case', 'C-1', '--instruction', '1', '--invoice', '1', '--on', '2026-11-19']));
    expect(inTime.stdout).toContain('paid in time (30 days to pay, on 19/11/2026; due by 19/11/2026)');
    expect(ruleOf(v, null, 'ORG-SUPPLIERS-PAID').status).toBe('met');
    const bad = cli([
      'case',
      'invoice',
      '--vault',
      v,
      '--case',
      'C-1',
      '--instruction',
      '1',
      '--received',
      '2026-11-01',
      '--amount',
      '12',
      '--paid',
      '2026-10-01',
    ]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/paidOn: must not be before the invoice was received \(01\/11\/2026\)/);
    const amount = cli(['case', 'invoice', '--vault', v, '--case', 'C-1', '--instruction', '1', '--received', '2026-11-01', '--amount', '-5']);
    expect(amount.code).toBe(2);
    const noSuch = cli(['case', 'invoice', '--vault', v, '--case', 'C-1', '--instruction', '2', '--received', '2026-11-01', '--amount', '5']);
    expect(noSuch.code).toBe(1);
    expect(noSuch.stderr).toMatch(/case C-1 has no instruction number 2 \(it has 1\)/);
  });
});
