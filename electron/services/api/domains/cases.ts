// Handlers of the cases operations (electron/contract/ops/cases.ts).
import { caseView, closeCase, createCase, listCases, listParties, updateCase, updateChecklist } from '../../cases/cases';
import { caseloadView, partyReport } from '../../cases/figures';
import { handOverCase } from '../../cases/handovers';
import { instructSupplier } from '../../cases/instructions';
import { casesPastRetention, deleteCase } from '../../cases/retention';
import type { Registry } from '../registry';
import type { Session } from '../session';

export function registerCases(r: Registry, session: Session): void {
  const ctx = () => session.ctx();
  r.method('listCases', (q) => listCases(ctx(), q));
  r.method('getCase', ({ ref }) => caseView(ctx(), ref));
  r.method('createCase', (d) => createCase(ctx(), d));
  r.method('updateCase', ({ ref, details }) => updateCase(ctx(), ref, details));
  r.method('updateCaseChecklist', ({ ref, checklist }) => updateChecklist(ctx(), ref, checklist));
  r.method('closeCase', (input) => closeCase(ctx(), input));
  r.method('listParties', () => listParties(ctx()));
  r.method('instructSupplier', (input) => instructSupplier(ctx(), input));
  r.method('handOverCase', (input) => handOverCase(ctx(), input));
  r.method('caseloadFigures', ({ staffRef, asOf }) => {
    const c = ctx();
    return caseloadView(c, asOf ?? c.clock.today(), staffRef);
  });
  r.method('partyReport', () => partyReport(ctx()));
  r.method('casesPastRetention', ({ asOf }) => {
    const c = ctx();
    return casesPastRetention(c, asOf ?? c.clock.today());
  });
  r.method('deleteCase', ({ ref, confirmRef }) => (deleteCase(ctx(), ref, confirmRef), null));
}
