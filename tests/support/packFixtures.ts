// A realistic firm for the Word pack tests and bench: the Riverside sample, plus a busy case
// manager (100 CPD entries over four years, 10 PNG attachments, a PDF, cases and a handover)
// and a supplier with a history of vetting decisions. Evidence bytes live in a map that
// `readEvidence` reads, and every file's SHA-256 is that of its bytes.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import type { ComplianceReport } from '../../electron/contract/compliance';
import { plusDays } from '../../electron/contract/dates';
import type { CpdEntry, EvidenceMeta, FirmSnapshot, StaffSnapshot } from '../../electron/contract/model';
import { evaluate } from '../../electron/services/compliance/engine';
import { AS_OF, aCase, aStaff, aSupplier, loadSample, newId, SAMPLE_CANDIDATES, type Loose } from './builders';
import { makePng } from './png';

export const HEAVY_REF = 'RR-09';
export const HEAVY_NAME = 'Jordan Blake';
export const BUSY_SUPPLIER_REF = 'RS-02';

export interface EvidenceStore {
  files: Map<number, Uint8Array>;
  /** Stores the bytes and returns their metadata (id, size, SHA-256). */
  add(name: string, mediaType: string, bytes: Uint8Array, addedOn?: string): EvidenceMeta;
  readEvidence(id: number): Uint8Array;
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function evidenceStore(): EvidenceStore {
  const files = new Map<number, Uint8Array>();
  return {
    files,
    add(name, mediaType, bytes, addedOn = '2026-10-01') {
      const id = newId();
      files.set(id, bytes);
      return { id, name, mediaType, size: bytes.length, sha256: sha256(bytes), addedBy: 'Practice manager', addedOn };
    },
    readEvidence(id) {
      const bytes = files.get(id);
      if (!bytes) throw new Error(`no evidence file ${id}`);
      return bytes;
    },
  };
}

const COLOURS: [number, number, number][] = [
  [31, 78, 121],
  [192, 80, 77],
  [155, 187, 89],
  [128, 100, 162],
  [75, 172, 198],
  [247, 150, 70],
  [44, 77, 117],
  [120, 120, 120],
  [200, 170, 40],
  [60, 140, 100],
];
const THEMES = [
  'Acquired brain injury: fatigue management',
  'Spinal cord injury: bladder and bowel care',
  'Mental Capacity Act assessments',
  'Safeguarding adults at risk',
  'Goal setting with GAS',
  'Vocational rehabilitation',
  'Working with deputies',
  'Data protection for case managers',
];

export const pad3 = (n: number) => String(n).padStart(3, '0');

/** The busy case manager: CPD every 15 days back from AS_OF (100 entries), 10 PNGs and a PDF attached. */
export function heavyCaseManager(store: EvidenceStore, pngSize = { width: 240, height: 160 }): StaffSnapshot {
  let colour = 0;
  const png = (name: string) => store.add(name, 'image/png', makePng(pngSize.width, pngSize.height, COLOURS[colour++ % COLOURS.length]));
  const cpd: Loose<CpdEntry>[] = Array.from({ length: 100 }, (_, i) => ({
    date: plusDays(AS_OF, -15 * i),
    topic: `Topic ${pad3(i + 1)}: ${THEMES[i % THEMES.length]}`,
    provider: i % 3 === 0 ? 'BABICM' : i % 3 === 1 ? 'UKABIF' : 'CMSUK',
    hours: 1 + (i % 4) * 0.5,
    ...(i % 5 === 0 ? { category: 'Clinical' } : {}),
    reflection: `Reflection ${pad3(i + 1)}: what I learned and how I will use it with clients.`,
    evidence:
      i < 5
        ? [png(`cpd-certificate-${pad3(i + 1)}.png`)]
        : i === 5
          ? [store.add('cpd-notes.pdf', 'application/pdf', new TextEncoder().encode('%PDF-1.4\n% notes\n'))]
          : [],
  }));
  return aStaff({
    ref: HEAVY_REF,
    name: HEAVY_NAME,
    role: 'Senior case manager',
    profession: 'Registered nurse',
    employment: 'self-employed',
    solePractitioner: true,
    soleWorkingSafeguards: 'Monthly clinical supervision with a named colleague; lone-worker app with check-in calls.',
    caseManagementSince: '2018-03-01',
    qualifiedOn: '2012-09-01',
    daysPerWeek: 4,
    indemnity: [
      {
        insurer: 'Hiscox',
        policyNumber: 'PI-2025-0042',
        coverGBP: 5_000_000,
        startsOn: '2025-04-01',
        expiresOn: '2026-03-31',
        heldBy: 'self',
        evidence: [png('pi-2025.png')],
      },
      {
        insurer: 'Hiscox',
        policyNumber: 'PI-2026-0042',
        coverGBP: 5_000_000,
        startsOn: '2026-04-01',
        expiresOn: '2027-03-31',
        heldBy: 'self',
        evidence: [png('pi-2026.png')],
      },
    ],
    dbs: [{ level: 'enhanced', certificateNumber: '001234567890', issuedOn: '2024-01-10', updateService: false, evidence: [png('dbs-2024.png')] }],
    registrations: [{ body: 'NMC', number: '12A3456E', expiresOn: '2027-04-30', lastCheckedOn: '2026-10-01', evidence: [png('nmc-register.png')] }],
    cpd,
    training: [
      { kind: 'safeguarding', completedOn: '2024-05-01', provider: 'Skills for Care', level: 'Level 3' },
      { kind: 'mental-capacity', completedOn: '2023-02-01', provider: 'BABICM' },
      { kind: 'infosec', completedOn: '2026-02-01', provider: 'NHS Digital', evidence: [png('infosec-certificate.png')] },
    ],
    peerReviews: [
      { date: '2026-03-15', reviewer: 'Sam Okafor', casesReviewed: 3, areas: ['decision-making', 'goal-setting'] },
      { date: '2025-09-20', reviewer: 'Sam Okafor', casesReviewed: 2, areas: ['interventions', 'communications'] },
    ],
  });
}

export interface PackFixture {
  snapshot: FirmSnapshot;
  report: ComplianceReport;
  asOf: string;
  store: EvidenceStore;
  readEvidence: (id: number) => Uint8Array;
}

/** The Riverside sample with its own evidence bytes, the busy case manager and a supplier with a decision history. */
export function packFixture(): PackFixture {
  const store = evidenceStore();
  const sample = loadSample();
  // The sample's files: the converter keeps their SHA-256, so find the bytes by it.
  const bySha = new Map<string, Uint8Array>();
  const path = SAMPLE_CANDIDATES.find((p) => existsSync(p))!;
  JSON.parse(readFileSync(path, 'utf8'), (_k, v) => {
    if (v && typeof v === 'object' && typeof v.base64 === 'string') {
      const bytes = new Uint8Array(Buffer.from(v.base64, 'base64'));
      bySha.set(sha256(bytes), bytes);
    }
    return v;
  });
  JSON.stringify(sample, (_k, v) => {
    if (v && typeof v === 'object' && typeof v.sha256 === 'string' && typeof v.id === 'number') store.files.set(v.id, bySha.get(v.sha256)!);
    return v;
  });

  const heavy = heavyCaseManager(store);
  const supplier = aSupplier({
    ref: BUSY_SUPPLIER_REF,
    name: 'Moorside Support Services',
    services: ['support workers'],
    serviceArea: 'Leeds, Bradford and Harrogate',
    acceptanceCriteria: 'Adults needing personal care after brain or spinal injury',
    evidenceBase: 'NICE NG211 and the Skills for Care standards',
    qualifications: [{ body: 'CQC', number: '1-234567890', evidence: [store.add('cqc-registration.png', 'image/png', makePng(120, 80, [90, 60, 160]))] }],
    decisions: [
      { decision: 'approved', by: 'Kim Byrne', on: '2024-10-01', nextReviewOn: '2025-10-01' },
      {
        decision: 'conditional',
        by: 'Kim Byrne',
        on: '2025-10-05',
        nextReviewOn: '2026-04-05',
        note: 'Approved on condition that two DBS checks are renewed.',
      },
      { decision: 'approved', by: 'Morgan Ellis', on: '2026-04-20', nextReviewOn: '2027-04-20', note: 'DBS renewals seen.' },
    ],
  });
  const snapshot: FirmSnapshot = {
    ...sample,
    firm: {
      ...sample.firm,
      policies: sample.firm.policies.map((p) =>
        p.kind === 'handover' ? { ...p, evidence: [store.add('handover-policy.pdf', 'application/pdf', new TextEncoder().encode('%PDF-1.4\n% policy\n'))] } : p,
      ),
    },
    staff: [...sample.staff, heavy],
    suppliers: [...sample.suppliers, supplier],
    cases: [
      ...sample.cases,
      aCase({ ref: 'RC-201', caseManager: HEAVY_REF, injury: 'brain', funding: 'joint-instruction', openedOn: '2025-02-01' }),
      aCase({ ref: 'RC-202', caseManager: HEAVY_REF, injury: 'spinal', funding: 'deputy', instructingParty: { name: 'Harper Deputyship', kind: 'deputy' } }),
      aCase({ ref: 'RC-203', caseManager: HEAVY_REF, injury: 'orthopaedic', funding: 'claimant-solicitor' }),
      aCase({ ref: 'RC-204', caseManager: HEAVY_REF, injury: 'brain', funding: 'claimant-solicitor', status: 'monitoring' }),
      aCase({ ref: 'RC-205', caseManager: HEAVY_REF, status: 'closed', closedOn: '2026-01-10', closedReason: 'settled' }),
      aCase({
        ref: 'RC-206',
        caseManager: 'RR-01',
        injury: 'polytrauma',
        funding: 'joint-instruction',
        handovers: [{ on: '2026-06-01', fromRef: 'RR-01', toRef: HEAVY_REF, reason: 'Long-term absence', jointWorkingDays: 10, clientInformed: true }],
      }),
    ],
  };
  return { snapshot, report: evaluate(snapshot, AS_OF), asOf: AS_OF, store, readEvidence: (id) => store.readEvidence(id) };
}
