// Binds every contract operation to its service. The only place that knows both.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { evaluate } from '../compliance/engine';
import { attachEvidence, deleteEvidence, readEvidence } from '../evidence/evidence';
import { addRecord, deleteRecord, listRecords, updateRecord } from '../evidence/records';
import { getFirm, updateFirm, updateSettings } from '../firm/firm';
import { exportFirmFile } from '../interchange/exportFirmFile';
import { importFirmFile } from '../interchange/importFirmFile';
import { importSpreadsheet } from '../interchange/spreadsheet';
import { loadSnapshot, loadStaffSnapshot, loadSupplierSnapshot } from '../snapshot';
import { createStaff, deleteStaff, listStaff, updateStaff } from '../staff/staff';
import { createSupplier, listSuppliers, updateSupplier } from '../suppliers/suppliers';
import { AppError } from '../errors';
import { writeFileAtomic } from '../files';
import { Registry } from './registry';
import type { Session } from './session';
import { registerStaffEvidence } from './domains/evidence';
import { registerSuppliers } from './domains/suppliers';
import { registerCases } from './domains/cases';
import { registerPacks } from './domains/packs';
import { registerApp } from './domains/app';
import { registerIntake } from './domains/intake';

const EVIDENCE_FILTERS = [{ name: 'Documents and images', extensions: ['pdf', 'png', 'jpg', 'jpeg', 'gif', 'webp', 'doc', 'docx'] }];

export function buildRegistry(session: Session): Registry {
  const r = new Registry();
  const ctx = () => session.ctx();

  r.method('vaultState', () => session.state());
  r.method('pickVaultLocation', async ({ purpose }) => {
    const d = session.platform.dialogs;
    if (purpose === 'create') {
      return {
        path: await d.saveFile({
          title: 'Create a Caseproof vault',
          defaultName: 'caseproof.cpv',
          filters: [{ name: 'Caseproof vault', extensions: ['cpv'] }],
        }),
      };
    }
    const [p] = await d.openFiles({ title: 'Open a Caseproof vault', filters: [{ name: 'Caseproof vault', extensions: ['cpv'] }], multiple: false });
    return { path: p ?? null };
  });
  r.method('createVault', ({ path: p, passphrase, remember }) => session.create(p, passphrase, remember));
  r.method('unlockVault', ({ path: p, passphrase, remember, takeOver }) => session.unlock(p, passphrase, remember, takeOver));
  r.method('unlockRemembered', ({ path: p, takeOver }) => session.unlockRemembered(p, takeOver));
  r.method('forgetRemembered', ({ path: p }) => session.forget(p));
  r.method('lockVault', () => session.lock());
  r.method('setUserName', ({ name }) => {
    session.platform.prefs.set('userName', name);
    return session.state();
  });

  r.method('getFirm', () => getFirm(ctx()));
  r.method('updateFirm', (d) => updateFirm(ctx(), d));
  r.method('updateSettings', (d) => updateSettings(ctx(), d));

  r.method('listStaff', () => listStaff(ctx()));
  r.method('getStaff', ({ ref }) => loadStaffSnapshot(ctx(), ref));
  r.method('createStaff', (d) => createStaff(ctx(), d));
  r.method('updateStaff', ({ ref, details }) => updateStaff(ctx(), ref, details));
  r.method('deleteStaff', ({ ref }) => (deleteStaff(ctx(), ref), null));

  r.method('listSuppliers', () => listSuppliers(ctx()));
  r.method('getSupplier', ({ ref }) => loadSupplierSnapshot(ctx(), ref));
  r.method('createSupplier', (d) => createSupplier(ctx(), d));
  r.method('updateSupplier', ({ ref, details }) => updateSupplier(ctx(), ref, details));

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

  r.method('complianceReport', ({ asOf }) => {
    const c = ctx();
    return evaluate(loadSnapshot(c), asOf ?? c.clock.today(), asOf === undefined ? c.clock.now() : undefined);
  });

  r.method('importFirmFileFromDialog', async () => {
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
    return importFirmFile(ctx(), json);
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
    if (dest) {
      const file = exportFirmFile(c);
      c.progress?.({ done: 0, total: 1, label: 'Writing the firm file' });
      writeFileAtomic(dest, JSON.stringify(file, null, 1), { overwrite: true });
    }
    return { path: dest };
  });

  registerStaffEvidence(r, session);
  registerSuppliers(r, session);
  registerCases(r, session);
  registerPacks(r, session);
  registerApp(r, session);
  registerIntake(r, session);
  r.assertComplete();
  return r;
}
