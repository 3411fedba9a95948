// One bench measurement in a process of its own, so its peak memory (maxRSS) is its own:
// `node --import tsx tests/bench/child.ts export|export-floor VAULT OUT`. Prints { ms, maxRssMB }.
import { createWriteStream } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fixedClock } from '../../electron/services/clock';
import type { Ctx } from '../../electron/services/context';
import { writeFirmFile } from '../../electron/services/interchange/exportFirmFile';
import { streamToFile } from '../../electron/services/files';
import { AS_OF, PASSPHRASE } from '../support/scaleFirm';
import { openVault } from '../../db/client';

async function main(): Promise<void> {
  const [what, vaultPath, out] = process.argv.slice(2);
  // Read-only: the cached vault is never written.
  const vault = openVault(vaultPath!, { passphrase: PASSPHRASE }, { readOnly: true });
  const ctx: Ctx = { vault, user: 'Bench', clock: fixedClock(AS_OF) };
  const t = performance.now();
  if (what === 'export') {
    await streamToFile(out!, { overwrite: true }, (write) => writeFirmFile(ctx, write));
  } else if (what === 'export-floor') {
    // Every row and every file's bytes read raw, the bytes base64'd, all streamed to disk.
    const ws = createWriteStream(out!);
    const write = (s: string) => new Promise<void>((res) => (ws.write(s) ? res() : ws.once('drain', () => res())));
    for (const t of ['firm', 'staff', 'suppliers', 'records', 'cases', 'case_instructions', 'case_handovers', 'contacts', 'evidence_files']) {
      for (const row of vault.sqlite.prepare(`SELECT * FROM ${t}`).raw().iterate()) await write(JSON.stringify(row) + '\n');
    }
    for (const b of vault.sqlite.prepare('SELECT content FROM evidence_contents').pluck().iterate() as Iterable<Buffer>)
      await write(`"${b.toString('base64')}"\n`);
    await new Promise<void>((res) => ws.end(res));
  } else throw new Error(`unknown measurement ${what}`);
  const ms = Math.round((performance.now() - t) * 10) / 10;
  vault.close();
  console.log(JSON.stringify({ ms, maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024) }));
}
void main();
