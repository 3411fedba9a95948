// An index of each person's records by their exact stored payload, so the spreadsheet importer
// finds a row the vault already holds with one lookup per row (electron/services/evidence/records.ts,
// heldRecordContents) instead of reading every record of everyone the sheet names. (Not a partial
// index on staff records only: drizzle-kit cannot compare an index's WHERE with db/schema.ts.)
// An index changes no row, so the audit trail has nothing to record for it.
import type { Migration } from '../migrate';

export const recordContentIndex: Migration = {
  name: '0012_record_content_index',
  up(db) {
    db.exec(`CREATE INDEX "records_content_idx" ON "records" ("staff_id", "kind", "data")`);
  },
};
