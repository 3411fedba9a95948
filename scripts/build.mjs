// Builds everything the app and the CLI run from: the renderer (Vite) and the Electron
// main, preload and CLI bundles (esbuild). Native modules stay external.
import { build } from 'esbuild';
import { build as viteBuild } from 'vite';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, logLevel: 'warning', absWorkingDir: root };

await Promise.all([
  build({ ...common, entryPoints: ['electron/main/main.ts'], outfile: 'dist/electron/main.cjs', external: ['electron', 'better-sqlite3'] }),
  build({ ...common, entryPoints: ['electron/preload/preload.ts'], outfile: 'dist/electron/preload.cjs', external: ['electron'], sourcemap: false }),
  build({ ...common, entryPoints: ['electron/cli/main.ts'], outfile: 'dist/cli/caseproof.cjs', external: ['better-sqlite3', 'electron'] }),
  viteBuild({ configFile: path.join(root, 'renderer', 'vite.config.ts'), logLevel: 'warn' }),
]);
console.log('built dist/electron, dist/cli and dist/renderer');
