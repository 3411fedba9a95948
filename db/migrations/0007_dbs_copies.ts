// Data version: DBS certificate copies destroyed on time (issue 12 item 5). An evidence file
// may now be a destroyed copy: its row keeps the name, type, size and SHA-256, these columns
// say when, by whom and why, and its content row is deleted (secure_delete overwrites it).
// A DBS record may also say who saw the original (checkedBy, optional). An older Caseproof
// would offer to open a destroyed copy's missing bytes and refuse checkedBy, so the data
// version moves on and it refuses the vault by name instead.
import type { Migration } from '../migrate';

export const dbsCopies: Migration = {
  name: '0007_dbs_copies',
  up(db) {
    db.exec(`ALTER TABLE "evidence_files" ADD COLUMN "destroyed_on" text`);
    db.exec(`ALTER TABLE "evidence_files" ADD COLUMN "destroyed_by" text`);
    db.exec(`ALTER TABLE "evidence_files" ADD COLUMN "destroyed_why" text`);
  },
};
