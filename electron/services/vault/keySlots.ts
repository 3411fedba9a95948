// Keys kept inside the encrypted vault (table vault_keys, migration 0006), by name. They are
// as safe as the vault itself: readable only by whoever can open it, and they only ever
// unlock copies of the same data (backups) or re-wrap the vault's own key (recovery).
import { eq } from 'drizzle-orm';
import { vaultKeys } from '../../../db/schema';
import type { Ctx } from '../context';

export type KeySlot = 'backup' | 'recovery';

export function readKeySlot(ctx: Ctx, name: KeySlot): string | null {
  return ctx.vault.orm.select().from(vaultKeys).where(eq(vaultKeys.name, name)).get()?.value ?? null;
}

export function writeKeySlot(ctx: Ctx, name: KeySlot, value: string): void {
  const row = { name, value, updatedAt: ctx.clock.stamp() };
  ctx.vault.orm
    .insert(vaultKeys)
    .values(row)
    .onConflictDoUpdate({ target: vaultKeys.name, set: { value, updatedAt: row.updatedAt } })
    .run();
}

export function clearKeySlot(ctx: Ctx, name: KeySlot): void {
  ctx.vault.orm.delete(vaultKeys).where(eq(vaultKeys.name, name)).run();
}
