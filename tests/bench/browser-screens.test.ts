// The browser measurement of issue 9: the real renderer (dist/renderer) in Debian's Chromium
// over the registry and the scale firm, timed in the page with the Performance API
// (performance.now, marks and measures): from navigation until the Dashboard's table and the
// supplier list are visible with their rows. Budget 1 s each. Part of `npm run bench` (not a
// timed test: under the shared machine's load it would be flaky): scale.ts runs this file under
// vitest (the harness's temporary folders are vitest's) with CASEPROOF_BENCH_VAULT set to the
// scale vault and reads the figures from CASEPROOF_BENCH_OUT; `npm test` skips it.
import { copyFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, it } from 'vitest';
import { closeBrowser, startHarness } from '../support/harness';
import { AS_OF, PASSPHRASE } from '../support/scaleFirm';
import { dashboardView } from '../../electron/services/views/dashboard';
import { supplierList } from '../../electron/services/suppliers/vettingFile';

export interface BrowserResult {
  name: string;
  ms: number;
  note: string;
}

const DASHBOARD = 'table[aria-label="Staff by rule"] tbody tr';
const SUPPLIERS = 'table[aria-label="Suppliers"] tbody tr';

/**
 * In the page: marks `name-start`, clicks the section's link (or, with no link, counts from the
 * navigation's own start, performance.now() = 0), and on each frame checks whether `selector`
 * matches a visible row; then marks `name-visible` and measures between them.
 */
function visibleAfter(page: Page, name: string, selector: string, link: string | null): Promise<number> {
  return page.evaluate(
    ({ name, selector, link }) =>
      new Promise<number>((resolve, reject) => {
        const start = link === null ? 0 : performance.now();
        performance.mark(`${name}-start`, { startTime: start });
        if (link !== null) {
          const a = [...document.querySelectorAll<HTMLAnchorElement>('nav[aria-label="Sections"] a')].find((x) => x.textContent?.trim() === link);
          if (!a) return reject(new Error(`no ${link} link in the sections`));
          a.click();
        }
        const until = performance.now() + 60_000;
        const check = () => {
          const row = document.querySelector<HTMLElement>(selector);
          if (row && row.checkVisibility()) {
            performance.mark(`${name}-visible`);
            resolve(performance.measure(name, `${name}-start`, `${name}-visible`).duration);
          } else if (performance.now() > until) reject(new Error(`${selector} never became visible`));
          else requestAnimationFrame(check);
        };
        check();
      }),
    { name, selector, link },
  );
}

async function benchBrowser(vaultFile: string, log: (s: string) => void): Promise<BrowserResult[]> {
  const h = await startHarness({ today: AS_OF });
  try {
    const file = path.join(h.dir, 'scale.cpv');
    copyFileSync(vaultFile, file);
    h.session.unlock(file, PASSPHRASE, false);
    const out: BrowserResult[] = [];
    const round = (ms: number) => Math.round(ms * 10) / 10;
    // As the vault worker does right after the unlock reply (electron/worker/warmUp.ts): the
    // whole-firm screens' work read ahead. (The first call without it is the bench's "first after unlock" row.)
    dashboardView(h.session.ctx());
    supplierList(h.session.ctx());
    await h.reload();
    await h.page.locator('nav[aria-label="Sections"]').waitFor({ timeout: 60_000 });
    await visibleAfter(h.page, 'warm-up', DASHBOARD, 'Dashboard'); // the page's own code loaded once
    await visibleAfter(h.page, 'warm-up-suppliers', SUPPLIERS, 'Suppliers');
    for (let i = 0; i < 3; i++) {
      const d = await visibleAfter(h.page, `dashboard-${i}`, DASHBOARD, 'Dashboard');
      const s = await visibleAfter(h.page, `suppliers-${i}`, SUPPLIERS, 'Suppliers');
      out.push({ name: 'dashboard', ms: d, note: '' }, { name: 'suppliers', ms: s, note: '' });
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const d = round(median(out.filter((r) => r.name === 'dashboard').map((r) => r.ms)));
    const s = round(median(out.filter((r) => r.name === 'suppliers').map((r) => r.ms)));
    // A fresh page load straight onto the Dashboard: from the navigation's start (script, first render, the call, the table).
    await h.page.goto('about:blank');
    await h.page.goto(`${h.url}#/dashboard`);
    const load = round(await visibleAfter(h.page, 'load', DASHBOARD, null));
    log(`  browser: Dashboard ${d} ms, supplier list ${s} ms, Dashboard on a fresh page load ${load} ms`);
    return [
      { name: 'browser: Dashboard table visible after clicking Dashboard', ms: d, note: 'median of 3, Performance API marks in the page' },
      { name: 'browser: supplier list visible after clicking Suppliers', ms: s, note: 'median of 3, Performance API marks in the page' },
      { name: 'browser: Dashboard table visible on a fresh page load', ms: load, note: "from the navigation's start (performance.now() = 0)" },
    ];
  } finally {
    await h.close();
    await closeBrowser();
  }
}

const VAULT = process.env.CASEPROOF_BENCH_VAULT;
describe.skipIf(!VAULT)('the browser measurement at firm scale (npm run bench)', () => {
  it('times the Dashboard and the supplier list from navigation until visible', { timeout: 600_000 }, async () => {
    const results = await benchBrowser(VAULT!, (s) => process.stderr.write(`${s}\n`));
    writeFileSync(process.env.CASEPROOF_BENCH_OUT!, JSON.stringify(results));
  });
});
