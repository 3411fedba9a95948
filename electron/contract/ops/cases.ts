// Contract operations of one domain (issue 5). Merged into the one contract in ../api.ts.
import type { z } from 'zod';

export const casesInputs = {} satisfies Record<string, z.ZodType>;

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface CasesOutputs {}
