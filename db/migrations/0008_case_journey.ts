// The case journey (issue 14): a case keeps its history — every status change, review,
// incident, follow-up, its outcome and feedback — as JSON beside its row, and each instruction
// its supplier's invoices. Existing cases start with an empty journey; nothing is rewritten.
import type { Migration } from '../migrate';

export const caseJourney: Migration = {
  name: '0008_case_journey',
  up(db) {
    db.exec(`ALTER TABLE "cases" ADD COLUMN "journey" text DEFAULT '{}' NOT NULL`);
    db.exec(`ALTER TABLE "case_instructions" ADD COLUMN "invoices" text DEFAULT '[]' NOT NULL`);
  },
};
