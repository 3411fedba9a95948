// Helpers every CLI command shares: argument access, the vault open/close, output.
import { existsSync } from 'node:fs';
import { userInfo } from 'node:os';
import { openVault, type OpenOptions, type Vault } from '../../db/client';
import { isIsoDate } from '../contract/dates';
import { clockFromEnv } from '../services/clock';
import type { Ctx } from '../services/context';
import { writeFileAtomic } from '../services/files';
import { CliFailure, passphraseFrom, UsageError } from './io';

export const OPTIONS = {
  vault: { type: 'string' },
  out: { type: 'string' },
  from: { type: 'string' },
  'as-of': { type: 'string' },
  'take-over': { type: 'boolean' },
  days: { type: 'string' },
  json: { type: 'boolean' },
  force: { type: 'boolean' },
  kind: { type: 'string' },
  ics: { type: 'string' },
  staff: { type: 'string' },
  supplier: { type: 'string' },
  firm: { type: 'boolean' },
  for: { type: 'string' },
  delete: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  // evidence in and out (commands/intake.ts)
  'dry-run': { type: 'boolean' },
  'update-firm': { type: 'boolean' },
  accept: { type: 'boolean' },
} as const;

export type Args = { values: { [K in keyof typeof OPTIONS]?: (typeof OPTIONS)[K]['type'] extends 'string' ? string : boolean }; positionals: string[] };

export function need(v: string | undefined, flag: string): string {
  if (!v) throw new UsageError(`--${flag} is required.`);
  return v;
}
export function asOfArg(a: Args): string {
  const d = a.values['as-of'];
  if (d === undefined) return clockFromEnv().today();
  if (!isIsoDate(d)) throw new UsageError(`--as-of must be a real date written as YYYY-MM-DD (got ${d}).`);
  return d;
}
export function ctxOf(vault: Vault): Ctx {
  return { vault, user: cliUser(), clock: clockFromEnv() };
}
function cliUser(): string {
  return process.env.CASEPROOF_USER || safeUser();
}
/**
 * How the CLI opens a vault: every page's HMAC checked first (a report or pack from a
 * damaged vault would be wrong; about 0.4 s for 230 MB), the one-writer lock naming the
 * user, and --take-over after another computer's Caseproof was named as holding it.
 */
export function cliOpenOptions(a: Args): OpenOptions {
  return { check: 'pages', user: cliUser(), clock: clockFromEnv(), takeOver: a.values['take-over'] === true };
}
function safeUser(): string {
  try {
    return userInfo().username;
  } catch {
    return 'cli';
  }
}
export async function withVault<T>(a: Args, fn: (ctx: Ctx) => T | Promise<T>): Promise<T> {
  const file = need(a.values.vault, 'vault');
  if (!existsSync(file)) throw new CliFailure(`No vault found at ${file}.`);
  const vault = openVault(file, { passphrase: await passphraseFrom('CASEPROOF_PASSPHRASE', 'Vault passphrase: ') }, cliOpenOptions(a));
  try {
    return await fn(ctxOf(vault));
  } finally {
    vault.close();
  }
}
export function out(s: string): void {
  process.stdout.write(s.endsWith('\n') ? s : s + '\n');
}
/** Writes a file atomically: a failed command never leaves a half-written output. */
export function writeAtomic(file: string, data: string | Uint8Array): void {
  writeFileAtomic(file, data, { overwrite: true }); // owner-only (electron/services/files.ts)
}

export type Command = (a: Args) => Promise<void>;
