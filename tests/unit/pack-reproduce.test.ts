// Packs reproduced and verified (issue 11 item 4) and packs that read only their own inputs
// (issue 9), on a real encrypted vault: a registered pack rebuilt byte for byte after its records,
// the firm and the template change; the same inputs give the same bytes; the pack names its
// register entry and carries the time it was made; verify names a changed part; a damaged or
// missing source, or a file no longer held, is refused with a reason.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import path from 'node:path';
import JSZip from 'jszip';
import { beforeEach, describe, expect, it } from 'vitest';
import { contentDrift } from '../../db/audit';
import { fixedClock } from '../../electron/services/clock';
import { closeCase } from '../../electron/services/cases/cases';
import { deleteCase } from '../../electron/services/cases/retention';
import type { Ctx } from '../../electron/services/context';
import { AppError } from '../../electron/services/errors';
import { addRecord, updateRecord } from '../../electron/services/evidence/records';
import { attachEvidence, deleteEvidence, readEvidence } from '../../electron/services/evidence/evidence';
import { getFirm, updateFirm } from '../../electron/services/firm/firm';
import { importFirmFile } from '../../electron/services/interchange/importFirmFile';
import { buildPack, generatePack, reproducePack, updateTemplate } from '../../electron/services/packs/packService';
import { verifyPackFile } from '../../electron/services/packs/verify';
import { loadStaffSnapshot } from '../../electron/services/snapshot';
import { readDocx } from '../support/docx';
import { MORGAN, RECIPIENT, SUPPLIER, TONI, packFirmFile, sha256 } from '../support/packFirm';
import { makePng } from '../support/png';
import { newVault } from '../support/vaults';

const AS_OF = '2026-11-24';
let ctx: Ctx;
let dir: string;
beforeEach(() => {
  const v = newVault();
  ctx = v.ctx;
  dir = v.dir;
  importFirmFile(ctx, packFirmFile());
});
const morganRequest = (over: Record<string, unknown> = {}) => ({ kind: 'staff', ref: MORGAN.ref, asOf: AS_OF, recipient: RECIPIENT, ...over });
const errorOf = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return { code: e.code, field: e.field, message: e.message };
    throw e;
  }
  throw new Error('expected an AppError');
};

describe('a registered pack reproduced', () => {
  it('comes out byte for byte the same after its records, the firm and the template change', async () => {
    const dest = path.join(dir, 'morgan.docx');
    const { entry } = await generatePack(ctx, morganRequest(), dest);
    const sent = readFileSync(dest);
    expect(entry.inputSha256).toMatch(/^[0-9a-f]{64}$/);
    // The kept source is in the audit trail with the pack (about the pack), and the check finds nothing amiss.
    const db = ctx.vault.sqlite;
    expect(db.prepare(`SELECT action, subject_kind AS kind, subject_id AS id, subject_ref AS ref FROM audit_log WHERE tbl = 'pack_sources'`).all()).toEqual([
      { action: 'create', kind: 'pack', id: entry.id, ref: MORGAN.ref },
    ]);
    expect(contentDrift(db)).toEqual([]);

    // Morgan's records change (a CPD entry added with a new image, another edited), the firm is
    // renamed and the template recoloured, a day later.
    const later: Ctx = { ...ctx, clock: fixedClock('2026-11-25T10:00:00Z') };
    const cpd = addRecord(later, { type: 'staff', ref: MORGAN.ref }, 'cpd', { date: '2026-11-20', topic: 'Pressure care', provider: 'TVS', hours: 1 });
    later.vault.tx(() => attachEvidence(later, cpd.id, { name: 'pressure.png', bytes: makePng(20, 20, [9, 9, 9]) }));
    const first = loadStaffSnapshot(later, MORGAN.ref).cpd[0]!;
    const { id: _id, evidence: _e, ...payload } = first;
    updateRecord(later, first.id, { ...payload, topic: 'Renamed topic' });
    const f = getFirm(later);
    updateFirm(later, { name: 'Riverside Renamed Ltd', address: f.address, codeOfConductSignatory: f.codeOfConductSignatory });
    updateTemplate(later, { primaryColour: '7A1F5C' });

    const again = await reproducePack(later, entry.id);
    expect(again.same).toBe(true);
    expect(again.sha256).toBe(entry.sha256);
    expect(Buffer.from(again.bytes).equals(sent)).toBe(true);
    // A new pack with today's records differs, of course.
    const today = await buildPack(later, morganRequest());
    expect(today.sha256).not.toBe(entry.sha256);
    expect(today.inputs.source).not.toBe(entry.inputSha256);
  });

  it('names its register entry in the footer and the properties, dated when it was made', async () => {
    const madeAt: Ctx = { ...ctx, clock: fixedClock('2026-11-24T15:04:07Z') };
    await generatePack(madeAt, { kind: 'supplier', ref: SUPPLIER.ref, asOf: AS_OF }, path.join(dir, 'one.docx'));
    const { entry } = await generatePack(madeAt, morganRequest(), path.join(dir, 'two.docx'));
    expect(entry.id).toBe(2);
    expect(entry.generatedAt).toBe('2026-11-24T15:04:07Z');
    const doc = await readDocx(readFileSync(path.join(dir, 'two.docx')));
    expect(doc.footerText).toContain('Register entry 2');
    expect(doc.coreXml).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2026-11-24T15:04:07Z</dcterms:created>');
    expect(doc.coreXml).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2026-11-24T15:04:07Z</dcterms:modified>');
    expect(doc.coreXml).toContain('<cp:keywords>Caseproof pack, Register entry 2</cp:keywords>');
    const custom = await doc.zip.file('docProps/custom.xml')!.async('string');
    expect(custom).toMatch(/name="Caseproof register entry"[^>]*><vt:lpwstr>2<\/vt:lpwstr>/);
    expect(custom).toMatch(/name="Caseproof as of"[^>]*><vt:lpwstr>2026-11-24<\/vt:lpwstr>/);
    // Zip entries are dated from the same instant (to the 2 seconds a zip time holds).
    for (const e of doc.entries) expect(e.date.toISOString(), e.name).toBe('2026-11-24T15:04:06.000Z');
  });

  it('gives the same bytes for the same inputs and as-of date, whatever the wall clock', async () => {
    const a = await buildPack(ctx, morganRequest());
    const b = await buildPack(ctx, morganRequest());
    expect(b.sha256).toBe(a.sha256);
    expect(Buffer.from(b.bytes).equals(Buffer.from(a.bytes))).toBe(true);
    expect(b.inputs.source).toBe(a.inputs.source);
    // The clock's instant is the pack's "made at": another instant, other bytes (but the same inputs).
    const c = await buildPack({ ...ctx, clock: fixedClock('2026-11-24T18:00:00Z') }, morganRequest());
    expect(c.sha256).not.toBe(a.sha256);
    expect(c.inputs.source).toBe(a.inputs.source);
  });

  it('reads and fingerprints only its own inputs: another person or a supplier changing leaves it alone', async () => {
    const before = await buildPack(ctx, morganRequest());
    const src = before.source.source;
    expect(src.snapshot.staff.map((s) => s.ref)).toEqual([MORGAN.ref]);
    expect(src.snapshot.suppliers).toEqual([]);
    expect(src.report.staff.map((s) => s.ref)).toEqual([MORGAN.ref]);
    expect(src.snapshot.cases.every((c) => c.caseManager === MORGAN.ref || (c.handovers ?? []).some((h) => [h.fromRef, h.toRef].includes(MORGAN.ref)))).toBe(
      true,
    );
    addRecord(ctx, { type: 'staff', ref: TONI.ref }, 'cpd', { date: '2026-11-20', topic: 'Not Morgan', provider: 'X', hours: 2 });
    addRecord(ctx, { type: 'supplier', ref: SUPPLIER.ref }, 'decision', { decision: 'approved', by: 'Pat Manager', on: '2026-11-20' });
    const after = await buildPack(ctx, morganRequest());
    expect(after.inputs.source).toBe(before.inputs.source);
    expect(after.sha256).toBe(before.sha256);
    // Morgan changing does change it.
    addRecord(ctx, { type: 'staff', ref: MORGAN.ref }, 'cpd', { date: '2026-11-20', topic: 'Morgan again', provider: 'X', hours: 2 });
    const mine = await buildPack(ctx, morganRequest());
    expect(mine.inputs.source).not.toBe(before.inputs.source);
    expect(mine.inputs.subject).not.toBe(before.inputs.subject);
    expect(mine.inputs.rest).toBe(before.inputs.rest);
  });

  it('refuses when a file the pack drew is no longer held, when what it was built from was altered, and a pack made before sources were kept', async () => {
    const { entry } = await generatePack(ctx, morganRequest(), path.join(dir, 'morgan.docx'));
    // Altered behind Caseproof's back: the stored source no longer matches its fingerprint.
    const raw = ctx.vault.sqlite;
    const content = raw.prepare('SELECT content FROM pack_sources WHERE pack_id = ?').pluck().get(entry.id) as Buffer;
    raw.prepare('UPDATE pack_sources SET content = ? WHERE pack_id = ?').run(Buffer.concat([content.subarray(0, 10), Buffer.from('junk')]), entry.id);
    expect(await errorOf(reproducePack(ctx, entry.id))).toMatchObject({ code: 'damaged', field: 'id' });
    raw.prepare('UPDATE pack_sources SET content = ? WHERE pack_id = ?').run(content, entry.id);
    expect((await reproducePack(ctx, entry.id)).same).toBe(true);

    // An image it embedded deleted (and no other file with its bytes): named.
    const image = loadStaffSnapshot(ctx, MORGAN.ref)
      .indemnity.flatMap((r) => r.evidence)
      .find((e) => e.mediaType === 'image/png')!;
    const imageBytes = readEvidence(ctx, image.id).bytes;
    deleteEvidence(ctx, image.id);
    const gone = await errorOf(reproducePack(ctx, entry.id));
    expect(gone).toMatchObject({ code: 'not-found', field: 'id' });
    expect(gone.message).toContain(`the evidence file ${image.name}`);
    // The same bytes attached again elsewhere are found by their SHA-256.
    const rec = addRecord(ctx, { type: 'staff', ref: TONI.ref }, 'cpd', { date: '2026-11-01', topic: 'Copy', provider: 'X', hours: 1 });
    ctx.vault.tx(() => attachEvidence(ctx, rec.id, { name: 'copy.png', bytes: imageBytes }));
    expect((await reproducePack(ctx, entry.id)).same).toBe(true);

    // No source kept (a pack registered before migration 0009).
    raw.prepare('DELETE FROM pack_sources WHERE pack_id = ?').run(entry.id);
    const old = await errorOf(reproducePack(ctx, entry.id));
    expect(old).toMatchObject({ code: 'not-found', field: 'id' });
    expect(old.message).toContain('before Caseproof kept what each pack is built from');
  });
});

describe('a case deleted under retention', () => {
  it('leaves no copy in what packs were built from: those packs say they can no longer be rebuilt as sent, others still can', async () => {
    const { entry: morgan } = await generatePack(ctx, morganRequest(), path.join(dir, 'morgan.docx'));
    const { entry: supplier } = await generatePack(ctx, { kind: 'supplier', ref: SUPPLIER.ref, asOf: AS_OF }, path.join(dir, 'supplier.docx'));
    const src = (await buildPack(ctx, morganRequest())).source.source;
    const caseRef = src.snapshot.cases[0]!.ref;
    expect(src.snapshot.cases.map((c) => c.ref)).toContain(caseRef);
    closeCase(ctx, { ref: caseRef, closedOn: '2026-11-20', closedReason: 'settled', followUpConsent: false });
    deleteCase(ctx, caseRef, caseRef);
    const kept = ctx.vault.sqlite.prepare('SELECT content FROM pack_sources WHERE pack_id = ?').pluck().get(morgan.id) as Buffer;
    expect(gunzipSync(kept).toString('utf8')).not.toContain(`"ref":"${caseRef}"`);
    const refused = await errorOf(reproducePack(ctx, morgan.id));
    expect(refused).toMatchObject({ code: 'not-found', field: 'id' });
    expect(refused.message).toContain(`held case ${caseRef}, erased on 24/11/2026 when the case was deleted under the firm's retention period`);
    // The supplier's report never held the case: still rebuilt byte for byte.
    expect((await reproducePack(ctx, supplier.id)).same).toBe(true);
  });
});

describe('verifyPackFile', () => {
  it('names the registered pack, unchanged; refuses a changed one naming the changed part; and a file that is not a pack', async () => {
    const dest = path.join(dir, 'morgan.docx');
    const { entry } = await generatePack(ctx, morganRequest(), dest);
    const ok = await verifyPackFile(ctx, readFileSync(dest), 'morgan.docx');
    expect(ok).toMatchObject({ unchanged: true, reason: null, entry: { id: entry.id, subjectName: MORGAN.name, recipient: 'Fenwick Law', asOf: AS_OF } });

    // One word of the body changed and the file zipped again.
    const zip = await JSZip.loadAsync(readFileSync(dest));
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain('Morgan Ellis');
    zip.file('word/document.xml', xml.replace('Morgan Ellis', 'Morgan Elliss'));
    const edited = await zip.generateAsync({ type: 'uint8array' });
    const bad = await verifyPackFile(ctx, edited, 'morgan.docx');
    expect(bad.unchanged).toBe(false);
    expect(bad.entry?.id).toBe(entry.id);
    expect(bad.changedParts).toEqual(['word/document.xml']);
    expect(bad.reason).toContain(`names pack number ${entry.id} in this vault's register, but it was changed after it was made`);
    expect(bad.reason).toContain('Changed: word/document.xml.');

    const notZip = await verifyPackFile(ctx, new TextEncoder().encode('hello'), 'note.docx');
    expect(notZip.reason).toContain('note.docx is not a Word file');
    // The file itself was never touched.
    expect(sha256(readFileSync(dest))).toBe(entry.sha256);
  });
});
