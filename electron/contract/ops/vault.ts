// Contract operations of one domain: the vault itself (create, unlock, lock, the remembered key)
// and who is using it. Merged into the one contract in ../api.ts. Types and zod only.
import { z } from 'zod';
import { MIN_PASSPHRASE } from '../passphrase';
import type { VaultState } from '../views';

const none = z.strictObject({});
const passphrase = z.string().min(1, 'is required');

export const vaultInputs = {
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
} satisfies Record<string, z.ZodType>;

export interface VaultOutputs {
  vaultState: VaultState;
  pickVaultLocation: { path: string | null };
  createVault: VaultState;
  unlockVault: VaultState;
  unlockRemembered: VaultState;
  forgetRemembered: VaultState;
  lockVault: VaultState;
  setUserName: VaultState;
}
