// The one "to do" list (contract/todo.ts): every rule result that is not met now, with or
// without a date (missing evidence has none: "No CPD is recorded"), then everything the due
// list says lapses within the window. For the firm (the To do page, `caseproof due --all`)
// or for one person (their profile), both from the same function over a report.
import type { ComplianceReport, RuleResult } from '../../contract/compliance';
import type { IsoDate } from '../../contract/dates';
import type { FirmSnapshot } from '../../contract/model';
import type { RuleSubjectKind } from '../../contract/ops/evidence';
import { ruleTitle } from '../../contract/rules';
import type { TodoItem, TodoView } from '../../contract/todo';
import { dueList, engineContext, evaluateStaff, FIRM_REF } from '../compliance/engine';
import type { Ctx } from '../context';
import { firmReport } from '../views/firmModel';
import { snapshotForStaff } from '../views/staffProfile';

const SUBJECT_ORDER: Record<RuleSubjectKind, number> = { firm: 0, staff: 1, supplier: 2, case: 3 };

/**
 * The to-do items of a report: not met first (the firm, then people, suppliers and cases in
 * the report's order), then what is due, soonest first (overdue re-vetting first, as in the
 * due list). A result is listed once: a due-list entry that is also not met stays "not met".
 */
export function todoItems(
  report: Pick<ComplianceReport, 'firm' | 'staff' | 'suppliers' | 'cases'>,
  asOf: IsoDate,
  days: number,
  snapshot?: Pick<FirmSnapshot, 'suppliers'>,
): TodoItem[] {
  const notMet: TodoItem[] = [];
  const add = (subject: RuleSubjectKind, ref: string, name: string | undefined, rules: RuleResult[]) => {
    for (const r of rules) {
      if (r.status !== 'not_met') continue;
      const item: TodoItem = { subject, ref, rule: r.rule, title: ruleTitle(r.rule), status: r.status, reason: r.reason, why: 'not_met' };
      if (name !== undefined) item.name = name;
      if (r.changesOn !== undefined) item.changesOn = r.changesOn;
      notMet.push(item);
    }
  };
  add('firm', FIRM_REF, undefined, report.firm.rules);
  for (const s of report.staff) add('staff', s.ref, s.name, s.rules);
  for (const s of report.suppliers) add('supplier', s.ref, s.name, s.rules);
  for (const c of report.cases) add('case', c.ref, c.name, c.rules);
  const key = (i: { subject: string; ref: string; rule: string }) => `${i.subject}\u0000${i.ref}\u0000${i.rule}`;
  const listed = new Map(notMet.map((i) => [key(i), i]));
  const due: TodoItem[] = [];
  for (const d of dueList(report as ComplianceReport, asOf, days, snapshot)) {
    const same = listed.get(key(d));
    if (same) {
      // Overdue re-vetting is the SUP-VETTING-DECISION result itself: keep one line, marked overdue.
      if (d.overdue) Object.assign(same, { overdue: true, changesOn: d.changesOn, reason: d.reason });
      continue;
    }
    const item: TodoItem = {
      subject: d.subject,
      ref: d.ref,
      rule: d.rule,
      title: ruleTitle(d.rule),
      status: d.status,
      reason: d.reason,
      why: d.status === 'not_met' ? 'not_met' : 'due',
      changesOn: d.changesOn,
    };
    if (d.name !== undefined) item.name = d.name;
    if (d.overdue) item.overdue = true;
    (item.why === 'not_met' ? notMet : due).push(item);
    listed.set(key(item), item);
  }
  notMet.sort((a, b) => Number(!!b.overdue) - Number(!!a.overdue) || SUBJECT_ORDER[a.subject] - SUBJECT_ORDER[b.subject]);
  return [...notMet, ...due];
}

function view(firmName: string, asOf: IsoDate, days: number, items: TodoItem[], limit?: number): TodoView {
  const notMet = items.filter((i) => i.why === 'not_met').length;
  return {
    asOf,
    firmName,
    days,
    items: limit === undefined ? items : items.slice(0, limit),
    total: items.length,
    notMet,
    due: items.length - notMet,
  };
}

/** The firm's to-do list: every subject's results on the firm model (the Dashboard's work, reused). */
export function firmTodo(ctx: Ctx, opts: { days?: number; asOf?: IsoDate; limit?: number } = {}): TodoView {
  const asOf = opts.asOf ?? ctx.clock.today();
  const { model, report } = firmReport(ctx, asOf, opts.asOf === undefined ? ctx.clock.now() : undefined);
  const days = opts.days ?? model.snapshot.firm.settings.warningDays;
  return view(model.snapshot.firm.name, asOf, days, todoItems(report, asOf, days, model.snapshot), opts.limit);
}

/** One person's to-do list, from their own rows (evaluated as on their profile), today. */
export function staffTodo(ctx: Ctx, ref: string, opts: { days?: number } = {}): TodoView {
  const snapshot = snapshotForStaff(ctx, ref);
  const asOf = ctx.clock.today();
  const report = evaluateStaff(snapshot.staff[0]!, engineContext(snapshot, asOf, ctx.clock.now()));
  const days = opts.days ?? snapshot.firm.settings.warningDays;
  const none = { status: 'met' as const, rules: [] };
  return view(snapshot.firm.name, asOf, days, todoItems({ firm: none, staff: [report], suppliers: [], cases: [] }, asOf, days));
}
