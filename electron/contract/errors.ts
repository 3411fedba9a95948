// Errors as they cross the API boundary: JSON-safe, with the field they concern so the
// UI can show them beside it, and every issue of a rejected import.
export type ErrorCode =
  | 'invalid'
  | 'not-found'
  | 'conflict'
  | 'locked'
  | 'wrong-passphrase'
  | 'vault-newer'
  | 'not-a-vault'
  | 'migration-failed'
  | 'exists'
  | 'unavailable'
  | 'cancelled'
  | 'damaged' // something stored in the vault no longer has the shape Caseproof expects
  /** Another task (an import, say) is writing to the vault; try again when it has finished. */
  | 'busy'
  | 'vault-damaged' // the vault file fails its integrity check (a page's HMAC, or cut short)
  | 'vault-in-use' // another Caseproof has the vault open (its lock file, db/lock.ts)
  /** The key remembered on this computer could not be used (the keychain failed, or it does not open the vault): enter the passphrase. */
  | 'remembered-key-failed'
  | 'internal';
export interface Issue {
  /** JSON path such as `staff[2].indemnity[0].coverGBP`, or a form field name. */
  path: string;
  message: string;
}
/** Who holds a vault another Caseproof has open ('vault-in-use'). */
export interface VaultHolder {
  user: string;
  host: string;
  /** When they opened it (UTC instant), if known. */
  since: string | null;
  /** When their Caseproof last showed it was still there (UTC instant). */
  lastActive: string;
  /** True when "Open anyway" may be offered (never for a Caseproof running on this computer). */
  canTakeOver: boolean;
}
export interface ApiErrorBody {
  code: ErrorCode;
  message: string;
  field?: string;
  issues?: Issue[];
  holder?: VaultHolder;
}
export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiErrorBody };
