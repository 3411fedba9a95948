// The real `caseproof` command as a child process: a recovery key made once, a passphrase
// changed with rekey (the recovery key keeps working), the passphrase forgotten and the vault
// opened with recover; a wrong or mistyped recovery key is named and changes nothing; a
// backup is logged in the vault and refuses to overwrite without --force.
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openVault } from '../../db/client';
import { cli } from '../support/cli';
import { tempDir } from '../support/tmp';
import { opensWith } from '../support/vaults';

const PASS = 'cli test passphrase 1';
const opens = opensWith;

describe('caseproof recovery-key, rekey, recover and backup', () => {
  it('makes a recovery key that survives rekey and opens the vault with a new passphrase', () => {
    const dir = tempDir();
    const vault = path.join(dir, 'firm.cpv');
    expect(cli(['init', '--vault', vault]).code).toBe(0);
    const made = cli(['recovery-key', '--vault', vault]);
    expect(made.code, made.stderr).toBe(0);
    const key = /Recovery key \(shown once; any earlier one no longer works\): ([0-9A-Z-]{39})/.exec(made.stdout)?.[1];
    expect(key).toBeDefined();
    expect(statSync(`${vault}.recovery`).mode & 0o777).toBe(0o600);

    const rekey = cli(['rekey', '--vault', vault], { CASEPROOF_NEW_PASSPHRASE: 'second cli passphrase' });
    expect(rekey.code, rekey.stderr).toBe(0);
    expect(rekey.stdout).toContain('The recovery file beside the vault has been updated.');
    const afterRekey = openVault(vault, { passphrase: 'second cli passphrase' }, { readOnly: true });
    const rekeyed = afterRekey.sqlite.prepare<[], { action: string }>('SELECT action FROM audit_log ORDER BY seq DESC LIMIT 3').all().reverse();
    afterRekey.close();
    expect(rekeyed.map((e) => e.action)).toEqual(['unlock', 'passphrase', 'lock']);

    const typo = cli(['recover', '--vault', vault], { CASEPROOF_RECOVERY_KEY: 'ABCD-1234', CASEPROOF_NEW_PASSPHRASE: 'third cli passphrase' });
    expect(typo).toMatchObject({ code: 1, stderr: 'caseproof: The recovery key must be the 32 letters and digits of the recovery key.\n' });
    const wrong = cli(['recover', '--vault', vault], {
      CASEPROOF_RECOVERY_KEY: 'ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345-6789',
      CASEPROOF_NEW_PASSPHRASE: 'third cli passphrase',
    });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('That recovery key does not open this vault.');
    expect(opens(vault, 'second cli passphrase')).toBe(true);

    const ok = cli(['recover', '--vault', vault], { CASEPROOF_RECOVERY_KEY: key!, CASEPROOF_NEW_PASSPHRASE: 'third cli passphrase' });
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toContain('Opened with the recovery key and set the new passphrase; the recovery key still works.');
    expect(opens(vault, 'second cli passphrase')).toBe(false);
    expect(opens(vault, 'third cli passphrase')).toBe(true);

    // The trail records the change as rekey does (unlock, passphrase, lock by the CLI's user), and
    // its head file follows the new connection, so verify finds the trail ending where it says.
    const v = openVault(vault, { passphrase: 'third cli passphrase' }, { readOnly: true });
    const last = v.sqlite.prepare<[], { action: string; who: string }>('SELECT action, who FROM audit_log ORDER BY seq DESC LIMIT 3').all().reverse();
    v.close();
    expect(last.map((e) => e.action)).toEqual(['unlock', 'passphrase', 'lock']);
    expect(new Set(last.map((e) => e.who)).size).toBe(1);
    const verify = cli(['audit', 'verify', '--vault', vault], { CASEPROOF_PASSPHRASE: 'third cli passphrase' });
    expect(verify.code, verify.stderr).toBe(0);
    expect(verify.stdout).toMatch(/^The audit trail's \d+ entries are intact: .*, and the trail ends where its head file says\.\n$/);
  });

  it('backs up with the recovery file beside the copy, logs it in the vault, and never overwrites without --force', () => {
    const dir = tempDir();
    const vault = path.join(dir, 'firm.cpv');
    expect(cli(['init', '--vault', vault]).code).toBe(0);
    expect(cli(['recovery-key', '--vault', vault]).code).toBe(0);
    const out = path.join(dir, 'copy.cpv');
    const b = cli(['backup', '--vault', vault, '--out', out]);
    expect(b.code, b.stderr).toBe(0);
    expect(existsSync(`${out}.recovery`)).toBe(true);
    const again = cli(['backup', '--vault', vault, '--out', out]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already exists');
    expect(cli(['backup', '--vault', vault, '--out', out, '--force']).code).toBe(0);
    const v = openVault(vault, { passphrase: PASS }, { readOnly: true });
    const rows = v.sqlite.prepare('SELECT kind, file, made_at AS madeAt FROM backups').all();
    v.close();
    expect(rows).toEqual([
      { kind: 'cli', file: out, madeAt: '2026-11-24T12:00:00Z' },
      { kind: 'cli', file: out, madeAt: '2026-11-24T12:00:00Z' },
    ]);
  });
});
