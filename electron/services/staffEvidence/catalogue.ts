// The rule catalogue as the UI shows it: every rule of contract/rules.ts with its title,
// short name, summary, source and whether it can be exempted.
import { RULES, ruleTitle as titleOf } from '../../contract/rules';
import type { RuleInfoView } from '../../contract/ops/evidence';

export function ruleCatalogue(): RuleInfoView[] {
  return RULES.map((r) => ({ ...r }));
}

/** The rule's title, or its id when the catalogue does not know it. */
export function ruleTitle(id: string): string {
  return titleOf(id);
}
