// Handlers of the cases operations (electron/contract/ops/cases.ts).
import type { Registry } from '../registry';
import type { Session } from '../session';

export function registerCases(_r: Registry, _session: Session): void {}
