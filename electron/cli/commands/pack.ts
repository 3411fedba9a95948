// `caseproof pack`: a Word pack for one case manager (--staff REF), one supplier (--supplier REF)
// or the firm (--firm), written atomically to --out and recorded in the vault's pack register;
// with --annex FILE.pdf, its evidence annex too (services/packs/annexService.ts).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ukDate } from '../../contract/dates';
import { PACK_TITLES, type PackEntry, type PackRequest } from '../../contract/ops/packs';
import { type AnnexRecord, buildPackAnnex, savePackWithAnnex } from '../../services/packs/annexService';
import { buildPack, recipientNamed, savePack } from '../../services/packs/packService';
import { CliFailure, UsageError } from '../io';
import { asOfArg, need, out, withVault, type Command } from '../shared';

const USAGE =
  'caseproof pack --vault PATH (--staff REF | --supplier REF | --firm) --out FILE.docx [--annex FILE.pdf] [--as-of DATE] [--for NAME] [--force] [--json]';

export const pack: Command = async (a) => {
  const { staff, supplier, firm } = a.values;
  const chosen = [staff !== undefined, supplier !== undefined, firm === true].filter(Boolean).length;
  if (chosen !== 1) throw new UsageError(`pack needs exactly one of --staff REF, --supplier REF or --firm: ${USAGE}`);
  if (a.positionals.length) throw new UsageError(`pack takes no file names other than --out (got ${a.positionals.join(' ')}): ${USAGE}`);
  const dest = path.resolve(need(a.values.out, 'out'));
  if (!/\.docx$/i.test(dest)) throw new UsageError(`--out must name a Word file ending in .docx (got ${a.values.out}).`);
  const asOf = asOfArg(a);
  const forName = a.values.for;
  if (forName !== undefined && !forName.trim()) throw new UsageError('--for needs the name of who the pack is for.');
  if (existsSync(dest) && !a.values.force) throw new CliFailure(`${dest} already exists; add --force to replace it.`);
  if (!existsSync(path.dirname(dest))) throw new CliFailure(`The folder ${path.dirname(dest)} does not exist.`);
  // The evidence annex (issue 11 item 5): a PDF of the cited files, saved and registered with the pack.
  const annexDest = a.values.annex === undefined ? null : path.resolve(a.values.annex);
  if (annexDest !== null) {
    if (!/\.pdf$/i.test(annexDest)) throw new UsageError(`--annex must name a PDF file ending in .pdf (got ${a.values.annex}).`);
    if (existsSync(annexDest) && !a.values.force) throw new CliFailure(`${annexDest} already exists; add --force to replace it.`);
    if (!existsSync(path.dirname(annexDest))) throw new CliFailure(`The folder ${path.dirname(annexDest)} does not exist.`);
  }

  await withVault(a, async (ctx) => {
    const request: PackRequest =
      staff !== undefined ? { kind: 'staff', ref: staff, asOf } : supplier !== undefined ? { kind: 'supplier', ref: supplier, asOf } : { kind: 'firm', asOf };
    if (forName) request.recipient = recipientNamed(ctx, forName);
    const built = await buildPack(ctx, request);
    const overwrite = a.values.force === true;
    let annex: AnnexRecord | null = null;
    let entry: PackEntry;
    if (annexDest !== null) {
      const saved = await savePackWithAnnex(ctx, built, dest, await buildPackAnnex(ctx, built), annexDest, { overwrite });
      entry = saved.entry;
      annex = saved.annex;
    } else entry = await savePack(ctx, built, dest, { overwrite });
    if (a.values.json) {
      const json: Record<string, unknown> = { path: dest, sha256: entry.sha256, kind: entry.kind, ref: entry.subjectRef, asOf: entry.asOf };
      if (annex) json.annex = { path: annexDest, sha256: annex.sha256, pages: annex.pages };
      return out(JSON.stringify(json));
    }
    const who = request.recipient ? ` for ${request.recipient.name}` : '';
    out(`Wrote the ${PACK_TITLES[entry.kind]} for ${built.subject.name}${who}, as at ${ukDate(asOf)}:`);
    out(`  ${dest}`);
    out(`SHA-256 ${entry.sha256}`);
    if (annex) {
      const notCarried = annex.files.filter((f) => f.carried === 'refused').length;
      out(
        `Wrote its evidence annex (${annex.pages} pages, ${annex.files.length} files${notCarried ? `, ${notCarried} of them could not be included: the annex says why` : ''}):`,
      );
      out(`  ${annexDest}`);
      out(`SHA-256 ${annex.sha256}`);
    }
    out(`Recorded in the vault's pack register as number ${entry.id}${annex ? ', with its annex' : ''}.`);
  });
};
