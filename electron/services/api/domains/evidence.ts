// Handlers of the evidence operations (electron/contract/ops/evidence.ts): records and their
// files, the rule catalogue, exemptions, the due list, the self checklist and the due-date calendar.
import path from 'node:path';
import { ruleCatalogue } from '../../staffEvidence/catalogue';
import { selfChecklist } from '../../staffEvidence/checklist';
import { dueItems, vaultCalendar } from '../../staffEvidence/due';
import { grantExemption, withdrawExemption } from '../../staffEvidence/exemptions';
import { writeFileAtomic } from '../../files';
import { assertDbsCopyMayBeKept, dbsCopiesDue } from '../../evidence/dbsCopies';
import { attachEvidence, deleteEvidence, readEvidence } from '../../evidence/evidence';
import { readEvidenceFileFrom } from '../../evidence/mediaType';
import { addRecord, deleteRecord, listRecords, updateRecord } from '../../evidence/records';
import { firmTodo, staffTodo } from '../../staffEvidence/todo';
import { recordRegisterCheck } from '../../staffEvidence/registerChecks';
import type { Registry } from '../registry';
import type { Session } from '../session';

const EVIDENCE_FILTERS = [{ name: 'Documents and images', extensions: ['pdf', 'png', 'jpg', 'jpeg', 'gif', 'webp', 'doc', 'docx'] }];

export function registerEvidence(r: Registry, session: Session): void {
  const ctx = () => session.ctx();
  r.method('listRecords', ({ owner }) => listRecords(ctx(), owner));
  r.method('addRecord', ({ owner, kind, data }) => addRecord(ctx(), owner, kind, data));
  r.method('updateRecord', ({ id, data }) => updateRecord(ctx(), id, data));
  r.method('deleteRecord', ({ id }) => (deleteRecord(ctx(), id), null));
  r.method('attachEvidence', ({ recordId, name, base64 }) => {
    const c = ctx();
    assertDbsCopyMayBeKept(c, recordId); // DBS copies (hostile)
    return c.vault.tx(() => attachEvidence(c, recordId, { name, bytes: Buffer.from(base64, 'base64') }));
  });
  r.method('attachEvidenceFromDialog', async ({ recordId }) => {
    const files = await session.platform.dialogs.openFiles({ title: 'Attach evidence', filters: EVIDENCE_FILTERS, multiple: true });
    const c = ctx();
    assertDbsCopyMayBeKept(c, recordId); // DBS copies (hostile)
    // Read every file first, then store them all in one transaction: all attached or none.
    const loaded = files.map((f) => readEvidenceFileFrom(f)); // hostile files: a 4 GB file is refused by its size, unread
    return c.vault.tx(() => loaded.map((f) => attachEvidence(c, recordId, f)));
  });
  r.method('recordRegisterCheck', async ({ attach, ...check }) => {
    let file: { name: string; bytes: Uint8Array } | undefined;
    if (attach) {
      const [f] = await session.platform.dialogs.openFiles({ title: 'The register page: a screenshot or PDF', filters: EVIDENCE_FILTERS, multiple: false });
      if (!f) return null; // cancelled: nothing recorded
      file = readEvidenceFileFrom(f); // hostile files: refused by size, unread
    }
    const { recordId, check: recorded, file: meta } = recordRegisterCheck(ctx(), check, file);
    return { recordId, check: recorded, file: meta };
  });
  r.method('readEvidence', ({ id }) => {
    const { meta, bytes } = readEvidence(ctx(), id);
    return { meta, base64: bytes.toString('base64') };
  });
  r.method('saveEvidenceAs', async ({ id }) => {
    const { meta, bytes } = readEvidence(ctx(), id);
    const ext = path.extname(meta.name).slice(1) || 'bin';
    const dest = await session.platform.dialogs.saveFile({
      title: 'Save a copy of the evidence file',
      defaultName: meta.name,
      filters: [{ name: meta.mediaType, extensions: [ext] }],
    });
    if (dest) writeFileAtomic(dest, bytes, { overwrite: true }); // the save dialog asked before replacing
    return { path: dest };
  });
  r.method('deleteEvidence', ({ id }) => (deleteEvidence(ctx(), id), null));
  r.method('ruleCatalogue', () => ruleCatalogue());
  r.method('grantExemption', (input) => grantExemption(ctx(), input));
  r.method('withdrawExemption', ({ id }) => (withdrawExemption(ctx(), id), null));
  r.method('dueItems', ({ days, asOf }) => dueItems(ctx(), { days, asOf }));
  r.method('selfChecklist', ({ ref, asOf }) => selfChecklist(ctx(), ref, asOf));
  r.method('dbsCopiesDue', ({ days }) => dbsCopiesDue(ctx(), days)); // DBS copies (hostile)
  r.method('todoList', ({ staffRef, days, limit }) => (staffRef === undefined ? firmTodo(ctx(), { days, limit }) : staffTodo(ctx(), staffRef, { days }))); // to do
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
