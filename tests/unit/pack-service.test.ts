// The pack service on a real encrypted vault: generate a pack from the vault (evidence read from
// it, the template applied), write it where asked and register it; preview without building;
// rebuild a registered pack and prove it is the same, or say what changed; the firm template.
import { fixedClock } from '../../electron/services/clock';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { evidenceContents, evidenceFiles, packs } from '../../db/schema';
import { STATUS_WORDS } from '../../electron/contract/compliance';
import { evaluate } from '../../electron/services/compliance/engine';
import type { Ctx } from '../../electron/services/context';
import { AppError } from '../../electron/services/errors';
import { addRecord } from '../../electron/services/evidence/records';
import { attachEvidence } from '../../electron/services/evidence/evidence';
import { importFirmFile } from '../../electron/services/interchange/importFirmFile';
import {
  buildPack,
  generatePack,
  getTemplate,
  listPacks,
  previewPack,
  regeneratePack,
  removeLogo,
  reproducePackTo,
  setLogo,
  updateTemplate,
} from '../../electron/services/packs/packService';
import { listParties } from '../../electron/services/cases/cases';
import { loadSnapshot } from '../../electron/services/snapshot';
import { deleteStaff } from '../../electron/services/staff/staff';
import { readDocx } from '../support/docx';
import { CHECKLIST, expectMorganPack, rowsUnder } from '../support/packChecks';
import { FIRM_NAME, MORGAN, RECIPIENT, SUPPLIER, TONI, packFirmFile, sha256 } from '../support/packFirm';
import { makePng } from '../support/png';
import { newVault } from '../support/vaults';

const AS_OF = '2026-11-24';
/** Morgan Ellis is met on every Legal Panel question on 24/11/2026. */
const MORGAN_WORDS = Array(10).fill('Met');

let ctx: Ctx;
let dir: string;
beforeEach(() => {
  const v = newVault();
  ctx = v.ctx;
  dir = v.dir;
  importFirmFile(ctx, packFirmFile());
});

const staffRequest = (over: Record<string, unknown> = {}) => ({ kind: 'staff', ref: MORGAN.ref, asOf: AS_OF, recipient: RECIPIENT, ...over });
const errorOf = async (p: Promise<unknown> | (() => unknown)) => {
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (e) {
    if (e instanceof AppError) return { code: e.code, field: e.field, message: e.message };
    throw e;
  }
  throw new Error('expected an AppError');
};

describe('generatePack', () => {
  it('writes the Legal Panel pack where asked, read back in full, and registers it with the file’s SHA-256', async () => {
    const dest = path.join(dir, 'morgan.docx');
    const { entry, path: written } = await generatePack(ctx, staffRequest(), dest);
    expect(written).toBe(dest);
    const bytes = readFileSync(dest);
    await expectMorganPack(bytes, { asOf: AS_OF, asOfLong: '24 November 2026', recipient: 'Fenwick Law (solicitor)', words: MORGAN_WORDS });

    // The register row, read straight from the vault, holds the file's real fingerprint.
    const rows = ctx.vault.orm.select().from(packs).all();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      kind: 'staff',
      subjectRef: MORGAN.ref,
      recipient: 'Fenwick Law',
      asOf: AS_OF,
      generatedBy: 'Test User',
      fileName: 'morgan.docx',
    });
    expect(rows[0].sha256).toBe(sha256(bytes));
    expect(rows[0].generatedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(rows[0].options).toMatchObject({
      includeReflections: true,
      includeEvidenceAppendix: true,
      embedImages: true,
      includeTraining: true,
      includeCaseload: true,
      recipientKind: 'solicitor',
    });
    expect(entry).toMatchObject({ id: rows[0].id, subjectName: MORGAN.name, title: 'Legal Panel evidence pack', sha256: sha256(bytes) });
    expect(listPacks(ctx)).toEqual([entry]);
    // Nothing but the pack was written beside the vault (no temporary file left).
    expect(readdirSync(dir).filter((f) => !f.startsWith('firm.cpv'))).toEqual(['morgan.docx']);
  });

  it('gives every checklist word from the compliance report, including Not met and Due soon (Toni Reyes)', async () => {
    const dest = path.join(dir, 'toni.docx');
    await generatePack(ctx, staffRequest({ ref: TONI.ref }), dest);
    const doc = await readDocx(readFileSync(dest));
    const report = evaluate(loadSnapshot(ctx), AS_OF);
    const toni = report.staff.find((s) => s.ref === TONI.ref)!.rules;
    const word = (id: string, from = toni) => STATUS_WORDS[from.find((r) => r.rule === id)!.status];
    const rows = rowsUnder(doc, ['#', 'Legal Panel question', 'Status']);
    expect(rows.map((r) => r[2])).toEqual([
      word('ORG-CODE-SIGNATORY', report.firm.rules),
      'Met', // experience: both rules met
      word('STAFF-INDEMNITY'),
      word('STAFF-CPD-2Y'),
      word('STAFF-CASELOAD'),
      word('STAFF-REGISTRATION'),
      word('STAFF-DBS'),
      word('STAFF-PEER-REVIEW'),
      word('STAFF-SOLE-PRACTITIONER'),
      word('ORG-POLICY-HANDOVER', report.firm.rules),
    ]);
    expect(rows[2][2]).toBe('Due soon');
    expect(rows[3][2]).toBe('Not met');
    expect(rows[6][2]).toBe('Not met');
    rows.forEach((r, i) => expect(r[1]).toMatch(CHECKLIST[i]));
  });

  it('makes the supplier vetting report and the organisation pack, registered with no subject for the firm', async () => {
    const sup = await generatePack(ctx, { kind: 'supplier', ref: SUPPLIER.ref, asOf: AS_OF }, path.join(dir, 'sup.docx'));
    const doc = await readDocx(readFileSync(path.join(dir, 'sup.docx')));
    expect(doc.text).toContain('Supplier vetting report');
    expect(doc.text).toContain(SUPPLIER.name);
    const items = rowsUnder(doc, ['Item', 'The supplier…', 'Status']);
    expect(items.map((r) => r[0])).toEqual(['F(i)', 'F(ii)', 'F(iii)', 'F(iv)', 'F(v)', 'F(vi)', 'F(vii)', 'DBS', 'B', 'C', 'A']);
    const preview = previewPack(ctx, { kind: 'supplier', ref: SUPPLIER.ref, asOf: AS_OF });
    expect(items.map((r) => r[2])).toEqual(preview.groups[0].items.map((i) => i.word));

    const org = await generatePack(ctx, { kind: 'firm', asOf: AS_OF, options: { includeCaseload: false } }, path.join(dir, 'org.docx'));
    const orgDoc = await readDocx(readFileSync(path.join(dir, 'org.docx')));
    expect(orgDoc.text).toContain('Organisation compliance pack');
    expect(orgDoc.text).not.toContain('Caseload across the firm');
    expect(org.entry).toMatchObject({ kind: 'firm', subjectRef: null, subjectName: FIRM_NAME, recipient: null });
    expect(org.entry.options.includeCaseload).toBe(false);
    expect(listPacks(ctx).map((p) => p.id)).toEqual([org.entry.id, sup.entry.id]);
  });

  it('refuses a future date, a missing or unknown subject, an existing file, and a firm with no name', async () => {
    expect(await errorOf(generatePack(ctx, staffRequest({ asOf: '2026-11-25' }), path.join(dir, 'a.docx')))).toMatchObject({ code: 'invalid', field: 'asOf' });
    expect(await errorOf(generatePack(ctx, staffRequest({ ref: undefined }), path.join(dir, 'a.docx')))).toMatchObject({ code: 'invalid', field: 'ref' });
    expect(await errorOf(generatePack(ctx, staffRequest({ ref: 'NOPE' }), path.join(dir, 'a.docx')))).toMatchObject({ code: 'not-found', field: 'ref' });
    expect(await errorOf(generatePack(ctx, { kind: 'firm', ref: 'RR-01', asOf: AS_OF }, path.join(dir, 'a.docx')))).toMatchObject({ field: 'ref' });
    expect(await errorOf(generatePack(ctx, staffRequest({ asOf: '2026-02-30' }), path.join(dir, 'a.docx')))).toMatchObject({ field: 'asOf' });
    writeFileSync(path.join(dir, 'taken.docx'), 'mine');
    expect(await errorOf(generatePack(ctx, staffRequest(), path.join(dir, 'taken.docx')))).toMatchObject({ code: 'exists' });
    expect(readFileSync(path.join(dir, 'taken.docx'), 'utf8')).toBe('mine');
    expect(existsSync(path.join(dir, 'a.docx'))).toBe(false);
    expect(listPacks(ctx)).toEqual([]);

    const bare = newVault();
    expect(await errorOf(generatePack(bare.ctx, { kind: 'firm', asOf: AS_OF }, path.join(bare.dir, 'x.docx')))).toMatchObject({
      code: 'invalid',
      field: 'firm',
    });
    expect(existsSync(path.join(bare.dir, 'x.docx'))).toBe(false);
  });

  it('writes neither the file nor a register row when the pack cannot be built or saved', async () => {
    // A stored evidence file whose bytes no longer match their fingerprint stops the pack.
    const ev = ctx.vault.orm
      .select()
      .from(evidenceFiles)
      .all()
      .find((f) => f.name === 'indemnity-schedule-2026.png')!;
    const dest = path.join(dir, 'never.docx');
    ctx.vault.orm
      .update(evidenceContents)
      .set({ content: Buffer.from(makePng(10, 10, [1, 2, 3])) })
      .where(eq(evidenceContents.fileId, ev.id))
      .run();
    expect(await errorOf(generatePack(ctx, staffRequest(), dest))).toMatchObject({ code: 'conflict' });
    expect(existsSync(dest)).toBe(false);
    expect(ctx.vault.orm.select().from(packs).all()).toEqual([]);
    // A folder that does not exist: nothing registered.
    await expect(generatePack(ctx, staffRequest({ ref: TONI.ref }), path.join(dir, 'no-such-folder', 'x.docx'))).rejects.toThrow();
    expect(ctx.vault.orm.select().from(packs).all()).toEqual([]);
  });
});

describe("regeneratePack (with today's records) and reproducePackTo (as sent)", () => {
  it('saves a pack as sent, later, byte for byte and without a new register entry', async () => {
    const first = await generatePack(ctx, staffRequest({ asOf: '2026-10-01', options: { includeReflections: false } }), path.join(dir, 'oct.docx'));
    const later = { ...ctx, clock: fixedClock('2027-01-15') };
    const check = await reproducePackTo(later, first.entry.id, null);
    expect(check).toMatchObject({ same: true, sha256: first.entry.sha256, changes: [], since: [], path: null, entry: null });
    const copy = path.join(dir, 'copy.docx');
    const saved = await reproducePackTo(later, first.entry.id, copy);
    expect(saved.same).toBe(true);
    expect(sha256(readFileSync(copy))).toBe(first.entry.sha256);
    expect(readFileSync(copy).equals(readFileSync(path.join(dir, 'oct.docx')))).toBe(true);
    // The same pack: the register does not grow.
    expect(listPacks(ctx)).toHaveLength(1);
    const doc = await readDocx(readFileSync(copy));
    expect(doc.text).toContain('1 October 2026');
    expect(tablesHaveReflections(doc)).toBe(false);
  });

  it('says the evidence changed when a file was added since, and registers a new pack as at today when saved', async () => {
    const first = await generatePack(ctx, staffRequest(), path.join(dir, 'first.docx'));
    const cpd = addRecord(ctx, { type: 'staff', ref: MORGAN.ref }, 'cpd', {
      date: '2026-11-20',
      topic: 'Pressure care in the community',
      provider: 'Tissue Viability Society',
      hours: 1,
    });
    ctx.vault.tx(() => attachEvidence(ctx, cpd.id, { name: 'pressure-care.png', bytes: makePng(40, 30, [200, 100, 50]) }));
    // As sent still comes out byte for byte; the check says what changed since.
    const check = await reproducePackTo(ctx, first.entry.id, null);
    expect(check.same).toBe(true);
    expect(check.since!.join(' ')).toContain('The evidence files have changed since: added pressure-care.png');
    const r = await regeneratePack(ctx, first.entry.id, path.join(dir, 'second.docx'));
    expect(r.same).toBe(false);
    expect(r.sha256).toBe(sha256(readFileSync(path.join(dir, 'second.docx'))));
    expect(r.changes.join(' ')).toContain('The evidence files have changed since: added pressure-care.png');
    expect(r.changes.join(' ')).toContain("Morgan Ellis's records have changed since");
    expect(r.changes.join(' ')).not.toMatch(/template/);
    expect(r.entry).toMatchObject({ id: first.entry.id + 1, sha256: r.sha256, asOf: AS_OF, fileName: 'second.docx', recipient: 'Fenwick Law' });
    expect(listPacks(ctx)).toHaveLength(2);
  });

  it('says the template changed when only the template changed', async () => {
    const first = await generatePack(ctx, staffRequest(), path.join(dir, 'first.docx'));
    updateTemplate(ctx, { primaryColour: '#7A1F5C' });
    const r = await regeneratePack(ctx, first.entry.id, null);
    expect(r.same).toBe(false);
    expect(r.changes).toEqual(['The pack template (logo, colour, address block or footer) has changed since.']);
    expect(r.entry).toBeNull();
  });

  it('refuses an unknown register entry, and a pack whose subject has gone (as sent still works)', async () => {
    expect(await errorOf(regeneratePack(ctx, 999, null))).toMatchObject({ code: 'not-found' });
    expect(await errorOf(reproducePackTo(ctx, 999, null))).toMatchObject({ code: 'not-found', field: 'id' });
    const toni = await generatePack(ctx, staffRequest({ ref: TONI.ref }), path.join(dir, 'toni.docx'));
    deleteStaff(ctx, TONI.ref);
    const gone = await errorOf(regeneratePack(ctx, toni.entry.id, path.join(dir, 'again.docx')));
    expect(gone).toMatchObject({ code: 'not-found' });
    expect(gone.message).toContain('RR-02 is no longer in the vault');
    expect(existsSync(path.join(dir, 'again.docx'))).toBe(false);
    // The register keeps the entry, with no name now, and the pack as sent.
    expect(listPacks(ctx)[0]).toMatchObject({ subjectRef: TONI.ref, subjectName: null });
    const asSent = await reproducePackTo(ctx, toni.entry.id, path.join(dir, 'toni-as-sent.docx'));
    expect(asSent).toMatchObject({ same: true, since: ['RR-02 is no longer in the vault.'] });
    expect(readFileSync(path.join(dir, 'toni-as-sent.docx')).equals(readFileSync(path.join(dir, 'toni.docx')))).toBe(true);
  });
});

describe('previewPack', () => {
  it('gives each Legal Panel item with its status word and cited files, without writing anything', () => {
    const p = previewPack(ctx, staffRequest({ ref: TONI.ref }));
    expect(p).toMatchObject({ kind: 'staff', ref: TONI.ref, subjectName: TONI.name, title: 'Legal Panel evidence pack', asOf: AS_OF, overall: 'not_met' });
    const items = p.groups[0].items;
    expect(items).toHaveLength(10);
    items.forEach((it, i) => expect(it.question).toMatch(CHECKLIST[i]));
    expect(items.map((i) => i.word)).toContain('Not met');
    expect(items.map((i) => i.word)).toContain('Due soon');
    expect(p.counts.notMet).toBe(items.filter((i) => i.status === 'not_met').length);
    expect(p.suggestedFileName).toBe('Legal Panel evidence pack - Toni Reyes - for Fenwick Law - 2026-11-24.docx');
    expect(listPacks(ctx)).toEqual([]);

    const m = previewPack(ctx, staffRequest());
    // Rules v2: every Legal Panel item is met, but the Overall line covers every rule behind the pack,
    // and STAFF-POLICY-ACK fails: the sample firm has no whistleblowing or lone-working policy to acknowledge.
    expect(m.overall).toBe('not_met');
    expect(m.groups[0].items.map((i) => i.word)).toEqual(MORGAN_WORDS);
    expect(m.groups[0].items[2].files).toEqual(['E1 pi.png', 'E2 indemnity-schedule-2026.png']);
    expect(m.cpdEntries).toBe(12);
    expect(m.evidenceFiles).toBe(5);
    expect(m.images).toBe(4);
    expect(previewPack(ctx, staffRequest({ options: { includeEvidenceAppendix: false } }))).toMatchObject({ evidenceFiles: 0, images: 0 });
  });

  it('answers the Organisation items A to L and Governance D and E for the firm', () => {
    const p = previewPack(ctx, { kind: 'firm', asOf: AS_OF });
    expect(p.groups.map((g) => g.items.map((i) => i.item))).toEqual([
      ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L'],
      ['D', 'E'],
    ]);
    // Rules v2: items E and J are answered by ORG-SUPPLIERS-PAID and ORG-OUTCOMES; the sample (a version-1
    // file) has no invoices and no closed case, so neither applies.
    const e = p.groups[0].items[4];
    expect(e).toMatchObject({ status: 'not_applicable', word: 'Not applicable' });
    expect(p.groups[0].items[9]).toMatchObject({ status: 'not_applicable', word: 'Not applicable' });
    // The sample firm has no whistleblowing or complaints policy in date.
    expect(p.groups[0].items[10].word).toBe('Not met');
    expect(p.counts).toMatchObject({ other: 0, notApplicable: 2 });
    expect(p.counts.met).toBe(p.groups.flatMap((g) => g.items).filter((i) => i.status === 'met').length);
    expect(p.subjectName).toBe(FIRM_NAME);
  });
});

describe('recipients', () => {
  it('are the instructing parties from the cases', () => {
    expect(listParties(ctx).map(({ id: _id, ...p }) => p)).toEqual([{ name: 'Fenwick Law', kind: 'solicitor', cases: 1 }]);
  });
});

describe('the firm template', () => {
  it('keeps colour, address block, footer and a PNG logo, and every pack uses them', async () => {
    expect(getTemplate(ctx)).toEqual({ logo: null });
    const bad = await errorOf(() => updateTemplate(ctx, { primaryColour: 'blue' }));
    expect(bad).toMatchObject({ code: 'invalid', field: 'primaryColour' });
    expect(bad.message).toContain('six hex digits');
    updateTemplate(ctx, { primaryColour: '#7a1f5c', addressBlock: '4 Mill Lane\nYork YO1 7AB', footerText: 'Registered in England no. 01234567' });
    const logo = makePng(120, 40, [122, 31, 92]);
    const view = setLogo(ctx, { name: 'logo.png', bytes: logo });
    expect(view).toMatchObject({ primaryColour: '7A1F5C', addressBlock: '4 Mill Lane\nYork YO1 7AB', footerText: 'Registered in England no. 01234567' });
    expect(view.logo).toMatchObject({ name: 'logo.png', mediaType: 'image/png', size: logo.length, width: 120, height: 40 });
    expect(view.logo!.dataUrl.startsWith('data:image/png;base64,')).toBe(true);

    const built = await buildPack(ctx, staffRequest());
    const doc = await readDocx(built.bytes);
    expect(doc.footerText).toContain('Registered in England no. 01234567');
    expect(doc.text).toContain('York YO1 7AB');
    expect(doc.documentXml).toContain('7A1F5C');
    const media = await Promise.all(doc.media.map((m) => doc.zip.file(m)!.async('uint8array')));
    expect(media.some((m) => sha256(m) === sha256(logo))).toBe(true);

    // Clearing a field removes it; the logo stays until removed.
    expect(updateTemplate(ctx, { primaryColour: '7A1F5C' })).toMatchObject({ primaryColour: '7A1F5C' });
    expect(getTemplate(ctx).footerText).toBeUndefined();
    expect(getTemplate(ctx).logo).not.toBeNull();
    expect(removeLogo(ctx).logo).toBeNull();
  });

  it('refuses a logo that is not a PNG or JPEG, or is too big', async () => {
    const gif = new TextEncoder().encode('GIF89a\x10\x00\x10\x00\x00\x00\x00');
    expect(await errorOf(() => setLogo(ctx, { name: 'logo.gif', bytes: gif }))).toMatchObject({ code: 'invalid', field: 'logo' });
    expect(await errorOf(() => setLogo(ctx, { name: 'notes.txt', bytes: new TextEncoder().encode('hello') }))).toMatchObject({ field: 'logo' });
    const big = new Uint8Array(1024 * 1024 + 1);
    big.set(makePng(4, 4, [0, 0, 0]));
    const tooBig = await errorOf(() => setLogo(ctx, { name: 'huge.png', bytes: big }));
    expect(tooBig).toMatchObject({ field: 'logo' });
    expect(tooBig.message).toContain('at most 1024 KB');
    expect(getTemplate(ctx).logo).toBeNull();
  });
});

function tablesHaveReflections(doc: Awaited<ReturnType<typeof readDocx>>): boolean {
  return doc.documentXml.includes('>Reflection<');
}
