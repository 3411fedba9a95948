// The real desktop app under Playwright's Electron driver, with production window
// settings. It runs wherever the Electron binary and the Electron-ABI SQLite module exist
// (`npm start` builds both on a machine with internet); elsewhere it is skipped and says why.
// The vault runs in worker threads started by main (electron/worker/host.ts): this loads the
// Electron-ABI SQLite module in a worker, and a long import runs in the job worker with its
// progress sent to the window. tests/electron/boot.test.ts covers main under plain Node.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { _electron as electron } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { OP_NAMES } from '../../electron/contract/api';
import type { ProgressEvent } from '../../electron/contract/events';

const root = path.resolve(__dirname, '../..');
function electronBinary(): string | null {
  try {
    const p = createRequire(import.meta.url)('electron') as unknown as string;
    return typeof p === 'string' && existsSync(p) ? p : null;
  } catch {
    return null; // the package throws when its binary was never downloaded
  }
}
const binary = electronBinary();
const native = path.join(root, '.electron-native', 'better_sqlite3.node');
const why = !binary
  ? 'the Electron binary is not installed here (installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1)'
  : !existsSync(native)
    ? 'the Electron build of the SQLite module is missing (run `node scripts/electron-native.mjs`, which needs internet)'
    : !existsSync(path.join(root, 'dist', 'electron', 'main.cjs'))
      ? 'the app is not built (run `npm run build`)'
      : null;
if (why) console.log(`\n[electron smoke test] SKIPPED: ${why}.\n`);

describe.skipIf(why !== null)(`Electron smoke test${why ? ` (SKIPPED: ${why})` : ''}`, () => {
  it('opens a hardened window, exposes exactly the contract, blocks navigation, and creates a vault', async () => {
    const userData = mkdtempSync(path.join(tmpdir(), 'caseproof-electron-'));
    const app = await electron.launch({ executablePath: binary!, args: [root], env: { ...process.env, CASEPROOF_USER_DATA: userData } });
    try {
      const page = await app.firstWindow();
      await page.waitForLoadState('domcontentloaded');
      expect(await page.title()).toBe('Caseproof');
      expect(page.url()).toBe('app://caseproof/index.html');
      // Node is out of the page's reach (nodeIntegration off, contextIsolation and sandbox on).
      const seen = await page.evaluate(() => ({
        ops: Object.keys(window.caseproof).sort(),
        require: typeof (window as unknown as { require?: unknown }).require,
        process: typeof (window as unknown as { process?: unknown }).process,
      }));
      expect(seen.ops).toEqual([...OP_NAMES, 'on'].sort());
      expect(seen).toMatchObject({ require: 'undefined', process: 'undefined' });
      const perms = await page.evaluate(() => navigator.permissions.query({ name: 'geolocation' }).then((p) => p.state));
      expect(perms).not.toBe('granted');
      expect(await page.evaluate(() => window.open('https://example.com'))).toBeNull();
      await page.evaluate(() => {
        window.location.href = 'https://example.com/';
      });
      await page.waitForTimeout(500);
      expect(page.url()).toBe('app://caseproof/index.html');

      await page.getByRole('tab', { name: 'Create a new vault' }).click();
      await page.getByLabel('Vault file').fill(path.join(userData, 'smoke.cpv'));
      await page.getByLabel('Passphrase', { exact: true }).fill('electron smoke passphrase');
      await page.getByLabel('Passphrase again').fill('electron smoke passphrase');
      await page.getByRole('button', { name: 'Create vault' }).click();
      await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Staff', exact: true }).click();
      await page.getByRole('button', { name: 'Add staff member' }).click();
      await page.getByLabel('Name').fill('Electron Person');
      await page.getByLabel('Reference').fill('EL-1');
      await page.getByRole('button', { name: 'Add staff member' }).click();
      await expect.poll(() => page.getByRole('table', { name: 'Staff members' }).textContent()).toContain('Electron Person');
      expect(existsSync(path.join(userData, 'smoke.cpv'))).toBe(true);

      // A long operation: the firm-file import runs in the job worker; main's open dialog is
      // answered here, and the page hears the progress events through window.caseproof.on.
      await app.evaluate(
        ({ dialog }, file) => {
          dialog.showOpenDialog = async () => ({ canceled: false, filePaths: [file] });
        },
        path.join(root, 'tests/fixtures/riverside-firm.json'),
      );
      await page.evaluate(() => {
        const w = window as unknown as { heard: unknown[] };
        w.heard = [];
        window.caseproof.on('progress', (e) => w.heard.push(e));
      });
      await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Settings', exact: true }).click();
      await page.getByRole('link', { name: 'Import a firm file…' }).click();
      await page.getByRole('button', { name: 'Choose the file…' }).click();
      await page.getByRole('button', { name: 'Import', exact: true }).click();
      await expect.poll(() => page.getByRole('status').last().textContent()).toContain('Imported riverside-firm.json: 2 staff');
      const heard = await page.evaluate(() => (window as unknown as { heard: ProgressEvent[] }).heard);
      expect(heard.at(-1)).toMatchObject({ op: 'applyImport', finished: true });
    } finally {
      await app.close();
      rmSync(userData, { recursive: true, force: true });
    }
  });
});
