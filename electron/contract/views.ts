// Values the API returns, shared by main, the CLI and the renderer. JSON-safe only.
import type { LockedBecause } from './events';
import type { EvidenceMeta, FirmSettings, RecordKind, StaffDetails, Stored, SupplierDetails } from './model';

export type StaffSummary = StaffDetails & { id: number };
export type SupplierSummary = SupplierDetails & { id: number };

export interface FirmView {
  name: string;
  address?: string;
  codeOfConductSignatory: boolean;
  settings: FirmSettings;
  template: Record<string, unknown>;
}

export interface StoredRecord {
  id: number;
  kind: RecordKind;
  data: Stored<Record<string, unknown>>;
}

export interface ImportSummary {
  added: { staff: number; suppliers: number; cases: number; records: number; files: number };
  updated: { staff: number; suppliers: number; cases: number; firm: boolean };
  /** A firm file's records the vault already held as they are (kept with their ids, files and history). */
  kept?: { records: number };
  /** The vault's records of a list the file gave that the file left out (deleted: the file's list replaces the vault's). */
  removed?: { records: number };
  /** Set when the file named the firm otherwise and the vault kept its own name and address (no `updateFirm`). */
  firmKept?: { name: string; address?: string };
}

export interface VaultState {
  open: boolean;
  path: string | null;
  /** The vault opened last on this computer (a preference, not a secret). */
  lastPath: string | null;
  defaultPath: string;
  /** True when the last vault's key is remembered on this computer. */
  remembered: boolean;
  /** null when "remember on this computer" can be offered; otherwise why it cannot. */
  rememberUnavailable: string | null;
  user: string;
  /** True once someone has said their name on this computer (set-up or Settings); until then the form starts empty. */
  userNamed: boolean;
  /** Set when the check of every page after unlock found the open vault damaged: what, in words. */
  damage: string | null;
  /** Set after unlock when where the audit trail ends could not be checked (no head file yet, say): a calm notice, not damage. */
  headNotice: string | null;
  /** Set while the vault is locked because of something other than the user (auto-lock, sleep, a failure); cleared at unlock. */
  lockedBecause: LockedBecause | null;
}

export interface EvidenceContent {
  meta: EvidenceMeta;
  base64: string;
}

// ---- DBS copies (hostile): copies due to be destroyed under the firm's dbsCopyMonths ----
export interface DbsCopyDueItem {
  fileId: number;
  name: string;
  ownerType: 'staff' | 'supplier';
  ref: string;
  ownerName: string;
  /** The certificate's issue date (the period runs from it for a copy of the certificate). */
  issuedOn: string;
  /** For the receipt of an Update Service check (its status page), the check's day: the period runs from it. */
  checkedOn?: string;
  /** The day the copy is destroyed; on or before today means at the next unlock. */
  dueOn: string;
}
export interface DbsCopyDueView {
  /** Today, on the vault's clock (a copy due on or before it goes at the next unlock). */
  today: string;
  months: number;
  days: number;
  items: DbsCopyDueItem[];
}
