import { describe, expect, it } from 'vitest';
import type { CaseSnapshot, HandoverRecord } from '../../electron/contract/model';
import {
  caseloadFor,
  casesByManagerOn,
  caseManagerOn,
  caseStatusOn,
  firmCaseload,
  isOpenOn,
  openActiveByManager,
  staffCaseload,
} from '../../electron/services/compliance/caseload';
import { AS_OF, aCase, aFirm, aStaff } from '../support/builders';

const handover = (on: string, fromRef: string, toRef: string): HandoverRecord => ({ on, fromRef, toRef, reason: 'leave', clientInformed: true });

describe('caseManagerOn', () => {
  it('is the recorded case manager when there are no handovers', () => {
    expect(caseManagerOn(aCase({ caseManager: 'S-01' }), AS_OF)).toBe('S-01');
  });
  it('moves to the new manager on the handover date', () => {
    const c = aCase({ caseManager: 'S-02', handovers: [handover('2026-06-01', 'S-01', 'S-02')] });
    expect(caseManagerOn(c, '2026-05-31')).toBe('S-01');
    expect(caseManagerOn(c, '2026-06-01')).toBe('S-02');
    expect(caseManagerOn(c, '2026-06-02')).toBe('S-02');
  });
  it('follows several handovers in date order, whatever order they are listed in', () => {
    const c = aCase({
      caseManager: 'S-03',
      handovers: [handover('2026-09-01', 'S-02', 'S-03'), handover('2026-03-01', 'S-01', 'S-02')],
    });
    expect(caseManagerOn(c, '2026-01-01')).toBe('S-01');
    expect(caseManagerOn(c, '2026-03-01')).toBe('S-02');
    expect(caseManagerOn(c, '2026-08-31')).toBe('S-02');
    expect(caseManagerOn(c, '2026-09-01')).toBe('S-03');
  });
  it('applies same-day handovers in the order listed', () => {
    const c = aCase({ handovers: [handover('2026-06-01', 'S-01', 'S-02'), handover('2026-06-01', 'S-02', 'S-03')] });
    expect(caseManagerOn(c, '2026-05-31')).toBe('S-01');
    expect(caseManagerOn(c, '2026-06-01')).toBe('S-03');
  });
});

describe('isOpenOn', () => {
  it('counts open-active and monitoring cases from their opening date', () => {
    expect(isOpenOn(aCase({ status: 'open-active', openedOn: AS_OF }), AS_OF)).toBe(true);
    expect(isOpenOn(aCase({ status: 'monitoring', openedOn: '2020-01-01' }), AS_OF)).toBe(true);
    expect(isOpenOn(aCase({ status: 'open-active', openedOn: '2026-11-25' }), AS_OF)).toBe(false);
    expect(isOpenOn(aCase({ status: 'open-active', openedOn: undefined }), AS_OF)).toBe(true);
  });
  it('never counts cases closed on or before the date, or referrals', () => {
    expect(isOpenOn(aCase({ status: 'closed', closedOn: AS_OF }), AS_OF)).toBe(false);
    expect(isOpenOn(aCase({ status: 'closed', closedOn: undefined }), AS_OF)).toBe(false);
    expect(isOpenOn(aCase({ status: 'referral' }), AS_OF)).toBe(false);
  });
  it('v2 valid time: a case closed after the date was open on it; an open case before its opening date was a referral', () => {
    expect(isOpenOn(aCase({ status: 'closed', closedOn: '2026-12-31' }), AS_OF)).toBe(true);
    expect(isOpenOn(aCase({ status: 'closed', closedOn: '2026-11-25' }), AS_OF)).toBe(true);
    expect(caseStatusOn(aCase({ status: 'open-active', referredOn: '2026-11-01', openedOn: '2026-11-25' }), AS_OF)).toBe('referral');
    expect(caseStatusOn(aCase({ status: 'open-active', referredOn: '2026-11-25', openedOn: '2026-11-30' }), AS_OF)).toBeUndefined();
  });
});

describe('caseloadFor', () => {
  const cases: CaseSnapshot[] = [
    aCase({
      ref: 'A1',
      caseManager: 'S-01',
      status: 'open-active',
      injury: 'brain',
      funding: 'joint-instruction',
      instructingParty: { name: 'Fenwick Law', kind: 'solicitor' },
    }),
    aCase({
      ref: 'A2',
      caseManager: 'S-01',
      status: 'open-active',
      injury: 'spinal',
      funding: undefined,
      instructingParty: { name: 'Aviva', kind: 'insurer' },
    }),
    aCase({
      ref: 'A3',
      caseManager: 'S-01',
      status: 'monitoring',
      injury: 'brain',
      funding: 'deputy',
      instructingParty: { name: 'Fenwick Law', kind: 'solicitor' },
    }),
    aCase({ ref: 'A4', caseManager: 'S-01', status: 'closed', closedOn: '2026-10-01', injury: 'orthopaedic' }),
    aCase({ ref: 'A5', caseManager: 'S-01', status: 'referral', openedOn: undefined, referredOn: '2026-11-20' }),
    aCase({ ref: 'A6', caseManager: 'S-01', status: 'referral', openedOn: undefined, referredOn: '2026-11-25' }),
    // referred 15/02/2026 (the builder's default), opened after as-of: a referral on as-of (v2 valid time)
    aCase({ ref: 'A7', caseManager: 'S-01', status: 'open-active', openedOn: '2026-12-01' }),
    // closed after as-of: open-active on it (v2 valid time); it did not count in version 1
    aCase({ ref: 'A8', caseManager: 'S-03', status: 'closed', closedOn: '2026-12-01', injury: 'amputation' }),
    aCase({ ref: 'B1', caseManager: 'S-02', status: 'open-active', injury: undefined, instructingParty: { name: 'Aviva', kind: 'insurer' } }),
  ];

  it("gives one case manager's figures: monitoring is not open-active; closed cases do not count", () => {
    expect(caseloadFor(cases, AS_OF, { staffRef: 'S-01', daysPerWeek: 3 })).toEqual({
      staffRef: 'S-01',
      asOf: AS_OF,
      openActive: 2,
      monitoring: 1,
      referral: 2,
      daysPerWeek: 3,
      perWorkingDay: 0.67,
      byInjury: { brain: 2, spinal: 1 },
      byFunding: { 'joint-instruction': 1, 'not recorded': 1, deputy: 1 },
      byParty: { 'Fenwick Law': 2, Aviva: 1 },
    });
  });
  it('gives the whole firm when no staff ref is given', () => {
    const f = caseloadFor(cases, AS_OF);
    expect(f).toMatchObject({ staffRef: null, openActive: 4, monitoring: 1, referral: 2, daysPerWeek: null, perWorkingDay: null });
    expect(f.byInjury).toEqual({ brain: 2, spinal: 1, 'not recorded': 1, amputation: 1 });
    expect(f.byParty).toEqual({ 'Fenwick Law': 3, Aviva: 2 });
  });
  it('rounds cases per working day to 2 decimal places', () => {
    const many = Array.from({ length: 25 }, (_, i) => aCase({ ref: `C${i}` }));
    expect(caseloadFor(many, AS_OF, { staffRef: 'S-01', daysPerWeek: 3 }).perWorkingDay).toBe(8.33);
    expect(caseloadFor(many, AS_OF, { staffRef: 'S-01', daysPerWeek: 4 }).perWorkingDay).toBe(6.25);
  });
  it('moves a case from one manager to another on the handover date', () => {
    const handed = [aCase({ ref: 'H1', caseManager: 'S-02', handovers: [handover('2026-11-24', 'S-01', 'S-02')] })];
    expect(caseloadFor(handed, '2026-11-23', { staffRef: 'S-01' }).openActive).toBe(1);
    expect(caseloadFor(handed, '2026-11-23', { staffRef: 'S-02' }).openActive).toBe(0);
    expect(caseloadFor(handed, '2026-11-24', { staffRef: 'S-01' }).openActive).toBe(0);
    expect(caseloadFor(handed, '2026-11-24', { staffRef: 'S-02' }).openActive).toBe(1);
    expect(openActiveByManager(handed, '2026-11-24')).toEqual(new Map([['S-02', 1]]));
  });
  it('staffCaseload uses the recorded days; firmCaseload sums them only when all are recorded', () => {
    const s1 = aStaff({ ref: 'S-01', daysPerWeek: 3 });
    const s2 = aStaff({ ref: 'S-02', daysPerWeek: 2.5 });
    expect(staffCaseload(s1, cases, AS_OF)).toMatchObject({ staffRef: 'S-01', openActive: 2, daysPerWeek: 3, perWorkingDay: 0.67 });
    expect(firmCaseload(aFirm({ staff: [s1, s2], cases }), AS_OF)).toMatchObject({ openActive: 4, daysPerWeek: 5.5, perWorkingDay: 0.73 });
    const s3 = aStaff({ ref: 'S-03', daysPerWeek: undefined });
    expect(firmCaseload(aFirm({ staff: [s1, s3], cases }), AS_OF)).toMatchObject({ daysPerWeek: null, perWorkingDay: null });
  });
});

describe('casesByManagerOn', () => {
  it("groups each case under its manager on the date (after a handover, the new one), and each person's figures read from their group equal those over every case", () => {
    const cases = [
      aCase({ ref: 'C-1', caseManager: 'S-01' }),
      aCase({ ref: 'C-2', caseManager: 'S-02', handovers: [handover('2026-06-01', 'S-01', 'S-02')] }),
      aCase({ ref: 'C-3', caseManager: 'S-02' }),
    ];
    const before = casesByManagerOn(cases, '2026-05-31');
    expect([...before].map(([ref, list]) => [ref, list.map((c) => c.ref)])).toEqual([
      ['S-01', ['C-1', 'C-2']],
      ['S-02', ['C-3']],
    ]);
    const after = casesByManagerOn(cases, AS_OF);
    expect(after.get('S-02')!.map((c) => c.ref)).toEqual(['C-2', 'C-3']);
    for (const ref of ['S-01', 'S-02']) {
      const s = aStaff({ ref, daysPerWeek: 2 });
      expect(staffCaseload(s, after.get(ref) ?? [], AS_OF)).toEqual(staffCaseload(s, cases, AS_OF));
    }
  });
});
