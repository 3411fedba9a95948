// The vault's tables (drizzle): the source of the ORM's types. The tables themselves are
// made by the migrations in db/migrations (a test proves they agree with this file; see
// db/migrations/README.md for changing a table). Evidence records of every kind share one
// table: their payload is JSON validated by the zod schema of its kind
// (electron/contract/model.ts) on the way in and on the way out, so a new kind of evidence
// needs no migration. Things that are filtered or joined on (people, suppliers, cases) have
// real columns and indexes.
import { sql } from 'drizzle-orm';
import { blob, index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

// The default's 'now' is the vault's clock, not the computer's: a vault connection answers
// strftime(format, 'now') from the clock it acts on (db/sqlClock.ts), so the same expression,
// written by drizzle into every insert that leaves these out, stamps rows with the one clock.
const timestamps = {
  createdAt: text('created_at')
    .notNull()
    .default(sql`(strftime('%Y-%m-%dT%H:%M:%SZ','now'))`),
  updatedAt: text('updated_at')
    .notNull()
    .default(sql`(strftime('%Y-%m-%dT%H:%M:%SZ','now'))`),
};

export const firm = sqliteTable('firm', {
  id: integer('id').primaryKey(),
  name: text('name').notNull(),
  address: text('address'),
  codeOfConductSignatory: integer('code_of_conduct_signatory', { mode: 'boolean' }).notNull().default(false),
  settings: text('settings', { mode: 'json' })
    .notNull()
    .$type<Record<string, unknown>>()
    .default(sql`'{}'`),
  template: text('template', { mode: 'json' })
    .notNull()
    .$type<Record<string, unknown>>()
    .default(sql`'{}'`),
  ...timestamps,
});

export const staff = sqliteTable(
  'staff',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    ref: text('ref').notNull(),
    name: text('name').notNull(),
    role: text('role'),
    profession: text('profession'),
    employment: text('employment'),
    solePractitioner: integer('sole_practitioner', { mode: 'boolean' }),
    soleWorkingSafeguards: text('sole_working_safeguards'),
    caseManagementSince: text('case_management_since'),
    qualifiedOn: text('qualified_on'),
    daysPerWeek: real('days_per_week'),
    ...timestamps,
  },
  (t) => [uniqueIndex('staff_ref_unique').on(t.ref)],
);

export const suppliers = sqliteTable(
  'suppliers',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    ref: text('ref').notNull(),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    services: text('services', { mode: 'json' }).notNull().$type<string[]>(),
    soleTrader: integer('sole_trader', { mode: 'boolean' }),
    safeguardsNote: text('safeguards_note'),
    worksWithClients: integer('works_with_clients', { mode: 'boolean' }),
    cvOnFile: integer('cv_on_file', { mode: 'boolean' }),
    safeguardingOn: text('safeguarding_on'),
    serviceArea: text('service_area'),
    acceptanceCriteria: text('acceptance_criteria'),
    evidenceBase: text('evidence_base'),
    contact: text('contact'),
    ...timestamps,
  },
  (t) => [uniqueIndex('suppliers_ref_unique').on(t.ref)],
);

/** Evidence records of every kind; owned by a staff member, a supplier, or the firm (both null). */
export const records = sqliteTable(
  'records',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    staffId: integer('staff_id').references(() => staff.id, { onDelete: 'cascade' }),
    supplierId: integer('supplier_id').references(() => suppliers.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    /**
     * The payload as JSON text. Deliberately not drizzle's JSON mode: it is parsed, upgraded
     * and validated only by electron/services/evidence/payloads.ts (readPayload).
     */
    data: text('data').notNull(),
    /** The version of the kind's payload shape `data` was written in (see evidence/payloads.ts). */
    dataVersion: integer('data_version').notNull(),
    ...timestamps,
  },
  (t) => [
    index('records_staff_idx').on(t.staffId, t.kind),
    index('records_supplier_idx').on(t.supplierId, t.kind),
    // A person's record found by its exact stored payload (migration 0012): the spreadsheet
    // importer's duplicate check looks each row up here instead of reading everyone's records.
    index('records_content_idx').on(t.staffId, t.kind, t.data),
  ],
);

/** Evidence files' metadata; their bytes are in evidence_contents, so listing files never reads them. */
export const evidenceFiles = sqliteTable(
  'evidence_files',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    recordId: integer('record_id')
      .notNull()
      .references(() => records.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    mediaType: text('media_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    addedBy: text('added_by').notNull(),
    addedAt: text('added_at').notNull(),
    /** A DBS certificate copy destroyed on purpose (migration 0007): the content row is gone; these say when, who, why. */
    destroyedOn: text('destroyed_on'),
    destroyedBy: text('destroyed_by'),
    destroyedWhy: text('destroyed_why'),
  },
  (t) => [index('evidence_record_idx').on(t.recordId)],
);

/** The bytes of each evidence file, inside the encrypted vault, never beside it. */
export const evidenceContents = sqliteTable('evidence_contents', {
  fileId: integer('file_id')
    .primaryKey()
    .references(() => evidenceFiles.id, { onDelete: 'cascade' }),
  content: blob('content', { mode: 'buffer' }).notNull(),
});

/** Instructing parties (solicitors, insurers, deputies...), reused across cases. */
export const contacts = sqliteTable(
  'contacts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    contact: text('contact'),
    ...timestamps,
  },
  (t) => [uniqueIndex('contacts_name_kind_unique').on(t.name, t.kind)],
);

export const cases = sqliteTable(
  'cases',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    ref: text('ref').notNull(),
    initials: text('initials'),
    caseManagerId: integer('case_manager_id')
      .notNull()
      .references(() => staff.id, { onDelete: 'restrict' }),
    contactId: integer('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'restrict' }),
    funding: text('funding'),
    injury: text('injury'),
    complexity: text('complexity'),
    status: text('status').notNull(),
    closedReason: text('closed_reason'),
    referredOn: text('referred_on'),
    openedOn: text('opened_on'),
    closedOn: text('closed_on'),
    /** Standard-practice checklist dates and flags (caseDetails fields not listed above). */
    practice: text('practice', { mode: 'json' })
      .notNull()
      .$type<Record<string, unknown>>()
      .default(sql`'{}'`),
    /**
     * The case journey (migration 0008): the caseJourney fields of electron/contract/model.ts
     * (status history, goals, plan and risk reviews, incidents, follow-up consent and contacts,
     * outcome, feedback) as JSON, read and checked only through services/cases/journey.ts.
     */
    journey: text('journey', { mode: 'json' })
      .notNull()
      .$type<Record<string, unknown>>()
      .default(sql`'{}'`),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('cases_ref_unique').on(t.ref),
    index('cases_manager_idx').on(t.caseManagerId, t.status),
    index('cases_contact_idx').on(t.contactId),
    index('cases_status_idx').on(t.status),
  ],
);

export const caseInstructions = sqliteTable(
  'case_instructions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    supplierId: integer('supplier_id')
      .notNull()
      .references(() => suppliers.id, { onDelete: 'restrict' }),
    on: text('on').notNull(),
    service: text('service'),
    overrideReason: text('override_reason'),
    /** The supplier's invoices on this instruction (migration 0008): JSON array of `invoice`. */
    invoices: text('invoices', { mode: 'json' })
      .notNull()
      .$type<Record<string, unknown>[]>()
      .default(sql`'[]'`),
    ...timestamps,
  },
  (t) => [index('instructions_case_idx').on(t.caseId), index('instructions_supplier_idx').on(t.supplierId)],
);

export const caseHandovers = sqliteTable(
  'case_handovers',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    on: text('on').notNull(),
    fromStaffId: integer('from_staff_id')
      .notNull()
      .references(() => staff.id, { onDelete: 'restrict' }),
    toStaffId: integer('to_staff_id')
      .notNull()
      .references(() => staff.id, { onDelete: 'restrict' }),
    reason: text('reason').notNull(),
    jointWorkingDays: integer('joint_working_days'),
    clientInformed: integer('client_informed', { mode: 'boolean' }).notNull(),
    note: text('note'),
    ...timestamps,
  },
  (t) => [index('handovers_case_idx').on(t.caseId)],
);

/** The pack register: every generated Word pack, so the firm can prove what it sent. */
export const packs = sqliteTable('packs', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  kind: text('kind').notNull(),
  subjectRef: text('subject_ref'),
  recipient: text('recipient'),
  asOf: text('as_of').notNull(),
  options: text('options', { mode: 'json' }).notNull().$type<Record<string, unknown>>(),
  generatedBy: text('generated_by').notNull(),
  generatedAt: text('generated_at').notNull(),
  fileName: text('file_name').notNull(),
  sha256: text('sha256').notNull(),
});

// --- What each registered pack was built from (migration 0009; electron/services/packs/sources.ts) ---

/** The exact input a pack's builder read (gzip of its JSON), so `pack reproduce` rebuilds it byte for byte. */
export const packSources = sqliteTable('pack_sources', {
  packId: integer('pack_id')
    .primaryKey()
    .references(() => packs.id),
  /** The source's shape (sources.ts SOURCE_FORMAT). */
  format: integer('format').notNull(),
  /** SHA-256 of the source's JSON: the pack's input fingerprint. */
  sha256: text('sha256').notNull(),
  content: blob('content', { mode: 'buffer' }).notNull(),
});

// --- Backups and key slots (migration 0006; electron/services/vault/backups.ts) ---

/** Every verified backup made of this vault (Back up now, a scheduled one, the CLI): the Dashboard shows the last. */
export const backups = sqliteTable('backups', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  /** When the copy had been verified, UTC (`YYYY-MM-DDTHH:MM:SSZ`, the clock's stamp). */
  madeAt: text('made_at').notNull(),
  /** Where it was written (a path on the computer that made it). */
  file: text('file').notNull(),
  bytes: integer('bytes').notNull(),
  /** 'now' (Back up now), 'scheduled', or 'cli'. */
  kind: text('kind').notNull(),
  /** True when the copy opens with the backup passphrase rather than the vault's. */
  ownPassphrase: integer('own_passphrase', { mode: 'boolean' }).notNull(),
});

/**
 * Keys kept inside the encrypted vault, by name: 'backup' (the derived key of the separate
 * backup passphrase, so scheduled backups need nobody to type it) and 'recovery' (the key
 * that wraps the vault key in the recovery file). Readable only by whoever can open the vault.
 */
export const vaultKeys = sqliteTable('vault_keys', {
  name: text('name').primaryKey(),
  value: text('value').notNull(),
  updatedAt: text('updated_at').notNull(),
});

/**
 * How many times each part of the vault has changed (kept by triggers: db/migrations/
 * 0004_change_counts.ts), so screens can reuse their work for what has not changed.
 */
export const changeCounts = sqliteTable('change_counts', {
  scope: text('scope').primaryKey(),
  n: integer('n').notNull(),
});

/**
 * The audit trail (db/audit.ts): one entry per change or event, append-only (triggers refuse
 * UPDATE and DELETE), each carrying the hash of the entry before it. Whom an entry is about is
 * indexed beside it, in audit_subjects (migration 0017; 0014's index on this table is gone).
 */
export const auditLog = sqliteTable('audit_log', {
  seq: integer('seq').primaryKey(),
  at: text('at').notNull(),
  who: text('who').notNull(),
  action: text('action').notNull(),
  tbl: text('tbl'),
  rowId: integer('row_id'),
  subjectKind: text('subject_kind'),
  subjectId: integer('subject_id'),
  subjectRef: text('subject_ref'),
  beforeHash: text('before_hash'),
  afterHash: text('after_hash'),
  prevHash: text('prev_hash').notNull(),
  hash: text('hash').notNull(),
  /** The row's or event's values before and after (migration 0016; audit_values until then): erasable past retention, the chain covers their hashes. */
  before: text('before'),
  after: text('after'),
  /** True once the values were erased past retention (the entry itself stays). */
  erased: integer('erased').notNull().default(0),
});

/**
 * Whom each entry is about (migration 0015 for bulk entries, 0017 for every entry; db/audit.ts):
 * one row per subject whose rows a bulk write added, against the write's one entry, and one per
 * entry about a subject of its own, written in batches (SUBJECT_BATCH), so their history finds them.
 */
export const auditSubjects = sqliteTable(
  'audit_subjects',
  {
    kind: text('kind').notNull(),
    id: integer('id').notNull(),
    seq: integer('seq').notNull(),
    ref: text('ref'),
  },
  (t) => [index('audit_subjects_subject_idx').on(t.kind, t.id)],
);

// --- Evidence annexes (migration 0010; electron/services/packs/annexService.ts) ---

/**
 * The evidence annex (a PDF) saved beside a registered pack: its own SHA-256, so `pack verify`
 * recognises the annex as well as the pack, and where each evidence file is in it.
 */
export const packAnnexes = sqliteTable('pack_annexes', {
  packId: integer('pack_id')
    .primaryKey()
    .references(() => packs.id),
  fileName: text('file_name').notNull(),
  sha256: text('sha256').notNull(),
  pages: integer('pages').notNull(),
  /** Each file: ref, name, sha256, how it is carried and its page range (AnnexEntry[]). */
  files: text('files', { mode: 'json' }).notNull().$type<Record<string, unknown>[]>(),
});
