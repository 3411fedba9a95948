// `caseproof`: the headless command line (docs/spec/cli.md). It calls the services directly
// with a Ctx of its own (shared.ts: the vault opened with every page checked, the CLI's user
// and clock), not the contract's registry: its arguments are checked here and in commands/,
// not by the contract's zod schemas, and failures become messages and exit codes (io.ts)
// rather than ApiErrorBody. The services, and their own validation of what they store, are
// the app's. Exit 0 on success, 1 for bad input or a wrong passphrase, 2 for usage errors.
// Nothing is written when a command fails.
import { existsSync } from 'node:fs';
import { parseFirmFileBytes, readImportFile } from '../services/interchange/fileGuards';
import path from 'node:path';
import { createVault, openVault, VaultError, type VaultLock } from '../../db/client';
import { isDamageError } from '../../db/identify';
import { acquireLock } from '../../db/lock';
import { ukDate } from '../contract/dates';
import { clockFromEnv } from '../services/clock';
import { MIN_PASSPHRASE } from '../contract/passphrase';
import { STATUS_WORDS, type ComplianceReport, type RuleResult, type SubjectReport } from '../contract/compliance';
import { ruleTitle } from '../contract/rules';
import { dueList, evaluate } from '../services/compliance/engine';
import { AppError } from '../services/errors';
import { writeFirmFile } from '../services/interchange/exportFirmFile';
import { importFirmFile } from '../services/interchange/importFirmFile';
import { importSpreadsheet, SHEET_KINDS, type SheetKind } from '../services/interchange/spreadsheet';
import { loadSnapshot } from '../services/snapshot';
import { copyVault, verifyCopy } from '../services/vault/backup';
import { noteRestore } from '../services/vault/backups';
import { makeBackup } from '../services/vault/backups';
import { hasRecoveryKey, keysFromRecovery, makeRecoveryKey } from '../services/vault/recovery';
import { changeVaultKey, openWithAnyKey } from '../services/vault/passphrase';
import { readSalt } from '../../db/keys';
import { recoveryKeyText } from '../contract/ops/backups';
import { CliFailure, passphraseFrom, UsageError } from './io';
import { demo } from './commands/demo';
import { dueCalendar } from './commands/dueCalendar';
import { dueAll } from './commands/dueAll';
import { caseload } from './commands/caseload';
import { retention } from './commands/retention';
import { report } from './commands/report';
import { audit, check } from './commands/audit';
import { auditEvent } from '../../db/audit';
import { checkHeadAtOpen, keepHead } from '../../db/auditHead';
import { asOfArg, cliOpenOptions, cliUser, ctxOf, need, out, parseCommandArgs, refuseExistingOutputs, streamOut, withVault, type Command } from './shared';
import { HELP, helpFor } from './help';

/** One rule's line: its id, its one title (the same words as the app and the packs), the status word and the reason. */
function printRule(r: RuleResult): void {
  out(`  ${r.rule.padEnd(28)} ${ruleTitle(r.rule).padEnd(32)} ${STATUS_WORDS[r.status].padEnd(14)} ${r.reason}`);
}
function printSubject(kind: string, s: SubjectReport): void {
  out(`${kind} ${s.ref}${s.name ? ' ' + s.name : ''}: ${STATUS_WORDS[s.status]}`);
  for (const r of s.rules) printRule(r);
}
function statusJson(r: ComplianceReport) {
  const strip = (s: SubjectReport) => ({ ref: s.ref, status: s.status, rules: s.rules });
  return { asOf: r.asOf, firm: r.firm, staff: r.staff.map(strip), suppliers: r.suppliers.map(strip), cases: r.cases.map(strip) };
}

const commands: Record<string, Command> = {
  caseload,
  retention,
  report,
  demo,
  check,
  audit,
  // Word (docx) is loaded only when a pack is made, not at every start.
  pack: async (a) =>
    a.positionals[0] === 'verify'
      ? (await import('./commands/packVerify')).packVerify(a)
      : a.positionals[0] === 'reproduce'
        ? (await import('./commands/packReproduce')).packReproduce(a)
        : (await import('./commands/pack')).pack(a),
  // The case journey: status, closing, incidents and their reports, reviews, follow-ups, invoices.
  case: async (a) => (await import('./commands/caseJourney')).caseJourney(a),
  // Evidence in and out: the passport, spreadsheet templates (commands/intake.ts).
  passport: async (a) => (await import('./commands/intake')).passport(a),
  template: async (a) => (await import('./commands/intake')).template(a),
  // A public register or DBS Update Service check, kept as a receipt (commands/checkRegister.ts).
  'check-register': async (a) => (await import('./commands/checkRegister')).checkRegister(a),
  async init(a) {
    const file = need(a.values.vault, 'vault');
    if (existsSync(file)) throw new CliFailure(`A file already exists at ${file}; init will not overwrite it.`);
    const pass = await passphraseFrom('CASEPROOF_PASSPHRASE', 'New vault passphrase: ');
    if (pass.length < MIN_PASSPHRASE) throw new CliFailure(`The passphrase must be at least ${MIN_PASSPHRASE} characters.`);
    const made = createVault(file, { passphrase: pass }, { clock: clockFromEnv(), user: cliUser(a) }); // the firm row's stamps: the CLI's clock
    try {
      keepHead(made); // where the new trail ends, beside the vault (db/auditHead.ts)
    } finally {
      made.close();
    }
    out(`Created an encrypted vault at ${file}.`);
  },
  async import(a) {
    if (a.values['dry-run']) return (await import('./commands/intake')).dryRun(a);
    const file = a.positionals[0];
    if (!file) throw new UsageError('import needs the file to import: caseproof import --vault PATH FILE');
    if (!existsSync(file)) throw new CliFailure(`No file at ${file}.`);
    const kind = a.values.kind;
    const isSheet = /\.(csv|xlsx)$/i.test(file);
    if (isSheet && !kind) throw new UsageError(`A spreadsheet needs --kind ${SHEET_KINDS.join('|')} (one kind of record per file).`);
    if (kind && !(SHEET_KINDS as readonly string[]).includes(kind)) throw new UsageError(`--kind must be one of ${SHEET_KINDS.join(', ')} (got ${kind}).`);
    if (kind && !isSheet) throw new UsageError('--kind goes with a spreadsheet (.csv or .xlsx); a firm file (.json) carries its own kinds.');
    // Hostile files (fileGuards.ts): refused by size before reading, then by encoding and JSON, naming the file.
    const input = readImportFile(file, isSheet ? 'sheet' : 'firm');
    const json = isSheet ? undefined : parseFirmFileBytes(input.name, input.bytes);
    await withVault(a, async (ctx) => {
      if (a.values['update-firm'] && isSheet) throw new UsageError('--update-firm goes with a firm file (.json): a spreadsheet never changes the firm.');
      const s = isSheet
        ? await importSpreadsheet(ctx, kind as SheetKind, input.name, input.bytes)
        : importFirmFile(ctx, json, { updateFirm: a.values['update-firm'] === true, file: input.name });
      if (a.values.json) return out(JSON.stringify(s));
      out(`Imported ${path.basename(file)}.`);
      out(
        `Added: ${s.added.staff} staff, ${s.added.suppliers} suppliers, ${s.added.cases} cases, ${s.added.records} records, ${s.added.files} evidence files.`,
      );
      out(`Updated: ${s.updated.staff} staff, ${s.updated.suppliers} suppliers, ${s.updated.cases} cases${s.updated.firm ? ', firm details' : ''}.`);
      if (s.kept?.records || s.removed?.records)
        out(`Kept as they were: ${s.kept?.records ?? 0} records. Removed (not in the file's lists): ${s.removed?.records ?? 0} records.`);
      if (s.firmKept) {
        const where = s.firmKept.address ? `, ${s.firmKept.address}` : '';
        out(`Kept the firm's own name and address (${s.firmKept.name}${where}); add --update-firm to take them from the file.`);
      }
    });
  },
  async export(a) {
    const dest = need(a.values.out, 'out');
    await withVault(a, async (ctx) => {
      await streamOut(a, dest, (write) => writeFirmFile(ctx, write));
      auditEvent(ctx.vault.sqlite, 'export', { file: path.basename(dest) });
      out(`Exported the vault to ${dest}. This firm file is not encrypted: keep it safe.`);
    });
  },
  async status(a) {
    const asOf = asOfArg(a);
    await withVault(a, (ctx) => {
      // Without --as-of, "now" is the clock's instant; with it, the end of that day in London.
      const report = evaluate(loadSnapshot(ctx), asOf, a.values['as-of'] === undefined ? ctx.clock.now() : undefined);
      if (a.values.json) return out(JSON.stringify(statusJson(report), null, 1));
      out(`Compliance as of ${ukDate(asOf)}`);
      out(`Firm: ${STATUS_WORDS[report.firm.status]}`);
      for (const r of report.firm.rules) printRule(r);
      for (const s of report.staff) printSubject('Staff', s);
      for (const s of report.suppliers) printSubject('Supplier', s);
      for (const s of report.cases) printSubject('Case', s);
    });
  },
  async due(a) {
    if (a.values.ics !== undefined) return dueCalendar(a);
    if (a.values.all) return dueAll(a);
    const asOf = asOfArg(a);
    const daysArg = a.values.days ?? '60';
    if (!/^\d+$/.test(daysArg) || Number(daysArg) > 3650) throw new UsageError(`--days must be a whole number of days from 0 to 3650 (got ${daysArg}).`);
    const days = Number(daysArg);
    await withVault(a, (ctx) => {
      const snapshot = loadSnapshot(ctx);
      const items = dueList(evaluate(snapshot, asOf), asOf, days, snapshot);
      if (a.values.json) return out(JSON.stringify({ asOf, days, items }, null, 1));
      if (!items.length) return out(`Nothing lapses in the ${days} days from ${ukDate(asOf)}.`);
      out(`Lapsing within ${days} days of ${ukDate(asOf)}, soonest first:`);
      for (const i of items) {
        const who = i.subject === 'firm' ? 'the firm' : `${i.subject} ${i.ref}${i.name ? ' (' + i.name + ')' : ''}`;
        out(`  ${i.overdue ? 'OVERDUE since ' : ''}${ukDate(i.changesOn)}  ${who}  ${i.rule}: ${i.reason}`);
      }
    });
  },
  async backup(a) {
    const dest = need(a.values.out, 'out');
    await withVault(a, (ctx) => {
      // Logged in the vault like the app's (the Dashboard says when the last was made).
      makeBackup(ctx, dest, 'cli', { overwrite: a.values.force === true });
      out(`Backed up to ${dest} (encrypted with the same passphrase, verified).`);
    });
  },
  async restore(a) {
    const from = need(a.values.from, 'from');
    const target = need(a.values.vault, 'vault');
    if (!existsSync(from)) throw new CliFailure(`No backup found at ${from}.`);
    if (existsSync(target) && !a.values.force) throw new CliFailure(`${target} already exists; add --force to replace it with the backup.`);
    // The backup is read, never written (its every page checked: an altered one is named as
    // damaged); the target is locked so no other Caseproof opens it half-way through.
    const backup = openVault(from, { passphrase: await passphraseFrom('CASEPROOF_PASSPHRASE', 'Backup passphrase: ') }, { readOnly: true, check: 'pages' });
    let guard: VaultLock | undefined;
    try {
      guard = acquireLock(target, cliOpenOptions(a));
      copyVault(backup, target, true);
      const { staff } = verifyCopy(target, backup.key);
      noteRestore(target, backup.key, from, cliOpenOptions(a));
      out(`Restored ${from} to ${target} (${staff} staff).`);
    } finally {
      backup.close();
      guard?.release();
    }
  },
  async rekey(a) {
    await withVault(a, async (ctx) => {
      const next = await passphraseFrom('CASEPROOF_NEW_PASSPHRASE', 'New passphrase: ');
      if (next.length < MIN_PASSPHRASE) throw new CliFailure(`The new passphrase must be at least ${MIN_PASSPHRASE} characters.`);
      // Swapped in whole (a crash leaves the old vault or the new one); the recovery file follows.
      const fresh = changeVaultKey(ctx, next);
      fresh.actor.who = ctx.user;
      fresh.actor.clock = ctx.clock;
      auditEvent(fresh.sqlite, 'passphrase', {});
      auditEvent(fresh.sqlite, 'lock', { via: 'cli' }); // withVault cannot: its connection is closed
      keepHead(fresh); // the old connection is closed, so withVault cannot: the head follows the new one
      const recovery = hasRecoveryKey({ ...ctx, vault: fresh });
      fresh.closeKeepingLock();
      if (recovery) out('The recovery file beside the vault has been updated.');
      out('The passphrase has been changed.');
    });
  },
  async 'recovery-key'(a) {
    await withVault(a, (ctx) => {
      const { recoveryKey, file } = makeRecoveryKey(ctx);
      out(`Recovery key (shown once; any earlier one no longer works): ${recoveryKey}`);
      out(`Keep it apart from the computer (printed, in a safe). It needs the recovery file ${file}, which goes wherever the vault goes.`);
    });
  },
  async recover(a) {
    const file = need(a.values.vault, 'vault');
    if (!existsSync(file)) throw new CliFailure(`No vault found at ${file}.`);
    const typed = recoveryKeyText.safeParse(await passphraseFrom('CASEPROOF_RECOVERY_KEY', 'Recovery key: '));
    if (!typed.success) throw new CliFailure(`The recovery key ${typed.error.issues[0].message}.`);
    const keys = keysFromRecovery(file, typed.data, readSalt(file));
    const next = await passphraseFrom('CASEPROOF_NEW_PASSPHRASE', 'New passphrase: ');
    if (next.length < MIN_PASSPHRASE) throw new CliFailure(`The new passphrase must be at least ${MIN_PASSPHRASE} characters.`);
    const vault = openWithAnyKey(file, keys, cliOpenOptions(a));
    try {
      // The trail as rekey leaves it (and the app's recover, session.ts): unlock, passphrase,
      // lock, and the head level with the last entry, on the new connection.
      const head = checkHeadAtOpen(vault);
      const ctx = ctxOf(vault, a);
      auditEvent(vault.sqlite, 'unlock', { via: 'cli', head: head.state });
      const fresh = changeVaultKey(ctx, next);
      fresh.actor.who = ctx.user;
      fresh.actor.clock = ctx.clock;
      auditEvent(fresh.sqlite, 'passphrase', {});
      auditEvent(fresh.sqlite, 'lock', { via: 'cli' });
      keepHead(fresh);
      fresh.closeKeepingLock();
      out('Opened with the recovery key and set the new passphrase; the recovery key still works.');
    } finally {
      vault.close(); // releases the one-writer lock the new file kept
    }
  },
};

export async function main(argv: string[]): Promise<number> {
  // `caseproof status | head` closes the pipe early: that is not an error.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  });
  const [command, ...rest] = argv;
  if (!command) {
    process.stderr.write(HELP + '\n');
    return 2;
  }
  if (command === '--help' || command === '-h' || command === 'help') {
    out(HELP);
    return 0;
  }
  const run = commands[command];
  try {
    if (!run) throw new UsageError(`Unknown command ${command}. Run caseproof --help for the list.`);
    // Only the options this command's usage names (help.ts): another command's is a usage error.
    const { args: parsed, takes } = parseCommandArgs(command, rest);
    if (parsed.values.help) {
      out(helpFor(takes.invocation));
      return 0;
    }
    refuseExistingOutputs(parsed);
    await run(parsed);
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`caseproof: ${e.message}\n`);
      return 2;
    }
    if (e instanceof VaultError) {
      process.stderr.write(`caseproof: ${e.message}\n`);
      return 1;
    }
    if (isDamageError(e)) {
      process.stderr.write(`caseproof: the vault is damaged: part of it cannot be read (${(e as Error).message}). Restore your most recent backup.\n`);
      return 1;
    }
    if (e instanceof AppError || e instanceof CliFailure) {
      process.stderr.write(`caseproof: ${e.message}\n`);
      // Several problems: the sentence says how many, then each is listed once.
      const issues = e instanceof AppError ? e.issues : e.issues;
      if (issues && issues.length > 1) for (const i of issues) process.stderr.write(`  ${i.path ? i.path + ': ' : ''}${i.message}\n`);
      return 1;
    }
    process.stderr.write(`caseproof: unexpected error: ${(e as Error).message}\n`);
    return 1;
  }
}
