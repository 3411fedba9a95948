// The Riverside sample as a firm file, with what a real case manager's pack holds: two years of
// CPD with reflections, an indemnity schedule and a CPD certificate as images, and a DBS letter as
// a PDF. Used by the pack service, CLI and browser tests, and for the README's pack images.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { makePng } from './png';

// Read here rather than through vaults.ts, so scripts outside vitest can use this file.
const sampleFirm = () => JSON.parse(readFileSync(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/riverside-firm.json'), 'utf8'));

export const MORGAN = { ref: 'RR-01', name: 'Morgan Ellis' };
export const TONI = { ref: 'RR-02', name: 'Toni Reyes' };
export const SUPPLIER = { ref: 'RS-01', name: 'Dales Neuro Physio' };
export const FIRM_NAME = 'Riverside Rehabilitation Case Management';
export const RECIPIENT = { name: 'Fenwick Law', kind: 'solicitor' as const };

/** CPD over the two years to 24/11/2026, written as a case manager would record it. */
export const MORGAN_CPD = [
  {
    date: '2026-11-02',
    topic: 'Vocational rehabilitation after brain injury',
    provider: 'UKABIF',
    hours: 3,
    category: 'Clinical',
    reflection: 'Changed how I stage return-to-work plans: shorter, graded trials agreed with the employer before any contract change.',
  },
  {
    date: '2026-09-18',
    topic: 'Goal setting with Goal Attainment Scaling',
    provider: 'BABICM',
    hours: 2.5,
    category: 'Practice',
    reflection: 'Now score goals with the client at the first review so progress is measured, not described.',
  },
  {
    date: '2026-07-09',
    topic: 'Safeguarding adults: recognising coercive control',
    provider: 'Skills for Care',
    hours: 3,
    category: 'Safeguarding',
    reflection: 'Added a prompt to home visits to see the client alone for part of each visit.',
  },
  {
    date: '2026-05-21',
    topic: 'Data protection for case managers',
    provider: 'CMSUK',
    hours: 1.5,
    category: 'Information security',
    reflection: 'Stopped sending reports by unencrypted email; all reports now go through the secure portal.',
  },
  {
    date: '2026-04-22',
    topic: 'Managing fatigue after brain injury',
    provider: 'UKABIF',
    hours: 4,
    category: 'Clinical',
    reflection: 'Use activity diaries with clients for two weeks before setting a new routine.',
  },
  {
    date: '2026-02-12',
    topic: 'Working with deputies and the Court of Protection',
    provider: 'BABICM',
    hours: 2,
    category: 'Legal',
    reflection: 'Clarified which decisions need the deputy, and now record that on every rehabilitation plan.',
  },
  {
    date: '2025-12-04',
    topic: 'Spinal cord injury: community transition',
    provider: 'Spinal Injuries Association',
    hours: 3,
    category: 'Clinical',
    reflection: 'Book the equipment assessment before discharge, not after; it saved weeks for one client.',
  },
  {
    date: '2025-10-16',
    topic: 'Clinical supervision skills',
    provider: 'CMSUK',
    hours: 6,
    category: 'Leadership',
    reflection: 'Use a structured model for supervising newer case managers and keep brief notes of each session.',
  },
  {
    date: '2025-07-03',
    topic: 'Paediatric acquired brain injury: school liaison',
    provider: 'The Childrens Trust',
    hours: 2,
    category: 'Clinical',
    reflection: 'Involve the school SENCO from the start and share a one-page profile with staff.',
  },
  {
    date: '2025-05-14',
    topic: 'Mental Capacity Act in practice',
    provider: 'BABICM',
    hours: 3,
    category: 'Legal',
    reflection: 'Record each capacity assessment as decision-specific, with the steps taken to support the decision.',
  },
  {
    date: '2025-03-06',
    topic: 'Trauma-informed case management',
    provider: 'UKABIF',
    hours: 2.5,
    category: 'Practice',
    reflection: 'Give clients more choice about where and when we meet.',
  },
  {
    date: '2025-01-23',
    topic: 'Writing immediate needs assessments',
    provider: 'BABICM',
    hours: 3,
    category: 'Practice',
    reflection: 'Keep recommendations costed and tied to a goal so the instructing party can act quickly.',
  },
];

/** A small PDF (enough for a file-type check). */
function pdf(text: string): Uint8Array {
  return new TextEncoder().encode(`%PDF-1.4\n% ${text}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`);
}
const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64');
export const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

export const EVIDENCE = {
  schedule: makePng(320, 200, [31, 78, 121]),
  certificate: makePng(300, 210, [60, 140, 100]),
  dbsLetter: pdf('DBS update service status check'),
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the sample firm file, edited freely as plain JSON by the tests
type Json = any;

/** The sample firm file with Morgan Ellis's CPD and files added (a fresh copy each call). */
export function packFirmFile(): Json {
  const f: Json = sampleFirm();
  const morgan = f.staff.find((s: Json) => s.ref === MORGAN.ref);
  morgan.role = 'Senior case manager';
  morgan.cpd = MORGAN_CPD.map((c, i) =>
    i === 0 ? { ...c, evidence: [{ name: 'vocational-rehab-certificate.png', mediaType: 'image/png', base64: b64(EVIDENCE.certificate) }] } : { ...c },
  );
  morgan.indemnity[0].policyNumber = 'BAL-PI-77310';
  morgan.indemnity[0].startsOn = '2026-04-01';
  morgan.indemnity[0].evidence.push({ name: 'indemnity-schedule-2026.png', mediaType: 'image/png', base64: b64(EVIDENCE.schedule) });
  morgan.dbs[0].certificateNumber = '001987654321';
  morgan.dbs[0].updateService = true;
  morgan.dbs[0].lastStatusCheckOn = '2026-10-30';
  morgan.dbs[0].evidence.push({ name: 'dbs-status-check.pdf', mediaType: 'application/pdf', base64: b64(EVIDENCE.dbsLetter) });
  // Rules v2 (STAFF-PEER-REVIEW-SCOPE): the year's reviews must cover all four areas; the sample's
  // one review covers two, so a real pack would show the second review that covers the others.
  morgan.peerReviews.push({ date: '2026-10-20', reviewer: 'Sam Okafor', casesReviewed: 1, areas: ['decision-making', 'goal-setting'] });
  return f;
}
