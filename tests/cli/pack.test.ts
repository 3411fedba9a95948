// `caseproof pack` as a black box: the real command on a real vault, the .docx read back, the
// register row read from the vault, the usage errors (exit 2) and refusals (exit 1).
import { fixedClock } from '../../electron/services/clock';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openVault } from '../../db/client';
import { packs } from '../../db/schema';
import { reproducePackTo } from '../../electron/services/packs/packService';
import { cli } from '../support/cli';
import { readDocx } from '../support/docx';
import { expectMorganPack } from '../support/packChecks';
import { MORGAN, SUPPLIER, packFirmFile, sha256 } from '../support/packFirm';
import { tempDir } from '../support/tmp';

const PASS = 'cli test passphrase 1';
const AS_OF = '2026-11-24';

function vaultWithFirm() {
  const dir = tempDir();
  const vault = path.join(dir, 'riverside.cpv');
  const firmFile = path.join(dir, 'firm.json');
  writeFileSync(firmFile, JSON.stringify(packFirmFile()));
  expect(cli(['init', '--vault', vault]).code).toBe(0);
  const imp = cli(['import', '--vault', vault, firmFile]);
  expect(imp.code, imp.stderr).toBe(0);
  return { dir, vault };
}
function registerRows(vault: string) {
  const v = openVault(vault, { passphrase: PASS });
  try {
    return v.orm.select().from(packs).all();
  } finally {
    v.close();
  }
}
const docxIn = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.docx') || f.endsWith('.tmp'));

describe('caseproof pack', () => {
  it('writes the Legal Panel pack for a case manager, prints its path and SHA-256, and registers it', async () => {
    const { dir, vault } = vaultWithFirm();
    const out = path.join(dir, 'morgan.docx');
    const r = cli(['pack', '--vault', vault, '--staff', MORGAN.ref, '--out', out, '--as-of', AS_OF, '--for', 'fenwick law']);
    expect(r.code, r.stderr).toBe(0);
    const bytes = readFileSync(out);
    const fileSha = sha256(bytes);
    expect(r.stdout).toContain(`Wrote the Legal Panel evidence pack for ${MORGAN.name} for Fenwick Law, as at 24/11/2026:`);
    expect(r.stdout).toContain(`  ${out}\n`);
    expect(r.stdout).toContain(`SHA-256 ${fileSha}\n`);
    // "fenwick law" matched the instructing party on the case, so the cover names its kind too.
    await expectMorganPack(bytes, { asOf: AS_OF, asOfLong: '24 November 2026', recipient: 'Fenwick Law (solicitor)', words: Array(10).fill('Met') });

    const rows = registerRows(vault);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ kind: 'staff', subjectRef: MORGAN.ref, recipient: 'Fenwick Law', asOf: AS_OF, fileName: 'morgan.docx', sha256: fileSha });

    // The registered pack rebuilds to the same bytes through the service.
    const v = openVault(vault, { passphrase: PASS });
    try {
      const again = await reproducePackTo({ vault: v, user: 'Checker', clock: fixedClock('2027-03-01') }, rows[0].id, null);
      expect(again).toMatchObject({ same: true, sha256: fileSha });
    } finally {
      v.close();
    }
  });

  it('--json gives path, sha256, kind, ref and asOf; --supplier and --firm make the other packs', async () => {
    const { dir, vault } = vaultWithFirm();
    const sup = path.join(dir, 'supplier.docx');
    const r = cli(['pack', '--vault', vault, '--supplier', SUPPLIER.ref, '--out', sup, '--as-of', AS_OF, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j).toEqual({ path: sup, sha256: sha256(readFileSync(sup)), kind: 'supplier', ref: SUPPLIER.ref, asOf: AS_OF });
    const supDoc = await readDocx(readFileSync(sup));
    expect(supDoc.text).toContain('Supplier vetting report');
    expect(supDoc.text).toContain(SUPPLIER.name);

    const org = path.join(dir, 'org.docx');
    const f = cli(['pack', '--vault', vault, '--firm', '--out', org, '--as-of', AS_OF, '--json']);
    expect(f.code, f.stderr).toBe(0);
    expect(JSON.parse(f.stdout)).toEqual({ path: org, sha256: sha256(readFileSync(org)), kind: 'firm', ref: null, asOf: AS_OF });
    const orgDoc = await readDocx(readFileSync(org));
    expect(orgDoc.text).toContain('Organisation compliance pack');
    expect(orgDoc.footerXml.join('')).toMatch(/<w:instrText[^>]*>NUMPAGES<\/w:instrText>/);
    expect(registerRows(vault).map((x) => [x.kind, x.sha256])).toEqual([
      ['supplier', j.sha256],
      ['firm', sha256(readFileSync(org))],
    ]);
  });

  it('usage errors exit 2 and write nothing', () => {
    const { dir, vault } = vaultWithFirm();
    const out = path.join(dir, 'x.docx');
    const cases: [string[], RegExp][] = [
      [['pack', '--vault', vault, '--out', out], /exactly one of --staff REF, --supplier REF or --firm/],
      [['pack', '--vault', vault, '--staff', MORGAN.ref, '--firm', '--out', out], /exactly one of/],
      [['pack', '--vault', vault, '--staff', MORGAN.ref, '--supplier', SUPPLIER.ref, '--out', out], /exactly one of/],
      [['pack', '--vault', vault, '--staff', MORGAN.ref], /--out is required/],
      [['pack', '--vault', vault, '--staff', MORGAN.ref, '--out', path.join(dir, 'x.pdf')], /--out must name a Word file ending in \.docx/],
      [['pack', '--vault', vault, '--staff', MORGAN.ref, '--out', out, '--as-of', '24/11/2026'], /--as-of must be a real date/],
      [['pack', '--vault', vault, '--staff', MORGAN.ref, '--out', out, '--for', '  '], /--for needs the name/],
      [['pack', '--vault', vault, '--staff', MORGAN.ref, '--out', out, '--colour', 'red'], /--colour is not an option of caseproof pack/],
      [['pack', '--vault', vault, '--staff', MORGAN.ref, '--out', out, 'extra.docx'], /takes no file names/],
    ];
    for (const [args, message] of cases) {
      const r = cli(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(message);
      expect(r.stdout).toBe('');
    }
    expect(docxIn(dir)).toEqual([]);
    expect(registerRows(vault)).toEqual([]);
  });

  it('refuses to overwrite --out unless --force, and exits 1 for an unknown person, a future date or a wrong passphrase', () => {
    const { dir, vault } = vaultWithFirm();
    const out = path.join(dir, 'taken.docx');
    writeFileSync(out, 'someone else’s file');
    const r = cli(['pack', '--vault', vault, '--staff', MORGAN.ref, '--out', out, '--as-of', AS_OF]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${out} already exists; add --force to replace it.`);
    expect(readFileSync(out, 'utf8')).toBe('someone else’s file');

    const forced = cli(['pack', '--vault', vault, '--staff', MORGAN.ref, '--out', out, '--as-of', AS_OF, '--force', '--json']);
    expect(forced.code, forced.stderr).toBe(0);
    expect(JSON.parse(forced.stdout).sha256).toBe(sha256(readFileSync(out)));

    const missing = path.join(dir, 'nobody.docx');
    const unknown = cli(['pack', '--vault', vault, '--staff', 'RR-99', '--out', missing]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('No case manager with the reference RR-99 is in the vault.');
    const future = cli(['pack', '--vault', vault, '--staff', MORGAN.ref, '--out', missing, '--as-of', '2099-01-01']);
    expect(future.code).toBe(1);
    expect(future.stderr).toMatch(/cannot speak for a date after today/);
    const wrong = cli(['pack', '--vault', vault, '--staff', MORGAN.ref, '--out', missing], { CASEPROOF_PASSPHRASE: 'not the passphrase' });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/passphrase is wrong/);
    expect(existsSync(missing)).toBe(false);
    expect(docxIn(dir)).toEqual(['taken.docx']);
    expect(registerRows(vault)).toHaveLength(1);
  });
});
