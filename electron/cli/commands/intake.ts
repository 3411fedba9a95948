// Evidence in and out on the command line: `import ... --dry-run` (what an import would do,
// writing nothing), `passport export|import` (one person's evidence, encrypted with the
// passphrase in CASEPROOF_BUNDLE_PASSPHRASE) and `template` (an empty spreadsheet of one
// kind). The same services as the app's preview (services/interchange/intake.ts).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ukDateTime } from '../../contract/dates';
import { MIN_PASSPHRASE } from '../../contract/passphrase';
import { SHEET_KINDS, type ImportPlan, type ImportSource, type SheetKind } from '../../contract/ops/intake';
import { applyImport, planImport } from '../../services/interchange/intake';
import { templateFor } from '../../services/interchange/templates';
import { exportPassport } from '../../services/passport/passport';
import { CliFailure, passphraseFrom, UsageError } from '../io';
import { need, out, withVault, writeAtomic, type Args, type Command } from '../shared';

const MARK = { add: '+', change: '~', same: '=', remove: '-' } as const;
const quoted = (s: string) => (s === '' ? '(empty)' : `“${s}”`);

/** The plan in words: each person, supplier or case with its field changes and records, then what is refused. */
export function printPlan(plan: ImportPlan): void {
  const t = plan.totals;
  out(`${plan.file}: would add ${t.add}, change ${t.change}, remove ${t.remove} and leave ${t.same} as they are; ${t.refused} refused.`);
  if (plan.passport)
    out(`Evidence passport of ${plan.passport.name} (${plan.passport.ref}) from ${plan.passport.fromFirm}, made ${ukDateTime(plan.passport.madeAt)}.`);
  for (const s of plan.subjects) {
    const who = s.what === 'firm' ? 'The firm' : `${s.what[0].toUpperCase()}${s.what.slice(1)} ${s.ref}${s.name && s.name !== s.ref ? ' ' + s.name : ''}`;
    const action = s.action === 'add' ? 'new' : s.action === 'change' ? 'changed' : 'unchanged';
    out(`${MARK[s.action]} ${who}: ${action}${s.matched ? ` (matched ${s.matched})` : ''}`);
    for (const c of s.changes) out(`    ${c.field}: ${quoted(c.from)} -> ${quoted(c.to)}`);
    for (const r of s.records) {
      if (r.action === 'same' && !r.note) continue; // unchanged records are counted, not listed
      const extra = [r.where, r.note, ...(r.changes ?? []).map((c) => `${c.field}: ${c.from} -> ${c.to}`)].filter(Boolean).join('; ');
      out(`    ${MARK[r.action]} ${r.label}${extra ? ` (${extra})` : ''}`);
    }
  }
  if (plan.refused.length) {
    out('Refused:');
    for (const r of plan.refused) out(`  ${r.path}: ${r.value !== undefined ? `${quoted(r.value)} ` : ''}${r.message}`);
  }
}

function sourceOf(file: string, kind: string | undefined): { source: ImportSource; kind?: SheetKind } {
  const isSheet = /\.(csv|xlsx)$/i.test(file);
  if (isSheet && !kind) throw new UsageError(`A spreadsheet needs --kind ${SHEET_KINDS.join('|')} (one kind of record per file).`);
  if (kind && !(SHEET_KINDS as readonly string[]).includes(kind)) throw new UsageError(`--kind must be one of ${SHEET_KINDS.join(', ')} (got ${kind}).`);
  if (kind && !isSheet) throw new UsageError('--kind goes with a spreadsheet (.csv or .xlsx); a firm file (.json) carries its own kinds.');
  return isSheet ? { source: 'spreadsheet', kind: kind as SheetKind } : { source: 'firm-file' };
}

function refusedFailure(plan: ImportPlan): CliFailure {
  const n = plan.refused.length;
  return new CliFailure(`${plan.file} would not be imported: ${n === 1 ? 'one problem' : `${n} problems`} (listed above). Nothing was written.`);
}

/** `import FILE --dry-run`: prints the plan; exit 1 when anything in the file is refused. */
export const dryRun: Command = async (a) => {
  const file = a.positionals[0];
  if (!file) throw new UsageError('import needs the file to import: caseproof import --vault PATH FILE --dry-run');
  if (!existsSync(file)) throw new CliFailure(`No file at ${file}.`);
  const what = sourceOf(file, a.values.kind);
  await withVault(a, async (ctx) => {
    const { plan } = await planImport(ctx, { ...what, file, updateFirm: a.values['update-firm'] === true });
    if (a.values.json) out(JSON.stringify(plan, null, 1));
    else {
      out('Dry run: nothing has been written.');
      printPlan(plan);
    }
    if (plan.refused.length) throw refusedFailure(plan);
  });
};

async function bundlePassphrase(prompt: string): Promise<string> {
  const p = await passphraseFrom('CASEPROOF_BUNDLE_PASSPHRASE', prompt);
  if (p.length < MIN_PASSPHRASE) throw new CliFailure(`The passport's passphrase must be at least ${MIN_PASSPHRASE} characters.`);
  return p;
}

const PASSPORT_USAGE = 'caseproof passport export --vault PATH --staff REF --out FILE | caseproof passport import --vault PATH FILE [--accept] [--json]';

/** `passport export --staff REF --out FILE` and `passport import FILE [--accept]`. */
export const passport: Command = async (a: Args) => {
  const [sub, ...files] = a.positionals;
  if (sub === 'export') {
    const ref = need(a.values.staff, 'staff');
    const dest = path.resolve(need(a.values.out, 'out'));
    if (files.length) throw new UsageError(`passport export writes only --out (got ${files.join(' ')}): ${PASSPORT_USAGE}`);
    if (!existsSync(path.dirname(dest))) throw new CliFailure(`The folder ${path.dirname(dest)} does not exist.`);
    await withVault(a, async (ctx) => {
      const bytes = exportPassport(ctx, ref, await bundlePassphrase('Passphrase for the passport: '));
      writeAtomic(a, dest, bytes);
      out(`Wrote the evidence passport of ${ref} to ${dest} (encrypted with its own passphrase).`);
    });
    return;
  }
  if (sub === 'import') {
    const file = files[0];
    if (!file || files.length > 1) throw new UsageError(`passport import needs one passport file: ${PASSPORT_USAGE}`);
    if (!existsSync(file)) throw new CliFailure(`No file at ${file}.`);
    await withVault(a, async (ctx) => {
      const request = { source: 'passport' as const, file, passphrase: await bundlePassphrase('The passport’s passphrase: ') };
      if (!a.values.accept) {
        const { plan } = await planImport(ctx, request);
        if (a.values.json) out(JSON.stringify(plan, null, 1));
        else {
          printPlan(plan);
          if (!plan.refused.length) out('Nothing has been written: add --accept to import it.');
        }
        if (plan.refused.length) throw refusedFailure(plan);
        return;
      }
      const s = await applyImport(ctx, request);
      if (a.values.json) return out(JSON.stringify(s));
      out(
        `Accepted ${path.basename(file)}: ${s.added.staff ? 'a new staff member, ' : s.updated.staff ? 'their details updated, ' : ''}${s.added.records} records and ${s.added.files} evidence files added. Nothing else was changed.`,
      );
    });
    return;
  }
  throw new UsageError(`passport needs export or import: ${PASSPORT_USAGE}`);
};

/** `template --kind K --out FILE.xlsx|.csv`: an empty spreadsheet with the kind's columns. */
export const template: Command = async (a) => {
  const kind = need(a.values.kind, 'kind');
  if (!(SHEET_KINDS as readonly string[]).includes(kind)) throw new UsageError(`--kind must be one of ${SHEET_KINDS.join(', ')} (got ${kind}).`);
  const dest = path.resolve(need(a.values.out, 'out'));
  const format = /\.csv$/i.test(dest) ? 'csv' : /\.xlsx$/i.test(dest) ? 'xlsx' : null;
  if (!format) throw new UsageError(`--out must end in .xlsx or .csv (got ${a.values.out}).`);
  writeAtomic(a, dest, await templateFor(kind as SheetKind, format));
  out(`Wrote a ${kind} template to ${dest}.`);
};
