// Peak memory of exporting a firm file with many evidence files: the streamed writer (the CLI
// and the app) against building the whole text first. Run each in its own process so the peaks
// do not mix:
//   npx tsx scripts/measure-firm-export.ts build VAULT         # 1,000 files of 200 KB (about 200 MB)
//   /usr/bin/time -v npx tsx scripts/measure-firm-export.ts stream VAULT OUT
//   /usr/bin/time -v npx tsx scripts/measure-firm-export.ts whole VAULT OUT
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { createVault, openVault } from '../db/client';
import { fixedClock } from '../electron/services/clock';
import type { Ctx } from '../electron/services/context';
import { attachEvidence } from '../electron/services/evidence/evidence';
import { addRecord } from '../electron/services/evidence/records';
import { streamToFile } from '../electron/services/files';
import { exportFirmFile, writeFirmFile } from '../electron/services/interchange/exportFirmFile';
import { createStaff } from '../electron/services/staff/staff';

const PASS = 'measure firm export passphrase';
const [mode, vaultPath, out] = process.argv.slice(2);
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

async function main() {
  if (mode === 'build') {
    const vault = createVault(vaultPath!, { passphrase: PASS });
    const ctx: Ctx = { vault, user: 'measure', clock: fixedClock('2026-11-24') };
    vault.tx(() => {
      for (let p = 0; p < 50; p++) {
        const ref = `M-${p}`;
        createStaff(ctx, { ref, name: `Person ${p}` });
        for (let i = 0; i < 20; i++) {
          const r = addRecord(ctx, { type: 'staff', ref }, 'cpd', { date: '2026-01-01', topic: `Course ${i}`, provider: 'X', hours: 1 });
          attachEvidence(ctx, r.id, { name: `c${i}.png`, bytes: Buffer.concat([PNG, randomBytes(200 * 1024 - PNG.length)]) });
        }
      }
    });
    vault.close();
    return;
  }
  const vault = openVault(vaultPath!, { passphrase: PASS });
  const ctx: Ctx = { vault, user: 'measure', clock: fixedClock('2026-11-24') };
  const t = Date.now();
  if (mode === 'stream') await streamToFile(out!, { overwrite: true }, (w) => writeFirmFile(ctx, w));
  else writeFileSync(out!, JSON.stringify(exportFirmFile(ctx), null, 1) + '\n');
  console.log(`${mode}: ${Date.now() - t} ms, heap now ${Math.round(process.memoryUsage().heapUsed / 1e6)} MB`);
  vault.close();
}
void main();
