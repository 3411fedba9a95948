// "Is this file a pack this vault registered, unchanged?" for any file the person has: a Word pack
// (verify.ts decides) or a pack's evidence annex (a PDF, found by the hash registered with its pack,
// annexService.ts). One verdict and one sentence for both `caseproof pack verify` and the app's
// "Check a pack file" (the verifyPackFile operation), so the two say the same thing.
import { ukDate, ukDateTime } from '../../contract/dates';
import type { PackEntry, PackFileCheck } from '../../contract/ops/packs';
import type { Ctx } from '../context';
import { sha256Hex } from '../hash';
import { findAnnex } from './annexService';
import { getPack } from './packService';
import { verifyPackFile } from './verify';

/** "the Legal Panel evidence pack for Morgan Ellis (RR-01)", "the Organisation compliance pack for Riverside". */
export function packAbout(e: PackEntry): string {
  const who = e.subjectRef ? `${e.subjectName ?? 'someone no longer in the vault'} (${e.subjectRef})` : (e.subjectName ?? 'the firm');
  return `the ${e.title} for ${who}`;
}

const madeFor = (e: PackEntry) => (e.recipient ? `, made for ${e.recipient}` : '');
const when = (e: PackEntry) => `as at ${ukDate(e.asOf)}, made on ${ukDateTime(e.generatedAt)} by ${e.generatedBy}`;

export async function checkPackFile(ctx: Ctx, bytes: Uint8Array, fileName: string): Promise<PackFileCheck> {
  const sha256 = sha256Hex(bytes);
  const found = findAnnex(ctx, sha256);
  if (found) {
    const entry = getPack(ctx, found.pack.id);
    const annex = { pages: found.annex.pages, files: found.annex.files.length };
    return {
      fileName,
      sha256,
      outcome: 'annex',
      unchanged: true,
      entry,
      annex,
      changedParts: [],
      sentence:
        `${fileName} is the evidence annex of pack number ${entry.id} in this vault's register, unchanged: ${annex.pages} pages carrying ` +
        `${annex.files} evidence files for the ${entry.title}${entry.subjectRef ? ` for ${entry.subjectRef}` : ''}${madeFor(entry)}, ${when(entry)}.`,
    };
  }
  if (/\.pdf$/i.test(fileName)) {
    return {
      fileName,
      sha256,
      outcome: 'not-registered',
      unchanged: false,
      entry: null,
      changedParts: [],
      sentence: `${fileName} is not a pack's evidence annex this vault registered, or it was changed after it was made: its SHA-256 (${sha256}) matches no annex in the pack register.`,
    };
  }
  const v = await verifyPackFile(ctx, bytes, fileName);
  if (v.unchanged && v.entry) {
    const e = v.entry;
    return {
      fileName,
      sha256,
      outcome: 'pack',
      unchanged: true,
      entry: e,
      changedParts: [],
      sentence: `${fileName} is pack number ${e.id} in this vault's register, unchanged: ${packAbout(e)}${madeFor(e)}, ${when(e)}.`,
    };
  }
  return {
    fileName,
    sha256,
    outcome: v.entry ? 'changed' : v.notWord ? 'not-a-pack-file' : 'not-registered',
    unchanged: false,
    entry: v.entry,
    changedParts: v.changedParts,
    sentence: v.reason!,
  };
}
