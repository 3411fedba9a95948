// `caseproof pack`: a Word pack for one case manager (--staff REF), one supplier (--supplier REF)
// or the firm (--firm), written atomically to --out and recorded in the vault's pack register.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ukDate } from '../../contract/dates';
import { PACK_TITLES, type PackRequest } from '../../contract/ops/packs';
import { buildPack, recipientNamed, savePack } from '../../services/packs/packService';
import { CliFailure, UsageError } from '../io';
import { asOfArg, need, out, withVault, type Command } from '../shared';

const USAGE = 'caseproof pack --vault PATH (--staff REF | --supplier REF | --firm) --out FILE.docx [--as-of DATE] [--for NAME] [--force] [--json]';

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

  await withVault(a, async (ctx) => {
    const request: PackRequest =
      staff !== undefined ? { kind: 'staff', ref: staff, asOf } : supplier !== undefined ? { kind: 'supplier', ref: supplier, asOf } : { kind: 'firm', asOf };
    if (forName) request.recipient = recipientNamed(ctx, forName);
    const built = await buildPack(ctx, request);
    const entry = await savePack(ctx, built, dest, { overwrite: a.values.force === true });
    if (a.values.json) {
      return out(JSON.stringify({ path: dest, sha256: entry.sha256, kind: entry.kind, ref: entry.subjectRef, asOf: entry.asOf }));
    }
    const who = request.recipient ? ` for ${request.recipient.name}` : '';
    out(`Wrote the ${PACK_TITLES[entry.kind]} for ${built.subject.name}${who}, as at ${ukDate(asOf)}:`);
    out(`  ${dest}`);
    out(`SHA-256 ${entry.sha256}`);
    out(`Recorded in the vault's pack register as number ${entry.id}.`);
  });
};
