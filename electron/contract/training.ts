// Training categories (rules.md version 2, "Training kinds" and "Training names"). A course
// recorded with a category is that category. A free-text kind (a version-1 file, a
// spreadsheet, "Another kind…" in the form) is matched, trimmed and case-insensitively, by
// whole words or phrases: "Safeguarding adults level 3" is safeguarding, "Mental Capacity Act
// level 2" mental capacity, "GDPR refresher" information security. Anything else is `other`
// and answers no rule. A name that matches two categories ("Safeguarding and the MCA")
// counts for both.
import { TRAINING_CATEGORIES, TRAINING_KINDS, type TrainingCategory } from './model';

export type RuleTrainingCategory = (typeof TRAINING_KINDS)[number];

/** Words and phrases of each category; words inside a phrase may be split by spaces or hyphens. */
export const TRAINING_PHRASES: Record<RuleTrainingCategory, readonly string[]> = {
  safeguarding: ['safeguarding'],
  'mental-capacity': ['mental capacity', 'mca', 'deprivation of liberty', 'dols'],
  infosec: ['infosec', 'information security', 'information governance', 'data protection', 'gdpr', 'cyber security'],
};

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const PATTERNS: Record<RuleTrainingCategory, RegExp> = Object.fromEntries(
  TRAINING_KINDS.map((k) => [
    k,
    new RegExp(`(?:^|[^\\p{L}\\p{N}])(?:${TRAINING_PHRASES[k].map((p) => p.split(' ').map(escape).join('[\\s-]+')).join('|')})(?=$|[^\\p{L}\\p{N}])`, 'iu'),
  ]),
) as Record<RuleTrainingCategory, RegExp>;

const isCategory = (k: string): k is TrainingCategory => (TRAINING_CATEGORIES as readonly string[]).includes(k);

/**
 * The rule categories a course answers: its category when it has one (`other` answers none),
 * otherwise those its free-text kind names. "Anything beginning with safeguarding" is
 * safeguarding as well (rules.md says both), so "Safeguarding:adults" counts too.
 */
export function trainingCategories(t: { kind: string }): RuleTrainingCategory[] {
  const kind = t.kind.trim();
  const lower = kind.toLowerCase();
  if (isCategory(lower)) return lower === 'other' ? [] : [lower];
  const found = TRAINING_KINDS.filter((k) => PATTERNS[k].test(kind));
  if (!found.includes('safeguarding') && lower.startsWith('safeguarding')) found.unshift('safeguarding');
  return found;
}

/** True when the kind was typed as free text rather than chosen from the categories. */
export function isFreeTextKind(t: { kind: string }): boolean {
  return !isCategory(t.kind.trim().toLowerCase());
}

/** Each category's one name, wherever a course is shown (the training tab, the packs). */
export const TRAINING_CATEGORY_NAMES: Record<TrainingCategory, string> = {
  safeguarding: 'Safeguarding',
  'mental-capacity': 'Mental capacity',
  infosec: 'Information security and data protection',
  other: 'Other training',
};

/** How a course is named: its title, else its category's name, else its free-text kind. */
export function courseName(t: { kind: string; title?: string }): string {
  if (t.title && t.title.trim()) return t.title.trim();
  const lower = t.kind.trim().toLowerCase();
  return isCategory(lower) ? TRAINING_CATEGORY_NAMES[lower] : t.kind.trim();
}
