// The name of every operation of the contract, and its IPC channel: the one list the
// preload, main and the browser harness work from. Plain strings, no zod, so the preload
// bundles only this (a few hundred bytes) instead of every schema. api.ts checks at compile
// time that this list and the contract's schemas name exactly the same operations: adding
// an operation means adding its name here too (the type-check says so otherwise).
export const OP_NAMES = [
  // vault
  'vaultState',
  'pickVaultLocation',
  'createVault',
  'unlockVault',
  'unlockRemembered',
  'forgetRemembered',
  'lockVault',
  'setUserName',
  // firm
  'getFirm',
  'updateFirm',
  'updateSettings',
  // staff
  'listStaff',
  'getStaff',
  'createStaff',
  'updateStaff',
  'deleteStaff',
  // suppliers
  'listSuppliers',
  'getSupplier',
  'createSupplier',
  'updateSupplier',
  // evidence records and files
  'listRecords',
  'addRecord',
  'updateRecord',
  'deleteRecord',
  'attachEvidence',
  'attachEvidenceFromDialog',
  'recordRegisterCheck',
  'readEvidence',
  'saveEvidenceAs',
  'deleteEvidence',
  // compliance
  'complianceReport',
  // interchange
  'importFirmFileFromDialog',
  'importSpreadsheetFromDialog',
  'exportFirmFileToDialog',
  // staff evidence (ops/evidence.ts)
  'ruleCatalogue',
  'grantExemption',
  'withdrawExemption',
  'dueItems',
  'selfChecklist',
  'exportDueCalendar',
  'dbsCopiesDue', // DBS copies (hostile)
  'todoList', // to do (issue 13)
  'previewPastedRows', // pasted rows (issue 13)
  'addPastedRows', // pasted rows (issue 13)
  'exportListToDialog', // list export (issue 13)
  // suppliers (ops/suppliers.ts)
  'supplierList',
  'supplierFile',
  'recordSupplierDecision',
  'attachSupplierDocument',
  'attachSupplierDocumentFromDialog',
  'setSupplierIndemnityMinimums',
  // cases (ops/cases.ts)
  'listCases',
  'getCase',
  'createCase',
  'updateCase',
  'updateCaseChecklist',
  'closeCase',
  'listParties',
  'instructSupplier',
  'handOverCase',
  'caseloadFigures',
  'partyReport',
  'casesPastRetention',
  'deleteCase',
  // packs (ops/packs.ts)
  'previewPack',
  'generatePack',
  'showPackInFolder',
  'listPacks',
  'regeneratePack',
  'reproducePack',
  'verifyPackFile',
  'getTemplate',
  'updateTemplate',
  'pickLogo',
  'removeLogo',
  // the app itself (ops/app.ts)
  'reportActivity',
  'openRegister',
  'appInfo',
  // backups, passphrase, recovery key (ops/backups.ts)
  'backupState',
  'backupNow',
  'chooseBackupFolder',
  'setBackupSchedule',
  'clearBackupSchedule',
  'restoreBackup',
  'changePassphrase',
  'makeRecoveryKey',
  'recoverVault',
  // the case journey (ops/journey.ts)
  'changeCaseStatus',
  'saveJourneyItem',
  'deleteJourneyItem',
  'setCaseOutcome',
  'saveInvoice',
  'deleteInvoice',
  'incidentClocks',
  'supplierInvoices',
  'staffCaseMix',
  'mtspReport',
  'exportMtspReport',
  // evidence in and out (ops/intake.ts)
  'completeSetup',
  'chooseImportFile',
  'previewImport',
  'applyImport',
  'saveSheetTemplate',
  'exportPassportToDialog',
  // whole screens (ops/screens.ts)
  'dashboard',
  'staffProfile',
  // the audit trail (ops/audit.ts)
  'listAudit',
  'recordHistory',
  'auditPeople',
  'exportAuditToDialog',
] as const;

/** An operation's name, as this list spells it (api.ts proves it equals the schemas' keys). */
export type OpNameListed = (typeof OP_NAMES)[number];

/** The IPC channel of an operation: one per operation, fixed; the page never names a channel. */
export const channelOf = (op: OpNameListed): string => `caseproof:${op}`;
