// The firm's own details and settings (one row).
import { eq } from 'drizzle-orm';
import { firm } from '../../../db/schema';
import { DEFAULT_SETTINGS, firmDetails, firmSettings, type FirmDetails, type FirmSettings } from '../../contract/model';
import type { FirmView } from '../../contract/views';
import type { Ctx } from '../context';
import { parseOr } from '../parse';

export function getFirm(ctx: Ctx): FirmView {
  const row = ctx.vault.orm.select().from(firm).where(eq(firm.id, 1)).get();
  if (!row) return { name: '', codeOfConductSignatory: false, settings: { ...DEFAULT_SETTINGS }, template: {} };
  return {
    name: row.name,
    address: row.address ?? undefined,
    codeOfConductSignatory: row.codeOfConductSignatory,
    settings: { ...DEFAULT_SETTINGS, ...(row.settings as Partial<FirmSettings>) },
    template: row.template,
  };
}

/** Writes the firm row (no transaction of its own). */
export function writeFirm(ctx: Ctx, d: FirmDetails, settings?: Partial<FirmSettings>): void {
  const current = getFirm(ctx);
  const values = {
    name: d.name,
    address: d.address ?? null,
    codeOfConductSignatory: d.codeOfConductSignatory,
    // db/schema.ts types this JSON column as numbers only; it also holds the per-service supplier minimums (an object).
    settings: { ...current.settings, ...(settings ?? {}) },
    updatedAt: ctx.clock.stamp(),
  };
  ctx.vault.orm
    .insert(firm)
    .values({ id: 1, ...values })
    .onConflictDoUpdate({ target: firm.id, set: values })
    .run();
}

export function updateFirm(ctx: Ctx, input: unknown): FirmView {
  const d = parseOr(firmDetails, input, 'The firm');
  ctx.vault.tx(() => writeFirm(ctx, d));
  return getFirm(ctx);
}

export function updateSettings(ctx: Ctx, input: unknown): FirmView {
  const s = parseOr(firmSettings, input, 'The settings');
  ctx.vault.tx(() => {
    const f = getFirm(ctx);
    writeFirm(ctx, { name: f.name || 'My firm', address: f.address, codeOfConductSignatory: f.codeOfConductSignatory }, s);
  });
  return getFirm(ctx);
}
