// The Word packs opened by a real word processor: LibreOffice converts each pack to PDF, which
// must have at least two pages. The PDFs, and PNG previews of their first pages (and the second
// page of the case manager's pack), are written to tests/output/ for a person to look at.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFirmPack } from '../../electron/services/packs/firmPack';
import { buildStaffPack } from '../../electron/services/packs/staffPack';
import { buildSupplierPack } from '../../electron/services/packs/supplierPack';
import { BUSY_SUPPLIER_REF, HEAVY_REF, packFixture } from '../support/packFixtures';

const OUTPUT = resolve(dirname(fileURLToPath(import.meta.url)), '../output');

function onPath(cmd: string): string | null {
  const r = spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.trim() ? r.stdout.trim() : null;
}
const office = onPath('soffice') ?? onPath('libreoffice');
const pdfinfo = onPath('pdfinfo');
const pdftoppm = onPath('pdftoppm');

function pageCount(pdf: string): number {
  if (pdfinfo) {
    const r = spawnSync(pdfinfo, [pdf], { encoding: 'utf8' });
    const m = /^Pages:\s+(\d+)/m.exec(r.stdout);
    if (m) return Number(m[1]);
  }
  // Each page object is "/Type /Page" (the page tree is "/Type /Pages").
  return (readFileSync(pdf, 'latin1').match(/\/Type\s*\/Page(?![a-z])/g) ?? []).length;
}

const PACKS = ['staff-pack', 'supplier-report', 'organisation-pack'] as const;

if (!office) {
  describe('Word packs as PDF', () => {
    it.skip('SKIPPED: LibreOffice (soffice or libreoffice) is not on PATH, so the packs were not converted to PDF or checked', () => {});
  });
} else {
  describe('Word packs as PDF (LibreOffice)', () => {
    let work: string;
    beforeAll(async () => {
      const fx = packFixture();
      const base = {
        snapshot: fx.snapshot,
        report: fx.report,
        asOf: fx.asOf,
        recipient: { name: 'Fenwick Law', kind: 'solicitor' },
        readEvidence: fx.readEvidence,
      };
      const docs: Record<(typeof PACKS)[number], Uint8Array> = {
        'staff-pack': await buildStaffPack({ ...base, staffRef: HEAVY_REF }),
        'supplier-report': await buildSupplierPack({ ...base, supplierRef: BUSY_SUPPLIER_REF }),
        'organisation-pack': await buildFirmPack(base),
      };
      mkdirSync(OUTPUT, { recursive: true });
      work = mkdtempSync(join(tmpdir(), 'caseproof-packs-'));
      const files = PACKS.map((name) => {
        const file = join(OUTPUT, `${name}.docx`);
        writeFileSync(file, docs[name]);
        return file;
      });
      // A fresh profile, so a LibreOffice the user has open (or a stale lock) cannot interfere.
      const profile = pathToFileURL(join(work, 'profile')).href;
      const r = spawnSync(office, [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', OUTPUT, ...files], {
        encoding: 'utf8',
        timeout: 120_000,
      });
      if (r.error || r.status !== 0) throw new Error(`LibreOffice failed: ${r.error?.message ?? r.stderr}`);
      if (pdftoppm) {
        const preview = (name: string, page: number) =>
          spawnSync(
            pdftoppm,
            ['-png', '-r', '60', '-f', String(page), '-l', String(page), '-singlefile', join(OUTPUT, `${name}.pdf`), join(OUTPUT, `${name}-page${page}`)],
            {
              timeout: 60_000,
            },
          );
        for (const name of PACKS) preview(name, 1);
        preview('staff-pack', 2);
      }
    }, 150_000);
    afterAll(() => {
      if (work) rmSync(work, { recursive: true, force: true });
    });

    for (const name of PACKS) {
      it(`converts the ${name.replace('-', ' ')} to a PDF of at least two pages`, () => {
        const pdf = join(OUTPUT, `${name}.pdf`);
        expect(existsSync(pdf), pdf).toBe(true);
        expect(readFileSync(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');
        expect(pageCount(pdf)).toBeGreaterThanOrEqual(2);
      });
    }

    it.runIf(pdftoppm !== null)('writes PNG previews of the first pages', () => {
      for (const name of PACKS) expect(existsSync(join(OUTPUT, `${name}-page1.png`)), name).toBe(true);
      expect(existsSync(join(OUTPUT, 'staff-pack-page2.png'))).toBe(true);
    });
  });
}
