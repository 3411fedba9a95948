// `caseproof report mtsp` as a black box: the real CLI over a real vault filled from a
// version-2 firm file with journeys (status history, invoices, outcomes, feedback).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, vaultWithFirm } from '../support/cli';

const fenwick = { name: 'Fenwick Law', kind: 'solicitor' };
const FIRM = {
  format: 'caseproof-firm',
  version: 2,
  firm: { name: 'Riverside Rehab', codeOfConductSignatory: true },
  staff: [{ ref: 'CM-1', name: 'Alex Morgan', daysPerWeek: 3 }],
  suppliers: [{ ref: 'SUP-1', name: 'Dales Physio', kind: 'organisation', services: ['physiotherapy'] }],
  cases: [
    {
      ref: 'F-1',
      caseManager: 'CM-1',
      instructingParty: fenwick,
      injury: 'brain',
      status: 'closed',
      referredOn: '2026-01-05',
      openedOn: '2026-01-10',
      settlementOn: '2026-07-05',
      closedOn: '2026-08-01',
      closedReason: 'settled',
      statusHistory: [
        { status: 'referral', on: '2026-01-05' },
        { status: 'open-active', on: '2026-01-10' },
        { status: 'closed', on: '2026-08-01' },
      ],
      instructions: [
        {
          supplier: 'SUP-1',
          on: '2026-02-01',
          invoices: [
            { receivedOn: '2026-03-01', amountGBP: 1200.25, paidOn: '2026-03-20' },
            { receivedOn: '2025-06-01', amountGBP: 999 },
          ],
        },
      ],
      outcome: { vocational: 'returned-to-work' },
      feedback: [{ on: '2026-08-10', from: 'service-user', aboutCaseManager: 5, aboutSolicitor: 4 }],
    },
    {
      ref: 'F-2',
      caseManager: 'CM-1',
      instructingParty: fenwick,
      injury: 'spinal',
      status: 'open-active',
      referredOn: '2026-03-01',
      openedOn: '2026-03-02',
      settlementOn: '2026-04-30',
    },
    {
      ref: 'OLD',
      caseManager: 'CM-1',
      instructingParty: fenwick,
      injury: 'brain',
      status: 'closed',
      referredOn: '2023-01-01',
      openedOn: '2023-01-02',
      closedOn: '2024-06-30',
      closedReason: 'settled',
    },
  ],
};

function vault() {
  const { vault: v, dir } = vaultWithFirm(FIRM);
  return { v, dir };
}

describe('caseproof report mtsp', () => {
  it('prints the figures by instructing party as cli.md gives the JSON, for the period asked', () => {
    const { v } = vault();
    const r = cli(['report', 'mtsp', '--vault', v, '--from', '2026-01-01', '--to', '2026-11-24', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      from: '2026-01-01',
      to: '2026-11-24',
      byParty: [
        {
          party: 'Fenwick Law',
          kind: 'solicitor',
          cases: 2,
          injuries: { brain: 1, spinal: 1 },
          spendGBP: { brain: 1200.25 },
          medianDaysReferralToSettlement: 120.5,
          vocational: { 'returned-to-work': 1 },
          feedback: { responses: 1, aboutCaseManager: 5, aboutSolicitor: 4 },
        },
      ],
    });
    // Default period: the 12 months to the pinned clock (24/11/2026).
    expect(JSON.parse(cli(['report', 'mtsp', '--vault', v, '--json']).stdout)).toMatchObject({ from: '2025-11-25', to: '2026-11-24' });
    const words = cli(['report', 'mtsp', '--vault', v, '--from', '2024-01-01', '--to', '2024-12-31']);
    expect(words.stdout.split('\n').slice(0, 3)).toEqual([
      'MTSP Model report: cases referred or open from 01/01/2024 to 31/12/2024',
      'Fenwick Law (solicitor): 1 case',
      '  Injury mix: brain 1',
    ]);
  });

  it('writes the XLSX, never over a file without --force, and refuses bad arguments by name', () => {
    const { v, dir } = vault();
    const out = path.join(dir, 'mtsp.xlsx');
    const r = cli(['report', 'mtsp', '--vault', v, '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
    expect(cli(['report', 'mtsp', '--vault', v, '--out', out]).stderr).toContain('add --force to replace it');
    expect(cli(['report', 'mtsp', '--vault', v, '--out', out, '--force']).code).toBe(0);
    const bad = cli(['report', 'mtsp', '--vault', v, '--from', '2026-02-30']);
    expect([bad.code, bad.stderr.trim()]).toEqual([2, 'caseproof: --from must be a real date written as YYYY-MM-DD (got 2026-02-30).']);
    expect(cli(['report', 'mtsp', '--vault', v, '--from', '2026-05-01', '--to', '2026-04-01']).stderr).toContain('must not be after');
    expect(cli(['report', 'nope', '--vault', v]).code).toBe(2);
    expect(existsSync(path.join(dir, 'other.xlsx'))).toBe(false);
  });
});
