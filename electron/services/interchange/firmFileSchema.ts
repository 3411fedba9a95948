// The firm file (interchange.md, version 1) as a zod schema built from the domain model,
// so the file format and the vault can never disagree about a field.
import { z } from 'zod';
import { isoDate } from '../../contract/dates';
import {
  caseDetails,
  dbsCheck,
  decision,
  exemption,
  firmFileEvidence,
  firmSettings,
  fitnessCheck,
  instruction,
  peerReview,
  policy,
  policyAck,
  qualification,
  ref,
  registration,
  regulatory,
  staffDetails,
  staffIndemnity,
  supplierDetails,
  supplierDocument,
  supplierIndemnity,
  training,
  cpdEntry,
} from '../../contract/model';

const files = z.array(firmFileEvidence).optional();
const withEvidence = <T extends z.ZodObject>(s: T) => s.safeExtend({ evidence: files });

export const staffFileSchema = staffDetails.safeExtend({
  dbs: z.array(withEvidence(dbsCheck)).optional(),
  indemnity: z.array(withEvidence(staffIndemnity)).optional(),
  registrations: z.array(withEvidence(registration)).optional(),
  cpd: z.array(withEvidence(cpdEntry)).optional(),
  training: z.array(withEvidence(training)).optional(),
  peerReviews: z.array(withEvidence(peerReview)).optional(),
  exemptions: z.array(exemption).optional(),
  /** Version 2 (the engine's STAFF-POLICY-ACK): read already, so an export of a vault holding them imports again. */
  policyAcknowledgements: z.array(policyAck).optional(),
});
export const supplierFileSchema = supplierDetails.safeExtend({
  indemnity: z.array(withEvidence(supplierIndemnity)).optional(),
  qualifications: z.array(withEvidence(qualification)).optional(),
  dbs: z.array(withEvidence(dbsCheck)).optional(),
  regulatory: z.array(withEvidence(regulatory)).optional(),
  fitnessChecks: z.array(withEvidence(fitnessCheck)).optional(),
  decisions: z.array(withEvidence(decision)).optional(),
  exemptions: z.array(exemption).optional(),
  /** Caseproof extension to version 1: CV, certificates and other vetting files. */
  documents: z.array(withEvidence(supplierDocument)).optional(),
});
/** Caseproof extension to version 1: handovers travel with the case. */
export const handoverFileSchema = z.strictObject({
  on: isoDate,
  from: ref,
  to: ref,
  reason: z.string().trim().min(1, 'is required').max(1000),
  jointWorkingDays: z.number().int().min(0).optional(),
  clientInformed: z.boolean(),
  note: z.string().max(5000).optional(),
});
export const caseFileSchema = caseDetails.safeExtend({
  instructions: z.array(instruction).optional(),
  handovers: z.array(handoverFileSchema).optional(),
});
export const firmPartSchema = z.strictObject({
  name: z.string().trim().min(1, 'is required').max(200),
  address: z.string().trim().max(500).optional(),
  codeOfConductSignatory: z.boolean({ error: 'must be true or false' }),
  settings: firmSettings.optional(),
  policies: z.array(withEvidence(policy)).optional(),
});
export const firmFileSchema = z.strictObject({
  format: z.literal('caseproof-firm', { error: 'must be "caseproof-firm"' }),
  version: z.literal(1, { error: 'must be 1 (the only version this Caseproof reads)' }),
  firm: firmPartSchema.optional(),
  staff: z.array(staffFileSchema).optional(),
  suppliers: z.array(supplierFileSchema).optional(),
  cases: z.array(caseFileSchema).optional(),
});
export type FirmFile = z.infer<typeof firmFileSchema>;
export type StaffFile = z.infer<typeof staffFileSchema>;
export type SupplierFile = z.infer<typeof supplierFileSchema>;
export type CaseFile = z.infer<typeof caseFileSchema>;
