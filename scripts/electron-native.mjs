// Builds the SQLite native module for Electron's ABI into .electron-native/, leaving
// node_modules' copy built for Node (the CLI and the tests use that one). Main passes
// .electron-native/better_sqlite3.node to better-sqlite3 as `nativeBinding`.
// Needs the internet (Electron's headers or a prebuilt binary); run by `npm start`
// and `npm run dist`. It does nothing when the build for this Electron already exists.
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const outDir = path.join(root, '.electron-native');
const target = path.join(outDir, 'better_sqlite3.node');
const stampFile = path.join(outDir, 'stamp.json');
const electronVersion = JSON.parse(readFileSync(path.join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
const moduleDir = path.join(root, 'node_modules', 'better-sqlite3');
const moduleVersion = JSON.parse(readFileSync(path.join(moduleDir, 'package.json'), 'utf8')).version;
const stamp = { electronVersion, moduleVersion, platform: process.platform, arch: process.arch };

if (existsSync(target) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === JSON.stringify(stamp)) {
  console.log(`Electron native module is up to date (Electron ${electronVersion}).`);
  process.exit(0);
}

const work = path.join(outDir, 'src');
rmSync(work, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
cpSync(moduleDir, work, { recursive: true, filter: (s) => !s.includes(`${path.sep}build${path.sep}`) && !s.endsWith(`${path.sep}build`) });
const bin = (name) => path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);
const run = (cmd, args) =>
  execFileSync(cmd, args, { cwd: work, stdio: 'inherit', env: { ...process.env, npm_config_nodedir: '' }, shell: process.platform === 'win32' });

console.log(`Building better-sqlite3 ${moduleVersion} for Electron ${electronVersion} (${process.platform}-${process.arch})…`);
try {
  run(bin('prebuild-install'), ['--runtime', 'electron', '--target', electronVersion, '--arch', process.arch]);
} catch {
  console.log('No prebuilt binary could be fetched; compiling against Electron headers instead.');
  try {
    run(bin('node-gyp'), [
      'rebuild',
      '--release',
      `--target=${electronVersion}`,
      `--arch=${process.arch}`,
      '--runtime=electron',
      '--dist-url=https://electronjs.org/headers',
    ]);
  } catch {
    console.error(
      "\nCould not build the SQLite module for Electron: this needs internet access to fetch Electron's headers or a prebuilt binary.\n" +
        'The CLI and the tests do not need it (they use the Node build in node_modules).',
    );
    process.exit(1);
  }
}
copyFileSync(path.join(work, 'build', 'Release', 'better_sqlite3.node'), target);
writeFileSync(stampFile, JSON.stringify(stamp));
rmSync(work, { recursive: true, force: true });
console.log(`Wrote ${path.relative(root, target)}`);
