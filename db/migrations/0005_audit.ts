// Data version 5 (or the next, in number order): the audit trail (issue 11, db/audit.ts). The
// trail's two append-only tables; the triggers on every data table are installed by the
// migration runner after every run (db/migrate.ts), which also records each row that
// existed before the trail as a 'baseline' entry, so every row has an audited state to be
// checked against from now on.
import { createAuditTables } from '../audit';
import type { Migration } from '../migrate';

export const auditTrail: Migration = {
  name: '0005_audit',
  up(db) {
    createAuditTables(db);
  },
};
