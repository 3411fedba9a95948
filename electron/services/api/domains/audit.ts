// Handlers of the audit trail's operations (electron/contract/ops/audit.ts): the save dialog
// lives here, the work in services/audit/audit.ts.
import { auditPeople, auditWorkbook, listAudit, recordEvent, recordHistory } from '../../audit/audit';
import { writeFileAtomic } from '../../files';
import type { Registry } from '../registry';
import type { Session } from '../session';

export function registerAudit(r: Registry, session: Session): void {
  const ctx = () => session.ctx();
  r.method('listAudit', (f) => listAudit(ctx(), f));
  r.method('recordHistory', ({ kind, ref }) => recordHistory(ctx(), kind, ref));
  r.method('auditPeople', () => auditPeople(ctx()));
  r.method('exportAuditToDialog', async (f) => {
    const c = ctx();
    const { bytes, entries } = await auditWorkbook(c, f);
    const dest = await session.platform.dialogs.saveFile({
      title: 'Export the audit trail',
      defaultName: `caseproof-audit-${c.clock.today()}.xlsx`,
      filters: [{ name: 'Excel workbook', extensions: ['xlsx'] }],
    });
    if (!dest) return { path: null, entries };
    writeFileAtomic(dest, bytes, { overwrite: true }); // the save dialog asked before replacing
    c.vault.tx(() => recordEvent(c, 'export', { what: 'audit trail', entries }));
    return { path: dest, entries };
  });
}
