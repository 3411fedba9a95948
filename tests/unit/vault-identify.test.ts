// Naming what happened when a file is opened as a vault: "is not a Caseproof vault", "is
// damaged" or "the passphrase is wrong", each only when true, on real SQLCipher files. And
// the page format db/pages.ts checks against: SQLite3 Multiple Ciphers' own pages.
import { createHash } from 'node:crypto';
import { copyFileSync, openSync, closeSync, readdirSync, readFileSync, statSync, truncateSync, writeFileSync, writeSync, readSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { APPLICATION_ID, openVault, SCHEMA_VERSION, VaultError } from '../../db/client';
import { deriveKey, readSalt } from '../../db/keys';
import { checkVault } from '../../db/check';
import { checkPages, describePageCheck, PAGE_SIZE, readHeader } from '../../db/pages';
import { importFirmFile } from '../../electron/services/interchange/importFirmFile';
import { copyVault, verifyCopy } from '../../electron/services/vault/backup';
import { attachEvidence } from '../../electron/services/evidence/evidence';
import { listRecords } from '../../electron/services/evidence/records';
import { Session } from '../../electron/services/api/session';
import { buildRegistry } from '../../electron/services/api/handlers';
import { nodePlatform } from '../../electron/platform/nodePlatform';
import { decryptedPages } from '../support/legacyVault';
import { tempDir, fileSha256 } from '../support/tmp';
import { newVault, PASS, SAMPLE_FILE, sampleFirm } from '../support/vaults';
import { thrownBy } from '../support/errors';

const sha = fileSha256;

const errorOf = (fn: () => unknown) => thrownBy(fn, VaultError);

/** A closed vault of several pages holding the sample firm and one evidence file. */
function filledVault(): { file: string; dir: string } {
  const { vault, file, dir, ctx } = newVault();
  importFirmFile(ctx, sampleFirm());
  const rec = listRecords(ctx, { type: 'staff', ref: 'RR-01' }, 'cpd')[0];
  attachEvidence(ctx, rec.id, { name: 'certificate.pdf', bytes: Buffer.concat([Buffer.from('%PDF-1.4 '), Buffer.alloc(40_000, 7)]) });
  vault.close();
  return { file, dir };
}

/** Flips one bit of the byte at `offset`, in place. */
function flip(file: string, offset: number): void {
  const fd = openSync(file, 'r+');
  try {
    const b = Buffer.alloc(1);
    readSync(fd, b, 0, 1, offset);
    b[0] ^= 0x10;
    writeSync(fd, b, 0, 1, offset);
  } finally {
    closeSync(fd);
  }
}
const pagesOf = (file: string) => statSync(file).size / PAGE_SIZE;

/** Opens, expects a refusal, and checks the file was left byte for byte as it was, with nothing beside it. */
function refusedUnchanged(file: string, passphrase = PASS, opts = {}): VaultError {
  const dir = path.dirname(file);
  const before = sha(file);
  const beside = readdirSync(dir).sort();
  const e = errorOf(() => openVault(file, { passphrase }, opts));
  expect(sha(file)).toBe(before);
  expect(readdirSync(dir).sort()).toEqual(beside);
  return e;
}

describe('the page format (checked against the pages SQLite3 Multiple Ciphers writes)', () => {
  it('every page of a real vault carries an HMAC our check accepts under its key, and none under another key', () => {
    const { file } = filledVault();
    const salt = readSalt(file);
    const key = deriveKey(PASS, salt);
    const good = checkPages(file, key);
    expect(good.pages).toBe(pagesOf(file));
    expect(good.pages).toBeGreaterThan(10);
    expect(good).toMatchObject({ failing: [], failingCount: 0, partialBytes: 0 });
    const other = checkPages(file, deriveKey('another passphrase entirely', salt));
    expect(other.failingCount).toBe(good.pages);
  });

  it('decrypts the header of page 1: the same page size, reserve, page count and ids SQLite reports', () => {
    const { file } = filledVault();
    const key = deriveKey(PASS, readSalt(file));
    const page1 = readFileSync(file).subarray(0, PAGE_SIZE);
    const h = readHeader(page1, key);
    const v = openVault(file, { key });
    expect(h).toEqual({
      pageSize: 4096,
      reserved: 80,
      pageCount: v.sqlite.pragma('page_count', { simple: true }),
      applicationId: APPLICATION_ID,
      userVersion: SCHEMA_VERSION,
    });
    v.close();
  });

  it('names the first failing page and how many more', () => {
    const { file } = filledVault();
    flip(file, 5 * PAGE_SIZE + 200);
    flip(file, 9 * PAGE_SIZE + 200);
    const c = checkPages(file, deriveKey(PASS, readSalt(file)));
    expect(c.failing).toEqual([6, 10]);
    expect(describePageCheck(c)).toBe(`page 6 of ${c.pages} fails its integrity check (and 1 more)`);
  });
});

describe('is not a Caseproof vault', () => {
  const cases: [string, (f: string) => void, RegExp][] = [
    ['a text file', (f) => writeFileSync(f, 'just some text that is long enough to have a header\n'.repeat(200)), /it is a text file/],
    ['an empty file', (f) => writeFileSync(f, ''), /it is empty/],
    [
      'a file too short to be one',
      (f) => writeFileSync(f, Buffer.from(Array.from({ length: 1000 }, (_, i) => (i * 7919) % 256))),
      /too short to be one \(1,000 bytes\)/,
    ],
    ['a Caseproof firm file chosen by mistake', (f) => copyFileSync(SAMPLE_FILE, f), /a Caseproof firm file \(an export, not encrypted\); import it/],
    [
      'an SQLite database that is not encrypted',
      (f) => {
        const db = new Database(f);
        db.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1)');
        db.close();
      },
      /an SQLite database that is not encrypted/,
    ],
    ['a PDF', (f) => writeFileSync(f, Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(9000, 1)])), /a PDF document/],
    ['bytes that are not encrypted data', (f) => writeFileSync(f, Buffer.alloc(3 * PAGE_SIZE, 0)), /not encrypted data of the kind Caseproof writes/],
  ];
  for (const [what, make, words] of cases) {
    it(`${what}: says so (not that the passphrase is wrong) and leaves it unchanged`, () => {
      const f = path.join(tempDir(), 'chosen.cpv');
      make(f);
      const e = refusedUnchanged(f);
      expect(e.code).toBe('not-a-vault');
      expect(e.message).toContain(`${f} is not a Caseproof vault`);
      expect(e.message).toMatch(words);
      expect(e.message).not.toMatch(/passphrase/i);
    });
  }

  it('a Word document (a zip)', async () => {
    const zip = new JSZip();
    zip.file('word/document.xml', '<w:document/>');
    const f = path.join(tempDir(), 'letter.docx');
    writeFileSync(f, await zip.generateAsync({ type: 'nodebuffer' }));
    expect(refusedUnchanged(f).message).toMatch(/is not a Caseproof vault: it is a zip archive/);
  });

  it('random bytes that are not whole pages and that no page of which is authentic', () => {
    const f = path.join(tempDir(), 'noise.bin');
    writeFileSync(
      f,
      createHash('sha512')
        .update('x')
        .digest()
        .toString('hex')
        .repeat(200)
        .slice(0, 3 * PAGE_SIZE + 10),
    ); // text: named as such
    expect(refusedUnchanged(f).message).toMatch(/text file/);
    const bytes = Buffer.alloc(3 * PAGE_SIZE + 10);
    for (let i = 0; i < bytes.length; i += 64) createHash('sha512').update(String(i)).digest().copy(bytes, i);
    writeFileSync(f, bytes);
    const e = refusedUnchanged(f);
    expect(e.code).toBe('not-a-vault');
    expect(e.message).toMatch(/not whole pages of encrypted data \(12,298 bytes\)/);
  });
});

describe('is damaged', () => {
  it('a byte flipped on page 1 (after the salt): damaged, not a wrong passphrase, and the file is left as it was', () => {
    const { file } = filledVault();
    flip(file, 2000);
    const e = refusedUnchanged(file);
    expect(e.code).toBe('vault-damaged');
    expect(e.message).toBe(
      `${file} is damaged: page 1 of ${pagesOf(file)} fails its integrity check. Caseproof has not changed it; restore your most recent backup.`,
    );
  });

  it('a byte flipped on a middle page: found before opening when every page is checked (the CLI), and by the check after unlock (the app)', async () => {
    const { file } = filledVault();
    // A page of the evidence file's bytes, which unlocking never reads (a page of the schema,
    // which every open reads, would fail at open: the audit trail's triggers fill several).
    const plain = decryptedPages(file, deriveKey(PASS, readSalt(file)));
    const middle = Math.floor(plain.indexOf(Buffer.alloc(256, 7)) / PAGE_SIZE) + 2;
    expect(middle).toBeGreaterThan(2);
    expect(middle).toBeLessThan(pagesOf(file));
    flip(file, (middle - 1) * PAGE_SIZE + 300);
    const e = refusedUnchanged(file, PASS, { check: 'pages' });
    expect(e.code).toBe('vault-damaged');
    expect(e.message).toContain(`is damaged: page ${middle} of ${pagesOf(file)} fails its integrity check`);
    // The app's quick check at unlock reads only a few pages; the check after unlock finds it.
    const v = openVault(file, { passphrase: PASS });
    expect(await v.checkInBackground()).toContain(`${file} is damaged: page ${middle} of`);
    v.close();
  });

  it('a file cut short at a page boundary, or part-way through a page', () => {
    const { file } = filledVault();
    const pages = pagesOf(file);
    const cut = path.join(path.dirname(file), 'cut.cpv');
    copyFileSync(file, cut);
    truncateSync(cut, (pages - 3) * PAGE_SIZE);
    let e = refusedUnchanged(cut);
    expect(e.code).toBe('vault-damaged');
    expect(e.message).toContain(`is damaged: it holds ${pages - 3} pages where ${pages} were written (it was cut short)`);
    copyFileSync(file, cut);
    truncateSync(cut, pages * PAGE_SIZE - 1000);
    e = refusedUnchanged(cut);
    expect(e.code).toBe('vault-damaged');
    expect(e.message).toContain(`is damaged: the file ends part-way through page ${pages} (it was cut short)`);
  });

  it('a backup that was altered: restoring or verifying it says it is damaged, and the backup is not written to', () => {
    const { file, dir } = filledVault();
    const v = openVault(file, { passphrase: PASS });
    const backup = path.join(dir, 'backup.cpv');
    copyVault(v, backup, false);
    v.close();
    expect(verifyCopy(backup, deriveKey(PASS, readSalt(backup))).staff).toBe(2); // sound as made
    const before = sha(backup);
    expect(sha(backup)).toBe(before); // verifying reads only
    flip(backup, 3 * PAGE_SIZE + 1234);
    const altered = sha(backup);
    const e = errorOf(() => verifyCopy(backup, deriveKey(PASS, readSalt(backup))));
    expect(e.code).toBe('vault-damaged');
    expect(e.message).toContain(`${backup} is damaged: page 4 of`);
    expect(sha(backup)).toBe(altered);
  });

  it('a remembered key whose vault salt changed: damaged (the key still proves page 1), not a wrong key', () => {
    const { file } = filledVault();
    const key = deriveKey(PASS, readSalt(file));
    flip(file, 3); // inside the salt, which page 1's HMAC does not cover
    const e = errorOf(() => openVault(file, { key }));
    expect(e.code).toBe('vault-damaged');
    expect(e.message).toContain('its first 16 bytes (the salt its key is made from) have changed');
  });

  it('a page that fails when a query reads it comes back through the registry as damaged, never "internal error"', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'firm.cpv');
    const session = new Session(nodePlatform({ user: 'Tester' }));
    const registry = buildRegistry(session);
    expect((await registry.call('createVault', { path: file, passphrase: PASS, remember: false })).ok).toBe(true);
    importFirmFile(session.ctx(), sampleFirm());
    session.lock();
    // Every page holding staff rows fails from now on (the quick check at unlock reads none of them).
    const staffRoot = (() => {
      const v = openVault(file, { passphrase: PASS });
      const root = (v.sqlite.prepare(`SELECT rootpage FROM sqlite_master WHERE name = 'staff'`).get() as { rootpage: number }).rootpage;
      v.close();
      return root;
    })();
    flip(file, (staffRoot - 1) * PAGE_SIZE + 500);
    // Unlocking reads staff rows itself now (DBS copies due at unlock), so the damage may be met
    // there or at the first list: either way it comes back as damaged, in the same words.
    const opened = await registry.call('unlockVault', { path: file, passphrase: PASS, remember: false });
    const r = opened.ok ? await registry.call('listStaff', {}) : opened;
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('vault-damaged');
      expect(r.error.message).toMatch(/^The vault is damaged: part of it cannot be read/);
    }
    // and, once open, the check after unlock has named the page for the window
    if (opened.ok) await expect.poll(() => session.state().damage).toContain(`is damaged: page ${staffRoot} of`);
    session.lock();
  });
});

describe('checkVault, the full check for `caseproof check`', () => {
  it('finds nothing in a sound vault, and names the failing page of a live vault with a flipped byte', () => {
    const { file } = filledVault();
    const v = openVault(file, { passphrase: PASS });
    expect(checkVault(v)).toEqual([]);
    const pages = pagesOf(file);
    flip(file, (pages - 2) * PAGE_SIZE + 64); // while it is open
    const faults = checkVault(v);
    expect(faults[0]).toEqual({ check: 'pages', problem: `page ${pages - 1} of ${pages} fails its integrity check` });
    v.close();
  });
});

describe('the passphrase is wrong', () => {
  it('only when the file has the shape of a vault and no page is authentic; nothing is changed or left beside it', () => {
    const { file } = filledVault();
    const e = refusedUnchanged(file, 'not the passphrase at all');
    expect(e.code).toBe('wrong-passphrase');
    expect(e.message).toBe('The passphrase is wrong for this vault. Nothing was changed.');
    openVault(file, { passphrase: PASS }).close();
  });
});

it('a vault opened for reading only (a backup) is left byte for byte as it was', () => {
  const { file } = filledVault();
  const before = sha(file);
  const v = openVault(file, { passphrase: PASS }, { readOnly: true, check: 'pages' });
  expect((v.sqlite.prepare('SELECT count(*) AS n FROM staff').get() as { n: number }).n).toBe(2);
  expect(v.lock).toBeNull();
  v.close();
  expect(sha(file)).toBe(before);
});
