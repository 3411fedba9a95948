// Handlers of the evidence operations (electron/contract/ops/evidence.ts): the rule
// catalogue, exemptions, the due list, the self checklist and the due-date calendar.
import { ruleCatalogue } from '../../staffEvidence/catalogue';
import { selfChecklist } from '../../staffEvidence/checklist';
import { dueItems, vaultCalendar } from '../../staffEvidence/due';
import { grantExemption, withdrawExemption } from '../../staffEvidence/exemptions';
import { writeFileAtomic } from '../../files';
import { dbsCopiesDue } from '../../evidence/dbsCopies';
import type { Registry } from '../registry';
import type { Session } from '../session';

export function registerStaffEvidence(r: Registry, session: Session): void {
  const ctx = () => session.ctx();
  r.method('ruleCatalogue', () => ruleCatalogue());
  r.method('grantExemption', (input) => grantExemption(ctx(), input));
  r.method('withdrawExemption', ({ id }) => (withdrawExemption(ctx(), id), null));
  r.method('dueItems', ({ days, asOf }) => dueItems(ctx(), { days, asOf }));
  r.method('selfChecklist', ({ ref, asOf }) => selfChecklist(ctx(), ref, asOf));
  r.method('dbsCopiesDue', ({ days }) => dbsCopiesDue(ctx(), days)); // DBS copies (hostile)
  r.method('exportDueCalendar', async ({ days }) => {
    const c = ctx();
    const cal = vaultCalendar(c, { days });
    const dest = await session.platform.dialogs.saveFile({
      title: 'Export due dates to a calendar',
      defaultName: 'caseproof-due-dates.ics',
      filters: [{ name: 'iCalendar file', extensions: ['ics'] }],
    });
    if (dest) writeFileAtomic(dest, cal.ics, { overwrite: true });
    return { path: dest, events: dest ? cal.events : 0 };
  });
}
