// `import --dry-run`, `passport export|import` and `template` through the real CLI, as child
// processes over real vault files: a dry run writes nothing (the vault's bytes are unchanged),
// a wrong passport passphrase exits 1 with nothing changed, and a passport for a person the
// firm does not have yet adds them.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../support/cli';
import { tempDir } from '../support/tmp';
import { dataDigest, SAMPLE_FILE } from '../support/vaults';

// What the vault holds, its CLI unlock and lock entries aside (support/vaults.ts).
const sha = (f: string) => dataDigest(f, 'cli test passphrase 1');
const BUNDLE = { CASEPROOF_BUNDLE_PASSPHRASE: 'a passport passphrase' };

function firm(dir: string, name: string, sample = true): string {
  const vault = path.join(dir, name);
  expect(cli(['init', '--vault', vault]).code).toBe(0);
  if (sample) expect(cli(['import', '--vault', vault, SAMPLE_FILE]).code).toBe(0);
  return vault;
}

describe('caseproof import --dry-run', () => {
  it('prints what a sheet would add and refuse (row, column, value), exits 1 and writes nothing; fixed, it imports', () => {
    const dir = tempDir();
    const vault = firm(dir, 'riverside.cpv');
    const sheet = path.join(dir, 'cpd.csv');
    writeFileSync(sheet, 'staffRef,date,topic,provider,hours\nRR-01,14/05/2026,Goal setting,CMSUK,2\nRR-01,31/02/2026,Bad date,CMSUK,1\n');
    const before = sha(vault);
    const r = cli(['import', '--vault', vault, sheet, '--kind', 'cpd', '--dry-run']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('Dry run: nothing has been written.');
    expect(r.stdout).toContain('row 3.date: “31/02/2026” is not a real date: write it as dd/mm/yyyy (for example 31/12/2026) or yyyy-mm-dd');
    expect(r.stderr).toContain('cpd.csv would not be imported: one problem (listed above). Nothing was written.');
    expect(sha(vault)).toBe(before);

    writeFileSync(sheet, 'staffRef,date,topic,provider,hours\nRR-01,14/05/2026,Goal setting,CMSUK,2\nRR-01,28/02/2026,Good date,CMSUK,1\n');
    const ok = cli(['import', '--vault', vault, sheet, '--kind', 'cpd', '--dry-run', '--json']);
    expect(ok.code, ok.stderr).toBe(0);
    const plan = JSON.parse(ok.stdout);
    expect(plan.totals).toMatchObject({ add: 2, refused: 0 });
    expect(plan.subjects[0].records.map((x: { label: string; where: string }) => [x.label, x.where])).toEqual([
      ['CPD: 14/05/2026, Goal setting, CMSUK', 'row 2'],
      ['CPD: 28/02/2026, Good date, CMSUK', 'row 3'],
    ]);
    expect(sha(vault)).toBe(before);
    expect(cli(['import', '--vault', vault, sheet, '--kind', 'cpd']).code).toBe(0);
    const again = JSON.parse(cli(['import', '--vault', vault, sheet, '--kind', 'cpd', '--dry-run', '--json']).stdout);
    expect(again.totals).toMatchObject({ add: 0, same: 2 });
  });

  it('shows a firm file’s changes field by field and keeps the firm’s own name', () => {
    const dir = tempDir();
    const vault = firm(dir, 'riverside.cpv');
    const file = JSON.parse(readFileSync(SAMPLE_FILE, 'utf8'));
    file.firm.name = 'Renamed Ltd';
    file.staff[0].profession = 'Nurse';
    const changed = path.join(dir, 'changed.json');
    writeFileSync(changed, JSON.stringify(file));
    const before = sha(vault);
    const r = cli(['import', '--vault', vault, changed, '--dry-run']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Firm name kept as “Riverside[^”]*” \(the file says “Renamed Ltd”\)/);
    expect(r.stdout).toMatch(new RegExp(`~ Staff ${file.staff[0].ref} .*: changed\\n    profession: “[^”]+” -> “Nurse”`));
    expect(sha(vault)).toBe(before);
  });
});

describe('caseproof passport', () => {
  it('exports one person, shows another firm what it adds, refuses a wrong passphrase, then adds a person the firm did not have', () => {
    const dir = tempDir();
    const from = firm(dir, 'riverside.cpv');
    const to = firm(dir, 'other.cpv', false);
    const pass = path.join(dir, 'rr01.passport');
    const ex = cli(['passport', 'export', '--vault', from, '--staff', 'RR-01', '--out', pass], BUNDLE);
    expect(ex.code, ex.stderr).toBe(0);
    expect(cli(['passport', 'export', '--vault', from, '--staff', 'RR-01', '--out', pass], BUNDLE).stderr).toMatch(/already exists; add --force/);

    const before = sha(to);
    const wrong = cli(['passport', 'import', '--vault', to, pass, '--accept'], { CASEPROOF_BUNDLE_PASSPHRASE: 'not the right one' });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('The passport’s passphrase is wrong');
    expect(sha(to)).toBe(before);

    const look = cli(['passport', 'import', '--vault', to, pass], BUNDLE);
    expect(look.code, look.stderr).toBe(0);
    expect(look.stdout).toMatch(/^\+ Staff RR-01 .*: new$/m);
    expect(look.stdout).toContain('Nothing has been written: add --accept to import it.');
    expect(sha(to)).toBe(before);

    const acc = cli(['passport', 'import', '--vault', to, pass, '--accept'], BUNDLE);
    expect(acc.code, acc.stderr).toBe(0);
    expect(acc.stdout).toMatch(/Accepted rr01\.passport: a new staff member, \d+ records and \d+ evidence files added/);
    const status = JSON.parse(cli(['status', '--vault', to, '--json', '--as-of', '2026-11-24']).stdout);
    expect(status.staff.map((s: { ref: string }) => s.ref)).toEqual(['RR-01']);
    // The same passport again changes nothing.
    const twice = JSON.parse(cli(['passport', 'import', '--vault', to, pass, '--json'], BUNDLE).stdout);
    expect(twice.totals).toMatchObject({ add: 0, change: 0, remove: 0 });
  }, 180_000); // eight CLI runs, each deriving scrypt keys, on a shared 2-core machine
});

describe('caseproof template', () => {
  it('writes an empty sheet of a kind’s columns', () => {
    const dir = tempDir();
    const out = path.join(dir, 'dbs.csv');
    expect(cli(['template', '--kind', 'dbs', '--out', out]).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe('staffRef,level,certificateNumber,issuedOn,updateService,lastStatusCheckOn\r\n');
    expect(cli(['template', '--kind', 'nope', '--out', path.join(dir, 'nope.csv')]).code).toBe(2);
    expect(cli(['template', '--kind', 'dbs', '--out', out]).stderr).toMatch(/already exists/); // never overwritten without --force
  });
});
