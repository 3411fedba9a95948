// Evidence in and out (contract/ops/intake.ts): the first-run set-up, the firm file's import
// and export, a spreadsheet's import, imports with a preview, spreadsheet templates and the
// evidence passport. A chosen file is remembered by a random
// token in this registry (the job worker's), so the page never sends a path to import; each
// preview reads the file afresh, and an import goes ahead only if the file is still the one
// the preview read.
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { staff } from '../../../../db/schema';
import type { ImportSource, SheetKind } from '../../../contract/ops/intake';
import { SHEET_LABELS } from '../../../contract/sheets';
import { AppError } from '../../errors';
import { streamToFile, writeFileAtomic } from '../../files';
import { writeFirm } from '../../firm/firm';
import { recordEvent } from '../../audit/audit';
import { writeFirmFile } from '../../interchange/exportFirmFile';
import { parseFirmFileBytes, readImportFile } from '../../interchange/fileGuards';
import { importFirmFile } from '../../interchange/importFirmFile';
import { applyImport, planImport } from '../../interchange/intake';
import { importSpreadsheet } from '../../interchange/spreadsheet';
import { templateFor } from '../../interchange/templates';
import { addPasted, planPasted } from '../../interchange/pasteRows';
import { exportPassport } from '../../passport/passport';
import { createStaff } from '../../staff/staff';
import type { Registry } from '../registry';
import type { Session } from '../session';

const FILTERS: Record<ImportSource, { name: string; extensions: string[] }> = {
  'firm-file': { name: 'Firm file', extensions: ['json'] },
  spreadsheet: { name: 'Spreadsheet', extensions: ['xlsx', 'csv'] },
  passport: { name: 'Evidence passport', extensions: ['passport'] },
};

export function registerIntake(r: Registry, session: Session): void {
  // pasted rows (issue 13): the spreadsheet importer's checks on rows pasted into a CPD log
  r.method('previewPastedRows', ({ staffRef, kind, text }) => planPasted(session.ctx(), kind, staffRef, text).plan);
  r.method('addPastedRows', ({ staffRef, kind, text, digest }) => addPasted(session.ctx(), kind, staffRef, text, digest));
  const chosen = new Map<string, { source: ImportSource; kind?: SheetKind; file: string }>();
  const pick = (token: string) => {
    const c = chosen.get(token);
    if (!c) throw new AppError('not-found', 'That import is no longer open: choose the file again.', 'token');
    return c;
  };

  r.method('completeSetup', ({ you, firm, alone, settings }) => {
    const c = session.ctx();
    c.vault.tx(() => {
      writeFirm(c, firm, settings);
      if (alone) {
        if (c.vault.orm.select({ id: staff.id }).from(staff).where(eq(staff.ref, alone.ref)).get())
          throw new AppError('conflict', `The reference ${alone.ref} is already used by another staff member.`, 'alone.ref');
        createStaff(c, {
          ref: alone.ref,
          name: you.name,
          ...(you.role ? { role: you.role } : {}),
          ...(alone.profession ? { profession: alone.profession } : {}),
          employment: 'self-employed',
          solePractitioner: true,
        });
      }
    });
    session.platform.prefs.set('userName', you.name);
    if (you.role) session.platform.prefs.set('userRole', you.role);
    return null;
  });

  r.method('chooseImportFile', async ({ source, kind }) => {
    if (source === 'spreadsheet' && !kind) throw new AppError('invalid', 'Say what the spreadsheet holds.', 'kind');
    const title = source === 'spreadsheet' ? `Import ${SHEET_LABELS[kind!].toLowerCase()} from a spreadsheet` : `Import ${FILTERS[source].name.toLowerCase()}`;
    const [file] = await session.platform.dialogs.openFiles({ title, filters: [FILTERS[source]], multiple: false });
    if (!file) return null;
    const token = randomBytes(16).toString('hex');
    chosen.set(token, { source, file, ...(source === 'spreadsheet' ? { kind } : {}) });
    return { token, file: path.basename(file) };
  });
  r.method('previewImport', async ({ token, passphrase, updateFirm }) => (await planImport(session.ctx(), { ...pick(token), passphrase, updateFirm })).plan);
  r.method('applyImport', async ({ token, digest, passphrase, updateFirm }) => {
    const sum = await applyImport(session.ctx(), { ...pick(token), passphrase, updateFirm }, digest);
    chosen.delete(token);
    return sum;
  });

  r.method('saveSheetTemplate', async ({ kind, format }) => {
    const dest = await session.platform.dialogs.saveFile({
      title: `Save a template for ${SHEET_LABELS[kind].toLowerCase()}`,
      defaultName: `caseproof-${kind}.${format}`,
      filters: [{ name: format === 'csv' ? 'CSV' : 'Excel workbook', extensions: [format] }],
    });
    if (dest) writeFileAtomic(dest, await templateFor(kind, format), { overwrite: true }); // the dialog asked before replacing
    return { path: dest };
  });

  r.method('exportPassportToDialog', async ({ staffRef, passphrase }) => {
    const c = session.ctx();
    const bytes = exportPassport(c, staffRef, passphrase); // throws not-found before any dialog for an unknown person
    const dest = await session.platform.dialogs.saveFile({
      title: 'Save the evidence passport',
      defaultName: `${staffRef}-evidence.passport`,
      filters: [FILTERS.passport],
    });
    if (dest) writeFileAtomic(dest, bytes, { overwrite: true });
    return { path: dest };
  });

  r.method('importFirmFileFromDialog', async ({ updateFirm }) => {
    const [file] = await session.platform.dialogs.openFiles({
      title: 'Import a firm file',
      filters: [{ name: 'Firm file', extensions: ['json'] }],
      multiple: false,
    });
    if (!file) return null;
    const { name, bytes } = readImportFile(file, 'firm'); // hostile files: size before reading, encoding, JSON errors named
    return importFirmFile(session.ctx(), parseFirmFileBytes(name, bytes), { updateFirm, file: name });
  });
  r.method('importSpreadsheetFromDialog', async ({ kind }) => {
    const [file] = await session.platform.dialogs.openFiles({
      title: `Import ${kind} from a spreadsheet`,
      filters: [{ name: 'Spreadsheet', extensions: ['csv', 'xlsx'] }],
      multiple: false,
    });
    if (!file) return null;
    const sheet = readImportFile(file, 'sheet'); // hostile files: refused by size before a byte is read
    return importSpreadsheet(session.ctx(), kind, sheet.name, sheet.bytes);
  });
  r.method('exportFirmFileToDialog', async () => {
    const c = session.ctx();
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
}
