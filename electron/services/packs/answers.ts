// Turning the compliance report into the answers a pack prints: one status word, a cell colour
// and the reasons behind it, for one rule, several rules, or a rule across every case manager.
import { type RuleResult, type RuleStatus, STATUSES, STATUS_WORDS, type SubjectReport } from '../../contract/compliance';
import { plural } from './labels';
import { NEUTRAL_FILL, STATUS_FILL } from './styles';

export interface Answer {
  /** null when no rule answers the question (the word then says so). */
  status: RuleStatus | null;
  /** Printed in the cell: the colour is never the only signal. */
  word: string;
  fill: string;
  /** One line per reason, each naming the evidence and dates used. */
  reasons: string[];
}

export const NO_EVIDENCE_WORD = 'No evidence held';
export const NOT_ASSESSED_WORD = 'Not assessed';

export function answerOf(status: RuleStatus): Pick<Answer, 'status' | 'word' | 'fill'> {
  return { status, word: STATUS_WORDS[status], fill: STATUS_FILL[status] };
}

/** The most severe status of those given (not_met first); exempt and not_applicable only when nothing else. */
export function mostSevere(statuses: readonly RuleStatus[]): RuleStatus | null {
  let best: number | null = null;
  for (const s of statuses) {
    const i = STATUSES.indexOf(s);
    if (best === null || i < best) best = i;
  }
  return best === null ? null : STATUSES[best];
}

/** The results for a subject (a case manager or supplier) by ref; empty when the report has none. */
export function resultsFor(subjects: readonly SubjectReport[], ref: string): RuleResult[] {
  return subjects.find((s) => s.ref === ref)?.rules ?? [];
}

/** One answer from one or more rules' results: the most severe status, every reason. */
export function answerFrom(results: readonly RuleResult[], ruleIds: readonly string[]): Answer {
  const found = ruleIds.map((id) => results.find((r) => r.rule === id)).filter((r): r is RuleResult => r !== undefined);
  const status = mostSevere(found.map((r) => r.status));
  if (status === null) {
    return {
      status: null,
      word: NOT_ASSESSED_WORD,
      fill: NEUTRAL_FILL,
      reasons: [`The compliance check gave no result for ${ruleIds.join(' or ')}.`],
    };
  }
  return { ...answerOf(status), reasons: found.map((r) => sentence(r.reason)) };
}

/** An answer for a question no rule covers: says plainly that Caseproof holds no evidence for it. */
export function noEvidenceAnswer(reason: string): Answer {
  return { status: null, word: NO_EVIDENCE_WORD, fill: NEUTRAL_FILL, reasons: [reason] };
}

export interface RuleTitle {
  id: string;
  /** A short name such as "professional indemnity". */
  name: string;
}

/**
 * One answer for a rule (or rules) across many subjects, e.g. professional indemnity across
 * every case manager: the most severe status, with a line per rule counting who met it and
 * naming those who did not.
 */
export function answerAcross(subjects: readonly { name: string; results: readonly RuleResult[] }[], rules: readonly RuleTitle[], noun: string): Answer {
  if (subjects.length === 0) {
    return {
      ...answerOf('not_applicable'),
      reasons: [`No ${noun}s are recorded, so there is nothing to check.`],
    };
  }
  const statuses: RuleStatus[] = [];
  const reasons: string[] = [];
  for (const rule of rules) {
    const by: Record<RuleStatus, string[]> = { not_met: [], due_soon: [], met: [], exempt: [], not_applicable: [] };
    const missing: string[] = [];
    for (const s of subjects) {
      const r = s.results.find((x) => x.rule === rule.id);
      if (!r) missing.push(s.name);
      else {
        by[r.status].push(s.name);
        statuses.push(r.status);
      }
    }
    const applicable = subjects.length - by.not_applicable.length - missing.length;
    if (applicable === 0 && missing.length === 0) {
      reasons.push(`${capital(rule.name)}: does not apply to any ${noun}.`);
      continue;
    }
    const ok = by.met.length + by.exempt.length + by.due_soon.length;
    let line = `${capital(rule.name)}: met by ${ok} of ${plural(applicable, noun)}`;
    if (by.exempt.length) line += ` (${by.exempt.length} by agreed exemption)`;
    if (by.due_soon.length) line += `; due soon for ${by.due_soon.join(', ')}`;
    if (by.not_met.length) line += `; not met for ${by.not_met.join(', ')}`;
    if (missing.length) line += `; not assessed for ${missing.join(', ')}`;
    reasons.push(line + '.');
  }
  const status = mostSevere(statuses);
  return status === null ? { status: null, word: NOT_ASSESSED_WORD, fill: NEUTRAL_FILL, reasons } : { ...answerOf(status), reasons };
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** A reason as a sentence: capitalised, ending in a full stop unless it already ends a sentence. */
export function sentence(s: string): string {
  const t = s.trim();
  if (!t) return t;
  return capital(/[.!?]$/.test(t) ? t : `${t}.`);
}
