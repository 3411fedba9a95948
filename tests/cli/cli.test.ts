// The CLI as a black box: the real command, real vault files, exit codes and wording
// as in docs/spec/cli.md.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, vaultWithSample } from '../support/cli';
import { filesContaining, tempDir, fileSha256 } from '../support/tmp';
import { SAMPLE_FILE } from '../support/vaults';

const sha = fileSha256;
type Status = {
  asOf: string;
  firm: { status: string; rules: { rule: string; status: string; reason: string; changesOn?: string }[] };
  staff: { ref: string; status: string; rules: { rule: string; status: string; reason: string; changesOn?: string }[] }[];
  suppliers: { ref: string; status: string; rules: { rule: string; status: string }[] }[];
  cases: { ref: string; status: string; rules: { rule: string; status: string; changesOn?: string }[] }[];
};
const rule = <R extends { rule: string }>(list: R[], id: string): R => list.find((r) => r.rule === id)!;

describe('caseproof CLI', () => {
  it('init, import the sample firm, and status --json give the rules.md verdicts; nothing readable on disk', () => {
    const { dir, vault, imp } = vaultWithSample();
    expect(imp.stdout).toContain('Added: 2 staff, 1 suppliers, 1 cases');
    const r = cli(['status', '--vault', vault, '--json', '--as-of', '2026-11-24']);
    expect(r.code, r.stderr).toBe(0);
    const s = JSON.parse(r.stdout) as Status;
    expect(s.asOf).toBe('2026-11-24');
    expect(Object.keys(s)).toEqual(['asOf', 'firm', 'staff', 'suppliers', 'cases']);
    expect(Object.keys(s.staff[0])).toEqual(['ref', 'status', 'rules']);
    expect(rule(s.firm.rules, 'ORG-CODE-SIGNATORY').status).toBe('met');
    expect(rule(s.firm.rules, 'ORG-POLICY-HANDOVER').status).toBe('met');
    expect(rule(s.firm.rules, 'ORG-POLICY-COMPLAINTS').status).toBe('not_met');
    expect(s.firm.status).toBe('not_met');
    const morgan = s.staff.find((x) => x.ref === 'RR-01')!;
    const toni = s.staff.find((x) => x.ref === 'RR-02')!;
    expect(rule(morgan.rules, 'STAFF-INDEMNITY')).toMatchObject({ status: 'met', changesOn: '2027-04-01' });
    expect(rule(morgan.rules, 'STAFF-DBS').status).toBe('met');
    expect(rule(morgan.rules, 'STAFF-PEER-REVIEW')).toMatchObject({ status: 'met', changesOn: '2027-02-10' });
    expect(rule(toni.rules, 'STAFF-INDEMNITY')).toMatchObject({ status: 'due_soon', changesOn: '2026-12-16' });
    expect(rule(toni.rules, 'STAFF-DBS').status).toBe('not_met');
    expect(rule(toni.rules, 'STAFF-CPD-2Y').status).toBe('not_met');
    expect(toni.status).toBe('not_met');
    expect(rule(s.suppliers[0].rules, 'SUP-VETTING-DECISION').status).toBe('met');
    expect(rule(s.cases[0].rules, 'CASE-RISK-REVIEW')).toMatchObject({ status: 'due_soon', changesOn: '2027-01-01' });
    expect(rule(s.cases[0].rules, 'CASE-SUPPLIERS-VETTED').status).toBe('met');
    for (const secret of ['Morgan Ellis', 'Toni Reyes', 'Riverside', 'Dales Neuro', 'Fenwick']) expect(filesContaining(dir, secret), secret).toEqual([]);
  });

  it('a wrong passphrase exits 1, says so, and changes nothing', () => {
    const { vault } = vaultWithSample();
    const before = sha(vault);
    const r = cli(['status', '--vault', vault], { CASEPROOF_PASSPHRASE: 'this is not it' });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/passphrase is wrong/);
    expect(r.stdout).toBe('');
    expect(sha(vault)).toBe(before);
    const imp = cli(['import', '--vault', vault, SAMPLE_FILE], { CASEPROOF_PASSPHRASE: 'this is not it' });
    expect(imp.code).toBe(1);
    expect(sha(vault)).toBe(before);
  });

  it('usage errors exit 2 with one sentence naming what is wrong', () => {
    const dir = tempDir();
    const v = path.join(dir, 'x.cpv');
    expect(cli(['frobnicate', '--vault', v])).toMatchObject({ code: 2, stderr: expect.stringMatching(/Unknown command frobnicate/) });
    expect(cli(['status'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/--vault is required/) });
    expect(cli(['init', '--vault', v, '--colour', 'red'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/--colour/) });
    expect(cli(['init', '--vault', v]).code).toBe(0);
    expect(cli(['status', '--vault', v, '--as-of', '2026-02-30'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/--as-of must be a real date/) });
    expect(cli(['status', '--vault', v], { CASEPROOF_PASSPHRASE: '' })).toMatchObject({ code: 2, stderr: expect.stringMatching(/CASEPROOF_PASSPHRASE/) });
    expect(cli(['due', '--vault', v, '--days', 'soon'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/--days must be a whole number/) });
  });

  it('init refuses to overwrite an existing file and refuses a short passphrase', () => {
    const { vault } = vaultWithSample();
    const before = sha(vault);
    expect(cli(['init', '--vault', vault])).toMatchObject({ code: 1, stderr: expect.stringMatching(/already exists/) });
    expect(sha(vault)).toBe(before);
    const other = path.join(tempDir(), 'n.cpv');
    expect(cli(['init', '--vault', other], { CASEPROOF_PASSPHRASE: 'short' })).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/at least 10 characters/),
    });
    expect(existsSync(other)).toBe(false);
  });

  it('a bad firm file exits 1 naming the JSON path, and imports nothing', () => {
    const dir = tempDir();
    const vault = path.join(dir, 'v.cpv');
    cli(['init', '--vault', vault]);
    const bad = JSON.parse(readFileSync(SAMPLE_FILE, 'utf8'));
    bad.staff[1].indemnity[0].coverGBP = 'lots';
    bad.staff[0].indemnity[0].expiresOn = '2027-02-29';
    const f = path.join(dir, 'bad.json');
    writeFileSync(f, JSON.stringify(bad));
    const r = cli(['import', '--vault', vault, f]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/staff\[1\]\.indemnity\[0\]\.coverGBP: must be a number/);
    expect(r.stderr).toMatch(/staff\[0\]\.indemnity\[0\]\.expiresOn: must be a real date/);
    const s = JSON.parse(cli(['status', '--vault', vault, '--json']).stdout) as Status;
    expect(s.staff).toEqual([]);
    writeFileSync(f, '{ not json');
    expect(cli(['import', '--vault', vault, f])).toMatchObject({ code: 1, stderr: expect.stringMatching(/bad\.json is not valid JSON/) });
  });

  it('export writes a firm file that imports into a new vault with the same verdicts', () => {
    const { dir, vault } = vaultWithSample();
    const out = path.join(dir, 'export.json');
    expect(cli(['export', '--vault', vault, '--out', out]).code).toBe(0);
    const exported = JSON.parse(readFileSync(out, 'utf8'));
    expect(exported.format).toBe('caseproof-firm');
    expect(exported.staff[0].dbs[0].evidence[0].name).toBe('dbs.png');
    const v2 = path.join(dir, 'copy.cpv');
    cli(['init', '--vault', v2]);
    expect(cli(['import', '--vault', v2, out]).code).toBe(0);
    const a = cli(['status', '--vault', vault, '--json', '--as-of', '2026-11-24']).stdout;
    const b = cli(['status', '--vault', v2, '--json', '--as-of', '2026-11-24']).stdout;
    expect(b).toBe(a);
  });

  it('due lists what lapses within N days, soonest first', () => {
    const { vault } = vaultWithSample();
    const r = cli(['due', '--vault', vault, '--days', '60', '--as-of', '2026-11-24', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const { items } = JSON.parse(r.stdout) as { items: { ref: string; rule: string; changesOn: string }[] };
    expect(items.map((i) => `${i.changesOn} ${i.ref} ${i.rule}`)).toEqual(['2026-12-16 RR-02 STAFF-INDEMNITY', '2027-01-01 RC-100 CASE-RISK-REVIEW']);
    const text = cli(['due', '--vault', vault, '--days', '60', '--as-of', '2026-11-24']);
    expect(text.stdout).toMatch(/16\/12\/2026 +staff RR-02/);
  });

  it('backup makes a verified encrypted copy; restore refuses to overwrite unless --force', () => {
    const { dir, vault } = vaultWithSample();
    const bak = path.join(dir, 'backup.cpv');
    expect(cli(['backup', '--vault', vault, '--out', bak]).code).toBe(0);
    expect(filesContaining(dir, 'Morgan Ellis')).toEqual([]);
    expect(cli(['backup', '--vault', vault, '--out', bak])).toMatchObject({ code: 1, stderr: expect.stringMatching(/already exists/) });
    const target = path.join(dir, 'restored.cpv');
    expect(cli(['restore', '--from', bak, '--vault', target]).code).toBe(0);
    expect(cli(['restore', '--from', bak, '--vault', target])).toMatchObject({ code: 1, stderr: expect.stringMatching(/--force/) });
    expect(cli(['restore', '--from', bak, '--vault', target, '--force']).code).toBe(0);
    const s = JSON.parse(cli(['status', '--vault', target, '--json', '--as-of', '2026-11-24']).stdout) as Status;
    expect(s.staff.map((x) => x.ref)).toEqual(['RR-01', 'RR-02']);
  });

  it('rekey changes the passphrase', () => {
    const { vault } = vaultWithSample();
    expect(cli(['rekey', '--vault', vault], { CASEPROOF_NEW_PASSPHRASE: 'the next passphrase 2' }).code).toBe(0);
    expect(cli(['status', '--vault', vault]).code).toBe(1);
    expect(cli(['status', '--vault', vault], { CASEPROOF_PASSPHRASE: 'the next passphrase 2' }).code).toBe(0);
  });
});

describe('caseproof import of spreadsheets', () => {
  it('imports a CSV with --kind, and says what is wrong without it', () => {
    const dir = tempDir();
    const vault = path.join(dir, 'v.cpv');
    cli(['init', '--vault', vault]);
    const sheet = path.join(dir, 'staff.csv');
    writeFileSync(sheet, 'ref,name,daysPerWeek\nST-1,Amira Khan,4\nST-2,Ben Lowe,3\n');
    expect(cli(['import', '--vault', vault, sheet])).toMatchObject({ code: 2, stderr: expect.stringMatching(/needs --kind/) });
    expect(cli(['import', '--vault', vault, sheet, '--kind', 'pets'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/--kind must be one of/) });
    const r = cli(['import', '--vault', vault, sheet, '--kind', 'staff']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Added: 2 staff');
    writeFileSync(sheet, 'staffRef,date,topic,provider\nST-1,31/02/2026,Topic,Provider\n');
    const bad = cli(['import', '--vault', vault, sheet, '--kind', 'cpd']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/row 2\.date: “31\/02\/2026” is not a real date: write it as dd\/mm\/yyyy/);
  });
});
