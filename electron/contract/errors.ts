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
  | 'internal';
export interface Issue {
  /** JSON path such as `staff[2].indemnity[0].coverGBP`, or a form field name. */
  path: string;
  message: string;
}
export interface ApiErrorBody {
  code: ErrorCode;
  message: string;
  field?: string;
  issues?: Issue[];
}
export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiErrorBody };
