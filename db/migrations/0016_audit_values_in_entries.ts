// Data version 17 (migration 0016, the seventeenth): each audit entry's before and after values
// move from audit_values into the entry's own row (db/audit.ts, mergeAuditValues says why: one
// page fewer for every save). Values already erased past retention stay erased (the entry is
// marked so). The runner reinstalls every table's triggers after the run, writing one row per
// entry from then on. An older Caseproof cannot read the trail this way, so the data version
// moves on and it refuses the vault by name.
import { mergeAuditValues } from '../audit';
import type { Migration } from '../migrate';

export const auditValuesInEntries: Migration = {
  name: '0016_audit_values_in_entries',
  up(db) {
    mergeAuditValues(db);
  },
};
