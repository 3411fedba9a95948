// `caseproof pack verify --vault PATH FILE.docx [--json]` (docs/spec/cli.md, version 2): whether a
// file is a pack this vault registered, and unchanged: when it was made, for whom, as at when, its
// register id. A file that matches no entry is refused (exit 1), naming why (services/packs/verify.ts):
// not a Word file, not a pack of this vault, or a registered pack changed after it was made (and which
// of its parts changed).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ukDate, ukDateTime } from '../../contract/dates';
import type { PackEntry } from '../../contract/ops/packs';
import { verifyPackFile } from '../../services/packs/verify';
import { CliFailure, UsageError } from '../io';
import { out, withVault, type Command } from '../shared';

/** "the Legal Panel evidence pack for Morgan Ellis (RR-01)", "the Organisation compliance pack for Riverside". */
export function packAbout(e: PackEntry): string {
  const who = e.subjectRef ? `${e.subjectName ?? 'someone no longer in the vault'} (${e.subjectRef})` : (e.subjectName ?? 'the firm');
  return `the ${e.title} for ${who}`;
}

export const packVerify: Command = async (a) => {
  const [file, ...extra] = a.positionals.slice(1);
  if (!file || extra.length) throw new UsageError('pack verify needs one file: caseproof pack verify --vault PATH FILE.docx [--json]');
  if (!existsSync(file)) throw new CliFailure(`No file at ${file}.`);
  const bytes = readFileSync(file);
  await withVault(a, async (ctx) => {
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
