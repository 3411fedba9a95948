// Contract operations of one domain: the firm's case managers (their details; their evidence is
// in ops/evidence.ts). Merged into the one contract in ../api.ts. Types and zod only.
import { z } from 'zod';
import { ref, staffDetails, type StaffSnapshot } from '../model';
import type { StaffSummary } from '../views';

export const staffInputs = {
  listStaff: z.strictObject({}),
  getStaff: z.strictObject({ ref }),
  createStaff: staffDetails,
  updateStaff: z.strictObject({ ref, details: staffDetails }),
  deleteStaff: z.strictObject({ ref }),
} satisfies Record<string, z.ZodType>;

export interface StaffOutputs {
  listStaff: StaffSummary[];
  getStaff: StaffSnapshot;
  createStaff: StaffSummary;
  updateStaff: StaffSummary;
  deleteStaff: null;
}
