// `caseproof pack reproduce` and `pack verify` through the real CLI (a child process, the built
// bundle, a real encrypted vault): a pack rebuilt byte for byte after its person's records and the
// firm changed, stdout saying the SHA-256 equals the registered one; --out refuses to overwrite
// without --force; bad --id is a usage error; a changed file is refused naming why.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { openVault } from '../../db/client';
import { fixedClock } from '../../electron/services/clock';
import { addRecord } from '../../electron/services/evidence/records';
import { getFirm, updateFirm } from '../../electron/services/firm/firm';
import { cli, vaultWithSample } from '../support/cli';
import { sha256 } from '../support/packFirm';

const PASS = 'cli test passphrase 1';

describe('caseproof pack reproduce and pack verify', { timeout: 240_000 }, () => {
  it('rebuilds a registered pack byte for byte after its records change, and verify refuses a changed copy naming the part', async () => {
    const { dir, vault } = vaultWithSample();
    const sent = path.join(dir, 'morgan.docx');
    const made = cli(['pack', '--vault', vault, '--staff', 'RR-01', '--out', sent, '--for', 'Fenwick Law', '--as', 'Pat Manager', '--json']);
    expect(made.code, made.stderr).toBe(0);
    const registered = JSON.parse(made.stdout).sha256 as string;
    expect(sha256(readFileSync(sent))).toBe(registered);

    // Morgan's records and the firm change afterwards (in this process, as the app would).
    const v = openVault(vault, { passphrase: PASS });
    try {
      const ctx = { vault: v, user: 'Someone Else', clock: fixedClock('2026-11-26T09:00:00Z') };
      addRecord(ctx, { type: 'staff', ref: 'RR-01' }, 'cpd', { date: '2026-11-25', topic: 'Added after the pack', provider: 'BABICM', hours: 3 });
      const f = getFirm(ctx);
      updateFirm(ctx, { name: `${f.name} (renamed)`, address: f.address, codeOfConductSignatory: f.codeOfConductSignatory });
    } finally {
      v.close();
    }

    // Check only: no file written, stdout says the hash matches.
    const check = cli(['pack', 'reproduce', '--vault', vault, '--id', '1']);
    expect(check.code, check.stderr).toBe(0);
    expect(check.stdout).toContain('Rebuilt pack number 1, the Legal Panel evidence pack for Morgan Ellis (RR-01) made for Fenwick Law, as at 24/11/2026');
    expect(check.stdout).toContain(`SHA-256 ${registered}: the same as the register's, so this is byte for byte the pack as sent.`);

    // --out writes the very bytes sent.
    const again = path.join(dir, 'again.docx');
    const out = cli(['pack', 'reproduce', '--vault', vault, '--id', '1', '--out', again, '--json']);
    expect(out.code, out.stderr).toBe(0);
    expect(JSON.parse(out.stdout)).toEqual({ id: 1, sha256: registered, registered, same: true, path: again });
    expect(readFileSync(again).equals(readFileSync(sent))).toBe(true);
    // An existing file is kept without --force, replaced with it.
    writeFileSync(again, 'mine');
    const kept = cli(['pack', 'reproduce', '--vault', vault, '--id', '1', '--out', again]);
    expect(kept.code).toBe(1);
    expect(kept.stderr).toContain('already exists; add --force to replace it');
    expect(readFileSync(again, 'utf8')).toBe('mine');
    expect(cli(['pack', 'reproduce', '--vault', vault, '--id', '1', '--out', again, '--force']).code).toBe(0);
    expect(sha256(readFileSync(again))).toBe(registered);

    // Usage errors (exit 2) and an entry that does not exist (exit 1).
    expect(cli(['pack', 'reproduce', '--vault', vault]).code).toBe(2);
    const badId = cli(['pack', 'reproduce', '--vault', vault, '--id', 'one']);
    expect(badId.code).toBe(2);
    expect(badId.stderr).toContain('--id must be a pack');
    const none = cli(['pack', 'reproduce', '--vault', vault, '--id', '9']);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('There is no pack number 9 in the register.');

    // verify: the file as sent is pack 1, unchanged: when, for whom, as at when.
    const ok = cli(['pack', 'verify', '--vault', vault, sent]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(
      /morgan\.docx is pack number 1 in this vault's register, unchanged: the Legal Panel evidence pack for Morgan Ellis \(RR-01\), made for Fenwick Law, as at 24\/11\/2026, made on 24\/11\/2026 12:00 by Pat Manager\./,
    );
    // A copy with one word of its body changed is refused, naming the pack and the part.
    const zip = await JSZip.loadAsync(readFileSync(sent));
    const xml = await zip.file('word/document.xml')!.async('string');
    zip.file('word/document.xml', xml.replace('Morgan Ellis', 'Morgan Ellie'));
    const edited = path.join(dir, 'edited.docx');
    writeFileSync(edited, await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
    const bad = cli(['pack', 'verify', '--vault', vault, edited]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("edited.docx names pack number 1 in this vault's register, but it was changed after it was made");
    expect(bad.stderr).toContain('Changed: word/document.xml.');
    const json = cli(['pack', 'verify', '--vault', vault, edited, '--json']);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({ id: null, unchanged: false, claimedId: 1, changedParts: ['word/document.xml'] });
  });

  it("rebuilds a pack's evidence annex byte for byte with --annex after the firm changes, and says when a pack has none", () => {
    const { dir, vault } = vaultWithSample();
    const sent = path.join(dir, 'morgan.docx');
    const sentAnnex = path.join(dir, 'morgan annex.pdf');
    const made = cli(['pack', '--vault', vault, '--staff', 'RR-01', '--out', sent, '--annex', sentAnnex, '--json']);
    expect(made.code, made.stderr).toBe(0);
    const registered = JSON.parse(made.stdout).annex.sha256 as string;
    expect(sha256(readFileSync(sentAnnex))).toBe(registered);
    expect(cli(['pack', '--vault', vault, '--staff', 'RR-01', '--out', path.join(dir, 'plain.docx')]).code).toBe(0);

    const v = openVault(vault, { passphrase: PASS });
    try {
      const ctx = { vault: v, user: 'Someone Else', clock: fixedClock('2026-11-26T09:00:00Z') };
      const f = getFirm(ctx);
      updateFirm(ctx, { name: `${f.name} (renamed)`, address: f.address, codeOfConductSignatory: f.codeOfConductSignatory });
    } finally {
      v.close();
    }

    const again = path.join(dir, 'again.pdf');
    const r = cli(['pack', 'reproduce', '--vault', vault, '--id', '1', '--annex', again]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`Evidence annex SHA-256 ${registered}: the same as the register's, so it is byte for byte the annex as sent`);
    expect(readFileSync(again).equals(readFileSync(sentAnnex))).toBe(true);
    const json = cli(['pack', 'reproduce', '--vault', vault, '--id', '1', '--annex', again, '--force', '--json']);
    expect(JSON.parse(json.stdout).annex).toEqual({ sha256: registered, registered, same: true, path: again });

    const none = cli(['pack', 'reproduce', '--vault', vault, '--id', '2', '--annex', path.join(dir, 'none.pdf')]);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('Pack number 2 was registered without an evidence annex');
    const notPdf = cli(['pack', 'reproduce', '--vault', vault, '--id', '1', '--annex', path.join(dir, 'x.docx')]);
    expect(notPdf.code).toBe(2);
    expect(notPdf.stderr).toContain('--annex must name a PDF file');
  });
});
