// Desktop reminders: on unlock, then daily while the vault stays open; and, every few minutes,
// the incidents whose 48-hour reporting clock is running (once when first seen, then at 12
// hours left, 2 hours left and when it runs out). Runs in the vault worker beside the session;
// the notification itself is shown by main (platform.notify).
import type { Session } from '../services/api/session';
import type { Platform } from '../platform/platform';
import { incidentClocks } from '../services/cases/journey';
import { INCIDENT_CHECK_MS, incidentReminder, reminderSummary } from '../services/reminders';

const DAY_MS = 24 * 60 * 60 * 1000;

export function startReminders(session: Session, platform: Platform, incidentEveryMs = INCIDENT_CHECK_MS): { stop(): void } {
  // What has been shown of the incident clocks since this vault was unlocked.
  const shown = new Set<string>();
  const guarded = (what: string, fn: () => void) => () => {
    if (!session.state().open) return;
    try {
      fn();
    } catch (e) {
      console.error(`[caseproof] ${what} failed:`, (e as Error).message);
    }
  };
  const remind = guarded('reminder', () => {
    const s = reminderSummary(session.ctx());
    if (s) platform.notify(s.title, s.body);
    // The unlock reminder leads with running clocks: count them as shown, so the next check does not repeat them.
    incidentReminder(incidentClocks(session.ctx()), shown);
  });
  const watchIncidents = guarded('incident reminder', () => {
    const s = incidentReminder(incidentClocks(session.ctx()), shown);
    if (s) platform.notify(s.title, s.body);
  });
  session.onUnlock.push(() => {
    shown.clear();
    setTimeout(remind, 1500);
  });
  const daily = setInterval(remind, DAY_MS);
  const incidents = setInterval(watchIncidents, incidentEveryMs);
  daily.unref();
  incidents.unref();
  return {
    stop() {
      clearInterval(daily);
      clearInterval(incidents);
    },
  };
}
