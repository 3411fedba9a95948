// The audit trail's end in the real UI (issue 11, db/auditHead.ts): the last entries deleted with
// raw SQL (the guard triggers dropped) are named, by entry number, in the banner at unlock.
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openVault } from '../../db/client';
import { headFileOf } from '../../db/auditHead';
import { createStaff } from '../../electron/services/staff/staff';
import { closeBrowser, startHarness } from '../support/harness';

const PASS = 'kettle orchard lantern 42';
const AXE = readFileSync(path.resolve(__dirname, '../../node_modules/axe-core/axe.min.js'), 'utf8');

afterAll(closeBrowser);

describe('the audit trail’s end in the browser', () => {
  it('says plainly at unlock that entries were removed from the end of the trail', async () => {
    const h = await startHarness({ today: '2026-11-24' });
    const { page } = h;
    try {
      const file = path.join(h.dir, 'firm.cpv');
      h.session.create(file, PASS, false);
      createStaff(h.session.ctx(), { ref: 'CM-1', name: 'Alex Morgan', daysPerWeek: 3 });
      createStaff(h.session.ctx(), { ref: 'CM-2', name: 'Sam Okafor', daysPerWeek: 4 });
      h.session.lock(); // the head file beside the vault now names the lock entry
      // Someone deletes the last 3 entries with a raw SQL tool: what is left still links up.
      const v = openVault(file, { passphrase: PASS });
      const last = (v.sqlite.prepare('SELECT max(seq) AS n FROM audit_log').get() as { n: number }).n;
      v.sqlite.exec('DROP TRIGGER audit_log_no_delete');
      v.sqlite.exec(`DELETE FROM audit_log WHERE seq > ${last - 3}`);
      v.close();
      await h.reload();
      await page.getByLabel('Passphrase', { exact: true }).fill(PASS);
      await page.getByRole('button', { name: 'Unlock' }).click();
      const banner = page.locator('.damage-banner');
      await expect.poll(() => banner.textContent()).toContain('Something in this vault does not match what Caseproof recorded.');
      expect(await banner.textContent()).toContain(
        `The vault's audit trail ends at entry ${last - 3}, but its head file (firm.cpv.head) says entry ${last}: entries ${last - 2} to ${last} were removed.`,
      );
      // A fault is damage only: the calm notice is not shown for it.
      expect(await page.getByRole('status', { name: 'Audit trail check' }).count()).toBe(0);
    } finally {
      await h.close();
    }
  });

  it('a vault first opened with the check gets a calm notice, not the damage banner, and no axe violation', async () => {
    const h = await startHarness({ today: '2026-11-24' });
    const { page } = h;
    try {
      const file = path.join(h.dir, 'firm.cpv');
      h.session.create(file, PASS, false);
      createStaff(h.session.ctx(), { ref: 'CM-1', name: 'Alex Morgan', daysPerWeek: 3 });
      h.session.lock();
      rmSync(headFileOf(file)); // as every vault made before this check arrived
      await h.reload();
      await page.getByLabel('Passphrase', { exact: true }).fill(PASS);
      await page.getByRole('button', { name: 'Unlock' }).click();
      const notice = page.getByRole('status', { name: 'Audit trail check' });
      await notice.waitFor();
      expect(await notice.textContent()).toContain(
        'This looks like the first time this vault has been opened with the check of where its audit trail ends: Caseproof has noted where the trail ends (in firm.cpv.head, beside the vault) and will check it from now on.',
      );
      expect(await page.getByRole('alert').count()).toBe(0);
      expect(await page.locator('.damage-banner').count()).toBe(0);
      await page.evaluate(AXE);
      const violations = await page.evaluate(async () => {
        const a = (window as unknown as { axe: typeof import('axe-core') }).axe;
        const r = await a.run(document, {
          runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
          resultTypes: ['violations'],
        });
        return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      });
      expect(violations).toEqual([]);
      await notice.getByRole('button', { name: 'Dismiss' }).click();
      await expect.poll(() => notice.count()).toBe(0);
      // The head was written at that unlock: the next one has nothing to say.
      await page.getByRole('button', { name: 'Lock' }).click();
      await page.getByLabel('Passphrase', { exact: true }).fill(PASS);
      await page.getByRole('button', { name: 'Unlock' }).click();
      await page.locator('h1').first().waitFor();
      await page.getByRole('button', { name: 'Lock' }).waitFor();
      expect(await page.getByRole('status', { name: 'Audit trail check' }).count()).toBe(0);
    } finally {
      await h.close();
    }
  });
});
