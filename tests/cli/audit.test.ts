// `caseproof check`, `audit list` and `audit verify` through the real CLI (docs/spec/cli.md,
// version 2 additions): who and when come from --as and the pinned clock; each check exits 1
// naming the first fault (an edited entry, a record changed by raw SQL, evidence bytes changed).
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openVault } from '../../db/client';
import { cli, CLI_NOW } from '../support/cli';
import { tempDir } from '../support/tmp';
import { SAMPLE_FILE } from '../support/vaults';

const PASS = 'cli test passphrase 1';
function vaultWithSample() {
  const vault = path.join(tempDir(), 'riverside.cpv');
  expect(cli(['init', '--vault', vault]).code).toBe(0);
  const imp = cli(['import', '--vault', vault, SAMPLE_FILE, '--as', 'Pat Manager']);
  expect(imp.code, imp.stderr).toBe(0);
  return vault;
}
/** Opens the vault in this process and runs raw SQL on it, as a tool outside Caseproof could. */
function raw(vault: string, sql: string) {
  const v = openVault(vault, { passphrase: PASS });
  try {
    v.sqlite.exec(sql);
  } finally {
    v.close();
  }
}
type Entry = {
  seq: number;
  at: string;
  who: string;
  action: string;
  subject: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  import?: { file: string | null };
  rows?: { table: string; row: number; action: string; afterHash: string | null }[];
};

// Each test runs the CLI several times (a key derived, every page checked, each time): on a
// shared 2-core machine that can take more than the default minute.
describe('caseproof audit and check', { timeout: 240_000 }, () => {
  it('audit list --json gives who, when, what, before and after; --subject and --since filter', () => {
    const vault = vaultWithSample();
    const r = cli(['audit', 'list', '--vault', vault, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const every = JSON.parse(r.stdout) as Entry[];
    // Each command opening the vault is an unlock and a lock by whoever ran it: the import by
    // Pat Manager (--as), then this listing's own unlock by the computer's account.
    const opens = every.filter((e) => e.action === 'unlock' || e.action === 'lock');
    expect(opens.map((e) => [e.action, e.who, e.after])).toEqual([
      ['unlock', 'Pat Manager', { via: 'cli', head: 'level' }],
      ['lock', 'Pat Manager', { via: 'cli' }],
      ['unlock', opens[2]?.who, { via: 'cli', head: 'level' }],
    ]);
    expect(every[0].action).toBe('unlock');
    const all = every.filter((e) => e.action !== 'unlock' && e.action !== 'lock');
    expect(Object.keys(all[0]).slice(0, 5)).toEqual(['seq', 'at', 'who', 'action', 'subject']);
    expect(all.every((e) => e.who === 'Pat Manager' && e.at === CLI_NOW)).toBe(true);
    // The firm file's rows: one entry for the file, listing each row it wrote with (the first 24 hex digits of) the hash of its content.
    const [bulk] = all.filter((e) => e.action === 'import' && e.rows);
    expect(bulk).toMatchObject({ subject: 'the vault', import: { file: 'riverside-firm.json' } });
    expect(bulk.rows!.find((x) => x.table === 'staff')).toMatchObject({ action: 'create', afterHash: expect.stringMatching(/^[0-9a-f]{24}$/) });
    expect(bulk.rows!.filter((x) => x.table === 'records').length).toBeGreaterThan(10);
    expect(all.at(-1)).toMatchObject({ action: 'import', subject: 'the vault' });
    expect(all.at(-1)!.rows).toBeUndefined();
    const one = JSON.parse(cli(['audit', 'list', '--vault', vault, '--json', '--subject', 'RR-02']).stdout) as Entry[];
    expect(one.map((e) => e.action)).toEqual(['import']);
    expect(one[0].rows!.length).toBeGreaterThan(1);
    expect(one.every((e) => e.subject === 'staff RR-02')).toBe(true);
    expect(JSON.parse(cli(['audit', 'list', '--vault', vault, '--json', '--since', '2026-11-25']).stdout)).toEqual([]);
    expect(cli(['audit', 'list', '--vault', vault, '--since', '2026-13-01']).code).toBe(2);
    const text = cli(['audit', 'list', '--vault', vault, '--subject', 'RR-01']);
    expect(text.stdout).toMatch(
      /24\/11\/2026 12:00\s+Pat Manager\s+Imported: staff RR-01 \(details, \d+ records and \d+ evidence files added[^)]* from riverside-firm\.json\)/,
    );
    expect(text.stdout).toMatch(/^\s+records row \d+: create \(SHA-256 [0-9a-f]{12}…\)$/m);
  });

  it('check and audit verify pass on a sound vault and exit 1 naming the first fault', () => {
    const vault = vaultWithSample();
    const ok = cli(['check', '--vault', vault]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/^The vault is sound: .* \d+ evidence files against their SHA-256, the audit trail's \d+ entries/);
    expect(cli(['audit', 'verify', '--vault', vault]).code).toBe(0);

    // A record changed behind Caseproof's back (its trigger dropped first).
    raw(vault, "DROP TRIGGER audit_staff_update; UPDATE staff SET name = 'Quiet Edit' WHERE ref = 'RR-02'");
    const changed = cli(['check', '--vault', vault]);
    expect(changed.code).toBe(1);
    expect(changed.stderr).toMatch(
      /^caseproof: The vault staff row 2 \(staff RR-02\) does not match its last audited state: it was changed behind Caseproof's back\./,
    );
    // The chain itself is still whole: audit verify checks only that.
    expect(cli(['audit', 'verify', '--vault', vault]).code).toBe(0);

    // An entry edited.
    raw(vault, "DROP TRIGGER audit_log_no_update; UPDATE audit_log SET who = 'Someone Else' WHERE seq = 3");
    const broken = cli(['audit', 'verify', '--vault', vault]);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/audit trail is broken at entry 3: entry 3 \(.*\) was changed after it was written/);
    expect(broken.stderr).toMatch(/entry 3 \(.* on \d{2}\/\d{2}\/\d{4} \d{2}:\d{2} by Someone Else\)/);
    expect(cli(['check', '--vault', vault]).stderr).toMatch(/broken at entry 3/);
  });

  it('a CPD spreadsheet import is one entry per person; check names an imported row changed by raw SQL', () => {
    const vault = vaultWithSample();
    const sheet = path.join(path.dirname(vault), 'cpd.csv');
    writeFileSync(sheet, 'staffRef,date,topic,provider,hours\nRR-01,03/03/2026,Bulk import topic,BABICM,2\nRR-01,04/03/2026,Second bulk topic,CMSUK,1\n');
    const imp = cli(['import', '--vault', vault, sheet, '--kind', 'cpd', '--as', 'Sheet Person']);
    expect(imp.code, imp.stderr).toBe(0);
    const one = JSON.parse(cli(['audit', 'list', '--vault', vault, '--json', '--subject', 'RR-01']).stdout) as (Entry & {
      rows?: { table: string; row: number; action: string }[];
    })[];
    const entry = one.at(-1)!;
    expect(entry).toMatchObject({ action: 'import', who: 'Sheet Person', subject: 'staff RR-01', import: { file: 'cpd.csv' } });
    expect(entry.rows!.map((r) => [r.table, r.action])).toEqual([
      ['records', 'create'],
      ['records', 'create'],
    ]);
    expect(cli(['check', '--vault', vault]).code).toBe(0);
    const row = entry.rows![1].row;
    raw(vault, `DROP TRIGGER audit_records_update; UPDATE records SET data = json_set(data, '$.hours', 9) WHERE id = ${row}`);
    const changed = cli(['check', '--vault', vault]);
    expect(changed.code).toBe(1);
    expect(changed.stderr).toMatch(
      new RegExp(`^caseproof: The vault records row ${row} \\(staff RR-01\\) does not match its last audited state: it was changed behind Caseproof's back\\.`),
    );
  });

  it('check names an evidence file whose bytes changed', () => {
    const vault = vaultWithSample();
    raw(vault, "DROP TRIGGER audit_evidence_contents_update; UPDATE evidence_contents SET content = CAST('x' AS BLOB)");
    const r = cli(['check', '--vault', vault]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/evidence file 1 \(.+\) does not match its SHA-256/);
  });

  it('changes made with --as name that person; a passphrase change and a backup are entries too', () => {
    const vault = vaultWithSample();
    expect(cli(['backup', '--vault', vault, '--out', vault + '.bak', '--as', 'Backup Person']).code).toBe(0);
    expect(cli(['rekey', '--vault', vault, '--as', 'Key Keeper'], { CASEPROOF_NEW_PASSPHRASE: 'another passphrase 2' }).code).toBe(0);
    const all = JSON.parse(cli(['audit', 'list', '--vault', vault, '--json'], { CASEPROOF_PASSPHRASE: 'another passphrase 2' }).stdout) as Entry[];
    expect(all.slice(-8).map((e) => [e.action, e.who])).toEqual([
      ['lock', 'Pat Manager'], // the import
      ['unlock', 'Backup Person'],
      ['backup', 'Backup Person'],
      ['lock', 'Backup Person'],
      ['unlock', 'Key Keeper'],
      ['passphrase', 'Key Keeper'],
      ['lock', 'Key Keeper'], // written on the new connection, as every command's lock is
      ['unlock', all.at(-1)!.who], // this listing
    ]);
  });

  it('pack verify names a registered pack, unchanged, and refuses a changed file', () => {
    const vault = vaultWithSample();
    const docx = path.join(path.dirname(vault), 'morgan.docx');
    const made = cli(['pack', '--vault', vault, '--staff', 'RR-01', '--out', docx, '--for', 'Fenwick Law', '--as', 'Pat Manager']);
    expect(made.code, made.stderr).toBe(0);
    const ok = cli(['pack', 'verify', '--vault', vault, docx, '--json']);
    expect(ok.code, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ id: 1, madeAt: CLI_NOW, for: 'Fenwick Law', asOf: '2026-11-24', unchanged: true });
    expect(cli(['pack', 'verify', '--vault', vault, docx]).stdout).toMatch(
      /is pack number 1 in this vault's register, unchanged: .* for Morgan Ellis \(RR-01\), made for Fenwick Law, as at 24\/11\/2026/,
    );
    // One byte changed: no longer the registered pack.
    const bytes = readFileSync(docx);
    bytes[bytes.length - 30] ^= 1;
    writeFileSync(docx, bytes);
    const changed = cli(['pack', 'verify', '--vault', vault, docx]);
    expect(changed.code).toBe(1);
    expect(changed.stderr).toMatch(
      /morgan\.docx names pack number 1 in this vault's register, but it was changed after it was made: its SHA-256 is [0-9a-f]{64}, the register holds/,
    );
    const json = cli(['pack', 'verify', '--vault', vault, docx, '--json']);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({ id: null, unchanged: false });
    // The pack is in the trail too.
    const entries = JSON.parse(cli(['audit', 'list', '--vault', vault, '--json']).stdout) as Entry[];
    expect(entries.find((e) => e.action === 'pack')).toMatchObject({ who: 'Pat Manager', subject: 'pack 1 (RR-01)' });
  });
});
