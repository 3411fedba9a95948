// Snapshot builders for tests: a member of staff, a supplier, a case and a firm with
// sensible defaults that meet every rule as of AS_OF, each overridable field by field.
// List records may be given without `id` / `evidence`; the builders fill them in.
// Also: fromFirmFile (firm-file JSON -> FirmSnapshot) and loadSample (the Riverside sample).
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RuleResult, SubjectReport } from '../../electron/contract/compliance';
import {
  DEFAULT_SETTINGS,
  type CaseSnapshot,
  type CpdEntry,
  type DbsCheck,
  type Decision,
  type EvidenceMeta,
  type Exemption,
  type FirmInfo,
  type FirmSettings,
  type FirmSnapshot,
  type FitnessCheck,
  type Policy,
  type PolicyAck,
  type PeerReview,
  type Qualification,
  type Registration,
  type Regulatory,
  type StaffIndemnity,
  type StaffSnapshot,
  type Stored,
  type SupplierIndemnity,
  type SupplierSnapshot,
  type Training,
} from '../../electron/contract/model';

/** The date the defaults are built around (the sample's as-of date). */
export const AS_OF = '2026-11-24';

/** A record that may omit the stored fields. */
export type Loose<T> = T & { id?: number; evidence?: EvidenceMeta[] };

let nextId = 1;
/** A fresh id for a record, unique within the test run. */
export function newId(): number {
  return nextId++;
}

export function evidenceMeta(over: Partial<EvidenceMeta> = {}): EvidenceMeta {
  return {
    id: newId(),
    name: 'evidence.pdf',
    mediaType: 'application/pdf',
    size: 1024,
    sha256: '0'.repeat(64),
    addedBy: 'Test',
    addedOn: '2026-01-01',
    ...over,
  };
}

/** Adds id and evidence to a plain record. */
export function stored<T extends object>(x: Loose<T>): Stored<T> {
  return { ...x, id: x.id ?? newId(), evidence: x.evidence ?? [] };
}
const storeAll = <T extends object>(xs: Loose<T>[] | undefined, fallback: Loose<T>[]): Stored<T>[] => (xs ?? fallback).map((x) => stored(x));

// ---------- staff ----------
export type StaffInput = Partial<
  Omit<StaffSnapshot, 'dbs' | 'indemnity' | 'registrations' | 'cpd' | 'training' | 'peerReviews' | 'exemptions' | 'policyAcknowledgements'>
> & {
  dbs?: Loose<DbsCheck>[];
  indemnity?: Loose<StaffIndemnity>[];
  registrations?: Loose<Registration>[];
  cpd?: Loose<CpdEntry>[];
  training?: Loose<Training>[];
  peerReviews?: Loose<PeerReview>[];
  exemptions?: Loose<Exemption>[];
  policyAcknowledgements?: Loose<PolicyAck>[];
};

/**
 * A case manager who meets every STAFF-* rule as of AS_OF (and has no cases), in a firm built by
 * aFirm(): the peer review covers every area and two cases, and the firm's whistleblowing and
 * lone-working policies (reviewed 01/06/2026) are acknowledged.
 */
export function aStaff(over: StaffInput = {}): StaffSnapshot {
  const { dbs, indemnity, registrations, cpd, training, peerReviews, exemptions, policyAcknowledgements, ...details } = over;
  return {
    id: newId(),
    ref: 'S-01',
    name: 'Alex Carter',
    profession: 'Occupational therapist',
    employment: 'employed',
    solePractitioner: false,
    caseManagementSince: '2015-01-01',
    qualifiedOn: '2010-07-01',
    daysPerWeek: 5,
    ...details,
    dbs: storeAll(dbs, [{ level: 'enhanced', issuedOn: '2025-06-01' }]),
    indemnity: storeAll(indemnity, [{ insurer: 'Hiscox', coverGBP: 5_000_000, startsOn: '2026-04-01', expiresOn: '2027-03-31', heldBy: 'employer' }]),
    registrations: storeAll(registrations, [{ body: 'HCPC', number: 'OT12345', expiresOn: '2027-10-31', lastCheckedOn: '2026-09-01' }]),
    cpd: storeAll(cpd, [
      { date: '2026-03-10', topic: 'Goal setting', provider: 'BABICM' },
      { date: '2025-06-15', topic: 'Brain injury update', provider: 'UKABIF' },
    ]),
    training: storeAll(training, [
      { kind: 'safeguarding', completedOn: '2025-01-10' },
      { kind: 'mental-capacity', completedOn: '2025-01-10' },
      { kind: 'infosec', completedOn: '2026-06-01' },
    ]),
    peerReviews: storeAll(peerReviews, [
      { date: '2026-09-01', reviewer: 'Kim Byrne', casesReviewed: 2, areas: ['decision-making', 'interventions', 'communications', 'goal-setting'] },
    ]),
    exemptions: storeAll(exemptions, []),
    policyAcknowledgements: storeAll(policyAcknowledgements, [
      { policy: 'whistleblowing', on: '2026-06-15' },
      { policy: 'lone-working', on: '2026-06-15' },
    ]),
  };
}

// ---------- suppliers ----------
export type SupplierInput = Partial<
  Omit<SupplierSnapshot, 'indemnity' | 'qualifications' | 'dbs' | 'regulatory' | 'fitnessChecks' | 'decisions' | 'exemptions'>
> & {
  indemnity?: Loose<SupplierIndemnity>[];
  qualifications?: Loose<Qualification>[];
  dbs?: Loose<DbsCheck>[];
  regulatory?: Loose<Regulatory>[];
  fitnessChecks?: Loose<FitnessCheck>[];
  decisions?: Loose<Decision>[];
  exemptions?: Loose<Exemption>[];
};

/** A supplier who meets every SUP-* rule as of AS_OF (works with clients, enhanced DBS). */
export function aSupplier(over: SupplierInput = {}): SupplierSnapshot {
  const { indemnity, qualifications, dbs, regulatory, fitnessChecks, decisions, exemptions, ...details } = over;
  return {
    id: newId(),
    ref: 'SUP-01',
    name: 'Dales Physio',
    kind: 'organisation',
    services: ['physiotherapy'],
    soleTrader: false,
    worksWithClients: true,
    cvOnFile: true,
    safeguardingOn: '2025-05-01',
    serviceArea: 'North Yorkshire',
    acceptanceCriteria: 'Adults with acquired brain injury',
    evidenceBase: 'NICE NG211',
    ...details,
    indemnity: storeAll(indemnity, [{ insurer: 'Balens', coverGBP: 2_000_000, expiresOn: '2027-06-30' }]),
    qualifications: storeAll(qualifications, [{ body: 'HCPC', number: 'PH00001', evidence: [evidenceMeta({ name: 'hcpc.pdf' })] }]),
    dbs: storeAll(dbs, [{ level: 'enhanced', issuedOn: '2025-05-01' }]),
    regulatory: storeAll(regulatory, [{ scheme: 'ICO', reference: 'ZA000001' }]),
    fitnessChecks: storeAll(fitnessChecks, [{ checkedOn: '2026-06-01', register: 'HCPC', result: 'clear' }]),
    decisions: storeAll(decisions, [{ decision: 'approved', by: 'Kim Byrne', on: '2026-01-15', nextReviewOn: '2027-06-15' }]),
    exemptions: storeAll(exemptions, []),
  };
}

// ---------- cases ----------
/**
 * An open-active case that meets every CASE-* rule that applies as of AS_OF, managed by S-01,
 * no suppliers: referred 15/02/2026 and assessed 01/03/2026, a plan with a measurable goal,
 * reviewed 01/11/2026, no incidents (CASE-FOLLOW-UP does not apply to an open case).
 */
export function aCase(over: Partial<CaseSnapshot> = {}): CaseSnapshot {
  return {
    id: newId(),
    ref: 'C-001',
    caseManager: 'S-01',
    instructingParty: { name: 'Fenwick Law', kind: 'solicitor' },
    funding: 'claimant-solicitor',
    injury: 'brain',
    status: 'open-active',
    referredOn: '2026-02-15',
    inaOn: '2026-03-01',
    openedOn: '2026-03-01',
    rehabPrescriptionRequestedOn: '2026-03-02',
    preInaRequestedOn: '2026-03-02',
    preInaReviewedOn: '2026-03-09',
    nhsContactOn: '2026-03-10',
    nhsTeam: 'Leeds major trauma rehab team',
    rehabPlanOn: '2026-04-01',
    rehabPlanShared: true,
    goals: [{ text: 'Walk to the shop', measure: '500 m unaided', targetOn: '2027-03-31' }],
    planReviews: [{ on: '2026-11-01' }],
    consentRecordedOn: '2026-03-01',
    riskReviewedOn: '2026-11-01',
    instructions: [],
    handovers: [],
    ...over,
  };
}

// ---------- firm ----------
export interface FirmInput {
  firm?: Partial<Omit<FirmInfo, 'settings' | 'policies'>> & { settings?: Partial<FirmSettings>; policies?: Loose<Policy>[] };
  staff?: StaffSnapshot[];
  suppliers?: SupplierSnapshot[];
  cases?: CaseSnapshot[];
}

/** A firm that meets every ORG-* rule as of AS_OF, with no staff, suppliers or cases unless given. */
export function aFirm(over: FirmInput = {}): FirmSnapshot {
  const { settings, policies, ...info } = over.firm ?? {};
  return {
    firm: {
      name: 'Test Case Management Ltd',
      codeOfConductSignatory: true,
      ...info,
      settings: { ...DEFAULT_SETTINGS, ...settings },
      policies: storeAll(policies, [
        { kind: 'handover', title: 'Handover and continuity', reviewedOn: '2026-06-01' },
        { kind: 'whistleblowing', title: 'Whistleblowing', reviewedOn: '2026-06-01' },
        { kind: 'complaints', title: 'Complaints and feedback', reviewedOn: '2026-06-01' },
        { kind: 'lone-working', title: 'Lone working', reviewedOn: '2026-06-01' },
        { kind: 'infosec', title: 'Information security', reviewedOn: '2026-06-01' },
      ]),
    },
    staff: over.staff ?? [],
    suppliers: over.suppliers ?? [],
    cases: over.cases ?? [],
  };
}

// ---------- reading reports ----------
/** The result for `rule` in a subject report (throws when absent, so a typo fails the test). */
export function resultOf(report: Pick<SubjectReport, 'rules'>, rule: string): RuleResult {
  const r = report.rules.find((x) => x.rule === rule);
  if (!r) throw new Error(`no result for ${rule} in ${report.rules.map((x) => x.rule).join(', ')}`);
  return r;
}

// ---------- firm file -> snapshot ----------
type Json = Record<string, unknown>;
interface FileEvidence {
  name: string;
  mediaType: string;
  /** Absent for a copy destroyed on purpose (version 2), which keeps only its sha256. */
  base64?: string;
  sha256?: string;
}

function metaOf(f: FileEvidence, addedOn: string): EvidenceMeta {
  if (f.base64 === undefined) {
    return { id: newId(), name: f.name, mediaType: f.mediaType, size: 0, sha256: f.sha256 ?? '', addedBy: 'import', addedOn };
  }
  const bytes = Buffer.from(f.base64, 'base64');
  return {
    id: newId(),
    name: f.name,
    mediaType: f.mediaType,
    size: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    addedBy: 'import',
    addedOn,
  };
}

function storeJson<T>(items: unknown, addedOn: string): Stored<T>[] {
  if (!Array.isArray(items)) return [];
  return items.map((raw: Json) => {
    const { evidence, ...rest } = raw;
    const files = Array.isArray(evidence) ? (evidence as FileEvidence[]).map((f) => metaOf(f, addedOn)) : [];
    return { ...rest, id: newId(), evidence: files } as Stored<T>;
  });
}

/**
 * Maps a firm file (spec/interchange.md) into a FirmSnapshot: ids for every record, evidence
 * files turned into metadata (size and SHA-256 of the decoded bytes). No validation: tests
 * feed it known-good files.
 */
export function fromFirmFile(file: unknown, addedOn = AS_OF): FirmSnapshot {
  const f = file as Json;
  const firm = f.firm as Json;
  const staffList = (f.staff as Json[] | undefined) ?? [];
  const supplierList = (f.suppliers as Json[] | undefined) ?? [];
  const caseList = (f.cases as Json[] | undefined) ?? [];
  return {
    firm: {
      name: firm.name as string,
      ...(firm.address !== undefined ? { address: firm.address as string } : {}),
      codeOfConductSignatory: firm.codeOfConductSignatory === true,
      settings: { ...DEFAULT_SETTINGS, ...((firm.settings as Partial<FirmSettings>) ?? {}) },
      policies: storeJson<Policy>(firm.policies, addedOn),
    },
    staff: staffList.map((s) => {
      const { dbs, indemnity, registrations, cpd, training, peerReviews, exemptions, policyAcknowledgements, ...details } = s;
      return {
        ...(details as Omit<StaffSnapshot, 'id'>),
        id: newId(),
        dbs: storeJson<DbsCheck>(dbs, addedOn),
        indemnity: storeJson<StaffIndemnity>(indemnity, addedOn),
        registrations: storeJson<Registration>(registrations, addedOn),
        cpd: storeJson<CpdEntry>(cpd, addedOn),
        training: storeJson<Training>(training, addedOn),
        peerReviews: storeJson<PeerReview>(peerReviews, addedOn),
        exemptions: storeJson<Exemption>(exemptions, addedOn),
        policyAcknowledgements: storeJson<PolicyAck>(policyAcknowledgements, addedOn),
      };
    }),
    suppliers: supplierList.map((s) => {
      const { indemnity, qualifications, dbs, regulatory, fitnessChecks, decisions, exemptions, ...details } = s;
      return {
        ...(details as Omit<SupplierSnapshot, 'id'>),
        id: newId(),
        indemnity: storeJson<SupplierIndemnity>(indemnity, addedOn),
        qualifications: storeJson<Qualification>(qualifications, addedOn),
        dbs: storeJson<DbsCheck>(dbs, addedOn),
        regulatory: storeJson<Regulatory>(regulatory, addedOn),
        fitnessChecks: storeJson<FitnessCheck>(fitnessChecks, addedOn),
        decisions: storeJson<Decision>(decisions, addedOn),
        exemptions: storeJson<Exemption>(exemptions, addedOn),
      };
    }),
    cases: caseList.map(
      (c) =>
        ({
          ...c,
          id: newId(),
          instructions: (c.instructions as CaseSnapshot['instructions'] | undefined) ?? [],
          handovers: (c.handovers as CaseSnapshot['handovers'] | undefined) ?? [],
        }) as CaseSnapshot,
    ),
  };
}

const here = dirname(fileURLToPath(import.meta.url));
/** Where the Riverside sample firm file is looked for, first match wins. */
export const SAMPLE_CANDIDATES = [
  process.env.CASEPROOF_SAMPLE,
  resolve(here, '../fixtures/riverside-firm.json'),
  resolve(here, '../../../shared/samples/riverside-firm.json'),
].filter((p): p is string => typeof p === 'string' && p.length > 0);

/** The Riverside sample firm as a snapshot (throws, naming the paths tried, when not found). */
export function loadSample(): FirmSnapshot {
  const path = SAMPLE_CANDIDATES.find((p) => existsSync(p));
  if (!path) throw new Error(`riverside-firm.json not found; tried ${SAMPLE_CANDIDATES.join(', ')}`);
  return fromFirmFile(JSON.parse(readFileSync(path, 'utf8')));
}

/** Where the version-2 Riverside sample is looked for, first match wins. */
export const SAMPLE_V2_CANDIDATES = [resolve(here, '../fixtures/riverside-firm-v2.json'), resolve(here, '../../../shared/samples/riverside-firm-v2.json')];

/** The version-2 Riverside sample (case journey, policy acknowledgements, an exemption with expiry) as a snapshot. */
export function loadSampleV2(): FirmSnapshot {
  const path = SAMPLE_V2_CANDIDATES.find((p) => existsSync(p));
  if (!path) throw new Error(`riverside-firm-v2.json not found; tried ${SAMPLE_V2_CANDIDATES.join(', ')}`);
  return fromFirmFile(JSON.parse(readFileSync(path, 'utf8')));
}
