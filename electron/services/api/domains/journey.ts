// Handlers of the case-journey operations (electron/contract/ops/journey.ts).
import { writeFileAtomic } from '../../files';
import {
  changeCaseStatus,
  deleteInvoice,
  deleteJourneyItem,
  incidentClocks,
  saveInvoice,
  saveJourneyItem,
  setCaseOutcome,
  supplierInvoices,
} from '../../cases/journey';
import { mtspReport, staffCaseMix } from '../../reports/mtsp';
import { mtspWorkbook } from '../../reports/mtspXlsx';
import type { Registry } from '../registry';
import type { Session } from '../session';

export function registerJourney(r: Registry, session: Session): void {
  const ctx = () => session.ctx();
  r.method('changeCaseStatus', (input) => changeCaseStatus(ctx(), input));
  r.method('saveJourneyItem', (input) => saveJourneyItem(ctx(), input));
  r.method('deleteJourneyItem', (input) => deleteJourneyItem(ctx(), input));
  r.method('setCaseOutcome', (input) => setCaseOutcome(ctx(), input));
  r.method('saveInvoice', (input) => saveInvoice(ctx(), input));
  r.method('deleteInvoice', (input) => deleteInvoice(ctx(), input));
  r.method('incidentClocks', () => incidentClocks(ctx()));
  r.method('supplierInvoices', ({ ref }) => supplierInvoices(ctx(), ref));
  r.method('staffCaseMix', ({ ref, asOf }) => staffCaseMix(ctx(), ref, asOf));
  r.method('mtspReport', (q) => mtspReport(ctx(), q));
  r.method('exportMtspReport', async (q) => {
    const c = ctx();
    const report = mtspReport(c, q);
    const dest = await session.platform.dialogs.saveFile({
      title: 'Export the MTSP Model report',
      defaultName: `mtsp-report-${report.from}-to-${report.to}.xlsx`,
      filters: [{ name: 'Excel workbook', extensions: ['xlsx'] }],
    });
    if (dest) writeFileAtomic(dest, await mtspWorkbook(report), { overwrite: true }); // the save dialog asked before replacing
    return { path: dest };
  });
}
