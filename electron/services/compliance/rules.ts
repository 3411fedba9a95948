// The rule catalogue moved to the contract (electron/contract/rules.ts) so the renderer
// imports it directly; this file only re-exports it for code that still imports it here.
export { RULES, RULE_IDS, ruleById, ruleInfo, rulesFor, ruleTitle, isRuleId, type RuleId, type RuleInfo, type RuleSubject } from '../../contract/rules';
