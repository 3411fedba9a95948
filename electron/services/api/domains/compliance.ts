// Handlers of the compliance operations (electron/contract/ops/compliance.ts), over the engine
// (electron/services/compliance/engine.ts) on the firm model (views/firmModel.ts): every subject
// judged as evaluate(loadSnapshot) would, reusing what has not changed since the last call.
import { firmReport } from '../../views/firmModel';
import type { Registry } from '../registry';
import type { Session } from '../session';

export function registerCompliance(r: Registry, session: Session): void {
  r.method('complianceReport', ({ asOf }) => {
    const c = session.ctx();
    return firmReport(c, asOf ?? c.clock.today(), asOf === undefined ? c.clock.now() : undefined).report;
  });
}
