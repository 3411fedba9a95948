// The pack maker's "Include an evidence annex (PDF)" in the real UI (Chromium, the real registry
// over a real vault): one Generate saves the Word pack and, beside it, the annex PDF, both in the
// register; the annex is read back with pdf-lib. 'As sent' later gives back both, byte for byte.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { annexOf } from '../../electron/services/packs/annexService';
import { listPacks } from '../../electron/services/packs/packService';
import { closeBrowser } from '../support/harness';
import { sha256 } from '../support/packFirm';
import { openPacksPage, previewMorgan } from '../support/packsPage';

afterAll(closeBrowser);

describe('the evidence annex in the pack maker', () => {
  it('saves the annex beside the pack when the box is ticked, and says where and with what fingerprint', async () => {
    const h = await openPacksPage();
    const { page } = h;
    try {
      await previewMorgan(page);
      const box = page.getByRole('checkbox', { name: 'Include an evidence annex (PDF)' });
      expect(await box.isChecked()).toBe(false);
      await box.check();

      const dest = path.join(h.dir, 'Morgan.docx');
      h.platform.dialogAnswers.push(dest);
      await page.getByRole('button', { name: 'Generate…' }).click();
      const saved = page.locator('.saved-pack');
      await expect.poll(() => saved.textContent()).toContain('Saved its evidence annex Morgan - evidence annex.pdf beside it');
      const annexPath = path.join(h.dir, 'Morgan - evidence annex.pdf');
      expect(existsSync(dest)).toBe(true);
      const bytes = readFileSync(annexPath);
      const doc = await PDFDocument.load(bytes);
      expect(await saved.textContent()).toContain(`${doc.getPageCount()} pages`);
      expect(await saved.textContent()).toContain(`Annex SHA-256 ${sha256(bytes)}`);

      const [entry] = listPacks(h.session.ctx());
      expect(entry.sha256).toBe(sha256(readFileSync(dest)));
      expect(annexOf(h.session.ctx(), entry.id)).toMatchObject({ sha256: sha256(bytes), pages: doc.getPageCount() });

      // The firm is renamed; "Regenerate…" then "As sent" gives back both files as sent, byte for byte.
      h.session.ctx().vault.sqlite.prepare(`UPDATE firm SET name = 'Renamed Ltd'`).run();
      const copy = path.join(h.dir, 'copy.docx');
      h.platform.dialogAnswers.push(copy);
      const register = page.getByRole('table', { name: 'Pack register' });
      await register.getByRole('button', { name: 'Regenerate Morgan.docx' }).click();
      await page.getByRole('group', { name: 'Regenerate Morgan.docx' }).getByRole('button', { name: 'As sent' }).click();
      await expect
        .poll(() => page.locator('.outcome').textContent())
        .toContain('Saved its evidence annex copy - evidence annex.pdf beside it, the same bytes as sent');
      expect(readFileSync(copy).equals(readFileSync(dest))).toBe(true);
      expect(readFileSync(path.join(h.dir, 'copy - evidence annex.pdf')).equals(bytes)).toBe(true);
    } finally {
      await h.close();
    }
  });
});
