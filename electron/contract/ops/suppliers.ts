// Contract operations of one domain (issue 4): supplier vetting files (MTSP Governance A-F),
// vetting decisions and re-vetting, and the suppliers' own details. Merged into the one contract in ../api.ts.
import { z } from 'zod';
import type { OverallStatus, SubjectReport } from '../compliance';
import type { IsoDate } from '../dates';
import type { EvidenceMeta, SupplierSnapshot } from '../model';
import { decision, ref, SUPPLIER_DOCUMENT_TOPICS, supplierDetails } from '../model';
import type { FirmView, StoredRecord, SupplierSummary } from '../views';

const money = z.number({ error: 'must be a number' }).refine((n) => Number.isFinite(n) && n > 0, { message: 'must be a positive number of pounds' });
const serviceName = z.string().trim().min(1, 'is required').max(120, 'must be at most 120 characters');
const topic = z.enum(SUPPLIER_DOCUMENT_TOPICS, { error: `must be one of ${SUPPLIER_DOCUMENT_TOPICS.join(', ')}` });

/**
 * A vetting decision as the decision panel records it: stricter than the stored record
 * (which also has to accept older firm files). Approvals need a next review date after the
 * decision date; an approval with conditions needs the conditions, a rejection its reason.
 */
export const decisionInput = z.strictObject({ ref, ...decision.shape }).superRefine((d, c) => {
  const note = d.note?.trim() ?? '';
  if (d.decision === 'conditional' && !note) c.addIssue({ code: 'custom', path: ['note'], message: 'is required: write the conditions of the approval' });
  if (d.decision === 'rejected' && !note) c.addIssue({ code: 'custom', path: ['note'], message: 'is required: say why the supplier was not approved' });
  if (d.decision !== 'rejected') {
    if (!d.nextReviewOn) c.addIssue({ code: 'custom', path: ['nextReviewOn'], message: 'is required for an approval' });
    else if (d.nextReviewOn <= d.on) c.addIssue({ code: 'custom', path: ['nextReviewOn'], message: 'must be after the decision date' });
  }
});
export type DecisionInput = z.infer<typeof decisionInput>;

export const suppliersInputs = {
  // The supplier's own details.
  listSuppliers: z.strictObject({}),
  getSupplier: z.strictObject({ ref }),
  createSupplier: supplierDetails,
  updateSupplier: z.strictObject({ ref, details: supplierDetails }),
  // Its vetting file.
  /** Every supplier with its overall SUP status, vetting state and next review date. */
  supplierList: z.strictObject({}),
  /** One supplier's whole vetting file: details, records, rule results, vetting state. */
  supplierFile: z.strictObject({ ref }),
  recordSupplierDecision: decisionInput,
  /** Attaches a file to a part of the vetting file that has no record of its own (CV...). */
  attachSupplierDocument: z.strictObject({ ref, topic, name: z.string().min(1, 'is required'), base64: z.string() }),
  attachSupplierDocumentFromDialog: z.strictObject({ ref, topic }),
  /** Replaces the minimum indemnity settings for suppliers: the default and per service. */
  setSupplierIndemnityMinimums: z.strictObject({ defaultGBP: money, byService: z.record(serviceName, money) }),
} satisfies Record<string, z.ZodType>;

/** Where a supplier stands with the firm, in one word or phrase (shown with a colour). */
export const VETTING_STATES = ['approved', 'conditional', 'needs-revetting', 'rejected', 'not-vetted'] as const;
export type VettingState = (typeof VETTING_STATES)[number];
export const VETTING_WORDS: Record<VettingState, string> = {
  approved: 'Approved',
  conditional: 'Approved with conditions',
  'needs-revetting': 'Needs re-vetting',
  rejected: 'Not approved',
  'not-vetted': 'Not yet vetted',
};

export interface SupplierVetting {
  state: VettingState;
  /** One line saying why (the decision used, or what lapsed). */
  reason: string;
  /** The date of the decision in force, if any. */
  decidedOn?: IsoDate;
  /** The next review date of the decision in force, if any. */
  nextReviewOn?: IsoDate;
}

export interface SupplierListItem extends SupplierSummary {
  /** Overall SUP-* status (the most severe of its rules). */
  status: OverallStatus;
  vetting: SupplierVetting;
}

export interface SupplierFileView {
  asOf: IsoDate;
  /** Who is using the app: the default "decided by". */
  user: string;
  supplier: SupplierSnapshot & { documents: NonNullable<SupplierSnapshot['documents']> };
  report: SubjectReport;
  vetting: SupplierVetting;
  /** The indemnity this supplier needs, and the service that sets it (absent: the firm default). */
  indemnityMin: { minGBP: number; service?: string };
  /** Services to offer in the details form: the usual ones and every one the firm has typed. */
  knownServices: string[];
}

export interface SuppliersOutputs {
  listSuppliers: SupplierSummary[];
  getSupplier: SupplierSnapshot;
  createSupplier: SupplierSummary;
  updateSupplier: SupplierSummary;
  supplierList: SupplierListItem[];
  supplierFile: SupplierFileView;
  recordSupplierDecision: StoredRecord;
  attachSupplierDocument: EvidenceMeta;
  attachSupplierDocumentFromDialog: EvidenceMeta[];
  setSupplierIndemnityMinimums: FirmView;
}
