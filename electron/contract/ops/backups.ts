// Contract operations that protect the vault itself: backups (now, on a schedule, restored
// into a new file), the passphrase change and the recovery key. Merged into the one
// contract in ../api.ts. Types and zod only. The services are in
// electron/services/vault/backups.ts, recovery.ts and passphrase.ts.
import { z } from 'zod';
import { MIN_PASSPHRASE } from '../passphrase';
import type { VaultState } from '../views';

/** After this many days without a verified backup, the Dashboard's backup line is a warning. */
export const BACKUP_WARN_DAYS = 7;
/** A schedule's limits and defaults: daily, the last 7 kept. */
export const BACKUP_SCHEDULE = {
  everyDays: { min: 1, max: 30, default: 1 },
  keep: { min: 1, max: 100, default: 7 },
} as const;

const newPassphrase = z.string().min(MIN_PASSPHRASE, `must be at least ${MIN_PASSPHRASE} characters`);
const required = z.string().min(1, 'is required');
const whole = (what: { min: number; max: number }, unit: string) =>
  z
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(what.min, `must be at least ${what.min} ${unit}`)
    .max(what.max, `must be at most ${what.max} ${unit}`);

export const backupSchedule = z.strictObject({
  /** The folder the backups go to (a preference on this computer: see README "Backups"). */
  folder: required,
  everyDays: whole(BACKUP_SCHEDULE.everyDays, 'days'),
  keep: whole(BACKUP_SCHEDULE.keep, 'backups'),
  /** 'vault': the copies open with the vault's passphrase; 'own': with a separate backup passphrase. */
  passphrase: z.enum(['vault', 'own'], { error: 'must be vault or own' }),
  /** The separate backup passphrase; may be left out to keep the one already set. */
  ownPassphrase: newPassphrase.optional(),
});

/** A recovery key as people type it: 32 letters and digits, in groups of four (spaces and dashes ignored; O is read as 0, I and L as 1). */
export const recoveryKeyText = z
  .string()
  .transform((s) =>
    s
      .toUpperCase()
      .replace(/[\s-]+/g, '')
      .replace(/O/g, '0')
      .replace(/[IL]/g, '1'),
  )
  .refine((s) => /^[0-9A-HJKMNP-TV-Z]{32}$/.test(s), { message: 'must be the 32 letters and digits of the recovery key' });

export const backupsInputs = {
  /** When the last verified backup was made, the schedule on this computer, and the Dashboard's words for it. */
  backupState: z.strictObject({}),
  /** Writes a verified backup where the person chooses (a save dialog); `passphrase` encrypts this copy with its own passphrase. */
  backupNow: z.strictObject({ passphrase: newPassphrase.optional() }),
  /** A folder dialog, for the schedule's folder. */
  chooseBackupFolder: z.strictObject({}),
  setBackupSchedule: backupSchedule,
  clearBackupSchedule: z.strictObject({}),
  /** Copies a backup into a NEW vault file (never over an existing file or the open vault), checked before and after. */
  restoreBackup: z.strictObject({ from: required, passphrase: required, to: required }),
  /** Changes the open vault's passphrase; the current one is required. */
  changePassphrase: z
    .strictObject({ current: required, next: newPassphrase, confirm: z.string() })
    .refine((v) => v.confirm === v.next, { path: ['confirm'], message: 'does not match the new passphrase' }),
  /** Makes (or replaces) the recovery key of the open vault: answered once, never stored in words. */
  makeRecoveryKey: z.strictObject({}),
  /** Opens a vault with its recovery key and sets a new passphrase at once. */
  recoverVault: z.strictObject({ path: required, recoveryKey: recoveryKeyText, next: newPassphrase }),
} satisfies Record<string, z.ZodType>;

export type BackupKind = 'now' | 'scheduled' | 'cli';
export interface BackupEntry {
  /** When the copy had been verified (UTC stamp). */
  madeAt: string;
  file: string;
  bytes: number;
  kind: BackupKind;
  ownPassphrase: boolean;
}
export type BackupScheduleSettings = z.output<typeof backupSchedule>;
export interface BackupScheduleView {
  folder: string;
  everyDays: number;
  keep: number;
  passphrase: 'vault' | 'own';
}
export interface BackupState {
  last: BackupEntry | null;
  /** Whole days since the last verified backup (null when there is none). */
  ageDays: number | null;
  /** True when there is no verified backup from the last BACKUP_WARN_DAYS days. */
  warning: boolean;
  /** The Dashboard's sentence, in words (a warning says "Warning"). */
  line: string;
  /** The schedule on this computer for this vault, if any. */
  schedule: BackupScheduleView | null;
  /** When the next scheduled backup is due (UTC stamp), if there is a schedule. */
  nextDue: string | null;
  /** Why the last scheduled backup failed, if it did (a folder that has gone, say). */
  scheduleProblem: string | null;
  /** True when a separate backup passphrase is kept in the vault for scheduled backups. */
  hasBackupPassphrase: boolean;
  /** True when the vault has a recovery key. */
  hasRecoveryKey: boolean;
}

export interface BackupsOutputs {
  backupState: BackupState;
  backupNow: BackupEntry | null;
  chooseBackupFolder: { path: string | null };
  setBackupSchedule: BackupState;
  clearBackupSchedule: BackupState;
  restoreBackup: { path: string; staff: number };
  changePassphrase: VaultState;
  /** The key in its printed form (8 groups of 4), shown once. */
  makeRecoveryKey: { recoveryKey: string; file: string };
  recoverVault: VaultState;
}
