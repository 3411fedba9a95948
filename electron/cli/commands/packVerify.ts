// `caseproof pack verify --vault PATH FILE.docx [--json]` (docs/spec/cli.md, version 2): whether a
// file is a pack this vault registered, and unchanged. The file's SHA-256 is looked up in the
// pack register; a file whose bytes changed matches no entry and is refused (exit 1). A pack's
// evidence annex (a PDF) is recognised the same way, by the hash registered with its pack.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ukDate, ukDateTime } from '../../contract/dates';
import { PACK_TITLES, type PackKind } from '../../contract/ops/packs';
import { CliFailure, UsageError } from '../io';
import { findAnnex } from '../../services/packs/annexService';
import { type Args, out, withVault, type Command } from '../shared';

export const packVerify: Command = async (a) => {
  const [file, ...extra] = a.positionals.slice(1);
  if (!file || extra.length) throw new UsageError('pack verify needs one file: caseproof pack verify --vault PATH FILE.docx|FILE.pdf [--json]');
  if (!existsSync(file)) throw new CliFailure(`No file at ${file}.`);
  const sha256 = createHash('sha256').update(readFileSync(file)).digest('hex');
  await withVault(a, (ctx) => {
    const row = ctx.vault.sqlite
      .prepare<
        [string],
        { id: number; kind: string; subjectRef: string | null; recipient: string | null; asOf: string; generatedAt: string; generatedBy: string }
      >(
        `SELECT id, kind, subject_ref AS subjectRef, recipient, as_of AS asOf, generated_at AS generatedAt, generated_by AS generatedBy
         FROM packs WHERE sha256 = ? ORDER BY id LIMIT 1`,
      )
      .get(sha256);
    // Not a pack: perhaps a pack's evidence annex (annexService.ts), registered with its own hash.
    if (!row) {
      const annex = findAnnex(ctx, sha256);
      if (annex) return sayAnnex(a, file, sha256, annex);
    }
    if (a.values.json) {
      out(
        JSON.stringify({
          id: row?.id ?? null,
          madeAt: row?.generatedAt ?? null,
          for: row?.recipient ?? null,
          asOf: row?.asOf ?? null,
          sha256,
          unchanged: !!row,
        }),
      );
      if (row) return;
    }
    if (!row) {
      throw new CliFailure(
        `${path.basename(file)} is not a ${/\.pdf$/i.test(file) ? "pack's evidence annex" : 'pack'} this vault registered, or it was changed after it was made: its SHA-256 (${sha256}) matches no entry in the pack register.`,
      );
    }
    const title = PACK_TITLES[row.kind as PackKind] ?? row.kind;
    out(
      `${path.basename(file)} is pack number ${row.id} in this vault's register, unchanged: the ${title}${row.subjectRef ? ` for ${row.subjectRef}` : ''}` +
        `${row.recipient ? `, made for ${row.recipient}` : ''}, as at ${ukDate(row.asOf)}, made on ${ukDateTime(row.generatedAt)} by ${row.generatedBy}.`,
    );
    out(`SHA-256 ${sha256}`);
  });
};

/** The file is the evidence annex registered with a pack: which pack, and that it is unchanged. */
function sayAnnex(a: Args, file: string, sha256: string, found: NonNullable<ReturnType<typeof findAnnex>>): void {
  const { annex, pack } = found;
  if (a.values.json) {
    out(
      JSON.stringify({
        id: pack.id,
        madeAt: pack.generatedAt,
        for: pack.recipient,
        asOf: pack.asOf,
        sha256,
        unchanged: true,
        annex: { pages: annex.pages, files: annex.files.length },
      }),
    );
    return;
  }
  const title = PACK_TITLES[pack.kind as PackKind] ?? pack.kind;
  out(
    `${path.basename(file)} is the evidence annex of pack number ${pack.id} in this vault's register, unchanged: ${annex.pages} pages carrying ` +
      `${annex.files.length} evidence files for the ${title}${pack.subjectRef ? ` for ${pack.subjectRef}` : ''}${pack.recipient ? `, made for ${pack.recipient}` : ''}, ` +
      `as at ${ukDate(pack.asOf)}, made on ${ukDateTime(pack.generatedAt)} by ${pack.generatedBy}.`,
  );
  out(`SHA-256 ${sha256}`);
}
