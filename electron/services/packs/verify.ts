// Whether a .docx file is a pack this vault registered, unchanged (`caseproof pack verify`). The
// file's SHA-256 is looked up in the register; a file that matches no entry is refused, and the
// reason is named: not a Word file, a Word file that is not a Caseproof pack of this vault, or a
// pack that names its register entry (render.ts: custom properties) but whose bytes differ from
// it, with the parts of the file that changed when the pack can be rebuilt as sent.
import { eq } from 'drizzle-orm';
import JSZip from 'jszip';
import { packs } from '../../../db/schema';
import type { PackEntry } from '../../contract/ops/packs';
import type { Ctx } from '../context';
import { sha256Hex } from '../hash';
import { getPack, reproducePack } from './packService';
import { PACK_PROPERTY } from './render';

export interface PackVerdict {
  sha256: string;
  unchanged: boolean;
  /** The register entry the file is (unchanged), or the one it names (changed); null when neither. */
  entry: PackEntry | null;
  /** Why the file is refused, in words; null when it is the registered pack, unchanged. */
  reason: string | null;
  /** Parts of the Word package that differ from the pack as registered, when it could be rebuilt. */
  changedParts: string[];
  /** True when the file is not a Word package at all (not a zip). */
  notWord?: boolean;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The register entry a Word file names in its custom properties, or null (not a zip: undefined). */
async function claimedEntry(bytes: Uint8Array): Promise<{ zip: JSZip; id: number | null } | undefined> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    return undefined;
  }
  const custom = await zip.file('docProps/custom.xml')?.async('string');
  const m = custom ? new RegExp(`name="${escapeRe(PACK_PROPERTY.entry)}"[^>]*>\\s*<vt:lpwstr>(\\d+)</vt:lpwstr>`).exec(custom.replace(/&quot;/g, '"')) : null;
  return { zip, id: m ? Number(m[1]) : null };
}

/** Names of the parts that differ between two Word packages (added, removed or changed). */
async function partsThatDiffer(a: JSZip, b: JSZip): Promise<string[]> {
  const names = [...new Set([...Object.keys(a.files), ...Object.keys(b.files)])].filter((n) => !(a.files[n] ?? b.files[n])!.dir).sort();
  const out: string[] = [];
  for (const n of names) {
    const x = a.file(n);
    const y = b.file(n);
    if (!x || !y) {
      out.push(`${n} (${x ? 'added' : 'removed'})`);
      continue;
    }
    const [bx, by] = await Promise.all([x.async('uint8array'), y.async('uint8array')]);
    if (Buffer.compare(Buffer.from(bx), Buffer.from(by)) !== 0) out.push(n);
  }
  return out;
}

export async function verifyPackFile(ctx: Ctx, bytes: Uint8Array, fileName: string): Promise<PackVerdict> {
  const sha256 = sha256Hex(bytes);
  const row = ctx.vault.orm.select({ id: packs.id }).from(packs).where(eq(packs.sha256, sha256)).orderBy(packs.id).limit(1).get();
  if (row) return { sha256, unchanged: true, entry: getPack(ctx, row.id), reason: null, changedParts: [] };

  const claim = await claimedEntry(bytes);
  if (!claim) {
    return {
      sha256,
      unchanged: false,
      entry: null,
      reason: `${fileName} is not a Word file (it is not a .docx package) or a pack's evidence annex (a PDF), so it is not a pack.`,
      changedParts: [],
      notWord: true,
    };
  }
  if (claim.id === null) {
    return {
      sha256,
      unchanged: false,
      entry: null,
      reason: `${fileName} is not a pack this vault registered: its SHA-256 (${sha256}) matches no entry in the pack register, and it names no register entry.`,
      changedParts: [],
    };
  }
  const named = ctx.vault.orm.select({ id: packs.id }).from(packs).where(eq(packs.id, claim.id)).get();
  if (!named) {
    return {
      sha256,
      unchanged: false,
      entry: null,
      reason: `${fileName} names register entry ${claim.id}, which this vault does not hold: it was made from another vault, or is not what it claims.`,
      changedParts: [],
    };
  }
  const entry = getPack(ctx, claim.id);
  let changedParts: string[] = [];
  let where = '';
  try {
    const original = await reproducePack(ctx, claim.id);
    if (original.same) {
      changedParts = await partsThatDiffer(await JSZip.loadAsync(original.bytes), claim.zip);
      if (changedParts.length) where = ` Changed: ${changedParts.join(', ')}.`;
      else where = ' Every part holds what was sent; the package itself was rewritten (zipped again).';
    }
  } catch {
    // The pack can no longer be rebuilt as sent (made before sources were kept, or a file gone): the hash alone decides.
  }
  return {
    sha256,
    unchanged: false,
    entry,
    reason:
      `${fileName} names pack number ${claim.id} in this vault's register, but it was changed after it was made: ` +
      `its SHA-256 is ${sha256}, the register holds ${entry.sha256}.${where}`,
    changedParts,
  };
}
