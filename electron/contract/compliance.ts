// Types of the compliance report (rules.md). The engine that fills them is
// electron/services/compliance; the renderer, CLI and packs only read these.
import type { IsoDate } from './dates';

/** Statuses from most to least severe. */
export const STATUSES = ['not_met', 'due_soon', 'met', 'exempt', 'not_applicable'] as const;
export type RuleStatus = (typeof STATUSES)[number];
export type OverallStatus = 'not_met' | 'due_soon' | 'met';

export interface RuleResult {
  rule: string;
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

/** The most severe status; exempt and not_applicable count as met. */
export function overallStatus(results: { status: RuleStatus }[]): OverallStatus {
  if (results.some((r) => r.status === 'not_met')) return 'not_met';
  if (results.some((r) => r.status === 'due_soon')) return 'due_soon';
  return 'met';
}
