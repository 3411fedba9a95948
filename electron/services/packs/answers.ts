// Turning the compliance report into the answers a pack prints: one status word, a cell colour
// and the reasons behind it, for one rule, several rules, or a rule across every case manager.
// Whatever stands beside a verdict is computed here from the same results and never says more
// than they do (rules.md): an answer resting on a met and an exempt rule reads "Exempt", a
// "met" count never includes an exemption, and an Overall line covers every item under it.
import { answerStatus, overallStatus, type RuleResult, type RuleStatus, STATUS_WORDS, statusCounts, type SubjectReport } from '../../contract/compliance';
import type { RuleId } from '../../contract/rules';
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

/** The most severe status of those given (not_met, due_soon, exempt, met, not_applicable); null for none. */
export function mostSevere(statuses: readonly RuleStatus[]): RuleStatus | null {
  return answerStatus(statuses);
}

/** The results for a subject (a case manager or supplier) by ref; empty when the report has none. */
export function resultsFor(subjects: readonly SubjectReport[], ref: string): RuleResult[] {
  return subjects.find((s) => s.ref === ref)?.rules ?? [];
}
/** resultsFor for many refs of the same list: looked up in a map made once. */
export function resultsByRef(subjects: readonly SubjectReport[]): (ref: string) => RuleResult[] {
  const byRef = new Map(subjects.map((s) => [s.ref, s.rules]));
  return (ref) => byRef.get(ref) ?? [];
}

/** One answer from one or more rules' results: the most severe status, every reason. */
export function answerFrom(results: readonly RuleResult[], ruleIds: readonly RuleId[]): Answer {
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
  id: RuleId;
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
    // Met today (due soon included: it is met until it lapses); an exemption is not met.
    const ok = by.met.length + by.due_soon.length;
    let line = `${capital(rule.name)}: met by ${ok} of ${plural(applicable, noun)}`;
    if (by.due_soon.length) line += `; due soon for ${by.due_soon.join(', ')}`;
    if (by.exempt.length) line += `; exempt (not met) for ${by.exempt.join(', ')}`;
    if (by.not_met.length) line += `; not met for ${by.not_met.join(', ')}`;
    if (missing.length) line += `; not assessed for ${missing.join(', ')}`;
    reasons.push(line + '.');
  }
  const status = mostSevere(statuses);
  return status === null ? { status: null, word: NOT_ASSESSED_WORD, fill: NEUTRAL_FILL, reasons } : { ...answerOf(status), reasons };
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * "Of the 16 compliance rules checked for Morgan Ellis, 10 are met, 2 are not met, 1 is due
 * soon, 1 is exempt and 2 do not apply." Every result is counted under its own status.
 */
export function countSentence(results: readonly { status: RuleStatus }[], what: string): string {
  const c = statusCounts(results);
  const is = (n: number, word: string, one = 'is', many = 'are') => (n ? `${n} ${n === 1 ? one : many} ${word}` : '');
  const parts = [
    is(c.met, 'met'),
    is(c.not_met, 'not met'),
    is(c.due_soon, 'due soon'),
    is(c.exempt, 'exempt (an exemption is not met)'),
    c.not_applicable ? `${c.not_applicable} ${c.not_applicable === 1 ? 'does' : 'do'} not apply` : '',
  ].filter(Boolean);
  const list = parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
  return `Of the ${results.length} ${what}, ${list || 'none gave a result'}.`;
}

/**
 * The Overall line over everything printed under it: the subject's overall status (rules.md:
 * exempt and not applicable count as met) of every result, and the count of each status.
 */
export function overallAnswer(results: readonly RuleResult[], what: string): Answer {
  const status = overallStatus(results);
  return { ...answerOf(status), word: `Overall: ${STATUS_WORDS[status]}`, reasons: [countSentence(results, what)] };
}

/** A reason as a sentence: capitalised, ending in a full stop unless it already ends a sentence. */
export function sentence(s: string): string {
  const t = s.trim();
  if (!t) return t;
  return capital(/[.!?]$/.test(t) ? t : `${t}.`);
}
