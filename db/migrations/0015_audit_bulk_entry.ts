// Data version 16 (migration 0015, the sixteenth): a bulk write (a firm file, a spreadsheet,
// pasted rows) is one audit entry for the write instead of one per subject, with the rows it
// added listed subject by subject by the first 24 hex digits of each one's hash (db/audit.ts,
// BULK_HEAD says why: the trail cost a firm-file import of 5,000 cases +46-50%), and its
// updates and deletes entries of their own. The subject index beside the trail (audit_subjects)
// lets a person's or a case's history find the write's entry. The runner reinstalls every
// table's triggers after the run (today's collect only the rows a write adds). Entries written
// before stay as they were and are read as before. The data version moves on so an older
// Caseproof, whose check knows nothing of these entries, refuses the vault by name instead of
// calling every imported row changed behind its back.
import { createAuditSubjects } from '../audit';
import type { Migration } from '../migrate';

export const auditBulkEntry: Migration = {
  name: '0015_audit_bulk_entry',
  up(db) {
    createAuditSubjects(db);
  },
};
