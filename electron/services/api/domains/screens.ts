// Handlers of the whole-screen operations (electron/contract/ops/screens.ts).
import { dashboardView } from '../../views/dashboard';
import { staffProfile } from '../../views/staffProfile';
import type { Registry } from '../registry';
import type { Session } from '../session';

export function registerScreens(r: Registry, session: Session): void {
  const ctx = () => session.ctx();
  r.method('dashboard', ({ dueLimit }) => dashboardView(ctx(), { dueLimit }));
  r.method('staffProfile', ({ ref }) => staffProfile(ctx(), ref));
}
