// The packs' tables are written as XML text (packs/tableXml.ts) instead of through docx's objects.
// Held here to what docx itself writes for the same table, character for character, on random
// tables built to be awkward (XML's special characters, control characters, empty lines and
// cells, every combination of bold, shading, font, colour and size): were they to differ, a pack
// sent before the change would no longer rebuild byte for byte (packs.ts's layout version).
import { BorderStyle, Document, type FileChild, Packer, Paragraph, ShadingType, Table, TableCell, TableLayoutType, TableRow, TextRun, WidthType } from 'docx';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CellXml, RawXml, type TableLook, cellXml, escapeXml, forgetRawXml, insertRawXml, rowXml, tableXml } from '../../electron/services/packs/tableXml';

const LOOK: TableLook = {
  widthTwips: 9638,
  border: { style: BorderStyle.SINGLE, size: 4, color: 'BFBFBF' },
  margins: { top: 50, bottom: 50, left: 90, right: 90 },
  cellStyle: 'CellText',
};

type Cell = CellXml;
interface Grid {
  widths: number[];
  header: boolean;
  rows: Cell[][];
}

/** The body of word/document.xml as docx writes it for `children`. */
function bodyXml(children: FileChild[]): string {
  const doc = new Document({ sections: [{ children }] });
  const compiler = (Packer as unknown as { compiler: { compile: (d: Document, p?: unknown, o?: unknown[]) => Map<string, string> } }).compiler;
  const xml = insertRawXml(doc, compiler.compile(doc, undefined, []).get('word/document.xml')!);
  forgetRawXml(doc);
  return xml.slice(xml.indexOf('<w:body>'), xml.indexOf('<w:sectPr'));
}

/** The table the way docx's own objects make it (what parts.ts built before tableXml.ts). */
function docxTable(g: Grid): Table {
  const border = { style: LOOK.border.style as typeof BorderStyle.SINGLE, size: LOOK.border.size, color: LOOK.border.color };
  const rows = g.rows.map(
    (r, ri) =>
      new TableRow({
        tableHeader: g.header && ri === 0 ? true : undefined,
        cantSplit: true,
        children: r.map(
          (c) =>
            new TableCell({
              width: { size: c.widthTwips, type: WidthType.DXA },
              shading: c.fill ? { type: ShadingType.CLEAR, color: 'auto', fill: c.fill } : undefined,
              children: (c.lines.length ? c.lines : ['']).map(
                (line) =>
                  new Paragraph({
                    style: LOOK.cellStyle,
                    children: [new TextRun({ text: line, bold: c.bold, size: c.size, font: c.font, color: c.colour })],
                  }),
              ),
            }),
        ),
      }),
  );
  return new Table({
    rows,
    width: { size: LOOK.widthTwips, type: WidthType.DXA },
    columnWidths: g.widths,
    layout: TableLayoutType.FIXED,
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    margins: LOOK.margins,
  });
}

function rawTable(g: Grid): RawXml {
  const rows = g.rows.map((r, ri) =>
    rowXml(
      r.map((c) => cellXml(c, LOOK)),
      { header: g.header && ri === 0 },
    ),
  );
  return new RawXml(tableXml(rows, g.widths, LOOK));
}

const awkward = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom(
    '',
    ' ',
    '  two  spaces ',
    'A & B <c> "d" \'e\'',
    'tab\there',
    'line\nbreak',
    'bell\u0007 nul\u0000 esc\u001b',
    '£5,000,000 — Ré',
    '😀 astral',
    '{image.png}',
  ),
);
const hex = fc.constantFrom('1F4E79', 'FFFFFF', 'e2efda', '#C00000', 'auto');
const cell = (width: number): fc.Arbitrary<Cell> =>
  fc.record(
    {
      lines: fc.array(awkward, { maxLength: 3 }),
      widthTwips: fc.constant(width),
      fill: hex.filter((h) => h !== 'auto'),
      bold: fc.boolean(),
      size: fc.constantFrom(15, 17, 19, 30),
      font: fc.constantFrom('Courier New', 'Arial & Sons'),
      colour: hex,
    },
    { requiredKeys: ['lines', 'widthTwips'] },
  );
const grid: fc.Arbitrary<Grid> = fc.array(fc.integer({ min: 300, max: 4000 }), { minLength: 1, maxLength: 5 }).chain((widths) =>
  fc.record({
    widths: fc.constant(widths),
    header: fc.boolean(),
    rows: fc.array(fc.tuple(...widths.map(cell)), { minLength: 1, maxLength: 4 }),
  }),
);

describe('tables written as XML text', () => {
  it('are what docx writes for the same table, character for character', () => {
    fc.assert(
      fc.property(fc.array(grid, { minLength: 1, maxLength: 3 }), (grids) => {
        const spacer = () => new Paragraph({ spacing: { after: 60 }, children: [] });
        const viaDocx = bodyXml(grids.flatMap((g) => [docxTable(g), spacer()]));
        const asText = bodyXml(grids.flatMap((g) => [rawTable(g), spacer()]));
        expect(asText).toBe(viaDocx);
      }),
      { numRuns: 300 },
    );
  });

  it('escape as docx does, dropping what XML cannot hold', () => {
    expect(escapeXml('a&b<c>"d"\'e\u0000\u0008\u000b\u000c\u001f\t\n\r')).toBe('a&amp;b&lt;c&gt;&quot;d&quot;&apos;e\t\n\r');
  });

  it('refuse a part whose placeholder has no XML written for it', () => {
    const doc = new Document({ sections: [{ children: [rawTable({ widths: [9638], header: false, rows: [[{ lines: ['x'], widthTwips: 9638 }]] })] }] });
    const compiler = (Packer as unknown as { compiler: { compile: (d: Document, p?: unknown, o?: unknown[]) => Map<string, string> } }).compiler;
    compiler.compile(doc, undefined, []);
    expect(() => insertRawXml(doc, '<w:body><caseproof:raw n="7"/></w:body>')).toThrow(/placeholder \(<caseproof:raw n="7"\/>\) with no XML/);
    forgetRawXml(doc);
  });
});
