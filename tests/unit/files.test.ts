// Every file Caseproof writes is owner-only (0600) and atomic (electron/services/files.ts):
// each kind of output, made the way the app makes it (through the registry, a test standing
// in for the save dialog), is stat'ed for its mode; the helper's own promises are checked too.
import { chmodSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openVault } from '../../db/client';
import { lockPathFor } from '../../db/lock';
import { buildRegistry } from '../../electron/services/api/handlers';
import { Session } from '../../electron/services/api/session';
import { AppError } from '../../electron/services/errors';
import { stageFile, streamToFile, writeFileAtomic } from '../../electron/services/files';
import { importFirmFile } from '../../electron/services/interchange/importFirmFile';
import { copyVault } from '../../electron/services/vault/backup';
import { nodePlatform } from '../../electron/platform/nodePlatform';
import { fixedClock } from '../../electron/services/clock';
import { packFirmFile, MORGAN, RECIPIENT } from '../support/packFirm';
import { tempDir } from '../support/tmp';
import { PASS } from '../support/vaults';

const POSIX = process.platform !== 'win32';
const modeOf = (f: string) => statSync(f).mode & 0o777;
// The usual umask (022) would leave a plain write readable by everyone (0644).
process.umask?.(0o022);

describe.runIf(POSIX)('each kind of file Caseproof writes is owner-only', () => {
  it('the vault, its journal files and its lock; a backup; an export; a calendar; a saved copy of evidence; a pack', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'firm.cpv');
    const platform = nodePlatform({ user: 'Tester' });
    const session = new Session(platform, {}, fixedClock('2026-11-24'));
    const registry = buildRegistry(session);
    const call = async (op: string, input: unknown) => {
      const r = await registry.call(op as never, input);
      if (!r.ok) throw new Error(`${op}: ${r.error.message}`);
      return r.value;
    };
    await call('createVault', { path: file, passphrase: PASS, remember: false });
    importFirmFile(session.ctx(), packFirmFile());
    expect(modeOf(file)).toBe(0o600);
    expect(modeOf(file + '-wal')).toBe(0o600);
    expect(modeOf(file + '-shm')).toBe(0o600);
    expect(modeOf(lockPathFor(file))).toBe(0o600);

    const out = (name: string) => {
      const p = path.join(dir, name);
      platform.dialogAnswers.push(p);
      return p;
    };
    const exported = out('firm.json');
    await call('exportFirmFileToDialog', {});
    const calendar = out('due.ics');
    await call('exportDueCalendar', {});
    const { id } = session.ctx().vault.sqlite.prepare('SELECT id FROM evidence_files ORDER BY id LIMIT 1').get() as { id: number };
    const evidence = out('copy-of-evidence.pdf');
    await call('saveEvidenceAs', { id });
    const pack = out('morgan.docx');
    await call('generatePack', { kind: 'staff', ref: MORGAN.ref, asOf: '2026-11-24', recipient: RECIPIENT });
    const backup = path.join(dir, 'backup.cpv');
    copyVault(session.ctx().vault, backup, false);

    for (const f of [exported, calendar, evidence, pack, backup]) {
      expect(readFileSync(f).length, f).toBeGreaterThan(0);
      expect(modeOf(f), path.basename(f)).toBe(0o600);
    }
    session.lock();
    // Nothing half-written or temporary is left beside them.
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('a file replaced in place (the save dialog said yes) is owner-only afterwards, even if the old one was not', () => {
    const dir = tempDir();
    const f = path.join(dir, 'export.json');
    writeFileSync(f, 'old');
    chmodSync(f, 0o644);
    writeFileAtomic(f, 'new', { overwrite: true });
    expect(readFileSync(f, 'utf8')).toBe('new');
    expect(modeOf(f)).toBe(0o600);
  });

  it('a vault left with a readable journal by an older Caseproof is made owner-only when opened', () => {
    const dir = tempDir();
    const file = path.join(dir, 'firm.cpv');
    const session = new Session(nodePlatform({ user: 'Tester' }));
    session.create(file, PASS, false);
    session.lock();
    chmodSync(file, 0o644);
    const v = openVault(file, { passphrase: PASS });
    expect(modeOf(file)).toBe(0o600);
    expect(modeOf(file + '-wal')).toBe(0o600);
    v.close();
  });
});

describe('writes are atomic and never overwrite by accident', () => {
  it('an existing file is refused without overwrite, and left as it was', () => {
    const dir = tempDir();
    const f = path.join(dir, 'out.ics');
    writeFileSync(f, 'keep me');
    let e: unknown;
    try {
      writeFileAtomic(f, 'new', { overwrite: false });
    } catch (x) {
      e = x;
    }
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).message).toBe(`${f} already exists; Caseproof will not overwrite it.`);
    expect(readFileSync(f, 'utf8')).toBe('keep me');
    expect(readdirSync(dir)).toEqual(['out.ics']);
  });

  it('a file that appears while another is being written is not replaced (the last step is a link, not a rename)', () => {
    const dir = tempDir();
    const f = path.join(dir, 'pack.docx');
    const staged = stageFile(f, 'ours', { overwrite: false });
    if (POSIX) expect(modeOf(staged.tmp)).toBe(0o600); // owner-only from its first byte, not only once in place
    writeFileSync(f, 'someone else got there first');
    expect(() => staged.publish()).toThrow(/already exists; Caseproof will not overwrite it/);
    staged.discard();
    expect(readFileSync(f, 'utf8')).toBe('someone else got there first');
    expect(readdirSync(dir)).toEqual(['pack.docx']);
  });

  it('a stream that fails part-way leaves neither the file nor its temporary copy', async () => {
    const dir = tempDir();
    const f = path.join(dir, 'firm.json');
    await expect(
      streamToFile(f, { overwrite: false }, async (write) => {
        await write('{"format": "caseproof-firm", ');
        throw new Error('the export failed');
      }),
    ).rejects.toThrow('the export failed');
    expect(readdirSync(dir)).toEqual([]);
    const ok = await streamToFile(f, { overwrite: false }, async (write) => {
      for (let i = 0; i < 3; i++) await write('x'.repeat(700_000));
    });
    expect(ok).toEqual({ path: f, bytes: 2_100_000 });
    expect(statSync(f).size).toBe(2_100_000);
    if (POSIX) expect(modeOf(f)).toBe(0o600);
  });

  it('says plainly when the folder does not exist', () => {
    const f = path.join(tempDir(), 'missing', 'out.json');
    expect(() => writeFileAtomic(f, '{}', { overwrite: false })).toThrow(`There is no folder ${path.dirname(f)} to write out.json into.`);
    expect(existsSync(f)).toBe(false);
  });
});
