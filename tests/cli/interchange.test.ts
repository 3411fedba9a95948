// The firm-file commands and cli.md's departures, through the real `caseproof` as a child
// process: --force for an existing --out, usage on stderr for a bare `caseproof`, bad --days in
// one sentence, an import's problems each listed once, and --update-firm.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../support/cli';
import { tempDir } from '../support/tmp';
import { SAMPLE_FILE } from '../support/vaults';

function vaultWithSample() {
  const dir = tempDir();
  const vault = path.join(dir, 'riverside.cpv');
  expect(cli(['init', '--vault', vault]).code).toBe(0);
  const imp = cli(['import', '--vault', vault, SAMPLE_FILE]);
  expect(imp.code, imp.stderr).toBe(0);
  return { dir, vault };
}
const firmOf = (vault: string) => {
  const r = cli(['export', '--vault', vault, '--out', path.join(tempDir(), 'f.json')]);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(readFileSync(/to (\S+)\. /.exec(r.stdout)![1]!, 'utf8')).firm as { name: string; address?: string };
};

describe('caseproof export and --out', () => {
  it('refuses an existing --out without --force, changing nothing; --force replaces it with a version-2 file', () => {
    const { dir, vault } = vaultWithSample();
    const out = path.join(dir, 'firm.json');
    writeFileSync(out, 'keep me');
    const r = cli(['export', '--vault', vault, '--out', out]);
    expect(r).toMatchObject({ code: 1, stdout: '' });
    expect(r.stderr.trim()).toBe(`caseproof: ${out} already exists; add --force to replace it.`);
    expect(readFileSync(out, 'utf8')).toBe('keep me');
    const f = cli(['export', '--vault', vault, '--out', out, '--force']);
    expect(f.code, f.stderr).toBe(0);
    const file = JSON.parse(readFileSync(out, 'utf8'));
    expect(file).toMatchObject({ format: 'caseproof-firm', version: 2 });
    expect(statSync(out).mode & 0o777).toBe(0o600);
    // The same for the other commands that write a file.
    const bak = path.join(dir, 'b.cpv');
    writeFileSync(bak, 'x');
    expect(cli(['backup', '--vault', vault, '--out', bak])).toMatchObject({ code: 1, stderr: expect.stringContaining('add --force') });
    expect(cli(['backup', '--vault', vault, '--out', bak, '--force']).code).toBe(0);
    const ics = path.join(dir, 'due.ics');
    writeFileSync(ics, 'x');
    expect(cli(['due', '--vault', vault, '--ics', ics])).toMatchObject({ code: 1, stderr: expect.stringContaining('add --force') });
    expect(readFileSync(ics, 'utf8')).toBe('x');
    expect(cli(['due', '--vault', vault, '--ics', ics, '--force']).code).toBe(0);
  });
});

describe('usage and bad values', () => {
  it('a bare caseproof prints the usage to stderr and exits 2; --help prints it to stdout and exits 0', () => {
    const bare = cli([]);
    expect(bare).toMatchObject({ code: 2, stdout: '' });
    expect(bare.stderr).toContain('Usage: caseproof COMMAND --vault PATH [options]');
    const help = cli(['--help']);
    expect(help).toMatchObject({ code: 0, stderr: '' });
    expect(help.stdout).toContain('Usage: caseproof COMMAND');
  });

  it('--days -1 and other bad values give one sentence naming the option and the value (exit 2)', () => {
    const v = path.join(tempDir(), 'v.cpv');
    const one = (args: string[]) => {
      const r = cli(args);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      return r.stderr.trim();
    };
    expect(one(['due', '--vault', v, '--days', '-1'])).toBe('caseproof: --days must be a whole number of days from 0 to 3650 (got -1).');
    expect(one(['due', '--vault', v, '--days', '2.5'])).toBe('caseproof: --days must be a whole number of days from 0 to 3650 (got 2.5).');
    expect(one(['due', '--vault', v, '--days'])).toBe('caseproof: --days needs a value (for example --days 30).');
    expect(one(['due', '--vault', v, '--colour', 'red'])).toBe(
      'caseproof: --colour is not an option of caseproof due; its options are: --vault, --days, --as-of, --json, --all, --staff, --ics, --force, --as, --take-over, --help.',
    );
    expect(one(['status', '--vault', v, '--json=yes'])).toBe('caseproof: --json takes no value.');
  });
});

describe('caseproof import', () => {
  it('lists each problem of a bad file once, under one sentence that counts them, and imports nothing', () => {
    const dir = tempDir();
    const vault = path.join(dir, 'v.cpv');
    cli(['init', '--vault', vault]);
    const bad = JSON.parse(readFileSync(SAMPLE_FILE, 'utf8'));
    bad.staff[1].indemnity[0].coverGBP = 'lots';
    bad.cases[0].caseManager = 'NOBODY';
    bad.cases[0].referredOn = '2026-07-02';
    const f = path.join(dir, 'bad.json');
    writeFileSync(f, JSON.stringify(bad));
    const r = cli(['import', '--vault', vault, f]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toEqual([
      'caseproof: The firm file was not imported: it has 3 problems, listed below.',
      '  staff[1].indemnity[0].coverGBP: must be a number',
      '  cases[0].caseManager: does not match any staff member (NOBODY)',
      '  cases[0].openedOn: must not be before the referral date (02/07/2026)',
    ]);
    expect(JSON.parse(cli(['status', '--vault', vault, '--json']).stdout).staff).toEqual([]);
  });

  it("keeps the firm's own name and address unless --update-firm", () => {
    const { dir, vault } = vaultWithSample();
    const other = path.join(dir, 'practitioner.json');
    writeFileSync(
      other,
      JSON.stringify({ format: 'caseproof-firm', version: 2, firm: { name: 'Toni Reyes Physio', address: '1 High St', codeOfConductSignatory: true } }),
    );
    const kept = cli(['import', '--vault', vault, other]);
    expect(kept.code, kept.stderr).toBe(0);
    expect(kept.stdout).toContain(
      "Kept the firm's own name and address (Riverside Rehabilitation Case Management, 4 Mill Lane, York YO1 7AB); add --update-firm to take them from the file.",
    );
    expect(firmOf(vault)).toMatchObject({ name: 'Riverside Rehabilitation Case Management', address: '4 Mill Lane, York YO1 7AB' });
    const updated = cli(['import', '--vault', vault, other, '--update-firm']);
    expect(updated.code, updated.stderr).toBe(0);
    expect(updated.stdout).not.toContain('Kept the firm');
    expect(firmOf(vault)).toMatchObject({ name: 'Toni Reyes Physio', address: '1 High St' });
  });
});
