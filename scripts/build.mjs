// Builds everything the app and the CLI run from: the renderer (Vite) and, with esbuild,
// Electron's main (a relay: window, IPC, platform), the vault worker (services, SQLCipher,
// packs), the preload (names only, a few KB) and the CLI. Native modules stay external.
// The CLI also leaves its heavy libraries (Word, Excel, zip) external and loads them only in
// the commands that use them, so `caseproof --help` starts in well under half a second.
import { build } from 'esbuild';
import { build as viteBuild } from 'vite';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, logLevel: 'warning', absWorkingDir: root };
const CLI_LAZY = ['docx', 'exceljs', 'jszip', 'pdf-lib', 'pdfjs-dist'];

await Promise.all([
  build({ ...common, entryPoints: ['electron/main/main.ts'], outfile: 'dist/electron/main.cjs', external: ['electron'] }),
  build({ ...common, entryPoints: ['electron/worker/vaultWorker.ts'], outfile: 'dist/electron/worker.cjs', external: ['better-sqlite3'] }),
  build({ ...common, entryPoints: ['electron/preload/preload.ts'], outfile: 'dist/electron/preload.cjs', external: ['electron'], sourcemap: false }),
  build({ ...common, entryPoints: ['electron/cli/entry.ts'], outfile: 'dist/cli/caseproof.cjs', external: ['better-sqlite3', 'electron', ...CLI_LAZY] }),
  viteBuild({ configFile: path.join(root, 'renderer', 'vite.config.ts'), logLevel: 'warn' }),
]);
console.log('built dist/electron, dist/cli and dist/renderer');
