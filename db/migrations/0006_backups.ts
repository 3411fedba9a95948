// Backups and key slots: the log of verified backups (the Dashboard says when the last was
// made) and keys kept inside the encrypted vault (the separate backup passphrase's derived
// key, so scheduled backups need nobody to type it; the recovery key's wrapping key, so a
// passphrase change can re-wrap the vault key for the recovery file). See
// electron/services/vault/backups.ts and recovery.ts.
import type { Migration } from '../migrate';

export const backupsAndKeys: Migration = {
  name: '0006_backups',
  up(db) {
    db.exec(`CREATE TABLE \`backups\` (
	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	\`made_at\` text NOT NULL,
	\`file\` text NOT NULL,
	\`bytes\` integer NOT NULL,
	\`kind\` text NOT NULL,
	\`own_passphrase\` integer NOT NULL
)`);
    db.exec(`CREATE TABLE \`vault_keys\` (
	\`name\` text PRIMARY KEY NOT NULL,
	\`value\` text NOT NULL,
	\`updated_at\` text NOT NULL
)`);
  },
};
