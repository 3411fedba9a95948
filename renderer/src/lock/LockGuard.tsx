// Mounted once beside the app (main.tsx). It does two things for auto-lock:
// - tells main when the window is in use (a key, a click, the wheel, the pointer moving),
//   at most once every few seconds, so main's idle time starts again (`reportActivity`);
// - resets the window when main says the vault was locked without the page asking (idle,
//   screen locked, sleep, user switched, part of Caseproof stopping): see reset.ts.
import { useEffect } from 'react';
import '../../../electron/contract/window';
import { resetWindow } from './reset';

/** Reports are sent on the first use after this long without one: the lock comes at most this much early. */
export const ACTIVITY_REPORT_GAP_MS = 5_000;
const USE_EVENTS = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart'] as const;

export function LockGuard() {
  useEffect(() => window.caseproof.on('locked', () => resetWindow()), []);
  useEffect(() => {
    let last = -Infinity;
    const used = () => {
      const now = performance.now();
      if (now - last < ACTIVITY_REPORT_GAP_MS) return;
      last = now;
      void window.caseproof.reportActivity({});
    };
    for (const e of USE_EVENTS) window.addEventListener(e, used, { passive: true, capture: true });
    return () => {
      for (const e of USE_EVENTS) window.removeEventListener(e, used, { capture: true });
    };
  }, []);
  return null;
}
