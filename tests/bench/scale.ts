// The bench at firm scale (issue 9 item 7): every operation a user waits for, timed on the scale
// firm (scaleFirm.ts) beside a floor measured in the same run: a raw SQL read of the same rows,
// zipping the same bytes, copying the file. Screens are timed as the calls their page makes
// (SCREENS below), through the registry the app's vault worker runs, so zod validation and
// the JSON-safe answer are included; only the IPC hop is not.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { randomBytes, scryptSync } from 'node:crypto';
import JSZip from 'jszip';
import { createVault, SCHEMA_VERSION, type Vault } from '../../db/client';
import { readSalt } from '../../db/keys';
import type { OpName } from '../../electron/contract/api';
import { buildRegistry } from '../../electron/services/api/handlers';
import { Session } from '../../electron/services/api/session';
import { fixedClock } from '../../electron/services/clock';
import type { Ctx } from '../../electron/services/context';
import { addRecord, updateRecord } from '../../electron/services/evidence/records';
import { importFirmFile } from '../../electron/services/interchange/importFirmFile';
import { importSpreadsheet } from '../../electron/services/interchange/spreadsheet';
import { generatePack } from '../../electron/services/packs/packService';
import { copyVault } from '../../electron/services/vault/backup';
import { forgetFirmModel } from '../../electron/services/views/firmModel';
import { nodePlatform } from '../../electron/platform/nodePlatform';
import {
  AS_OF,
  CASES,
  CPD_TOTAL,
  DATASET_VERSION,
  FILES,
  PACK_REF,
  PASSPHRASE,
  STAFF,
  SUPPLIERS,
  openScaleVault,
  scaleVault,
  staffRef,
  supplierRef,
} from '../support/scaleFirm';
import { trailFirmFile } from '../support/bigFirm';

export interface Result {
  name: string;
  ms: number;
  floorMs: number;
  /** The budget in ms (a fixed figure, or a multiple of the floor worked out in this run). */
  budgetMs: number;
  /** How the budget is set, in words ("3x floor", "150 ms"). */
  budget: string;
  note?: string;
}

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '../..');

/** Median of `runs` after one warm-up run; `setup` runs untimed before each. */
async function median(runs: number, fn: () => unknown, setup?: (i: number) => unknown): Promise<number> {
  await setup?.(-1);
  await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    await setup?.(i);
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return Math.round(times[Math.floor(runs / 2)]! * 10) / 10;
}

/**
 * An operation and its floor timed turn about, `runs` times after one untimed round, each the
 * median of its own: the machine these run on is shared, and its speed drifts over seconds, so a
 * floor timed beside its operation keeps their ratio honest.
 */
async function paired(runs: number, floor: () => unknown, fn: () => unknown, setup?: (i: number) => unknown): Promise<{ ms: number; floorMs: number }> {
  const ms: number[] = [];
  const floors: number[] = [];
  const timed = async (run: () => unknown) => {
    const t = performance.now();
    await run();
    return performance.now() - t;
  };
  for (let i = -1; i < runs; i++) {
    // Which goes first alternates: whichever runs second pays for the garbage the first left
    // (the floor's raw rows, or the other import's), so a fixed order would tilt the ratio.
    let f: number;
    let m: number;
    if (i % 2 === 0 || i < 0) {
      f = await timed(floor);
      await setup?.(i);
      m = await timed(fn);
    } else {
      await setup?.(i);
      m = await timed(fn);
      f = await timed(floor);
    }
    if (i >= 0) {
      ms.push(m);
      floors.push(f);
    }
  }
  const mid = (xs: number[]) => Math.round([...xs].sort((a, b) => a - b)[Math.floor(runs / 2)]! * 10) / 10;
  return { ms: mid(ms), floorMs: mid(floors) };
}

type Call = [OpName, Record<string, unknown>];
/**
 * What each screen asks for when it opens: the calls its page makes (renderer/src/pages/*).
 * The page makes them at once; the vault worker answers them one after another, so they are
 * timed in sequence.
 */
export const SCREENS: { name: string; budgetMs: number; calls: Call[]; floor: (db: Vault['sqlite']) => unknown }[] = [
  {
    name: 'Dashboard',
    budgetMs: 150,
    calls: [
      ['dashboard', {}],
      ['ruleCatalogue', {}],
    ],
    // The rows it shows: every person's records, the firm and its policies, each case's manager and status.
    floor: (db) => {
      db.prepare('SELECT * FROM staff').raw().all();
      db.prepare('SELECT id, staff_id, kind, data FROM records WHERE staff_id IS NOT NULL OR supplier_id IS NULL').raw().all();
      db.prepare('SELECT case_manager_id, status FROM cases').raw().all();
      db.prepare('SELECT * FROM firm').raw().all();
    },
  },
  {
    name: 'staff profile',
    budgetMs: 50,
    calls: [
      ['staffProfile', { ref: staffRef(17) }],
      ['ruleCatalogue', {}],
      ['vaultState', {}],
    ],
    floor: (db) => {
      const id = db.prepare('SELECT id FROM staff WHERE ref = ?').pluck().get(staffRef(17));
      db.prepare('SELECT * FROM records WHERE staff_id = ?').raw().all(id);
      db.prepare('SELECT f.id, f.name, f.size FROM evidence_files f JOIN records r ON r.id = f.record_id WHERE r.staff_id = ?').raw().all(id);
    },
  },
  {
    name: 'supplier page',
    budgetMs: 50,
    calls: [
      ['supplierFile', { ref: supplierRef(1234) }],
      ['ruleCatalogue', {}],
    ],
    floor: (db) => {
      const id = db.prepare('SELECT id FROM suppliers WHERE ref = ?').pluck().get(supplierRef(1234));
      db.prepare('SELECT * FROM suppliers WHERE id = ?').raw().all(id);
      db.prepare('SELECT * FROM records WHERE supplier_id = ?').raw().all(id);
    },
  },
  {
    name: 'supplier list',
    budgetMs: 150,
    calls: [['supplierList', {}]],
    floor: (db) => {
      db.prepare('SELECT * FROM suppliers').raw().all();
      db.prepare('SELECT supplier_id, kind, data FROM records WHERE supplier_id IS NOT NULL').raw().all();
    },
  },
  {
    name: 'case list page',
    budgetMs: 30,
    calls: [['listCases', { limit: 50, offset: 0 }]],
    floor: (db) => db.prepare('SELECT * FROM cases ORDER BY ref LIMIT 50').raw().all(),
  },
  {
    name: 'case search',
    budgetMs: 30,
    calls: [['listCases', { search: '0123', limit: 50, offset: 0 }]],
    floor: (db) => db.prepare(`SELECT * FROM cases WHERE ref LIKE '%0123%' OR initials LIKE '%0123%' ORDER BY ref LIMIT 50`).raw().all(),
  },
];

/** Every row a firm-wide evaluation reads, raw (no parsing, no objects). */
function readEverything(db: Vault['sqlite']): void {
  for (const t of ['firm', 'staff', 'suppliers', 'records', 'cases', 'case_instructions', 'case_handovers', 'contacts'])
    db.prepare(`SELECT * FROM ${t}`).raw().all();
  db.prepare('SELECT id, record_id, name, media_type, size, sha256, added_by, added_at FROM evidence_files').raw().all();
}

/** Drops every audit trigger on the vault's rows (the trail's own guards stay): the same writes without the trail. */
function dropRowTriggers(v: Vault): void {
  const names = v.sqlite
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'audit\\_%' ESCAPE '\\' AND name NOT LIKE '%\\_no\\_%' ESCAPE '\\'`)
    .pluck()
    .all() as string[];
  for (const t of names) v.sqlite.exec(`DROP TRIGGER "${t}"`);
}

/** Runs tests/bench/child.ts in its own process (for a peak-memory figure of its own). */
function child(what: string, ...args: string[]): { ms: number; maxRssMB: number } {
  const out = execFileSync(process.execPath, ['--import', 'tsx', path.join(HERE, 'child.ts'), what, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  return JSON.parse(out.trim().split('\n').pop()!);
}

export async function benchScale(log: (s: string) => void): Promise<{ dataset: Record<string, unknown>; results: Result[] }> {
  const built = scaleVault(log);
  const dir = mkdtempSync(path.join(tmpdir(), 'caseproof-bench-run-'));
  const results: Result[] = [];
  const add = (r: Omit<Result, 'budgetMs' | 'budget'> & { budgetMs?: number; times?: number }) => {
    const budgetMs = r.times ? Math.round(r.floorMs * r.times * 10) / 10 : r.budgetMs!;
    const budget = r.times ? `${r.times}x floor` : `${r.budgetMs} ms`;
    const { times: _t, ...rest } = r;
    results.push({ ...rest, budgetMs, budget });
    log(`  ${r.name}: ${r.ms} ms (floor ${r.floorMs} ms, budget ${budgetMs} ms)`);
  };
  try {
    // Reads run on a copy, so the cached vault is never written (a WAL, a migration, a lock).
    const file = path.join(dir, 'scale.cpv');
    copyFileSync(built.path, file);
    const platform = nodePlatform({ user: 'Bench' });
    const session = new Session(platform, {}, fixedClock(AS_OF));
    const registry = buildRegistry(session);
    const call = async (op: OpName, input: Record<string, unknown>) => {
      const r = await registry.call(op, input);
      if (!r.ok) throw new Error(`${op} failed: ${r.error.message}`);
      return r.value;
    };

    log('unlock…');
    const salt = readSalt(file);
    const unlockFloor = await median(3, () => scryptSync(PASSPHRASE.normalize('NFC'), salt, 32, { N: 2 ** 17, r: 8, p: 1, maxmem: 256 * 1024 * 1024 }));
    const unlockMs = await median(3, async () => {
      await call('unlockVault', { path: file, passphrase: PASSPHRASE, remember: false });
    });
    add({ name: 'unlock', ms: unlockMs, floorMs: unlockFloor, budgetMs: 700, note: 'floor: scrypt alone' });
    const ctx: Ctx = session.ctx();
    const db = ctx.vault.sqlite;

    log('firm compliance status…');
    const everything = await median(3, () => readEverything(db));
    add({
      name: 'firm compliance status, first after unlock',
      ...(await paired(
        3,
        () => readEverything(db),
        () => call('complianceReport', {}),
        () => forgetFirmModel(ctx.vault),
      )),
      times: 3,
      note: 'nothing kept yet (floor: every row read raw, timed turn about with it)',
    });
    add({
      name: 'firm compliance status, after a change',
      ms: await median(
        3,
        () => call('complianceReport', {}),
        (i) =>
          db
            .prepare(`INSERT INTO records (staff_id, kind, data, data_version) VALUES ((SELECT min(id) FROM staff), 'cpd', ?, 1)`)
            .run(JSON.stringify({ date: AS_OF, topic: `Status ${i}`, provider: 'BABICM', hours: 1 })),
      ),
      floorMs: everything,
      times: 3,
      note: 'one person changed just before',
    });

    log('screens…');
    // Whole-firm screens work on the firm model (views/firmModel.ts). Each is timed three ways:
    // the first call after unlock (nothing kept yet: what the reminder check after unlock does
    // once), unchanged since the last call, and just after a change (one CPD entry added to a
    // person, or a document to a supplier, by the other connection as the job worker would).
    const staffIds = db.prepare('SELECT id FROM staff ORDER BY id').pluck().all() as number[];
    const supplierIds = db.prepare('SELECT id FROM suppliers ORDER BY id').pluck().all() as number[];
    const addCpd = db.prepare(`INSERT INTO records (staff_id, kind, data, data_version) VALUES (?, 'cpd', ?, 1)`);
    const touchPerson = (i: number) =>
      addCpd.run(staffIds[(i + 7) % staffIds.length], JSON.stringify({ date: AS_OF, topic: `Bench ${i}`, provider: 'BABICM', hours: 1 }));
    const touchSupplier = (i: number) =>
      db.prepare('UPDATE suppliers SET service_area = ? WHERE id = ?').run(`Area ${i}`, supplierIds[(i + 11) % supplierIds.length]);
    const changes: Partial<Record<string, (i: number) => unknown>> = { Dashboard: touchPerson, 'supplier list': touchSupplier };
    for (const s of SCREENS) {
      const run = async () => {
        for (const [op, input] of s.calls) await call(op, input);
      };
      const floorMs = await median(5, () => s.floor(db));
      const note = s.calls.map(([op]) => op).join(' + ');
      const change = changes[s.name];
      if (change) {
        add({
          name: `${s.name}, first after unlock`,
          ...(await paired(
            3,
            () => readEverything(db),
            run,
            () => forgetFirmModel(ctx.vault),
          )),
          times: 3,
          note: `${note}; nothing kept yet, so the whole firm is read and judged (floor: every row read raw, timed turn about with it)`,
        });
        add({
          name: `${s.name}, after a change`,
          ms: await median(5, run, change),
          floorMs,
          budgetMs: s.budgetMs,
          note: `${note}; one ${s.name === 'Dashboard' ? 'person' : 'supplier'} changed just before`,
        });
      }
      add({ name: change ? `${s.name}, unchanged` : s.name, ms: await median(5, run), floorMs, budgetMs: s.budgetMs, note });
    }

    log('packs…');
    let n = 0;
    const legal = { kind: 'staff', ref: PACK_REF, asOf: AS_OF, recipient: { name: 'Fenwick Law', kind: 'solicitor' } };
    const packFloor = await median(3, async () => {
      const id = db.prepare('SELECT id FROM staff WHERE ref = ?').pluck().get(PACK_REF);
      db.prepare('SELECT * FROM records WHERE staff_id = ?').raw().all(id);
      const bytes = db
        .prepare(
          'SELECT c.content FROM evidence_contents c JOIN evidence_files f ON f.id = c.file_id JOIN records r ON r.id = f.record_id WHERE r.staff_id = ?',
        )
        .pluck()
        .all(id) as Buffer[];
      const zip = new JSZip();
      bytes.forEach((b, i) => zip.file(`media/image${i}.png`, b));
      await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    });
    add({
      name: 'Legal Panel pack (100 CPD, 10 images)',
      ms: await median(3, () => generatePack(ctx, legal, path.join(dir, `legal-${n++}.docx`))),
      floorMs: packFloor,
      budgetMs: 500,
      note: 'floor: its rows read raw and its images zipped',
    });
    add({
      name: 'Legal Panel pack, after a change',
      ms: await median(3, () => generatePack(ctx, legal, path.join(dir, `legal-${n++}.docx`)), touchPerson),
      floorMs: packFloor,
      budgetMs: 500,
      note: 'another person changed just before',
    });
    add({
      name: 'organisation pack',
      ms: await median(1, () => generatePack(ctx, { kind: 'firm', asOf: AS_OF }, path.join(dir, `firm-${n++}.docx`))),
      floorMs: everything,
      budgetMs: 3000,
      note: 'floor: every row read raw',
    });

    log('backup…');
    const vaultBytes = statSync(file).size;
    add({
      name: 'backup',
      ms: await median(1, () => copyVault(ctx.vault, path.join(dir, `backup-${n++}.cpv`), false)),
      floorMs: await median(1, () => copyFileSync(file, path.join(dir, `copy-${n++}.cpv`))),
      times: 3,
      note: `floor: copying the ${(vaultBytes / 1e6).toFixed(0)} MB file`,
    });
    session.lock();

    log('CPD import (10,000 rows)…');
    // Copies of the vault: one for the import as it is, and for the audit trail's share (issue 11:
    // at most 20% dearer) two fresh ones, one whose records have no audit triggers, so that both
    // have had the same imports before each round.
    const imp = path.join(dir, 'import.cpv');
    const withTrail = path.join(dir, 'import-trail.cpv');
    const bare = path.join(dir, 'import-no-trail.cpv');
    for (const f of [imp, withTrail, bare]) copyFileSync(built.path, f);
    const ctxOf = (vault: Vault): Ctx => ({ vault, user: 'Bench', clock: fixedClock(AS_OF) });
    const iv = openScaleVault(imp);
    const tv = openScaleVault(withTrail);
    const bv = openScaleVault(bare);
    try {
      for (const t of bv.sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'audit_records_%'`).pluck().all() as string[])
        bv.sqlite.exec(`DROP TRIGGER "${t}"`);
      let run = 0;
      const csv = () => {
        run++;
        const lines = ['staffRef,date,topic,provider,hours'];
        for (let i = 0; i < 10_000; i++) lines.push(`${staffRef(i % STAFF)},2026-0${1 + (i % 9)}-1${i % 10},Imported topic ${run}-${i},BABICM,2`);
        return Buffer.from(lines.join('\n'));
      };
      const importInto = (vault: typeof iv) => async () => {
        const s = await importSpreadsheet({ vault, user: 'Bench', clock: fixedClock(AS_OF) }, 'cpd', 'cpd.csv', csv());
        if (s.added.records !== 10_000) throw new Error(`imported ${s.added.records} CPD rows, not 10,000`);
      };
      const importMs = await median(3, importInto(iv));
      // floor: the same 10,000 rows inserted by one prepared statement in one transaction, then rolled back
      const ins = iv.sqlite.prepare(`INSERT INTO records (staff_id, kind, data, data_version) VALUES (?, 'cpd', ?, 1)`);
      const ids = iv.sqlite.prepare('SELECT id FROM staff ORDER BY id').pluck().all() as number[];
      const floor = await median(3, () => {
        iv.sqlite.exec('SAVEPOINT bench');
        for (let i = 0; i < 10_000; i++)
          ins.run(ids[i % ids.length], JSON.stringify({ date: '2026-01-10', topic: `Floor ${i}`, provider: 'BABICM', hours: 2 }));
        iv.sqlite.exec('ROLLBACK TO bench; RELEASE bench');
      });
      add({ name: 'CPD import (10,000 rows)', ms: importMs, floorMs: floor, budgetMs: 2000, note: 'floor: raw inserts in one transaction' });
      // Turn about, like the first-after-unlock rows: timed minutes apart, the two imports once
      // differed by a quarter with nothing changed but the machine's speed.
      const share = await paired(5, importInto(bv), importInto(tv));
      add({
        name: 'CPD import (10,000 rows), against the same import without the audit trail',
        ...share,
        times: 1.2,
        note: `the trail adds ${Math.round(((share.ms - share.floorMs) / share.floorMs) * 100)}% (floor: the same import into a copy without the records' audit triggers, timed turn about with it)`,
      });
      // The trail's share of the other writes a user waits for (issue 11): single saves as the app
      // makes them (each its own durable transaction) on the same two copies, and a firm file's
      // import into new vaults (made with a random key: no key derivation in the timing).
      let saveRun = 0;
      const saves = (vault: typeof iv) => () => {
        const ctx = ctxOf(vault);
        saveRun++;
        for (let i = 0; i < 100; i++) {
          const r = addRecord(ctx, { type: 'staff', ref: staffRef(i % STAFF) }, 'cpd', {
            date: AS_OF,
            topic: `Save ${saveRun}-${i}`,
            provider: 'BABICM',
            hours: 1,
          });
          updateRecord(ctx, r.id, { date: AS_OF, topic: `Save ${saveRun}-${i}, edited`, provider: 'BABICM', hours: 2 });
        }
      };
      dropRowTriggers(bv);
      const saveShare = await paired(5, saves(bv), saves(tv));
      add({
        name: '100 single saves (add a CPD entry, then edit it), against the same without the audit trail',
        ...saveShare,
        times: 1.2,
        note: `the trail adds ${Math.round(((saveShare.ms - saveShare.floorMs) / saveShare.floorMs) * 100)}% (floor: the same saves on a copy without audit triggers, timed turn about)`,
      });
    } finally {
      iv.close();
      tv.close();
      bv.close();
    }
    log('firm-file import (5,000 cases, 200 people with 100 CPD entries each)…');
    const firmFile = trailFirmFile();
    let fresh = 0;
    const firmImport = (trail: boolean) => () => {
      const vault = createVault(path.join(dir, `firm-${fresh++}.cpv`), { key: { key: randomBytes(32), salt: randomBytes(16) } });
      try {
        if (!trail) dropRowTriggers(vault);
        importFirmFile(ctxOf(vault), structuredClone(firmFile));
      } finally {
        vault.close();
      }
    };
    const firmShare = await paired(5, firmImport(false), firmImport(true));
    add({
      name: 'firm-file import (25,231 rows), against the same import without the audit trail',
      ...firmShare,
      times: 1.2,
      note: `the trail adds ${Math.round(((firmShare.ms - firmShare.floorMs) / firmShare.floorMs) * 100)}% (floor: the same file into a new vault without audit triggers, timed turn about; vault creation included on both sides)`,
    });

    log('export (in a child process, for its peak memory)…');
    const ex = child('export', built.path, path.join(dir, 'export.json'));
    const exFloor = child('export-floor', built.path, path.join(dir, 'export-floor.json'));
    add({
      name: 'export',
      ms: ex.ms,
      floorMs: exFloor.ms,
      times: 2,
      note: `peak memory ${ex.maxRssMB} MB (budget 600 MB; floor's ${exFloor.maxRssMB} MB); file ${(statSync(path.join(dir, 'export.json')).size / 1e6).toFixed(0)} MB; floor: every row and file read raw, files base64'd, streamed to disk`,
    });
    results.push({ name: 'export peak memory (MB)', ms: ex.maxRssMB, floorMs: exFloor.maxRssMB, budgetMs: 600, budget: '600 MB' });

    log('browser (the built renderer in Chromium)…');
    if (!existsSync(path.join(ROOT, 'dist/renderer/index.html'))) log('  skipped: dist/renderer is missing (run `npm run build`)');
    else {
      // Floor: the screen's own calls, unchanged, timed above (what the page adds is drawing them).
      const callMs = (name: string) => results.find((r) => r.name === name)?.ms ?? 0;
      const out = path.join(dir, 'browser.json');
      execFileSync(path.join(ROOT, 'node_modules/.bin/vitest'), ['run', 'tests/bench/browser-screens.test.ts'], {
        cwd: ROOT,
        env: { ...process.env, CASEPROOF_BENCH_VAULT: built.path, CASEPROOF_BENCH_OUT: out },
        stdio: ['ignore', 'ignore', 'inherit'],
      });
      const [dash, sup, load] = JSON.parse(readFileSync(out, 'utf8')) as { name: string; ms: number; note: string }[];
      add({ name: dash!.name, ms: dash!.ms, floorMs: callMs('Dashboard, unchanged'), budgetMs: 1000, note: `${dash!.note} (floor: its calls)` });
      add({ name: sup!.name, ms: sup!.ms, floorMs: callMs('supplier list, unchanged'), budgetMs: 1000, note: `${sup!.note} (floor: its call)` });
      add({ name: load!.name, ms: load!.ms, floorMs: callMs('Dashboard, unchanged'), budgetMs: 1000, note: `${load!.note} (floor: its calls)` });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const dataset = {
    version: DATASET_VERSION,
    dataVersion: SCHEMA_VERSION,
    staff: STAFF,
    cpd: CPD_TOTAL,
    suppliers: SUPPLIERS,
    cases: CASES,
    evidenceFiles: FILES,
    vaultMB: Math.round(statSync(built.path).size / 1e6),
    builtMs: Math.round(built.builtMs),
  };
  return { dataset, results };
}
