// `caseproof case ACTION --vault V --case REF ...`: logging a case's journey from the command line
// (issue 14; cli.md says nothing of it, so these are minimal and documented in README.md). Each
// action calls the same service as the case page (services/cases/journey.ts, cases.ts), so the
// same checks refuse the same input with the same words; each prints what the case now shows
// (the incident's clock, the follow-up windows, the invoice's days to pay) or, with --json,
// `{ "case", "status", "rules", "journey" }` from the case view.
import { isIsoDate, isLocalMinute, pounds, ukDate } from '../../contract/dates';
import { STATUS_WORDS } from '../../contract/compliance';
import { CLOSED_REASONS, INCIDENT_KINDS, REF_RE } from '../../contract/model';
import type { CaseView } from '../../contract/ops/cases';
import { OPEN_STATUSES } from '../../contract/ops/journey';
import { closeCase } from '../../services/cases/cases';
import { changeCaseStatus, saveInvoice, saveJourneyItem } from '../../services/cases/journey';
import { caseView } from '../../services/cases/cases';
import type { Ctx } from '../../services/context';
import { UsageError } from '../io';
import { need, out, withVault, type Args, type Command } from '../shared';

export const CASE_ACTIONS = ['status', 'close', 'incident', 'report', 'review', 'follow-up', 'invoice', 'paid'] as const;
type Action = (typeof CASE_ACTIONS)[number];

const REPORT_TO = { 'line-manager': 'lineManagerAt', lead: 'leadReportedAt', 'safeguarding-lead': 'safeguardingLeadAt' } as const;

function date(a: Args, flag: 'on' | 'received' | 'paid', required = true): string | undefined {
  const v = a.values[flag];
  if (v === undefined) {
    if (required) throw new UsageError(`--${flag} is required (a date written as YYYY-MM-DD).`);
    return undefined;
  }
  if (!isIsoDate(v)) throw new UsageError(`--${flag} must be a real date written as YYYY-MM-DD (got ${v}).`);
  return v;
}
function minute(a: Args, flag: 'identified' | 'at' | 'line-manager' | 'lead' | 'safeguarding-lead', required = true): string | undefined {
  const v = a.values[flag];
  if (v === undefined) {
    if (required) throw new UsageError(`--${flag} is required (London time written as YYYY-MM-DDTHH:MM).`);
    return undefined;
  }
  if (!isLocalMinute(v)) throw new UsageError(`--${flag} must be a London time written as YYYY-MM-DDTHH:MM, e.g. 2026-11-24T09:30 (got ${v}).`);
  return v;
}
/** A number counted from 1 on the command line (as the case page lists them), 0-based for the services. */
function ordinal(a: Args, flag: 'incident' | 'instruction' | 'invoice'): number {
  const v = need(a.values[flag], flag);
  if (!/^[1-9]\d{0,4}$/.test(v)) throw new UsageError(`--${flag} must be a number from 1, as the case lists them (got ${v}).`);
  return Number(v) - 1;
}
function oneOf<T extends string>(a: Args, flag: 'to' | 'kind' | 'reason' | 'follow-up', allowed: readonly T[]): T {
  const v = need(a.values[flag], flag);
  if (!(allowed as readonly string[]).includes(v)) throw new UsageError(`--${flag} must be one of ${allowed.join(', ')} (got ${v}).`);
  return v as T;
}
const text = (a: Args, flag: 'summary' | 'outcome' | 'by' | 'note' | 'number') => {
  const v = a.values[flag];
  return v === undefined ? {} : { [flag === 'summary' ? 'summary' : flag]: v };
};

/** Runs the action and returns the case view after it, with a line or two that say what it did. */
function act(ctx: Ctx, action: Action, ref: string, a: Args): { view: CaseView; lines: (v: CaseView) => string[] } {
  const rule = (v: CaseView, id: string) => {
    const r = v.rules.find((x) => x.rule === id);
    return r ? `${id}: ${STATUS_WORDS[r.status]}. ${r.reason}` : `${id}: not judged`;
  };
  switch (action) {
    case 'status': {
      const status = oneOf(a, 'to', OPEN_STATUSES);
      const view = changeCaseStatus(ctx, { ref, status, on: date(a, 'on') });
      return { view, lines: () => [`Case ${ref} is ${status} from ${ukDate(date(a, 'on')!)}.`] };
    }
    case 'close': {
      const closedReason = oneOf(a, 'reason', CLOSED_REASONS);
      const consent = a.values['follow-up'] === undefined ? undefined : oneOf(a, 'follow-up', ['yes', 'no'] as const) === 'yes';
      const view = closeCase(ctx, { ref, closedOn: date(a, 'on'), closedReason, ...(consent === undefined ? {} : { followUpConsent: consent }) });
      return {
        view,
        lines: (v) => [
          `Closed case ${ref} on ${ukDate(date(a, 'on')!)} (${closedReason}).`,
          ...v.journey.followUpWindows.map((w) => `Follow-up at ${w.months} months: ${ukDate(w.from)} to ${ukDate(w.to)} (${w.state})`),
          rule(v, 'CASE-FOLLOW-UP'),
        ],
      };
    }
    case 'incident': {
      const item = {
        kind: oneOf(a, 'kind', INCIDENT_KINDS),
        identifiedAt: minute(a, 'identified'),
        summary: need(a.values.summary, 'summary'),
        ...(minute(a, 'line-manager', false) ? { lineManagerAt: minute(a, 'line-manager') } : {}),
        ...(minute(a, 'lead', false) ? { leadReportedAt: minute(a, 'lead') } : {}),
        ...(minute(a, 'safeguarding-lead', false) ? { safeguardingLeadAt: minute(a, 'safeguarding-lead') } : {}),
        ...text(a, 'outcome'),
      };
      const view = saveJourneyItem(ctx, { ref, list: 'incidents', item });
      return { view, lines: (v) => [...incidentLines(v), rule(v, 'CASE-INCIDENT-REPORTED')] };
    }
    case 'report': {
      const n = ordinal(a, 'incident');
      const to = oneOf(a, 'to', Object.keys(REPORT_TO) as (keyof typeof REPORT_TO)[]);
      const incidents = caseView(ctx, ref).case.incidents ?? [];
      const before = incidents[n];
      if (!before) throw new UsageError(`Case ${ref} has no incident ${n + 1} (it has ${incidents.length}).`);
      const view = saveJourneyItem(ctx, { ref, list: 'incidents', index: n, item: { ...before, [REPORT_TO[to]]: minute(a, 'at') } });
      return { view, lines: (v) => [...incidentLines(v), rule(v, 'CASE-INCIDENT-REPORTED')] };
    }
    case 'review': {
      const kind = oneOf(a, 'kind', ['plan', 'risk'] as const);
      const view = saveJourneyItem(ctx, {
        ref,
        list: kind === 'plan' ? 'planReviews' : 'riskReviews',
        item: { on: date(a, 'on'), ...text(a, 'by'), ...text(a, 'note') },
      });
      return {
        view,
        lines: (v) => [
          `Recorded a ${kind} review of case ${ref} on ${ukDate(date(a, 'on')!)}.`,
          rule(v, kind === 'plan' ? 'CASE-PLAN-REVIEW' : 'CASE-RISK-REVIEW'),
        ],
      };
    }
    case 'follow-up': {
      const view = saveJourneyItem(ctx, { ref, list: 'followUps', item: { on: date(a, 'on'), ...text(a, 'outcome') } });
      return {
        view,
        lines: (v) => [
          `Recorded a follow-up contact on ${ukDate(date(a, 'on')!)}.`,
          ...v.journey.followUpWindows.map((w) => `Follow-up at ${w.months} months: ${ukDate(w.from)} to ${ukDate(w.to)} (${w.state})`),
          rule(v, 'CASE-FOLLOW-UP'),
        ],
      };
    }
    case 'invoice': {
      const instruction = ordinal(a, 'instruction');
      const amount = need(a.values.amount, 'amount');
      if (!/^\d+(\.\d{1,2})?$/.test(amount) || Number(amount) <= 0)
        throw new UsageError(`--amount must be a positive number of pounds, e.g. 450 or 450.50 (got ${amount}).`);
      const invoice = {
        receivedOn: date(a, 'received'),
        amountGBP: Number(amount),
        ...(date(a, 'paid', false) ? { paidOn: date(a, 'paid') } : {}),
        ...text(a, 'number'),
      };
      const view = saveInvoice(ctx, { ref, instruction, invoice });
      return { view, lines: (v) => invoiceLines(v, instruction) };
    }
    case 'paid': {
      const instruction = ordinal(a, 'instruction');
      const n = ordinal(a, 'invoice');
      const list = caseView(ctx, ref).journey.invoices[instruction]?.invoices ?? [];
      const inv = list[n];
      if (!inv) throw new UsageError(`Instruction ${instruction + 1} of case ${ref} has no invoice ${n + 1} (it has ${list.length}).`);
      const { index: _i, days: _d, dueBy: _b, state: _s, ...stored } = inv;
      const view = saveInvoice(ctx, { ref, instruction, index: n, invoice: { ...stored, paidOn: date(a, 'on') } });
      return { view, lines: (v) => invoiceLines(v, instruction) };
    }
  }
}

function incidentLines(v: CaseView): string[] {
  return v.journey.incidents.map((k) => `Incident ${k.index + 1} (${k.kind}, identified ${k.identifiedAt.replace('T', ' ')}): ${k.words}`);
}
function invoiceLines(v: CaseView, instruction: number): string[] {
  const words = { 'paid-in-time': 'paid in time', 'paid-late': 'paid late', unpaid: 'unpaid, within the terms', overdue: 'unpaid past the terms' } as const;
  const part = v.journey.invoices[instruction];
  return (part?.invoices ?? []).map(
    (i) =>
      `Invoice ${i.index + 1}${i.number ? ` (${i.number})` : ''} from ${part!.supplier}: ${pounds(i.amountGBP)} received ${ukDate(i.receivedOn)}, ` +
      `${words[i.state]} (${i.days} day${i.days === 1 ? '' : 's'}${i.paidOn ? ` to pay, on ${ukDate(i.paidOn)}` : ''}; due by ${ukDate(i.dueBy)})`,
  );
}

export const caseJourney: Command = async (a) => {
  const action = a.positionals[0];
  if (!action || !(CASE_ACTIONS as readonly string[]).includes(action)) {
    throw new UsageError(`case needs one of ${CASE_ACTIONS.join(', ')} (got ${action ?? 'nothing'}): caseproof case incident --vault PATH --case REF ...`);
  }
  const ref = need(a.values.case, 'case');
  if (!REF_RE.test(ref)) throw new UsageError(`--case must be a case reference such as RR-C-001 (got ${ref}).`);
  await withVault(a, (ctx) => {
    const { view, lines } = act(ctx, action as Action, ref, a);
    if (a.values.json) return out(JSON.stringify({ case: ref, status: view.status, rules: view.rules, journey: view.journey }, null, 1));
    for (const l of lines(view)) out(l);
  });
};
