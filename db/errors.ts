// Errors about the vault file itself (opening, creating, migrating), as opposed to the
// AppErrors services throw about what is in it. The codes are part of the API's ErrorCode.
export type VaultErrorCode =
  'wrong-passphrase' | 'vault-newer' | 'not-found' | 'exists' | 'not-a-vault' | 'migration-failed' | 'vault-damaged' | 'vault-in-use' | 'unavailable';

/** Who holds a vault another Caseproof has open (from its lock file, db/lock.ts). */
export interface LockHolderInfo {
  user: string;
  host: string;
  /** When that Caseproof opened the vault (UTC instant), if the lock file could be read. */
  since: string | null;
  /** When that Caseproof last showed it was still there (the lock file's time, UTC). */
  lastActive: string;
  /** Whether this Caseproof may open it anyway (never while a Caseproof on this computer holds it). */
  canTakeOver: boolean;
}

export class VaultError extends Error {
  constructor(
    readonly code: VaultErrorCode,
    message: string,
    /** For 'vault-in-use': who holds the vault. */
    readonly holder?: LockHolderInfo,
  ) {
    super(message);
    this.name = 'VaultError';
  }
}
