// Errors about the vault file itself (opening, creating, migrating), as opposed to the
// AppErrors services throw about what is in it. The codes are part of the API's ErrorCode.
export type VaultErrorCode = 'wrong-passphrase' | 'vault-newer' | 'not-found' | 'exists' | 'not-a-vault' | 'migration-failed';
export class VaultError extends Error {
  constructor(
    readonly code: VaultErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'VaultError';
  }
}
