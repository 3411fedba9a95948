// Handlers of the suppliers operations (electron/contract/ops/suppliers.ts).
import type { Registry } from '../registry';
import type { Session } from '../session';

export function registerSuppliers(_r: Registry, _session: Session): void {}
