// The Word packs, read back: built from the Riverside sample plus a busy case manager
// (100 CPD entries, 10 PNG attachments), unzipped, and checked on the XML text.
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ANSWER_ORDER, STATUS_WORDS, type RuleResult, type RuleStatus } from '../../electron/contract/compliance';
import type { RuleId } from '../../electron/contract/rules';
import { sentence } from '../../electron/services/packs/answers';
import { resultOf } from '../support/builders';
import { plusMonths, ukDate } from '../../electron/contract/dates';
import { AppError } from '../../electron/services/errors';
import { fitToWidth, fitWithin, imageInfo } from '../../electron/services/packs/images';
import { buildFirmPack } from '../../electron/services/packs/firmPack';
import { sha256Hex } from '../../electron/services/packs/render';
import { buildStaffPack } from '../../electron/services/packs/staffPack';
import { buildSupplierPack } from '../../electron/services/packs/supplierPack';
import type { PackInput } from '../../electron/services/packs/types';
import { type DocxContents, readDocx, tableRows, tables } from '../support/docx';
import { BUSY_SUPPLIER_REF, HEAVY_NAME, HEAVY_REF, type PackFixture, pad3, packFixture } from '../support/packFixtures';
import { makePng } from '../support/png';

let fx: PackFixture;
let base: PackInput;
beforeAll(() => {
  fx = packFixture();
  base = {
    snapshot: fx.snapshot,
    report: fx.report,
    asOf: fx.asOf,
    recipient: { name: 'Fenwick Law', kind: 'solicitor' },
    readEvidence: fx.readEvidence,
  };
});
afterEach(() => {
  vi.useRealTimers();
});

const heavy = () => fx.snapshot.staff.find((s) => s.ref === HEAVY_REF)!;
const staffPack = async (over: Partial<PackInput> = {}) => readDocx(await buildStaffPack({ ...base, ...over, staffRef: HEAVY_REF }));

/** The expected word for one or more rules: the most severe status among their results (an exemption outranks met). */
function worstWord(statuses: readonly RuleStatus[]): string {
  return STATUS_WORDS[statuses.reduce<RuleStatus>((a, b) => (ANSWER_ORDER.indexOf(b) < ANSWER_ORDER.indexOf(a) ? b : a), 'not_applicable')];
}
function expectedWord(results: readonly RuleResult[], ids: RuleId[]): string {
  return worstWord(ids.map((id) => results.find((r) => r.rule === id)!.status));
}

/** The body rows of the first table whose header row starts with `header`. */
function rowsUnder(doc: DocxContents, header: string[]): string[][] {
  const table = tables(doc.documentXml).find((t) => header.every((h, i) => t[0]?.[i] === h));
  expect(table, `a table headed ${header.join(' | ')}`).toBeDefined();
  return table!.slice(1);
}

describe('Legal Panel evidence pack (case manager)', () => {
  let doc: DocxContents;
  beforeAll(async () => {
    doc = await staffPack();
  });

  it('names the case manager, the firm, the recipient and the date on the cover', () => {
    const cover = doc.text.slice(0, doc.text.indexOf('1  Summary'));
    expect(cover).toContain('Legal Panel evidence pack');
    expect(cover).toContain(HEAVY_NAME);
    expect(cover).toContain('Registered nurse');
    expect(cover).toContain(fx.snapshot.firm.name);
    expect(cover).toContain('Fenwick Law (solicitor)');
    expect(cover).toContain('24 November 2026');
    expect(cover).toMatch(/Confidential\./);
  });

  it('answers all ten Legal Panel questions with the status word of the mapped rules', () => {
    const staff = fx.report.staff.find((s) => s.ref === HEAVY_REF)!.rules;
    const firm = fx.report.firm.rules;
    const expected: [RegExp, readonly RuleResult[], RuleId[]][] = [
      [/Code of Conduct/, firm, ['ORG-CODE-SIGNATORY']],
      [/two years of relevant case-management experience/, staff, ['STAFF-EXPERIENCE-CM', 'STAFF-EXPERIENCE-QUAL']],
      [/indemnity insurance of at least £5,000,000/, staff, ['STAFF-INDEMNITY']],
      [/CPD over the last two years/, staff, ['STAFF-CPD-2Y']],
      [/open and active cases/, staff, ['STAFF-CASELOAD']],
      [/professional body/, staff, ['STAFF-REGISTRATION']],
      [/DBS certificate/, staff, ['STAFF-DBS']],
      [/peer reviewed/, staff, ['STAFF-PEER-REVIEW', 'STAFF-PEER-REVIEW-SCOPE']],
      [/sole practitioner/, staff, ['STAFF-SOLE-PRACTITIONER']],
      [/handing a case over/, firm, ['ORG-POLICY-HANDOVER']],
    ];
    const rows = rowsUnder(doc, ['#', 'Legal Panel question', 'Status']);
    expect(rows).toHaveLength(10);
    rows.forEach((row, i) => {
      const [re, results, ids] = expected[i];
      expect(row[0]).toBe(String(i + 1));
      expect(row[1]).toMatch(re);
      expect(row[2], row[1]).toBe(expectedWord(results, ids));
      for (const id of ids) expect(row[3]).toContain(results.find((r) => r.rule === id)!.reason.slice(0, 30));
    });
    // The fixture is built so the words differ: peer review lapsed, DBS renewal due soon.
    const words = rows.map((r) => r[2]);
    expect(words).toContain('Not met');
    expect(words).toContain('Due soon');
    expect(words).toContain('Met');
  });

  it('lists the CPD of the last two years only, newest first, with UK dates, hours and reflections', () => {
    const from = plusMonths(fx.asOf, -24);
    const inWindow = heavy()
      .cpd.filter((e) => e.date > from && e.date <= fx.asOf)
      .sort((a, b) => (a.date < b.date ? 1 : -1));
    const older = heavy().cpd.filter((e) => e.date <= from);
    expect(inWindow.length).toBeGreaterThan(40);
    expect(older.length).toBeGreaterThan(40);

    const rows = rowsUnder(doc, ['Date', 'Topic', 'Provider', 'Hours', 'Reflection']);
    expect(rows.map((r) => r[0])).toEqual(inWindow.map((e) => ukDate(e.date)));
    rows.forEach((r, i) => {
      expect(r[0]).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
      expect(r[1].split('\n')[0]).toBe(inWindow[i].topic);
      expect(r[3]).toBe(String(inWindow[i].hours));
      expect(r[4]).toBe(inWindow[i].reflection);
    });
    for (const e of older) expect(doc.text).not.toContain(e.topic.slice(0, 9));
    const total = inWindow.reduce((n, e) => n + (e.hours ?? 0), 0);
    expect(doc.text).toContain(`Total hours: ${total}`);
  });

  it('shows indemnity, registration, DBS, peer review, training and caseload detail', () => {
    expect(rowsUnder(doc, ['Insurer', 'Policy number', 'Cover'])).toEqual([
      ['Hiscox', 'PI-2026-0042', '£5,000,000', '01/04/2026', '31/03/2027', 'The case manager'],
      ['Hiscox', 'PI-2025-0042', '£5,000,000', '01/04/2025', '31/03/2026', 'The case manager'],
    ]);
    expect(rowsUnder(doc, ['Professional body'])).toEqual([['NMC', '12A3456E', '30/04/2027', '01/10/2026', 'None recorded']]);
    expect(rowsUnder(doc, ['Level', 'Certificate number'])).toEqual([['Enhanced', '001234567890', '10/01/2024', 'No', '—', '—']]); // the last: who saw the original (checkedBy), not recorded here
    expect(rowsUnder(doc, ['Date', 'Reviewer'])).toEqual([
      ['15/03/2026', 'Sam Okafor', '3', 'Decision making, goal setting'],
      ['20/09/2025', 'Sam Okafor', '2', 'Interventions, communications'],
    ]);
    // v2: a course is named by its title, else its category's one name, and says which category it counts as
    expect(rowsUnder(doc, ['Course', 'Counts as', 'Completed'])).toContainEqual(['Safeguarding', 'Safeguarding', '01/05/2024', 'Skills for Care', 'Level 3']);
    // Caseload: 3 open-active of its own + 1 taken over, 1 monitoring, 4 days a week.
    expect(doc.text).toContain('On 24/11/2026: 4 open and active, 1 monitoring, 4 days a week.');
    expect(rowsUnder(doc, ['Injury type', 'Open cases'])).toEqual([
      ['Brain injury', '2'],
      ['Orthopaedic', '1'],
      ['Polytrauma', '1'],
      ['Spinal cord injury', '1'],
    ]);
    expect(rowsUnder(doc, ['Funding route', 'Open cases'])).toContainEqual(['Joint instruction', '2']);
    expect(doc.text).toContain('Taken over from Morgan Ellis');
    expect(doc.text).toContain('Monthly clinical supervision');
  });

  it('has a rule-by-rule table with ids, sources, status words and reasons', () => {
    const rows = rowsUnder(doc, ['Rule', 'Source', 'Status', 'Reason']);
    const staff = fx.report.staff.find((s) => s.ref === HEAVY_REF)!.rules;
    expect(rows).toHaveLength(staff.length + 2);
    for (const r of staff) {
      const row = rows.find((x) => x[0].startsWith(r.rule + '\n'))!;
      expect(row, r.rule).toBeDefined();
      expect(row[1]).toMatch(/MTSP|Ethics/);
      expect(row[2]).toBe(STATUS_WORDS[r.status]);
    }
  });

  it('lists every attached file with its SHA-256 and embeds the 10 images', () => {
    const files = [heavy().indemnity, heavy().cpd, heavy().registrations, heavy().dbs, heavy().training].flatMap((records) =>
      records.flatMap((r) => r.evidence),
    );
    expect(files).toHaveLength(11);
    const rows = rowsUnder(doc, ['Ref', 'Record', 'File', 'Added', 'SHA-256 fingerprint']);
    expect(rows).toHaveLength(11);
    for (const f of files) {
      const row = rows.find((r) => r[2] === f.name)!;
      expect(row, f.name).toBeDefined();
      expect(row[3]).toBe('01/10/2026');
      expect(row[4]).toBe(f.sha256);
      expect(f.sha256).toBe(sha256Hex(fx.store.files.get(f.id)!));
    }
    expect(doc.media).toHaveLength(10);
    expect(doc.media.every((m) => m.endsWith('.png'))).toBe(true);
    expect(doc.documentXml.match(/<wp:docPr /g)).toHaveLength(10);
    // The PDF is listed but not drawn.
    expect(doc.text).toContain('cpd-notes.pdf');
    expect(doc.text).toContain('listed above but not reproduced');
  });

  it('scales images to the page width, keeping the aspect ratio', () => {
    // 240 x 160 pixels drawn 642 pixels wide (17 cm) = 6115350 EMU; height in proportion.
    const extents = [...doc.documentXml.matchAll(/<wp:extent cx="(\d+)" cy="(\d+)"\/>/g)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(extents).toHaveLength(10);
    for (const [cx, cy] of extents) {
      expect(cx).toBe(642 * 9525);
      expect(cy / cx).toBeCloseTo(160 / 240, 2);
    }
  });

  it('puts the firm name, "Confidential" and Page X of Y fields in the header and footer', () => {
    expect(doc.headerText).toContain(fx.snapshot.firm.name);
    expect(doc.headerText).toContain('Confidential');
    const footer = doc.footerXml.join('');
    expect(footer).toMatch(/<w:instrText[^>]*>PAGE<\/w:instrText>/);
    expect(footer).toMatch(/<w:instrText[^>]*>NUMPAGES<\/w:instrText>/);
    expect(doc.footerText).toContain('Page  of ');
    expect(doc.footerText).toContain(`${HEAVY_NAME} · as at 24/11/2026`);
  });

  it('leaves reflections out when asked', async () => {
    const without = await staffPack({ options: { includeReflections: false } });
    expect(without.text).not.toContain('Reflection 001');
    expect(without.text).not.toMatch(/^Reflection$/m);
    expect(without.text).toContain(`Topic ${pad3(1)}`);
  });

  it('leaves out the appendix, images, training and caseload when asked', async () => {
    const noImages = await staffPack({ options: { embedImages: false } });
    expect(noImages.media).toHaveLength(0);
    expect(noImages.text).toContain(heavy().dbs[0].evidence[0].sha256);

    const slim = await staffPack({ options: { includeEvidenceAppendix: false, includeTraining: false, includeCaseload: false } });
    expect(slim.media).toHaveLength(0);
    expect(slim.text).not.toContain('Appendix: evidence files');
    expect(slim.text).not.toContain(heavy().dbs[0].evidence[0].sha256);
    expect(slim.text).not.toContain('Mandatory training');
    expect(slim.text).not.toContain('Injury type');
    // The checklist still answers the caseload question.
    expect(slim.text).toContain('How many open and active cases');
  });

  it('uses the firm template: logo, colour, address and footer line', async () => {
    const logo = makePng(300, 100, [10, 90, 40]);
    const styled = await staffPack({
      template: {
        logo: { mediaType: 'image/png', base64: Buffer.from(logo).toString('base64') },
        primaryColour: '#0B6E4F',
        addressBlock: 'Unit 2, Riverside Court\nYork YO1 9ZZ',
        footerText: 'Registered in England no. 01234567',
      },
    });
    expect(styled.media).toHaveLength(11);
    expect(styled.documentXml).toContain('w:fill="0B6E4F"');
    expect(styled.text).toContain('Unit 2, Riverside Court\nYork YO1 9ZZ');
    expect(styled.footerText).toContain('Registered in England no. 01234567');
    const ids = [...styled.documentXml.matchAll(/<wp:docPr id="(\d+)"/g)].map((m) => Number(m[1]));
    expect(ids).toEqual(Array.from({ length: 11 }, (_, i) => i + 1));
  });

  it('refuses what it cannot build honestly', async () => {
    const code = (p: Promise<unknown>) =>
      p.then(
        () => 'built',
        (e: unknown) => (e instanceof AppError ? e.code : String(e)),
      );
    expect(await code(buildStaffPack({ ...base, staffRef: 'NOPE' }))).toBe('not-found');
    expect(await code(buildStaffPack({ ...base, staffRef: HEAVY_REF, asOf: '2026-11-25' }))).toBe('invalid');
    expect(await code(buildStaffPack({ ...base, staffRef: HEAVY_REF, template: { primaryColour: 'blue' } }))).toBe('invalid');
    expect(await code(buildStaffPack({ ...base, staffRef: HEAVY_REF, template: { logo: { mediaType: 'image/jpeg', base64: 'aGVsbG8=' } } }))).toBe('invalid');
    // A file whose bytes no longer match the recorded fingerprint is not drawn into a pack.
    const tampered = (id: number) => (id === heavy().dbs[0].evidence[0].id ? makePng(10, 10, [0, 0, 0]) : fx.readEvidence(id));
    expect(await code(buildStaffPack({ ...base, staffRef: HEAVY_REF, readEvidence: tampered }))).toBe('conflict');
    const broken = () => {
      throw new Error('disk unplugged');
    };
    expect(await code(buildStaffPack({ ...base, staffRef: HEAVY_REF, readEvidence: broken }))).toBe('unavailable');
  });
});

describe('Supplier vetting report', () => {
  let doc: DocxContents;
  beforeAll(async () => {
    doc = await readDocx(await buildSupplierPack({ ...base, supplierRef: BUSY_SUPPLIER_REF }));
  });

  it('answers Governance F i-vii, DBS, B, C and A with status words, reasons and files', () => {
    const results = fx.report.suppliers.find((s) => s.ref === BUSY_SUPPLIER_REF)!.rules;
    const expected: [string, string][] = [
      ['F(i)', 'SUP-INDEMNITY'],
      ['F(ii)', 'SUP-QUALIFICATION'],
      ['F(iii)', 'SUP-EXPERIENCE'],
      ['F(iv)', 'SUP-SAFEGUARDING'],
      ['F(v)', 'SUP-REGULATORY'],
      ['F(vi)', 'SUP-FITNESS-TO-PRACTISE'],
      ['F(vii)', 'SUP-SERVICE-COVERAGE'],
      ['DBS', 'SUP-DBS'],
      ['B', 'SUP-SOLE-PRACTITIONER'],
      ['C', 'SUP-EVIDENCE-BASED'],
      ['A', 'SUP-VETTING-DECISION'],
    ];
    const rows = rowsUnder(doc, ['Item', 'The supplier…', 'Status', 'Reason', 'Evidence files']);
    expect(rows.map((r) => r[0])).toEqual(expected.map((e) => e[0]));
    rows.forEach((row, i) => {
      const result = results.find((r) => r.rule === expected[i][1])!;
      expect(row[2]).toBe(STATUS_WORDS[result.status]);
      expect(row[3]).toContain(result.reason.slice(0, 25));
    });
    expect(rows[1][4]).toBe('E1 cqc-registration.png');
  });

  it('shows the supplier details and the whole decision history, newest first', () => {
    expect(doc.text).toContain('Moorside Support Services');
    expect(doc.text).toContain('Leeds, Bradford and Harrogate');
    expect(doc.text).toContain('NICE NG211 and the Skills for Care standards');
    expect(rowsUnder(doc, ['Decision', 'By', 'On', 'Next review', 'Note'])).toEqual([
      ['Approved', 'Morgan Ellis', '20/04/2026', '20/04/2027', 'DBS renewals seen.'],
      ['Approved with conditions', 'Kim Byrne', '05/10/2025', '05/04/2026', 'Approved on condition that two DBS checks are renewed.'],
      ['Approved', 'Kim Byrne', '01/10/2024', '01/10/2025', '—'],
    ]);
  });

  it('ends with the evidence appendix and the embedded image', () => {
    const file = fx.snapshot.suppliers.find((s) => s.ref === BUSY_SUPPLIER_REF)!.qualifications[0].evidence[0];
    expect(rowsUnder(doc, ['Ref', 'Record', 'File'])).toEqual([['E1', 'Qualification: CQC 1-234567890', 'cqc-registration.png', '01/10/2026', file.sha256]]);
    expect(doc.media).toHaveLength(1);
    expect(doc.headerText).toContain('Confidential');
  });
});

describe('Organisation pack', () => {
  let doc: DocxContents;
  beforeAll(async () => {
    doc = await readDocx(await buildFirmPack(base));
  });

  it('answers Organisation A-L and Governance D-E from the rules (v2: E and J have rules of their own)', () => {
    const org = rowsUnder(doc, ['Item', 'What the code asks', 'Status', 'How it is evidenced']);
    expect(org.map((r) => r[0])).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L']);
    const byItem = Object.fromEntries(org.map((r) => [r[0], r]));
    expect(byItem.E[2]).toBe(expectedWord(fx.report.firm.rules, ['ORG-SUPPLIERS-PAID']));
    expect(byItem.J[2]).toBe(expectedWord(fx.report.firm.rules, ['ORG-OUTCOMES']));
    expect(byItem.E[3]).toBe(sentence(resultOf(fx.report.firm, 'ORG-SUPPLIERS-PAID').reason));

    const worstAcrossStaff = (...rules: RuleId[]) =>
      worstWord(fx.report.staff.flatMap((s) => rules.map((rule) => s.rules.find((r) => r.rule === rule)!.status)));
    expect(byItem.A[2]).toBe(worstAcrossStaff('STAFF-INDEMNITY'));
    // v2: item D is answered by the peer review and its scope
    expect(byItem.D[2]).toBe(worstAcrossStaff('STAFF-PEER-REVIEW', 'STAFF-PEER-REVIEW-SCOPE'));
    expect(byItem.I[2]).toBe(expectedWord(fx.report.firm.rules, ['ORG-POLICY-HANDOVER']));
    expect(byItem.K[2]).toBe(expectedWord(fx.report.firm.rules, ['ORG-POLICY-WHISTLEBLOWING', 'ORG-POLICY-COMPLAINTS']));
    expect(byItem.A[3]).toMatch(/met by \d of 3 case managers/);

    const rows = tableRows(doc.documentXml);
    const govD = rows.find((r) => r[0] === 'D' && /lone-working/.test(r[1]))!;
    const govE = rows.find((r) => r[0] === 'E' && /whistleblowing process/.test(r[1]))!;
    expect(govD[2]).toBe(expectedWord(fx.report.firm.rules, ['ORG-POLICY-LONE-WORKING']));
    expect(govE[2]).toBe(expectedWord(fx.report.firm.rules, ['ORG-POLICY-WHISTLEBLOWING']));
  });

  it('lists the policies with review dates and gives each case manager one line', () => {
    expect(rowsUnder(doc, ['Area', 'Policy', 'Last reviewed', 'Review due', 'Status'])).toContainEqual([
      'Case handover and continuity of care',
      'Handover and continuity of care',
      '01/05/2026',
      '01/05/2027',
      expectedWord(fx.report.firm.rules, ['ORG-POLICY-HANDOVER']),
    ]);
    const people = rowsUnder(doc, ['Name', 'Profession', 'Overall status', 'Rules not met', 'Rules due soon']);
    expect(people).toHaveLength(fx.snapshot.staff.length);
    for (const s of fx.report.staff) {
      const name = fx.snapshot.staff.find((x) => x.ref === s.ref)!.name;
      const row = people.find((r) => r[0] === name)!;
      expect(row, name).toBeDefined();
      expect(row[2]).toBe(STATUS_WORDS[s.status]);
      expect(row[3]).toBe(String(s.rules.filter((r) => r.status === 'not_met').length));
      expect(row[4]).toBe(String(s.rules.filter((r) => r.status === 'due_soon').length));
    }
  });

  it('shows the firm-wide caseload', () => {
    expect(doc.text).toContain('Caseload across the firm');
    expect(doc.text).toMatch(/On 24\/11\/2026: 5 open and active, 1 monitoring, 12 days a week\./);
    expect(rowsUnder(doc, ['Case manager', 'Open and active'])).toContainEqual([HEAVY_NAME, '4', '1', '4', '1']);
  });
});

describe('deterministic output', () => {
  it('gives byte-identical files for the same inputs, whatever the clock says', async () => {
    const first = await buildStaffPack({ ...base, staffRef: HEAVY_REF });
    await buildFirmPack(base); // moves docx's process-wide counters on
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2031-07-15T13:45:12Z'));
    const second = await buildStaffPack({ ...base, staffRef: HEAVY_REF });
    expect(sha256Hex(second)).toBe(sha256Hex(first));
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);

    const supplierA = await buildSupplierPack({ ...base, supplierRef: BUSY_SUPPLIER_REF });
    const firmA = await buildFirmPack(base);
    vi.setSystemTime(new Date('2032-01-01T00:00:01Z'));
    expect(sha256Hex(await buildSupplierPack({ ...base, supplierRef: BUSY_SUPPLIER_REF }))).toBe(sha256Hex(supplierA));
    expect(sha256Hex(await buildFirmPack(base))).toBe(sha256Hex(firmA));
  });

  it('dates the package and every zip entry from the as-of date', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2031-07-15T13:45:12Z'));
    const doc = await staffPack();
    expect(doc.coreXml).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2026-11-24T00:00:00Z</dcterms:created>');
    expect(doc.coreXml).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2026-11-24T00:00:00Z</dcterms:modified>');
    expect(doc.coreXml).toContain(`<dc:creator>${fx.snapshot.firm.name}</dc:creator>`);
    expect(doc.entries[0].name).toBe('[Content_Types].xml');
    for (const e of doc.entries) expect(e.date.toISOString(), e.name).toBe('2026-11-24T00:00:00.000Z');
  });
});

describe('image headers', () => {
  it('reads PNG, GIF and JPEG sizes', () => {
    expect(imageInfo(makePng(37, 21, [1, 2, 3]))).toEqual({ kind: 'png', width: 37, height: 21 });
    const gif = new Uint8Array([0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0x2c, 0x01, 0x96, 0x00, 0, 0, 0]);
    expect(imageInfo(gif)).toEqual({ kind: 'gif', width: 300, height: 150 });
    // SOI, an APP0 segment of 16 bytes, then SOF0 with height 480 and width 640.
    const jpeg = new Uint8Array([
      0xff,
      0xd8,
      0xff,
      0xe0,
      0x00,
      0x10,
      ...new Array(14).fill(0),
      0xff,
      0xc0,
      0x00,
      0x11,
      0x08,
      0x01,
      0xe0,
      0x02,
      0x80,
      0x03,
      0,
      0,
      0,
    ]);
    expect(imageInfo(jpeg)).toEqual({ kind: 'jpg', width: 640, height: 480 });
    expect(imageInfo(new TextEncoder().encode('%PDF-1.4'))).toBeNull();
  });

  it('fits to the page width, capped by height, keeping the aspect ratio', () => {
    expect(fitToWidth({ width: 2400, height: 1200 }, 600, 800)).toEqual({ width: 600, height: 300 });
    expect(fitToWidth({ width: 100, height: 50 }, 600, 800)).toEqual({ width: 600, height: 300 });
    expect(fitToWidth({ width: 1000, height: 4000 }, 600, 800)).toEqual({ width: 200, height: 800 });
    expect(fitWithin({ width: 100, height: 50 }, 600, 800)).toEqual({ width: 100, height: 50 });
  });
});
