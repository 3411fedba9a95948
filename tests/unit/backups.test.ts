// Backups in the app over real encrypted vaults, through the registry the app's workers run:
// Back up now (verified, logged, owner-only), a separate backup passphrase, the schedule on the
// one clock (due daily, the last N kept, nothing else in the folder touched, a folder that has
// gone named), the Dashboard's words (a warning after 7 days), and restoring into a new file
// only (an existing file, the open vault and an altered backup refused, by name).
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openVault } from '../../db/client';
import { buildRegistry } from '../../electron/services/api/handlers';
import { Session } from '../../electron/services/api/session';
import { manualClock } from '../../electron/services/clock';
import { nodePlatform } from '../../electron/platform/nodePlatform';
import { runDueBackup } from '../../electron/services/vault/backups';
import { tempDir } from '../support/tmp';
import { registryCalls } from '../support/registryCalls';
import { newVault, PASS as PASS_1, sampleFirm } from '../support/vaults';
import { copyVault } from '../../electron/services/vault/backup';
import { importFirmFile } from '../../electron/services/interchange/importFirmFile';

const PASS = 'backup test passphrase';
const BACKUP_PASS = 'a separate backup passphrase';
const DAY = 24 * 60 * 60 * 1000;

function setUp() {
  const clock = manualClock('2026-11-24T09:14:00Z');
  const platform = nodePlatform({ user: 'Backup Tester' });
  const session = new Session(platform, {}, clock);
  const r = buildRegistry(session);
  const dir = tempDir();
  const file = path.join(dir, 'firm.cpv');
  session.create(file, PASS, false);
  const { call, fail } = registryCalls(r);
  return { clock, platform, session, r, dir, file, call, fail };
}

const staffNames = (file: string, passphrase: string) => {
  const v = openVault(file, { passphrase }, { readOnly: true });
  try {
    return (v.sqlite.prepare('SELECT name FROM staff ORDER BY ref').all() as { name: string }[]).map((x) => x.name);
  } finally {
    v.close();
  }
};

describe('backups in the app', () => {
  it('backs up now to the chosen file, verified, owner-only and logged; the Dashboard line follows the clock and warns after 7 days', async () => {
    const t = setUp();
    const before = await t.call<{ warning: boolean; line: string }>('backupState');
    expect(before.warning).toBe(true);
    expect(before.line).toBe('Warning: this vault has never been backed up. Back up now from Settings → Backups, or set a schedule there.');

    await t.call('createStaff', { ref: 'RR-01', name: 'Alex Carter', profession: 'OT' });
    const dest = path.join(t.dir, 'copy');
    t.platform.dialogAnswers.push(dest);
    const entry = await t.call<{ file: string; bytes: number; kind: string; madeAt: string }>('backupNow');
    expect(entry.file).toBe(`${dest}.cpv`);
    expect(entry.kind).toBe('now');
    expect(entry.madeAt).toBe('2026-11-24T09:14:00Z');
    expect(entry.bytes).toBe(statSync(entry.file).size);
    expect(statSync(entry.file).mode & 0o777).toBe(0o600);
    expect(staffNames(entry.file, PASS)).toEqual(['Alex Carter']);
    expect(readdirSync(t.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);

    const fresh = await t.call<{ warning: boolean; line: string; ageDays: number }>('backupState');
    expect(fresh).toMatchObject({ warning: false, ageDays: 0, line: `Last verified backup: 24/11/2026 09:14 (today), to ${dest}.cpv.` });
    t.clock.advance(7 * DAY);
    expect((await t.call<{ warning: boolean }>('backupState')).warning).toBe(false);
    t.clock.advance(60_000);
    const stale = await t.call<{ warning: boolean; line: string }>('backupState');
    expect(stale.warning).toBe(true);
    expect(stale.line).toBe(
      'Warning: the last verified backup is 7 days old (made 24/11/2026 09:14). Back up now from Settings → Backups, or set a schedule there.',
    );
  });

  it('encrypts a backup with its own passphrase when asked: it opens with that one, not the vault’s', async () => {
    const t = setUp();
    await t.call('createStaff', { ref: 'RR-01', name: 'Alex Carter', profession: 'OT' });
    t.platform.dialogAnswers.push(path.join(t.dir, 'own.cpv'));
    const entry = await t.call<{ file: string; ownPassphrase: boolean }>('backupNow', { passphrase: BACKUP_PASS });
    expect(entry.ownPassphrase).toBe(true);
    expect(staffNames(entry.file, BACKUP_PASS)).toEqual(['Alex Carter']);
    expect(() => staffNames(entry.file, PASS)).toThrow(/passphrase is wrong/);
  });

  it('runs the schedule on the clock: daily, the last N kept, other files untouched, a separate passphrase, a missing folder named', async () => {
    const t = setUp();
    const folder = path.join(t.dir, 'backups');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(folder);
    writeFileSync(path.join(folder, 'firm-backup-notes.txt'), 'mine');
    writeFileSync(path.join(folder, 'other-backup-2026-01-01-0000.cpv'), 'another vault’s');
    const bad = await t.fail('setBackupSchedule', { folder: path.join(t.dir, 'nowhere'), everyDays: 1, keep: 2, passphrase: 'vault' });
    expect(bad).toMatchObject({ field: 'folder', message: `There is no folder ${path.join(t.dir, 'nowhere')}.` });
    const noPass = await t.fail('setBackupSchedule', { folder, everyDays: 1, keep: 2, passphrase: 'own' });
    expect(noPass.field).toBe('ownPassphrase');
    const range = await t.fail('setBackupSchedule', { folder, everyDays: 0, keep: 2, passphrase: 'vault' });
    expect(range.message).toContain('everyDays: must be at least 1 days');

    const s = await t.call<{ schedule: unknown; nextDue: string; hasBackupPassphrase: boolean }>('setBackupSchedule', {
      folder,
      everyDays: 1,
      keep: 2,
      passphrase: 'own',
      ownPassphrase: BACKUP_PASS,
    });
    expect(s.schedule).toEqual({ folder, everyDays: 1, keep: 2, passphrase: 'own' });
    expect(s.nextDue).toBe('2026-11-24T09:14:00Z');
    expect(s.hasBackupPassphrase).toBe(true);
    // The folder is a preference on this computer; the backup key is not in the preferences.
    expect(JSON.stringify(t.platform.prefs.get('backupSchedules'))).not.toContain('key');

    const ctx = t.session.ctx();
    const made: string[] = [];
    for (let day = 0; day < 3; day++) {
      const e = runDueBackup(ctx, t.platform.prefs);
      expect(e?.kind).toBe('scheduled');
      made.push(path.basename(e!.file));
      expect(runDueBackup(ctx, t.platform.prefs)).toBeNull(); // not due again the same day
      t.clock.advance(12 * 60 * 60 * 1000);
      expect(runDueBackup(ctx, t.platform.prefs)).toBeNull();
      t.clock.advance(12 * 60 * 60 * 1000);
    }
    expect(made).toEqual(['firm-backup-2026-11-24-0914.cpv', 'firm-backup-2026-11-25-0914.cpv', 'firm-backup-2026-11-26-0914.cpv']);
    expect(readdirSync(folder).sort()).toEqual([
      'firm-backup-2026-11-25-0914.cpv',
      'firm-backup-2026-11-26-0914.cpv',
      'firm-backup-notes.txt',
      'other-backup-2026-01-01-0000.cpv',
    ]);
    expect(staffNames(path.join(folder, made[2]), BACKUP_PASS)).toEqual([]);

    const { rmSync } = await import('node:fs');
    rmSync(folder, { recursive: true });
    expect(() => runDueBackup(ctx, t.platform.prefs)).toThrow(`There is no folder ${folder}.`);
    const st = await t.call<{ scheduleProblem: string }>('backupState');
    expect(st.scheduleProblem).toBe(`The scheduled backup on 27/11/2026 09:14 failed: There is no folder ${folder}.`);
  });

  it('restores a backup into a new file only, checked, with the backup’s passphrase; refuses an existing file, the open vault and an altered backup', async () => {
    const t = setUp();
    await t.call('createStaff', { ref: 'RR-01', name: 'Alex Carter', profession: 'OT' });
    const backup = path.join(t.dir, 'b.cpv');
    t.platform.dialogAnswers.push(backup);
    await t.call('backupNow');
    await t.call('createStaff', { ref: 'RR-02', name: 'Toni Reyes', profession: 'Physio' });

    const over = await t.fail('restoreBackup', { from: backup, passphrase: PASS, to: t.file });
    expect(over).toMatchObject({ field: 'to', message: 'A backup is never restored over the open vault: choose a new file.' });
    const existing = path.join(t.dir, 'existing.cpv');
    writeFileSync(existing, 'keep me');
    const ex = await t.fail('restoreBackup', { from: backup, passphrase: PASS, to: existing });
    expect(ex.message).toContain('already exists. A backup is restored into a new file, never over another one');
    expect(readFileSync(existing, 'utf8')).toBe('keep me');
    const wrong = await t.fail('restoreBackup', { from: backup, passphrase: 'not the passphrase at all', to: path.join(t.dir, 'r0.cpv') });
    expect(wrong.code).toBe('wrong-passphrase');
    expect(existsSync(path.join(t.dir, 'r0.cpv'))).toBe(false);

    const restored = await t.call<{ path: string; staff: number }>('restoreBackup', { from: backup, passphrase: PASS, to: path.join(t.dir, 'restored') });
    expect(restored).toEqual({ path: path.join(t.dir, 'restored.cpv'), staff: 1 });
    expect(statSync(restored.path).mode & 0o777).toBe(0o600);
    expect(staffNames(restored.path, PASS)).toEqual(['Alex Carter']);

    // An altered backup (one byte of its last page) is named as damaged and nothing is written.
    const bytes = readFileSync(backup);
    bytes[bytes.length - 200] ^= 0xff;
    writeFileSync(backup, bytes);
    const dmg = await t.fail('restoreBackup', { from: backup, passphrase: PASS, to: path.join(t.dir, 'r2.cpv') });
    expect(dmg.code).toBe('vault-damaged');
    expect(dmg.message).toContain('is damaged');
    expect(existsSync(path.join(t.dir, 'r2.cpv'))).toBe(false);
  });
});

describe('the copy a backup makes', () => {
  it("is the vault's file byte for byte (one plain copy) when nothing else holds the file, and a VACUUM INTO copy when another connection is reading; both open, checked, with every record", async () => {
    const { vault, dir, file, ctx } = newVault();
    importFirmFile(ctx, sampleFirm());
    const staff = vault.sqlite.prepare('SELECT count(*) AS n FROM staff').pluck().get();
    copyVault(vault, path.join(dir, 'a.cpv'), false);
    // Checkpointed first, so the file holds everything; the copy is that file exactly.
    expect(readFileSync(path.join(dir, 'a.cpv')).equals(readFileSync(file))).toBe(true);
    expect(statSync(path.join(dir, 'a.cpv')).mode & 0o777).toBe(0o600);

    // Another connection in a read transaction over unflushed WAL frames: the file cannot be
    // held still, so SQLite writes the copy instead (compact, the same records).
    vault.sqlite.prepare("UPDATE firm SET name = 'Riverside, renamed'").run();
    const reader = openVault(file, { passphrase: PASS_1 }, { readOnly: true });
    reader.sqlite.exec('BEGIN');
    reader.sqlite.prepare('SELECT count(*) FROM staff').get();
    try {
      copyVault(vault, path.join(dir, 'b.cpv'), false);
    } finally {
      reader.sqlite.exec('COMMIT');
      reader.close();
    }
    expect(readFileSync(path.join(dir, 'b.cpv')).equals(readFileSync(file))).toBe(false);
    for (const name of ['a.cpv', 'b.cpv']) {
      const copy = openVault(path.join(dir, name), { passphrase: PASS_1 }, { readOnly: true, check: 'pages' });
      expect(copy.sqlite.prepare('SELECT count(*) AS n FROM staff').pluck().get()).toBe(staff);
      expect(copy.sqlite.pragma('quick_check', { simple: true })).toBe('ok');
      copy.close();
    }
    vault.close();
  });
});
