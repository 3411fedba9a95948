// `caseproof check` (the whole vault: pages, SQLite, foreign keys, every evidence file's SHA-256,
// the audit chain, every row against its last audited state) and `caseproof audit list|verify`
// (docs/spec/cli.md, version 2 additions). Each check exits 1 naming the first fault.
import { checkAudit, checkVault, type VaultFault } from '../../../db/check';
import { listAuditRows } from '../../../db/audit';
import { headCheckOf, headNotice } from '../../../db/auditHead';
import { isIsoDate, ukDateTime } from '../../contract/dates';
import { entryView, filterOf } from '../../services/audit/audit';
import { CliFailure, UsageError } from '../io';
import type { Ctx } from '../../services/context';
import { out, withVault, type Command } from '../shared';

/** A fault as the sentence that starts "The vault": the trail's own faults are worded for "The vault's". */
const sentence = (f: VaultFault) => `The vault${f.check === 'audit chain' || f.check === 'audit end' || f.check === 'audit index' ? "'s" : ''} ${f.problem}`;
/** Why the trail's end could not be checked (no head file beside the vault, say): said, but not a fault. */
function noteHead(ctx: Ctx): boolean {
  const c = headCheckOf(ctx.vault);
  const notice = headNotice(c);
  if (notice) out(`Note: ${notice}`);
  return c.state === 'level' || c.state === 'behind';
}

export const check: Command = async (a) => {
  await withVault(a, (ctx) => {
    const faults = checkVault(ctx.vault, { evidence: true, audit: true });
    const endChecked = noteHead(ctx);
    if (faults.length) {
      const more =
        faults.length > 1
          ? ` (and ${faults.length - 1} more fault${faults.length > 2 ? 's' : ''}: ${faults
              .slice(1)
              .map((f) => f.problem)
              .join('; ')})`
          : '';
      throw new CliFailure(`${sentence(faults[0])}.${more}`);
    }
    const n = (sql: string) => (ctx.vault.sqlite.prepare(sql).get() as { n: number }).n;
    out(
      `The vault is sound: every page, SQLite's integrity check, the foreign keys, ${n('SELECT count(*) AS n FROM evidence_files')} evidence files against their SHA-256, ` +
        `the audit trail's ${n('SELECT count(*) AS n FROM audit_log')} entries${endChecked ? ', its end against the head file beside the vault,' : ''} and every record against its last audited state.`,
    );
  });
};

const sinceArg = (v: string | undefined) => {
  if (v === undefined) return undefined;
  if (!isIsoDate(v)) throw new UsageError(`--since must be a real date written as YYYY-MM-DD (got ${v}).`);
  return v;
};

export const audit: Command = async (a) => {
  const [sub, ...extra] = a.positionals;
  if (sub !== 'list' && sub !== 'verify')
    throw new UsageError(`audit needs list or verify: caseproof audit list|verify --vault PATH${sub ? ` (got ${sub})` : ''}`);
  if (extra.length) throw new UsageError(`audit ${sub} takes no other words (got ${extra.join(' ')}).`);
  if (sub === 'verify') {
    return withVault(a, (ctx) => {
      const [fault] = checkAudit(ctx.vault, { chainOnly: true });
      const endChecked = noteHead(ctx);
      if (fault) throw new CliFailure(`${sentence(fault)}.`);
      const n = (ctx.vault.sqlite.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
      const end = endChecked ? ', and the trail ends where its head file says' : '';
      out(`The audit trail's ${n} entries are intact: every entry's hash matches its contents and links to the one before${end}.`);
    });
  }
  const since = sinceArg(a.values.since);
  const subject = a.values.subject?.trim();
  await withVault(a, (ctx) => {
    const rows = listAuditRows(ctx.vault.sqlite, { ...filterOf({ ...(since ? { since } : {}), ...(subject ? { subject } : {}) }), order: 'asc' });
    const views = rows.map((r) => entryView(r));
    if (a.values.json) {
      const parse = (s: string | null) => (s === null ? null : (JSON.parse(s) as unknown));
      return out(
        JSON.stringify(
          rows.map((r, i) => ({
            seq: r.seq,
            at: r.at,
            who: r.who,
            action: r.action,
            subject: views[i].subject,
            ...(r.tbl ? { record: { table: r.tbl, row: r.rowId } } : {}),
            // A bulk write's entry: the file and every row it changed, instead of one value.
            ...(views[i].bulk
              ? {
                  before: null,
                  after: null,
                  import: { file: views[i].bulk!.file },
                  rows: views[i].bulk!.rows.map((x) => ({ table: x.table, row: x.rowId, action: x.action, afterHash: x.afterHash, changes: x.changes })),
                }
              : { before: parse(r.before), after: parse(r.after) }),
            ...(r.erased ? { erased: true } : {}),
          })),
          null,
          1,
        ),
      );
    }
    if (!views.length) return out('No audit entries match.');
    for (const v of views) {
      out(`${String(v.seq).padStart(6)}  ${ukDateTime(v.at)}  ${v.who}  ${v.actionWords}: ${v.subject}${v.what ? ` (${v.what})` : ''}`);
      if (v.erased) out('          values erased under retention');
      for (const c of v.changes) out(`          ${c.field}: ${c.before ?? '—'} -> ${c.after ?? '—'}`);
      for (const x of v.bulk?.rows ?? [])
        out(`          ${x.table} row ${x.rowId}: ${x.action}${x.afterHash ? ` (SHA-256 ${x.afterHash.slice(0, 12)}…)` : ''}`);
      if (v.details && Object.keys(v.details).length) out(`          ${JSON.stringify(v.details)}`);
    }
  });
};
