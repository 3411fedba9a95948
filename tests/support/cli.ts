// Runs the real `caseproof` command (bin/caseproof.mjs → the built CLI) as a child process.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

export const BIN = path.resolve(__dirname, '../../bin/caseproof.mjs');
export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}
export function cli(args: string[], env: Record<string, string | undefined> = {}): Run {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    env: { ...process.env, CASEPROOF_PASSPHRASE: 'cli test passphrase 1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
