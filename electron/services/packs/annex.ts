// The evidence annex (issue 11 item 5): one PDF that travels beside a Word pack and carries its
// evidence. An index page (or pages) lists every file the pack cites — name, kind, date added,
// SHA-256 and where it is in the annex — then come the pages of every PDF file and every PNG or
// JPEG image, scaled to fit an A4 page. Every page is stamped in a footer band with the file's
// name, its SHA-256 and "Annex page x of y", so a single printed page still says what it is.
//
// The footer band is added below each copied page (its media box is extended) rather than drawn
// over it, so nothing of the evidence is hidden. A file that cannot be carried (an encrypted or
// broken PDF, an image that will not decode) gets a page saying so and why; the annex is never
// refused because of one file. Other kinds (Word files, GIFs, text) are listed in the index with
// their fingerprint but have no pages: the Word pack already lists or draws them.
//
// Deterministic: the same files, as-of date and time made give the same bytes (fixed dates, no random
// ids), so "As sent" rebuilds a registered annex byte for byte (annexService.reproduceAnnex).
import { PDFDocument, type PDFFont, type PDFPage, StandardFonts, rgb } from 'pdf-lib';
import { type IsoDate, ukDate } from '../../contract/dates';

/** One evidence file for the annex, in the order the pack cites them (E1, E2, ...). */
export interface AnnexFile {
  ref: string;
  name: string;
  mediaType: string;
  sha256: string;
  /** The day the file was added to the vault (the date the index shows). */
  date: string;
  /** The record it belongs to, in words (the pack's own description). */
  record: string;
  /** Its bytes; null when the vault holds only its details (a DBS copy destroyed under the firm's period). */
  bytes: Uint8Array | null;
  /** Why there are no bytes, in words, when bytes is null. */
  missing?: string;
}

export interface AnnexInput {
  /** e.g. "Legal Panel evidence pack". */
  packTitle: string;
  subjectName: string;
  firmName: string;
  asOf: IsoDate;
  recipient?: string;
  /** When the pack was made (its register entry's generatedAt): the annex's creation and modification dates. */
  madeAt?: string;
  files: AnnexFile[];
}

/** Where one file ended up in the annex. */
export interface AnnexEntry {
  ref: string;
  name: string;
  sha256: string;
  /** 'pages': its own pages; 'image': drawn on one page; 'refused': a page says why it could not be included; 'listed': in the index only. */
  carried: 'pages' | 'image' | 'refused' | 'listed';
  /** First and last annex page (1-based); null when only listed. */
  firstPage: number | null;
  lastPage: number | null;
  /** Why the file is not carried as it is (refused or listed). */
  note?: string;
}

export interface BuiltAnnex {
  bytes: Uint8Array;
  pages: number;
  indexPages: number;
  entries: AnnexEntry[];
}

// A4 in points.
const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 50;
/** The band added below every page for the stamp. */
const BAND = 30;
const FILES_PER_INDEX_PAGE = 13;
const INK = rgb(0.1, 0.1, 0.1);
const GREY = rgb(0.35, 0.35, 0.35);

const KIND_WORDS: Record<string, string> = {
  'application/pdf': 'PDF document',
  'image/png': 'PNG image',
  'image/jpeg': 'JPEG image',
  'image/gif': 'GIF image',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word document',
  'text/plain': 'Text file',
};
export const annexKindWord = (mediaType: string) => KIND_WORDS[mediaType] ?? mediaType;

/**
 * The standard fonts encode WinAnsi only: other characters (a name in another script, an
 * emoji) become '?', so a file name can never stop the annex being written.
 */
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
function printable(s: string): string {
  let out = '';
  for (const ch of s.replace(/[\r\n\t]+/g, ' ')) {
    const c = ch.codePointAt(0)!;
    out += (c >= 0x20 && c < 0x7f) || (c >= 0xa0 && c <= 0xff) || WIN_ANSI_EXTRA.has(ch) ? ch : '?';
  }
  return out;
}
/** The text cut (with an ellipsis) to fit `width` points. */
function fit(font: PDFFont, size: number, text: string, width: number): string {
  let t = printable(text);
  if (font.widthOfTextAtSize(t, size) <= width) return t;
  while (t.length > 1 && font.widthOfTextAtSize(t + '…', size) > width) t = t.slice(0, -1);
  return t + '…';
}
/** Words wrapped to lines of at most `width` points. */
function wrap(font: PDFFont, size: number, text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of printable(text).split(' ')) {
    const next = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(next, size) <= width || !line) line = next;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  return lines.map((l) => fit(font, size, l, width));
}

interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
  mono: PDFFont;
}

/** What the stamp says about a page's file. */
interface Stamp {
  line: string;
  sha256: string | null;
}

function stampPage(page: PDFPage, fonts: Fonts, stamp: Stamp, n: number, total: number): void {
  const box = page.getMediaBox();
  const left = box.x + 12;
  const width = box.width - 24;
  const counter = `Annex page ${n} of ${total}`;
  const counterWidth = fonts.bold.widthOfTextAtSize(counter, 7);
  page.drawLine({ start: { x: box.x, y: box.y + BAND - 2 }, end: { x: box.x + box.width, y: box.y + BAND - 2 }, thickness: 0.5, color: GREY });
  page.drawText(fit(fonts.regular, 7, stamp.line, width - counterWidth - 10), { x: left, y: box.y + 17, size: 7, font: fonts.regular, color: INK });
  page.drawText(counter, { x: box.x + box.width - 12 - counterWidth, y: box.y + 17, size: 7, font: fonts.bold, color: INK });
  if (stamp.sha256) page.drawText(fit(fonts.mono, 6.5, `SHA-256 ${stamp.sha256}`, width), { x: left, y: box.y + 7, size: 6.5, font: fonts.mono, color: GREY });
}

/** The narrowest a stamped page may be: the SHA-256 line needs about 360 points at 6.5 pt. */
const MIN_WIDTH = 400;

/**
 * Extends a copied page downwards by the stamp's band (media and crop box), and a narrow page
 * to the right up to MIN_WIDTH, keeping its content where it was.
 */
function addBand(page: PDFPage): void {
  const m = page.getMediaBox();
  const c = page.getCropBox();
  // A crop box smaller than the media box decides what shows: the band goes below what shows.
  const x = Math.max(m.x, c.x);
  const base = Math.max(m.y, c.y);
  const top = Math.min(m.y + m.height, c.y + c.height);
  const width = Math.max(MIN_WIDTH, Math.min(m.x + m.width, c.x + c.width) - x);
  page.setMediaBox(x, base - BAND, width, top - (base - BAND));
  page.setCropBox(x, base - BAND, width, top - (base - BAND));
}

/** A4 page with a band at its foot, for text the annex writes itself. */
function textPage(doc: PDFDocument): PDFPage {
  return doc.addPage([A4.width, A4.height]);
}

function refusalPage(doc: PDFDocument, fonts: Fonts, f: AnnexFile, why: string): PDFPage {
  const page = textPage(doc);
  let y = A4.height - MARGIN - 10;
  const w = A4.width - 2 * MARGIN;
  page.drawText(fit(fonts.bold, 14, `${f.ref} ${f.name}: not included`, w), { x: MARGIN, y, size: 14, font: fonts.bold, color: INK });
  y -= 28;
  for (const line of wrap(fonts.regular, 10.5, `This file could not be included in the annex: ${why}`, w)) {
    page.drawText(line, { x: MARGIN, y, size: 10.5, font: fonts.regular, color: INK });
    y -= 15;
  }
  y -= 8;
  for (const line of wrap(
    fonts.regular,
    10.5,
    `The file is held in the firm's vault unchanged. Its SHA-256 fingerprint, below, identifies it exactly: ask the firm for a copy, and check that the copy gives the same fingerprint.`,
    w,
  )) {
    page.drawText(line, { x: MARGIN, y, size: 10.5, font: fonts.regular, color: INK });
    y -= 15;
  }
  y -= 8;
  page.drawText(`SHA-256 ${f.sha256}`, { x: MARGIN, y, size: 8.5, font: fonts.mono, color: INK });
  return page;
}

/** Why a PDF could not be read, in words a reader of the annex understands. */
function pdfProblem(e: unknown): string {
  const name = e instanceof Error ? e.name : '';
  const message = e instanceof Error ? e.message : String(e);
  if (name === 'EncryptedPDFError' || /encrypt/i.test(message)) {
    return 'it is an encrypted (password-protected) PDF, so its pages cannot be copied into another document.';
  }
  if (message === 'it has no pages') return 'it is a PDF with no pages.';
  return 'it is not a PDF that can be read: its structure is damaged or incomplete, so its pages cannot be copied.';
}

/** The pages an image needs: one A4 page, the image scaled to fit within the margins above the band. */
async function imagePage(doc: PDFDocument, f: AnnexFile, bytes: Uint8Array): Promise<PDFPage> {
  const image = f.mediaType === 'image/png' ? await doc.embedPng(bytes) : await doc.embedJpg(bytes);
  const page = textPage(doc);
  const boxW = A4.width - 2 * MARGIN;
  const boxH = A4.height - 2 * MARGIN - BAND;
  // Never enlarged beyond its own size at 72 dpi... unless tiny: a small scan is drawn at least a third of the width.
  const scale = Math.min(boxW / image.width, boxH / image.height, Math.max(1, boxW / 3 / image.width));
  const w = image.width * scale;
  const h = image.height * scale;
  page.drawImage(image, { x: MARGIN + (boxW - w) / 2, y: MARGIN + BAND + (boxH - h), width: w, height: h });
  return page;
}

function drawIndex(pages: PDFPage[], fonts: Fonts, input: AnnexInput, entries: AnnexEntry[], files: AnnexFile[], total: number): void {
  const w = A4.width - 2 * MARGIN;
  pages.forEach((page, p) => {
    let y = A4.height - MARGIN - 10;
    if (p === 0) {
      page.drawText(fit(fonts.bold, 18, 'Evidence annex', w), { x: MARGIN, y, size: 18, font: fonts.bold, color: INK });
      y -= 22;
      const about = `${input.packTitle} for ${input.subjectName}, as at ${ukDate(input.asOf)}${input.recipient ? `, prepared for ${input.recipient}` : ''}. ${input.firmName}.`;
      for (const line of wrap(fonts.regular, 10, about, w)) {
        page.drawText(line, { x: MARGIN, y, size: 10, font: fonts.regular, color: INK });
        y -= 14;
      }
      const how =
        files.length === 0
          ? 'The pack cites no evidence files.'
          : `The ${files.length === 1 ? 'file' : `${files.length} files`} the pack cites, in its order. Each page after this index shows, at its foot, the file it comes from and that file's SHA-256 fingerprint. Files that are neither PDF nor PNG or JPEG images are listed here with their fingerprint only.`;
      for (const line of wrap(fonts.regular, 9, how, w)) {
        page.drawText(line, { x: MARGIN, y, size: 9, font: fonts.regular, color: GREY });
        y -= 12;
      }
      y -= 10;
    } else {
      page.drawText('Evidence annex: index, continued', { x: MARGIN, y, size: 12, font: fonts.bold, color: INK });
      y -= 24;
    }
    for (let i = p * FILES_PER_INDEX_PAGE; i < Math.min(files.length, (p + 1) * FILES_PER_INDEX_PAGE); i++) {
      const f = files[i]!;
      const e = entries[i]!;
      const where = e.firstPage === null ? 'not carried' : e.firstPage === e.lastPage ? `page ${e.firstPage}` : `pages ${e.firstPage} to ${e.lastPage}`;
      const whereWidth = fonts.bold.widthOfTextAtSize(where, 10);
      page.drawText(fit(fonts.bold, 10, `${f.ref}  ${f.name}`, w - whereWidth - 12), { x: MARGIN, y, size: 10, font: fonts.bold, color: INK });
      page.drawText(where, { x: MARGIN + w - whereWidth, y, size: 10, font: fonts.bold, color: INK });
      y -= 12;
      const detail = `${annexKindWord(f.mediaType)}, added ${ukDate(f.date)}. ${f.record}${e.note ? `. ${e.note}` : ''}`;
      for (const line of wrap(fonts.regular, 8.5, detail, w - 14).slice(0, 2)) {
        page.drawText(line, { x: MARGIN + 14, y, size: 8.5, font: fonts.regular, color: GREY });
        y -= 11;
      }
      page.drawText(`SHA-256 ${f.sha256}`, { x: MARGIN + 14, y, size: 7.5, font: fonts.mono, color: INK });
      y -= 18;
    }
    stampPage(page, fonts, { line: `Index of the evidence annex: ${input.subjectName}, as at ${ukDate(input.asOf)}`, sha256: null }, p + 1, total);
  });
}

/** Builds the annex for the files given; nothing is read from or written to the vault. */
export async function buildAnnex(input: AnnexInput): Promise<BuiltAnnex> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const fonts: Fonts = {
    regular: await doc.embedFont(StandardFonts.Helvetica),
    bold: await doc.embedFont(StandardFonts.HelveticaBold),
    mono: await doc.embedFont(StandardFonts.Courier),
  };
  const indexCount = Math.max(1, Math.ceil(input.files.length / FILES_PER_INDEX_PAGE));
  const index = Array.from({ length: indexCount }, () => textPage(doc));
  const stamps: { page: PDFPage; stamp: Stamp }[] = [];
  const entries: AnnexEntry[] = [];

  for (const f of input.files) {
    const stamp: Stamp = { line: `${f.ref} ${f.name}`, sha256: f.sha256 };
    const first = doc.getPageCount() + 1;
    const placed = (kind: AnnexEntry['carried'], note?: string): AnnexEntry => ({
      ref: f.ref,
      name: f.name,
      sha256: f.sha256,
      carried: kind,
      firstPage: kind === 'listed' ? null : first,
      lastPage: kind === 'listed' ? null : doc.getPageCount(),
      ...(note ? { note } : {}),
    });
    const refuse = (why: string) => {
      stamps.push({ page: refusalPage(doc, fonts, f, why), stamp });
      return placed('refused', `Not included: ${why.replace(/\.$/, '')}`);
    };
    if (f.bytes === null) {
      entries.push(placed('listed', f.missing ?? 'Only its details and fingerprint are held'));
    } else if (f.mediaType === 'application/pdf') {
      let source: PDFDocument;
      try {
        source = await PDFDocument.load(f.bytes, { updateMetadata: false, throwOnInvalidObject: true });
        if (source.getPageCount() === 0) throw new Error('it has no pages');
      } catch (e) {
        entries.push(refuse(pdfProblem(e)));
        continue;
      }
      try {
        const copied = await doc.copyPages(source, source.getPageIndices());
        for (const page of copied) {
          doc.addPage(page);
          addBand(page);
          stamps.push({ page, stamp });
        }
        entries.push(placed('pages'));
      } catch (e) {
        // Pages added before a failure stay out: remove them so the file is either whole or refused.
        while (doc.getPageCount() >= first) {
          doc.removePage(doc.getPageCount() - 1);
          stamps.pop();
        }
        entries.push(refuse(pdfProblem(e)));
      }
    } else if (f.mediaType === 'image/png' || f.mediaType === 'image/jpeg') {
      try {
        stamps.push({ page: await imagePage(doc, f, f.bytes), stamp });
        entries.push(placed('image'));
      } catch (e) {
        entries.push(refuse(`the image cannot be read (${printable(e instanceof Error ? e.message : String(e)).slice(0, 160)}).`));
      }
    } else {
      entries.push(placed('listed', f.mediaType === 'image/gif' ? 'GIF images are drawn in the Word pack, not here' : 'Listed here by its fingerprint only'));
    }
  }

  const total = doc.getPageCount();
  drawIndex(index, fonts, input, entries, input.files, total);
  const numberOf = new Map(doc.getPages().map((p, i) => [p, i + 1]));
  for (const { page, stamp } of stamps) stampPage(page, fonts, stamp, numberOf.get(page)!, total);

  // Fixed metadata: the pack's registered time (else the as-of date), never the time of building,
  // so the same inputs give the same bytes. pdf-lib writes no trailer /ID for a new document, and
  // the info dictionary's producer and creator are set here (pdf-lib's own would name its version).
  const when = new Date(input.madeAt ?? `${input.asOf}T00:00:00Z`);
  doc.setTitle(`Evidence annex: ${printable(input.packTitle)} for ${printable(input.subjectName)}`);
  doc.setAuthor(printable(input.firmName));
  doc.setSubject(`Evidence files cited by the pack, as at ${ukDate(input.asOf)}`);
  doc.setProducer('Caseproof');
  doc.setCreator('Caseproof');
  doc.setCreationDate(when);
  doc.setModificationDate(when);
  const bytes = await doc.save({ useObjectStreams: false });
  return { bytes, pages: total, indexPages: indexCount, entries };
}
