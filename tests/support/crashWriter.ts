// The writing child of tests/unit/crash.test.ts: opens the vault with the key it is given (no
// scrypt), says READY, then writes through the services for ever, printing one line per commit
// only after the transaction has returned (a reported commit is one the vault promised to keep).
// The test SIGKILLs it at a random moment. Bundled with esbuild by the test; never shipped.
import { writeSync } from 'node:fs';
import { createHash, randomBytes } from 'node:crypto';
import { openVault } from '../../db/client';
import { importKey } from '../../db/keys';
import { fixedClock } from '../../electron/services/clock';
import type { Ctx } from '../../electron/services/context';
import { attachEvidence } from '../../electron/services/evidence/evidence';
import { addRecord, deleteRecord } from '../../electron/services/evidence/records';

const [file, run] = process.argv.slice(2);
const vault = openVault(file, { key: importKey(process.env.CRASH_KEY!) }, { user: 'crash', clock: fixedClock('2026-11-24') });
const ctx: Ctx = { vault, user: 'crash', clock: fixedClock('2026-11-24') };
let seed = Number(process.env.CRASH_SEED ?? 1) >>> 0;
const rand = () => (seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32;
const say = (s: string) => writeSync(1, s + '\n');
const owner = { type: 'staff' as const, ref: 'CR-1' };
say('READY');
for (let n = 0; ; n++) {
  const pick = rand();
  const marker = `r${run}-${n}`;
  if (pick < 0.45) {
    addRecord(ctx, owner, 'cpd', { date: '2026-10-01', topic: marker, provider: 'Crash test', hours: 1 });
    say(`C cpd ${marker}`);
  } else if (pick < 0.75) {
    // A file of 20-400 KB: many pages per commit, so kills land inside WAL appends and checkpoints.
    const size = 20_000 + Math.floor(rand() * 380_000);
    const bytes = randomBytes(size); // incompressible, like a scan
    Buffer.from('%PDF-1.4\n').copy(bytes, 0);
    const rec = addRecord(ctx, owner, 'training', { kind: 'safeguarding', title: marker, completedOn: '2026-09-01' });
    vault.tx(() => attachEvidence(ctx, rec.id, { name: `${marker}.pdf`, bytes }));
    say(`C file ${marker} ${createHash('sha256').update(bytes).digest('hex')}`);
  } else if (pick < 0.95) {
    // One transaction of 40 records: all or none of them.
    vault.tx(() => {
      for (let i = 0; i < 40; i++) addRecord(ctx, owner, 'cpd', { date: '2026-10-02', topic: `${marker}.${i}`, provider: 'Crash batch' });
    });
    say(`C batch ${marker}`);
  } else {
    const rec = addRecord(ctx, owner, 'cpd', { date: '2026-10-03', topic: `${marker}-gone`, provider: 'Deleted' });
    deleteRecord(ctx, rec.id);
    say(`C deleted ${marker}`);
  }
}
