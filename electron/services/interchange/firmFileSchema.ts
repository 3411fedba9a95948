// The firm file (interchange.md, versions 1 and 2) as a zod schema built from the domain model,
// so the file format and the vault can never disagree about a field. Caseproof writes version 2
// and reads both: a version-1 file is read as version 2 (its exemptions' missing expiry is the
// default, 12 months after the grant, applied on import as the exemption form applies it).
// Checks across fields and records are not here but in contract/crossChecks.ts and the import,
// which run beside this schema so that every problem of a file is reported in one pass.
import { z } from 'zod';
import { isoDate } from '../../contract/dates';
import {
  caseDetails,
  caseJourney,
  dbsCheck,
  decision,
  exemption,
  firmFileEvidence,
  firmSettings,
  fitnessCheck,
  instruction,
  invoice,
  peerReview,
  policy,
  policyAck,
  outsideCaseload,
  qualification,
  ref,
  registration,
  regulatory,
  staffDetails,
  staffIndemnity,
  supplierDetails,
  SUPPLIER_DOCUMENT_TOPICS,
  supplierIndemnity,
  training,
  cpdEntry,
} from '../../contract/model';

/** The versions this Caseproof reads; it writes the last. */
export const FIRM_FILE_VERSIONS = [1, 2] as const;
export const FIRM_FILE_VERSION = 2;

// ---- File entries: content, or (v2) the destroyed-copy variant { name, mediaType, sha256,
// destroyedOn, destroyedBy?, why } (model.ts firmFileEvidence; DBS copies, electron/services/evidence/dbsCopies.ts).
const fileEntry = firmFileEvidence;
const files = z.array(fileEntry).optional();
const withEvidence = <T extends z.ZodObject>(s: T) => s.safeExtend({ evidence: files });

export const staffFileSchema = staffDetails.safeExtend({
  dbs: z.array(withEvidence(dbsCheck)).optional(),
  indemnity: z.array(withEvidence(staffIndemnity)).optional(),
  registrations: z.array(withEvidence(registration)).optional(),
  cpd: z.array(withEvidence(cpdEntry)).optional(),
  training: z.array(withEvidence(training)).optional(),
  peerReviews: z.array(withEvidence(peerReview)).optional(),
  exemptions: z.array(exemption).optional(),
  policyAcknowledgements: z.array(policyAck).optional(),
  /** Cases held outside the firm (a Caseproof addition to version 2, written only when there are some; README "Cases held elsewhere"). */
  outsideCaseload: z.array(withEvidence(outsideCaseload)).optional(),
});

/** Default titles for a supplier document that arrives without one (the vault names every document). */
export const DOCUMENT_TITLES: Record<(typeof SUPPLIER_DOCUMENT_TOPICS)[number], string> = {
  cv: 'CV',
  safeguarding: 'Safeguarding certificate',
  coverage: 'Service description or referral criteria',
  'sole-practitioner': 'Safeguards for working alone',
  'evidence-base': 'Evidence base',
};
/**
 * A supplier's document as interchange.md writes it: `{ kind, title?, evidence? }`. Files written
 * by earlier Caseproofs called `kind` `topic`; both are read. Stored as the vault's supplierDocument.
 */
const documentTopic = z.enum(SUPPLIER_DOCUMENT_TOPICS, { error: `must be one of ${SUPPLIER_DOCUMENT_TOPICS.join(', ')}` });
const supplierDocumentFile = z
  .strictObject({
    kind: documentTopic.optional(),
    /** What Caseproof's earlier exports called `kind`; an error names the field the file used. */
    topic: documentTopic.optional(),
    title: z.string().trim().min(1, 'is required').max(200, 'must be at most 200 characters').optional(),
    evidence: files,
  })
  .superRefine((d, ctx) => {
    if (!d.kind && !d.topic) ctx.addIssue({ code: 'custom', path: ['kind'], message: 'is required' });
  })
  .transform(({ kind, topic, title, evidence }) => {
    const t = (kind ?? topic)!;
    return { topic: t, title: title ?? DOCUMENT_TITLES[t], ...(evidence ? { evidence } : {}) };
  });

export const supplierFileSchema = supplierDetails.safeExtend({
  indemnity: z.array(withEvidence(supplierIndemnity)).optional(),
  qualifications: z.array(withEvidence(qualification)).optional(),
  dbs: z.array(withEvidence(dbsCheck)).optional(),
  regulatory: z.array(withEvidence(regulatory)).optional(),
  fitnessChecks: z.array(withEvidence(fitnessCheck)).optional(),
  decisions: z.array(withEvidence(decision)).optional(),
  exemptions: z.array(exemption).optional(),
  documents: z.array(supplierDocumentFile).optional(),
});
export const handoverFileSchema = z.strictObject({
  on: isoDate,
  from: ref,
  to: ref,
  reason: z.string().trim().min(1, 'is required').max(1000),
  jointWorkingDays: z.number().int().min(0).optional(),
  clientInformed: z.boolean(),
  note: z.string().max(5000).optional(),
});
export const instructionFileSchema = instruction.safeExtend({ invoices: z.array(invoice).optional() });
export const caseFileSchema = caseDetails.safeExtend({
  ...caseJourney.shape,
  instructions: z.array(instructionFileSchema).optional(),
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
  version: z.literal(FIRM_FILE_VERSIONS, { error: 'must be 1 or 2 (the versions this Caseproof reads)' }),
  firm: firmPartSchema.optional(),
  staff: z.array(staffFileSchema).optional(),
  suppliers: z.array(supplierFileSchema).optional(),
  cases: z.array(caseFileSchema).optional(),
});
export type FirmFile = z.infer<typeof firmFileSchema>;
/** What the writer produces (supplier documents carry `kind`, as the file spells it). */
export type FirmFileOut = Omit<FirmFile, 'suppliers'> & {
  suppliers?: (Omit<SupplierFile, 'documents'> & { documents?: z.input<typeof supplierDocumentFile>[] })[];
};
export type StaffFile = z.infer<typeof staffFileSchema>;
export type SupplierFile = z.infer<typeof supplierFileSchema>;
export type CaseFile = z.infer<typeof caseFileSchema>;
