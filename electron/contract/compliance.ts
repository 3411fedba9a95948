// Types of the compliance report (rules.md). The engine that fills them is
// electron/services/compliance; the renderer, CLI and packs only read these.
import type { IsoDate } from './dates';
import type { RuleId } from './rules';

/** Statuses from most to least severe. */
export const STATUSES = ['not_met', 'due_soon', 'met', 'exempt', 'not_applicable'] as const;
export type RuleStatus = (typeof STATUSES)[number];
export type OverallStatus = 'not_met' | 'due_soon' | 'met';

export interface RuleResult {
  rule: RuleId;
  status: RuleStatus;
  /** One plain-English line naming the evidence and dates used. */
  reason: string;
  /** The date on which the status next changes, if any. */
  changesOn?: IsoDate;
}
export interface SubjectReport {
  ref: string;
  name?: string;
  status: OverallStatus;
  rules: RuleResult[];
}
export interface ComplianceReport {
  asOf: IsoDate;
  firm: { status: OverallStatus; rules: RuleResult[] };
  staff: SubjectReport[];
  suppliers: SubjectReport[];
  cases: SubjectReport[];
}

/** Words shown beside every status colour (never colour alone). */
export const STATUS_WORDS: Record<RuleStatus, string> = {
  not_met: 'Not met',
  due_soon: 'Due soon',
  met: 'Met',
  exempt: 'Exempt',
  not_applicable: 'Not applicable',
};

/**
 * A subject's overall status (rules.md): the most severe of its rules, where exempt and
 * not_applicable count as met. Only for a subject's own verdict: anything that counts or
 * combines results for a reader (an answer, a badge, a "met" total) uses answerStatus() and
 * statusCounts(), which never turn an exemption into "met".
 */
export function overallStatus(results: readonly { status: RuleStatus }[]): OverallStatus {
  if (results.some((r) => r.status === 'not_met')) return 'not_met';
  if (results.some((r) => r.status === 'due_soon')) return 'due_soon';
  return 'met';
}

/** How the statuses of several results combine into one answer, most severe first: an exemption outranks met. */
export const ANSWER_ORDER: readonly RuleStatus[] = ['not_met', 'due_soon', 'exempt', 'met', 'not_applicable'];
/**
 * The one status of an answer that rests on several results (a checklist question, a pack's
 * item): the most severe, where an exemption is more severe than met, so a question answered
 * by one met and one exempt rule reads "Exempt", never "Met". null when there are no results.
 */
export function answerStatus(statuses: readonly RuleStatus[]): RuleStatus | null {
  let best: number | null = null;
  for (const s of statuses) {
    const i = ANSWER_ORDER.indexOf(s);
    if (best === null || i < best) best = i;
  }
  return best === null ? null : ANSWER_ORDER[best];
}

/** How many results have each status (a "met" count never includes an exemption). */
export function statusCounts(results: readonly { status: RuleStatus }[]): Record<RuleStatus, number> {
  const counts: Record<RuleStatus, number> = { not_met: 0, due_soon: 0, met: 0, exempt: 0, not_applicable: 0 };
  for (const r of results) counts[r.status]++;
  return counts;
}
