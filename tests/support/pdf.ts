// Small, valid PDFs written byte by byte for the viewer tests (a correct cross-reference
// table, so pdf.js opens them without repairing anything), a way to read back what the
// viewer drew on its canvases, and a PDF's text as poppler's pdftotext reads it.
import { spawnSync } from 'node:child_process';
import type { Locator } from 'playwright-core';

/**
 * The text of a PDF (or of one page of it) as pdftotext reads it, with its layout kept if asked.
 * Says plainly when pdftotext is missing (poppler-utils: .ci/run installs it) or refuses the file.
 */
export function pdfText(file: string, opts: { page?: number; layout?: boolean } = {}): string {
  const args = [...(opts.layout ? ['-layout'] : []), ...(opts.page === undefined ? [] : ['-f', String(opts.page), '-l', String(opts.page)])];
  const r = spawnSync('pdftotext', [...args, file, '-'], { encoding: 'utf8' });
  if (r.error) throw new Error(`pdftotext could not be run (${r.error.message}): install poppler-utils, as .ci/run does.`);
  if (r.status !== 0) throw new Error(`pdftotext could not read ${file}${opts.page === undefined ? '' : ` (page ${opts.page})`}: ${r.stderr.trim()}`);
  return r.stdout;
}

type Obj = string | { dict: string; stream: Buffer };

/** A PDF of the given objects, numbered from 1 (object 1 must be the catalogue). */
export function pdfOf(objects: Obj[]): Buffer {
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let length = parts[0].length;
  const offsets: number[] = [];
  const push = (b: Buffer) => {
    parts.push(b);
    length += b.length;
  };
  objects.forEach((o, i) => {
    offsets.push(length);
    if (typeof o === 'string') push(Buffer.from(`${i + 1} 0 obj\n${o}\nendobj\n`, 'latin1'));
    else {
      push(Buffer.from(`${i + 1} 0 obj\n<<${o.dict}/Length ${o.stream.length}>>\nstream\n`, 'latin1'));
      push(o.stream);
      push(Buffer.from('\nendstream\nendobj\n', 'latin1'));
    }
  });
  const xref = length;
  const rows = offsets.map((off) => `${String(off).padStart(10, '0')} 00000 n \n`).join('');
  push(
    Buffer.from(
      `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${rows}trailer\n<</Size ${objects.length + 1}/Root 1 0 R>>\nstartxref\n${xref}\n%%EOF\n`,
      'latin1',
    ),
  );
  return Buffer.concat(parts);
}

const content = (ops: string) => ({ dict: '', stream: Buffer.from(ops, 'latin1') });

/**
 * A PDF of pages 300 x 200 points, each with a filled band in its own colour and a line of
 * Helvetica text (a standard font, not embedded: drawn with a system font).
 */
export function textPdf(lines: string[]): Buffer {
  const colours = ['0.12 0.31 0.47', '0.75 0.2 0.2', '0.2 0.55 0.3'];
  const n = lines.length;
  const pageIds = lines.map((_, i) => 3 + i);
  const contentIds = lines.map((_, i) => 3 + n + i);
  const fontId = 3 + 2 * n;
  return pdfOf([
    '<</Type/Catalog/Pages 2 0 R>>',
    `<</Type/Pages/Kids[${pageIds.map((id) => `${id} 0 R`).join(' ')}]/Count ${n}>>`,
    ...lines.map((_, i) => `<</Type/Page/Parent 2 0 R/MediaBox[0 0 300 200]/Contents ${contentIds[i]} 0 R/Resources<</Font<</F1 ${fontId} 0 R>>>>>>`),
    ...lines.map((text, i) =>
      content(`${colours[i % colours.length]} rg 20 20 260 50 re f 0 g BT /F1 22 Tf 20 130 Td (${text.replace(/[()\\]/g, '\\$&')}) Tj ET`),
    ),
    '<</Type/Font/Subtype/Type1/BaseFont/Helvetica/Encoding/WinAnsiEncoding>>',
  ]);
}

/** A 16 x 16 JPEG 2000 image (JP2, made with OpenJPEG): left half red (200,30,30), right half blue (30,60,200). */
const JP2 = Buffer.from(
  'AAAADGpQICANCocKAAAAFGZ0eXBqcDIgAAAAAGpwMiAAAAAtanAyaAAAABZpaGRyAAAAEAAAABAAAwcHAAAAAAAPY29scgEAAAAAABAAAAEianAyY/9P/1EALwAAAAAAEAAAABAAAAAAAAAAAAAAABAAAAAQAAAAAAAAAAAAAwcBAQcBAQcBAf9SAAwAAAABAQEEBAAB/1wAB0BASEhQ/2QAJQABQ3JlYXRlZCBieSBPcGVuSlBFRyB2ZXJzaW9uIDIuNS4w/5AACgAAAAAApwAB/5PH1EIRUFSt4GYMC0fYkOPCQAAMJCThxg35ufj/ZYAwU1n+xH/fgRAsVgtDB0yxUZmP4kky5/LBokIIQlz6mQ8zJh31nnTvGRLh34FoFABKeEMiOxnpxxjGBMUQu8qnr7WmXP5vHAurfkogp7Ske1BrLW+Ax0H085AcwHwiACFuB+/H2hIAIW4NI46kBCF/x9oOACIaCatalL//2Q==',
  'base64',
);

/** One page (200 x 200 points) that is nothing but a JPEG 2000 image stretched over it, as some scanners write them. */
export function jpxPdf(): Buffer {
  return pdfOf([
    '<</Type/Catalog/Pages 2 0 R>>',
    '<</Type/Pages/Kids[3 0 R]/Count 1>>',
    '<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]/Contents 4 0 R/Resources<</XObject<</Im1 5 0 R>>>>>>',
    content('q 200 0 0 200 0 0 cm /Im1 Do Q'),
    { dict: '/Type/XObject/Subtype/Image/Width 16/Height 16/Filter/JPXDecode', stream: JP2 },
  ]);
}

export interface CanvasInk {
  width: number;
  height: number;
  /** Share of pixels that are not (nearly) white, 0..1. */
  inked: number;
  /** The colour at a point given as fractions of the width and height. */
  at: (fx: number, fy: number) => [number, number, number];
}

/**
 * Reads a canvas's pixels back in the page: how much of it is drawn (of the whole canvas,
 * or of the band of rows between `rows.top` and `rows.bottom`, as fractions of its height),
 * and colours at points.
 */
export async function inkOf(canvas: Locator, rows = { top: 0, bottom: 1 }): Promise<CanvasInk> {
  const r = await canvas.evaluate((el, rows) => {
    const c = el as HTMLCanvasElement;
    if (!c.width || !c.height) return { width: c.width, height: c.height, inked: 0, grid: [] as number[][][] };
    const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    const from = Math.floor(rows.top * c.height) * c.width * 4;
    const to = Math.floor(rows.bottom * c.height) * c.width * 4;
    let inked = 0;
    for (let i = from; i < to; i += 4) if (data[i + 3] > 0 && (data[i] < 235 || data[i + 1] < 235 || data[i + 2] < 235)) inked++;
    // Colours on a 10 x 10 grid of sample points, for `at`.
    const grid = Array.from({ length: 11 }, (_, gy) =>
      Array.from({ length: 11 }, (_, gx) => {
        const x = Math.min(c.width - 1, Math.floor((gx / 10) * c.width));
        const y = Math.min(c.height - 1, Math.floor((gy / 10) * c.height));
        const o = (y * c.width + x) * 4;
        return [data[o], data[o + 1], data[o + 2]];
      }),
    );
    return { width: c.width, height: c.height, inked: inked / ((to - from) / 4), grid };
  }, rows);
  return {
    width: r.width,
    height: r.height,
    inked: r.inked,
    at: (fx, fy) => r.grid[Math.round(fy * 10)][Math.round(fx * 10)] as [number, number, number],
  };
}
