// The one API contract: operation name → input schema (zod, validated by the registry in
// the vault worker) and output type. The preload exposes exactly these operations as
// `window.caseproof`, main registers exactly one IPC handler for each, and the vault workers and
// the browser harness answer them with the same registry (services/api/). The CLI does not go
// through these operations: it calls the services directly (electron/cli/main.ts). Each domain's operations
// are in ops/<domain>.ts, their handlers in services/api/domains/<domain>.ts (ARCHITECTURE.md).
// Types only flow outward; no Node or Electron here.
// The names themselves live in names.ts (zod-free, for the preload); see the check below.
import { z } from 'zod';
import type { ApiResult } from './errors';
import { vaultInputs, type VaultOutputs } from './ops/vault';
import { firmInputs, type FirmOutputs } from './ops/firm';
import { staffInputs, type StaffOutputs } from './ops/staff';
import { complianceInputs, type ComplianceOutputs } from './ops/compliance';
import { evidenceInputs, type EvidenceOutputs } from './ops/evidence';
import { suppliersInputs, type SuppliersOutputs } from './ops/suppliers';
import { casesInputs, type CasesOutputs } from './ops/cases';
import { packsInputs, type PacksOutputs } from './ops/packs';
import { appInputs, type AppOutputs } from './ops/app';
import { backupsInputs, type BackupsOutputs } from './ops/backups';
import { journeyInputs, type JourneyOutputs } from './ops/journey';
import { intakeInputs, type IntakeOutputs } from './ops/intake';
import { screensInputs, type ScreensOutputs } from './ops/screens';
import { auditInputs, type AuditOutputs } from './ops/audit';
import { OP_NAMES as LISTED_NAMES, type OpNameListed } from './names';

/** Every operation: each domain's (contract/ops/*.ts). */
export const inputs = {
  ...vaultInputs,
  ...firmInputs,
  ...staffInputs,
  ...complianceInputs,
  ...evidenceInputs,
  ...suppliersInputs,
  ...casesInputs,
  ...packsInputs,
  ...appInputs,
  ...backupsInputs,
  ...journeyInputs,
  ...intakeInputs,
  ...screensInputs,
  ...auditInputs,
};

export interface Outputs
  extends
    VaultOutputs,
    FirmOutputs,
    StaffOutputs,
    ComplianceOutputs,
    EvidenceOutputs,
    SuppliersOutputs,
    CasesOutputs,
    PacksOutputs,
    AppOutputs,
    BackupsOutputs,
    JourneyOutputs,
    IntakeOutputs,
    ScreensOutputs,
    AuditOutputs {}

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
