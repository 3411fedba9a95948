#!/usr/bin/env node
// The package's `caseproof` command: runs the bundled CLI (built by `npm run build`),
// or the TypeScript source through tsx in a development checkout.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';
import { spawnSync } from 'node:child_process';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const bundled = path.join(root, 'dist', 'cli', 'caseproof.cjs');
if (existsSync(bundled)) {
  const { main } = await import(pathToFileURL(bundled).href);
  process.exitCode = await main(process.argv.slice(2));
} else {
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'electron', 'cli', 'run.ts'), ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exitCode = r.status ?? 1;
}
