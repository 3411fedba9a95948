// Contract operations of whole screens (issue 9 item 3): one call answers everything a page
// draws, worked out from only the rows it needs. Merged into the one contract in ../api.ts.
// Types and zod only. (The supplier list and a supplier's vetting file are screen operations
// of ops/suppliers.ts already: supplierList, supplierFile.)
import { z } from 'zod';
import type { OverallStatus, SubjectReport, RuleResult } from '../compliance';
import type { IsoDate } from '../dates';
import { ref, type StaffSnapshot } from '../model';
import type { DueItemView } from './evidence';

/** How many due items the Dashboard draws unless it asks for more. */
export const DASHBOARD_DUE_SHOWN = 100;

/** The lists that can be saved as XLSX. */
export const EXPORT_LISTS = ['staff', 'cpd', 'training', 'due', 'todo', 'suppliers', 'cases'] as const;
export type ExportList = (typeof EXPORT_LISTS)[number];

export const screensInputs = {
  /**
   * The Dashboard: the firm's rules, the people-by-rule table and the first `dueLimit` items
   * of the due list (default DASHBOARD_DUE_SHOWN), with how many there are in all.
   */
  dashboard: z.strictObject({
    dueLimit: z
      .number({ error: 'must be a number of items' })
      .int('must be a whole number of items')
      .min(0, 'must not be negative')
      .max(1_000_000, 'must be at most 1,000,000')
      .optional(),
  }),
  /** One staff member's profile: their records and their STAFF-* results, read from their rows alone. */
  staffProfile: z.strictObject({ ref }),
  // list export (issue 13 item 4; services/views/listExport.ts)
  /**
   * Saves a list as the screen shows it as an XLSX workbook, through the save dialog: the staff
   * list, a person's CPD log or training (`staffRef`), the due list, the to-do list (the firm's,
   * or a person's with `staffRef`).
   */
  exportListToDialog: z.strictObject({
    list: z.enum(EXPORT_LISTS, { error: `must be one of ${EXPORT_LISTS.join(', ')}` }),
    staffRef: ref.optional(),
  }),
} satisfies Record<string, z.ZodType>;

export interface DashboardView {
  asOf: IsoDate;
  firmName: string;
  /** The firm's overall status: its own rules and every person's. */
  overall: OverallStatus;
  firm: { status: OverallStatus; rules: RuleResult[] };
  /** Every case manager's STAFF-* results, in ref order (the people-by-rule table). */
  staff: SubjectReport[];
  /** What lapses within the firm's warning window, soonest first (overdue re-vetting first). */
  due: { days: number; items: DueItemView[]; total: number };
}

export interface StaffProfileView {
  asOf: IsoDate;
  person: StaffSnapshot;
  report: SubjectReport;
}

export interface ScreensOutputs {
  dashboard: DashboardView;
  staffProfile: StaffProfileView;
  exportListToDialog: { path: string | null; rows: number };
}
