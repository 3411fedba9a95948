// Data version 4: the records of rules version 2. Nothing stored needs rewriting — the new
// fields are optional (an exemption's expiresOn, a course's title and category, a supplier
// policy's startsOn) and policy acknowledgements are a new record kind — but a Caseproof of
// data version 3 would meet payloads its strict schemas refuse, so the data version moves on
// and an older Caseproof refuses the vault by name ("saved by a newer version") instead.
import type { Migration } from '../migrate';

export const rulesVersion2: Migration = {
  name: '0003_rules_version_2',
  up() {
    // Deliberately nothing: see above.
  },
};
