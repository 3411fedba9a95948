// `caseproof pack --annex FILE.pdf` and `caseproof pack verify` on the annex, as a black box: the
// real command on a real vault, the PDF read back with pdf-lib and pdftotext, the register read
// from the vault, a changed annex refused.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { openVault } from '../../db/client';
import { packAnnexes, packs } from '../../db/schema';
import { cli } from '../support/cli';
import { MORGAN, packFirmFile, sha256 } from '../support/packFirm';
import { pdfText, textPdf } from '../support/pdf';
import { tempDir } from '../support/tmp';

const PASS = 'cli test passphrase 1';
const SCHEDULE = textPdf(['Schedule of cover, page one', 'Schedule of cover, page two']);

function vaultWithFirm() {
  const dir = tempDir();
  const vault = path.join(dir, 'riverside.cpv');
  const firm = packFirmFile();
  const morgan = firm.staff.find((s: { ref: string }) => s.ref === MORGAN.ref);
  morgan.indemnity[0].evidence.push({ name: 'schedule-of-cover.pdf', mediaType: 'application/pdf', base64: SCHEDULE.toString('base64') });
  const firmFile = path.join(dir, 'firm.json');
  writeFileSync(firmFile, JSON.stringify(firm));
  expect(cli(['init', '--vault', vault]).code).toBe(0);
  const imp = cli(['import', '--vault', vault, firmFile]);
  expect(imp.code, imp.stderr).toBe(0);
  return { dir, vault };
}

describe('caseproof pack --annex', () => {
  it('writes the pack and its annex, registers both, and pack verify knows the annex and refuses a changed one', async () => {
    const { dir, vault } = vaultWithFirm();
    const out = path.join(dir, 'morgan.docx');
    const annex = path.join(dir, 'morgan-annex.pdf');
    const r = cli(['pack', '--vault', vault, '--staff', MORGAN.ref, '--out', out, '--annex', annex, '--as-of', '2026-11-24']);
    expect(r.code, r.stderr).toBe(0);
    const bytes = readFileSync(annex);
    expect(r.stdout).toContain(`  ${annex}\n`);
    expect(r.stdout).toContain(`SHA-256 ${sha256(bytes)}\n`);
    expect(r.stdout).toMatch(/Recorded in the vault's pack register as number 1, with its annex\./);

    const doc = await PDFDocument.load(bytes);
    const text = pdfText(annex);
    expect(text).toContain('Schedule of cover, page two');
    expect(text).toContain(`SHA-256 ${sha256(SCHEDULE)}`);
    expect(text).toContain(`Annex page ${doc.getPageCount()} of ${doc.getPageCount()}`);

    const v = openVault(vault, { passphrase: PASS });
    try {
      const [pack] = v.orm.select().from(packs).all();
      const [row] = v.orm.select().from(packAnnexes).all();
      expect(row).toMatchObject({ packId: pack.id, fileName: 'morgan-annex.pdf', sha256: sha256(bytes), pages: doc.getPageCount() });
    } finally {
      v.close();
    }

    const ok = cli(['pack', 'verify', '--vault', vault, annex]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toContain('morgan-annex.pdf is the evidence annex of pack number 1 in this vault');
    const json = cli(['pack', 'verify', '--vault', vault, annex, '--json']);
    expect(JSON.parse(json.stdout)).toMatchObject({ id: 1, sha256: sha256(bytes), unchanged: true, annex: { pages: doc.getPageCount() } });

    // One byte changed: no longer the registered annex.
    const changed = path.join(dir, 'changed.pdf');
    writeFileSync(changed, Buffer.concat([bytes, Buffer.from('\n')]));
    const bad = cli(['pack', 'verify', '--vault', vault, changed]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("changed.pdf is not a pack's evidence annex this vault registered, or it was changed after it was made");
  });

  it('refuses an annex name that is not a PDF (exit 2) and an existing annex without --force (exit 1), writing nothing', () => {
    const { dir, vault } = vaultWithFirm();
    const out = path.join(dir, 'p.docx');
    const usage = cli(['pack', '--vault', vault, '--staff', MORGAN.ref, '--out', out, '--annex', path.join(dir, 'annex.docx')]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('--annex must name a PDF file ending in .pdf');
    const taken = path.join(dir, 'taken.pdf');
    writeFileSync(taken, 'mine');
    const refused = cli(['pack', '--vault', vault, '--staff', MORGAN.ref, '--out', out, '--annex', taken]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('taken.pdf already exists; add --force to replace it.');
    expect(existsSync(out)).toBe(false);
    expect(readFileSync(taken, 'utf8')).toBe('mine');
  });
});
