// Handlers of the firm operations (electron/contract/ops/firm.ts), over electron/services/firm/.
import { getFirm, updateFirm, updateSettings } from '../../firm/firm';
import type { Registry } from '../registry';
import type { Session } from '../session';

export function registerFirm(r: Registry, session: Session): void {
  const ctx = () => session.ctx();
  r.method('getFirm', () => getFirm(ctx()));
  r.method('updateFirm', (d) => updateFirm(ctx(), d));
  r.method('updateSettings', (d) => updateSettings(ctx(), d));
}
