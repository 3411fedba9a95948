// `caseproof pack verify --vault PATH FILE.docx [--json]` (docs/spec/cli.md, version 2): whether a
// file is a pack this vault registered, and unchanged: when it was made, for whom, as at when, its
// register id. A file that matches no entry is refused (exit 1), naming why (services/packs/verify.ts):
// not a Word file, not a pack of this vault, or a registered pack changed after it was made (and which
// of its parts changed). A pack's evidence annex (a PDF) is recognised by the hash registered with its
// pack (services/packs/annexService.ts).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ukDate, ukDateTime } from '../../contract/dates';
import { PACK_TITLES, type PackEntry, type PackKind } from '../../contract/ops/packs';
import { sha256Hex } from '../../services/hash';
import { verifyPackFile } from '../../services/packs/verify';
import { CliFailure, UsageError } from '../io';
import { findAnnex } from '../../services/packs/annexService';
import { type Args, out, withVault, type Command } from '../shared';

/** "the Legal Panel evidence pack for Morgan Ellis (RR-01)", "the Organisation compliance pack for Riverside". */
export function packAbout(e: PackEntry): string {
  const who = e.subjectRef ? `${e.subjectName ?? 'someone no longer in the vault'} (${e.subjectRef})` : (e.subjectName ?? 'the firm');
  return `the ${e.title} for ${who}`;
}

export const packVerify: Command = async (a) => {
  const [file, ...extra] = a.positionals.slice(1);
  if (!file || extra.length) throw new UsageError('pack verify needs one file: caseproof pack verify --vault PATH FILE.docx|FILE.pdf [--json]');
  if (!existsSync(file)) throw new CliFailure(`No file at ${file}.`);
  const bytes = readFileSync(file);
  await withVault(a, async (ctx) => {
    const sha256 = sha256Hex(bytes);
    const annex = findAnnex(ctx, sha256);
    if (annex) return sayAnnex(a, file, sha256, annex);
    if (/\.pdf$/i.test(file)) {
      throw new CliFailure(
        `${path.basename(file)} is not a pack's evidence annex this vault registered, or it was changed after it was made: its SHA-256 (${sha256}) matches no annex in the pack register.`,
      );
    }
    const v = await verifyPackFile(ctx, bytes, path.basename(file));
    const e = v.unchanged ? v.entry : null;
    if (a.values.json) {
      out(
        JSON.stringify({
          id: e?.id ?? null,
          madeAt: e?.generatedAt ?? null,
          madeBy: e?.generatedBy ?? null,
          kind: e?.kind ?? null,
          subject: e ? (e.subjectName ?? null) : null,
          ref: e?.subjectRef ?? null,
          for: e?.recipient ?? null,
          asOf: e?.asOf ?? null,
          sha256: v.sha256,
          unchanged: v.unchanged,
          ...(v.unchanged ? {} : { reason: v.reason, claimedId: v.entry?.id ?? null, changedParts: v.changedParts }),
        }),
      );
      if (v.unchanged) return;
      throw new CliFailure(v.reason!);
    }
    if (!e) throw new CliFailure(v.reason!);
    out(
      `${path.basename(file)} is pack number ${e.id} in this vault's register, unchanged: ${packAbout(e)}` +
        `${e.recipient ? `, made for ${e.recipient}` : ''}, as at ${ukDate(e.asOf)}, made on ${ukDateTime(e.generatedAt)} by ${e.generatedBy}.`,
    );
    out(`SHA-256 ${v.sha256}`);
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
