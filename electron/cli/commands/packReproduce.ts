// `caseproof pack reproduce --vault PATH --id N [--out FILE.docx] [--force] [--json]` (docs/spec/cli.md,
// version 2): rebuilds registered pack N byte for byte from what it was built from (kept with its
// register entry: services/packs/sources.ts), however its records have changed since, and says
// whether the rebuilt file's SHA-256 equals the registered one. With --out the file is written
// (atomically; an existing one only with --force), and only when it is the pack as sent: a
// different file would not be what was sent, so nothing is written and the command exits 1.
// With --annex FILE.pdf, the pack's evidence annex is rebuilt too (from the same source and the
// evidence files found by SHA-256) and written only when its SHA-256 is the registered annex's.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ukDate, ukDateTime } from '../../contract/dates';
import { type ReproducedAnnex, reproduceAnnex } from '../../services/packs/annexService';
import { reproducePack } from '../../services/packs/packService';
import { CliFailure, UsageError } from '../io';
import { out, withVault, writeAtomic, type Command } from '../shared';
import { packAbout } from '../../services/packs/checkFile';

const USAGE = 'caseproof pack reproduce --vault PATH --id N [--out FILE.docx] [--annex FILE.pdf] [--force] [--json]';

export const packReproduce: Command = async (a) => {
  if (a.positionals.length > 1) throw new UsageError(`pack reproduce takes no file names other than --out (got ${a.positionals.slice(1).join(' ')}): ${USAGE}`);
  const rawId = a.values.id;
  if (rawId === undefined) throw new UsageError(`pack reproduce needs --id N, the pack's number in the register: ${USAGE}`);
  if (!/^[1-9]\d{0,9}$/.test(rawId)) throw new UsageError(`--id must be a pack's number in the register, such as 12 (got ${rawId}).`);
  const id = Number(rawId);
  const dest = a.values.out === undefined ? null : path.resolve(a.values.out);
  if (dest) {
    if (!/\.docx$/i.test(dest)) throw new UsageError(`--out must name a Word file ending in .docx (got ${a.values.out}).`);
    if (existsSync(dest) && !a.values.force) throw new CliFailure(`${dest} already exists; add --force to replace it.`);
    if (!existsSync(path.dirname(dest))) throw new CliFailure(`The folder ${path.dirname(dest)} does not exist.`);
  }
  const annexDest = a.values.annex === undefined ? null : path.resolve(a.values.annex);
  if (annexDest) {
    if (!/\.pdf$/i.test(annexDest)) throw new UsageError(`--annex must name a PDF file ending in .pdf (got ${a.values.annex}).`);
    if (dest && annexDest === dest) throw new UsageError('--annex and --out must name different files.');
    if (existsSync(annexDest) && !a.values.force) throw new CliFailure(`${annexDest} already exists; add --force to replace it.`);
    if (!existsSync(path.dirname(annexDest))) throw new CliFailure(`The folder ${path.dirname(annexDest)} does not exist.`);
  }
  await withVault(a, async (ctx) => {
    const r = await reproducePack(ctx, id);
    if (!r.same) {
      if (a.values.json) out(JSON.stringify({ id, sha256: r.sha256, registered: r.entry.sha256, same: false, path: null, reasons: r.changes }));
      throw new CliFailure(
        `Pack number ${id} rebuilt comes out different: SHA-256 ${r.sha256}, the register holds ${r.entry.sha256}. ${r.changes.join(' ')}${dest ? ' Nothing was written.' : ''}`,
      );
    }
    let annex: ReproducedAnnex | null = null;
    if (annexDest) {
      annex = await reproduceAnnex(ctx, id, r);
      if (!annex.same) {
        const json = { sha256: annex.sha256, registered: annex.registered.sha256, same: false, path: null };
        if (a.values.json) out(JSON.stringify({ id, sha256: r.sha256, registered: r.entry.sha256, same: true, path: null, annex: json }));
        throw new CliFailure(
          `Pack number ${id} rebuilds as sent, but its evidence annex comes out different: SHA-256 ${annex.sha256}, the register holds ${annex.registered.sha256}. Nothing was written.`,
        );
      }
    }
    if (dest) writeAtomic(a, dest, r.bytes);
    if (annex && annexDest) writeAtomic(a, annexDest, annex.bytes);
    const annexJson = annex ? { annex: { sha256: annex.sha256, registered: annex.registered.sha256, same: true, path: annexDest } } : {};
    if (a.values.json) return out(JSON.stringify({ id, sha256: r.sha256, registered: r.entry.sha256, same: true, path: dest, ...annexJson }));
    const e = r.entry;
    out(
      `Rebuilt pack number ${id}, ${packAbout(e)}${e.recipient ? ` made for ${e.recipient}` : ''}, as at ${ukDate(e.asOf)}, made on ${ukDateTime(e.generatedAt)}.`,
    );
    out(`SHA-256 ${r.sha256}: the same as the register's, so this is byte for byte the pack as sent.`);
    if (dest) out(`Wrote ${dest}`);
    if (annex) {
      out(`Evidence annex SHA-256 ${annex.sha256}: the same as the register's, so it is byte for byte the annex as sent (${annex.registered.pages} pages).`);
      out(`Wrote ${annexDest}`);
    }
  });
};
