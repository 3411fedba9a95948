// Data version 18 (migration 0017, the eighteenth): one subject index for every entry. The
// subject index beside the trail (audit_subjects, 0015) names the subject of every entry that
// has one, not only of bulk entries, and audit_log's own index (0014) goes: it cost every save
// a b-tree insert and a page of its own at commit (db/audit.ts, SUBJECT_BATCH says why and how
// the index is kept up to date in batches). Every entry so far is indexed here. The data
// version moves on so an older Caseproof, whose check would call every indexed entry a stray,
// refuses the vault by name.
import { indexEveryEntry } from '../audit';
import type { Migration } from '../migrate';

export const auditSubjectsForEveryEntry: Migration = {
  name: '0017_audit_subjects_for_every_entry',
  up(db) {
    indexEveryEntry(db);
  },
};
