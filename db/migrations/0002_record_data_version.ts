// Data version 3: each record says which version of its kind's payload shape it was
// written in, so a payload can be upgraded when it is read (electron/services/evidence/
// payloads.ts). Every record written so far has the first shape of its kind: version 1.
// The column has no default, so a write that forgets to stamp the version fails instead
// of silently claiming version 1; that needs a rebuild (ADD COLUMN ... NOT NULL needs one).
import type { Migration } from '../migrate';
import { rebuildTable, sameColumns } from './helpers';

export const recordDataVersion: Migration = {
  name: '0002_record_data_version',
  up(db) {
    rebuildTable(db, {
      table: 'records',
      create: `
        CREATE TABLE "__new_records" (
          "id" integer PRIMARY KEY AUTOINCREMENT NOT NULL,
          "staff_id" integer,
          "supplier_id" integer,
          "kind" text NOT NULL,
          "data" text NOT NULL,
          "data_version" integer NOT NULL,
          "created_at" text DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')) NOT NULL,
          "updated_at" text DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')) NOT NULL,
          FOREIGN KEY ("staff_id") REFERENCES "staff"("id") ON UPDATE no action ON DELETE cascade,
          FOREIGN KEY ("supplier_id") REFERENCES "suppliers"("id") ON UPDATE no action ON DELETE cascade
        )`,
      columns: { ...sameColumns('id', 'staff_id', 'supplier_id', 'kind', 'data'), data_version: '1', ...sameColumns('created_at', 'updated_at') },
      indexes: [
        'CREATE INDEX "records_staff_idx" ON "records" ("staff_id", "kind")',
        'CREATE INDEX "records_supplier_idx" ON "records" ("supplier_id", "kind")',
      ],
    });
  },
};
