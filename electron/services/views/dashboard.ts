// The Dashboard in one call: the firm's rules, every person's STAFF-* results (the
// people-by-rule table) and the first items of what lapses within the warning window, sized
// to what the page draws. Worked out on the firm model (firmModel.ts), so after a change only
// what changed is read and judged again; the reminder after unlock and the due list share it.
import { overallStatus } from '../../contract/compliance';
import { DASHBOARD_DUE_SHOWN, type DashboardView } from '../../contract/ops/screens';
import { dueList } from '../compliance/engine';
import type { Ctx } from '../context';
import { firmReport } from './firmModel';

export function dashboardView(ctx: Ctx, opts: { dueLimit?: number } = {}): DashboardView {
  const asOf = ctx.clock.today();
  const { model, report } = firmReport(ctx, asOf, ctx.clock.now());
  const days = model.snapshot.firm.settings.warningDays;
  const items = dueList(report, asOf, days, model.snapshot);
  return {
    asOf,
    firmName: model.snapshot.firm.name,
    overall: overallStatus([{ status: report.firm.status }, ...report.staff]),
    firm: report.firm,
    staff: report.staff,
    due: { days, items: items.slice(0, opts.dueLimit ?? DASHBOARD_DUE_SHOWN), total: items.length },
  };
}
