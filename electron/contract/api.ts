// The one API contract: operation name → input schema (zod, validated by the registry in
// the vault worker) and output type. The preload exposes exactly these operations as
// `window.caseproof`, main registers exactly one IPC handler for each, and the CLI and the
// browser harness call the same registry. Types only flow outward; no Node or Electron here.
// The names themselves live in names.ts (zod-free, for the preload); see the check below.
import { z } from 'zod';
import type { ComplianceReport } from './compliance';
import { isoDate } from './dates';
import type { ApiResult } from './errors';
import { firmDetails, firmSettings, ref, staffDetails, supplierDetails, type StaffSnapshot, type SupplierSnapshot } from './model';
import { MIN_PASSPHRASE } from './passphrase';
import type { EvidenceContent, FirmView, ImportSummary, StaffSummary, StoredRecord, SupplierSummary, VaultState } from './views';
import type { EvidenceMeta } from './model';
import { evidenceInputs, type StaffEvidenceOutputs } from './ops/evidence';
import { suppliersInputs, type SuppliersOutputs } from './ops/suppliers';
import { casesInputs, type CasesOutputs } from './ops/cases';
import { packsInputs, type PacksOutputs } from './ops/packs';
import { appInputs, type AppOutputs } from './ops/app';
import { intakeInputs, sheetKind, type IntakeOutputs } from './ops/intake';
import { OP_NAMES as LISTED_NAMES, type OpNameListed } from './names';

const none = z.strictObject({});
const passphrase = z.string().min(1, 'is required');
const id = z.number().int().positive();
const owner = z.strictObject({ type: z.enum(['staff', 'supplier', 'firm']), ref: ref.optional() });

const coreInputs = {
  // vault
  vaultState: none,
  pickVaultLocation: z.strictObject({ purpose: z.enum(['create', 'open']) }),
  createVault: z.strictObject({
    path: z.string().min(1, 'is required'),
    passphrase: z.string().min(MIN_PASSPHRASE, `must be at least ${MIN_PASSPHRASE} characters`),
    remember: z.boolean(),
  }),
  /** takeOver: "Open anyway" after a 'vault-in-use' refusal whose holder allows it (db/lock.ts). */
  unlockVault: z.strictObject({ path: z.string().min(1, 'is required'), passphrase, remember: z.boolean(), takeOver: z.boolean().optional() }),
  unlockRemembered: z.strictObject({ path: z.string().min(1), takeOver: z.boolean().optional() }),
  forgetRemembered: z.strictObject({ path: z.string().min(1) }),
  lockVault: none,
  /** Who is using Caseproof on this computer, for "added by" and "granted by" (a preference). */
  setUserName: z.strictObject({ name: z.string().trim().min(1, 'is required').max(120, 'must be at most 120 characters') }),
  // firm
  getFirm: none,
  updateFirm: firmDetails,
  updateSettings: firmSettings,
  // staff
  listStaff: none,
  getStaff: z.strictObject({ ref }),
  createStaff: staffDetails,
  updateStaff: z.strictObject({ ref, details: staffDetails }),
  deleteStaff: z.strictObject({ ref }),
  // suppliers
  listSuppliers: none,
  getSupplier: z.strictObject({ ref }),
  createSupplier: supplierDetails,
  updateSupplier: z.strictObject({ ref, details: supplierDetails }),
  // evidence records and files
  listRecords: z.strictObject({ owner }),
  addRecord: z.strictObject({ owner, kind: z.string(), data: z.record(z.string(), z.unknown()) }),
  updateRecord: z.strictObject({ id, data: z.record(z.string(), z.unknown()) }),
  deleteRecord: z.strictObject({ id }),
  attachEvidence: z.strictObject({ recordId: id, name: z.string().min(1), base64: z.string() }),
  attachEvidenceFromDialog: z.strictObject({ recordId: id }),
  readEvidence: z.strictObject({ id }),
  saveEvidenceAs: z.strictObject({ id }),
  deleteEvidence: z.strictObject({ id }),
  // compliance
  complianceReport: z.strictObject({ asOf: isoDate.optional() }),
  // interchange
  importFirmFileFromDialog: none,
  importSpreadsheetFromDialog: z.strictObject({
    kind: sheetKind,
  }),
  exportFirmFileToDialog: none,
} satisfies Record<string, z.ZodType>;

/** Every operation: the core ones above and each domain's (contract/ops/*.ts). */
export const inputs = { ...coreInputs, ...evidenceInputs, ...suppliersInputs, ...casesInputs, ...packsInputs, ...appInputs, ...intakeInputs };

interface CoreOutputs {
  vaultState: VaultState;
  pickVaultLocation: { path: string | null };
  createVault: VaultState;
  unlockVault: VaultState;
  unlockRemembered: VaultState;
  forgetRemembered: VaultState;
  lockVault: VaultState;
  setUserName: VaultState;
  getFirm: FirmView;
  updateFirm: FirmView;
  updateSettings: FirmView;
  listStaff: StaffSummary[];
  getStaff: StaffSnapshot;
  createStaff: StaffSummary;
  updateStaff: StaffSummary;
  deleteStaff: null;
  listSuppliers: SupplierSummary[];
  getSupplier: SupplierSnapshot;
  createSupplier: SupplierSummary;
  updateSupplier: SupplierSummary;
  listRecords: StoredRecord[];
  addRecord: StoredRecord;
  updateRecord: StoredRecord;
  deleteRecord: null;
  attachEvidence: EvidenceMeta;
  attachEvidenceFromDialog: EvidenceMeta[];
  readEvidence: EvidenceContent;
  saveEvidenceAs: { path: string | null };
  deleteEvidence: null;
  complianceReport: ComplianceReport;
  importFirmFileFromDialog: ImportSummary | null;
  importSpreadsheetFromDialog: ImportSummary | null;
  exportFirmFileToDialog: { path: string | null };
}
export interface Outputs extends CoreOutputs, StaffEvidenceOutputs, SuppliersOutputs, CasesOutputs, PacksOutputs, AppOutputs, IntakeOutputs {}

export type OpName = keyof typeof inputs;
export type Input<K extends OpName> = z.input<(typeof inputs)[K]>;
export type ParsedInput<K extends OpName> = z.output<(typeof inputs)[K]>;
export type Output<K extends OpName> = Outputs[K];
/** What `window.caseproof` is: one function per operation. */
export type CaseproofApi = { [K in OpName]: (input: Input<K>) => Promise<ApiResult<Output<K>>> };
/** Every operation's name, in the order of names.ts. */
export const OP_NAMES: readonly OpName[] = LISTED_NAMES;
export { channelOf } from './names';

// Compile-time guards: inputs, outputs and the zod-free names list (names.ts) name the same
// operations. A new operation missing from names.ts fails here, not at run time.
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _sameOps: Exact<keyof Outputs, OpName> = true;
const _listedOps: Exact<OpNameListed, OpName> = true;
void _sameOps;
void _listedOps;
