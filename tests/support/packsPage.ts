// Where the browser pack tests start: the real UI on the Packs page over a fresh vault that
// holds the pack firm (packFirm.ts), on the pack firm's day. One place, so the pack maker,
// the annex and the "check a pack file" tests all begin from the same firm and page.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { importFirmFile } from '../../electron/services/interchange/importFirmFile';
import { type Harness, nav, startHarness } from './harness';
import { MORGAN, packFirmFile } from './packFirm';

/** The harness, unlocked on a vault with the pack firm imported, showing the Packs page. */
export async function openPacksPage(): Promise<Harness> {
  const h = await startHarness({ today: '2026-11-24' });
  try {
    h.session.create(path.join(h.dir, 'firm.cpv'), 'kettle orchard lantern 42', false);
    importFirmFile(h.session.ctx(), packFirmFile());
    await h.reload();
    await nav(h.page, 'Packs');
    return h;
  } catch (e) {
    await h.close();
    throw e;
  }
}

/** Picks Morgan Ellis (every question met) in the pack maker and waits for the preview. */
export async function previewMorgan(page: Page): Promise<void> {
  await page.getByLabel('Case manager', { exact: true }).selectOption({ label: `${MORGAN.name} (${MORGAN.ref})` });
  await expect.poll(() => page.getByRole('heading', { name: /^Preview: Legal Panel evidence pack for Morgan Ellis/ }).count()).toBe(1);
}
