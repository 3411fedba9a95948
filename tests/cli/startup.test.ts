// The `caseproof` bin starts fast because it runs the built bundle (no TypeScript compiled at
// run time) and loads each heavy library (Word, Excel, zip) only in the command that needs
// it. Timings belong in a benchmark, so this checks the cause instead: which modules a run
// actually loaded, recorded by a preload (recordModules.cjs).
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, CLI_NOW } from '../support/cli';
import { tempDir } from '../support/tmp';
import { SAMPLE_FILE } from '../support/vaults';

const RECORDER = path.join(__dirname, 'recordModules.cjs');
const HEAVY = ['docx', 'exceljs', 'jszip', 'pdf-lib', 'pdfjs-dist'];

/** Runs the bin and returns its exit code, output and the packages it loaded from node_modules. */
function run(args: string[]) {
  const dir = tempDir('caseproof-startup-');
  const record = path.join(dir, 'modules.json');
  const r = spawnSync(process.execPath, ['--require', RECORDER, BIN, ...args], {
    encoding: 'utf8',
    env: { ...process.env, CASEPROOF_PASSPHRASE: 'startup test passphrase', CASEPROOF_CLOCK: CLI_NOW, CASEPROOF_RECORD_MODULES: record },
    cwd: dir,
  });
  const modules = JSON.parse(readFileSync(record, 'utf8')) as string[];
  const packages = new Set(modules.map((m) => /node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(m)?.[1]).filter((p): p is string => !!p));
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, modules, packages, dir };
}
const heavyIn = (packages: Set<string>) => HEAVY.filter((p) => packages.has(p));

describe('the caseproof command starts fast', () => {
  it('prints its help from the bundle alone: no TypeScript compiler, no services, no vault', () => {
    const r = run(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: caseproof COMMAND --vault PATH [options]');
    expect(r.modules.some((m) => m.endsWith(path.join('dist', 'cli', 'caseproof.cjs')))).toBe(true);
    expect(r.modules.filter((m) => /\.tsx?$/.test(m))).toEqual([]);
    expect([...r.packages]).toEqual([]); // not even the SQLite module
  });

  it('loads Word only to make a pack, and Excel only to read a spreadsheet', () => {
    const vault = path.join(tempDir('caseproof-startup-'), 'firm.cpv');
    expect(run(['init', '--vault', vault]).code).toBe(0);
    const imported = run(['import', '--vault', vault, SAMPLE_FILE]);
    expect(imported.code).toBe(0);
    expect(heavyIn(imported.packages)).toEqual([]);
    expect(imported.packages.has('better-sqlite3')).toBe(true);

    const status = run(['status', '--vault', vault, '--json']);
    expect(status.code).toBe(0);
    expect(heavyIn(status.packages)).toEqual([]);

    const pack = run(['pack', '--vault', vault, '--staff', 'RR-01', '--out', path.join(path.dirname(vault), 'p.docx')]);
    expect(pack.code).toBe(0);
    expect(heavyIn(pack.packages)).toEqual(['docx', 'jszip']);

    const sheet = path.join(path.dirname(vault), 'cpd.csv');
    writeFileSync(sheet, 'staffRef,date,topic,provider,hours\nRR-01,12/03/2026,Startup reading,CSP,1\n');
    const fromSheet = run(['import', '--vault', vault, sheet, '--kind', 'cpd']);
    expect(fromSheet.code).toBe(0);
    expect(fromSheet.packages.has('exceljs')).toBe(true);
    expect(fromSheet.packages.has('docx')).toBe(false);
  });
});
