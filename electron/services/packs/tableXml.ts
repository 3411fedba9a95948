// A pack's tables written as WordprocessingML text, the same XML docx's Table, TableRow,
// TableCell, Paragraph and TextRun write for them, character for character (tests/unit/
// pack-table-xml.test.ts holds the two equal, so packs already sent still rebuild byte for byte).
//
// Why not docx's objects: an organisation pack at firm scale has some 7,500 table rows and 40,000
// cell paragraphs, and as docx objects (built, formatted to a tree, then written out) they took
// two thirds of the pack's time and most of its garbage. Here a table is one string, and docx
// sees one small placeholder element in its place, swapped for the string once docx has written
// the part (insertRawXml, called by render.ts).
import { FileChild, type IContext, type IXmlableObject, hexColorValue } from 'docx';

/** One cell: its paragraphs' text, its width in twips and how its text is set. */
export interface CellXml {
  lines: readonly string[];
  widthTwips: number;
  /** Shading colour (hex), if any. */
  fill?: string;
  bold?: boolean;
  /** Half-points; undefined for the cell style's own size. */
  size?: number;
  font?: string;
  /** Text colour (hex), if any. */
  colour?: string;
}

/** How the whole table is drawn, from parts.ts's constants. */
export interface TableLook {
  widthTwips: number;
  border: { style: string; size: number; color: string };
  margins: { top: number; bottom: number; left: number; right: number };
  /** The paragraph style of every cell paragraph. */
  cellStyle: string;
}

// docx's escaping (util/xml/stringify.ts, escapeAll): the five XML characters, and the control
// characters XML 1.0 cannot hold are dropped.
const ESCAPES: Record<string, string> = { '&': '&amp;', '"': '&quot;', "'": '&apos;', '<': '&lt;', '>': '&gt;' };
// eslint-disable-next-line no-control-regex -- matching the control characters is the point
const TO_ESCAPE = /[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/g;
export function escapeXml(text: string): string {
  return text.replace(TO_ESCAPE, (c) => ESCAPES[c] ?? '');
}

function runProperties(c: CellXml): string {
  let out = '';
  if (c.font !== undefined) {
    const f = escapeXml(c.font);
    out += `<w:rFonts w:ascii="${f}" w:cs="${f}" w:eastAsia="${f}" w:hAnsi="${f}"/>`;
  }
  if (c.bold === true) out += '<w:b/><w:bCs/>';
  else if (c.bold === false) out += '<w:b w:val="false"/><w:bCs w:val="false"/>';
  if (c.colour !== undefined) out += `<w:color w:val="${escapeXml(hexColorValue(c.colour))}"/>`;
  if (c.size !== undefined) out += `<w:sz w:val="${c.size}"/><w:szCs w:val="${c.size}"/>`;
  return out ? `<w:rPr>${out}</w:rPr>` : '';
}

/** A cell: a paragraph in the cell style for each line (an empty one when there are none). */
export function cellXml(c: CellXml, look: TableLook): string {
  const shading = c.fill !== undefined ? `<w:shd w:fill="${escapeXml(hexColorValue(c.fill))}" w:color="auto" w:val="clear"/>` : '';
  const start = `<w:p><w:pPr><w:pStyle w:val="${escapeXml(look.cellStyle)}"/></w:pPr><w:r>${runProperties(c)}<w:t xml:space="preserve">`;
  const lines = c.lines.length ? c.lines : [''];
  let out = `<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="${c.widthTwips}"/>${shading}</w:tcPr>`;
  for (const line of lines) out += `${start}${escapeXml(line)}</w:t></w:r></w:p>`;
  return `${out}</w:tc>`;
}

/** A row that is never split across pages; a header row is repeated at the top of each page. */
export function rowXml(cells: readonly string[], opts: { header?: boolean } = {}): string {
  return `<w:tr><w:trPr><w:cantSplit/>${opts.header ? '<w:tblHeader/>' : ''}</w:trPr>${cells.join('')}</w:tr>`;
}

/** A fixed-layout table of the page's width with the look's borders and cell margins. */
export function tableXml(rows: readonly string[], columnWidths: readonly number[], look: TableLook): string {
  const b = look.border;
  const side = (name: string) => `<w:${name} w:val="${escapeXml(b.style)}" w:color="${escapeXml(hexColorValue(b.color))}" w:sz="${b.size}"/>`;
  const m = look.margins;
  return (
    `<w:tbl><w:tblPr><w:tblW w:type="dxa" w:w="${look.widthTwips}"/>` +
    `<w:tblBorders>${['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map(side).join('')}</w:tblBorders>` +
    '<w:tblLayout w:type="fixed"/>' +
    `<w:tblCellMar><w:top w:type="dxa" w:w="${m.top}"/><w:left w:type="dxa" w:w="${m.left}"/><w:bottom w:type="dxa" w:w="${m.bottom}"/><w:right w:type="dxa" w:w="${m.right}"/></w:tblCellMar>` +
    `</w:tblPr><w:tblGrid>${columnWidths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>${rows.join('')}</w:tbl>`
  );
}

const RAW_TAG = 'caseproof:raw';
const PLACEHOLDER = /<caseproof:raw n="(\d+)"\/>/g;
/** The XML of each placeholder written for a document, by its number, until insertRawXml takes it. */
const written = new WeakMap<object, string[]>();

/**
 * A block of XML that stands in the document body as written. docx writes a placeholder element
 * for it, numbered per document; insertRawXml puts the XML in its place.
 */
export class RawXml extends FileChild {
  constructor(private readonly xml: string) {
    super(RAW_TAG);
  }
  override prepForXml(context: IContext): IXmlableObject {
    let list = written.get(context.file);
    if (!list) written.set(context.file, (list = []));
    list.push(this.xml);
    return { [RAW_TAG]: { _attr: { n: list.length - 1 } } };
  }
}

/** A written part of `file` with its placeholders replaced by their XML. */
export function insertRawXml(file: object, partXml: string): string {
  const list = written.get(file);
  if (!list || !partXml.includes(`<${RAW_TAG} `)) return partXml;
  return partXml.replace(PLACEHOLDER, (whole, n: string) => {
    const xml = list[Number(n)];
    if (xml === undefined) throw new Error(`A pack part holds a placeholder (${whole}) with no XML written for it`);
    return xml;
  });
}

/** Lets go of the XML written for `file` once its parts are final. */
export function forgetRawXml(file: object): void {
  written.delete(file);
}
