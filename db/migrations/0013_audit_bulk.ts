// Data version 13 (or the next, in number order): bulk writes audited once per subject (issue 11,
// db/audit.ts bulkAudited). No table changes: the migration runner reinstalls every table's
// triggers after the run (db/migrate.ts), and the new ones let a spreadsheet import or pasted
// rows collect each row into one 'import' entry per person instead of an entry per row. The data
// version moves on so an older Caseproof, whose check knows nothing of those entries, refuses the
// vault by name instead of calling every imported row changed behind its back.
import type { Migration } from '../migrate';

export const auditBulk: Migration = {
  name: '0013_audit_bulk',
  up() {
    // Nothing to change here: the triggers are refreshed by the runner.
  },
};
