// `caseproof pack verify --vault PATH FILE.docx [--json]` (docs/spec/cli.md, version 2): whether a
// file is a pack this vault registered, and unchanged: when it was made, for whom, as at when, its
// register id. A file that matches no entry is refused (exit 1), naming why (services/packs/verify.ts):
// not a Word file, not a pack of this vault, or a registered pack changed after it was made (and which
// of its parts changed). A pack's evidence annex (a PDF) is recognised by the hash registered with its
// pack (services/packs/annexService.ts).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { checkPackFile } from '../../services/packs/checkFile';
import { CliFailure, UsageError } from '../io';
import { out, withVault, type Command } from '../shared';

export const packVerify: Command = async (a) => {
  const [file, ...extra] = a.positionals.slice(1);
  if (!file || extra.length) throw new UsageError('pack verify needs one file: caseproof pack verify --vault PATH FILE.docx|FILE.pdf [--json]');
  if (!existsSync(file)) throw new CliFailure(`No file at ${file}.`);
  const bytes = readFileSync(file);
  await withVault(a, async (ctx) => {
    // The verdict and its sentence are the app's too (services/packs/checkFile.ts).
    const v = await checkPackFile(ctx, bytes, path.basename(file));
    const e = v.unchanged ? v.entry : null;
    if (a.values.json) {
      if (v.outcome === 'annex' && e) {
        out(JSON.stringify({ id: e.id, madeAt: e.generatedAt, for: e.recipient, asOf: e.asOf, sha256: v.sha256, unchanged: true, annex: v.annex }));
        return;
      }
      if (v.outcome !== 'not-registered' || !/\.pdf$/i.test(file)) {
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
            ...(v.unchanged ? {} : { reason: v.sentence, claimedId: v.entry?.id ?? null, changedParts: v.changedParts }),
          }),
        );
      }
    }
    if (!v.unchanged) throw new CliFailure(v.sentence);
    if (a.values.json) return;
    out(v.sentence);
    out(`SHA-256 ${v.sha256}`);
  });
};
