// The recovery key: a second way to open a vault when its passphrase is forgotten, designed
// around SQLCipher's raw key. The vault is encrypted with one 256-bit key K, derived from the
// passphrase by scrypt (db/keys.ts). K is wrapped a second time, by the recovery key:
//
//   R   = 20 random bytes (160 bits), shown once as 32 letters and digits (Crockford base32,
//         8 groups of 4); never stored anywhere by Caseproof.
//   W   = HKDF-SHA256(R, salt = the vault's SQLCipher salt, info = "caseproof recovery v1"):
//         R is random, so it needs no slow stretching (unlike a passphrase).
//   firm.cpv.recovery = AES-256-GCM(W, K), with the salt as additional data: a small JSON
//         file beside the vault, owner-only; useless without R.
//   W itself is kept inside the encrypted vault (key slot 'recovery'), so that when the
//   passphrase changes (K changes) Caseproof can wrap the new K without asking for R.
//
// Recovering: R and the recovery file give K, which opens the vault (SQLCipher takes it as a
// raw key); a new passphrase is then set at once (rekey) and the recovery file re-wrapped, so
// the same recovery key keeps working. Backups get a recovery file of their own beside them.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import type { VaultKey } from '../../../db/keys';
import { AppError } from '../errors';
import { writeFileAtomic } from '../files';
import type { Ctx } from '../context';
import { readKeySlot, writeKeySlot } from './keySlots';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'; // Crockford: no I, L, O, U
const INFO = Buffer.from('caseproof recovery v1');
const FORMAT = 'caseproof-recovery';

export const recoveryFileOf = (vaultFile: string): string => `${vaultFile}.recovery`;

interface RecoveryFile {
  format: typeof FORMAT;
  version: 1;
  /** The vault's SQLCipher salt (hex): which vault (or copy) this file belongs to. */
  salt: string;
  /**
   * K encrypted with W (AES-256-GCM). Normally one; while a passphrase change is being swapped
   * in, both the old and the new K, so a crash at any moment leaves one that opens the file.
   */
  keys: { iv: string; tag: string; wrapped: string }[];
}

function encode(bytes: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out;
}
function decode(text: string): Buffer {
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const ch of text) {
    value = (value << 5) | ALPHABET.indexOf(ch);
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** The printed form: 8 groups of 4, e.g. `7K2M-…`. */
export function formatRecoveryKey(compact: string): string {
  return compact.match(/.{4}/g)!.join('-');
}

function wrappingKey(recoveryKey: Buffer, salt: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', recoveryKey, salt, INFO, 32));
}

function wrapOne(w: Buffer, key: VaultKey): RecoveryFile['keys'][number] {
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', w, iv);
  c.setAAD(key.salt);
  const wrapped = Buffer.concat([c.update(key.key), c.final()]);
  return { iv: iv.toString('hex'), tag: c.getAuthTag().toString('hex'), wrapped: wrapped.toString('base64') };
}

/**
 * Writes the recovery file for a vault (or a copy) keyed with `key` (and, during a key change,
 * `alsoKey`), when the vault has a recovery key. Says whether it wrote one.
 */
export function writeRecoveryFileFor(ctx: Ctx, file: string, key: VaultKey, alsoKey?: VaultKey): boolean {
  const slot = readKeySlot(ctx, 'recovery');
  if (!slot) return false;
  const w = Buffer.from(slot, 'base64');
  const f: RecoveryFile = {
    format: FORMAT,
    version: 1,
    salt: key.salt.toString('hex'),
    keys: [key, ...(alsoKey ? [alsoKey] : [])].map((k) => wrapOne(w, k)),
  };
  w.fill(0);
  writeFileAtomic(recoveryFileOf(file), JSON.stringify(f, null, 1), { overwrite: true });
  return true;
}

/**
 * Makes a new recovery key for the open vault (any earlier one stops working: its file is
 * replaced and its wrapping key overwritten). Returns the key's printed form, to be shown once.
 */
export function makeRecoveryKey(ctx: Ctx): { recoveryKey: string; file: string } {
  const r = randomBytes(20);
  const w = wrappingKey(r, ctx.vault.key.salt);
  ctx.vault.tx(() => writeKeySlot(ctx, 'recovery', w.toString('base64')));
  writeRecoveryFileFor(ctx, ctx.vault.path, ctx.vault.key);
  const text = formatRecoveryKey(encode(r));
  r.fill(0);
  return { recoveryKey: text, file: recoveryFileOf(ctx.vault.path) };
}

export function hasRecoveryKey(ctx: Ctx): boolean {
  return readKeySlot(ctx, 'recovery') !== null;
}

/**
 * The vault key from a recovery key (its compact form, already checked by the contract) and
 * the recovery file beside `vaultFile`. Fails naming what is wrong: no recovery file, a file
 * for another vault, or a recovery key that does not open it.
 */
export function keyFromRecovery(vaultFile: string, compact: string, salt: Buffer): VaultKey {
  return keysFromRecovery(vaultFile, compact, salt)[0];
}

/** Every key the recovery file holds for this vault (two only while a key change was being swapped in). */
export function keysFromRecovery(vaultFile: string, compact: string, salt: Buffer): VaultKey[] {
  const file = recoveryFileOf(vaultFile);
  if (!existsSync(file)) {
    throw new AppError('not-found', `There is no recovery file beside the vault (${file}); a recovery key needs it. Restore a backup instead.`, 'recoveryKey');
  }
  let f: RecoveryFile;
  try {
    f = JSON.parse(readFileSync(file, 'utf8')) as RecoveryFile;
    if (f.format !== FORMAT || f.version !== 1 || !Array.isArray(f.keys) || !f.keys.length) throw new Error('format');
  } catch {
    throw new AppError('invalid', `${file} is not a Caseproof recovery file.`, 'recoveryKey');
  }
  const fileSalt = Buffer.from(f.salt, 'hex');
  if (fileSalt.length !== salt.length || !timingSafeEqual(fileSalt, salt)) {
    throw new AppError('invalid', `${file} belongs to another vault (or an older copy of this one); it cannot open this file.`, 'recoveryKey');
  }
  const r = decode(compact);
  const w = wrappingKey(r, salt);
  r.fill(0);
  const keys: VaultKey[] = [];
  for (const k of f.keys) {
    try {
      const d = createDecipheriv('aes-256-gcm', w, Buffer.from(k.iv, 'hex'));
      d.setAAD(salt);
      d.setAuthTag(Buffer.from(k.tag, 'hex'));
      keys.push({ key: Buffer.concat([d.update(Buffer.from(k.wrapped, 'base64')), d.final()]), salt });
    } catch {
      /* not this one */
    }
  }
  w.fill(0);
  if (!keys.length) {
    throw new AppError(
      'wrong-passphrase',
      'That recovery key does not open this vault. Check it letter by letter (0 and O, 1 and I are the same here).',
      'recoveryKey',
    );
  }
  return keys;
}
