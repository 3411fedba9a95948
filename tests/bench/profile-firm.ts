// Profiles the whole-firm build (not a test, not part of `npm run bench`): unlocks a copy of
// the cached scale vault (scaleFirm.ts) and times the first complianceReport / dashboard /
// supplierList after unlock (forgetFirmModel before each), as the bench does. Run it under
// the CPU profiler to see where the time goes:
//   nice node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx tests/bench/profile-firm.ts [op] [runs]
// `loaders` as the op times loadSnapshot against the drizzle loader it replaced, turn about in
// one process (so a busy machine slows both alike), and the engine over the snapshot.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { OpName } from '../../electron/contract/api';
import { buildRegistry } from '../../electron/services/api/handlers';
import { Session } from '../../electron/services/api/session';
import { fixedClock } from '../../electron/services/clock';
import { firmModel, firmReport, forgetFirmModel } from '../../electron/services/views/firmModel';
import { nodePlatform } from '../../electron/platform/nodePlatform';
import { evaluate } from '../../electron/services/compliance/engine';
import { loadSnapshot } from '../../electron/services/snapshot';
import { drizzleSnapshot } from '../support/drizzleSnapshot';
import { AS_OF, PASSPHRASE, scaleVault } from '../support/scaleFirm';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.floor(s.length / 2)]! * 10) / 10;
}

async function main(): Promise<void> {
  const op = (process.argv[2] ?? 'complianceReport') as OpName;
  const runs = Number(process.argv[3] ?? 5);
  const dir = mkdtempSync(path.join(tmpdir(), 'caseproof-profile-'));
  try {
    const file = path.join(dir, 'scale.cpv');
    copyFileSync(scaleVault().path, file);
    const session = new Session(nodePlatform({ user: 'Bench' }), {}, fixedClock(AS_OF));
    const registry = buildRegistry(session);
    const unlocked = await registry.call('unlockVault', { path: file, passphrase: PASSPHRASE, remember: false });
    if (!unlocked.ok) throw new Error(unlocked.error.message);
    const ctx = session.ctx();
    const vault = ctx.vault;
    if (op === ('loaders' as OpName)) {
      const times: Record<string, number[]> = { drizzle: [], loadSnapshot: [], evaluate: [], firmModel: [], firmReport: [] };
      // CPU time, not wall time: on a machine shared with other work it varies far less.
      const time = (name: string, fn: () => unknown) => {
        const t = process.cpuUsage();
        fn();
        const d = process.cpuUsage(t);
        times[name]!.push((d.user + d.system) / 1000);
      };
      for (let i = 0; i < runs; i++) {
        time('drizzle', () => drizzleSnapshot(ctx));
        time('loadSnapshot', () => loadSnapshot(ctx));
        const snap = loadSnapshot(ctx);
        time('evaluate', () => evaluate(snap, AS_OF));
        forgetFirmModel(vault);
        time('firmModel', () => firmModel(ctx));
        forgetFirmModel(vault);
        time('firmReport', () => firmReport(ctx, AS_OF));
      }
      for (const [name, xs] of Object.entries(times)) process.stdout.write(`${name}: median ${median(xs)} ms CPU of ${xs.map(Math.round).join(', ')}\n`);
      return;
    }
    const ms: number[] = [];
    const floors: number[] = [];
    for (let i = 0; i < runs; i++) {
      // The bench's floor (every row read raw) beside each run, so a busy machine shows in both.
      let t = performance.now();
      for (const table of ['firm', 'staff', 'suppliers', 'records', 'cases', 'case_instructions', 'case_handovers', 'contacts'])
        vault.sqlite.prepare(`SELECT * FROM ${table}`).raw().all();
      floors.push(performance.now() - t);
      forgetFirmModel(vault);
      t = performance.now();
      const r = await registry.call(op, {});
      if (!r.ok) throw new Error(`${op} failed: ${r.error.message}`);
      ms.push(performance.now() - t);
      process.stdout.write(`${op} first after unlock, run ${i + 1}: ${ms.at(-1)!.toFixed(1)} ms (floor ${floors.at(-1)!.toFixed(1)} ms)\n`);
    }
    process.stdout.write(`median ${median(ms)} ms, floor ${median(floors)} ms: ${(median(ms) / median(floors)).toFixed(2)}x floor\n`);
    await registry.call('lockVault', {});
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
void main();
