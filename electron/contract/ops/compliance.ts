// Contract operations of one domain: the compliance engine's verdicts for the whole firm.
// Merged into the one contract in ../api.ts. Types and zod only.
import { z } from 'zod';
import type { ComplianceReport } from '../compliance';
import { isoDate } from '../dates';

export const complianceInputs = {
  /** Every rule on every subject as of `asOf` (default: today on the one clock). */
  complianceReport: z.strictObject({ asOf: isoDate.optional() }),
} satisfies Record<string, z.ZodType>;

export interface ComplianceOutputs {
  complianceReport: ComplianceReport;
}
