// Scheduled backups, run in the job worker beside its connection to the vault, so a copy of a
// large vault (seconds) never holds up the window's quick calls in the vault worker. The job
// worker is started when a vault is unlocked and stopped when it locks, so the schedule runs
// only while the vault is open: shortly after unlocking, then every few minutes, a backup is
// made when one is due (services/vault/backups.ts, on the session's clock). A failure is told
// to the person once (a notification) and kept in words for Settings and the Dashboard.
import type { Platform } from '../platform/platform';
import type { Session } from '../services/api/session';
import { runDueBackup } from '../services/vault/backups';

export const SCHEDULE_FIRST_MS = 60_000;
export const SCHEDULE_EVERY_MS = 5 * 60_000;

export function startBackupSchedule(
  session: Session,
  platform: Platform,
  firstMs = SCHEDULE_FIRST_MS,
  everyMs = SCHEDULE_EVERY_MS,
): { run(): void; stop(): void } {
  let lastProblem: string | null = null;
  const run = () => {
    if (!session.isOpen) return;
    try {
      runDueBackup(session.ctx(), platform.prefs);
      lastProblem = null;
    } catch (e) {
      const why = (e as Error).message;
      if (why !== lastProblem) platform.notify('Caseproof’s scheduled backup failed', `${why} Open Settings → Backups.`);
      lastProblem = why;
    }
  };
  const first = setTimeout(run, firstMs);
  const timer = setInterval(run, everyMs);
  first.unref?.();
  timer.unref?.();
  return {
    run,
    stop: () => {
      clearTimeout(first);
      clearInterval(timer);
    },
  };
}
