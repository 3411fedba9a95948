// Handlers of the whole-screen operations (electron/contract/ops/screens.ts).
import { dashboardView } from '../../views/dashboard';
import { staffProfile } from '../../views/staffProfile';
import { listTable, listWorkbook } from '../../views/listExport';
import { writeFileAtomic } from '../../files';
import type { Registry } from '../registry';
import type { Session } from '../session';

export function registerScreens(r: Registry, session: Session): void {
  const ctx = () => session.ctx();
  r.method('dashboard', ({ dueLimit }) => dashboardView(ctx(), { dueLimit }));
  r.method('staffProfile', ({ ref }) => staffProfile(ctx(), ref));
  // list export (issue 13): the rows are read before the dialog opens, so the file holds what the screen showed.
  r.method('exportListToDialog', async ({ list, staffRef }) => {
    const c = ctx();
    const table = listTable(c, list, staffRef);
    const bytes = await listWorkbook(table);
    const dest = await session.platform.dialogs.saveFile({
      title: `Save ${table.name.toLowerCase()} as a spreadsheet`,
      defaultName: `caseproof-${table.name.toLowerCase().replace(/[^a-z]+/g, '-')}${staffRef ? `-${staffRef}` : ''}-${c.clock.today()}.xlsx`,
      filters: [{ name: 'Excel workbook', extensions: ['xlsx'] }],
    });
    if (dest) writeFileAtomic(dest, bytes, { overwrite: true });
    return { path: dest, rows: dest ? table.rows.length : 0 };
  });
}
