// The firm of issue 9, for `npm run bench` (and, smaller, for tests of the screens at scale): 200 case managers with two years of records each
// (40,000 CPD entries in all), 2,000 suppliers, 20,000 cases and 1,000 evidence files of about
// 200 KB (a vault of about 230 MB). Deterministic. Building it takes a minute or two, so the
// built vault is kept under os.tmpdir(), keyed by DATASET_VERSION (bump it when the firm
// changes) and by the vault's data version (SCHEMA_VERSION, so a vault cached before a later
// migration is built again rather than read with a missing column), and copied for each run that writes.
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { SCHEMA_VERSION, createVault, openVault, type Vault } from '../../db/client';
import { MIGRATIONS } from '../../db/migrations';
import { plusDays, plusMonths } from '../../electron/contract/dates';
import { fixedClock } from '../../electron/services/clock';
import type { Ctx } from '../../electron/services/context';
import { attachEvidence } from '../../electron/services/evidence/evidence';
import { importFirmFile } from '../../electron/services/interchange/importFirmFile';
import { makePng } from './png';

export const DATASET_VERSION = 'scale-1';
export const AS_OF = '2026-11-24';
export const PASSPHRASE = 'bench passphrase for the scale firm';
export const STAFF = 200;
export const CPD_TOTAL = 40_000;
export const SUPPLIERS = 2_000;
export const CASES = 20_000;
export const FILES = 1_000;
export const FILE_BYTES = 200 * 1024;
/** The case manager of the Legal Panel pack: 100 CPD entries and 10 images. */
export const PACK_REF = 'SC-000';
export const PACK_CPD = 100;

const INJURIES = ['brain', 'spinal', 'orthopaedic', 'amputation', 'polytrauma', 'psychological', 'other'] as const;
const FUNDING = ['joint-instruction', 'claimant-solicitor', 'deputy', 'nhs-la', 'private'] as const;
const STATUSES = ['open-active', 'open-active', 'monitoring', 'closed', 'closed', 'referral'] as const;
const KINDS = ['solicitor', 'insurer', 'deputy', 'nhs-la', 'other'] as const;
const SERVICES = ['physiotherapy', 'occupational therapy', 'psychology', 'speech and language therapy', 'support work', 'neuro physiotherapy'];
const pad = (n: number, w: number) => String(n).padStart(w, '0');

export const staffRef = (i: number) => `SC-${pad(i, 3)}`;
export const supplierRef = (i: number) => `SP-${pad(i, 4)}`;
export const caseRef = (i: number) => `RC-${pad(i, 6)}`;

/** How big a firm to make: the bench's by default; tests make smaller ones of the same shape. */
export interface Sizes {
  staff: number;
  cpd: number;
  suppliers: number;
  cases: number;
}
export const SCALE: Sizes = { staff: STAFF, cpd: CPD_TOTAL, suppliers: SUPPLIERS, cases: CASES };

/** CPD entries of person i: PACK_CPD for the pack's person, the rest share what is left. */
function cpdCount(i: number, z: Sizes): number {
  if (i === 0) return Math.min(PACK_CPD, z.cpd);
  const rest = Math.max(0, z.cpd - PACK_CPD);
  const each = Math.floor(rest / (z.staff - 1));
  return each + (i <= rest - each * (z.staff - 1) ? 1 : 0);
}

function staffEntry(i: number, z: Sizes) {
  const start = plusMonths(AS_OF, -24);
  const day = (n: number) => plusDays(start, n + (i % 28));
  const n = cpdCount(i, z);
  const cpd = Array.from({ length: n }, (_, k) => {
    const date = plusDays(AS_OF, -Math.floor((k * 730) / n) - (i % 5));
    return { date, topic: `Topic ${k}: ${SERVICES[k % SERVICES.length]}`, provider: k % 2 ? 'BABICM' : 'UKABIF', hours: 1 + (k % 4) };
  });
  return {
    ref: staffRef(i),
    name: `Case Manager ${pad(i, 3)}`,
    profession: 'Occupational therapist',
    employment: i % 10 === 0 ? 'self-employed' : 'employed',
    solePractitioner: i % 10 === 0,
    ...(i % 20 === 0 ? { soleWorkingSafeguards: 'Buddy system' } : {}),
    caseManagementSince: plusDays('2015-01-01', i * 13),
    qualifiedOn: plusDays('2010-01-01', i * 11),
    daysPerWeek: 2 + (i % 4),
    cpd,
    indemnity: [0, 12, 24].map((m) => {
      const startsOn = plusMonths(day(0), m);
      return {
        insurer: `Insurer ${m}`,
        coverGBP: i % 7 === 0 ? 3_000_000 : 6_000_000,
        startsOn,
        expiresOn: plusDays(plusMonths(startsOn, 12), -1),
        heldBy: 'employer',
      };
    }),
    training: [
      { kind: 'safeguarding', completedOn: day(300), title: 'Safeguarding adults level 3' },
      { kind: 'mental-capacity', completedOn: day(360), title: 'Mental Capacity Act in practice' },
      { kind: 'infosec', completedOn: day(455), title: 'Data protection refresher' },
    ],
    peerReviews: Array.from({ length: 8 }, (_, k) => ({ date: plusMonths(day(0), k * 3), reviewer: 'Kim Byrne', casesReviewed: 2 })),
    dbs: [{ level: 'enhanced', issuedOn: plusDays('2024-01-01', i * 3), updateService: i % 2 === 0, lastStatusCheckOn: day(600) }],
    registrations: [{ body: 'HCPC', number: `OT${pad(i, 5)}`, expiresOn: day(800), lastCheckedOn: day(300 + (i % 300)) }],
    policyAcknowledgements: [
      { policy: 'whistleblowing', on: day(500) },
      { policy: 'lone-working', on: day(500) },
    ],
    ...(i % 25 === 0
      ? { exemptions: [{ rule: 'STAFF-PEER-REVIEW-SCOPE', reason: 'Supervisor on leave', grantedBy: 'Kim Byrne', grantedOn: plusDays(AS_OF, -30) }] }
      : {}),
  };
}

function supplierEntry(i: number) {
  const start = plusMonths(AS_OF, -24);
  const day = (n: number) => plusDays(start, n + (i % 300));
  return {
    ref: supplierRef(i),
    name: `Supplier ${pad(i, 4)} ${SERVICES[i % SERVICES.length]}`,
    kind: i % 5 === 0 ? 'individual' : 'organisation',
    services: [SERVICES[i % SERVICES.length]!, ...(i % 3 === 0 ? [SERVICES[(i + 1) % SERVICES.length]!] : [])],
    soleTrader: i % 5 === 0,
    worksWithClients: i % 3 !== 0,
    cvOnFile: true,
    safeguardingOn: day(200),
    serviceArea: 'Yorkshire',
    acceptanceCriteria: 'Adults with acquired brain injury',
    evidenceBase: 'NICE guidance',
    indemnity: [
      { insurer: 'Balens', coverGBP: 2_000_000, startsOn: day(0), expiresOn: day(364) },
      { insurer: 'Balens', coverGBP: 2_000_000, startsOn: day(365), expiresOn: day(729) },
    ],
    qualifications: [{ body: 'HCPC', number: `PH${pad(i, 5)}` }],
    ...(i % 3 !== 0 ? { dbs: [{ level: 'enhanced', issuedOn: day(100) }] } : {}),
    regulatory: [{ scheme: 'ICO', reference: `Z${pad(i, 6)}`, expiresOn: day(700) }],
    fitnessChecks: [{ checkedOn: day(400), register: 'HCPC', result: i % 11 === 0 ? 'restriction' : 'clear' }],
    decisions: [
      { decision: 'approved', by: 'Kim Byrne', on: day(20), nextReviewOn: day(385) },
      {
        decision: i % 13 === 0 ? 'conditional' : 'approved',
        by: 'Kim Byrne',
        on: day(380),
        nextReviewOn: day(745),
        ...(i % 13 === 0 ? { note: 'Send the new certificate' } : {}),
      },
    ],
  };
}

function caseEntry(i: number, z: Sizes) {
  const status = STATUSES[i % STATUSES.length]!;
  const referredOn = plusDays('2019-01-01', i % 2500);
  const openedOn = plusDays(referredOn, 14);
  const manager = staffRef(i % z.staff);
  return {
    ref: caseRef(i),
    initials: String.fromCharCode(65 + (i % 26), 65 + ((i * 7) % 26)),
    caseManager: manager,
    instructingParty: { name: `Instructing Party ${i % 60}`, kind: KINDS[i % KINDS.length]! },
    funding: FUNDING[i % FUNDING.length],
    injury: INJURIES[i % INJURIES.length],
    status,
    referredOn,
    ...(status === 'referral' ? {} : { openedOn }),
    ...(status === 'closed' ? { closedOn: plusDays(openedOn, 200 + (i % 400)), closedReason: 'settled' } : {}),
    rehabPrescriptionRequestedOn: openedOn,
    consentRecordedOn: openedOn,
    riskReviewedOn: plusDays(AS_OF, -(i % 120)),
    ...(i % 4 === 0
      ? {
          instructions: [
            {
              supplier: supplierRef(i % z.suppliers),
              on: plusDays(openedOn, 3),
              service: SERVICES[(i % SUPPLIERS) % SERVICES.length],
            },
          ],
        }
      : {}),
    ...(i % 97 === 0
      ? {
          handovers: [
            { on: plusDays(openedOn, 10), from: staffRef((i + 1) % z.staff), to: manager, reason: 'Leave', clientInformed: true, jointWorkingDays: 7 },
          ],
        }
      : {}),
  };
}

/** The firm file of the scale firm, without evidence files (attached afterwards). */
export function scaleFirmFile(z: Sizes = SCALE) {
  return {
    format: 'caseproof-firm',
    version: 1,
    firm: {
      name: 'Scale Rehabilitation Case Management',
      address: '1 Bench Street, Leeds LS1 1AA',
      codeOfConductSignatory: true,
      policies: (['handover', 'whistleblowing', 'complaints', 'lone-working', 'infosec'] as const).map((kind) => ({
        kind,
        title: `${kind} policy`,
        reviewedOn: plusDays(AS_OF, -100),
      })),
    },
    staff: Array.from({ length: z.staff }, (_, i) => staffEntry(i, z)),
    suppliers: Array.from({ length: z.suppliers }, (_, i) => supplierEntry(i)),
    cases: Array.from({ length: z.cases }, (_, i) => caseEntry(i, z)),
  };
}

/** About `size` bytes that do not compress: a PDF header and pseudo-random bytes. */
function pdfLike(seed: number, size: number): Buffer {
  const b = Buffer.alloc(size);
  let x = (seed * 2654435761) >>> 0 || 1;
  for (let i = 0; i < size; i += 4) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    b.writeUInt32LE(x >>> 0, i);
  }
  b.write('%PDF-1.4\n', 0, 'ascii');
  return b;
}

/**
 * Attaches FILES evidence files: 10 PNG images on the pack person's newest CPD entries, and
 * pdf-like files of FILE_BYTES spread over other people's indemnity and suppliers' indemnity.
 */
function attachFiles(ctx: Ctx): void {
  const db = ctx.vault.sqlite;
  const idOf = (ref: string) => (db.prepare('SELECT id FROM staff WHERE ref = ?').pluck().get(ref) as number | undefined)!;
  const packCpd = db
    .prepare(`SELECT id FROM records WHERE staff_id = ? AND kind = 'cpd' ORDER BY json_extract(data, '$.date') DESC LIMIT 10`)
    .pluck()
    .all(idOf(PACK_REF)) as number[];
  const staffIndemnity = db
    .prepare(`SELECT id FROM records WHERE staff_id IS NOT NULL AND staff_id <> ? AND kind = 'indemnity' ORDER BY id`)
    .pluck()
    .all(idOf(PACK_REF)) as number[];
  const supplierIndemnity = db
    .prepare(`SELECT id FROM records WHERE supplier_id IS NOT NULL AND kind = 'supplierIndemnity' ORDER BY id`)
    .pluck()
    .all() as number[];
  ctx.vault.tx(() => {
    packCpd.forEach((id, k) => attachEvidence(ctx, id, { name: `certificate-${k}.png`, bytes: makePng(320, 220, [30 + k * 20, 80, 120]) }));
    const rest = FILES - packCpd.length;
    const targets = [...staffIndemnity.slice(0, rest / 2), ...supplierIndemnity.filter((_, k) => k % 4 === 0)].slice(0, rest);
    if (targets.length < rest) throw new Error(`only ${targets.length} records to attach ${rest} files to`);
    targets.forEach((id, k) => attachEvidence(ctx, id, { name: `schedule-${k}.pdf`, bytes: pdfLike(k + 1, FILE_BYTES) }));
  });
}

function cacheDir(): string {
  // The data version is part of the key: the export child opens the cache read-only (no
  // migration), so a vault from before a later migration would fail there ("no such column").
  // The last migration's name too: branches that each add a different migration N share a data
  // version but not a schema, so one would read the other's cache with a table missing.
  return path.join(tmpdir(), `caseproof-bench-${DATASET_VERSION}-data${SCHEMA_VERSION}-${MIGRATIONS.at(-1)!.name}`);
}

/** The path of the built scale vault (built now when not cached), and how long building took (0 when cached). */
export function scaleVault(log: (s: string) => void = (s) => process.stderr.write(`${s}\n`)): { path: string; builtMs: number } {
  const dir = cacheDir();
  const file = path.join(dir, 'scale.cpv');
  if (existsSync(file)) return { path: file, builtMs: 0 };
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const partial = path.join(dir, 'building.cpv');
  rmSync(partial, { force: true });
  log(`building the scale firm (dataset ${DATASET_VERSION}, data version ${SCHEMA_VERSION}) in ${dir}…`);
  const t = performance.now();
  const vault = createVault(partial, { passphrase: PASSPHRASE });
  try {
    const ctx: Ctx = { vault, user: 'Bench', clock: fixedClock(AS_OF) };
    importFirmFile(ctx, scaleFirmFile());
    log(`  imported in ${Math.round(performance.now() - t)} ms; attaching ${FILES} files…`);
    attachFiles(ctx);
    vault.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    vault.close();
  }
  renameSync(partial, file);
  const builtMs = performance.now() - t;
  log(`  built in ${Math.round(builtMs)} ms, ${(statSync(file).size / 1e6).toFixed(0)} MB`);
  return { path: file, builtMs };
}

/** A fresh copy of the scale vault for a run that writes, in `dir`. */
export function copyOfScaleVault(dir: string): string {
  const { path: src } = scaleVault();
  const dest = path.join(dir, 'scale-copy.cpv');
  copyFileSync(src, dest);
  return dest;
}

export function openScaleVault(file: string): Vault {
  return openVault(file, { passphrase: PASSPHRASE });
}
