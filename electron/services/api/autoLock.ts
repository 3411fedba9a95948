// Auto-lock: the vault locks itself once the Caseproof window has gone unused for the firm's
// idle time (Settings → Locking, default 10 minutes), and at once when main says the screen
// was locked, the computer went to sleep or the user switched (lockNow). "Unused" is measured
// from the page's activity reports (Session.noteUse) against the session's clock, so a test
// moves time with a manual clock instead of waiting; a long operation counts as use while it
// runs (Session.holdUse). Runs beside the session: in the vault worker in the app, in the
// test process in the browser harness.
import type { LockReason } from '../../contract/events';
import { AUTO_LOCK_MINUTES } from '../../contract/model';
import { getFirm } from '../firm/firm';
import type { Session } from './session';

/** How often idleness is checked: the vault locks at most this long after the idle time has passed. */
export const AUTO_LOCK_CHECK_MS = 15_000;

export interface AutoLock {
  /** Locks the vault if it has gone unused for the firm's idle time; says so when it did. */
  check(): boolean;
  /** Locks the vault now (screen locked, sleep, user switched); false when it was not open. */
  lockNow(reason: LockReason): boolean;
  stop(): void;
}

/** The firm's idle time; the default when the setting cannot be read (a vault that fails to read still locks). */
export function autoLockMinutes(session: Session): number {
  try {
    return getFirm(session.ctx()).settings.autoLockMinutes;
  } catch {
    return AUTO_LOCK_MINUTES.default;
  }
}

export function startAutoLock(session: Session, onLocked: (reason: LockReason) => void, everyMs = AUTO_LOCK_CHECK_MS): AutoLock {
  const check = (): boolean => {
    if (!session.isOpen) return false;
    const minutes = autoLockMinutes(session);
    if (session.idleMs() < minutes * 60_000) return false;
    session.lock({ reason: 'idle', idleMinutes: minutes });
    onLocked('idle');
    return true;
  };
  const timer = setInterval(check, everyMs);
  timer.unref?.();
  return {
    check,
    lockNow: (reason) => {
      if (!session.isOpen) return false;
      session.lock({ reason });
      onLocked(reason);
      return true;
    },
    stop: () => clearInterval(timer),
  };
}
