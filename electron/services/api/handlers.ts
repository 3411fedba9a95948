// Binds every contract operation to its service. The only place that knows both.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { attachEvidence, deleteEvidence, readEvidence } from '../evidence/evidence';
import { addRecord, deleteRecord, listRecords, updateRecord } from '../evidence/records';
import { writeFirmFile } from '../interchange/exportFirmFile';
import { importFirmFile } from '../interchange/importFirmFile';
import { importSpreadsheet } from '../interchange/spreadsheet';
import { AppError } from '../errors';
import { streamToFile, writeFileAtomic } from '../files';
import { Registry } from './registry';
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
import { registerScreens } from './domains/screens';

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
    return c.vault.tx(() => attachEvidence(c, recordId, { name, bytes: Buffer.from(base64, 'base64') }));
  });
  r.method('attachEvidenceFromDialog', async ({ recordId }) => {
    const files = await session.platform.dialogs.openFiles({ title: 'Attach evidence', filters: EVIDENCE_FILTERS, multiple: true });
    const c = ctx();
    // Read every file first, then store them all in one transaction: all attached or none.
    const loaded = files.map((f) => ({ name: path.basename(f), bytes: readFileSync(f) }));
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
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(file, 'utf8'));
    } catch (e) {
      throw new AppError('invalid', `${path.basename(file)} is not valid JSON: ${(e as Error).message}`);
    }
    return importFirmFile(ctx(), json, { updateFirm });
  });
  r.method('importSpreadsheetFromDialog', async ({ kind }) => {
    const [file] = await session.platform.dialogs.openFiles({
      title: `Import ${kind} from a spreadsheet`,
      filters: [{ name: 'Spreadsheet', extensions: ['csv', 'xlsx'] }],
      multiple: false,
    });
    if (!file) return null;
    return importSpreadsheet(ctx(), kind, path.basename(file), readFileSync(file));
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
  registerScreens(r, session);
  r.assertComplete();
  return r;
}
