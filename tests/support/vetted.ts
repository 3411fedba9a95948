// A supplier vetted as rules v2 asks (approved, indemnity in force, fitness to practise checked),
// written through the services into a real vault: the supplier the case tests instruct.
import type { Ctx } from '../../electron/services/context';
import { addRecord } from '../../electron/services/evidence/records';

/** Records the approval (on `approvedOn`, reviewed next 10/01/2027), the indemnity and the fitness check of supplier `ref`. */
export function vetSupplier(ctx: Ctx, ref: string, approvedOn = '2026-01-10'): void {
  const owner = { type: 'supplier' as const, ref };
  addRecord(ctx, owner, 'decision', { decision: 'approved', by: 'Kim Byrne', on: approvedOn, nextReviewOn: '2027-01-10' });
  addRecord(ctx, owner, 'supplierIndemnity', { insurer: 'Balens', coverGBP: 2_000_000, startsOn: '2025-06-01', expiresOn: '2027-05-31' });
  addRecord(ctx, owner, 'fitnessCheck', { checkedOn: '2026-01-05', register: 'HCPC', result: 'clear' });
}
