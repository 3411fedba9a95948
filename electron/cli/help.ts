// The CLI's usage, and with it each command's options: the one declaration of both. A command
// takes exactly the options its own lines here name (commandOptions), so a flag that belongs to
// another command is refused rather than ignored (shared.ts parseCommandArgs), and the help can
// never list an option a command refuses. On its own, so `caseproof --help` prints it without
// loading the services (entry.ts); `COMMAND --help` prints that command's own lines (helpFor).

/** One entry of the usage: the words that invoke it (`pack verify`) and its lines, as printed. */
export interface Usage {
  readonly command: string;
  readonly text: string;
}

export const USAGES: readonly Usage[] = [
  { command: 'init', text: '  init     --vault PATH                      create a new encrypted vault' },
  {
    command: 'import',
    text: `  import   --vault PATH FILE [--kind K] [--dry-run] [--update-firm] [--json]   import a firm file (JSON,
                                             version 1 or 2), or a spreadsheet (.csv/.xlsx) of one kind: staff,
                                             dbs, indemnity, registrations, peerReviews, training, cpd, suppliers
                                             or cases; all or nothing; --dry-run prints what would be added,
                                             changed and refused. The firm's own name and address are kept
                                             unless --update-firm`,
  },
  { command: 'template', text: "  template --kind K --out FILE.xlsx|.csv [--force]   an empty spreadsheet with that kind's columns" },
  {
    command: 'passport export',
    text: "  passport export --vault PATH --staff REF --out FILE [--force]   one person's evidence, encrypted (CASEPROOF_BUNDLE_PASSPHRASE)",
  },
  { command: 'passport import', text: '  passport import --vault PATH FILE [--accept] [--json]   what a passport adds and changes; --accept imports it' },
  { command: 'export', text: '  export   --vault PATH --out FILE [--force]   write the whole vault as a firm file (version 2)' },
  { command: 'status', text: '  status   --vault PATH [--as-of DATE] [--json]   the compliance report' },
  { command: 'due', text: '  due      --vault PATH [--days N] [--as-of DATE] [--json]   what lapses soon, soonest first' },
  {
    command: 'due',
    text: "  due      --vault PATH --all [--staff REF] [--days N] [--as-of DATE] [--json]   the to-do list: everything not met (missing evidence too), then what is due; --staff for one person's",
  },
  {
    command: 'due',
    text: '  due      --vault PATH --ics FILE [--days N] [--as-of DATE] [--json] [--force]   every due date (or those within N days) as an iCalendar file',
  },
  {
    command: 'pack',
    text: '  pack     --vault PATH (--staff REF | --supplier REF | --firm) --out FILE.docx [--annex FILE.pdf] [--as-of DATE] [--for NAME] [--force] [--json]   a Word pack, recorded in the register',
  },
  { command: 'backup', text: '  backup   --vault PATH --out FILE [--force]   an encrypted, verified copy' },
  { command: 'restore', text: '  restore  --from FILE --vault PATH [--force]' },
  { command: 'rekey', text: '  rekey    --vault PATH                      change the passphrase' },
  { command: 'recovery-key', text: '  recovery-key --vault PATH                  make a recovery key (shown once) and its recovery file' },
  { command: 'recover', text: '  recover  --vault PATH                      open with the recovery key and set a new passphrase' },
  { command: 'demo', text: '  demo     --vault PATH                      a new vault filled with an invented firm' },
  { command: 'caseload', text: '  caseload --vault PATH [--staff REF] [--as-of DATE] [--json]   caseload figures, per case manager or the firm' },
  { command: 'retention', text: '  retention --vault PATH [--as-of DATE] [--json] [--delete]   closed cases past retention; --delete removes them' },
  {
    command: 'report mtsp',
    text: '  report mtsp --vault PATH [--from DATE] [--to DATE] [--json] [--out FILE.xlsx] [--force]   the MTSP Model figures by instructing party',
  },
  { command: 'case status', text: '  case status    --vault PATH --case REF --to referral|open-active|monitoring --on DATE [--json]   a change of status' },
  {
    command: 'case close',
    text: '  case close     --vault PATH --case REF --on DATE --reason R [--follow-up yes|no] [--json]   close, with consent to follow-up',
  },
  {
    command: 'case incident',
    text: `  case incident  --vault PATH --case REF --kind incident|accident|safeguarding|welfare --identified TIME --summary TEXT
                 [--line-manager TIME] [--lead TIME] [--safeguarding-lead TIME] [--outcome TEXT] [--json]   TIME is London, YYYY-MM-DDTHH:MM`,
  },
  {
    command: 'case report',
    text: '  case report    --vault PATH --case REF --incident N --to line-manager|lead|safeguarding-lead --at TIME [--json]   a report made',
  },
  { command: 'case review', text: '  case review    --vault PATH --case REF --kind plan|risk --on DATE [--by NAME] [--note TEXT] [--json]' },
  { command: 'case follow-up', text: '  case follow-up --vault PATH --case REF --on DATE [--outcome TEXT] [--json]   a contact after closing' },
  {
    command: 'case invoice',
    text: '  case invoice   --vault PATH --case REF --instruction N --received DATE --amount GBP [--paid DATE] [--number X] [--json]',
  },
  {
    command: 'case paid',
    text: '  case paid      --vault PATH --case REF --instruction N --invoice N --on DATE [--json]   (N counts from 1; --json prints the case)',
  },
  {
    command: 'check',
    text: `  check    --vault PATH                      the whole vault: pages, SQLite, evidence files' SHA-256, the audit
                                             chain and its end (PATH.head) and every record against its last audited state`,
  },
  { command: 'audit list', text: '  audit list   --vault PATH [--since DATE] [--subject REF] [--json]   the audit trail: who, when, what, before and after' },
  { command: 'audit verify', text: '  audit verify --vault PATH                  the audit trail alone: its hash chain and its end (PATH.head)' },
  {
    command: 'pack verify',
    text: "  pack verify  --vault PATH FILE.docx|FILE.pdf [--json]   whether a file is a pack (or a pack's evidence annex) this vault registered, unchanged",
  },
  {
    command: 'pack reproduce',
    text: '  pack reproduce  --vault PATH --id N [--out FILE.docx] [--annex FILE.pdf] [--force] [--json]   rebuild registered pack N byte for byte, as sent (and its evidence annex)',
  },
  {
    command: 'check-register',
    text: '  check-register --vault PATH --staff REF --register hcpc|nmc|swe|dbs-update --result RESULT [--on DATE] [--file FILE] [--note TEXT] [--json]   a register check kept as a receipt',
  },
];

/** Options every command takes, and those every command that names --vault takes besides (the footer below says why). */
const EVERY_COMMAND = ['help'] as const;
const EVERY_VAULT_COMMAND = ['as', 'take-over'] as const;

export const HELP = `caseproof — MTSP compliance evidence, from the command line

Usage: caseproof COMMAND --vault PATH [options]
${USAGES.map((u) => u.text).join('\n')}
Changes are recorded in the audit trail as made by --as NAME (else CASEPROOF_USER, else your account).
An existing --out (or --ics) file is never replaced without --force.
The passphrase comes from CASEPROOF_PASSPHRASE (or is asked for on a terminal);
rekey and recover take the new one from CASEPROOF_NEW_PASSPHRASE; recover takes the
recovery key from CASEPROOF_RECOVERY_KEY.
A vault open in another Caseproof is refused, naming who and where; --take-over opens it
anyway when that Caseproof is on another computer that has stopped (crashed, switched off).
Every command takes --help; each takes only the options its lines above name.`;

/** The option names a usage entry's lines mention, in order (`--as-of DATE` names as-of). */
export function optionsNamedIn(text: string): string[] {
  return [...text.matchAll(/(?<![\w-])--([a-z][a-z-]*[a-z])/g)].map((m) => m[1]!);
}

export interface CommandOptions {
  /** The words the options belong to, as an error names them: `due`, `pack verify`. */
  readonly invocation: string;
  /** Every option it takes, in the order its lines name them, then --as and --take-over, then --help. */
  readonly names: readonly string[];
}

/**
 * The options `caseproof COMMAND WORD…` takes: those of its own usage lines (`pack verify`
 * when the first word is `verify`, else `pack`'s; `case` with an unknown action takes what any
 * case action takes, so the command itself can say which actions there are). Null for a
 * command with no usage lines.
 */
export function commandOptions(command: string, firstWord?: string): CommandOptions | null {
  const of = (words: string) => USAGES.filter((u) => u.command === words);
  const exact = firstWord === undefined ? [] : of(`${command} ${firstWord}`);
  const own = of(command);
  const [invocation, lines] = exact.length
    ? [`${command} ${firstWord}`, exact]
    : own.length
      ? [command, own]
      : [command, USAGES.filter((u) => u.command.startsWith(`${command} `))];
  if (!lines.length) return null;
  const names = new Set(lines.flatMap((u) => optionsNamedIn(u.text)));
  if (names.has('vault')) for (const n of EVERY_VAULT_COMMAND) names.add(n);
  for (const n of EVERY_COMMAND) names.add(n);
  return { invocation, names: [...names] };
}

/** `caseproof COMMAND --help`: the usage lines of that command (all of its words: `case`'s every action), from the same entries. */
export function helpFor(invocation: string): string {
  const lines = USAGES.filter((u) => u.command === invocation || u.command.startsWith(`${invocation} `));
  const opening = lines.some((u) => optionsNamedIn(u.text).includes('vault'));
  return [
    `Usage of caseproof ${invocation}:`,
    ...lines.map((u) => u.text),
    ...(opening ? ['Also --as NAME (who the audit trail names) and --take-over (see caseproof --help).'] : []),
    'Run caseproof --help for every command.',
  ].join('\n');
}
