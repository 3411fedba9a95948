// Building blocks shared by every pack: headings, paragraphs, tables (with status cells that
// carry the status word and a shaded colour), the cover page and the evidence appendix.
import {
  AlignmentType,
  BorderStyle,
  type FileChild,
  HeadingLevel,
  ImageRun,
  LineRuleType,
  type ParagraphChild,
  Paragraph,
  ShadingType,
  TabStopType,
  TextRun,
} from 'docx';
import type { CaseloadFigures } from '../../contract/caseload';
import type { RuleResult } from '../../contract/compliance';
import { type IsoDate, ukDate, ukDateLong } from '../../contract/dates';
import { NOT_RECORDED } from '../compliance/caseload';
import { ruleById } from '../../contract/rules';
import { AppError } from '../errors';
import { type Answer, answerOf, sentence } from './answers';
import type { EvidenceItem } from './evidence';
import { fitToWidth, imageInfo } from './images';
import { fundingWord, hoursWord, injuryWord, partyKindWord } from './labels';
import { sha256Hex } from './render';
import {
  CELL_STYLE,
  CELL_TEXT_SIZE,
  CONTENT_HEIGHT_PX,
  CONTENT_WIDTH_PX,
  CONTENT_WIDTH_TWIPS,
  MONO_FONT,
  MUTED_COLOUR,
  type PackTheme,
  RULE_COLOUR,
  SIZE,
} from './styles';
import { RawXml, type TableLook, cellXml, rowXml, tableXml } from './tableXml';
import type { ReadEvidence, Recipient } from './types';

/**
 * What the parts of one document share: the theme and a counter for drawing ids, which Word needs
 * unique within a document and which docx would otherwise take from a process-wide counter (so two
 * builds of the same pack would differ).
 */
export class PackContext {
  private drawings = 0;
  constructor(readonly theme: PackTheme) {}
  nextDrawingId(): string {
    this.drawings += 1;
    return String(this.drawings);
  }
}

// ---------- text ----------
export function h1(text: string, opts: { pageBreakBefore?: boolean } = {}): Paragraph {
  return new Paragraph({ heading: HeadingLevel.HEADING_1, text, pageBreakBefore: opts.pageBreakBefore });
}
export function h2(text: string): Paragraph {
  return new Paragraph({ heading: HeadingLevel.HEADING_2, text });
}
export function para(text: string, opts: { bold?: boolean; italics?: boolean; muted?: boolean; size?: number; keepNext?: boolean } = {}): Paragraph {
  return new Paragraph({
    keepNext: opts.keepNext,
    children: [new TextRun({ text, bold: opts.bold, italics: opts.italics, size: opts.size, color: opts.muted ? MUTED_COLOUR : undefined })],
  });
}
/** A quiet note, e.g. "None recorded." */
export function note(text: string): Paragraph {
  return para(text, { italics: true, muted: true });
}

// ---------- tables ----------
export interface CellSpec {
  lines: string[];
  bold?: boolean;
  mono?: boolean;
  fill?: string;
  /** Smaller type for dense tables. */
  small?: boolean;
  muted?: boolean;
  /** Text colour; defaults to the body colour (or muted). */
  colour?: string;
}
export type CellValue = string | string[] | CellSpec;
export interface Column {
  title: string;
  /** Relative width; the columns share the page's width in proportion. */
  weight: number;
}

/** Every table's width, borders, cell margins and cell paragraph style. */
const TABLE_LOOK: TableLook = {
  widthTwips: CONTENT_WIDTH_TWIPS,
  border: { style: BorderStyle.SINGLE, size: 4, color: RULE_COLOUR },
  margins: { top: 50, bottom: 50, left: 90, right: 90 },
  cellStyle: CELL_STYLE,
};

function spec(v: CellValue): CellSpec {
  if (typeof v === 'string') return { lines: [v] };
  if (Array.isArray(v)) return { lines: v };
  return v;
}

/** A status cell: the word in bold on a pale colour, so it reads without the colour too. */
export function statusCell(a: Pick<Answer, 'word' | 'fill'>): CellSpec {
  return { lines: [a.word], bold: true, fill: a.fill };
}
export function monoCell(text: string): CellSpec {
  return { lines: [text], mono: true, small: true };
}

function cell(v: CellValue, width: number, size: number): string {
  const s = spec(v);
  // Spacing, margins and the usual size come from the CellText style and the table (styles.ts,
  // tableOf), not from each cell: the same page, with a third of the XML to build and write
  // (an organisation pack has some 15,000 cells). Top alignment is Word's default.
  const runSize = s.small ? Math.min(size, SIZE.tiny) : size;
  return cellXml(
    {
      lines: s.lines,
      widthTwips: width,
      fill: s.fill ? s.fill : undefined, // an empty colour is no shading
      bold: s.bold,
      size: runSize === CELL_TEXT_SIZE ? undefined : runSize,
      font: s.mono ? MONO_FONT : undefined,
      colour: s.colour ?? (s.muted ? MUTED_COLOUR : undefined),
    },
    TABLE_LOOK,
  );
}

function widths(weights: readonly number[]): number[] {
  const total = weights.reduce((a, b) => a + b, 0);
  const out = weights.map((w) => Math.floor((CONTENT_WIDTH_TWIPS * w) / total));
  out[out.length - 1] += CONTENT_WIDTH_TWIPS - out.reduce((a, b) => a + b, 0);
  return out;
}

/** Rows (rowXml) as one fixed-layout table of the page's width (tableXml.ts says why as XML text). */
function tableOf(rows: string[], columnWidths: number[]): RawXml {
  return new RawXml(tableXml(rows, columnWidths, TABLE_LOOK));
}

/**
 * A table with a header row (repeated on every page it runs over) in the firm's colour.
 * With no rows it is replaced by a note, so an empty table never appears.
 */
export function dataTable(
  ctx: PackContext,
  columns: readonly Column[],
  rows: readonly CellValue[][],
  opts: { empty?: string; size?: number } = {},
): FileChild[] {
  if (rows.length === 0) return [note(opts.empty ?? 'None recorded.')];
  const size = opts.size ?? SIZE.small;
  const w = widths(columns.map((c) => c.weight));
  const { theme } = ctx;
  const header = rowXml(
    columns.map((c, i) => cell({ lines: [c.title], bold: true, fill: theme.primary, colour: theme.onPrimary }, w[i], size)),
    { header: true },
  );
  const body = rows.map((r) => rowXml(r.map((v, i) => cell(v, w[i], size))));
  return [tableOf([header, ...body], w), spacer()];
}

/** Two columns: a shaded label and its value. */
export function keyValueTable(ctx: PackContext, rows: readonly [string, CellValue][]): FileChild[] {
  const w = widths([34, 66]);
  const body = rows.map(([label, value]) =>
    rowXml([cell({ lines: [label], bold: true, fill: ctx.theme.tint }, w[0], SIZE.small), cell(value, w[1], SIZE.small)]),
  );
  return [tableOf(body, w), spacer()];
}

function spacer(): Paragraph {
  return new Paragraph({ spacing: { after: 60 }, children: [] });
}

// ---------- cover ----------
export interface Cover {
  title: string;
  subject: string;
  subjectDetail?: string;
  recipient?: Recipient;
  asOf: IsoDate;
  notice: string;
}

export function coverPage(ctx: PackContext, c: Cover): Paragraph[] {
  const { theme } = ctx;
  const out: Paragraph[] = [];
  if (theme.logo) {
    out.push(
      new Paragraph({
        spacing: { after: 240 },
        children: [
          new ImageRun({
            type: theme.logo.kind,
            data: theme.logo.bytes,
            transformation: { width: theme.logo.width, height: theme.logo.height },
            altText: { id: ctx.nextDrawingId(), name: 'Logo', description: `${theme.firmName} logo`, title: 'Logo' },
          }),
        ],
      }),
    );
  }
  out.push(
    new Paragraph({
      spacing: { after: 40 },
      children: [new TextRun({ text: theme.firmName, bold: true, size: 30, color: theme.primary })],
    }),
  );
  for (const line of theme.addressLines) {
    out.push(new Paragraph({ spacing: { after: 0 }, children: [new TextRun({ text: line, size: SIZE.small, color: MUTED_COLOUR })] }));
  }
  out.push(
    // A rule in the firm's colour above the title.
    new Paragraph({
      spacing: { before: 2600, after: 240 },
      border: { bottom: { style: BorderStyle.SINGLE, size: 18, color: theme.primary, space: 1 } },
      children: [],
    }),
    new Paragraph({
      spacing: { before: 120, after: 160 },
      children: [new TextRun({ text: c.title, bold: true, size: SIZE.title, color: theme.primary })],
    }),
    new Paragraph({ spacing: { after: 60 }, children: [new TextRun({ text: c.subject, bold: true, size: SIZE.subtitle })] }),
  );
  if (c.subjectDetail) {
    out.push(new Paragraph({ spacing: { after: 0 }, children: [new TextRun({ text: c.subjectDetail, size: 24, color: MUTED_COLOUR })] }));
  }
  const facts: [string, string][] = [];
  if (c.recipient) {
    const kind = partyKindWord(c.recipient.kind);
    facts.push(['Prepared for', kind ? `${c.recipient.name} (${kind})` : c.recipient.name]);
  }
  facts.push(['Information as at', ukDateLong(c.asOf)]);
  facts.forEach(([label, value], i) => {
    out.push(
      new Paragraph({
        spacing: { before: i === 0 ? 1400 : 80, after: 0 },
        tabStops: [{ type: TabStopType.LEFT, position: 2400 }],
        children: [new TextRun({ text: label, size: SIZE.body, color: MUTED_COLOUR }), new TextRun({ text: `\t${value}`, size: 24, bold: true })],
      }),
    );
  });
  out.push(
    new Paragraph({
      spacing: { before: 2600, after: 0, line: 276, lineRule: LineRuleType.AUTO },
      shading: { type: ShadingType.CLEAR, color: 'auto', fill: theme.tint },
      border: { left: { style: BorderStyle.SINGLE, size: 24, color: theme.primary, space: 8 } },
      indent: { left: 200, right: 200 },
      children: [new TextRun({ text: 'Confidential. ', bold: true, size: SIZE.small }), new TextRun({ text: c.notice, size: SIZE.small })],
    }),
  );
  return out;
}

// ---------- evidence appendix ----------
/** The file's name, and for a destroyed DBS copy when it was destroyed and why. */
function fileCell(i: EvidenceItem): string {
  const d = i.meta.destroyed;
  return d ? `${i.meta.name} (copy destroyed ${ukDate(d.on)} under the DBS Code of Practice)` : i.meta.name;
}
const EMBEDDABLE: Record<string, 'png' | 'jpg' | 'gif'> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/gif': 'gif' };

async function readChecked(readEvidence: ReadEvidence, item: EvidenceItem): Promise<Uint8Array> {
  let bytes: Uint8Array;
  try {
    bytes = await readEvidence(item.meta.id);
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError('unavailable', `The evidence file "${item.meta.name}" could not be read: ${(err as Error).message}`);
  }
  if (sha256Hex(bytes) !== item.meta.sha256.toLowerCase()) {
    throw new AppError(
      'conflict',
      `The evidence file "${item.meta.name}" no longer matches the fingerprint recorded when it was added, so the pack was not made.`,
    );
  }
  return bytes;
}

/**
 * The closing appendix: every file with the record it belongs to, when it was added and its
 * SHA-256 fingerprint; then, when asked, PNG, JPEG and GIF files drawn at page width or less.
 */
export async function evidenceAppendix(
  ctx: PackContext,
  items: readonly EvidenceItem[],
  readEvidence: ReadEvidence,
  embedImages: boolean,
  /** Whose files these are, e.g. "Jordan Blake's records". */
  whose: string,
): Promise<FileChild[]> {
  const out: FileChild[] = [h1('Appendix: evidence files', { pageBreakBefore: true })];
  if (items.length === 0) {
    out.push(note(`No files are attached to ${whose}.`));
    return out;
  }
  out.push(
    para(
      `Every file attached to ${whose} is listed below. Each file is kept in the firm's encrypted Caseproof vault. ` +
        'The SHA-256 fingerprint identifies the exact file: a copy whose fingerprint matches is the same file, unchanged.',
    ),
    ...dataTable(
      ctx,
      [
        { title: 'Ref', weight: 6 },
        { title: 'Record', weight: 30 },
        { title: 'File', weight: 20 },
        { title: 'Added', weight: 11 },
        { title: 'SHA-256 fingerprint', weight: 33 },
      ],
      items.map((i) => [i.ref, i.record, fileCell(i), ukDate(i.meta.addedOn.slice(0, 10)), monoCell(i.meta.sha256.toLowerCase())]),
    ),
  );
  // ---- DBS copies (hostile): a destroyed copy is listed with its fingerprint and said to be destroyed, never drawn ----
  if (items.some((i) => i.meta.destroyed)) {
    out.push(
      note(
        'Copies of DBS certificates are destroyed once they are no longer needed, as the DBS Code of Practice asks (generally within six months). ' +
          'The certificate’s details and who saw the original are kept in its record; the fingerprint identifies the copy that was seen.',
      ),
    );
  }
  // ---- end DBS copies ----
  const images = embedImages ? items.filter((i) => EMBEDDABLE[i.meta.mediaType] && !i.meta.destroyed) : [];
  const others = items.length - images.length;
  if (others > 0) {
    out.push(
      note(
        embedImages
          ? 'Documents such as PDF and Word files, and images in other formats, are listed above but not reproduced here; the firm can supply copies on request.'
          : 'The files are listed above but not reproduced here; the firm can supply copies on request.',
      ),
    );
  }
  if (images.length === 0) return out;
  const bytes = await Promise.all(images.map((i) => readChecked(readEvidence, i)));
  out.push(h2('Images'));
  images.forEach((item, n) => {
    const info = imageInfo(bytes[n]);
    out.push(
      new Paragraph({
        keepNext: true,
        spacing: { before: 160, after: 60 },
        children: [new TextRun({ text: `${item.ref}  ${item.meta.name}`, bold: true }), new TextRun({ text: ` (${item.record})`, color: MUTED_COLOUR })],
      }),
    );
    if (!info) {
      out.push(note('This file could not be shown: its contents are not a readable image.'));
      return;
    }
    const size = fitToWidth(info, CONTENT_WIDTH_PX, CONTENT_HEIGHT_PX);
    const run: ParagraphChild = new ImageRun({
      type: info.kind,
      data: bytes[n],
      transformation: size,
      altText: { id: ctx.nextDrawingId(), name: item.meta.name, description: `${item.record}: ${item.meta.name}`, title: item.ref },
    });
    out.push(new Paragraph({ alignment: AlignmentType.LEFT, spacing: { after: 120 }, children: [run] }));
  });
  return out;
}

// ---------- compliance ----------
/** "Status: Met" beside the reasons, for the top of a detail section. */
export function statusLine(a: Answer): FileChild[] {
  const w = widths([18, 82]);
  const row = rowXml([cell(statusCell(a), w[0], SIZE.small), cell(a.reasons, w[1], SIZE.small)]);
  return [tableOf([row], w), spacer()];
}

/** Rule by rule: the rule id and title, the standard it comes from, the status word and the reason. */
export function rulesTable(ctx: PackContext, results: readonly RuleResult[]): FileChild[] {
  return dataTable(
    ctx,
    [
      { title: 'Rule', weight: 24 },
      { title: 'Source', weight: 20 },
      { title: 'Status', weight: 13 },
      { title: 'Reason', weight: 43 },
    ],
    results.map((r) => {
      const info = ruleById(r.rule);
      return [
        { lines: info ? [r.rule, info.title] : [r.rule], small: true },
        info?.source ?? '—',
        statusCell(answerOf(r.status)),
        // Say when the status next changes, unless the reason already gives that date.
        r.changesOn && !r.reason.includes(ukDate(r.changesOn)) ? [sentence(r.reason), `Status next changes on ${ukDate(r.changesOn)}.`] : sentence(r.reason),
      ];
    }),
    { empty: 'The compliance check gave no results.' },
  );
}

// ---------- caseload ----------
function breakdown(ctx: PackContext, title: string, counts: Record<string, number>, word: (k: string) => string): FileChild[] {
  const rows = Object.entries(counts)
    .sort(([a, x], [b, y]) => y - x || (a === NOT_RECORDED ? 1 : b === NOT_RECORDED ? -1 : a.localeCompare(b)))
    .map(([k, n]): CellValue[] => [word(k), String(n)]);
  return dataTable(
    ctx,
    [
      { title, weight: 70 },
      { title: 'Open cases', weight: 30 },
    ],
    rows,
    { empty: 'No open cases.' },
  );
}

/** The caseload figures in the MTSP's terms (open and active, monitoring, days a week) with break-downs. */
export function caseloadFigures(ctx: PackContext, f: CaseloadFigures, limitPerDay: number): FileChild[] {
  return [
    para(
      `On ${ukDate(f.asOf)}: ${f.openActive} open and active, ${f.monitoring} monitoring` +
        (f.daysPerWeek !== null ? `, ${hoursWord(f.daysPerWeek)} days a week` : '; working days a week not recorded') +
        (f.elsewhere
          ? ` with the firm; ${f.elsewhere.openActive} open and active, ${f.elsewhere.monitoring} monitoring, ${hoursWord(f.elsewhere.daysPerWeek)} days a week elsewhere.`
          : '.'),
      { bold: true, keepNext: true },
    ),
    ...keyValueTable(ctx, [
      ['Open and active cases', String(f.openActive)],
      ['Cases being monitored', String(f.monitoring)],
      ['Referrals not yet started', String(f.referral)],
      ['Working days a week', f.daysPerWeek === null ? 'Not recorded' : hoursWord(f.daysPerWeek)],
      // Cases held outside the firm (associates; MTSP Practitioner H "from all sources").
      ...(f.elsewhere
        ? ([
            [`Held elsewhere (${f.elsewhere.sources.join(', ')})`, `${f.elsewhere.openActive} open and active, ${f.elsewhere.monitoring} monitoring`],
            ['Days a week on cases held elsewhere', hoursWord(f.elsewhere.daysPerWeek)],
          ] as [string, string][])
        : []),
      [
        f.elsewhere ? 'Open and active cases per working day, from all sources' : 'Open and active cases per working day',
        f.perWorkingDay === null
          ? 'Cannot be worked out without the days a week'
          : `${hoursWord(f.perWorkingDay)} (the firm's limit is ${hoursWord(limitPerDay)} for each case manager)`,
      ],
    ]),
    ...breakdown(ctx, 'Injury type', f.byInjury, injuryWord),
    ...breakdown(ctx, 'Funding route', f.byFunding, fundingWord),
  ];
}
