// Handlers of the evidence operations (electron/contract/ops/evidence.ts).
import type { Registry } from '../registry';
import type { Session } from '../session';

export function registerStaffEvidence(_r: Registry, _session: Session): void {}
