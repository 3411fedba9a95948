// The firm's minimum indemnity for suppliers: the default and per service. Stored in the
// firm settings (supplierIndemnityMinGBP, supplierIndemnityMinByService).
import { z } from 'zod';
import { suppliersInputs } from '../../contract/ops/suppliers';
import type { FirmView } from '../../contract/views';
import type { Ctx } from '../context';
import { serviceKey } from '../compliance/supplierRules';
import { AppError } from '../errors';
import { updateSettings } from '../firm/firm';
import { parseOr } from '../parse';

type Input = z.infer<typeof suppliersInputs.setSupplierIndemnityMinimums>;

/** Replaces both settings; the same service given twice (ignoring case and spacing) is refused. */
export function setIndemnityMinimums(ctx: Ctx, input: unknown): FirmView {
  const d: Input = parseOr(suppliersInputs.setSupplierIndemnityMinimums, input, 'The minimums');
  const byService: Record<string, number> = {};
  const seen = new Set<string>();
  for (const [name, gbp] of Object.entries(d.byService)) {
    const k = serviceKey(name);
    if (seen.has(k)) throw new AppError('invalid', `${name.trim()} is listed twice.`, `byService.${name}`);
    seen.add(k);
    byService[name.trim()] = gbp;
  }
  return updateSettings(ctx, { supplierIndemnityMinGBP: d.defaultGBP, supplierIndemnityMinByService: byService });
}
