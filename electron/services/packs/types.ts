// Inputs of the Word packs. Everything is plain data: the packs never read the vault themselves,
// they are given the snapshot, the compliance report for the same date and a way to read a file's bytes.
import type { ComplianceReport } from '../../contract/compliance';
import type { IsoDate } from '../../contract/dates';
import type { FirmSnapshot } from '../../contract/model';

/** What a pack includes; every field is optional and defaults as shown. */
export interface PackOptions {
  /** The case manager's own reflections beside each CPD entry (default true). */
  includeReflections?: boolean;
  /** A closing appendix listing every evidence file with its SHA-256 fingerprint (default true). */
  includeEvidenceAppendix?: boolean;
  /** PNG, JPEG and GIF evidence drawn into the appendix (default true; needs the appendix). */
  embedImages?: boolean;
  /** The mandatory training section (default true). */
  includeTraining?: boolean;
  /** The caseload section (default true). */
  includeCaseload?: boolean;
}
export type ResolvedPackOptions = Required<PackOptions>;

export const DEFAULT_PACK_OPTIONS: ResolvedPackOptions = {
  includeReflections: true,
  includeEvidenceAppendix: true,
  embedImages: true,
  includeTraining: true,
  includeCaseload: true,
};

export function resolveOptions(options: PackOptions | undefined): ResolvedPackOptions {
  const out = { ...DEFAULT_PACK_OPTIONS };
  for (const key of Object.keys(out) as (keyof ResolvedPackOptions)[]) {
    const v = options?.[key];
    if (v !== undefined) out[key] = v;
  }
  return out;
}

/** The firm's look: an optional logo, a primary colour and the words in the address block and footer. */
export interface FirmTemplate {
  logo?: { mediaType: 'image/png' | 'image/jpeg'; base64: string };
  /** Six hex digits, with or without a leading '#', e.g. '1F4E79'. */
  primaryColour?: string;
  /** Shown under the firm name on the cover; lines separated by newlines. Defaults to the firm's address. */
  addressBlock?: string;
  /** A line at the foot of every page, e.g. the firm's registered office. */
  footerText?: string;
}

/** Who the pack is prepared for, e.g. { name: 'Fenwick Law', kind: 'solicitor' }. */
export interface Recipient {
  name: string;
  kind?: string;
}

/** Returns the stored bytes of an evidence file (EvidenceMeta.id). */
export type ReadEvidence = (evidenceId: number) => Uint8Array | Promise<Uint8Array>;

/** The pack's register entry, printed in its footer and core properties (packService.ts reserves it before building). */
export interface PackStamp {
  /** The register id the pack will have. */
  id: number;
  /** When it was made (the clock's stamp, UTC): the document's created and modified dates. */
  generatedAt: string;
}

export interface PackInput {
  snapshot: FirmSnapshot;
  /** The compliance report for the same snapshot and date (engine `evaluate(snapshot, asOf)`). */
  report: ComplianceReport;
  asOf: IsoDate;
  recipient?: Recipient;
  options?: PackOptions;
  template?: FirmTemplate;
  readEvidence: ReadEvidence;
  /** The register entry the pack is made as; without it (tests of layout alone) the as-of date stands in. */
  register?: PackStamp;
}
export interface StaffPackInput extends PackInput {
  staffRef: string;
}
export interface SupplierPackInput extends PackInput {
  supplierRef: string;
}
export type FirmPackInput = PackInput;
