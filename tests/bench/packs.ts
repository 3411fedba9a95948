// Bench (not a test): building Word packs. The main figure is the Legal Panel evidence pack
// for a case manager with 100 CPD entries and 10 PNG attachments, with reflections, the
// evidence appendix and the images embedded. Target: under 500 ms (median).
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
