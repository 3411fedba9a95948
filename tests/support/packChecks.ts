// Reading a generated Legal Panel pack for Morgan Ellis (packFirm.ts) back and checking what an
// instructing party would read: the cover, every checklist item and its status word, the CPD rows,
// the evidence fingerprints and the page-number fields. Shared by the service, CLI and browser tests.
import { expect } from 'vitest';
import { ukDate } from '../../electron/contract/dates';
import { type DocxContents, readDocx, tables } from './docx';
import { EVIDENCE, FIRM_NAME, MORGAN, MORGAN_CPD, sha256 } from './packFirm';
import { sampleFirm } from './vaults';

/** The ten Legal Panel questions (a distinctive part of each) in the order the pack asks them. */
export const CHECKLIST = [
  /signed up to the MTSP Code of Conduct/,
  /two years of relevant case-management experience/,
  /indemnity insurance of at least £5,000,000/,
  /CPD over the last two years/,
  /open and active cases/,
  /member of their professional body/,
  /current DBS certificate/,
  /peer reviewed/,
  /sole practitioner/,
  /handing a case over/,
];

/** The body rows of the first table whose header row starts with `header`. */
export function rowsUnder(doc: DocxContents, header: string[]): string[][] {
  const table = tables(doc.documentXml).find((t) => header.every((h, i) => t[0]?.[i] === h));
  expect(table, `a table headed ${header.join(' | ')}`).toBeDefined();
  return table!.slice(1);
}

/** Every evidence file of Morgan's records with its SHA-256, as the pack should list them. */
export function morganFiles(): { name: string; sha256: string }[] {
  const sample = sampleFirm().staff.find((s: { ref: string }) => s.ref === MORGAN.ref);
  const fromSample = (list: { evidence?: { name: string; base64: string }[] }[]) =>
    list.flatMap((r) => r.evidence ?? []).map((e) => ({ name: e.name, sha256: sha256(Buffer.from(e.base64, 'base64')) }));
  return [
    ...fromSample(sample.indemnity),
    { name: 'indemnity-schedule-2026.png', sha256: sha256(EVIDENCE.schedule) },
    { name: 'vocational-rehab-certificate.png', sha256: sha256(EVIDENCE.certificate) },
    ...fromSample(sample.dbs),
    { name: 'dbs-status-check.pdf', sha256: sha256(EVIDENCE.dbsLetter) },
  ];
}

export interface MorganPackExpect {
  asOf: string;
  asOfLong: string;
  recipient?: string;
  /** The status word expected for each of the ten questions. */
  words: string[];
}

/** Reads Morgan Ellis's pack and checks it; returns the read-back document for more checks. */
export async function expectMorganPack(bytes: Uint8Array, e: MorganPackExpect): Promise<DocxContents> {
  const doc = await readDocx(bytes);
  const cover = doc.text.slice(0, doc.text.indexOf('1  Summary'));
  expect(cover).toContain('Legal Panel evidence pack');
  expect(cover).toContain(MORGAN.name);
  expect(cover).toContain(FIRM_NAME);
  expect(cover).toContain(e.asOfLong);
  if (e.recipient) expect(cover).toContain(e.recipient);
  expect(doc.headerText).toContain(FIRM_NAME);

  const checklist = rowsUnder(doc, ['#', 'Legal Panel question', 'Status']);
  expect(checklist).toHaveLength(10);
  checklist.forEach((row, i) => {
    expect(row[0]).toBe(String(i + 1));
    expect(row[1]).toMatch(CHECKLIST[i]);
    expect(row[2], row[1]).toBe(e.words[i]);
    expect(row[3].length, `reasons for ${row[1]}`).toBeGreaterThan(10);
  });

  const cpd = rowsUnder(doc, ['Date', 'Topic', 'Provider', 'Hours', 'Reflection']);
  expect(cpd.map((r) => r[0])).toEqual(MORGAN_CPD.map((c) => ukDate(c.date)));
  cpd.forEach((r, i) => {
    expect(r[1].split('\n')[0]).toBe(MORGAN_CPD[i].topic);
    expect(r[2]).toBe(MORGAN_CPD[i].provider);
    expect(r[3]).toBe(String(MORGAN_CPD[i].hours));
    expect(r[4]).toBe(MORGAN_CPD[i].reflection);
  });
  expect(doc.text).toContain(`Total hours: ${MORGAN_CPD.reduce((n, c) => n + c.hours, 0)}`);

  const files = rowsUnder(doc, ['Ref', 'Record', 'File', 'Added', 'SHA-256 fingerprint']);
  const expected = morganFiles();
  expect(files.map((r) => r[2]).sort()).toEqual(expected.map((f) => f.name).sort());
  for (const f of expected) {
    const row = files.find((r) => r[2] === f.name)!;
    expect(row[4], f.name).toBe(f.sha256);
  }
  // Every PNG is drawn in the appendix (the PDF is listed only).
  expect(doc.media.length).toBe(expected.filter((f) => f.name.endsWith('.png')).length);

  const footer = doc.footerXml.join('');
  expect(footer).toMatch(/<w:instrText[^>]*>PAGE<\/w:instrText>/);
  expect(footer).toMatch(/<w:instrText[^>]*>NUMPAGES<\/w:instrText>/);
  expect(doc.footerText).toContain(`as at ${ukDate(e.asOf)}`);
  return doc;
}
