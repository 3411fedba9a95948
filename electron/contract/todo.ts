// The "to do" list (issue 13 item 5): everything not met, missing evidence included (no CPD
// at all, no DBS check: results with no date on which they change, so the due list never had
// them), and everything that lapses within the warning window. One service fills it
// (electron/services/staffEvidence/todo.ts); the To do page, the staff profile and
// `caseproof due --all` show its items with the words below, so all three say the same.
import { STATUS_WORDS, type RuleStatus } from './compliance';
import { ukDate } from './dates';
import type { RuleSubjectKind } from './ops/evidence';
import type { RuleId } from './rules';

export interface TodoItem {
  subject: RuleSubjectKind;
  /** Staff, supplier or case ref; 'firm' for the firm's own rules. */
  ref: string;
  name?: string;
  rule: RuleId;
  /** The rule's one title (contract/rules.ts). */
  title: string;
  status: RuleStatus;
  reason: string;
  /** not_met: needs doing now; due: met (or exempt) today, lapses on `changesOn`. */
  why: 'not_met' | 'due';
  changesOn?: string;
  /** A supplier whose approval review date has already passed. */
  overdue?: boolean;
}

export interface TodoView {
  asOf: string;
  /** For todoWho (the firm's own items are named by it). */
  firmName: string;
  /** The window "due" items fall within (the firm's warning window unless given). */
  days: number;
  /** Every item, or the first `limit` when a limit was asked for. */
  items: TodoItem[];
  total: number;
  notMet: number;
  due: number;
}

/** Who an item is about, as every to-do list says it. */
export function todoWho(i: Pick<TodoItem, 'subject' | 'ref' | 'name'>, firmName: string): string {
  if (i.subject === 'firm') return firmName || 'The firm';
  if (i.subject === 'case') return `Case ${i.ref}`;
  return i.name ?? i.ref;
}

/** When: "Not met", "Overdue since 01/10/2026" or "Lapses on 16/12/2026" (the first day it is no longer met). */
export function todoWhen(i: Pick<TodoItem, 'why' | 'changesOn' | 'overdue' | 'status'>): string {
  if (i.overdue && i.changesOn) return `Overdue since ${ukDate(i.changesOn)}`;
  if (i.why === 'not_met') return STATUS_WORDS.not_met;
  return i.changesOn ? `Lapses on ${ukDate(i.changesOn)}` : STATUS_WORDS[i.status];
}

/** One line for an item: "Not met · Sam Patel: CPD over two years: No CPD is recorded". */
export function todoLine(i: TodoItem, firmName: string): string {
  return `${todoWhen(i)} · ${todoWho(i, firmName)}: ${i.title}: ${i.reason}`;
}
