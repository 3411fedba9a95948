// Binds every contract operation to its service. The only place that knows both.
import path from 'node:path';
import { writeFirmFile } from '../interchange/exportFirmFile';
import { importFirmFile } from '../interchange/importFirmFile';
import { importSpreadsheet } from '../interchange/spreadsheet';
import { streamToFile } from '../files';
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

export function buildRegistry(session: Session): Registry {
  const r = new Registry();
  const ctx = () => session.ctx();

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
