// The unlock screen says what happened to the file in main's own words (db/identify.ts,
// db/lock.ts), not a page-made guess: a text file is "not a Caseproof vault", a vault with a
// damaged first page "is damaged", a vault open on another computer "is open in another
// Caseproof" with who and where, and "Open anyway" opens it.
import { closeSync, openSync, readFileSync, readSync, utimesSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createVault } from '../../db/client';
import { closeBrowser, startHarness } from '../support/harness';

const PASS = 'kettle orchard lantern 42';
afterAll(closeBrowser);

function flip(file: string, offset: number): void {
  const fd = openSync(file, 'r+');
  const b = Buffer.alloc(1);
  readSync(fd, b, 0, 1, offset);
  b[0] ^= 0x01;
  writeSync(fd, b, 0, 1, offset);
  closeSync(fd);
}

describe('the unlock screen names what happened', () => {
  it("not a vault, damaged, and open on another computer, each in main's words", async () => {
    const h = await startHarness({ today: '2026-11-24' });
    const { page } = h;
    await page.getByRole('tab', { name: 'Unlock a vault' }).click();
    const unlock = async (file: string) => {
      await page.getByLabel('Vault file').fill(file);
      await page.getByLabel('Passphrase', { exact: true }).fill(PASS);
      await page.getByRole('button', { name: 'Unlock', exact: true }).click();
    };
    try {
      const text = path.join(h.dir, 'notes.cpv');
      writeFileSync(text, 'Minutes of the team meeting\n');
      await unlock(text);
      await expect.poll(() => page.getByText(`${text} is not a Caseproof vault: it is a text file.`).count()).toBe(1);
      expect(await page.getByText(/passphrase is wrong/).count()).toBe(0);

      const hurt = path.join(h.dir, 'hurt.cpv');
      createVault(hurt, { passphrase: PASS }).close();
      flip(hurt, 1500);
      await unlock(hurt);
      await expect.poll(() => page.getByText(`${hurt} is damaged: page 1 of`, { exact: false }).count()).toBe(1);

      const shared = path.join(h.dir, 'shared.cpv');
      createVault(shared, { passphrase: PASS }).close();
      writeFileSync(
        `${shared}.lock`,
        JSON.stringify({
          app: 'Caseproof',
          user: 'Jane Smith',
          host: 'OFFICE-PC',
          pid: 4242,
          since: '2026-11-24T09:14:00Z',
          boot: '2026-11-20T08:00:00Z',
          token: 'x',
        }),
      );
      const old = new Date(Date.now() - 2 * 3_600_000);
      utimesSync(`${shared}.lock`, old, old);
      await unlock(shared);
      await expect
        .poll(() =>
          page
            .getByText(`${shared} is open in another Caseproof: Jane Smith on OFFICE-PC, since 24/11/2026 09:14, last active 2 hours ago.`, { exact: false })
            .count(),
        )
        .toBe(1);

      // The holder comes with main's error, so the screen can offer "Open anyway"; it opens the vault.
      const refused = await page.evaluate((p) => window.caseproof.unlockVault({ path: p, passphrase: 'kettle orchard lantern 42', remember: false }), shared);
      expect(refused).toMatchObject({ ok: false, error: { code: 'vault-in-use', holder: { user: 'Jane Smith', host: 'OFFICE-PC', canTakeOver: true } } });
      await page.getByRole('button', { name: 'Open anyway' }).click();
      await expect.poll(() => page.getByRole('button', { name: 'Lock' }).count()).toBe(1);
      expect(h.session.state()).toMatchObject({ open: true, path: shared, damage: null });
      expect(JSON.parse(readFileSync(`${shared}.lock`, 'utf8'))).toMatchObject({ user: 'Pat Manager' });
    } finally {
      await h.close();
    }
  });
});
