// Data version 2: evidence file contents move to their own table, so reading the files'
// metadata (every list and profile) no longer decrypts every file (issue 9). The bytes are
// copied to evidence_contents, then evidence_files is rebuilt without them (ids kept). The
// old pages are zeroed by secure_delete, and the VACUUM that `compact` asks for returns
// them to the file system (the vault would otherwise stay twice its size).
import type { Migration } from '../migrate';
import { rebuildTable, sameColumns } from './helpers';

export const evidenceContents: Migration = {
  name: '0001_evidence_contents',
  compact: true,
  up(db) {
    db.exec(`
      CREATE TABLE "evidence_contents" (
        "file_id" integer PRIMARY KEY NOT NULL,
        "content" blob NOT NULL,
        FOREIGN KEY ("file_id") REFERENCES "evidence_files"("id") ON UPDATE no action ON DELETE cascade
      );
      INSERT INTO "evidence_contents" ("file_id", "content") SELECT "id", "content" FROM "evidence_files";
    `);
    rebuildTable(db, {
      table: 'evidence_files',
      create: `
        CREATE TABLE "__new_evidence_files" (
          "id" integer PRIMARY KEY AUTOINCREMENT NOT NULL,
          "record_id" integer NOT NULL,
          "name" text NOT NULL,
          "media_type" text NOT NULL,
          "size" integer NOT NULL,
          "sha256" text NOT NULL,
          "added_by" text NOT NULL,
          "added_at" text NOT NULL,
          FOREIGN KEY ("record_id") REFERENCES "records"("id") ON UPDATE no action ON DELETE cascade
        )`,
      columns: sameColumns('id', 'record_id', 'name', 'media_type', 'size', 'sha256', 'added_by', 'added_at'),
      indexes: ['CREATE INDEX "evidence_record_idx" ON "evidence_files" ("record_id")'],
    });
  },
};
