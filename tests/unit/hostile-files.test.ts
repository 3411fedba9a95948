// Hostile and broken files at the readers' door (issue 12 item 6), over a real vault:
// zip bombs refused by their declared sizes (and by what they really unpack to), sizes and
// row counts checked before parsing, Windows-1252 and UTF-16 CSVs read correctly, every
// failure a sentence naming the file, never "internal error", and nothing written.
import { closeSync, openSync, ftruncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../electron/services/errors';
import { addRecord } from '../../electron/services/evidence/records';
import { attachEvidence } from '../../electron/services/evidence/evidence';
import { createStaff } from '../../electron/services/staff/staff';
import { guardXlsx, IMPORT_LIMITS, parseFirmFileBytes, readImportFile } from '../../electron/services/interchange/fileGuards';
import { importSpreadsheet } from '../../electron/services/interchange/spreadsheet';
import { loadSnapshot } from '../../electron/services/snapshot';
import { tempDir } from '../support/tmp';
import { newVault } from '../support/vaults';

async function refusal(p: Promise<unknown> | (() => unknown)): Promise<AppError> {
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (e) {
    if (e instanceof AppError) return e;
    throw new Error(`expected an AppError, got ${(e as Error)?.stack ?? String(e)}`, { cause: e });
  }
  throw new Error('expected a refusal');
}

/** A small real workbook, as Excel would write it. */
async function workbook(rows: (string | number)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Staff');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Rewrites the uncompressed size a zip's central directory declares for one entry. */
function declareSize(zip: Buffer, entry: string, size: number): Buffer {
  const out = Buffer.from(zip);
  let p = out.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
  while (p >= 0) {
    const nameLen = out.readUInt16LE(p + 28);
    if (out.subarray(p + 46, p + 46 + nameLen).toString() === entry) {
      out.writeUInt32LE(size, p + 24);
      return out;
    }
    p = out.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), p + 46);
  }
  throw new Error(`no entry ${entry}`);
}

const STAFF_HEADER = ['ref', 'name', 'profession'];

describe('spreadsheets: zip bombs and broken workbooks', () => {
  it('refuses a workbook whose parts declare more than 200 MB, before Excel reads it, in milliseconds', async () => {
    const { ctx } = newVault();
    const good = await workbook([STAFF_HEADER, ['ST-1', 'Amira Khan', 'OT']]);
    // The central directory claims a 4 GB sheet: what a 4 MB zip bomb of zeros declares.
    const bomb = declareSize(good, 'xl/worksheets/sheet1.xml', 0xfffffff0);
    const t = performance.now();
    const e = await refusal(importSpreadsheet(ctx, 'staff', 'bomb.xlsx', bomb));
    const ms = performance.now() - t;
    expect(e.code).toBe('invalid');
    expect(e.message).toMatch(/^bomb\.xlsx would unpack to 4096\.0 MB .* so it was not opened \(it may be a zip bomb\)\.$/);
    expect(ms).toBeLessThan(2000); // generous on a loaded machine: the check reads only the index
    expect(loadSnapshot(ctx).staff).toHaveLength(0);
  });

  it('refuses a part that unpacks to more than it declares (a bomb that lies about its size)', async () => {
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<Types/>');
    zip.file('xl/workbook.xml', '<workbook/>');
    zip.file('xl/worksheets/sheet1.xml', Buffer.alloc(20 * 1024 * 1024, 0x20), { compression: 'DEFLATE' });
    const real = Buffer.from(await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    expect(real.length).toBeLessThan(200_000);
    const lying = declareSize(real, 'xl/worksheets/sheet1.xml', 1000);
    const e = await refusal(() => guardXlsx('liar.xlsx', lying));
    expect(e.message).toBe('liar.xlsx is a zip bomb or damaged: its part xl/worksheets/sheet1.xml unpacks to more than the 0.00 MB it declares.');
  });

  it('names what a file really is when its name says .xlsx, and a damaged or password-protected workbook', async () => {
    const { ctx } = newVault();
    const csvText = Buffer.from('ref,name\nST-1,Amira\n');
    expect((await refusal(importSpreadsheet(ctx, 'staff', 'staff.xlsx', csvText))).message).toMatch(
      /^staff\.xlsx is not an Excel workbook \(\.xlsx\).*name it \.csv\.$/,
    );
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(600)]);
    expect((await refusal(importSpreadsheet(ctx, 'staff', 'old.xlsx', ole))).message).toMatch(
      /^old\.xlsx is an old Excel \(\.xls\) workbook or a password-protected one/,
    );
    const good = await workbook([STAFF_HEADER, ['ST-1', 'Amira Khan', 'OT']]);
    const cut = good.subarray(0, Math.floor(good.length / 2));
    expect((await refusal(importSpreadsheet(ctx, 'staff', 'cut.xlsx', cut))).message).toMatch(/^cut\.xlsx is damaged: .*cannot be read\.$/);
    const zip = new JSZip();
    zip.file('hello.txt', 'hi');
    const plainZip = Buffer.from(await zip.generateAsync({ type: 'nodebuffer' }));
    expect((await refusal(importSpreadsheet(ctx, 'staff', 'z.xlsx', plainZip))).message).toBe(
      'z.xlsx is a zip file but not an Excel workbook (it has no xl/workbook.xml).',
    );
    // A workbook whose parts are garbage: Excel's own reader fails, and its failure is named.
    const junk = new JSZip();
    junk.file('[Content_Types].xml', '<Types');
    junk.file('xl/workbook.xml', '<<<not xml');
    junk.file('xl/_rels/workbook.xml.rels', '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml" Type="x/worksheet"/></Relationships>');
    junk.file('xl/worksheets/sheet1.xml', '<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>99</v></c></row></sheetData>');
    const e = await refusal(importSpreadsheet(ctx, 'staff', 'junk.xlsx', Buffer.from(await junk.generateAsync({ type: 'nodebuffer' }))));
    expect(e.code).toBe('invalid');
    expect(e.message).toMatch(/^junk\.xlsx (could not be read as an Excel workbook|has no rows)/);
    expect(loadSnapshot(ctx).staff).toHaveLength(0);
  });

  it('counts rows before parsing: 100,001 records are refused, 100,000 would be read', async () => {
    const { ctx } = newVault();
    const lines = ['ref,name', ...Array.from({ length: IMPORT_LIMITS.sheetRows + 1 }, (_, i) => `S-${i},Person ${i}`)];
    const e = await refusal(importSpreadsheet(ctx, 'staff', 'big.csv', Buffer.from(lines.join('\r\n'))));
    expect(e.message).toBe('big.csv has 100,001 rows; a spreadsheet can have at most 100,000 (split it into several files).');
    // A quoted cell with line breaks is one record, not three.
    const quoted = Buffer.from('ref,name,soleWorkingSafeguards\nST-1,Amira,"line one\nline two\nline three"\n');
    expect((await importSpreadsheet(ctx, 'staff', 'q.csv', quoted)).added.staff).toBe(1);
    expect(loadSnapshot(ctx).staff[0].soleWorkingSafeguards).toBe('line one\nline two\nline three');
  });

  it('refuses a file over 50 MB by its length, without reading it', () => {
    const file = path.join(tempDir(), 'huge.xlsx');
    const fd = openSync(file, 'w');
    ftruncateSync(fd, 60 * 1024 * 1024); // sparse: 60 MB long, nothing written
    closeSync(fd);
    expect(() => readImportFile(file, 'sheet')).toThrow('huge.xlsx is 60.0 MB; a spreadsheet can be at most 50.0 MB.');
    const dir = tempDir();
    expect(() => readImportFile(dir, 'firm')).toThrow(/is not a file/);
    expect(() => readImportFile(path.join(dir, 'gone.json'), 'firm')).toThrow('gone.json cannot be read: there is no file there.');
  });

  it('refuses a header that names a column twice, naming both columns', async () => {
    const { ctx } = newVault();
    const e = await refusal(importSpreadsheet(ctx, 'staff', 'twice.csv', Buffer.from('ref,name,ref\nST-1,Amira,ST-2\n')));
    expect(e.message).toBe('twice.csv names the column ref twice (columns A and C).');
  });
});

describe('spreadsheets: text encodings', () => {
  const NAMES = 'ref,name,profession\nST-1,Zoë Brontë,Thérapeute — “senior”\nST-2,Siân Ó Súilleabháin,Physio £5m\n';

  it('reads a CSV Excel saved in Windows-1252 (accents, curly quotes, £) correctly', async () => {
    const { ctx } = newVault();
    const cp1252 = Buffer.from(
      NAMES.replace(/[“”—]/g, (c) => ({ '“': '\u0093', '”': '\u0094', '—': '\u0097' })[c]!),
      'latin1', // every other character of these lines is the same in Latin-1 and Windows-1252
    );
    expect(cp1252.includes(0x93)).toBe(true);
    await importSpreadsheet(ctx, 'staff', 'staff.csv', cp1252);
    const [a, b] = loadSnapshot(ctx).staff;
    expect([a.name, a.profession, b.name, b.profession]).toEqual(['Zoë Brontë', 'Thérapeute — “senior”', 'Siân Ó Súilleabháin', 'Physio £5m']);
  });

  it('reads UTF-16 with a BOM (LE and BE), without one, and tab-separated "Unicode Text"', async () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(NAMES, 'utf16le')]);
    const be = Buffer.from(le).swap16();
    const noBom = Buffer.from(NAMES, 'utf16le');
    const tabs = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(NAMES.replace(/,/g, '\t'), 'utf16le')]);
    for (const [label, bytes] of [
      ['LE', le],
      ['BE', be],
      ['no BOM', noBom],
      ['tabs', tabs],
    ] as const) {
      const { ctx } = newVault();
      await importSpreadsheet(ctx, 'staff', `staff-${label}.csv`, bytes);
      expect(
        loadSnapshot(ctx).staff.map((s) => s.name),
        label,
      ).toEqual(['Zoë Brontë', 'Siân Ó Súilleabháin']);
    }
  });

  it('refuses bytes that are neither UTF-8 nor Windows-1252, and binary, naming the byte', async () => {
    const { ctx } = newVault();
    const bad = Buffer.concat([Buffer.from('ref,name\nST-1,A'), Buffer.from([0x81]), Buffer.from('\n')]);
    expect((await refusal(importSpreadsheet(ctx, 'staff', 'odd.csv', bad))).message).toBe(
      'odd.csv is neither UTF-8 nor Windows-1252 text: byte 16 is 0x81, which neither uses. Save it from Excel as "CSV UTF-8".',
    );
    const bin = Buffer.from([0x72, 0x65, 0x66, 0x0a, 0x01, 0x00, 0x00, 0x05, 0xff, 0x13, 0x22, 0x00, 0x41, 0x42, 0x43, 0x44]);
    expect((await refusal(importSpreadsheet(ctx, 'staff', 'bin.csv', bin))).message).toMatch(
      /^bin\.csv is not a text file: it holds a zero byte at byte \d+\.$/,
    );
    const zip = await workbook([STAFF_HEADER]);
    expect((await refusal(importSpreadsheet(ctx, 'staff', 'renamed.csv', zip))).message).toMatch(/^renamed\.csv is an Excel workbook/);
  });
});

describe('firm files', () => {
  it('names a JSON error by line and column, and what the file is when it is not one', () => {
    const broken = Buffer.from('{\n  "format": "caseproof-firm",\n  "version": 1\n  "staff": []\n}');
    expect(() => parseFirmFileBytes('firm.json', broken)).toThrow("firm.json is not valid JSON at line 4, column 3: Expected ',' or '}' after property value.");
    expect(() => parseFirmFileBytes('cut.json', Buffer.from('{"format": "caseproof-firm", "staff": [{'))).toThrow(
      'cut.json is not valid JSON: it ends part-way through (was it cut short?).',
    );
    expect(() => parseFirmFileBytes('list.json', Buffer.from('[1,2]'))).toThrow(
      'list.json is not a firm file: it holds a list, not an object with "format": "caseproof-firm".',
    );
    expect(() => parseFirmFileBytes('pack.json', Buffer.from('PK\u0003\u0004rest'))).toThrow(/^pack\.json is a zip file/);
    expect(() => parseFirmFileBytes('latin.json', Buffer.from([0x7b, 0x22, 0xe9, 0x22, 0x3a, 0x31, 0x7d]))).toThrow(
      'latin.json is not UTF-8 text: byte 3 (0xE9) does not fit. Save it as UTF-8.',
    );
  });

  it('reads a UTF-16 firm file (as some editors save one)', () => {
    const json = JSON.stringify({ format: 'caseproof-firm', version: 1, firm: { name: 'Zoë & Co', codeOfConductSignatory: true } });
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(json, 'utf16le')]);
    expect(parseFirmFileBytes('firm.json', bytes)).toMatchObject({ firm: { name: 'Zoë & Co' } });
  });

  it('refuses a firm file over 500 MB by its length', () => {
    const file = path.join(tempDir(), 'big.json');
    writeFileSync(file, '');
    const fd = openSync(file, 'r+');
    ftruncateSync(fd, 501 * 1024 * 1024);
    closeSync(fd);
    expect(() => readImportFile(file, 'firm')).toThrow('big.json is 501.0 MB; a firm file can be at most 500.0 MB.');
  });
});

describe('evidence files: content and name must agree', () => {
  const PDF = Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
  const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);

  function recordIn() {
    const { ctx } = newVault();
    createStaff(ctx, { ref: 'A-1', name: 'Amira Khan' });
    return { ctx, id: addRecord(ctx, { type: 'staff', ref: 'A-1' }, 'dbs', { level: 'enhanced', issuedOn: '2026-10-01' }).id };
  }

  it('refuses x.html that starts with %PDF, and a PDF named .png, storing nothing', async () => {
    const { ctx, id } = recordIn();
    expect((await refusal(() => attachEvidence(ctx, id, { name: 'x.html', bytes: PDF }))).message).toBe(
      'x.html is a PDF but its name has .html; only a file whose name ends .pdf is accepted as a PDF. Rename it and attach it again.',
    );
    expect((await refusal(() => attachEvidence(ctx, id, { name: 'scan.png', bytes: PDF }))).message).toMatch(/^scan\.png is a PDF but its name has \.png/);
    expect((await refusal(() => attachEvidence(ctx, id, { name: 'scan', bytes: PNG }))).message).toMatch(/^scan is a PNG image but its name has no extension/);
    expect(attachEvidence(ctx, id, { name: 'DBS Certificate.PDF', bytes: PDF }).mediaType).toBe('application/pdf');
    expect(attachEvidence(ctx, id, { name: 'photo.png', bytes: PNG }).mediaType).toBe('image/png');
    expect(loadSnapshot(ctx).staff[0].dbs[0].evidence.map((f) => f.name)).toEqual(['DBS Certificate.PDF', 'photo.png']);
  });

  it('accepts a Word .docx only when it is a Word document, not any zip', async () => {
    const { ctx, id } = recordIn();
    const xlsx = await workbook([['a']]);
    expect((await refusal(() => attachEvidence(ctx, id, { name: 'letter.docx', bytes: xlsx }))).message).toMatch(/^letter\.docx is not a PDF, an image/);
    const docx = new JSZip();
    docx.file('[Content_Types].xml', '<Types/>');
    docx.file('word/document.xml', '<w:document/>');
    const bytes = Buffer.from(await docx.generateAsync({ type: 'nodebuffer' }));
    expect(attachEvidence(ctx, id, { name: 'letter.docx', bytes }).mediaType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  });

  it('refuses names with nothing visible or with bidirectional overrides', async () => {
    const { ctx, id } = recordIn();
    for (const name of ['\u200B\u200B.pdf', '\u3164.pdf', ' \u2800 .pdf', '\u200E\u200F']) {
      const e = await refusal(() => attachEvidence(ctx, id, { name, bytes: PDF }));
      expect(e.message, JSON.stringify(name)).toMatch(/has no visible characters before its extension; rename the file\.$/);
    }
    // "cv‮fdp.exe" shows as "cvexe.pdf": the override is refused by name.
    const e = await refusal(() => attachEvidence(ctx, id, { name: 'cv\u202Efdp.pdf', bytes: PDF }));
    expect(e.message).toMatch(/holds a character \(U\+202E\) that changes the direction text is shown in/);
    expect((await refusal(() => attachEvidence(ctx, id, { name: 'a\u2067b.pdf', bytes: PDF }))).message).toMatch(/U\+2067/);
    expect(loadSnapshot(ctx).staff[0].dbs[0].evidence).toHaveLength(0);
  });
});
