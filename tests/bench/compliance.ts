// Bench (not a test): the compliance engine over a large firm. 200 staff with two years of
// records each (monthly CPD, yearly indemnity, training, quarterly peer reviews, DBS,
// registrations), 50 suppliers and 2000 cases with instructions and handovers.
// Target: evaluate() under 100 ms for 200 staff.
import { performance } from 'node:perf_hooks';
import { plusDays, plusMonths } from '../../electron/contract/dates';
import type { CaseSnapshot, FirmSnapshot } from '../../electron/contract/model';
import { dueList, evaluate } from '../../electron/services/compliance/engine';
import { aCase, aFirm, aStaff, aSupplier } from '../support/builders';

const AS_OF = '2026-11-24';
const INJURIES = ['brain', 'spinal', 'orthopaedic', 'amputation', 'polytrauma', 'psychological', 'other'] as const;
const FUNDING = ['joint-instruction', 'claimant-solicitor', 'deputy', 'nhs-la', 'private'] as const;
const STATUSES = ['open-active', 'open-active', 'open-active', 'monitoring', 'closed', 'referral'] as const;

/** A firm of `staffCount` staff, `supplierCount` suppliers and `caseCount` cases, all deterministic. */
export function bigFirm(staffCount = 200, supplierCount = 50, caseCount = 2000): FirmSnapshot {
  const start = plusMonths(AS_OF, -24);
  const staff = Array.from({ length: staffCount }, (_, i) => {
    const day = (n: number) => plusDays(start, n + (i % 28)); // spread dates across staff
    const monthly = (count: number, every: number) => Array.from({ length: count }, (_, k) => plusMonths(day(0), k * every));
    return aStaff({
      ref: `S-${String(i).padStart(3, '0')}`,
      name: `Case Manager ${i}`,
      daysPerWeek: 2 + (i % 4),
      solePractitioner: i % 10 === 0,
      soleWorkingSafeguards: i % 20 === 0 ? 'Buddy system' : undefined,
      caseManagementSince: plusDays('2015-01-01', i * 13),
      qualifiedOn: plusDays('2010-01-01', i * 11),
      cpd: monthly(24, 1).map((date, k) => ({ date, topic: `Topic ${k}`, provider: 'BABICM', hours: 3 })),
      indemnity: [0, 12, 24].map((m) => {
        const startsOn = plusMonths(day(0), m);
        return {
          insurer: `Insurer ${m}`,
          coverGBP: i % 7 === 0 ? 3_000_000 : 5_000_000,
          startsOn,
          expiresOn: plusDays(plusMonths(startsOn, 12), -1),
          heldBy: 'employer' as const,
        };
      }),
      training: [
        { kind: 'safeguarding', completedOn: day(30) },
        { kind: 'mental-capacity', completedOn: day(60) },
        { kind: 'infosec', completedOn: day(90) },
        { kind: 'infosec', completedOn: day(455) },
      ],
      peerReviews: monthly(8, 3).map((date) => ({ date, reviewer: 'Kim Byrne', casesReviewed: 2 })),
      dbs: [
        { level: 'enhanced' as const, issuedOn: plusDays('2022-01-01', i * 5), updateService: i % 2 === 0, lastStatusCheckOn: day(400) },
        { level: 'basic' as const, issuedOn: day(10) },
      ],
      registrations: [
        { body: 'HCPC', number: `OT${i}`, expiresOn: day(800), lastCheckedOn: day(300 + (i % 300)) },
        { body: 'BABICM', number: `B${i}`, expiresOn: day(400), lastCheckedOn: day(200) },
      ],
      exemptions: i % 25 === 0 ? [{ rule: 'STAFF-DBS', reason: 'Desk-based', grantedBy: 'Kim Byrne', grantedOn: day(100) }] : [],
    });
  });
  const suppliers = Array.from({ length: supplierCount }, (_, i) => {
    const day = (n: number) => plusDays(start, n + i * 3);
    return aSupplier({
      ref: `P-${String(i).padStart(3, '0')}`,
      name: `Supplier ${i}`,
      worksWithClients: i % 3 !== 0,
      soleTrader: i % 5 === 0,
      safeguardingOn: day(100),
      indemnity: [
        { insurer: 'Balens', coverGBP: 2_000_000, expiresOn: day(360) },
        { insurer: 'Balens', coverGBP: 2_000_000, expiresOn: day(725) },
      ],
      regulatory: [{ scheme: 'ICO', reference: `Z${i}`, expiresOn: day(700) }, { scheme: 'HCPC' }],
      fitnessChecks: [
        { checkedOn: day(200), register: 'HCPC', result: 'clear' },
        { checkedOn: day(550), register: 'HCPC', result: i % 11 === 0 ? 'restriction' : 'clear' },
      ],
      decisions: [
        { decision: 'approved', by: 'Kim Byrne', on: day(20), nextReviewOn: day(385) },
        { decision: i % 13 === 0 ? 'conditional' : 'approved', by: 'Kim Byrne', on: day(380), nextReviewOn: day(745) },
      ],
    });
  });
  const cases: CaseSnapshot[] = Array.from({ length: caseCount }, (_, i) => {
    const day = (n: number) => plusDays(start, n + (i % 400));
    const manager = staff[i % staffCount].ref;
    const other = staff[(i + 1) % staffCount].ref;
    return aCase({
      ref: `C-${String(i).padStart(5, '0')}`,
      caseManager: manager,
      status: STATUSES[i % STATUSES.length],
      injury: INJURIES[i % INJURIES.length],
      funding: FUNDING[i % FUNDING.length],
      instructingParty: { name: `Law firm ${i % 40}`, kind: 'solicitor' },
      openedOn: day(0),
      closedOn: STATUSES[i % STATUSES.length] === 'closed' ? day(300) : undefined,
      consentRecordedOn: day(1),
      consentReviewedOn: i % 2 === 0 ? day(300) : undefined,
      riskReviewedOn: day(250 + (i % 90)),
      instructions: [0, 1, 2].map((k) => ({ supplier: suppliers[(i + k) % supplierCount].ref, on: day(30 + k * 90) })),
      handovers: i % 10 === 0 ? [{ on: day(200), fromRef: other, toRef: manager, reason: 'leave', clientInformed: true }] : [],
    });
  });
  return aFirm({ staff, suppliers, cases });
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}
const round = (ms: number) => Math.round(ms * 100) / 100;

export async function benchCompliance(): Promise<{ label: string; ms: number }[]> {
  const firm = bigFirm();
  const runs = 15;

  let t = performance.now();
  const first = evaluate(firm, AS_OF);
  const cold = performance.now() - t;

  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    t = performance.now();
    evaluate(firm, AS_OF);
    times.push(performance.now() - t);
  }
  // a different as-of each run, so memoised date arithmetic is partly cold
  const shifted: number[] = [];
  for (let i = 0; i < runs; i++) {
    const asOf = plusDays(AS_OF, i + 1);
    t = performance.now();
    evaluate(firm, asOf);
    shifted.push(performance.now() - t);
  }
  const dues: number[] = [];
  for (let i = 0; i < runs; i++) {
    t = performance.now();
    dueList(first, AS_OF, 60);
    dues.push(performance.now() - t);
  }
  return [
    { label: 'compliance: evaluate 200 staff / 50 suppliers / 2000 cases (first run)', ms: round(cold) },
    { label: `compliance: evaluate 200 staff / 50 suppliers / 2000 cases (median of ${runs})`, ms: round(median(times)) },
    { label: `compliance: evaluate, a new as-of each run (median of ${runs})`, ms: round(median(shifted)) },
    { label: `compliance: dueList 60 days (median of ${runs})`, ms: round(median(dues)) },
  ];
}
