// Contract operations of one domain (issue 6): Word compliance packs, their register and the
// firm's pack template. Merged into the one contract in ../api.ts. Types and zod only.
import { z } from 'zod';
import type { OverallStatus, RuleStatus } from '../compliance';
import { isoDate } from '../dates';
import { PARTY_KINDS, ref } from '../model';

export const PACK_KINDS = ['staff', 'supplier', 'firm'] as const;
export type PackKind = (typeof PACK_KINDS)[number];

/** What each kind of pack is called, on its cover and in the register. */
export const PACK_TITLES: Record<PackKind, string> = {
  staff: 'Legal Panel evidence pack',
  supplier: 'Supplier vetting report',
  firm: 'Organisation compliance pack',
};

/** The parts of a pack a firm can leave out; every one defaults to included. */
export const PACK_OPTION_KEYS = ['includeReflections', 'includeEvidenceAppendix', 'embedImages', 'includeTraining', 'includeCaseload'] as const;
export type PackOptionKey = (typeof PACK_OPTION_KEYS)[number];
export const packOptions = z.strictObject({
  includeReflections: z.boolean().optional(),
  includeEvidenceAppendix: z.boolean().optional(),
  embedImages: z.boolean().optional(),
  includeTraining: z.boolean().optional(),
  includeCaseload: z.boolean().optional(),
});
export type PackOptionsInput = z.infer<typeof packOptions>;
export type ResolvedOptions = Record<PackOptionKey, boolean>;

export const packRecipient = z.strictObject({
  name: z.string().trim().min(1, 'is required').max(200, 'must be at most 200 characters'),
  kind: z.enum(PARTY_KINDS, { error: `must be one of ${PARTY_KINDS.join(', ')}` }).optional(),
});
export type PackRecipient = z.infer<typeof packRecipient>;

/** One pack to preview or generate: its kind, whose it is, the date it speaks for, who it is for and what it includes. */
export const packRequest = z
  .strictObject({
    kind: z.enum(PACK_KINDS, { error: 'must be staff, supplier or firm' }),
    ref: ref.optional(),
    asOf: isoDate,
    recipient: packRecipient.optional(),
    options: packOptions.optional(),
    /** Also save an evidence annex (a PDF of the cited files) beside the Word pack (generatePack only; issue 11). */
    annex: z.boolean().optional(),
  })
  .superRefine((r, ctx) => {
    if (r.kind !== 'firm' && !r.ref) {
      ctx.addIssue({ code: 'custom', path: ['ref'], message: r.kind === 'staff' ? 'is required: choose a case manager' : 'is required: choose a supplier' });
    }
    if (r.kind === 'firm' && r.ref) ctx.addIssue({ code: 'custom', path: ['ref'], message: 'must be left out for the organisation pack' });
  });
export type PackRequest = z.infer<typeof packRequest>;

// ---------- the firm template ----------
/** A logo may be at most this big (it is stored in the vault and drawn on every cover). */
export const MAX_LOGO_BYTES = 1024 * 1024;
export const LOGO_MEDIA_TYPES = ['image/png', 'image/jpeg'] as const;
export const HEX_COLOUR_RE = /^#?[0-9A-Fa-f]{6}$/;

/** The pack template's words and colour; the logo is chosen through a file dialog (pickLogo). */
export const templateSettings = z.strictObject({
  primaryColour: z.string().trim().regex(HEX_COLOUR_RE, 'must be six hex digits, such as 1F4E79').optional(),
  addressBlock: z.string().trim().max(600, 'must be at most 600 characters').optional(),
  footerText: z.string().trim().max(200, 'must be at most 200 characters').optional(),
});
export type TemplateSettings = z.infer<typeof templateSettings>;

/** The template as stored in the vault's firm row. */
export const storedTemplate = templateSettings.extend({
  logo: z
    .strictObject({
      mediaType: z.enum(LOGO_MEDIA_TYPES, { error: 'must be a PNG or JPEG image' }),
      base64: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64'),
      name: z.string().max(255).optional(),
    })
    .optional(),
});
export type StoredTemplate = z.infer<typeof storedTemplate>;

export interface TemplateView extends TemplateSettings {
  logo: { name?: string; mediaType: string; size: number; width: number; height: number; dataUrl: string } | null;
}

// ---------- what the operations return ----------
/** An instructing party a pack can be prepared for (from the cases' contacts). */
export interface PreviewItem {
  /** "1".."10", "F(i)", "A"... */
  item: string;
  question: string;
  /** null when no rule answers the item (the word says so). */
  status: RuleStatus | null;
  /** The word printed in the pack: Met, Not met, Due soon, Exempt, Not applicable, No evidence held... */
  word: string;
  reasons: string[];
  /** Evidence files the answer cites, e.g. "E2 pi.png". */
  files: string[];
}
export interface PackPreview {
  kind: PackKind;
  ref?: string;
  title: string;
  subjectName: string;
  asOf: string;
  recipient?: PackRecipient;
  overall: OverallStatus;
  groups: { title: string; items: PreviewItem[] }[];
  /** Items by their answer: `met` never counts an exemption or an item that does not apply; `other` has no result at all. */
  counts: { met: number; dueSoon: number; notMet: number; exempt: number; notApplicable: number; other: number };
  /** Evidence files the pack lists (and, with images embedded, draws). */
  evidenceFiles: number;
  images: number;
  /** CPD entries of the two years before the as-of date (staff packs). */
  cpdEntries?: number;
  suggestedFileName: string;
}

/** A row of the pack register. */
export interface PackEntry {
  id: number;
  kind: PackKind;
  title: string;
  subjectRef: string | null;
  /** The subject's name now; null when they are no longer in the vault. */
  subjectName: string | null;
  recipient: string | null;
  recipientKind?: string;
  asOf: string;
  options: ResolvedOptions;
  generatedBy: string;
  /** ISO timestamp (UTC). */
  generatedAt: string;
  fileName: string;
  sha256: string;
  /** SHA-256 of what the pack was built from, kept with the entry (packs made before that was kept have none). */
  inputSha256?: string;
}

export interface GeneratedPack {
  entry: PackEntry;
  path: string;
  /** The evidence annex saved beside the pack, when asked for (registered with the pack). */
  annex?: SavedAnnex;
}

/** An evidence annex as saved: where, its fingerprint, its pages, and how many files it could not include. */
export interface SavedAnnex {
  path: string;
  fileName: string;
  sha256: string;
  pages: number;
  files: number;
  notIncluded: number;
}

export interface RegeneratedPack {
  /** The register entry rebuilt. */
  original: PackEntry;
  sha256: string;
  /** True when the rebuilt file is byte for byte the one registered. */
  same: boolean;
  /** Why it differs, in words (empty when the same). */
  changes: string[];
  /** What has changed in the records since the pack was made (empty: nothing), for its own as-of date. */
  since?: string[];
  /** Where the copy was saved; null when only checked. */
  path: string | null;
  /** "As sent" of a pack registered with an evidence annex: the annex rebuilt byte for byte, saved beside it. */
  annex?: SavedAnnex;
  /** A new register entry, made when a different file was saved. */
  entry: PackEntry | null;
}

/** A file checked against the register may be at most this big (a pack with its images drawn, or an annex, runs to tens of MB). */
export const MAX_CHECKED_FILE_BYTES = 100 * 1024 * 1024;
const BASE64_RE = /^[A-Za-z0-9+/]*={0,2}$/;
const quoted = (v: unknown) => (typeof v === 'string' ? `"${v.length > 40 ? `${v.slice(0, 40)}…` : v}"` : (JSON.stringify(v) ?? String(v)));

/** A file the person picked, to check against the register (verifyPackFile): its name and its bytes in base64. */
export const checkedFile = z.strictObject({
  name: z
    .string({ error: (iss) => (iss.input === undefined ? 'is required' : `must be the file's name as text, not ${quoted(iss.input)}`) })
    .trim()
    .min(1, 'is required')
    .max(255, 'must be at most 255 characters'),
  base64: z
    .string({ error: (iss) => (iss.input === undefined ? 'is required' : `must be the file's bytes in base64, not ${quoted(iss.input)}`) })
    .max(Math.ceil(MAX_CHECKED_FILE_BYTES / 3) * 4, `must be at most ${MAX_CHECKED_FILE_BYTES / 1024 / 1024} MB of file`)
    .refine((b) => BASE64_RE.test(b) && b.length % 4 === 0, { error: (iss) => `must be base64 (A-Z, a-z, 0-9, + and /), not ${quoted(iss.input)}` }),
});

/** What checking a file against the register found: one outcome, its sentence, and the entry it is (or names). */
export type PackFileOutcome = 'pack' | 'annex' | 'changed' | 'not-registered' | 'not-a-pack-file';
export interface PackFileCheck {
  fileName: string;
  sha256: string;
  outcome: PackFileOutcome;
  /** True only for a registered pack or annex whose bytes are exactly as registered. */
  unchanged: boolean;
  /** The pack the file is (or whose annex it is), or the one a changed file names; null otherwise. */
  entry: PackEntry | null;
  /** For an annex: its pages and how many evidence files it carries. */
  annex?: { pages: number; files: number };
  /** Parts of a changed Word file that differ from the pack as registered (when it could be rebuilt). */
  changedParts: string[];
  /** The verdict in words, the same sentence `caseproof pack verify` prints. */
  sentence: string;
}

const none = z.strictObject({});

export const packsInputs = {
  previewPack: packRequest,
  generatePack: packRequest,
  showPackInFolder: z.strictObject({ path: z.string().min(1, 'is required') }),
  listPacks: none,
  regeneratePack: z.strictObject({ id: z.number().int().positive(), save: z.boolean() }),
  /** "Check" (save: false) and "As sent" (save: true): pack `id` rebuilt byte for byte from what it was built from. */
  reproducePack: z.strictObject({ id: z.number().int().positive(), save: z.boolean() }),
  /** "Check a pack file": is this file a pack (or an evidence annex) this vault registered, unchanged? */
  verifyPackFile: checkedFile,
  getTemplate: none,
  updateTemplate: templateSettings,
  pickLogo: none,
  removeLogo: none,
} satisfies Record<string, z.ZodType>;

export interface PacksOutputs {
  previewPack: PackPreview;
  /** null when the save dialog was cancelled (nothing written or registered). */
  generatePack: GeneratedPack | null;
  showPackInFolder: null;
  listPacks: PackEntry[];
  /** "With today's records": null when the save dialog was cancelled. */
  regeneratePack: RegeneratedPack | null;
  /** null when the save dialog was cancelled. */
  reproducePack: RegeneratedPack | null;
  verifyPackFile: PackFileCheck;
  getTemplate: TemplateView;
  updateTemplate: TemplateView;
  pickLogo: TemplateView;
  removeLogo: TemplateView;
}
