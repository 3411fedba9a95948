// Property-based proof (issue 12 item 8), with fast-check over one real encrypted vault holding
// the sample firm: the spreadsheet reader, the firm-file reader and every operation of the
// contract (through the registry, as the window calls them) never answer "internal error",
// and whatever they refuse leaves the vault exactly as it was (no partial write): the vault's
// every table is fingerprinted before and after each refused case. Case counts below; set
// CASEPROOF_FUZZ_RUNS to multiply them.
import { createHash } from 'node:crypto';
import path from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { inputs, OP_NAMES, type OpName } from '../../electron/contract/api';
import { nodePlatform } from '../../electron/platform/nodePlatform';
import { buildRegistry } from '../../electron/services/api/handlers';
import type { Registry } from '../../electron/services/api/registry';
import { Session } from '../../electron/services/api/session';
import { fixedClock } from '../../electron/services/clock';
import { AppError } from '../../electron/services/errors';
import { parseFirmFileBytes } from '../../electron/services/interchange/fileGuards';
import { importFirmFile } from '../../electron/services/interchange/importFirmFile';
import { importSpreadsheet, SHEET_KINDS } from '../../electron/services/interchange/spreadsheet';
import { tempDir } from '../support/tmp';
import { PASS, sampleFirm } from '../support/vaults';

const SCALE = Number(process.env.CASEPROOF_FUZZ_RUNS ?? 1);
const runs = (n: number) => Math.max(1, Math.round(n * SCALE));
/** Every case tried, by reader, for the figures in SECURITY.md. */
const tried: Record<string, number> = {};

let session: Session;
let registry: Registry;

beforeAll(() => {
  session = new Session(nodePlatform({ user: 'Fuzz Tester' }), {}, fixedClock('2026-11-24'));
  session.create(path.join(tempDir('caseproof-fuzz-'), 'firm.cpv'), PASS, false);
  importFirmFile(session.ctx(), sampleFirm());
  registry = buildRegistry(session);
});

/** A fingerprint of every row of every table: equal before and after means nothing was written. */
function fingerprint(): string {
  const db = session.ctx().vault.sqlite;
  const h = createHash('sha256');
  for (const t of db.prepare<[], string>(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).pluck().all()) {
    h.update(t);
    for (const row of db.prepare(`SELECT * FROM "${t}" ORDER BY rowid`).raw().all())
      h.update(JSON.stringify(row, (_k, v) => (Buffer.isBuffer(v) ? v.toString('base64') : v)));
  }
  return h.digest('hex');
}

/** Runs one case: it may succeed; if it throws, the error must be an AppError with words, and nothing written. */
async function holds(label: string, fn: () => unknown | Promise<unknown>): Promise<void> {
  tried[label] = (tried[label] ?? 0) + 1;
  const before = fingerprint();
  try {
    await fn();
  } catch (e) {
    if (!(e instanceof AppError)) throw new Error(`${label}: not an AppError: ${(e as Error)?.stack ?? String(e)}`, { cause: e });
    expect(e.code).not.toBe('internal');
    expect(e.message.length).toBeGreaterThan(10);
    expect(fingerprint(), `${label}: refused but wrote: ${e.message}`).toBe(before);
  }
}

const COLUMNS = [
  'ref',
  'name',
  'staffRef',
  'date',
  'topic',
  'provider',
  'hours',
  'kind',
  'completedOn',
  'services',
  'caseManager',
  'status',
  'initials',
  'instructingPartyName',
  'instructingPartyKind',
  'daysPerWeek',
  'solePractitioner',
  'openedOn',
  '__proto__',
  '',
];
const cell = fc.oneof(
  fc.constantFrom(
    'RR-01',
    'RR-02',
    'ST-9',
    '31/02/2026',
    '2026-11-24',
    '01/12/2025',
    'yes',
    'no',
    '£1,000',
    '-3',
    '1e400',
    'open-active',
    'closed',
    'solicitor',
    'AB',
    '"',
    '""',
    '=1+1',
    '\u202Eexe',
    'x'.repeat(300),
  ),
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'grapheme', maxLength: 10 }),
);
const csvText = fc
  .tuple(
    fc.uniqueArray(fc.constantFrom(...COLUMNS), { minLength: 1, maxLength: 8 }),
    fc.array(fc.array(cell, { maxLength: 9 }), { maxLength: 6 }),
    fc.constantFrom(',', ';', '\t'),
    fc.constantFrom('\n', '\r\n'),
  )
  .map(([head, rows, sep, nl]) => [head, ...rows].map((r) => r.map((v) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)).join(sep)).join(nl));
const encodeText = (text: string, enc: number): Buffer =>
  enc === 0
    ? Buffer.from(text)
    : enc === 1
      ? Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])
      : enc === 2
        ? Buffer.from(text, 'latin1')
        : Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]);

describe('spreadsheet reader', () => {
  it('never an internal error and never a partial write: CSV text, bytes, damaged workbooks', async () => {
    const kind = fc.constantFrom(...SHEET_KINDS);
    await fc.assert(
      fc.asyncProperty(kind, csvText, fc.integer({ min: 0, max: 3 }), async (k, text, enc) =>
        holds('csv', () => importSpreadsheet(session.ctx(), k, 'fuzz.csv', encodeText(text, enc))),
      ),
      { numRuns: runs(250), seed: 12 },
    );
    await fc.assert(
      fc.asyncProperty(kind, fc.uint8Array({ maxLength: 3000 }), fc.constantFrom('fuzz.csv', 'fuzz.xlsx'), async (k, bytes, name) =>
        holds('bytes', () => importSpreadsheet(session.ctx(), k, name, bytes)),
      ),
      { numRuns: runs(150), seed: 13 },
    );
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Staff');
    ws.addRow(['ref', 'name', 'profession', 'caseManagementSince']);
    ws.addRow(['FZ-1', 'Fuzz Person', 'OT', new Date(Date.UTC(2020, 0, 31))]);
    const good = Buffer.from(await wb.xlsx.writeBuffer());
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat(good.length - 1), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 12 }),
        fc.option(fc.nat(good.length)),
        async (flips, cut) => {
          const bytes = Buffer.from(good);
          for (const [at, v] of flips) bytes[at] = v;
          await holds('xlsx', () => importSpreadsheet(session.ctx(), 'staff', 'fuzz.xlsx', cut === null ? bytes : bytes.subarray(0, cut)));
        },
      ),
      { numRuns: runs(150), seed: 14 },
    );
  }, 600_000);
});

/** Replaces the value at a random path of the sample firm with something else. */
function mutate(doc: unknown, steps: number[], value: unknown): unknown {
  const copy = structuredClone(doc) as Record<string, unknown>;
  let node: unknown = copy;
  for (let i = 0; i < steps.length; i++) {
    if (typeof node !== 'object' || node === null) break;
    const keys = Object.keys(node);
    if (!keys.length) break;
    const key = keys[steps[i] % keys.length];
    const child = (node as Record<string, unknown>)[key];
    if (i === steps.length - 1 || typeof child !== 'object' || child === null) {
      (node as Record<string, unknown>)[key] = value;
      break;
    }
    node = child;
  }
  return copy;
}

describe('firm-file reader', () => {
  it('never an internal error and never a partial write: mutated sample firms, any JSON, any bytes', async () => {
    const sample = sampleFirm();
    const v2 = { ...sample, version: 2 };
    await fc.assert(
      fc.asyncProperty(
        fc.boolean(),
        fc.array(fc.nat(40), { minLength: 1, maxLength: 7 }),
        fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.constantFrom(null, '', -1, 1e308, '2026-02-30', 'RR-01', '\u202E.pdf')),
        async (useV2, steps, value) => holds('firm-mutated', () => importFirmFile(session.ctx(), mutate(useV2 ? v2 : sample, steps, value))),
      ),
      { numRuns: runs(250), seed: 21 },
    );
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 4 }), async (json) => holds('firm-json', () => importFirmFile(session.ctx(), json))),
      { numRuns: runs(100), seed: 22 },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ maxLength: 2000 }),
          fc.jsonValue().map((j) => Buffer.from(JSON.stringify(j) ?? 'x').subarray(0, 50)),
        ),
        async (bytes) => holds('firm-bytes', () => importFirmFile(session.ctx(), parseFirmFileBytes('fuzz.json', bytes))),
      ),
      { numRuns: runs(150), seed: 23 },
    );
  }, 600_000);
});

// Operations that open, close, re-key or copy the vault itself, or write where a path says:
// fuzzed through their validators only (a random path must not become a file on this machine).
const VALIDATE_ONLY = /vault|passphrase|recovery|backup|restore|schedule|setUserName|remember/i;

describe("the contract's validators, through the registry", () => {
  it('never an internal error for any input to any operation, and a refusal writes nothing', async () => {
    const ops = OP_NAMES as readonly OpName[];
    const keysOf = (op: OpName) => Object.keys((inputs[op] as unknown as { shape?: Record<string, unknown> }).shape ?? {});
    const value = fc.oneof(
      fc.jsonValue({ maxDepth: 2 }),
      fc.constantFrom('RR-01', 'RS-01', 'C-001', 1, 2, 999, -1, '2026-11-24', 'staff', 'supplier', 'firm', 'dbs', 'cpd', true),
    );
    const input = (op: OpName) => fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.dictionary(fc.constantFrom(...keysOf(op), 'extra'), value, { maxKeys: 5 }));
    const arb = fc.constantFrom(...ops).chain((op) => fc.tuple(fc.constant(op), input(op)));
    await fc.assert(
      fc.asyncProperty(arb, async ([op, raw]) => {
        tried.contract = (tried.contract ?? 0) + 1;
        if (VALIDATE_ONLY.test(op)) {
          const r = inputs[op].safeParse(raw); // must never throw
          expect(typeof r.success).toBe('boolean');
          return;
        }
        const before = fingerprint();
        const r = await registry.call(op, raw);
        if (!r.ok) {
          expect(r.error.code, `${op} ${JSON.stringify(raw)}: ${r.error.message}`).not.toBe('internal');
          expect(fingerprint(), `${op} refused but wrote`).toBe(before);
        }
        expect(session.isOpen).toBe(true);
      }),
      { numRuns: runs(700), seed: 31 },
    );
    console.log(`[fuzz] cases tried: ${JSON.stringify(tried)}`);
  }, 600_000);
});
