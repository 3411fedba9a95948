// "Check a pack file" on the Packs page in the real UI (Chromium, the real registry over a real
// vault): a pack is made through the UI with its evidence annex, then the person picks files with
// the file input and reads the verdict: the pack as sent (registered, its entry, for whom, as at
// when), its annex, a copy with one word changed (changed after it was made, naming the part), a
// Word file from elsewhere, and a file that is not a Word file or a PDF at all.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { listPacks } from '../../electron/services/packs/packService';
import { closeBrowser } from '../support/harness';
import { MORGAN, sha256 } from '../support/packFirm';
import { openPacksPage } from '../support/packsPage';

afterAll(closeBrowser);

describe('checking a pack file in the app', () => {
  it('says whether a picked file is a registered pack or annex, unchanged, changed, or not a pack', async () => {
    const h = await openPacksPage();
    const { page } = h;
    try {
      await page.getByLabel('Case manager', { exact: true }).selectOption({ label: `${MORGAN.name} (${MORGAN.ref})` });
      await page.getByLabel('Prepared for').selectOption({ label: 'Fenwick Law (Solicitor)' });
      await expect.poll(() => page.getByRole('heading', { name: /^Preview: Legal Panel evidence pack for Morgan Ellis/ }).count()).toBe(1);
      await page.getByRole('checkbox', { name: 'Include an evidence annex (PDF)' }).check();
      const dest = path.join(h.dir, 'Morgan.docx');
      h.platform.dialogAnswers.push(dest);
      await page.getByRole('button', { name: 'Generate…' }).click();
      await expect.poll(() => page.locator('.saved-pack').textContent()).toContain('Saved Morgan.docx');
      const [entry] = listPacks(h.session.ctx());
      const bytes = readFileSync(dest);

      const check = page.getByRole('region', { name: 'Check a pack file' });
      const input = check.getByLabel('Pack or annex file');
      const verdict = check.locator('.outcome');
      const pick = async (file: string, expected: string) => {
        await input.setInputFiles(file);
        await expect.poll(() => verdict.textContent()).toContain(expected);
        // Focus moves to the answer.
        await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('outcome'))).toBe(true);
        return (await verdict.textContent()) ?? '';
      };

      // The pack as sent: registered and unchanged, with its entry, subject, recipient and dates.
      const sent = await pick(dest, 'Registered and unchanged.');
      expect(sent).toContain(
        `Morgan.docx is pack number ${entry.id} in this vault's register, unchanged: the Legal Panel evidence pack for Morgan Ellis (RR-01), made for Fenwick Law, as at 24/11/2026, made on 24/11/2026 12:00 by Pat Manager.`,
      );
      expect(await verdict.getAttribute('role')).toBe('status');
      expect(await verdict.locator('dt').allTextContents()).toEqual(['Register entry', 'Pack', 'Prepared for', 'As at', 'Made']);
      expect(await verdict.locator('dd').allTextContents()).toEqual([
        String(entry.id),
        'Legal Panel evidence pack, Morgan Ellis (RR-01)',
        'Fenwick Law',
        '24/11/2026',
        '24/11/2026 12:00 by Pat Manager',
      ]);
      expect(sent).toContain(sha256(bytes));

      // Its evidence annex, saved beside it.
      const annex = await pick(path.join(h.dir, 'Morgan - evidence annex.pdf'), 'Registered evidence annex, unchanged.');
      expect(annex).toContain(`Morgan - evidence annex.pdf is the evidence annex of pack number ${entry.id} in this vault's register, unchanged`);

      // One word of the body changed: the pack it names, that it was changed, and the part.
      const zip = await JSZip.loadAsync(bytes);
      const xml = await zip.file('word/document.xml')!.async('string');
      zip.file('word/document.xml', xml.replace('Morgan Ellis', 'Morgan Ellie'));
      const edited = path.join(h.dir, 'edited.docx');
      writeFileSync(edited, await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
      const changed = await pick(edited, 'Changed after it was made.');
      expect(changed).toContain(`edited.docx names pack number ${entry.id} in this vault's register, but it was changed after it was made`);
      expect(await verdict.getByRole('listitem').allTextContents()).toEqual(['word/document.xml']);
      expect(await verdict.getAttribute('role')).toBe('alert');

      // A Word file that is not a pack of this vault.
      const other = new JSZip();
      other.file('word/document.xml', '<w:document/>');
      const letter = path.join(h.dir, 'letter.docx');
      writeFileSync(letter, await other.generateAsync({ type: 'uint8array' }));
      expect(await pick(letter, 'Not a pack from this vault.')).toContain('letter.docx is not a pack this vault registered');

      // Not a Word file or a PDF at all: the file is named.
      const notes = path.join(h.dir, 'notes.txt');
      writeFileSync(notes, 'call the solicitor on Tuesday');
      expect(await pick(notes, 'Not a pack file.')).toContain("notes.txt is not a Word file (it is not a .docx package) or a pack's evidence annex (a PDF)");

      // Nothing was registered by checking.
      expect(listPacks(h.session.ctx())).toHaveLength(1);
    } finally {
      await h.close();
    }
  });
});
