// Checks across the fields of a record, or across records, that a zod schema of one field
// cannot make: dates that must not run backwards, a status history that must agree with the
// case, a handover to oneself, a peer review by the person reviewed. One source for the forms
// (the services throw the first problem beside its field) and the firm-file import (which
// reports every problem of the file in one pass, the JSON path in front of the same words).
//
// Every function reads loosely typed values and checks only what is there and well formed:
// the import runs them over the raw JSON, alongside the schema's own errors, so a case with
// a bad date and a closing date before its opening is reported for both at once.
import { isIsoDate, isLocalMinute, ukDate, type IsoDate } from './dates';
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
const minute = (v: unknown): string | undefined => (isLocalMinute(v) ? v : undefined);
const ukMinute = (m: string) => `${ukDate(m.slice(0, 10))} ${m.slice(11, 16)}`;
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

/**
 * A status history agrees with the case (interchange.md): its changes in date order, its last
 * entry the case's status, its first open-active entry on the opening date, its closed entry
 * on the closing date.
 */
export function statusHistoryProblems(c: unknown): Problem[] {
  const d = obj(c) ?? {};
  const history = list(d.statusHistory).map(obj);
  if (!history.length) return [];
  const out: Problem[] = [];
  let before: IsoDate | undefined;
  history.forEach((h, i) => {
    const on = date(h?.on);
    if (on && before && on < before)
      out.push({ field: at('statusHistory', i, 'on'), message: `must not be before the change listed before it (${ukDate(before)})` });
    if (on) before = on;
  });
  const lastIndex = history.length - 1;
  const last = history[lastIndex];
  if (typeof d.status === 'string' && typeof last?.status === 'string' && last.status !== d.status) {
    out.push({ field: at('statusHistory', lastIndex, 'status'), message: `must be the case's status (${d.status}): the last change gives the status now` });
  }
  const openedOn = date(d.openedOn);
  const firstOpen = history.findIndex((h) => h?.status === 'open-active');
  const openOn = firstOpen >= 0 ? date(history[firstOpen]?.on) : undefined;
  if (openedOn && openOn && openOn !== openedOn) {
    out.push({ field: at('statusHistory', firstOpen, 'on'), message: `must be the date the case was opened (${ukDate(openedOn)})` });
  }
  const closedOn = date(d.closedOn);
  const closedAt = history.map((h) => h?.status).lastIndexOf('closed');
  const closeOn = closedAt >= 0 ? date(history[closedAt]?.on) : undefined;
  if (closedOn && closeOn && closeOn !== closedOn) {
    out.push({ field: at('statusHistory', closedAt, 'on'), message: `must be the date the case was closed (${ukDate(closedOn)})` });
  }
  return out;
}

/** A follow-up is a contact after the case closed (CASE-FOLLOW-UP). */
export function followUpProblems(c: unknown): Problem[] {
  const d = obj(c) ?? {};
  const closedOn = date(d.closedOn);
  if (!closedOn) return [];
  const out: Problem[] = [];
  list(d.followUps).forEach((f, i) => {
    const on = date(obj(f)?.on);
    if (on && on < closedOn) out.push({ field: at('followUps', i, 'on'), message: `must not be before the case was closed (${ukDate(closedOn)})` });
  });
  return out;
}

/** Every report time of an incident comes at or after the time it was identified. */
export function incidentProblems(i: unknown): Problem[] {
  const d = obj(i) ?? {};
  const identified = minute(d.identifiedAt);
  if (!identified) return [];
  const out: Problem[] = [];
  for (const k of ['lineManagerAt', 'leadReportedAt', 'safeguardingLeadAt'] as const) {
    const t = minute(d[k]);
    // Same-format local times compare as text (both London time, to the minute).
    if (t && t < identified) out.push({ field: k, message: `must not be before the incident was identified (${ukMinute(identified)})` });
  }
  return out;
}

/** An invoice is paid on or after the day it was received. */
export function invoiceProblems(inv: unknown): Problem[] {
  const d = obj(inv) ?? {};
  const received = date(d.receivedOn);
  const paid = date(d.paidOn);
  return received && paid && paid < received ? [{ field: 'paidOn', message: `must not be before the invoice was received (${ukDate(received)})` }] : [];
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

/** Every check of one case of the firm file: its dates, history, follow-ups, incidents, invoices and handovers. */
export function caseProblems(c: unknown, nameOf: (staffRef: string) => string | undefined = () => undefined): Problem[] {
  const d = obj(c) ?? {};
  const out = [...caseDateProblems(d), ...caseClosingProblems(d), ...statusHistoryProblems(d), ...followUpProblems(d)];
  list(d.incidents).forEach((inc, i) => out.push(...incidentProblems(inc).map((p) => ({ ...p, field: at('incidents', i, p.field) }))));
  list(d.instructions).forEach((ins, j) =>
    list(obj(ins)?.invoices).forEach((inv, k) =>
      out.push(...invoiceProblems(inv).map((p) => ({ ...p, field: `instructions[${j}].${at('invoices', k, p.field)}` }))),
    ),
  );
  list(d.handovers).forEach((h, j) => {
    const from = obj(h)?.from;
    const name = typeof from === 'string' ? nameOf(from) : undefined;
    out.push(...handoverProblems(obj(h) ?? {}, name).map((p) => ({ ...p, field: at('handovers', j, p.field) })));
  });
  return out;
}
