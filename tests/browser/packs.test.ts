// A person makes a Word pack in the real UI (Chromium, the real registry over a real vault):
// picks a case manager and a recipient, reads the preview (met and not met), generates through the
// save dialog, opens the folder, finds the pack in the register, checks and regenerates it, and sets
// the firm template.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { addRecord } from '../../electron/services/evidence/records';
import { listPacks } from '../../electron/services/packs/packService';
import { readDocx } from '../support/docx';
import { closeBrowser } from '../support/harness';
import { CHECKLIST, expectMorganPack } from '../support/packChecks';
import { MORGAN, TONI, sha256 } from '../support/packFirm';
import { openPacksPage, previewMorgan } from '../support/packsPage';
import { makePng } from '../support/png';

const SHOTS = path.resolve(__dirname, '../output/screens');

afterAll(closeBrowser);

describe('packs in the browser', () => {
  it('previews, generates through the save dialog, registers, checks and regenerates a Legal Panel pack', async () => {
    const h = await openPacksPage();
    const { page } = h;
    try {
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Packs');
      await expect.poll(() => page.getByText('No packs yet.').count()).toBe(1);
      expect(await page.getByLabel('Information as at').inputValue()).toBe('24/11/2026');
      expect(await page.getByRole('radio', { name: 'Legal Panel evidence pack', exact: true }).isChecked()).toBe(true);
      // Each option's tick sits on the line of its name (a long name once wrapped below its tick).
      const tick = await page.getByRole('checkbox', { name: 'Draw images in the appendix' }).boundingBox();
      const name = await page.getByText('Draw images in the appendix', { exact: true }).boundingBox();
      expect(Math.abs((tick?.y ?? 0) + (tick?.height ?? 0) / 2 - ((name?.y ?? 0) + (name?.height ?? 0) / 2))).toBeLessThan(8);

      // Toni Reyes: the preview shows what is not met before anything is made.
      await page.getByLabel('Case manager', { exact: true }).selectOption({ label: `${TONI.name} (${TONI.ref})` });
      await page.getByLabel('Prepared for').selectOption({ label: 'Fenwick Law (Solicitor)' });
      const checklist = page.getByRole('table', { name: 'MTSP Legal Panel checklist' });
      await expect
        .poll(() =>
          page.getByRole('heading', { name: /^Preview: Legal Panel evidence pack for Toni Reyes, prepared for Fenwick Law, as at 24\/11\/2026$/ }).count(),
        )
        .toBe(1);
      await expect.poll(() => checklist.locator('tbody tr').count()).toBe(10);
      const toniRows = await checklist.locator('tbody tr').allTextContents();
      toniRows.forEach((row, i) => expect(row).toMatch(CHECKLIST[i]));
      expect(toniRows[2]).toContain('Due soon'); // indemnity lapses within the warning window
      expect(toniRows[3]).toContain('Not met'); // no CPD in the last year
      expect(toniRows[6]).toContain('Not met'); // no DBS certificate
      expect(await page.locator('.preview header .status').textContent()).toContain('Not met');

      // Morgan Ellis: every question met; the files each answer rests on are named.
      await previewMorgan(page);
      const morganRows = await checklist.locator('tbody tr').allTextContents();
      expect(morganRows).toHaveLength(10);
      for (const row of morganRows) expect(row).toMatch(/✓ Met/);
      expect(morganRows[2]).toContain('Files: E1 pi.png, E2 indemnity-schedule-2026.png');
      await expect.poll(() => page.getByText(/12 CPD activities in the two years, 5 evidence files in the appendix, 4 drawn as images/).count()).toBe(1);

      // Cancelling the save dialog saves and registers nothing.
      await page.getByRole('button', { name: 'Generate…' }).click();
      await expect.poll(() => page.getByText('Nothing was saved.').count()).toBe(1);
      expect(listPacks(h.session.ctx())).toEqual([]);

      // Generate: the save dialog answers with a path; the file is written there.
      const dest = path.join(h.dir, 'Morgan Ellis for Fenwick.docx');
      h.platform.dialogAnswers.push(dest);
      await page.getByRole('button', { name: 'Generate…' }).click();
      const saved = page.locator('.saved-pack');
      await expect.poll(() => saved.textContent()).toContain('Saved Morgan Ellis for Fenwick.docx');
      expect(existsSync(dest)).toBe(true);
      const bytes = readFileSync(dest);
      const fileSha = sha256(bytes);
      expect(await saved.textContent()).toContain(`SHA-256 ${fileSha}`);
      await expectMorganPack(bytes, { asOf: '2026-11-24', asOfLong: '24 November 2026', recipient: 'Fenwick Law (solicitor)', words: Array(10).fill('Met') });

      await saved.getByRole('button', { name: 'Open folder' }).click();
      await expect.poll(() => h.platform.shown).toEqual([dest]);

      // The register lists it, with the fingerprint in short and in full.
      const register = page.getByRole('table', { name: 'Pack register' });
      await expect.poll(() => register.locator('tbody tr').count()).toBe(1);
      const cells = await register.locator('tbody tr').first().locator('td').allTextContents();
      expect(cells.slice(0, 5)).toEqual(['Legal Panel evidence pack', 'Morgan Ellis (RR-01)', 'Fenwick Law', '24/11/2026', 'Pat Manager']);
      expect(cells[5]).toBe('24/11/2026 12:00'); // the harness's pinned clock, in London time
      expect(cells[6]).toBe('Morgan Ellis for Fenwick.docx');
      const code = register.locator('code.sha');
      expect(await code.textContent()).toBe(`${fileSha.slice(0, 12)}…`);
      expect(await code.getAttribute('title')).toBe(fileSha);
      expect(listPacks(h.session.ctx())[0].sha256).toBe(fileSha);

      // Check: rebuilt from what it was built from, byte for byte the same; nothing changed since.
      await register.getByRole('button', { name: 'Check Morgan Ellis for Fenwick.docx against the register' }).click();
      await expect.poll(() => page.locator('.outcome').textContent()).toContain(`Unchanged.`);
      expect(await page.locator('.outcome').textContent()).toContain(fileSha);
      expect(await page.locator('.outcome').textContent()).toContain('The records it was built from have not changed since.');

      // Morgan's records change; "Regenerate…" then "As sent" still gives the very file registered.
      const morgan = h.session.ctx();
      addRecord(morgan, { type: 'staff', ref: MORGAN.ref }, 'cpd', {
        date: '2026-11-20',
        topic: 'Pressure care',
        provider: 'Tissue Viability Society',
        hours: 1,
      });
      const copy = path.join(h.dir, 'copy.docx');
      h.platform.dialogAnswers.push(copy);
      await register.getByRole('button', { name: 'Regenerate Morgan Ellis for Fenwick.docx' }).click();
      const choice = page.getByRole('group', { name: 'Regenerate Morgan Ellis for Fenwick.docx' });
      // Focus goes to the first choice.
      await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('As sent');
      await choice.getByRole('button', { name: 'As sent' }).click();
      await expect.poll(() => page.locator('.outcome').textContent()).toContain(`Saved to ${copy}`);
      expect(await page.locator('.outcome').textContent()).toContain("Morgan Ellis's records have changed since.");
      expect(readFileSync(copy).equals(bytes)).toBe(true);
      expect(await register.locator('tbody tr').count()).toBe(1);

      // "With today's records": a new pack, a new register entry.
      const fresh = path.join(h.dir, 'fresh.docx');
      h.platform.dialogAnswers.push(fresh);
      await register.getByRole('button', { name: 'Regenerate Morgan Ellis for Fenwick.docx' }).click();
      await choice.getByRole('button', { name: 'With today’s records' }).click();
      await expect.poll(() => page.locator('.outcome').textContent()).toContain('New pack.');
      await expect.poll(() => register.locator('tbody tr').count()).toBe(2);
      expect(readFileSync(fresh).equals(bytes)).toBe(false);
      expect(listPacks(h.session.ctx())[0]).toMatchObject({ id: 2, fileName: 'fresh.docx', sha256: sha256(readFileSync(fresh)) });

      mkdirSync(SHOTS, { recursive: true });
      await page.screenshot({ path: path.join(SHOTS, 'packs.png'), fullPage: true });
    } finally {
      await h.close();
    }
  });

  it('sets the firm template (colour checked as typed, logo through the open dialog) and the next pack uses it', async () => {
    const h = await openPacksPage();
    const { page } = h;
    try {
      const template = page.getByRole('region', { name: 'Pack template' });
      await template.getByLabel('Main colour').fill('blue');
      await expect.poll(() => template.getByText('Main colour must be six hex digits, such as 1F4E79').count()).toBe(1);
      await template.getByLabel('Main colour').fill('7A1F5C');
      await template.getByLabel('Footer line').fill('Registered in England and Wales no. 01234567');
      await template.getByRole('button', { name: 'Save template' }).click();
      await expect.poll(() => template.getByText('Saved.').count()).toBe(1);

      // A file that is not an image is refused with a reason; a PNG becomes the logo.
      const notImage = path.join(h.dir, 'logo.png');
      writeFileSync(notImage, 'not really a picture');
      h.platform.dialogAnswers.push(notImage);
      await template.getByRole('button', { name: 'Choose logo…' }).click();
      await expect.poll(() => template.getByRole('alert').textContent()).toContain('logo.png is not a PNG or JPEG image.');
      const logo = makePng(180, 60, [122, 31, 92]);
      const logoFile = path.join(h.dir, 'riverside-logo.png');
      writeFileSync(logoFile, logo);
      h.platform.dialogAnswers.push(logoFile);
      await template.getByRole('button', { name: 'Choose logo…' }).click();
      await expect.poll(() => template.getByRole('img', { name: 'The firm logo used on pack covers' }).count()).toBe(1);
      expect(await template.getByText('riverside-logo.png: 180 × 60 pixels').count()).toBe(1);

      // The organisation pack made next carries the logo, colour and footer line.
      await page.getByRole('radio', { name: 'Organisation compliance pack', exact: true }).check();
      await expect.poll(() => page.getByRole('table', { name: 'The Organisation: items A to L' }).locator('tbody tr').count()).toBe(12);
      expect(await page.getByRole('table', { name: 'Governance: items D and E' }).locator('tbody tr').count()).toBe(2);
      // A recipient who is not on any case can be typed in.
      await page.getByLabel('Prepared for').selectOption({ label: 'Someone else…' });
      await expect.poll(() => page.getByText('Recipient name is required: type who the pack is for').count()).toBe(1);
      expect(await page.getByRole('button', { name: 'Generate…' }).isDisabled()).toBe(true);
      await page.getByLabel('Recipient name').fill('Aviva Claims');
      await page.getByLabel('Recipient type').selectOption('insurer');
      await expect
        .poll(() =>
          page
            .getByRole('heading', { name: /^Preview: Organisation compliance pack for Riverside Rehabilitation Case Management, prepared for Aviva Claims/ })
            .count(),
        )
        .toBe(1);
      const dest = path.join(h.dir, 'org.docx');
      h.platform.dialogAnswers.push(dest);
      await page.getByRole('button', { name: 'Generate…' }).click();
      await expect.poll(() => page.locator('.saved-pack').textContent()).toContain('Saved org.docx');
      const doc = await readDocx(readFileSync(dest));
      expect(doc.text).toContain('Aviva Claims (insurer)');
      expect(doc.footerText).toContain('Registered in England and Wales no. 01234567');
      expect(doc.documentXml).toContain('7A1F5C');
      const media = await Promise.all(doc.media.map((m) => doc.zip.file(m)!.async('uint8array')));
      expect(media.map((m) => sha256(m))).toContain(sha256(logo));
      const register = page.getByRole('table', { name: 'Pack register' });
      await expect.poll(() => register.locator('tbody tr').first().locator('td').first().textContent()).toBe('Organisation compliance pack');
      expect(await register.locator('tbody tr').first().locator('td').nth(2).textContent()).toBe('Aviva Claims');
    } finally {
      await h.close();
    }
  });
});
