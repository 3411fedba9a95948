// Handlers of the packs operations (electron/contract/ops/packs.ts).
import type { Registry } from '../registry';
import type { Session } from '../session';

export function registerPacks(_r: Registry, _session: Session): void {}
