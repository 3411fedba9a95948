// The firm at a glance: overall status, people by rule (the Legal Panel view), and what
// lapses in the next 60 days, soonest first, each linking to where it is fixed.
import { call } from '../api';
import { useLoad } from '../hooks';
import { ukDate } from '../format';
import { StatusBadge } from '../components/Status';
import type { ComplianceReport, RuleResult } from '../../../electron/contract/compliance';
import { plusDays } from '../../../electron/contract/dates';

const WINDOW_DAYS = 60;

interface DueLine {
  subject: 'staff' | 'supplier' | 'firm' | 'case';
  ref: string;
  name?: string;
  r: RuleResult;
}
/** Everything met or due soon whose status changes within the window (it will lapse). */
function dueSoon(report: ComplianceReport): DueLine[] {
  const limit = plusDays(report.asOf, WINDOW_DAYS);
  const out: DueLine[] = [];
  const take = (subject: DueLine['subject'], ref: string, name: string | undefined, rules: RuleResult[]) => {
    for (const r of rules) if ((r.status === 'met' || r.status === 'due_soon') && r.changesOn && r.changesOn <= limit) out.push({ subject, ref, name, r });
  };
  take('firm', 'firm', 'The firm', report.firm.rules);
  for (const s of report.staff) take('staff', s.ref, s.name, s.rules);
  for (const s of report.suppliers) take('supplier', s.ref, s.name, s.rules);
  for (const s of report.cases) take('case', s.ref, s.name, s.rules);
  return out.sort((a, b) => a.r.changesOn!.localeCompare(b.r.changesOn!) || a.ref.localeCompare(b.ref));
}
function linkFor(l: DueLine): string {
  if (l.subject === 'staff') return `#/staff/${encodeURIComponent(l.ref)}`;
  if (l.subject === 'supplier') return `#/suppliers/${encodeURIComponent(l.ref)}`;
  if (l.subject === 'case') return `#/cases/${encodeURIComponent(l.ref)}`;
  return '#/settings';
}

export function Dashboard(_: { go: (to: string) => void }) {
  const { data, error } = useLoad(() => Promise.all([call('complianceReport', {}), call('getFirm', {})]), []);
  if (error) return <p role="alert" className="form-error">{error}</p>;
  if (!data) return <p aria-busy="true">Loading…</p>;
  const [report, firm] = data;
  const ruleIds = report.staff[0]?.rules.map((r) => r.rule) ?? [];
  const due = dueSoon(report);
  const overall = [report.firm.status, ...report.staff.map((s) => s.status)].includes('not_met')
    ? 'not_met'
    : [report.firm.status, ...report.staff.map((s) => s.status)].includes('due_soon')
      ? 'due_soon'
      : 'met';
  return (
    <section aria-labelledby="page-title">
      <header className="page-head">
        <h1 id="page-title">{firm.name || 'Your firm'}</h1>
        <span>
          Overall: <StatusBadge status={overall} />
        </span>
      </header>
      <p className="hint">As of {ukDate(report.asOf)}.</p>

      <section aria-labelledby="due-title" className="card">
        <h2 id="due-title">Due in the next {WINDOW_DAYS} days</h2>
        {due.length === 0 ? (
          <p>Nothing lapses in the next {WINDOW_DAYS} days.</p>
        ) : (
          <ol className="due-list" aria-label="Due in the next 60 days">
            {due.map((l) => (
              <li key={`${l.subject}-${l.ref}-${l.r.rule}`}>
                <span className="due-date">{ukDate(l.r.changesOn)}</span> <a href={linkFor(l)}>{l.name ?? l.ref}</a> · {l.r.rule} · <StatusBadge status={l.r.status} />
                <div className="hint">{l.r.reason}</div>
              </li>
            ))}
          </ol>
        )}
      </section>

      <section aria-labelledby="panel-title">
        <h2 id="panel-title">People by rule</h2>
        {report.staff.length === 0 ? (
          <p>
            No staff yet. <a href="#/staff">Add a staff member</a> to see them here.
          </p>
        ) : (
          <div className="scroll-x">
            <table className="table matrix" aria-label="Staff by rule">
              <thead>
                <tr>
                  <th scope="col">Person</th>
                  <th scope="col">Overall</th>
                  {ruleIds.map((id) => (
                    <th scope="col" key={id}>
                      {id.replace(/^STAFF-/, '').replace(/-/g, ' ').toLowerCase()}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {report.staff.map((s) => (
                  <tr key={s.ref}>
                    <th scope="row">
                      <a href={`#/staff/${encodeURIComponent(s.ref)}`}>{s.name ?? s.ref}</a>
                    </th>
                    <td>
                      <StatusBadge status={s.status} />
                    </td>
                    {s.rules.map((r) => (
                      <td key={r.rule} title={r.reason}>
                        <StatusBadge status={r.status} />
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="firm-rules-title">
        <h2 id="firm-rules-title">The firm</h2>
        <ul className="plain">
          {report.firm.rules.map((r) => (
            <li key={r.rule}>
              <StatusBadge status={r.status} /> {r.rule}: {r.reason}
            </li>
          ))}
        </ul>
      </section>
    </section>
  );
}
