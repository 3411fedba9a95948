// What the CLI says happened to the vault file (docs/spec/cli.md, version 2 additions), each
// with exit status 1 and only when true: "is not a Caseproof vault", "is damaged", "the
// passphrase is wrong", "is open in another Caseproof"; and the files it writes are owner-only.
import { closeSync, existsSync, openSync, readdirSync, readFileSync, readSync, statSync, utimesSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, vaultWithSample } from '../support/cli';
import { tempDir, fileSha256 } from '../support/tmp';
import { SAMPLE_FILE } from '../support/vaults';

const PAGE = 4096;
const sha = fileSha256;
function flip(file: string, offset: number): void {
  const fd = openSync(file, 'r+');
  const b = Buffer.alloc(1);
  readSync(fd, b, 0, 1, offset);
  b[0] ^= 0x01;
  writeSync(fd, b, 0, 1, offset);
  closeSync(fd);
}

describe('caseproof names what happened to the vault', () => {
  it('a text file given as the vault: "is not a Caseproof vault", exit 1, not a passphrase problem, file unchanged', () => {
    const dir = tempDir();
    const f = path.join(dir, 'notes.cpv');
    writeFileSync(f, 'Minutes of the team meeting\n');
    const r = cli(['status', '--vault', f]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`caseproof: ${f} is not a Caseproof vault: it is a text file.\n`);
    expect(readFileSync(f, 'utf8')).toBe('Minutes of the team meeting\n');
    expect(readdirSync(dir)).toEqual(['notes.cpv']);
  });

  it('a firm file given as the vault says what it is', () => {
    const r = cli(['status', '--vault', SAMPLE_FILE]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('is not a Caseproof vault: it is a Caseproof firm file (an export, not encrypted); import it into a vault instead.');
  });

  it('a live vault with a flipped byte in a page no report reads: status says it is damaged instead of printing a report', () => {
    const { vault } = vaultWithSample();
    const pages = statSync(vault).size / PAGE;
    flip(vault, (pages - 1) * PAGE + 100); // the last page
    const before = sha(vault);
    const r = cli(['status', '--vault', vault]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      `caseproof: ${vault} is damaged: page ${pages} of ${pages} fails its integrity check. Caseproof has not changed it; restore your most recent backup.\n`,
    );
    expect(sha(vault)).toBe(before);
  });

  it('a wrong passphrase: says so, exit 1, nothing changed', () => {
    const { vault } = vaultWithSample();
    const before = sha(vault);
    const r = cli(['status', '--vault', vault], { CASEPROOF_PASSPHRASE: 'not the passphrase' });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('caseproof: The passphrase is wrong for this vault. Nothing was changed.\n');
    expect(sha(vault)).toBe(before);
  });

  it('an altered backup: restore says it is damaged and restores nothing; the backup is left as it was', () => {
    const { dir, vault } = vaultWithSample();
    const backup = path.join(dir, 'backup.cpv');
    expect(cli(['backup', '--vault', vault, '--out', backup]).code).toBe(0);
    flip(backup, 2 * PAGE + 777);
    const altered = sha(backup);
    const target = path.join(dir, 'restored.cpv');
    const r = cli(['restore', '--from', backup, '--vault', target]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`caseproof: ${backup} is damaged: page 3 of`);
    expect(existsSync(target)).toBe(false);
    expect(sha(backup)).toBe(altered);
  });

  it('a sound backup restores, and restoring reads the backup without writing to it', () => {
    const { dir, vault } = vaultWithSample();
    const backup = path.join(dir, 'backup.cpv');
    expect(cli(['backup', '--vault', vault, '--out', backup]).code).toBe(0);
    const before = sha(backup);
    const target = path.join(dir, 'restored.cpv');
    const r = cli(['restore', '--from', backup, '--vault', target]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('(2 staff)');
    expect(sha(backup)).toBe(before);
  });

  it('a vault another computer has open: refused with who and where; --take-over opens it, and the lock goes when done', () => {
    const { vault } = vaultWithSample();
    const lock = `${vault}.lock`;
    writeFileSync(
      lock,
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
    const old = new Date(Date.now() - 26 * 3_600_000);
    utimesSync(lock, old, old);
    const r = cli(['status', '--vault', vault]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      `caseproof: ${vault} is open in another Caseproof: Jane Smith on OFFICE-PC, since 24/11/2026 09:14, last active 26 hours ago. If OFFICE-PC is switched off or Caseproof stopped there without closing, open it anyway (Open anyway in the app, --take-over on the command line).\n`,
    );
    const anyway = cli(['status', '--vault', vault, '--take-over']);
    expect(anyway.code, anyway.stderr).toBe(0);
    expect(anyway.stdout).toContain('Compliance as of');
    expect(existsSync(lock)).toBe(false);
  });
});

describe.runIf(process.platform !== 'win32')('the files the CLI writes are owner-only', () => {
  it('export, calendar, backup, restore and pack', () => {
    const { dir, vault } = vaultWithSample();
    const out = (n: string) => path.join(dir, n);
    expect(cli(['export', '--vault', vault, '--out', out('firm.json')]).code).toBe(0);
    expect(cli(['due', '--vault', vault, '--ics', out('due.ics')]).code).toBe(0);
    expect(cli(['backup', '--vault', vault, '--out', out('backup.cpv')]).code).toBe(0);
    expect(cli(['restore', '--from', out('backup.cpv'), '--vault', out('restored.cpv')]).code).toBe(0);
    const p = cli(['pack', '--vault', vault, '--staff', 'RR-01', '--out', out('pack.docx'), '--as-of', '2026-11-24']);
    expect(p.code, p.stderr).toBe(0);
    for (const f of [vault, 'firm.json', 'due.ics', 'backup.cpv', 'restored.cpv', 'pack.docx']) {
      const file = path.isAbsolute(f) ? f : out(f);
      expect(statSync(file).mode & 0o777, f).toBe(0o600);
    }
  });
});
