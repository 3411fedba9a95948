// The evidence annex (issue 11 item 5): a PDF saved beside a registered pack, with its own
// SHA-256, so `pack verify` recognises it. One row per pack that has an annex; nothing else
// changes, so older packs simply have none.
import type { Migration } from '../migrate';

export const packAnnexes: Migration = {
  name: '0010_pack_annexes',
  up(db) {
    db.exec(`CREATE TABLE \`pack_annexes\` (
      \`pack_id\` integer PRIMARY KEY NOT NULL,
      \`file_name\` text NOT NULL,
      \`sha256\` text NOT NULL,
      \`pages\` integer NOT NULL,
      \`files\` text NOT NULL,
      FOREIGN KEY (\`pack_id\`) REFERENCES \`packs\`(\`id\`) ON UPDATE no action ON DELETE no action
    )`);
  },
};
