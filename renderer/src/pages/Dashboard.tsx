// The firm at a glance: overall status, what lapses within the firm's warning window
// (soonest first, each linking to the exact place to fix it), people by rule (the Legal
// Panel view), the firm's own rules, and the due dates as a calendar file.
import { useState } from 'react';
import { overallStatus, STATUS_WORDS } from '../../../electron/contract/compliance';
import type { DueItemView } from '../../../electron/contract/ops/evidence';
import { call } from '../api';
import { useLoad } from '../hooks';
import { ukDate, ukDateLong } from '../format';
import { StatusBadge } from '../components/Status';
import { fixLink } from '../links';

function whoOf(i: DueItemView, firmName: string): string {
  if (i.subject === 'firm') return firmName || 'The firm';
  if (i.subject === 'case') return `Case ${i.ref}`;
  return i.name ?? i.ref;
}

export function Dashboard(_: { go: (to: string) => void }) {
  const { data, error } = useLoad(() => Promise.all([call('complianceReport', {}), call('getFirm', {}), call('dueItems', {}), call('ruleCatalogue', {})]), []);
  const [calendar, setCalendar] = useState<{ text: string; error?: boolean } | null>(null);
  if (error)
    return (
      <p role="alert" className="form-error">
        {error}
      </p>
    );
  if (!data) return <p aria-busy="true">Loading…</p>;
  const [report, firm, due, catalogueList] = data;
  const catalogue = new Map(catalogueList.map((r) => [r.id, r]));
  const title = (id: string) => catalogue.get(id)?.title ?? id;
  const ruleIds = catalogueList.filter((r) => r.subject === 'staff').map((r) => r.id);
  const overall = overallStatus([{ status: report.firm.status }, ...report.staff]);
  const dueTitle = `Due in the next ${due.days} days`;
  const exportCalendar = async () => {
    setCalendar(null);
    try {
      const r = await call('exportDueCalendar', {});
      if (r.path) setCalendar({ text: `Saved ${r.events} due date${r.events === 1 ? '' : 's'} to ${r.path}. Open that file with your calendar to add them.` });
    } catch (e) {
      setCalendar({ text: (e as Error).message, error: true });
    }
  };
  return (
    <section aria-labelledby="page-title">
      <header className="page-head">
        <h1 id="page-title">{firm.name || 'Your firm'}</h1>
        <span>
          Overall: <StatusBadge status={overall} />
        </span>
      </header>
      <p className="hint">
        As of {ukDateLong(report.asOf)}. Items lapsing within {due.days} days show as due soon (change this under <a href="#/settings">Settings</a>).
      </p>
      <div className="actions">
        <button type="button" className="secondary" onClick={exportCalendar}>
          Export due dates to calendar…
        </button>
        <a href="#/policies">Organisation policies</a>
        <a href="#/checklist">Case manager self checklist</a>
      </div>
      {calendar ? (
        <p role={calendar.error ? 'alert' : 'status'} className={calendar.error ? 'form-error' : 'saved'}>
          {calendar.text}
        </p>
      ) : null}

      <section aria-labelledby="due-title" className="card due-card">
        <h2 id="due-title">{dueTitle}</h2>
        {due.items.length === 0 ? (
          <p>Nothing lapses in the next {due.days} days.</p>
        ) : (
          <ol className="due-list" aria-label={dueTitle}>
            {due.items.map((i) => (
              <li key={`${i.subject}-${i.ref}-${i.rule}`} data-rule={i.rule} data-ref={i.ref}>
                {i.overdue ? <strong className="overdue">Overdue since </strong> : null}
                <span className="due-date">{ukDate(i.changesOn)}</span>{' '}
                <a href={fixLink(i.subject, i.ref, i.rule)}>
                  {whoOf(i, firm.name)}: {title(i.rule)}
                </a>{' '}
                <StatusBadge status={i.status} /> <span className="rule-id">{i.rule}</span>
                <div className="hint">{i.reason}</div>
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
                  {ruleIds.map((id) => (
                    <th scope="col" key={id} title={`${title(id)} (${id})`} aria-label={`${title(id)}, ${id}`} data-rule={id}>
                      {catalogue.get(id)?.short ?? id}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {report.staff.map((s) => (
                  <tr key={s.ref} data-ref={s.ref}>
                    <th scope="row">
                      <a href={`#/staff/${encodeURIComponent(s.ref)}`}>{s.name ?? s.ref}</a>
                      <div>
                        <StatusBadge status={s.status} />
                      </div>
                    </th>
                    {ruleIds.map((id) => {
                      const r = s.rules.find((x) => x.rule === id);
                      if (!r) return <td key={id} />;
                      return (
                        <td key={id} title={r.reason} data-rule={id}>
                          <a
                            className="cell-link"
                            href={fixLink('staff', s.ref, id)}
                            aria-label={`${s.name ?? s.ref}, ${title(id)}: ${STATUS_WORDS[r.status]}`}
                          >
                            <StatusBadge status={r.status} />
                          </a>
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="firm-rules-title">
        <h2 id="firm-rules-title">The firm</h2>
        <ul className="plain firm-rules">
          {report.firm.rules.map((r) => (
            <li key={r.rule} data-rule={r.rule}>
              <StatusBadge status={r.status} /> <a href={fixLink('firm', 'firm', r.rule)}>{title(r.rule)}</a>: {r.reason}
            </li>
          ))}
        </ul>
      </section>
    </section>
  );
}
