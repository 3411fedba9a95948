// The evidence annex (issue 11 item 5) on a real encrypted vault: the PDF saved beside the Word
// pack is read back with pdf-lib (every page of every PDF file, one page per image, an index,
// a page for each file that could not be included) and with pdftotext (every page carries the
// stamp: the file's name, its SHA-256 and "Annex page x of y"), registered with its own hash.
// One page is rendered to PNG with pdftoppm into tests/output/ for a person to look at.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PDFDocument } from 'pdf-lib';
import { beforeEach, describe, expect, it } from 'vitest';
import { packAnnexes, packs } from '../../db/schema';
import type { Ctx } from '../../electron/services/context';
import { attachEvidence } from '../../electron/services/evidence/evidence';
import { importFirmFile } from '../../electron/services/interchange/importFirmFile';
import { annexPathFor, buildPackAnnex, findAnnex, reproduceAnnex, savePackWithAnnex } from '../../electron/services/packs/annexService';
import { buildPack } from '../../electron/services/packs/packService';
import { fixedClock } from '../../electron/services/clock';
import { getFirm, updateFirm } from '../../electron/services/firm/firm';
import { loadSnapshot } from '../../electron/services/snapshot';
import { EVIDENCE, MORGAN, RECIPIENT, packFirmFile, sha256 } from '../support/packFirm';
import { pdfText, textPdf } from '../support/pdf';
import { newVault } from '../support/vaults';

const OUTPUT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../output');
const AS_OF = '2026-11-24';

/** A PDF that says it is encrypted: pdf-lib refuses to copy its pages. */
const encryptedPdf = () =>
  Buffer.from(
    textPdf(['Locked certificate']).toString('latin1').replace('/Root 1 0 R>>', '/Root 1 0 R/Encrypt<</Filter/Standard/V 1/R 2/O(x)/U(y)/P -4>>>>'),
    'latin1',
  );

const FILES = {
  schedule: textPdf(['Schedule of cover, page one', 'Schedule of cover, page two', 'Schedule of cover, page three']),
  locked: encryptedPdf(),
  handover: textPdf(['Handover and continuity of care policy', 'Handover checklist']),
};

let ctx: Ctx;
let dir: string;
beforeEach(() => {
  const v = newVault();
  ctx = v.ctx;
  dir = v.dir;
  importFirmFile(ctx, packFirmFile());
  const snap = loadSnapshot(ctx);
  const morgan = snap.staff.find((s) => s.ref === MORGAN.ref)!;
  attachEvidence(ctx, morgan.indemnity[0].id, { name: 'indemnity-schedule-full.pdf', bytes: FILES.schedule });
  attachEvidence(ctx, morgan.registrations[0].id, { name: 'locked-certificate.pdf', bytes: FILES.locked });
  const handover = snap.firm.policies.find((p) => p.kind === 'handover')!;
  attachEvidence(ctx, handover.id, { name: 'handover-policy.pdf', bytes: FILES.handover });
});

function pageText(file: string, page: number): string {
  return pdfText(file, { page, layout: true }).replace(/\s+/g, ' ');
}

describe('the evidence annex', () => {
  it('carries every page of every PDF and every image, each page stamped, and is registered with its own SHA-256', async () => {
    const built = await buildPack(ctx, { kind: 'staff', ref: MORGAN.ref, asOf: AS_OF, recipient: RECIPIENT });
    const annex = await buildPackAnnex(ctx, built);
    const dest = path.join(dir, 'morgan.docx');
    const annexDest = annexPathFor(dest);
    expect(annexDest).toBe(path.join(dir, 'morgan - evidence annex.pdf'));
    const saved = await savePackWithAnnex(ctx, built, dest, annex, annexDest);

    const bytes = readFileSync(annexDest);
    expect(sha256(readFileSync(dest))).toBe(saved.entry.sha256);
    const doc = await PDFDocument.load(bytes);

    // What the pack cites, and the firm's handover policy (P1) for the Legal Panel.
    const cited = built.subject.evidence.map((e) => e.meta.name);
    expect(cited).toEqual(
      expect.arrayContaining(['indemnity-schedule-2026.png', 'vocational-rehab-certificate.png', 'dbs-status-check.pdf', 'indemnity-schedule-full.pdf']),
    );
    const byName = new Map(annex.entries.map((e) => [e.name, e]));
    expect(byName.get('handover-policy.pdf')).toMatchObject({ ref: 'P1', carried: 'pages' });
    expect(byName.get('indemnity-schedule-full.pdf')).toMatchObject({ carried: 'pages' });
    expect(byName.get('indemnity-schedule-2026.png')).toMatchObject({ carried: 'image' });
    expect(byName.get('locked-certificate.pdf')).toMatchObject({ carried: 'refused' });
    // packFirm's DBS letter is a PDF header with no page tree: broken, so refused with a page.
    expect(byName.get('dbs-status-check.pdf')).toMatchObject({ carried: 'refused' });

    // Page count: the index, every page of every PDF, one per image, one per refused file.
    const images = annex.entries.filter((e) => e.carried === 'image').length;
    const refused = annex.entries.filter((e) => e.carried === 'refused').length;
    const expected = annex.indexPages + 3 /* schedule */ + 2 /* handover */ + images + refused;
    const pictures = built.subject.evidence.filter((e) => /^image\/(png|jpeg)$/.test(e.meta.mediaType) && !e.meta.destroyed);
    expect(pictures.length).toBeGreaterThanOrEqual(2);
    expect(images).toBe(pictures.length);
    expect(refused).toBe(2);
    expect(doc.getPageCount()).toBe(expected);
    expect(annex.pages).toBe(expected);

    // Every page's text carries the stamp; every evidence page names its file and SHA-256.
    const owner = new Map<number, { name: string; sha256: string }>();
    for (const e of annex.entries) for (let p = e.firstPage ?? 1; e.firstPage && p <= e.lastPage!; p++) owner.set(p, e);
    for (let p = 1; p <= expected; p++) {
      const text = pageText(annexDest, p);
      expect(text, `page ${p}`).toContain(`Annex page ${p} of ${expected}`);
      const e = owner.get(p);
      if (p <= annex.indexPages) expect(text).toContain('Index of the evidence annex');
      else {
        expect(e, `page ${p} belongs to a file`).toBeDefined();
        expect(text, `page ${p}`).toContain(e!.name);
        expect(text, `page ${p}`).toContain(`SHA-256 ${e!.sha256}`);
      }
    }
    // The copied pages keep their own text; the refusal page says why.
    const schedule = byName.get('indemnity-schedule-full.pdf')!;
    expect(pageText(annexDest, schedule.firstPage! + 1)).toContain('Schedule of cover, page two');
    expect(pageText(annexDest, byName.get('locked-certificate.pdf')!.firstPage!)).toContain('encrypted');
    // The index lists each file with its page range and fingerprint.
    const index = pageText(annexDest, 1);
    expect(index).toContain(`pages ${schedule.firstPage} to ${schedule.lastPage}`);
    expect(index).toContain(sha256(FILES.schedule));
    expect(index).toContain(sha256(EVIDENCE.schedule));

    // Registered with its own hash, beside its pack's row.
    const [row] = ctx.vault.orm.select().from(packAnnexes).all();
    expect(row).toMatchObject({ packId: saved.entry.id, fileName: 'morgan - evidence annex.pdf', sha256: sha256(bytes), pages: expected });
    expect(findAnnex(ctx, sha256(bytes))?.pack.id).toBe(saved.entry.id);
    expect(findAnnex(ctx, sha256(Buffer.concat([bytes, Buffer.from(' ')])))).toBeNull();

    // Deterministic: the same records give the same annex bytes.
    expect(sha256((await buildPackAnnex(ctx, built)).bytes)).toBe(sha256(bytes));

    // One page rendered, for a person to look at (tests/output/annex-page-*.png).
    mkdirSync(OUTPUT, { recursive: true });
    writeFileSync(path.join(OUTPUT, 'evidence-annex.pdf'), bytes);
    for (const p of [1, schedule.firstPage!, byName.get('indemnity-schedule-2026.png')!.firstPage!]) {
      const r = spawnSync('pdftoppm', ['-png', '-r', '60', '-f', String(p), '-l', String(p), '-singlefile', annexDest, path.join(OUTPUT, `annex-page-${p}`)]);
      expect(r.status).toBe(0);
      expect(existsSync(path.join(OUTPUT, `annex-page-${p}.png`))).toBe(true);
    }
  });

  it('registers neither the pack nor the annex when the annex cannot be saved', async () => {
    const built = await buildPack(ctx, { kind: 'staff', ref: MORGAN.ref, asOf: AS_OF });
    const annex = await buildPackAnnex(ctx, built);
    const dest = path.join(dir, 'p.docx');
    const annexDest = path.join(dir, 'taken.pdf');
    writeFileSync(annexDest, 'someone else’s file');
    await expect(savePackWithAnnex(ctx, built, dest, annex, annexDest)).rejects.toThrow(/taken\.pdf already exists/);
    expect(existsSync(dest)).toBe(false);
    expect(readFileSync(annexDest, 'utf8')).toBe('someone else’s file');
    expect(ctx.vault.orm.select().from(packs).all()).toEqual([]);
    expect(ctx.vault.orm.select().from(packAnnexes).all()).toEqual([]);
  });

  it('is rebuilt byte for byte as sent after the firm is renamed and the handover policy gets another file', async () => {
    const built = await buildPack(ctx, { kind: 'staff', ref: MORGAN.ref, asOf: AS_OF, recipient: RECIPIENT });
    const dest = path.join(dir, 'morgan.docx');
    const annexDest = annexPathFor(dest);
    const { entry, annex } = await savePackWithAnnex(ctx, built, dest, await buildPackAnnex(ctx, built), annexDest);
    const sent = readFileSync(annexDest);
    // Fixed metadata: the pack's registered time, Caseproof as producer, no trailer /ID.
    const doc = await PDFDocument.load(sent, { updateMetadata: false });
    expect(doc.getCreationDate()?.toISOString()).toBe(new Date(entry.generatedAt).toISOString());
    expect(doc.getModificationDate()?.toISOString()).toBe(new Date(entry.generatedAt).toISOString());
    expect(doc.getProducer()).toBe('Caseproof');
    expect(sent.toString('latin1')).not.toMatch(/\/ID\s*\[/);

    // A day later the firm is renamed and the handover policy (which the annex carries) gets another file.
    const later: Ctx = { ...ctx, clock: fixedClock('2026-11-25T10:00:00Z') };
    const f = getFirm(later);
    updateFirm(later, { name: 'Riverside Renamed Ltd', address: f.address, codeOfConductSignatory: f.codeOfConductSignatory });
    const handover = loadSnapshot(later).firm.policies.find((p) => p.kind === 'handover')!;
    attachEvidence(later, handover.id, { name: 'handover-v2.pdf', bytes: textPdf(['Handover policy, second edition']) });
    // Today's annex differs; the one as sent is the registered one, to the byte.
    const today = await buildPackAnnex(later, await buildPack(later, { kind: 'staff', ref: MORGAN.ref, asOf: AS_OF, recipient: RECIPIENT }));
    expect(sha256(today.bytes)).not.toBe(annex.sha256);
    const again = await reproduceAnnex(later, entry.id);
    expect(again.same).toBe(true);
    expect(again.sha256).toBe(annex.sha256);
    expect(Buffer.from(again.bytes).equals(sent)).toBe(true);
  });
});
