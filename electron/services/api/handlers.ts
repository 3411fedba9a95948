// Binds every contract operation to its service. The only place that knows both.
import path from 'node:path';
import { attachEvidence, deleteEvidence, readEvidence } from '../evidence/evidence';
import { readEvidenceFileFrom } from '../evidence/mediaType';
import { assertDbsCopyMayBeKept } from '../evidence/dbsCopies';
import { addRecord, deleteRecord, listRecords, updateRecord } from '../evidence/records';
import { writeFirmFile } from '../interchange/exportFirmFile';
import { importFirmFile } from '../interchange/importFirmFile';
import { importSpreadsheet } from '../interchange/spreadsheet';
import { streamToFile, writeFileAtomic } from '../files';
import { parseFirmFileBytes, readImportFile } from '../interchange/fileGuards';
import { Registry } from './registry';
import { recordEvent } from '../audit/audit';
import type { Session } from './session';
import { registerVault } from './domains/vault';
import { registerFirm } from './domains/firm';
import { registerStaff } from './domains/staff';
import { registerCompliance } from './domains/compliance';
import { registerStaffEvidence } from './domains/evidence';
import { registerSuppliers } from './domains/suppliers';
import { registerCases } from './domains/cases';
import { registerPacks } from './domains/packs';
import { registerApp } from './domains/app';
import { registerBackups } from './domains/backups';
import { registerJourney } from './domains/journey';
import { registerIntake } from './domains/intake';
import { registerScreens } from './domains/screens';
import { registerAudit } from './domains/audit';

const EVIDENCE_FILTERS = [{ name: 'Documents and images', extensions: ['pdf', 'png', 'jpg', 'jpeg', 'gif', 'webp', 'doc', 'docx'] }];

export function buildRegistry(session: Session): Registry {
  const r = new Registry();
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

  r.method('importFirmFileFromDialog', async ({ updateFirm }) => {
    const [file] = await session.platform.dialogs.openFiles({
      title: 'Import a firm file',
      filters: [{ name: 'Firm file', extensions: ['json'] }],
      multiple: false,
    });
    if (!file) return null;
    const { name, bytes } = readImportFile(file, 'firm'); // hostile files: size before reading, encoding, JSON errors named
    return importFirmFile(ctx(), parseFirmFileBytes(name, bytes), { updateFirm });
  });
  r.method('importSpreadsheetFromDialog', async ({ kind }) => {
    const [file] = await session.platform.dialogs.openFiles({
      title: `Import ${kind} from a spreadsheet`,
      filters: [{ name: 'Spreadsheet', extensions: ['csv', 'xlsx'] }],
      multiple: false,
    });
    if (!file) return null;
    const sheet = readImportFile(file, 'sheet'); // hostile files: refused by size before a byte is read
    return importSpreadsheet(ctx(), kind, sheet.name, sheet.bytes);
  });
  r.method('exportFirmFileToDialog', async () => {
    const c = ctx();
    const dest = await session.platform.dialogs.saveFile({
      title: 'Export the firm file',
      defaultName: 'caseproof-firm.json',
      filters: [{ name: 'Firm file', extensions: ['json'] }],
    });
    // Streamed: evidence is read file by file as it is written; the save dialog asked before replacing.
    if (dest) await streamToFile(dest, { overwrite: true }, (write) => writeFirmFile(c, write));
    if (dest) recordEvent(c, 'export', { file: path.basename(dest) });
    return { path: dest };
  });

  registerVault(r, session);
  registerFirm(r, session);
  registerStaff(r, session);
  registerCompliance(r, session);
  registerStaffEvidence(r, session);
  registerSuppliers(r, session);
  registerCases(r, session);
  registerPacks(r, session);
  registerApp(r, session);
  registerBackups(r, session);
  registerJourney(r, session);
  registerIntake(r, session);
  registerScreens(r, session);
  registerAudit(r, session);
  r.assertComplete();
  return r;
}
