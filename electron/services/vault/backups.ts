// Backups in the app: Back up now, scheduled backups to a folder, the log the Dashboard reads,
// and restoring a backup into a new vault file. Every copy is made by copyVault (backup.ts):
// VACUUM INTO beside the destination, then opened and checked (every page's HMAC and SQLite's
// quick check) before it takes its name, so only a verified backup is ever logged.
//
// Where things live, and why:
//  - The log of verified backups is in the vault (table `backups`): it is a fact about this
//    vault wherever it is opened.
//  - The schedule (folder, how often, how many kept) is a preference on this computer
//    (platform prefs: electron-store in the app), keyed by the vault's path: a folder is a
//    place on one computer (a drive letter, a mounted share), so a vault opened elsewhere must
//    not try to write to it. Nothing secret is in it.
//  - A separate backup passphrase is kept only as its derived key, inside the vault (key slot
//    'backup'), so scheduled backups run without anyone typing it.
import { auditEvent } from '../../../db/audit';
import { keepHead } from '../../../db/auditHead';
import { existsSync, readdirSync, readFileSync, statSync, accessSync, constants } from 'node:fs';
import path from 'node:path';
import { desc, eq } from 'drizzle-orm';
import { openVault, type OpenOptions } from '../../../db/client';
import { deriveKey, exportKey, importKey, type VaultKey } from '../../../db/keys';
import { acquireLock } from '../../../db/lock';
import { removeWithSidecars } from '../../../db/files';
import { backups } from '../../../db/schema';
import { londonDateTime, ukDateTime } from '../../contract/dates';
import {
  BACKUP_WARN_DAYS,
  type BackupEntry,
  type BackupKind,
  type BackupScheduleSettings,
  type BackupScheduleView,
  type BackupState,
} from '../../contract/ops/backups';
import type { Ctx } from '../context';
import { AppError } from '../errors';
import { writeFileAtomic } from '../files';
import { clearKeySlot, readKeySlot, writeKeySlot } from './keySlots';
import { copyVault, verifyCopy } from './backup';
import { hasRecoveryKey, recoveryFileOf, writeRecoveryFileFor } from './recovery';

const DAY_MS = 24 * 60 * 60 * 1000;
const SCHEDULES = 'backupSchedules';
const PROBLEMS = 'backupScheduleProblems';

/** The part of the platform's preferences the schedule uses. */
export interface Prefs {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
}

/** Makes a verified backup of the open vault at `dest` and logs it. `as`: encrypt it under a separate backup key. */
export function makeBackup(ctx: Ctx, dest: string, kind: BackupKind, opts: { overwrite: boolean; as?: VaultKey }): BackupEntry {
  copyVault(ctx.vault, dest, opts.overwrite, ctx.progress, opts.as);
  // A copy opens with its own recovery file too (the same recovery key), when the vault has one.
  writeRecoveryFileFor(ctx, dest, opts.as ?? ctx.vault.key);
  const entry: BackupEntry = { madeAt: ctx.clock.stamp(), file: path.resolve(dest), bytes: statSync(dest).size, kind, ownPassphrase: !!opts.as };
  ctx.vault.tx(() => ctx.vault.orm.insert(backups).values(entry).run());
  return entry;
}

/** The key a separate backup passphrase gives (the copy keeps the vault's salt). */
export function backupKeyFor(ctx: Ctx, passphrase: string): VaultKey {
  return deriveKey(passphrase, ctx.vault.key.salt);
}

export function lastBackup(ctx: Ctx, kind?: BackupKind): BackupEntry | null {
  const q = ctx.vault.orm.select().from(backups);
  const row = (kind ? q.where(eq(backups.kind, kind)) : q).orderBy(desc(backups.madeAt), desc(backups.id)).limit(1).get();
  return row ? { madeAt: row.madeAt, file: row.file, bytes: row.bytes, kind: row.kind as BackupKind, ownPassphrase: row.ownPassphrase } : null;
}

// --- the schedule (a preference on this computer) ---

export function scheduleFor(prefs: Prefs, vaultPath: string): BackupScheduleView | null {
  const all = (prefs.get(SCHEDULES) as Record<string, BackupScheduleView> | undefined) ?? {};
  return all[vaultPath] ?? null;
}
function problemFor(prefs: Prefs, vaultPath: string): string | null {
  return ((prefs.get(PROBLEMS) as Record<string, string> | undefined) ?? {})[vaultPath] ?? null;
}
function setProblem(prefs: Prefs, vaultPath: string, problem: string | null): void {
  const all = { ...((prefs.get(PROBLEMS) as Record<string, string> | undefined) ?? {}) };
  if (problem) all[vaultPath] = problem;
  else delete all[vaultPath];
  prefs.set(PROBLEMS, all);
}

/** A folder the schedule can write to: it exists, is a folder, and this account may write in it. */
function assertUsableFolder(folder: string): string {
  const abs = path.resolve(folder);
  if (!existsSync(abs)) throw new AppError('invalid', `There is no folder ${abs}.`, 'folder');
  if (!statSync(abs).isDirectory()) throw new AppError('invalid', `${abs} is a file, not a folder.`, 'folder');
  try {
    accessSync(abs, constants.W_OK);
  } catch {
    throw new AppError('invalid', `Caseproof may not write in ${abs}.`, 'folder');
  }
  return abs;
}

export function setSchedule(ctx: Ctx, prefs: Prefs, s: BackupScheduleSettings): void {
  const folder = assertUsableFolder(s.folder);
  if (s.passphrase === 'own') {
    if (s.ownPassphrase) {
      const key = backupKeyFor(ctx, s.ownPassphrase);
      ctx.vault.tx(() => writeKeySlot(ctx, 'backup', exportKey(key)));
    } else if (!readKeySlot(ctx, 'backup')) {
      throw new AppError('invalid', 'Type the backup passphrase (at least 10 characters), or choose the vault’s own passphrase.', 'ownPassphrase');
    }
  } else {
    ctx.vault.tx(() => clearKeySlot(ctx, 'backup'));
  }
  const all = { ...((prefs.get(SCHEDULES) as Record<string, BackupScheduleView> | undefined) ?? {}) };
  all[ctx.vault.path] = { folder, everyDays: s.everyDays, keep: s.keep, passphrase: s.passphrase };
  prefs.set(SCHEDULES, all);
  setProblem(prefs, ctx.vault.path, null);
}

export function clearSchedule(ctx: Ctx, prefs: Prefs): void {
  const all = { ...((prefs.get(SCHEDULES) as Record<string, BackupScheduleView> | undefined) ?? {}) };
  delete all[ctx.vault.path];
  prefs.set(SCHEDULES, all);
  setProblem(prefs, ctx.vault.path, null);
  ctx.vault.tx(() => clearKeySlot(ctx, 'backup'));
}

/** When the next scheduled backup is due: `everyDays` after the last scheduled one, or now when there has been none. */
export function nextDue(ctx: Ctx, schedule: BackupScheduleView): Date {
  const last = lastBackup(ctx, 'scheduled');
  return last ? new Date(Date.parse(last.madeAt) + schedule.everyDays * DAY_MS) : ctx.clock.now();
}

/** `firm-backup-2026-11-24-0914.cpv`: the vault's name and London's date and time, so names sort by age. */
function scheduledName(vaultPath: string, at: Date): string {
  const stamp = londonDateTime(at).replace('T', '-').replace(':', '');
  return `${path.basename(vaultPath, path.extname(vaultPath))}-backup-${stamp}`;
}
function patternFor(vaultPath: string): RegExp {
  const base = path.basename(vaultPath, path.extname(vaultPath)).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${base}-backup-\\d{4}-\\d{2}-\\d{2}-\\d{4}(-\\d+)?\\.cpv$`);
}

/**
 * Removes the oldest scheduled backups of this vault in `folder` beyond the last `keep`
 * (with their recovery files). Only files named as the schedule names them are touched.
 */
export function pruneBackups(folder: string, vaultPath: string, keep: number): string[] {
  const re = patternFor(vaultPath);
  const ours = readdirSync(folder)
    .filter((f) => re.test(f))
    .sort();
  const gone = ours.slice(0, Math.max(0, ours.length - keep));
  for (const f of gone) {
    const p = path.join(folder, f);
    removeWithSidecars(p);
    removeWithSidecars(recoveryFileOf(p));
  }
  return gone;
}

/**
 * Runs the scheduled backup if one is due (on the session's clock): writes it to the folder,
 * keeps the last N, and records a failure in words for the Settings page and the Dashboard.
 * Returns the backup made, or null when none was due.
 */
export function runDueBackup(ctx: Ctx, prefs: Prefs): BackupEntry | null {
  const schedule = scheduleFor(prefs, ctx.vault.path);
  if (!schedule) return null;
  const now = ctx.clock.now();
  if (nextDue(ctx, schedule).getTime() > now.getTime()) return null;
  try {
    const folder = assertUsableFolder(schedule.folder);
    let as: VaultKey | undefined;
    if (schedule.passphrase === 'own') {
      const slot = readKeySlot(ctx, 'backup');
      if (!slot) throw new AppError('invalid', 'the backup passphrase is no longer set; set the schedule again.');
      as = importKey(slot);
    }
    const base = scheduledName(ctx.vault.path, now);
    let dest = path.join(folder, `${base}.cpv`);
    for (let n = 2; existsSync(dest); n++) dest = path.join(folder, `${base}-${n}.cpv`);
    const entry = makeBackup(ctx, dest, 'scheduled', { overwrite: false, as });
    pruneBackups(folder, ctx.vault.path, schedule.keep);
    setProblem(prefs, ctx.vault.path, null);
    return entry;
  } catch (e) {
    setProblem(prefs, ctx.vault.path, `The scheduled backup on ${ukDateTime(ctx.clock.stamp())} failed: ${(e as Error).message}`);
    throw e;
  }
}

/** What Settings and the Dashboard show. */
export function backupState(ctx: Ctx, prefs: Prefs): BackupState {
  const last = lastBackup(ctx);
  const now = ctx.clock.now().getTime();
  const ageMs = last ? Math.max(0, now - Date.parse(last.madeAt)) : null;
  const ageDays = ageMs === null ? null : Math.floor(ageMs / DAY_MS);
  const warning = ageMs === null || ageMs > BACKUP_WARN_DAYS * DAY_MS;
  const schedule = scheduleFor(prefs, ctx.vault.path);
  return {
    last,
    ageDays,
    warning,
    line: backupLine(last, ageDays, warning),
    schedule,
    nextDue: schedule
      ? nextDue(ctx, schedule)
          .toISOString()
          .replace(/\.\d{3}Z$/, 'Z')
      : null,
    scheduleProblem: schedule ? problemFor(prefs, ctx.vault.path) : null,
    hasBackupPassphrase: readKeySlot(ctx, 'backup') !== null,
    hasRecoveryKey: hasRecoveryKey(ctx),
  };
}

function backupLine(last: BackupEntry | null, ageDays: number | null, warning: boolean): string {
  const how = 'Back up now from Settings → Backups, or set a schedule there.';
  if (!last || ageDays === null) return `Warning: this vault has never been backed up. ${how}`;
  const ago = ageDays === 0 ? 'today' : ageDays === 1 ? 'yesterday' : `${ageDays} days ago`;
  if (warning) return `Warning: the last verified backup is ${ageDays} days old (made ${ukDateTime(last.madeAt)}). ${how}`;
  return `Last verified backup: ${ukDateTime(last.madeAt)} (${ago}), to ${last.file}.`;
}

/**
 * Restores a backup into a NEW vault file: never over an existing file, so never over the
 * open vault. The backup is only read (every page checked first: an altered one is named as
 * damaged); the copy is checked again where it lands, and it opens with the backup's passphrase.
 */
export function restoreBackup(from: string, passphrase: string, to: string, opts: OpenOptions = {}): { path: string; staff: number } {
  const src = path.resolve(from);
  const dest = path.resolve(to);
  if (!existsSync(src)) throw new AppError('not-found', `No backup found at ${src}.`, 'from');
  if (src === dest) throw new AppError('invalid', 'Restore into a new file, not onto the backup itself.', 'to');
  if (existsSync(dest)) {
    throw new AppError('exists', `${dest} already exists. A backup is restored into a new file, never over another one: choose a new name.`, 'to');
  }
  if (!existsSync(path.dirname(dest))) throw new AppError('invalid', `There is no folder ${path.dirname(dest)} to restore into.`, 'to');
  const backup = openVault(src, { passphrase }, { ...opts, readOnly: true, check: 'pages' });
  const guard = acquireLock(dest, opts); // no other Caseproof opens the new file half-way through
  try {
    copyVault(backup, dest, false);
    const { staff } = verifyCopy(dest, backup.key);
    noteRestore(dest, backup.key, src, opts);
    const recovery = recoveryFileOf(src);
    if (existsSync(recovery)) writeFileAtomic(recoveryFileOf(dest), readFileSync(recovery), { overwrite: false });
    return { path: dest, staff };
  } finally {
    backup.close();
    guard.release();
  }
}

/** The restored vault's own audit trail says it was restored, from which file, by whom (db/audit.ts); its head file is written afresh. */
export function noteRestore(dest: string, key: VaultKey, from: string, opts: OpenOptions): void {
  const v = openVault(dest, { key }, opts);
  try {
    auditEvent(v.sqlite, 'restore', { from: path.basename(from) });
    // A new head for the new file, whatever head was beside that name (db/auditHead.ts).
    keepHead(v, { fresh: true });
  } finally {
    v.close();
  }
}
