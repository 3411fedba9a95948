// Helpers every CLI command shares: argument access, the vault open/close, output.
import { existsSync } from 'node:fs';
import { userInfo } from 'node:os';
import { auditEvent } from '../../db/audit';
import { checkHeadAtOpen, keepHead } from '../../db/auditHead';
import { openVault, type OpenOptions, type Vault } from '../../db/client';
import { isIsoDate } from '../contract/dates';
import { clockFromEnv } from '../services/clock';
import { ctxOver, type Ctx } from '../services/context';
import { streamToFile, writeFileAtomic, type Write } from '../services/files';
import { destroyDueDbsCopies } from '../services/evidence/dbsCopies';
import { parseArgs } from 'node:util';
import { commandOptions, type CommandOptions } from './help';
import { CliFailure, passphraseFrom, UsageError } from './io';

/**
 * Every option's type, for node:util's parseArgs. Which command takes which is declared once,
 * by the usage lines in help.ts; tests/unit/cli-options.test.ts checks the two agree.
 */
export const OPTIONS = {
  vault: { type: 'string' },
  out: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
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
  /** import: let a firm file change the firm's own name and address. */
  'update-firm': { type: 'boolean' },
  // audit trail (issue 11)
  as: { type: 'string' },
  since: { type: 'string' },
  subject: { type: 'string' },
  id: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  // evidence in and out (commands/intake.ts)
  'dry-run': { type: 'boolean' },
  accept: { type: 'boolean' },
  // pack: the evidence annex (a PDF) saved beside the Word pack (commands/pack.ts)
  annex: { type: 'string' },
  // check-register: a register or DBS Update Service check as a receipt (commands/checkRegister.ts)
  register: { type: 'string' },
  result: { type: 'string' },
  file: { type: 'string' },
  // the case journey (commands/caseJourney.ts): `caseproof case ACTION --case REF ...`
  case: { type: 'string' },
  on: { type: 'string' },
  reason: { type: 'string' },
  'follow-up': { type: 'string' },
  identified: { type: 'string' },
  summary: { type: 'string' },
  'line-manager': { type: 'string' },
  lead: { type: 'string' },
  'safeguarding-lead': { type: 'string' },
  outcome: { type: 'string' },
  incident: { type: 'string' },
  at: { type: 'string' },
  by: { type: 'string' },
  note: { type: 'string' },
  instruction: { type: 'string' },
  invoice: { type: 'string' },
  received: { type: 'string' },
  amount: { type: 'string' },
  paid: { type: 'string' },
  number: { type: 'string' },
  // to do (issue 13): `due --all`
  all: { type: 'boolean' },
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
export function ctxOf(vault: Vault, a?: Args): Ctx {
  return ctxOver(vault, cliUser(a), clockFromEnv());
}
/** Who acts, for the lock and the audit trail: --as NAME, else CASEPROOF_USER, else the computer's account. */
export function cliUser(a?: Args): string {
  const named = a?.values.as?.trim();
  return named || process.env.CASEPROOF_USER || safeUser();
}
/**
 * How the CLI opens a vault: every page's HMAC checked first (a report or pack from a
 * damaged vault would be wrong; about 0.4 s for 230 MB), the one-writer lock naming the
 * user, and --take-over after another computer's Caseproof was named as holding it.
 */
export function cliOpenOptions(a: Args): OpenOptions {
  return { check: 'pages', user: cliUser(a), clock: clockFromEnv(), takeOver: a.values['take-over'] === true };
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
    // Where the trail ends, against the head file beside the vault, before this command's own
    // entries: `check` and `audit verify` report it (db/auditHead.ts).
    const head = checkHeadAtOpen(vault);
    // The audit trail (issue 11): a command that opens the vault unlocks it and locks it again,
    // as the app does, by --as NAME (the connection's actor, cliOpenOptions). The unlock entry
    // records what the head file said, so `audit list` shows when one went missing.
    auditEvent(vault.sqlite, 'unlock', { via: 'cli', head: head.state });
    const ctx = ctxOf(vault, a);
    destroyDueDbsCopies(ctx); // DBS copies (hostile): at every unlock, the CLI's too
    return await fn(ctx);
  } finally {
    // rekey swaps in a new connection and closes this one (it writes its own entries).
    if (vault.sqlite.open) {
      auditEvent(vault.sqlite, 'lock', { via: 'cli' });
      keepHead(vault); // the head follows the trail's last entry, this lock included
    }
    vault.close();
  }
}
export function out(s: string): void {
  process.stdout.write(s.endsWith('\n') ? s : s + '\n');
}
/** Writes a file atomically: a failed command never leaves a half-written output; an existing one is replaced only with --force. */
export function writeAtomic(a: Args, file: string, data: string | Uint8Array): void {
  writeFileAtomic(file, data, { overwrite: a.values.force === true }); // owner-only (electron/services/files.ts)
}
/** Streams a file atomically (never whole in memory); an existing one is replaced only with --force. */
export async function streamOut(a: Args, file: string, produce: (write: Write) => Promise<void>): Promise<void> {
  await streamToFile(file, { overwrite: a.values.force === true }, produce);
}
/** The files a command writes (cli.md: an existing one is never overwritten without --force, by any command). */
const OUTPUTS = ['out', 'ics', 'annex'] as const;
/** Refuses, before the vault is opened, to write over an existing output file without --force. */
export function refuseExistingOutputs(a: Args): void {
  if (a.values.force) return;
  for (const k of OUTPUTS) {
    const f = a.values[k];
    if (f && existsSync(f)) throw new CliFailure(`${f} already exists; add --force to replace it.`);
  }
}

/**
 * node:util's parseArgs reads `--days -1` as an option with no value; a value that starts
 * with a dash and a digit is taken as the option's value (`--days=-1`), so the command can
 * say what is wrong with it.
 */
export function joinNegativeValues(args: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const name = args[i]!.startsWith('--') ? args[i]!.slice(2) : '';
    const next = args[i + 1];
    const opt = (OPTIONS as Record<string, { type: string }>)[name];
    if (opt?.type === 'string' && next !== undefined && /^-\d/.test(next)) {
      out.push(`--${name}=${next}`);
      i++;
    } else out.push(args[i]!);
  }
  return out;
}
/**
 * Reads a command's arguments against its own options (help.ts commandOptions: those its usage
 * lines name), so an option another command takes (`due --annex x`) is refused as a usage error
 * naming the options this one takes, not silently ignored. The first word after the command
 * (`pack verify`, `case close`) is found by a loose first reading, before the strict one.
 */
export function parseCommandArgs(command: string, args: readonly string[]): { args: Args; takes: CommandOptions } {
  const joined = joinNegativeValues([...args]);
  const firstWord = parseArgs({ args: joined, options: OPTIONS, allowPositionals: true, strict: false }).positionals[0];
  const takes = commandOptions(command, firstWord);
  if (!takes) throw new UsageError(`Unknown command ${command}. Run caseproof --help for the list.`);
  const options = Object.fromEntries(takes.names.map((n) => [n, OPTIONS[n as keyof typeof OPTIONS]]));
  try {
    return { args: parseArgs({ args: joined, options, allowPositionals: true, strict: true }) as Args, takes };
  } catch (e) {
    throw new UsageError(argumentSentence(e as Error, takes));
  }
}

/** parseArgs' complaints as one sentence naming the option. */
export function argumentSentence(e: Error & { code?: string }, takes: CommandOptions): string {
  const m = e.message;
  const named = /'(-[^' ]+)/.exec(m)?.[1] ?? '';
  if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION')
    return `${named} is not an option of caseproof ${takes.invocation}; its options are: ${takes.names.map((n) => `--${n}`).join(', ')}.`;
  if (/argument missing/.test(m)) return `${named} needs a value (for example ${named} ${named === '--days' ? '30' : 'VALUE'}).`;
  if (/does not take an argument/.test(m)) return `${named} takes no value.`;
  return m.split('\n')[0]!;
}

export type Command = (a: Args) => Promise<void>;
