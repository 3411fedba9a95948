// Runs the real `caseproof` command (bin/caseproof.mjs → the built CLI) as a child process.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { tempDir } from './tmp';
import { SAMPLE_FILE } from './vaults';

export const BIN = path.resolve(__dirname, '../../bin/caseproof.mjs');
export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}
/** The CLI's pinned clock in tests (midday in London), so no test depends on the day it runs. */
export const CLI_NOW = '2026-11-24T12:00:00Z';
export function cli(args: string[], env: Record<string, string | undefined> = {}): Run {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    env: { ...process.env, CASEPROOF_PASSPHRASE: 'cli test passphrase 1', CASEPROOF_CLOCK: CLI_NOW, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** A new vault in a temporary folder, made by `caseproof init` and filled by importing the sample firm. */
export function vaultWithSample(): { dir: string; vault: string; imp: Run } {
  const dir = tempDir();
  const vault = path.join(dir, 'riverside.cpv');
  expect(cli(['init', '--vault', vault]).code).toBe(0);
  const imp = cli(['import', '--vault', vault, SAMPLE_FILE]);
  expect(imp.code, imp.stderr).toBe(0);
  return { dir, vault, imp };
}

/** A new vault made by `caseproof init` and filled by importing `firm` (a firm file's JSON), both by the CLI. */
export function vaultWithFirm(firm: unknown): { dir: string; vault: string } {
  const dir = tempDir();
  const vault = path.join(dir, 'firm.cpv');
  const file = path.join(dir, 'firm.json');
  writeFileSync(file, JSON.stringify(firm));
  expect(cli(['init', '--vault', vault]).code).toBe(0);
  const imp = cli(['import', '--vault', vault, file]);
  expect(imp.code, imp.stderr).toBe(0);
  return { dir, vault };
}
