// Desktop reminders: on unlock, then daily while the vault stays open. Runs in the vault
// worker beside the session; the notification itself is shown by main (platform.notify).
import type { Session } from '../services/api/session';
import type { Platform } from '../platform/platform';
import { reminderSummary } from '../services/reminders';

const DAY_MS = 24 * 60 * 60 * 1000;

export function startReminders(session: Session, platform: Platform): void {
  const remind = () => {
    if (!session.state().open) return;
    try {
      const s = reminderSummary(session.ctx());
      if (s) platform.notify(s.title, s.body);
    } catch (e) {
      console.error('[caseproof] reminder failed:', (e as Error).message);
    }
  };
  session.onUnlock.push(() => setTimeout(remind, 1500));
  setInterval(remind, DAY_MS).unref();
}
