// Runs the real `caseproof` command (bin/caseproof.mjs → the built CLI) as a child process.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

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
