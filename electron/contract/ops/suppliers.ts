// Contract operations of one domain (issue 4). Merged into the one contract in ../api.ts.
import type { z } from 'zod';

export const suppliersInputs = {} satisfies Record<string, z.ZodType>;

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface SuppliersOutputs {}
