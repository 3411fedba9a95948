// The audit trail's end through the real CLI (issue 11, db/auditHead.ts): every command that opens
// the vault leaves the head file beside it naming the trail's last entry; the last 3 entries
// deleted with raw SQL (triggers dropped) make `audit verify` and `check` exit 1 naming the entry
// numbers, every time; a missing head file is a notice (exit 0) and is written again.
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openVault } from '../../db/client';
import { headFileOf } from '../../db/auditHead';
import { cli, vaultWithSample } from '../support/cli';
import { tempDir } from '../support/tmp';

const PASS = 'cli test passphrase 1';
const headOf = (vault: string) => JSON.parse(readFileSync(headFileOf(vault), 'utf8')) as { vaultId: string; seq: number; hash: string };
/** Opens the vault in this process and runs raw SQL on it, as a tool outside Caseproof could. */
function raw<T>(vault: string, fn: (db: ReturnType<typeof openVault>['sqlite']) => T): T {
  const v = openVault(vault, { passphrase: PASS });
  try {
    return fn(v.sqlite);
  } finally {
    v.close();
  }
}
const lastSeq = (vault: string) => raw(vault, (db) => (db.prepare('SELECT coalesce(max(seq), 0) AS n FROM audit_log').get() as { n: number }).n);

describe('caseproof audit verify and check: where the trail ends', { timeout: 240_000 }, () => {
  it('a clean vault passes; the last 3 entries deleted exit 1 naming them, each time', () => {
    const { vault } = vaultWithSample();
    expect(statSync(headFileOf(vault)).mode & 0o777).toBe(0o600);
    expect(headOf(vault)).toMatchObject({ seq: lastSeq(vault) });
    const ok = cli(['audit', 'verify', '--vault', vault]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/entries are intact: .*, and the trail ends where its head file says\.\n$/);
    const sound = cli(['check', '--vault', vault]);
    expect(sound.code, sound.stderr).toBe(0);
    expect(sound.stdout).toMatch(/its end against the head file beside the vault/);

    const m = headOf(vault).seq;
    expect(m).toBe(lastSeq(vault));
    raw(vault, (db) => {
      db.exec('DROP TRIGGER audit_log_no_delete');
      db.exec(`DELETE FROM audit_log WHERE seq > ${m - 3}`);
    });
    const said = `The vault's audit trail ends at entry ${m - 3}, but its head file (riverside.cpv.head) says entry ${m}: entries ${m - 2} to ${m} were removed.`;
    const verify = cli(['audit', 'verify', '--vault', vault]);
    expect(verify.code).toBe(1);
    expect(verify.stderr).toBe(`caseproof: ${said}\n`);
    // The failed commands wrote their own unlock and lock entries, but did not move the head on.
    expect(headOf(vault).seq).toBe(m);
    const check = cli(['check', '--vault', vault]);
    expect(check.code).toBe(1);
    // (verify's own unlock and lock came after the cut: the trail now ends one entry short of the head)
    expect(check.stderr).toMatch(
      new RegExp(`^caseproof: The vault's audit trail ends at entry ${m - 1}, but its head file \\(riverside\\.cpv\\.head\\) says entry ${m}`),
    );
    // Any other command leaves it as it is too.
    expect(cli(['status', '--vault', vault]).code).toBe(0);
    expect(headOf(vault).seq).toBe(m);
    expect(cli(['audit', 'verify', '--vault', vault]).code).toBe(1);
  });

  it('init and demo write the head of the new vault', () => {
    const dir = tempDir();
    for (const made of ['init', 'demo']) {
      const vault = path.join(dir, `${made}.cpv`);
      expect(cli([made, '--vault', vault]).code).toBe(0);
      expect(headOf(vault).seq).toBe(lastSeq(vault));
      expect(cli(['audit', 'verify', '--vault', vault]).stdout).toMatch(/the trail ends where its head file says\.\n$/);
    }
  });

  it('a missing head file is a notice, exit 0, and is written again', () => {
    const { vault } = vaultWithSample();
    rmSync(headFileOf(vault));
    const r = cli(['audit', 'verify', '--vault', vault]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(
      /^Note: There is no head file \(riverside\.cpv\.head\) beside the vault: Caseproof cannot check the audit trail's end this time\. /,
    );
    expect(r.stdout).not.toMatch(/ends where its head file says/);
    expect(existsSync(headFileOf(vault))).toBe(true);
    expect(headOf(vault).seq).toBe(lastSeq(vault));
    const again = cli(['check', '--vault', vault]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).not.toMatch(/^Note:/);
    // `audit list` shows which opening found the head file missing.
    const list = cli(['audit', 'list', '--vault', vault, '--json']);
    const unlocks = (JSON.parse(list.stdout) as { action: string; after: { head?: string } }[]).filter((e) => e.action === 'unlock');
    expect(unlocks.slice(-3).map((e) => e.after.head)).toEqual(['missing', 'level', 'level']);
  });
});
