// Reading a .docx back for tests: the XML of the body, headers, footers and core properties,
// their visible text, table rows as cell text, the media files and the zip entries' dates.
import JSZip from 'jszip';

export interface DocxContents {
  /** word/document.xml as written. */
  documentXml: string;
  headerXml: string[];
  footerXml: string[];
  coreXml: string;
  /** The body's text, one line per paragraph. */
  text: string;
  headerText: string;
  footerText: string;
  /** Paths under word/media/. */
  media: string[];
  /** Every entry in the zip, in order, with its stored date. */
  entries: { name: string; date: Date }[];
  zip: JSZip;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
export function decodeXml(s: string): string {
  return s.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (_, e: string) =>
    e.startsWith('#x') ? String.fromCodePoint(parseInt(e.slice(2), 16)) : e.startsWith('#') ? String.fromCodePoint(Number(e.slice(1))) : ENTITIES[e],
  );
}

/** The text of each paragraph (w:p), joining its runs; tabs as '\t'. */
export function paragraphs(xml: string): string[] {
  const out: string[] = [];
  for (const p of xml.match(/<w:p[ >][\s\S]*?<\/w:p>/g) ?? []) {
    let line = '';
    for (const m of p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:tab\/>/g)) line += m[1] === undefined ? '\t' : decodeXml(m[1]);
    out.push(line);
  }
  return out;
}

export function xmlText(xml: string): string {
  return paragraphs(xml).join('\n');
}

/** Every table row (w:tr) as the text of its cells, each cell's paragraphs joined with '\n'. */
export function tableRows(xml: string): string[][] {
  return (xml.match(/<w:tr[ >][\s\S]*?<\/w:tr>/g) ?? []).map((tr) => (tr.match(/<w:tc>[\s\S]*?<\/w:tc>/g) ?? []).map((tc) => paragraphs(tc).join('\n')));
}

/** Every table (w:tbl, not nested) as its rows of cell text. */
export function tables(xml: string): string[][][] {
  return (xml.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? []).map(tableRows);
}

export async function readDocx(bytes: Uint8Array): Promise<DocxContents> {
  const zip = await JSZip.loadAsync(bytes);
  const names = Object.keys(zip.files);
  const read = (name: string) => zip.file(name)!.async('string');
  const matching = (re: RegExp) => names.filter((n) => re.test(n)).sort();
  const documentXml = await read('word/document.xml');
  const headerXml = await Promise.all(matching(/^word\/header\d+\.xml$/).map(read));
  const footerXml = await Promise.all(matching(/^word\/footer\d+\.xml$/).map(read));
  return {
    documentXml,
    headerXml,
    footerXml,
    coreXml: await read('docProps/core.xml'),
    text: xmlText(documentXml),
    headerText: headerXml.map(xmlText).join('\n'),
    footerText: footerXml.map(xmlText).join('\n'),
    media: matching(/^word\/media\//),
    entries: names.map((name) => ({ name, date: zip.files[name].date })),
    zip,
  };
}
