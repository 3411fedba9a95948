// What every contract operation reads or changes, in one declarative map. The renderer's
// server state (data/query.ts) is keyed by operation and input; when an operation that
// changes data succeeds, every cached query that reads what it changed is refetched.
//
// Operations are described by the kinds of data they touch ("topics") rather than by
// listing, for each change, the queries it affects: a new screen operation (say
// `staffProfile`) is then one line here - what it reads - and every operation that
// changes those things refreshes it without being edited. The map is exhaustive over the
// contract (`satisfies Record<OpName, ...>`), so a new operation does not compile until it
// says what it reads or changes. Pure data: no React, so it is easy to read and to test.
import type { OpName } from '../../../electron/contract/api';

/** The kinds of data in a vault, as the operations touch them. */
export type Topic =
  /** Who is using Caseproof on this computer, the vault's path (vaultState). */
  | 'vault'
  /** The firm's details, settings, pack template and policies' firm rules. */
  | 'firm'
  | 'staff'
  | 'suppliers'
  /** Evidence records and their files (staff, supplier and firm records, exemptions, decisions). */
  | 'records'
  /** Cases, their instructions and handovers, and the instructing parties they name. */
  | 'cases'
  /** The pack register. */
  | 'packs'
  /** The log of verified backups, the schedule on this computer, the recovery key's presence. */
  | 'backups';

const ALL: readonly Topic[] = ['vault', 'firm', 'staff', 'suppliers', 'records', 'cases', 'packs', 'backups'];
/** What rule results are worked out from: nearly everything. */
const COMPLIANCE: readonly Topic[] = ['firm', 'staff', 'suppliers', 'records', 'cases'];

export type OpEffect =
  /** A query: cached by input, refetched when any of these topics changes. Empty: never changes. */
  | { reads: readonly Topic[] }
  /** A change: refreshes every query that reads one of these topics. Empty: changes nothing stored (dialogs, saving copies). */
  | { changes: readonly Topic[] };

export const OPS = {
  // vault
  vaultState: { reads: ['vault'] },
  pickVaultLocation: { changes: [] },
  createVault: { changes: ALL },
  unlockVault: { changes: ALL },
  unlockRemembered: { changes: ALL },
  forgetRemembered: { changes: ['vault'] },
  lockVault: { changes: ALL },
  setUserName: { changes: ['vault'] },
  // firm
  getFirm: { reads: ['firm'] },
  updateFirm: { changes: ['firm'] },
  updateSettings: { changes: ['firm'] },
  // staff
  listStaff: { reads: ['staff'] },
  getStaff: { reads: ['staff', 'records'] },
  createStaff: { changes: ['staff'] },
  updateStaff: { changes: ['staff'] },
  deleteStaff: { changes: ['staff', 'records'] },
  // suppliers
  listSuppliers: { reads: ['suppliers'] },
  getSupplier: { reads: ['suppliers', 'records'] },
  createSupplier: { changes: ['suppliers'] },
  updateSupplier: { changes: ['suppliers'] },
  supplierList: { reads: ['firm', 'suppliers', 'records'] },
  supplierFile: { reads: ['vault', 'firm', 'suppliers', 'records'] },
  recordSupplierDecision: { changes: ['records'] },
  // A supplier's first document also ticks "CV on file" and the like on the supplier.
  attachSupplierDocument: { changes: ['records', 'suppliers'] },
  attachSupplierDocumentFromDialog: { changes: ['records', 'suppliers'] },
  setSupplierIndemnityMinimums: { changes: ['firm'] },
  // evidence records and files
  listRecords: { reads: ['records'] },
  addRecord: { changes: ['records'] },
  updateRecord: { changes: ['records'] },
  deleteRecord: { changes: ['records'] },
  attachEvidence: { changes: ['records'] },
  attachEvidenceFromDialog: { changes: ['records'] },
  // a register check moves the record's last-checked date on and may attach the register page
  recordRegisterCheck: { changes: ['records'] },
  // A stored file's bytes never change (a deleted file's viewer closes): read once while on screen.
  readEvidence: { reads: [] },
  saveEvidenceAs: { changes: [] },
  deleteEvidence: { changes: ['records'] },
  grantExemption: { changes: ['records'] },
  withdrawExemption: { changes: ['records'] },
  // compliance
  ruleCatalogue: { reads: [] },
  complianceReport: { reads: COMPLIANCE },
  dueItems: { reads: COMPLIANCE },
  dbsCopiesDue: { reads: ['firm', 'records'] }, // DBS copies (hostile)
  todoList: { reads: COMPLIANCE }, // to do (issue 13)
  previewPastedRows: { changes: [] }, // pasted rows (issue 13): asked on a click, not cached
  addPastedRows: { changes: ['records'] }, // pasted rows (issue 13)
  exportListToDialog: { changes: [] }, // list export (issue 13)
  selfChecklist: { reads: COMPLIANCE },
  exportDueCalendar: { changes: [] },
  // cases
  listCases: { reads: ['cases', 'staff'] },
  getCase: { reads: COMPLIANCE },
  createCase: { changes: ['cases'] },
  updateCase: { changes: ['cases'] },
  updateCaseChecklist: { changes: ['cases'] },
  closeCase: { changes: ['cases'] },
  deleteCase: { changes: ['cases'] },
  instructSupplier: { changes: ['cases'] },
  handOverCase: { changes: ['cases'] },
  listParties: { reads: ['cases'] },
  caseloadFigures: { reads: ['firm', 'staff', 'cases'] },
  partyReport: { reads: ['cases'] },
  casesPastRetention: { reads: ['firm', 'staff', 'cases'] },
  // packs
  previewPack: { reads: COMPLIANCE },
  generatePack: { changes: ['packs'] },
  regeneratePack: { changes: ['packs'] },
  reproducePack: { changes: [] },
  verifyPackFile: { changes: [] },
  showPackInFolder: { changes: [] },
  listPacks: { reads: ['packs', 'staff', 'suppliers'] },
  getTemplate: { reads: ['firm'] },
  updateTemplate: { changes: ['firm'] },
  pickLogo: { changes: ['firm'] },
  removeLogo: { changes: ['firm'] },
  // interchange: an import can touch anything
  importFirmFileFromDialog: { changes: ALL },
  importSpreadsheetFromDialog: { changes: ALL },
  exportFirmFileToDialog: { changes: [] },
  // the app itself: telling main the window is in use, opening a public register in the browser, which Caseproof this is
  reportActivity: { changes: [] },
  openRegister: { changes: [] },
  appInfo: { reads: [] },
  // backups, passphrase, recovery key
  backupState: { reads: ['backups'] },
  backupNow: { changes: ['backups'] },
  chooseBackupFolder: { changes: [] },
  setBackupSchedule: { changes: ['backups'] },
  clearBackupSchedule: { changes: ['backups'] },
  restoreBackup: { changes: [] },
  changePassphrase: { changes: ['vault'] },
  makeRecoveryKey: { changes: ['backups'] },
  recoverVault: { changes: ALL },
  // the case journey (ops/journey.ts)
  changeCaseStatus: { changes: ['cases'] },
  saveJourneyItem: { changes: ['cases'] },
  deleteJourneyItem: { changes: ['cases'] },
  setCaseOutcome: { changes: ['cases'] },
  saveInvoice: { changes: ['cases'] },
  deleteInvoice: { changes: ['cases'] },
  incidentClocks: { reads: ['firm', 'cases'] },
  supplierInvoices: { reads: ['firm', 'cases', 'suppliers'] },
  staffCaseMix: { reads: ['staff', 'cases'] },
  mtspReport: { reads: ['cases'] },
  exportMtspReport: { changes: [] },
  // evidence in and out: set-up, imports with a preview, templates, passports
  completeSetup: { changes: ['vault', 'firm', 'staff'] },
  chooseImportFile: { changes: [] },
  // The plan depends on the file, read afresh at each call: never served from the cache.
  previewImport: { changes: [] },
  applyImport: { changes: ALL },
  saveSheetTemplate: { changes: [] },
  exportPassportToDialog: { changes: [] },
  // whole screens: one call per page (ops/screens.ts)
  dashboard: { reads: COMPLIANCE },
  staffProfile: { reads: COMPLIANCE },
  // the audit trail: every change to anything adds to it
  listAudit: { reads: ALL },
  recordHistory: { reads: ALL },
  auditPeople: { reads: ALL },
  exportAuditToDialog: { changes: [] },
} as const satisfies Record<OpName, OpEffect>;

type Ops = typeof OPS;
/** Operations that only read: used with useOp / useOps. */
export type QueryOp = { [K in OpName]: Ops[K] extends { reads: readonly Topic[] } ? K : never }[OpName];
/** Operations that change something (or open a dialog): used with useAction. */
export type ActionOp = Exclude<OpName, QueryOp>;

const QUERY_OPS = Object.entries(OPS).flatMap(([name, e]: [string, OpEffect]) => ('reads' in e ? [{ name, reads: e.reads }] : []));

/** The queries a successful `op` makes out of date (as operation names). */
export function affectedBy(op: ActionOp): Set<string> {
  const changed = new Set<Topic>(OPS[op].changes);
  return new Set(QUERY_OPS.filter((q) => q.reads.some((t) => changed.has(t))).map((q) => q.name));
}

/** True when a query never changes while a vault is open (so it is never refetched). */
export function isStatic(op: QueryOp): boolean {
  return OPS[op].reads.length === 0;
}
