// The page fits the window: on a full firm's Dashboard (the invented demo firm, whose people-by-rule
// table is wider than the window) the page itself never scrolls sideways; the wide table scrolls in
// its own box, so the banners and headings above it are never cut off at the right edge.
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { seedDemoFirm } from '../../electron/services/demo/demoFirm';
import { closeBrowser, nav, startHarness } from '../support/harness';

afterAll(closeBrowser);

describe('layout', () => {
  it('keeps the Dashboard of a full firm within a 1280 px window', async () => {
    const h = await startHarness({ today: '2026-11-24' });
    const { page } = h;
    try {
      h.session.create(path.join(h.dir, 'firm.cpv'), 'layout test passphrase 1', false);
      seedDemoFirm(h.session.ctx());
      await h.reload();
      await nav(page, 'Dashboard');
      await page.getByRole('heading', { name: /Northgate Rehabilitation/ }).waitFor();
      const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, window: document.documentElement.clientWidth }));
      expect(widths.page).toBeLessThanOrEqual(widths.window);
    } finally {
      await h.close();
    }
  });
});
