// Checks across the fields of a record, or across records, that a zod schema of one field
// cannot make: dates that must not run backwards, a closed case without its closing date, a
// handover to oneself, a peer review by the person reviewed. One source for the forms
// (the services throw the first problem beside its field) and the firm-file import (which
// reports every problem of the file in one pass, the JSON path in front of the same words).
//
// Every function reads loosely typed values and checks only what is there and well formed:
// the import runs them over the raw JSON, alongside the schema's own errors, so a case with
// a bad date and a closing date before its opening is reported for both at once.
import { isIsoDate, ukDate, type IsoDate } from './dates';
import { sameName } from './conventions';

/** A problem with one field; `field` is relative to the value checked (`closedOn`, `incidents[0].leadReportedAt`). */
export interface Problem {
  field: string;
  message: string;
}

type Loose = Record<string, unknown>;
const obj = (v: unknown): Loose | undefined => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Loose) : undefined);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const date = (v: unknown): IsoDate | undefined => (isIsoDate(v) ? v : undefined);
const at = (base: string, i: number, field: string) => `${base}[${i}].${field}`;

/** Case dates that must not come before the one they follow: [earlier field, later field, words]. */
export const CASE_DATE_ORDER = [
  ['referredOn', 'openedOn', 'must not be before the referral date'],
  ['openedOn', 'closedOn', 'must not be before the opening date'],
  ['referredOn', 'closedOn', 'must not be before the referral date'],
  ['rehabPrescriptionRequestedOn', 'rehabPrescriptionReviewedOn', 'must not be before the request'],
  ['preInaRequestedOn', 'preInaReviewedOn', 'must not be before the request'],
  ['consentRecordedOn', 'consentReviewedOn', 'must not be before consent was recorded'],
] as const;

/** The case's own dates in order (the case form and the import). */
export function caseDateProblems(c: unknown): Problem[] {
  const d = obj(c) ?? {};
  const out: Problem[] = [];
  for (const [a, b, message] of CASE_DATE_ORDER) {
    const x = date(d[a]);
    const y = date(d[b]);
    if (x && y && y < x) out.push({ field: b, message: `${message} (${ukDate(x)})` });
  }
  return out;
}

/**
 * A closed case has its closing date and reason; an open one has neither (the case form's
 * closing rules; which reasons the form offers is the form's own business, so an imported
 * reason in other words is kept).
 */
export function caseClosingProblems(c: unknown): Problem[] {
  const d = obj(c) ?? {};
  if (typeof d.status !== 'string') return [];
  const has = (k: string) => d[k] !== undefined && d[k] !== '';
  if (d.status === 'closed') {
    return [
      ...(has('closedReason') ? [] : [{ field: 'closedReason', message: 'is required to close a case' }]),
      ...(has('closedOn') ? [] : [{ field: 'closedOn', message: 'is required to close a case' }]),
    ];
  }
  return [
    ...(has('closedOn') ? [{ field: 'closedOn', message: 'only a closed case has a closing date' }] : []),
    ...(has('closedReason') ? [{ field: 'closedReason', message: 'only a closed case has a closing reason' }] : []),
  ];
}

/** An insurance policy does not end before it starts (the indemnity schemas say the same). */
export function indemnityProblems(p: unknown): Problem[] {
  const d = obj(p) ?? {};
  const starts = date(d.startsOn);
  const expires = date(d.expiresOn);
  return starts && expires && expires < starts ? [{ field: 'expiresOn', message: 'must not be before the start date' }] : [];
}

/** A case is handed over to someone else. */
export function handoverProblems(h: { from?: unknown; to?: unknown }, fromName?: string): Problem[] {
  if (typeof h.from !== 'string' || typeof h.to !== 'string' || h.from !== h.to) return [];
  return [{ field: 'to', message: `must be someone other than the case manager handing the case over (${fromName ?? h.from})` }];
}

/** A peer review is by someone other than the person reviewed (rules.md STAFF-PEER-REVIEW). */
export function peerReviewProblems(p: unknown, staffName: string): Problem[] {
  const reviewer = obj(p)?.reviewer;
  if (typeof reviewer !== 'string' || !sameName(reviewer, staffName)) return [];
  return [{ field: 'reviewer', message: `must be someone other than ${staffName}: a peer review by the person reviewed does not count` }];
}

/**
 * The checks of one case of the firm file made here: its dates, closing and handovers. (Its
 * journey, the status history, incidents, follow-ups and invoices, is checked by
 * journeyProblems() in services/cases/journey.ts, which the case page's forms use too.)
 */
export function caseProblems(c: unknown, nameOf: (staffRef: string) => string | undefined = () => undefined): Problem[] {
  const d = obj(c) ?? {};
  const out = [...caseDateProblems(d), ...caseClosingProblems(d)];
  list(d.handovers).forEach((h, j) => {
    const from = obj(h)?.from;
    const name = typeof from === 'string' ? nameOf(from) : undefined;
    out.push(...handoverProblems(obj(h) ?? {}, name).map((p) => ({ ...p, field: at('handovers', j, p.field) })));
  });
  return out;
}
