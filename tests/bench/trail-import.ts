// Bench (not a test): the audit trail's share of the scale bench's 10,000-row CPD import (issue 11:
// at most 20%), measured so that a shared machine's noise shows. Two copies of the scale vault, one
// with the records' audit triggers dropped (as tests/bench/scale.ts does); the same kind of CSV
// imported into each in turn, alternating which goes first, RUNS times; best and median of each,
// wall and CPU. Builds the scale vault first if this data version has none (tests/support/scaleFirm.ts).
// Run alone: RUNS=9 npx tsx tests/bench/trail-import.ts
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fixedClock } from '../../electron/services/clock';
import { ctxOver } from '../../electron/services/context';
import { importSpreadsheet } from '../../electron/services/interchange/spreadsheet';
import { openScaleVault, scaleVault } from '../support/scaleFirm';

const dir = mkdtempSync(path.join(tmpdir(), 'caseproof-bench-trail-'));
try {
  const src = scaleVault().path;
  const open = (name: string) => {
    const f = path.join(dir, name);
    copyFileSync(src, f);
    return openScaleVault(f);
  };
  const vaults = { trail: open('trail.cpv'), bare: open('bare.cpv') };
  for (const t of vaults.bare.sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'audit_records_%'`).pluck().all() as string[])
    vaults.bare.sqlite.exec(`DROP TRIGGER "${t}"`);
  const refs = vaults.trail.sqlite.prepare('SELECT ref FROM staff ORDER BY id').pluck().all() as string[];
  let run = 0;
  const csv = () => {
    run++;
    const lines = ['staffRef,date,topic,provider,hours'];
    for (let i = 0; i < 10_000; i++) lines.push(`${refs[i % refs.length]},2026-0${1 + (i % 9)}-1${i % 10},Imported topic ${run}-${i},BABICM,2`);
    return Buffer.from(lines.join('\n'));
  };
  const cpu = () => {
    const c = process.cpuUsage();
    return (c.user + c.system) / 1000;
  };
  const res = { trail: { wall: [] as number[], cpu: [] as number[] }, bare: { wall: [] as number[], cpu: [] as number[] } };
  const one = async (k: 'trail' | 'bare') => {
    const bytes = csv();
    const c = cpu();
    const w = performance.now();
    const s = await importSpreadsheet(ctxOver(vaults[k], 'Bench', fixedClock('2026-11-24')), 'cpd', 'cpd.csv', bytes);
    res[k].wall.push(performance.now() - w);
    res[k].cpu.push(cpu() - c);
    if (s.added.records !== 10_000) throw new Error(`imported ${s.added.records} CPD rows, not 10,000`);
  };
  for (let i = 0; i < Number(process.env.RUNS ?? 5); i++) {
    for (const k of i % 2 ? (['bare', 'trail'] as const) : (['trail', 'bare'] as const)) await one(k);
  }
  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const best = (xs: number[]) => Math.min(...xs);
  const row = (label: string, f: (xs: number[]) => number, m: 'wall' | 'cpu') => {
    const [b, t] = [f(res.bare[m]), f(res.trail[m])];
    console.log(
      `${label.padEnd(22)} without ${b.toFixed(0).padStart(6)} ms, with the trail ${t.toFixed(0).padStart(6)} ms (${(((t - b) / b) * 100).toFixed(1)}%)`,
    );
  };
  row('best, wall', best, 'wall');
  row('median, wall', med, 'wall');
  row('best, CPU', best, 'cpu');
  row('median, CPU', med, 'cpu');
  vaults.trail.close();
  vaults.bare.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
