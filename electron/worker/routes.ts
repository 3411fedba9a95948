// Which worker answers which operation. Most calls are quick and go to the vault worker,
// which owns the session. Operations that can take seconds on a large firm (imports,
// exports, packs, the firm-wide compliance report) go to the job worker, which has its own
// connection to the same vault file: in WAL mode its reads and its one writer never stop the
// vault worker's reads, so the window keeps getting answers while an organisation pack or a
// 20,000-case import runs.
import type { OpName } from '../contract/api';

export const JOB_OPS: ReadonlySet<OpName> = new Set<OpName>([
  'complianceReport',
  'importFirmFileFromDialog',
  'importSpreadsheetFromDialog',
  'exportFirmFileToDialog',
  'previewPack',
  'generatePack',
  'regeneratePack',
  'reproducePack',
  // A changed pack is rebuilt from its source to name the parts that differ.
  'verifyPackFile',
  // Only a pack saved in this run may be shown in its folder; the job worker's registry
  // remembers which, so the question goes to the worker that saved it.
  'showPackInFolder',
  // Backups copy and check the whole vault (seconds on a large one); restoring reads and
  // writes another file and needs no open vault.
  'backupNow',
  'restoreBackup',
  // Imports with a preview: the chosen files are remembered by the worker that was asked to choose them.
  'chooseImportFile',
  'previewImport',
  'applyImport',
  'exportPassportToDialog',
  // The MTSP Model report reads every case in the period (0.2 s for the last 12 months, 0.6 s
  // for 20,000 cases, more for its XLSX: tests/bench/cases.ts), so quick calls never wait behind it.
  'mtspReport',
  'exportMtspReport',
  // list export (issue 13): exceljs writes the workbook here, off the vault worker.
  'exportListToDialog',
]);

/** Operations that open or close the vault: the job worker's connection is replaced after them. */
export const VAULT_STATE_OPS: ReadonlySet<OpName> = new Set<OpName>([
  'createVault',
  'unlockVault',
  'unlockRemembered',
  'lockVault',
  // The key changes: the job worker must reopen with the new one.
  'changePassphrase',
  'recoverVault',
]);
