// Bench (not a test): building Word packs. The main figure is the Legal Panel evidence pack
// for a case manager with 100 CPD entries and 10 PNG attachments, with reflections, the
// evidence appendix and the images embedded. Target: under 500 ms (median).
import { fixedClock } from '../../electron/services/clock';
import { performance } from 'node:perf_hooks';
import { evaluate } from '../../electron/services/compliance/engine';
import { buildFirmPack } from '../../electron/services/packs/firmPack';
import { buildStaffPack } from '../../electron/services/packs/staffPack';
import type { PackInput } from '../../electron/services/packs/types';
import { AS_OF, aCase, aFirm } from '../support/builders';
import { HEAVY_REF, evidenceStore, heavyCaseManager } from '../support/packFixtures';

const RUNS = 7;

async function median(run: () => Promise<unknown>): Promise<number> {
  await run(); // warm-up: module loading and JIT
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await run();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return Math.round(times[Math.floor(RUNS / 2)] * 10) / 10;
}

export async function benchPacks(): Promise<{ label: string; ms: number }[]> {
  const store = evidenceStore();
  const staff = heavyCaseManager(store);
  const cases = Array.from({ length: 30 }, (_, i) =>
    aCase({
      ref: `C-${i}`,
      caseManager: HEAVY_REF,
      status: i % 4 === 0 ? 'monitoring' : 'open-active',
      injury: (['brain', 'spinal', 'orthopaedic'] as const)[i % 3],
    }),
  );
  const snapshot = aFirm({ staff: [staff], cases });
  const input: PackInput = {
    snapshot,
    report: evaluate(snapshot, AS_OF),
    asOf: AS_OF,
    recipient: { name: 'Fenwick Law', kind: 'solicitor' },
    readEvidence: (id) => store.readEvidence(id),
  };
  return [
    {
      label: `staff pack: 100 CPD entries, 10 PNG images embedded (median of ${RUNS}; target < 500 ms)`,
      ms: await median(() => buildStaffPack({ ...input, staffRef: HEAVY_REF })),
    },
    {
      label: `staff pack without images or appendix (median of ${RUNS})`,
      ms: await median(() => buildStaffPack({ ...input, staffRef: HEAVY_REF, options: { includeEvidenceAppendix: false } })),
    },
    { label: `organisation pack (median of ${RUNS})`, ms: await median(() => buildFirmPack(input)) },
  ];
}

/**
 * generatePack through the service on a real encrypted vault: the same busy case manager (100 CPD
 * entries, 10 PNG files) imported into a vault, then snapshot, compliance check, evidence read from
 * the vault, build, atomic write and the register row, as the app and the CLI do it.
 */
export async function benchPackService(): Promise<{ label: string; ms: number }[]> {
  const { mkdtempSync, readFileSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const path = await import('node:path');
  const { createVault } = await import('../../db/client');
  const { importFirmFile } = await import('../../electron/services/interchange/importFirmFile');
  const { generatePack } = await import('../../electron/services/packs/packService');
  const store = evidenceStore();
  const staff = heavyCaseManager(store);
  // The snapshot as a firm-file entry: files carry their bytes, records lose their ids.
  const asFile = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(asFile);
    if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (typeof o.sha256 === 'string' && typeof o.id === 'number') {
        return { name: o.name, mediaType: o.mediaType, base64: Buffer.from(store.readEvidence(o.id)).toString('base64') };
      }
      return Object.fromEntries(
        Object.entries(o)
          .filter(([k, x]) => k !== 'id' && !(k === 'evidence' && Array.isArray(x) && x.length === 0))
          .map(([k, x]) => [k, asFile(x)]),
      );
    }
    return v;
  };
  const { fileURLToPath } = await import('node:url');
  const sample = JSON.parse(readFileSync(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/riverside-firm.json'), 'utf8'));
  sample.staff.push(asFile(staff));
  for (let i = 0; i < 30; i++) {
    sample.cases.push({
      ref: `C-${i}`,
      caseManager: HEAVY_REF,
      instructingParty: { name: 'Fenwick Law', kind: 'solicitor' },
      status: i % 4 === 0 ? 'monitoring' : 'open-active',
      injury: (['brain', 'spinal', 'orthopaedic'] as const)[i % 3],
    });
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'caseproof-bench-packs-'));
  const vault = createVault(path.join(dir, 'bench.cpv'), { passphrase: 'bench passphrase 123' });
  try {
    const ctx = { vault, user: 'Bench', clock: fixedClock(AS_OF) };
    importFirmFile(ctx, sample);
    let n = 0;
    const run = () =>
      generatePack(
        ctx,
        { kind: 'staff', ref: HEAVY_REF, asOf: AS_OF, recipient: { name: 'Fenwick Law', kind: 'solicitor' } },
        path.join(dir, `pack-${n++}.docx`),
      );
    return [{ label: `generatePack through the service on a real vault: 100 CPD, 10 PNGs, written and registered (median of ${RUNS})`, ms: await median(run) }];
  } finally {
    vault.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
