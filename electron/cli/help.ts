// The CLI's usage text, on its own so `caseproof --help` prints it without loading the
// services (entry.ts); main.ts prints the same text for `COMMAND --help`.
export const HELP = `caseproof — MTSP compliance evidence, from the command line

Usage: caseproof COMMAND --vault PATH [options]
  init     --vault PATH                      create a new encrypted vault
  import   --vault PATH FILE [--kind K] [--dry-run] [--update-firm] [--json]   import a firm file (JSON,
                                             version 1 or 2), or a spreadsheet (.csv/.xlsx) of one kind: staff,
                                             dbs, indemnity, registrations, peerReviews, training, cpd, suppliers
                                             or cases; all or nothing; --dry-run prints what would be added,
                                             changed and refused. The firm's own name and address are kept
                                             unless --update-firm
  template --kind K --out FILE.xlsx|.csv     an empty spreadsheet with that kind's columns
  passport export --vault PATH --staff REF --out FILE   one person's evidence, encrypted (CASEPROOF_BUNDLE_PASSPHRASE)
  passport import --vault PATH FILE [--accept] [--json]   what a passport adds and changes; --accept imports it
  export   --vault PATH --out FILE [--force]   write the whole vault as a firm file (version 2)
  status   --vault PATH [--as-of DATE] [--json]   the compliance report
  due      --vault PATH [--days N] [--as-of DATE] [--json]   what lapses soon, soonest first
  due      --vault PATH --all [--days N] [--as-of DATE] [--json]   the to-do list: everything not met (missing evidence too), then what is due
  due      --vault PATH --ics FILE [--days N] [--as-of DATE]   every due date (or those within N days) as an iCalendar file
  pack     --vault PATH (--staff REF | --supplier REF | --firm) --out FILE.docx [--annex FILE.pdf] [--as-of DATE] [--for NAME] [--force] [--json]   a Word pack, recorded in the register
  backup   --vault PATH --out FILE [--force]   an encrypted, verified copy
  restore  --from FILE --vault PATH [--force]
  rekey    --vault PATH                      change the passphrase
  recovery-key --vault PATH                  make a recovery key (shown once) and its recovery file
  recover  --vault PATH                      open with the recovery key and set a new passphrase
  demo     --vault PATH                      a new vault filled with an invented firm
  caseload --vault PATH [--staff REF] [--as-of DATE] [--json]   caseload figures, per case manager or the firm
  retention --vault PATH [--as-of DATE] [--json] [--delete]   closed cases past retention; --delete removes them
  report mtsp --vault PATH [--from DATE] [--to DATE] [--json] [--out FILE.xlsx] [--force]   the MTSP Model figures by instructing party
  case status    --vault PATH --case REF --to referral|open-active|monitoring --on DATE   a change of status
  case close     --vault PATH --case REF --on DATE --reason R [--follow-up yes|no]   close, with consent to follow-up
  case incident  --vault PATH --case REF --kind incident|accident|safeguarding|welfare --identified TIME --summary TEXT
                 [--line-manager TIME] [--lead TIME] [--safeguarding-lead TIME] [--outcome TEXT]   TIME is London, YYYY-MM-DDTHH:MM
  case report    --vault PATH --case REF --incident N --to line-manager|lead|safeguarding-lead --at TIME   a report made
  case review    --vault PATH --case REF --kind plan|risk --on DATE [--by NAME] [--note TEXT]
  case follow-up --vault PATH --case REF --on DATE [--outcome TEXT]   a contact after closing
  case invoice   --vault PATH --case REF --instruction N --received DATE --amount GBP [--paid DATE] [--number X]
  case paid      --vault PATH --case REF --instruction N --invoice N --on DATE   (N counts from 1; --json for the case)
  check    --vault PATH                      the whole vault: pages, SQLite, evidence files' SHA-256, the audit
                                             chain and its end (PATH.head) and every record against its last audited state
  audit list   --vault PATH [--since DATE] [--subject REF] [--json]   the audit trail: who, when, what, before and after
  audit verify --vault PATH                  the audit trail alone: its hash chain and its end (PATH.head)
  pack verify  --vault PATH FILE.docx|FILE.pdf [--json]   whether a file is a pack (or a pack's evidence annex) this vault registered, unchanged
  pack reproduce  --vault PATH --id N [--out FILE.docx] [--annex FILE.pdf] [--force] [--json]   rebuild registered pack N byte for byte, as sent (and its evidence annex)
  check-register --vault PATH --staff REF --register hcpc|nmc|swe|dbs-update --result RESULT [--on DATE] [--file FILE] [--note TEXT]   a register check kept as a receipt
Changes are recorded in the audit trail as made by --as NAME (else CASEPROOF_USER, else your account).
An existing --out (or --ics) file is never replaced without --force.
The passphrase comes from CASEPROOF_PASSPHRASE (or is asked for on a terminal);
rekey and recover take the new one from CASEPROOF_NEW_PASSPHRASE; recover takes the
recovery key from CASEPROOF_RECOVERY_KEY.
A vault open in another Caseproof is refused, naming who and where; --take-over opens it
anyway when that Caseproof is on another computer that has stopped (crashed, switched off).`;
