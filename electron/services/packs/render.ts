// From pack content to the bytes of a .docx file, the same bytes every time for the same inputs.
//
// docx's Packer stamps the package with the time of packing in two places: the created and
// modified dates in docProps/core.xml, and the modification time of every zip entry. Drawing ids
// come from a process-wide counter unless given (parts.ts gives them from a per-document counter).
// So the packed file is opened again, core.xml's dates are set to the time the register holds for
// the pack (its generatedAt; the as-of date at midnight for a pack built outside the register),
// and the entries are zipped again with that time, in a fixed order, with DEFLATE. A registered
// pack also names its register entry: in the footer (styles.ts), in the keywords and in custom
// properties (docProps/custom.xml), where `caseproof pack verify` looks for it.
import { Document, type FileChild, Packer } from 'docx';
import JSZip from 'jszip';
import { type IsoDate, ukDate } from '../../contract/dates';
import { forgetRawXml, insertRawXml } from './tableXml';
import { PAGE, type PackTheme, documentStyles, pageFooter, pageHeader, registerLabel } from './styles';

export { sha256Hex } from '../hash';

/** The custom document properties a registered pack carries (read back by packs/verify.ts). */
export const PACK_PROPERTY = { entry: 'Caseproof register entry', generatedAt: 'Caseproof generated at', asOf: 'Caseproof as of' } as const;

export interface PackMeta {
  /** Document title, e.g. "Legal Panel evidence pack: Morgan Ellis". */
  title: string;
  subject: string;
  /** Shown on the left of every footer. */
  footerLabel: string;
  asOf: IsoDate;
}

/** One A4 section with the firm's header and footer on every page, packed deterministically. */
export async function renderPack(theme: PackTheme, meta: PackMeta, children: FileChild[]): Promise<Uint8Array> {
  const doc = new Document({
    title: meta.title,
    subject: meta.subject,
    creator: theme.firmName,
    lastModifiedBy: theme.firmName,
    description: `Prepared with Caseproof from the firm's records as at ${ukDate(meta.asOf)}.`,
    revision: 1,
    ...(theme.register
      ? {
          keywords: `Caseproof pack, ${registerLabel(theme.register.id)}`,
          customProperties: [
            { name: PACK_PROPERTY.entry, value: String(theme.register.id) },
            { name: PACK_PROPERTY.generatedAt, value: theme.register.generatedAt },
            { name: PACK_PROPERTY.asOf, value: meta.asOf },
          ],
        }
      : {}),
    styles: documentStyles(theme),
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: {
              top: PAGE.margin,
              bottom: PAGE.margin,
              left: PAGE.margin,
              right: PAGE.margin,
              header: PAGE.headerFooter,
              footer: PAGE.headerFooter,
            },
          },
        },
        headers: { default: pageHeader(theme) },
        footers: { default: pageFooter(theme, meta.footerLabel) },
        children,
      },
    ],
  });
  // The package's files as docx made them, zipped once (below) rather than zipped by docx,
  // unzipped and zipped again: at an organisation pack's size that saved pass is half a second.
  const stamp = theme.register?.generatedAt ?? meta.asOf;
  const files = compiledFiles(doc);
  try {
    if (files) return await zipDeterministic(withRawXml(doc, files), stamp);
    const packed = await Packer.pack(doc, 'uint8array');
    return await normaliseDocx(packed, stamp, (parts) => withRawXml(doc, parts));
  } finally {
    forgetRawXml(doc);
  }
}

/** The package's XML parts with the tables written as text (tableXml.ts) in their placeholders' place. */
function withRawXml(doc: Document, files: PackageFiles): PackageFiles {
  const out: PackageFiles = new Map();
  for (const [name, data] of files) {
    out.set(name, name.endsWith('.xml') ? insertRawXml(doc, typeof data === 'string' ? data : new TextDecoder().decode(data)) : data);
  }
  return out;
}

type PackageFiles = Map<string, string | Uint8Array>;
/**
 * The files docx's Packer would zip, by path in its order (Packer.compiler.compile, which
 * Packer.pack zips). Not in docx's typed API, so checked: null when a docx version lacks it,
 * and the pack is then zipped by docx and normalised as before.
 */
function compiledFiles(doc: Document): PackageFiles | null {
  const compiler = (Packer as unknown as { compiler?: { compile?: (file: Document, prettify?: unknown, overrides?: unknown[]) => unknown } }).compiler;
  if (typeof compiler?.compile !== 'function') return null;
  const files = compiler.compile(doc, undefined, []);
  return files instanceof Map ? (files as PackageFiles) : null;
}

const CORE_DATES = /(<dcterms:(created|modified)\b[^>]*>)[^<]*(<\/dcterms:\2>)/g;

/**
 * Rewrites a packed .docx so that nothing in it depends on when it was packed: core.xml's created
 * and modified dates become `stamp` (a UTC instant `YYYY-MM-DDTHH:MM:SSZ`, or a date, read as
 * midnight UTC), and every zip entry carries that time (zip times are UTC here: JSZip writes them so).
 * [Content_Types].xml goes first, as tools that sniff the file type expect; the rest keep docx's order.
 */
export async function normaliseDocx(
  packed: Uint8Array,
  stamp: IsoDate | string,
  edit: (files: PackageFiles) => PackageFiles = (files) => files,
): Promise<Uint8Array> {
  const src = await JSZip.loadAsync(packed);
  const files: PackageFiles = new Map();
  for (const name of Object.keys(src.files)) if (!src.files[name].dir) files.set(name, await src.files[name].async('uint8array'));
  return zipDeterministic(edit(files), stamp);
}

/** The package's files zipped as normaliseDocx describes: core.xml's dates and every entry's time set to `stamp`, [Content_Types].xml first. */
async function zipDeterministic(files: PackageFiles, stamp: IsoDate | string): Promise<Uint8Array> {
  const instant = /^\d{4}-\d{2}-\d{2}$/.test(stamp) ? `${stamp}T00:00:00Z` : stamp;
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) throw new Error(`normaliseDocx: ${stamp} is not a date or UTC instant`);
  const names = [...files.keys()];
  const ordered = [...names.filter((n) => n === '[Content_Types].xml'), ...names.filter((n) => n !== '[Content_Types].xml')];
  const out = new JSZip();
  for (const name of ordered) {
    let data = files.get(name)!;
    if (name === 'docProps/core.xml') {
      data = (typeof data === 'string' ? data : new TextDecoder().decode(data)).replace(CORE_DATES, `$1${instant}$3`);
    }
    out.file(name, data, { date, createFolders: false });
  }
  return out.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 }, platform: 'DOS' });
}
