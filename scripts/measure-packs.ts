// What a Legal Panel pack costs on the scale firm (issue 9's dataset; figures for BENCHMARKS.md,
// not part of npm test). Usage: npx tsx scripts/measure-packs.ts
// Copies the bench's scale vault (tests/support/scaleFirm.ts builds it once), opens the copy and
// times generatePack for the Legal Panel pack's person (100 CPD, 10 images): the first call
// (nothing kept yet), then unchanged, then just after another person changed.
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fixedClock } from '../electron/services/clock';
import type { Ctx } from '../electron/services/context';
import { DEFAULT_PACK_OPTIONS } from '../electron/services/packs/types';
import { PACK_LAYOUT_VERSION, generatePack } from '../electron/services/packs/packService';
import { packSource } from '../electron/services/packs/sources';
import { normaliseDocx } from '../electron/services/packs/render';
import { buildPack } from '../electron/services/packs/packService';
import { AS_OF, PACK_REF, copyOfScaleVault, openScaleVault } from '../tests/support/scaleFirm';

const dir = mkdtempSync(path.join(tmpdir(), 'caseproof-measure-packs-'));
async function time(label: string, fn: () => Promise<unknown>, runs = 1, before?: (i: number) => void): Promise<void> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    before?.(i);
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  console.log(`${label.padEnd(60)} ${times[Math.floor(runs / 2)]!.toFixed(0)} ms (median of ${runs})`);
}
try {
  console.log(
    `${cpus().length} × ${cpus()[0]?.model}; load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  const file = copyOfScaleVault(dir);
  const t0 = performance.now();
  const vault = openScaleVault(file);
  console.log(`${'open (and migrate) the copy'.padEnd(60)} ${(performance.now() - t0).toFixed(0)} ms`);
  try {
    const ctx: Ctx = { vault, user: 'Bench', clock: fixedClock(AS_OF) };
    const db = vault.sqlite;
    let n = 0;
    const legal = { kind: 'staff', ref: PACK_REF, asOf: AS_OF, recipient: { name: 'Fenwick Law', kind: 'solicitor' } };
    const run = () => generatePack(ctx, legal, path.join(dir, `legal-${n++}.docx`));
    await time('Legal Panel pack, first call (nothing kept yet)', run);
    await time('Legal Panel pack, unchanged', run, 3);
    // Its parts: reading what the pack reads (the source), and everything else (layout, zip, register).
    await time(
      'of which: its source (the records it reads, judged, as JSON)',
      async () => packSource(ctx, legal as never, DEFAULT_PACK_OPTIONS, {}, PACK_LAYOUT_VERSION),
      3,
    );
    const built = await buildPack(ctx, legal);
    await time('of which: building the bytes (layout, docx, the zip made again)', () => buildPack(ctx, legal), 3);
    await time(`of which: the zip made again (${(built.bytes.length / 1024).toFixed(0)} KB)`, () => normaliseDocx(built.bytes, AS_OF), 3);
    const staffIds = db.prepare('SELECT id FROM staff ORDER BY id').pluck().all() as number[];
    const addCpd = db.prepare(`INSERT INTO records (staff_id, kind, data, data_version) VALUES (?, 'cpd', ?, 1)`);
    await time('Legal Panel pack, after another person changed', run, 3, (i) =>
      addCpd.run(staffIds[(i + 7) % staffIds.length], JSON.stringify({ date: AS_OF, topic: `Bench ${i}`, provider: 'BABICM', hours: 1 })),
    );
    // The organisation pack keeps the whole firm as its source: what that costs.
    const firmBuilt = await buildPack(ctx, { kind: 'firm', asOf: AS_OF });
    console.log(`organisation pack source: ${(firmBuilt.source.json.length / 1e6).toFixed(1)} MB of JSON`);
    await time('organisation pack (generatePack)', () => generatePack(ctx, { kind: 'firm', asOf: AS_OF }, path.join(dir, `firm-${n++}.docx`)), 1);
    await time(
      'of which: its source (the whole firm, as JSON)',
      async () => packSource(ctx, { kind: 'firm', asOf: AS_OF } as never, DEFAULT_PACK_OPTIONS, {}, PACK_LAYOUT_VERSION),
      1,
    );
  } finally {
    vault.close();
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
