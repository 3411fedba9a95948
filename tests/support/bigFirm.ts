// A firm file large enough that importing it takes a while (thousands of cases), for the
// tests that watch a long operation run: progress events, and other calls answered meanwhile.
import { writeFileSync } from 'node:fs';
import path from 'node:path';

const INJURIES = ['brain', 'spinal', 'orthopaedic', 'polytrauma'] as const;
const STATUSES = ['open-active', 'monitoring', 'referral'] as const;

export function bigFirmFile(cases: number, staffCount = 20) {
  const staff = Array.from({ length: staffCount }, (_, i) => ({ ref: `BF-${String(i).padStart(3, '0')}`, name: `Big Firm Manager ${i}`, daysPerWeek: 4 }));
  return {
    format: 'caseproof-firm',
    version: 1,
    firm: { name: 'Big Firm', codeOfConductSignatory: true },
    staff,
    cases: Array.from({ length: cases }, (_, i) => ({
      ref: `BC-${String(i).padStart(6, '0')}`,
      initials: String.fromCharCode(65 + (i % 26), 65 + ((i * 7) % 26)),
      caseManager: staff[i % staff.length].ref,
      instructingParty: { name: `Instructing Party ${i % 30}`, kind: 'solicitor' },
      funding: 'claimant-solicitor',
      injury: INJURIES[i % INJURIES.length],
      status: STATUSES[i % STATUSES.length],
      referredOn: '2025-01-06',
      ...(STATUSES[i % STATUSES.length] === 'referral' ? {} : { openedOn: '2025-01-20' }),
    })),
  };
}

/**
 * The firm file the audit trail's share is measured on (tests/bench/trail-firm-import.ts and
 * `npm run bench`): 5,000 cases and 200 people with 100 CPD entries each, 25,231 rows in all.
 */
export function trailFirmFile() {
  const file = bigFirmFile(5_000, 200);
  return {
    ...file,
    staff: file.staff.map((s, i) => ({
      ...s,
      cpd: Array.from({ length: 100 }, (_, j) => ({ date: `2026-0${1 + (j % 9)}-1${j % 10}`, topic: `Topic ${i}-${j}`, provider: 'BABICM', hours: 2 })),
    })),
  };
}

/** Writes the big firm file into `dir` and returns its path (for a dialog to answer with). */
export function writeBigFirmFile(dir: string, cases: number): string {
  const file = path.join(dir, `big-firm-${cases}.json`);
  writeFileSync(file, JSON.stringify(bigFirmFile(cases)));
  return file;
}
