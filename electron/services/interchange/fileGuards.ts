// Guards at the door of every file Caseproof reads for an import (spreadsheets, firm files):
// checked on the bytes, before any parser sees them, so a hostile or broken file is refused
// quickly and in words that name the file and what is wrong, never "internal error".
// - size: 50 MB for a spreadsheet, 500 MB for a firm file (it may carry evidence), checked
//   from the file's length before it is read;
// - XLSX is a zip: the central directory's declared sizes are checked (entries, total
//   unpacked size) and then every entry is unpacked with its declared size as a hard cap, so a
//   zip bomb is refused by what it claims and cannot expand past its claim either;
// - rows: at most 100,000 records, counted before parsing (CSV: line ends outside quotes;
//   XLSX: <row> elements of each sheet);
// - text encoding: UTF-8 (with or without a BOM), UTF-16 (LE or BE, with a BOM or recognised
//   by its zero bytes) and, for CSV, Windows-1252 (what Excel on Windows writes as "CSV");
//   anything else is refused with the reason.
import { statSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { AppError } from '../errors';

export const IMPORT_LIMITS = {
  /** A spreadsheet (CSV or XLSX) of 100,000 rows is well under this. */
  sheetBytes: 50 * 1024 * 1024,
  /** Records in one spreadsheet (the header row is not counted). */
  sheetRows: 100_000,
  /** Cells in one XLSX sheet: 100,000 rows of 40 columns. */
  sheetCells: 4_000_000,
  /** What an XLSX's parts may add up to once unpacked (100,000 rows of 40 short columns is about 150 MB). */
  unzippedBytes: 200 * 1024 * 1024,
  /** Parts in one XLSX (a workbook has a few dozen). */
  zipEntries: 10_000,
  /** A firm file carries its evidence as base64: room for 1,000 files of a few hundred KB, under the longest text Node can hold. */
  firmFileBytes: 500 * 1024 * 1024,
} as const;

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(n < 1024 * 1024 ? 2 : 1)} MB`;
const refuse = (name: string, why: string) => new AppError('invalid', `${name} ${why}`, 'file');

// ---------------------------------------------------------------- reading from disk

/**
 * Reads a file chosen for an import, refusing it by its length before reading a byte (a
 * 4 GB file is never loaded). `kind` picks the limit.
 */
export function readImportFile(file: string, kind: 'sheet' | 'firm'): { name: string; bytes: Buffer } {
  const name = path.basename(file);
  let size: number;
  try {
    const st = statSync(file);
    if (!st.isFile()) throw refuse(name, 'is not a file (it is a folder or a device).');
    size = st.size;
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw refuse(name, `cannot be read: ${describeFsError(e)}.`);
  }
  checkSize(name, size, kind);
  try {
    return { name, bytes: readFileSync(file) };
  } catch (e) {
    throw refuse(name, `cannot be read: ${describeFsError(e)}.`);
  }
}

function describeFsError(e: unknown): string {
  const code = (e as { code?: string }).code;
  if (code === 'ENOENT') return 'there is no file there';
  if (code === 'EACCES' || code === 'EPERM') return 'you do not have permission to read it';
  if (code === 'EISDIR') return 'it is a folder';
  return (e as Error).message;
}

function checkSize(name: string, size: number, kind: 'sheet' | 'firm'): void {
  const max = kind === 'sheet' ? IMPORT_LIMITS.sheetBytes : IMPORT_LIMITS.firmFileBytes;
  if (size > max) {
    throw refuse(name, `is ${mb(size)}; a ${kind === 'sheet' ? 'spreadsheet' : 'firm file'} can be at most ${mb(max)}.`);
  }
  if (size === 0) throw refuse(name, 'is empty.');
}

// ---------------------------------------------------------------- text encodings

export type TextEncodingName = 'UTF-8' | 'UTF-16LE' | 'UTF-16BE' | 'Windows-1252';

/** Windows-1252's characters for 0x80-0x9F (the rest of its upper half is Latin-1); 0 where it has none. */
const CP1252_HIGH = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0, 0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022,
  0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
];

function decodeUtf16(bytes: Uint8Array, le: boolean, start: number): string {
  const n = Math.floor((bytes.length - start) / 2);
  const buf = Buffer.allocUnsafe(n * 2);
  for (let i = 0; i < n; i++) {
    const a = bytes[start + 2 * i];
    const b = bytes[start + 2 * i + 1];
    buf[2 * i] = le ? a : b;
    buf[2 * i + 1] = le ? b : a;
  }
  return buf.toString('utf16le');
}

/** UTF-16 without a BOM: text that is mostly ASCII has a zero in every other byte. */
function utf16WithoutBom(bytes: Uint8Array): 'LE' | 'BE' | null {
  const n = Math.min(bytes.length - (bytes.length % 2), 4096);
  if (n < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.4 && evenZero < pairs * 0.05) return 'LE';
  if (evenZero > pairs * 0.4 && oddZero < pairs * 0.05) return 'BE';
  return null;
}

/**
 * Decodes a text file: a BOM decides; without one, UTF-16 is recognised by its zero bytes,
 * then strict UTF-8 is tried, and (when allowed, for CSV) Windows-1252 after that.
 * Refuses, naming the byte, text that is none of these.
 */
export function decodeText(name: string, bytes: Uint8Array, opts: { allow1252: boolean }): { text: string; encoding: TextEncodingName } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: strictUtf8(name, bytes.subarray(3), 3), encoding: 'UTF-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: decodeUtf16(bytes, true, 2), encoding: 'UTF-16LE' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: decodeUtf16(bytes, false, 2), encoding: 'UTF-16BE' };
  const wide = utf16WithoutBom(bytes);
  if (wide) return { text: decodeUtf16(bytes, wide === 'LE', 0), encoding: wide === 'LE' ? 'UTF-16LE' : 'UTF-16BE' };
  const zero = bytes.indexOf(0);
  if (zero >= 0) throw refuse(name, `is not a text file: it holds a zero byte at byte ${zero + 1}.`);
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8' };
  } catch {
    if (!opts.allow1252) throw refuse(name, `is not UTF-8 text: ${badUtf8(bytes)}. Save it as UTF-8.`);
  }
  let text = '';
  const CHUNK = 8192;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    const codes: number[] = [];
    for (let j = i; j < Math.min(bytes.length, i + CHUNK); j++) {
      const b = bytes[j];
      if (b < 0x80 || b >= 0xa0) codes.push(b);
      else {
        const c = CP1252_HIGH[b - 0x80];
        if (!c) {
          throw refuse(
            name,
            `is neither UTF-8 nor Windows-1252 text: byte ${j + 1} is 0x${b.toString(16).toUpperCase()}, which neither uses. Save it from Excel as "CSV UTF-8".`,
          );
        }
        codes.push(c);
      }
    }
    text += String.fromCharCode(...codes);
  }
  return { text, encoding: 'Windows-1252' };
}

function strictUtf8(name: string, bytes: Uint8Array, offset: number): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw refuse(name, `starts as UTF-8 text but is not: ${badUtf8(bytes, offset)}.`);
  }
}

/** "byte 1,234 (0xE9) does not fit", for the first byte that breaks UTF-8. */
function badUtf8(bytes: Uint8Array, offset = 0): string {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    const len = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    let ok = len > 0 && i + len <= bytes.length;
    for (let k = 1; ok && k < len; k++) ok = (bytes[i + k] & 0xc0) === 0x80;
    if (!ok) return `byte ${(i + offset + 1).toLocaleString('en-GB')} (0x${b.toString(16).toUpperCase()}) does not fit`;
    i += len;
  }
  return 'a character is cut short';
}

// ---------------------------------------------------------------- spreadsheets

/** What a file's first bytes say it is, when that is not what its name says. */
function sniffContainer(bytes: Uint8Array): 'zip' | 'ole' | 'pdf' | null {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'zip';
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) return 'ole';
  if (bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46) return 'pdf';
  return null;
}

/** Counts CSV records: line ends outside double quotes (a quoted cell may hold line breaks). */
export function csvRecordCount(text: string): number {
  let n = 0;
  let quoted = false;
  let content = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) quoted = !quoted;
    if (!quoted && (c === 10 || c === 13)) {
      if (content) n++;
      content = false;
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
    } else content = true;
  }
  return content ? n + 1 : n;
}

function tooManyRows(name: string, records: number): AppError {
  return refuse(
    name,
    `has ${records.toLocaleString('en-GB')} rows; a spreadsheet can have at most ${IMPORT_LIMITS.sheetRows.toLocaleString('en-GB')} (split it into several files).`,
  );
}

/**
 * The separator, from the header row: a comma, or a tab or semicolon when the header has
 * those and no comma (Excel's "Unicode Text" is tab-separated UTF-16; some locales use ;).
 */
export function csvDelimiter(text: string): ',' | '\t' | ';' {
  const end = text.search(/[\r\n]/);
  const head = end < 0 ? text : text.slice(0, end);
  if (head.includes(',')) return ',';
  if (head.includes('\t')) return '\t';
  if (head.includes(';')) return ';';
  return ',';
}

/** Checks a CSV's bytes and returns its text, decoded, and its separator. */
export function guardCsv(name: string, bytes: Uint8Array): { text: string; encoding: TextEncodingName; delimiter: ',' | '\t' | ';' } {
  checkSize(name, bytes.length, 'sheet');
  const c = sniffContainer(bytes);
  if (c === 'zip') throw refuse(name, 'is an Excel workbook (or another zip file), not CSV text: rename it .xlsx, or save it from Excel as CSV.');
  if (c === 'ole') throw refuse(name, 'is an old Excel (.xls) workbook, not CSV text: save it from Excel as .xlsx or CSV.');
  if (c === 'pdf') throw refuse(name, 'is a PDF, not a spreadsheet.');
  const decoded = decodeText(name, bytes, { allow1252: true });
  const text = decoded.text.replace(/^\uFEFF/, '');
  const records = csvRecordCount(text);
  if (records - 1 > IMPORT_LIMITS.sheetRows) throw tooManyRows(name, records - 1);
  return { text, encoding: decoded.encoding, delimiter: csvDelimiter(text) };
}

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  /** Where the entry's compressed bytes start. */
  dataStart: number;
}

/**
 * Reads a zip's central directory (the index at its end) without unpacking anything.
 * Returns null when the bytes are not a readable zip; throws when the index itself is hostile.
 */
export function zipDirectory(name: string, bytes: Uint8Array): ZipEntry[] | null {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-directory record is in the last 22 + 65,535 bytes (its comment may be that long).
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (dv.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = dv.getUint16(eocd + 10, true);
  const cdSize = dv.getUint32(eocd + 12, true);
  const cdOffset = dv.getUint32(eocd + 16, true);
  if (count === 0xffff || cdOffset === 0xffffffff || cdSize === 0xffffffff) {
    throw refuse(name, 'is a ZIP64 archive, which no spreadsheet of a size Caseproof reads needs; it was not opened.');
  }
  if (count > IMPORT_LIMITS.zipEntries) {
    throw refuse(
      name,
      `holds ${count.toLocaleString('en-GB')} parts; a workbook has a few dozen (at most ${IMPORT_LIMITS.zipEntries.toLocaleString('en-GB')}).`,
    );
  }
  if (cdOffset + cdSize > eocd) return null;
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  for (let k = 0; k < count; k++) {
    if (p + 46 > eocd || dv.getUint32(p, true) !== 0x02014b50) return null;
    const flags = dv.getUint16(p + 8, true);
    const method = dv.getUint16(p + 10, true);
    const compressedSize = dv.getUint32(p + 20, true);
    const size = dv.getUint32(p + 24, true);
    const nameLen = dv.getUint16(p + 28, true);
    const extraLen = dv.getUint16(p + 30, true);
    const commentLen = dv.getUint16(p + 32, true);
    const local = dv.getUint32(p + 42, true);
    const entryName = Buffer.from(bytes.subarray(p + 46, p + 46 + nameLen)).toString('utf8');
    p += 46 + nameLen + extraLen + commentLen;
    if (flags & 1) throw refuse(name, 'is password-protected: open it in Excel and save it without a password.');
    if (local + 30 > bytes.length || dv.getUint32(local, true) !== 0x04034b50) return null;
    const dataStart = local + 30 + dv.getUint16(local + 26, true) + dv.getUint16(local + 28, true);
    if (dataStart + compressedSize > bytes.length) return null;
    entries.push({ name: entryName, method, compressedSize, size, dataStart });
  }
  return entries;
}

/** Unpacks one entry, never past its declared size (a part that claims less than it holds is refused). */
export function unzipEntry(name: string, bytes: Uint8Array, e: ZipEntry): Buffer {
  const data = bytes.subarray(e.dataStart, e.dataStart + e.compressedSize);
  if (e.method === 0) {
    if (e.compressedSize !== e.size) throw refuse(name, `is damaged: its part ${e.name} does not have the size it declares.`);
    return Buffer.from(data);
  }
  if (e.method !== 8) throw refuse(name, `uses a kind of compression Excel does not write (method ${e.method} in ${e.name}).`);
  let out: Buffer;
  try {
    out = inflateRawSync(data, { maxOutputLength: Math.max(1, e.size) });
  } catch (err) {
    if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || /larger than|maxOutputLength/i.test((err as Error).message)) {
      throw refuse(name, `is a zip bomb or damaged: its part ${e.name} unpacks to more than the ${mb(e.size)} it declares.`);
    }
    throw refuse(name, `is damaged: its part ${e.name} cannot be unpacked (${(err as Error).message}).`);
  }
  if (out.length !== e.size) throw refuse(name, `is damaged: its part ${e.name} unpacks to ${out.length} bytes, not the ${e.size} it declares.`);
  return out;
}

/** Occurrences of an XML element's start tag (`<row` or `<x:row`) in a part. */
function countTags(xml: Buffer, tag: string): number {
  let n = 0;
  for (const needle of [Buffer.from(`<${tag} `), Buffer.from(`<${tag}>`), Buffer.from(`:${tag} `), Buffer.from(`:${tag}>`)]) {
    let i = xml.indexOf(needle);
    while (i >= 0) {
      if (needle[0] === 0x3c || xml.lastIndexOf(0x3c, i) > xml.lastIndexOf(0x3e, i)) n++;
      i = xml.indexOf(needle, i + needle.length);
    }
  }
  return n;
}

/**
 * Checks an XLSX before Excel's parser sees it: a real zip, within the declared-size limits,
 * every part unpacking to no more than it declares, a workbook inside, and no sheet over
 * the row or cell limits.
 */
export function guardXlsx(name: string, bytes: Uint8Array): void {
  checkSize(name, bytes.length, 'sheet');
  const c = sniffContainer(bytes);
  if (c === 'ole') throw refuse(name, 'is an old Excel (.xls) workbook or a password-protected one: save it from Excel as .xlsx (without a password) or CSV.');
  if (c === 'pdf') throw refuse(name, 'is a PDF, not a spreadsheet.');
  if (c !== 'zip') throw refuse(name, 'is not an Excel workbook (.xlsx): it does not start as one does. If it is CSV text, name it .csv.');
  const entries = zipDirectory(name, bytes);
  if (!entries) throw refuse(name, 'is damaged: it starts as an Excel workbook but its index (the zip directory at its end) cannot be read.');
  const declared = entries.reduce((s, e) => s + e.size, 0);
  if (declared > IMPORT_LIMITS.unzippedBytes) {
    throw refuse(
      name,
      `would unpack to ${mb(declared)} (it is ${mb(bytes.length)} packed); Caseproof reads workbooks that unpack to at most ${mb(IMPORT_LIMITS.unzippedBytes)}, so it was not opened (it may be a zip bomb).`,
    );
  }
  if (!entries.some((e) => e.name === 'xl/workbook.xml')) throw refuse(name, 'is a zip file but not an Excel workbook (it has no xl/workbook.xml).');
  for (const e of entries) {
    const data = unzipEntry(name, bytes, e);
    if (/^xl\/worksheets\/[^/]+\.xml$/.test(e.name)) {
      const rows = countTags(data, 'row');
      if (rows - 1 > IMPORT_LIMITS.sheetRows) throw tooManyRows(name, rows - 1);
      const cells = countTags(data, 'c');
      if (cells > IMPORT_LIMITS.sheetCells) {
        throw refuse(
          name,
          `has ${cells.toLocaleString('en-GB')} cells in one sheet; Caseproof reads at most ${IMPORT_LIMITS.sheetCells.toLocaleString('en-GB')} (100,000 rows of 40 columns).`,
        );
      }
    }
  }
}

/** Whatever Excel's reader throws, as a sentence naming the file (an AppError passes through). */
export function sheetReadError(name: string, e: unknown): AppError {
  if (e instanceof AppError) return e;
  const what = /\.xlsx$/i.test(name) ? 'an Excel workbook' : 'CSV';
  const why = String((e as Error)?.message ?? e)
    .replace(/\s+/g, ' ')
    .slice(0, 160);
  return refuse(name, `could not be read as ${what}: ${why || 'its contents are not in the expected form'}.`);
}

/** The header row: every column named once, with a name that can be a field. */
export function checkHeader(name: string, header: string[]): void {
  const seen = new Map<string, number>();
  header.forEach((h, i) => {
    if (!h) return;
    const col = columnName(i);
    if (h === '__proto__' || h === 'constructor' || h === 'prototype') throw refuse(name, `has a column named ${h} (column ${col}), which is not a field.`);
    const first = seen.get(h);
    if (first !== undefined) throw refuse(name, `names the column ${h} twice (columns ${columnName(first)} and ${col}).`);
    seen.set(h, i);
  });
}

/** 0 -> A, 26 -> AA: the column letters Excel shows. */
function columnName(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

// ---------------------------------------------------------------- firm files

/** JSON.parse's "at position N" as a line and column, for the message. */
function jsonPosition(text: string, message: string): string {
  const m = /position (\d+)/.exec(message);
  if (!m) return '';
  const pos = Math.min(Number(m[1]), text.length);
  let line = 1;
  let last = -1;
  for (let i = 0; i < pos; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      last = i;
    }
  }
  return ` at line ${line}, column ${pos - last}`;
}

/**
 * Reads a firm file's bytes as JSON: size checked, UTF-8 or UTF-16 decoded, JSON errors
 * named with their line and column, and an object at the top (a firm file is one).
 */
export function parseFirmFileBytes(name: string, bytes: Uint8Array): unknown {
  checkSize(name, bytes.length, 'firm');
  const c = sniffContainer(bytes);
  if (c === 'zip') throw refuse(name, 'is a zip file (or an Excel or Word document), not a firm file. A spreadsheet is imported with "From a spreadsheet".');
  if (c === 'ole') throw refuse(name, 'is an old Office document, not a firm file.');
  if (c === 'pdf') throw refuse(name, 'is a PDF, not a firm file.');
  if (bytes[0] === 0x53 && bytes[1] === 0x51 && bytes[2] === 0x4c && bytes[3] === 0x69) throw refuse(name, 'is a database, not a firm file.');
  const { text } = decodeText(name, bytes, { allow1252: false });
  const body = text.replace(/^\uFEFF/, '');
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (e) {
    const msg = (e as Error).message.replace(/\s*\(line \d+ column \d+\)$/, '');
    const at = /position (\d+)/.exec(msg);
    if (/Unexpected end of JSON input/.test(msg) || (at && Number(at[1]) >= body.trimEnd().length)) {
      throw refuse(name, 'is not valid JSON: it ends part-way through (was it cut short?).');
    }
    const short = msg
      .replace(/ in JSON at position \d+.*$/s, '')
      .replace(/^Unexpected token '(.+?)', .* is not valid JSON$/s, "unexpected character '$1'")
      .replace(/^Unexpected end of JSON input$/, 'it ends part-way through (was it cut short?)');
    throw refuse(name, `is not valid JSON${jsonPosition(body, msg)}: ${short.length > 120 ? `${short.slice(0, 117)}...` : short}.`);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    const what = Array.isArray(json) ? 'a list' : json === null ? 'null' : `a ${typeof json}`;
    throw refuse(name, `is not a firm file: it holds ${what}, not an object with "format": "caseproof-firm".`);
  }
  return json;
}
