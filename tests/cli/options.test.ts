// Each command takes only its own options (electron/cli/help.ts declares them with the usage): one
// another command takes is refused, naming the options this one takes, with exit 2 (usage, as
// docs/spec/cli.md says) and nothing opened or written, instead of being silently ignored.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { USAGES } from '../../electron/cli/help';
import { cli, vaultWithSample } from '../support/cli';
import { dataDigest } from '../support/vaults';
import { tempDir } from '../support/tmp';

const PASSPHRASE = 'cli test passphrase 1';

describe('options per command', () => {
  it("refuses an option of another command (due --annex), naming this command's options, exit 2", () => {
    const { vault, dir } = vaultWithSample();
    const before = dataDigest(vault, PASSPHRASE);
    const files = readdirSync(dir).sort();
    const r = cli(['due', '--vault', vault, '--annex', path.join(dir, 'x.pdf')]);
    expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(r.stderr).toBe(
      'caseproof: --annex is not an option of caseproof due; its options are: --vault, --days, --as-of, --json, --all, --staff, --ics, --force, --as, --take-over, --help.\n',
    );
    // Refused before the vault was opened: not even an unlock entry, and no file made.
    expect(dataDigest(vault, PASSPHRASE)).toBe(before);
    expect(readdirSync(dir).sort()).toEqual(files);
    // The same command with its own options still runs.
    expect(cli(['due', '--vault', vault, '--days', '30', '--json']).code).toBe(0);
  });

  it('tells the words of a command apart: pack, pack verify, pack reproduce; each case action', () => {
    const v = path.join(tempDir(), 'none.cpv');
    const err = (args: string[]) => {
      const r = cli(args);
      expect(r.code, r.stderr).toBe(2);
      return r.stderr.trim();
    };
    expect(err(['pack', '--vault', v, '--staff', 'RR-01', '--out', 'p.docx', '--id', '3'])).toMatch(
      /^caseproof: --id is not an option of caseproof pack; its options are: --vault, --staff, --supplier, --firm, --out, --annex, /,
    );
    expect(err(['pack', 'verify', '--vault', v, 'p.docx', '--annex', 'a.pdf'])).toBe(
      'caseproof: --annex is not an option of caseproof pack verify; its options are: --vault, --json, --as, --take-over, --help.',
    );
    expect(err(['pack', 'reproduce', '--vault', v, '--id', '1', '--staff', 'RR-01'])).toMatch(
      /^caseproof: --staff is not an option of caseproof pack reproduce;/,
    );
    expect(err(['case', 'status', '--vault', v, '--case', 'RR-C-001', '--to', 'monitoring', '--on', '2026-11-01', '--amount', '450'])).toBe(
      'caseproof: --amount is not an option of caseproof case status; its options are: --vault, --case, --to, --on, --json, --as, --take-over, --help.',
    );
    // An option no command takes is refused the same way; a bad value is still named as before.
    expect(err(['status', '--vault', v, '--colour', 'red'])).toBe(
      'caseproof: --colour is not an option of caseproof status; its options are: --vault, --as-of, --json, --as, --take-over, --help.',
    );
    expect(err(['template', '--kind', 'cpd', '--out', 'x.csv', '--as', 'Kim'])).toMatch(/^caseproof: --as is not an option of caseproof template;/);
    expect(err(['due', '--vault', v, '--days'])).toBe('caseproof: --days needs a value (for example --days 30).');
    expect(existsSync(v)).toBe(false);
  });

  it('COMMAND --help prints that command’s own usage lines, the same ones its options come from', () => {
    const due = cli(['due', '--help']);
    expect(due).toMatchObject({ code: 0, stderr: '' });
    const lines = due.stdout.trim().split('\n');
    expect(lines[0]).toBe('Usage of caseproof due:');
    expect(lines.filter((l) => l.startsWith('  due ')).length).toBe(3);
    expect(due.stdout).toContain('--ics FILE');
    expect(due.stdout).not.toContain('--annex');
    const verify = cli(['pack', 'verify', '-h']).stdout;
    expect(verify).toContain('  pack verify  --vault PATH FILE.docx|FILE.pdf [--json]');
    expect(verify).not.toContain('--staff REF');
    expect(
      cli(['case', '--help'])
        .stdout.split('\n')
        .filter((l) => l.startsWith('  case ')).length,
    ).toBe(8);
    expect(cli(['template', '--help']).stdout).not.toContain('--take-over');
  });

  it('knows the options of every command in the usage (none is left on a shared list)', { timeout: 180_000 }, () => {
    const commands = [...new Set(USAGES.map((u) => u.command))];
    expect(commands.length).toBeGreaterThan(30);
    for (const c of commands) {
      const r = cli([...c.split(' '), '--no-such-option']);
      expect([r.code, r.stderr], c).toEqual([
        2,
        expect.stringMatching(new RegExp(`^caseproof: --no-such-option is not an option of caseproof ${c}; its options are: --`)),
      ]);
    }
  });
});
