// Handlers of the staff operations (electron/contract/ops/staff.ts), over electron/services/staff/.
import { loadStaffSnapshot } from '../../snapshot';
import { createStaff, deleteStaff, listStaff, updateStaff } from '../../staff/staff';
import type { Registry } from '../registry';
import type { Session } from '../session';

export function registerStaff(r: Registry, session: Session): void {
  const ctx = () => session.ctx();
  r.method('listStaff', () => listStaff(ctx()));
  r.method('getStaff', ({ ref }) => loadStaffSnapshot(ctx(), ref));
  r.method('createStaff', (d) => createStaff(ctx(), d));
  r.method('updateStaff', ({ ref, details }) => updateStaff(ctx(), ref, details));
  r.method('deleteStaff', ({ ref }) => (deleteStaff(ctx(), ref), null));
}
