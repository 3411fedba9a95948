// What each registered pack was built from (issue 11 item 4): the exact input its builder read,
// compressed, beside the register entry, so `caseproof pack reproduce` and "As sent" rebuild the
// pack byte for byte after its records change (electron/services/packs/sources.ts says why a
// stored source rather than a replay of the audit trail). Packs registered before this have no
// source; a rebuild of one says so.
import type { Migration } from '../migrate';

export const packSources: Migration = {
  name: '0009_pack_sources',
  up(db) {
    db.exec(`CREATE TABLE \`pack_sources\` (
	\`pack_id\` integer PRIMARY KEY NOT NULL,
	\`format\` integer NOT NULL,
	\`sha256\` text NOT NULL,
	\`content\` blob NOT NULL,
	FOREIGN KEY (\`pack_id\`) REFERENCES \`packs\`(\`id\`) ON UPDATE no action ON DELETE no action
)`);
  },
};
