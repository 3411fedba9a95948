// Contract operations of one domain: the firm's own details and its rule settings.
// Merged into the one contract in ../api.ts. Types and zod only.
import { z } from 'zod';
import { firmDetails, firmSettings } from '../model';
import type { FirmView } from '../views';

export const firmInputs = {
  getFirm: z.strictObject({}),
  updateFirm: firmDetails,
  updateSettings: firmSettings,
} satisfies Record<string, z.ZodType>;

export interface FirmOutputs {
  getFirm: FirmView;
  updateFirm: FirmView;
  updateSettings: FirmView;
}
