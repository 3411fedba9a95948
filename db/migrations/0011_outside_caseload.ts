// Data version: cases an associate holds outside the firm (issue 14 item 6, MTSP Practitioner H
// "from all sources"). They are evidence records of a new kind, `outsideCaseload`, in the shared
// `records` table, so no table changes; but an older Caseproof would meet a kind it does not
// know and call the record damaged, so the data version moves on and it refuses the vault by
// name instead ("written by a newer Caseproof").
import type { Migration } from '../migrate';

export const outsideCaseload: Migration = {
  name: '0011_outside_caseload',
  up() {
    // Nothing to change: the records table already holds every kind.
  },
};
