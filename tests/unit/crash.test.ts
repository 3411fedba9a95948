// Crash proof (issue 12 item 8): a child process writes to a real encrypted vault through the
// services and is SIGKILLed at a random moment, again and again (50 runs here; set
// CASEPROOF_CRASH_RUNS for more, as `npm run bench` does). After every kill the vault must
// open, pass every check (each page's HMAC, SQLite's integrity_check, foreign keys), and hold
// every commit the child reported, whole: each batch all there, each file with its SHA-256.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkVault } from '../../db/check';
import { createVault, openVault } from '../../db/client';
import { exportKey, importKey } from '../../db/keys';
import { evidenceContentReader, sha256Hex } from '../../electron/services/evidence/evidence';
import { createStaff } from '../../electron/services/staff/staff';
import { tempDir } from '../support/tmp';
import { ctxFor, PASS } from '../support/vaults';

const RUNS = Number(process.env.CASEPROOF_CRASH_RUNS ?? 50);
let writer = '';

beforeAll(async () => {
  writer = path.join(tempDir('caseproof-crash-bin-'), 'crashWriter.cjs');
  await build({
    entryPoints: [path.resolve(__dirname, '../support/crashWriter.ts')],
    outfile: writer,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['better-sqlite3'],
    nodePaths: [path.resolve(__dirname, '../../node_modules')],
    logLevel: 'error',
  });
});

/** Runs the writer until `afterMs` past READY, then SIGKILLs it; returns the commits it reported. */
function runAndKill(file: string, key: string, run: number, afterMs: number): Promise<{ lines: string[]; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [writer, file, String(run)], {
      env: { ...process.env, CRASH_KEY: key, CRASH_SEED: String(run * 7919 + 1), NODE_PATH: path.resolve(__dirname, '../../node_modules') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    let timer: NodeJS.Timeout | undefined;
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (!timer && out.includes('READY\n')) timer = setTimeout(() => child.kill('SIGKILL'), afterMs);
    });
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const guard = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(guard);
      if (signal !== 'SIGKILL') return reject(new Error(`writer ended by itself (code ${code}): ${err}`));
      // Only whole lines were reported: a line cut by the kill is not a promise.
      const whole = out.slice(0, out.lastIndexOf('\n') + 1);
      resolve({ lines: whole.split('\n').filter((l) => l.startsWith('C ')), stderr: err });
    });
  });
}

describe('SIGKILL during writes', () => {
  it(`keeps the vault whole and every reported commit, over ${RUNS} kills at random moments`, async () => {
    const dir = tempDir();
    const file = path.join(dir, 'firm.cpv');
    const v = createVault(file, { passphrase: PASS });
    createStaff(ctxFor(v), { ref: 'CR-1', name: 'Crash Tester' });
    const key = exportKey(v.key);
    v.close();

    const reported: string[] = [];
    let rnd = 12345;
    const next = () => (rnd = (rnd * 1103515245 + 12345) >>> 0) / 2 ** 32;
    let kills = 0;
    for (let run = 0; run < RUNS; run++) {
      const { lines } = await runAndKill(file, key, run, 20 + Math.floor(next() * 330));
      kills++;
      reported.push(...lines);
      // Reopen exactly as the app would after a crash (a lock left by a dead process is taken over).
      const vault = openVault(file, { key: importKey(key) }); // checkVault below checks every page
      try {
        expect(checkVault(vault), `after kill ${run + 1}`).toEqual([]);
        const db = vault.sqlite;
        const topics = new Set(db.prepare<[], string>(`SELECT json_extract(data, '$.topic') FROM records WHERE kind = 'cpd'`).pluck().all());
        const titles = new Set(db.prepare<[], string>(`SELECT json_extract(data, '$.title') FROM records WHERE kind = 'training'`).pluck().all());
        const files = new Map(
          db
            .prepare<[], [string, number, string]>('SELECT name, id, sha256 FROM evidence_files')
            .raw()
            .all()
            .map(([n, id, sha]) => [n, { id, sha }]),
        );
        const content = evidenceContentReader(ctxFor(vault));
        for (const line of lines) {
          const [, kind, marker, sha] = line.split(' ');
          if (kind === 'cpd') expect(topics.has(marker), line).toBe(true);
          if (kind === 'batch') for (let i = 0; i < 40; i++) expect(topics.has(`${marker}.${i}`), `${line} #${i}`).toBe(true);
          if (kind === 'deleted') expect(topics.has(`${marker}-gone`), line).toBe(false);
          if (kind === 'file') {
            expect(titles.has(marker), line).toBe(true);
            const f = files.get(`${marker}.pdf`);
            expect(f?.sha, line).toBe(sha);
            expect(sha256Hex(content(f!.id)), line).toBe(sha);
          }
        }
        // A batch is all or nothing, whether or not its commit was reported before the kill.
        const batchCounts = db
          .prepare<[], number>(
            `SELECT count(*) FROM records WHERE kind = 'cpd' AND json_extract(data, '$.provider') = 'Crash batch' GROUP BY substr(json_extract(data, '$.topic'), 1, instr(json_extract(data, '$.topic'), '.') - 1)`,
          )
          .pluck()
          .all();
        for (const n of batchCounts) expect(n).toBe(40);
      } finally {
        vault.close();
      }
    }
    expect(kills).toBe(RUNS);
    expect(reported.length).toBeGreaterThan(RUNS / 2); // the kills landed while writing, not before the first commit
    console.log(`[crash] ${kills} SIGKILLs, ${reported.length} reported commits checked, 0 lost, 0 damaged vaults`);
  }, 600_000);
});
