#!/usr/bin/env node
// The package's `caseproof` command: runs the bundled CLI (dist/cli/caseproof.cjs, built by
// `npm run build`): plain JavaScript, nothing compiled at run time. Its heavy libraries
// (Word, Excel) load only in the commands that use them. In a checkout that has not been
// built yet it says so, rather than compiling TypeScript on every run.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const bundled = path.join(root, 'dist', 'cli', 'caseproof.cjs');
if (!existsSync(bundled)) {
  process.stderr.write(`caseproof: the command line is not built yet (no ${path.relative(process.cwd(), bundled) || bundled}); run \`npm run build\` first.\n`);
  process.exitCode = 2;
} else {
  // require, not import(): importing CommonJS from ESM scans the whole bundle for its export
  // names first, which costs more than everything --help does.
  const { main } = createRequire(import.meta.url)(bundled);
  process.exitCode = await main(process.argv.slice(2));
}
