// Bench (not a test): the audit trail's share of a firm-file import (issue 11: no write more than
// 20% dearer for the trail). A firm file of 200 case managers with 100 CPD entries each and 5,000
// cases is imported into fresh vaults, one with every audit trigger dropped, alternating which goes
// first, RUNS times; best and median of each, wall and CPU. (The spreadsheet import's share is
// tests/bench/trail-import.ts; a firm-file import still writes an entry per row.)
// Run alone: RUNS=5 npx tsx tests/bench/trail-firm-import.ts
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createVault } from '../../db/client';
import { fixedClock } from '../../electron/services/clock';
import { ctxOver } from '../../electron/services/context';
import { importFirmFile } from '../../electron/services/interchange/importFirmFile';
import { trailFirmFile } from '../support/bigFirm';

const dir = mkdtempSync(path.join(tmpdir(), 'caseproof-bench-trail-firm-'));
try {
  const file = trailFirmFile();
  const cpu = () => {
    const c = process.cpuUsage();
    return (c.user + c.system) / 1000;
  };
  const res = { trail: { wall: [] as number[], cpu: [] as number[] }, bare: { wall: [] as number[], cpu: [] as number[] } };
  let n = 0;
  const one = (k: 'trail' | 'bare') => {
    const vault = createVault(path.join(dir, `${k}-${n++}.cpv`), { passphrase: 'bench passphrase 123' });
    if (k === 'bare')
      for (const t of vault.sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'audit_%'`).pluck().all() as string[])
        vault.sqlite.exec(`DROP TRIGGER "${t}"`);
    const json = JSON.parse(JSON.stringify(file)) as unknown;
    const c = cpu();
    const w = performance.now();
    importFirmFile(ctxOver(vault, 'Bench', fixedClock('2026-11-24')), json);
    res[k].wall.push(performance.now() - w);
    res[k].cpu.push(cpu() - c);
    vault.close();
  };
  for (let i = 0; i < Number(process.env.RUNS ?? 5); i++) for (const k of i % 2 ? (['bare', 'trail'] as const) : (['trail', 'bare'] as const)) one(k);
  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const best = (xs: number[]) => Math.min(...xs);
  for (const [label, f, m] of [
    ['best, wall', best, 'wall'],
    ['median, wall', med, 'wall'],
    ['best, CPU', best, 'cpu'],
    ['median, CPU', med, 'cpu'],
  ] as const) {
    const [b, t] = [f(res.bare[m]), f(res.trail[m])];
    console.log(
      `${label.padEnd(14)} without ${b.toFixed(0).padStart(6)} ms, with the trail ${t.toFixed(0).padStart(6)} ms (${(((t - b) / b) * 100).toFixed(1)}%)`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
