// Key derivation for the vault. The passphrase is stretched with scrypt into the raw
// 256-bit SQLCipher key; SQLCipher's own per-file salt (the first 16 bytes of the file,
// random, written at creation) is the scrypt salt, so a vault is self-contained and can
// move between machines. Only the derived key is ever held for "remember on this computer",
// and only wrapped by the OS keychain (platform secrets), never the passphrase.
import { randomBytes, scryptSync } from 'node:crypto';
import { openSync, readSync, closeSync } from 'node:fs';

export const SALT_BYTES = 16;
// OWASP's recommended scrypt cost (N=2^17, r=8, p=1): ~128 MiB and a few hundred ms per unlock.
const SCRYPT = { N: 2 ** 17, r: 8, p: 1, maxmem: 256 * 1024 * 1024 };

export interface VaultKey {
  key: Buffer; // 32 bytes
  salt: Buffer; // 16 bytes
}

export function newSalt(): Buffer {
  return randomBytes(SALT_BYTES);
}
export function deriveKey(passphrase: string, salt: Buffer): VaultKey {
  return { key: scryptSync(passphrase.normalize('NFC'), salt, 32, SCRYPT), salt };
}
/** Reads the SQLCipher salt from the head of an existing vault file. */
export function readSalt(file: string): Buffer {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(SALT_BYTES);
    const n = readSync(fd, buf, 0, SALT_BYTES, 0);
    if (n !== SALT_BYTES) throw new Error('short file');
    return buf;
  } finally {
    closeSync(fd);
  }
}
/** The PRAGMA key value: raw key followed by the salt, as SQLCipher expects (96 hex digits). */
export function keyPragma(k: VaultKey): string {
  return `key = "x'${k.key.toString('hex')}${k.salt.toString('hex')}'"`;
}
export function rekeyPragma(k: VaultKey): string {
  return `rekey = "x'${k.key.toString('hex')}${k.salt.toString('hex')}'"`;
}
/** Portable text form of a derived key (for wrapping by the OS keychain). */
export function exportKey(k: VaultKey): string {
  return Buffer.concat([k.key, k.salt]).toString('base64');
}
export function importKey(s: string): VaultKey {
  const b = Buffer.from(s, 'base64');
  if (b.length !== 32 + SALT_BYTES) throw new Error('bad key');
  return { key: b.subarray(0, 32), salt: b.subarray(32) };
}
/** Passphrase strength hint: a rough score 0-4 and a word, for the create-vault form. */
export { passphraseStrength } from '../electron/contract/passphrase';
