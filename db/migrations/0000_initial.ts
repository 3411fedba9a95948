// Data version 1: the first schema, as drizzle-kit generated it from db/schema.ts for the
// first release (identifiers quoted with " where drizzle wrote backticks; the same tables,
// columns, keys and indexes: tests/unit/migrations.test.ts compares the two). Every vault
// made before data version 2 was created by exactly this. Never edit a shipped migration.
import type { Migration } from '../migrate';

export const initial: Migration = {
  name: '0000_initial',
  up(db) {
    db.exec(SQL);
  },
};

const SQL = `
CREATE TABLE "case_handovers" (
  "id" integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  "case_id" integer NOT NULL,
  "on" text NOT NULL,
  "from_staff_id" integer NOT NULL,
  "to_staff_id" integer NOT NULL,
  "reason" text NOT NULL,
  "joint_working_days" integer,
  "client_informed" integer NOT NULL,
  "note" text,
  "created_at" text DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')) NOT NULL,
  "updated_at" text DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')) NOT NULL,
  FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON UPDATE no action ON DELETE cascade,
  FOREIGN KEY ("from_staff_id") REFERENCES "staff"("id") ON UPDATE no action ON DELETE restrict,
  FOREIGN KEY ("to_staff_id") REFERENCES "staff"("id") ON UPDATE no action ON DELETE restrict
);

CREATE INDEX "handovers_case_idx" ON "case_handovers" ("case_id");

CREATE TABLE "case_instructions" (
  "id" integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  "case_id" integer NOT NULL,
  "supplier_id" integer NOT NULL,
  "on" text NOT NULL,
  "service" text,
  "override_reason" text,
  "created_at" text DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')) NOT NULL,
  "updated_at" text DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')) NOT NULL,
  FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON UPDATE no action ON DELETE cascade,
  FOREIGN KEY ("supplier_id") REFERENCES "suppliers"("id") ON UPDATE no action ON DELETE restrict
);

CREATE INDEX "instructions_case_idx" ON "case_instructions" ("case_id");

CREATE INDEX "instructions_supplier_idx" ON "case_instructions" ("supplier_id");

CREATE TABLE "cases" (
  "id" integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  "ref" text NOT NULL,
  "initials" text,
  "case_manager_id" integer NOT NULL,
  "contact_id" integer NOT NULL,
  "funding" text,
  "injury" text,
  "complexity" text,
  "status" text NOT NULL,
  "closed_reason" text,
  "referred_on" text,
  "opened_on" text,
  "closed_on" text,
  "practice" text DEFAULT '{}' NOT NULL,
  "created_at" text DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')) NOT NULL,
  "updated_at" text DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')) NOT NULL,
  FOREIGN KEY ("case_manager_id") REFERENCES "staff"("id") ON UPDATE no action ON DELETE restrict,
  FOREIGN KEY ("contact_id") REFERENCES "contacts"("id") ON UPDATE no action ON DELETE restrict
);

CREATE UNIQUE INDEX "cases_ref_unique" ON "cases" ("ref");

CREATE INDEX "cases_manager_idx" ON "cases" ("case_manager_id","status");

CREATE INDEX "cases_contact_idx" ON "cases" ("contact_id");

CREATE INDEX "cases_status_idx" ON "cases" ("status");

CREATE TABLE "contacts" (
  "id" integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  "name" text NOT NULL,
  "kind" text NOT NULL,
  "contact" text,
  "created_at" text DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')) NOT NULL,
  "updated_at" text DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')) NOT NULL
);

CREATE UNIQUE INDEX "contacts_name_kind_unique" ON "contacts" ("name","kind");

CREATE TABLE "evidence_files" (
  "id" integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  "record_id" integer NOT NULL,
  "name" text NOT NULL,
  "media_type" text NOT NULL,
  "size" integer NOT NULL,
  "sha256" text NOT NULL,
  "content" blob NOT NULL,
  "added_by" text NOT NULL,
  "added_at" text NOT NULL,
  FOREIGN KEY ("record_id") REFERENCES "records"("id") ON UPDATE no action ON DELETE cascade
);

CREATE INDEX "evidence_record_idx" ON "evidence_files" ("record_id");

CREATE TABLE "firm" (
  "id" integer PRIMARY KEY NOT NULL,
  "name" text NOT NULL,
  "address" text,
  "code_of_conduct_signatory" integer DEFAULT false NOT NULL,
  "settings" text DEFAULT '{}' NOT NULL,
  "template" text DEFAULT '{}' NOT NULL,
  "created_at" text DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')) NOT NULL,
  "updated_at" text DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')) NOT NULL
);

CREATE TABLE "packs" (
  "id" integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  "kind" text NOT NULL,
  "subject_ref" text,
  "recipient" text,
  "as_of" text NOT NULL,
  "options" text NOT NULL,
  "generated_by" text NOT NULL,
  "generated_at" text NOT NULL,
  "file_name" text NOT NULL,
  "sha256" text NOT NULL
);

CREATE TABLE "records" (
  "id" integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  "staff_id" integer,
  "supplier_id" integer,
  "kind" text NOT NULL,
  "data" text NOT NULL,
  "created_at" text DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')) NOT NULL,
  "updated_at" text DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')) NOT NULL,
  FOREIGN KEY ("staff_id") REFERENCES "staff"("id") ON UPDATE no action ON DELETE cascade,
  FOREIGN KEY ("supplier_id") REFERENCES "suppliers"("id") ON UPDATE no action ON DELETE cascade
);

CREATE INDEX "records_staff_idx" ON "records" ("staff_id","kind");

CREATE INDEX "records_supplier_idx" ON "records" ("supplier_id","kind");

CREATE TABLE "staff" (
  "id" integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  "ref" text NOT NULL,
  "name" text NOT NULL,
  "role" text,
  "profession" text,
  "employment" text,
  "sole_practitioner" integer,
  "sole_working_safeguards" text,
  "case_management_since" text,
  "qualified_on" text,
  "days_per_week" real,
  "created_at" text DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')) NOT NULL,
  "updated_at" text DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')) NOT NULL
);

CREATE UNIQUE INDEX "staff_ref_unique" ON "staff" ("ref");

CREATE TABLE "suppliers" (
  "id" integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  "ref" text NOT NULL,
  "name" text NOT NULL,
  "kind" text NOT NULL,
  "services" text NOT NULL,
  "sole_trader" integer,
  "safeguards_note" text,
  "works_with_clients" integer,
  "cv_on_file" integer,
  "safeguarding_on" text,
  "service_area" text,
  "acceptance_criteria" text,
  "evidence_base" text,
  "contact" text,
  "created_at" text DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')) NOT NULL,
  "updated_at" text DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')) NOT NULL
);

CREATE UNIQUE INDEX "suppliers_ref_unique" ON "suppliers" ("ref");
`;
