// A long operation in the real UI, in the app's own arrangement (the vault workers started
// by electron/worker/host.ts): importing a 20,000-case firm file shows its progress card
// while it runs, the page's other calls are answered meanwhile, and the card goes when the
// import has finished.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeBrowser, nav, startWorkerHarness } from '../support/harness';
import { writeBigFirmFile } from '../support/bigFirm';

afterAll(closeBrowser);
const SHOTS = path.resolve(__dirname, '../output/screenshots');

describe('progress of a long operation', () => {
  it('shows how far a 20,000-case import has got, answers other calls meanwhile, and clears when done', async () => {
    const h = await startWorkerHarness({ today: '2026-11-24' });
    const { page } = h;
    try {
      const file = path.join(h.dir, 'firm.cpv');
      expect(await h.host.call('createVault', { path: file, passphrase: 'progress test passphrase', remember: false })).toMatchObject({ ok: true });
      expect(await h.host.call('createStaff', { ref: 'PR-1', name: 'Priya Present' })).toMatchObject({ ok: true });
      await page.reload();
      await nav(page, 'Settings');

      h.platform.dialogAnswers.push(writeBigFirmFile(h.dir, 20_000));
      await page.getByRole('link', { name: 'Import a firm file…' }).click();
      await page.getByRole('button', { name: 'Choose the file…' }).click();
      // The preview first (nothing written), then the import itself, which runs in the job worker.
      const importButton = page.getByRole('button', { name: 'Import', exact: true });
      await expect.poll(() => importButton.isEnabled(), { timeout: 60_000 }).toBe(true);
      // What the card shows is read by the page itself, the moment it first draws a bar that is
      // not yet full, and the page's other call is made at that same moment: on an idle machine
      // the import can finish between two steps of the test, so nothing here waits for a bar
      // that may already have gone.
      await page.evaluate(() => {
        const w = window as unknown as { __seen?: Promise<unknown> };
        w.__seen = new Promise((resolve) => {
          const look = () => {
            const bar = document.querySelector<HTMLProgressElement>('[role="region"][aria-label="Work in progress"] progress');
            if (!bar || bar.max <= 0 || bar.value >= bar.max) return;
            observer.disconnect();
            const shown = { value: bar.value, max: bar.max, label: bar.getAttribute('aria-label') };
            void window.caseproof.listStaff({}).then((staff) => resolve({ shown, staff }));
          };
          const observer = new MutationObserver(look);
          observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['value', 'max'] });
          look();
        });
      });
      await importButton.click();
      const card = page.getByRole('region', { name: 'Work in progress' });
      const { shown, staff } = (await page.evaluate(() => (window as unknown as { __seen: Promise<unknown> }).__seen)) as {
        shown: { value: number; max: number; label: string | null };
        staff: unknown;
      };
      expect(shown.max).toBeGreaterThan(0);
      expect(shown.value).toBeLessThan(shown.max);
      expect(shown.label).toMatch(/^(Checking the firm file|Importing( staff| cases)?)$/);
      // The page is answered while the import runs (it reads the vault as it was before).
      expect(staff).toEqual({ ok: true, value: [{ id: 1, ref: 'PR-1', name: 'Priya Present' }] });
      mkdirSync(SHOTS, { recursive: true });
      await page.screenshot({ path: path.join(SHOTS, 'progress.png') });

      await expect.poll(() => page.getByRole('status').last().textContent(), { timeout: 60_000 }).toMatch(/Imported .*: 20 staff, 0 suppliers, 20000 cases/);
      await expect.poll(() => card.count()).toBe(0);
      // Every progress event the page saw came from the job worker's preview and import, and it ended.
      const progress = h.events.filter((e) => e.name === 'progress').map((e) => e.payload);
      expect([...new Set(progress.map((p) => p.op))].every((op) => op === 'previewImport' || op === 'applyImport')).toBe(true);
      expect(progress.some((p) => p.op === 'applyImport')).toBe(true);
      expect(progress.at(-1)).toMatchObject({ finished: true });
    } finally {
      await h.close();
    }
    // A 20,000-case file is written, previewed and imported: minutes, not seconds, on a loaded 2-core machine.
  }, 180_000);
});
