// Changing a vault's passphrase, for the app and the CLI: the new key is derived with the
// vault's own salt and swapped in whole (db/client.ts changeKey: copy, re-encrypt, check,
// rename), so a crash part-way leaves the old vault or the new one, never a mixture. While the
// new file is being swapped in, the recovery file wraps both keys; afterwards only the new.
import { changeKey, openVault, type OpenOptions, type Vault } from '../../../db/client';
import { deriveKey, type VaultKey } from '../../../db/keys';
import type { Ctx } from '../context';
import { writeRecoveryFileFor } from './recovery';

/** Re-keys the open vault under `next` (a passphrase, or a key); returns the vault reopened under it. */
export function changeVaultKey(ctx: Ctx, next: string | VaultKey, opts: OpenOptions = {}): Vault {
  const old = ctx.vault.key;
  const nextKey = typeof next === 'string' ? deriveKey(next, old.salt) : next;
  const fresh = changeKey(ctx.vault, nextKey, opts, () => writeRecoveryFileFor(ctx, ctx.vault.path, nextKey, old));
  writeRecoveryFileFor({ ...ctx, vault: fresh }, fresh.path, nextKey);
  old.key.fill(0);
  return fresh;
}

/** Opens the vault with the first of `keys` that fits (two only when a key change was cut off mid-swap). */
export function openWithAnyKey(file: string, keys: VaultKey[], opts: OpenOptions): Vault {
  for (const [i, key] of keys.entries()) {
    try {
      return openVault(file, { key }, opts);
    } catch (e) {
      if ((e as { code?: string }).code !== 'wrong-passphrase' || i === keys.length - 1) throw e;
    }
  }
  throw new Error('no key was given');
}
