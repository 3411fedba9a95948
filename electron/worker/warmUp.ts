// The whole-firm screens' work, done once in the vault worker right after unlock: the
// Dashboard (firm rules, people by rule, the due list) and the supplier list read and judge
// the whole firm the first time (views/firmModel.ts); later calls reuse it part by part. A
// timer, not the unlock call itself, so the unlock reply goes first and the window is never
// held; a call that arrives meanwhile waits for the rest of this work, then finds it done.
import type { Session } from '../services/api/session';
import { supplierList } from '../services/suppliers/vettingFile';
import { dashboardView } from '../services/views/dashboard';

export function warmScreensAfterUnlock(session: Session): void {
  session.onUnlock.push(() =>
    setTimeout(() => {
      if (!session.state().open) return;
      try {
        const ctx = session.ctx();
        dashboardView(ctx);
        supplierList(ctx);
      } catch (e) {
        // The screens will say what is wrong when asked; this was only reading ahead.
        console.error('[caseproof] reading the firm ahead after unlock failed:', (e as Error).message);
      }
    }, 0),
  );
}
