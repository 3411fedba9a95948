// Handlers of the compliance operations (electron/contract/ops/compliance.ts), over the engine
// (electron/services/compliance/engine.ts).
import { evaluate } from '../../compliance/engine';
import { loadSnapshot } from '../../snapshot';
import type { Registry } from '../registry';
import type { Session } from '../session';

export function registerCompliance(r: Registry, session: Session): void {
  r.method('complianceReport', ({ asOf }) => {
    const c = session.ctx();
    return evaluate(loadSnapshot(c), asOf ?? c.clock.today(), asOf === undefined ? c.clock.now() : undefined);
  });
}
