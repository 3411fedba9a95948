// The firm at a glance: overall status, what lapses within the firm's warning window
// (soonest first, each linking to the exact place to fix it), people by rule (the Legal
// Panel view), the firm's own rules, and the due dates as a calendar file.
import { INCIDENT_KIND_WORDS } from '../../../electron/contract/ops/journey';
import { useMemo, useState } from 'react';
import { Link } from '@tanstack/react-router';
import { STATUS_WORDS } from '../../../electron/contract/compliance';
import type { DueItemView } from '../../../electron/contract/ops/evidence';
import { useAction, useOpQuery, useOps } from '../data/query';
import { ukDate, ukDateLong } from '../format';
import { StatusBadge } from '../components/Status';
import { fixLink, useStaffRuleHrefs } from '../links';
import { BackupLine } from '../backups/BackupLine';
import { DbsCopiesDue } from './DbsCopiesDue';
import { ExportListButton } from '../components/ExportListButton';

function whoOf(i: DueItemView, firmName: string): string {
  if (i.subject === 'firm') return firmName || 'The firm';
  if (i.subject === 'case') return `Case ${i.ref}`;
  return i.name ?? i.ref;
}

export function Dashboard() {
  // One call for the whole page (the firm's rules, people by rule, the first due items); the
  // rest of a long due list only when asked for. The backup line and the DBS copies card read
  // their own operations: asked for here too, beside the others, so all five go at once. Left to
  // those components, each would be asked only when React reached it, and each answer would
  // render the page again (the table's 3,000 cells three times: 0.3-0.6 s on a 200-person firm).
  const [view, catalogueList, clocks] = useOps([
    ['dashboard', {}],
    ['ruleCatalogue', {}],
    ['incidentClocks', {}],
    ['backupState', {}],
    ['dbsCopiesDue', {}],
  ]);
  const [showAll, setShowAll] = useState(false);
  const all = useOpQuery('dueItems', {}, { enabled: showAll && view.due.total > view.due.items.length });
  const report = { asOf: view.asOf, firm: view.firm, staff: view.staff };
  const firm = { name: view.firmName };
  const due = { days: view.due.days, items: showAll && all.data ? all.data.items : view.due.items };
  const more = view.due.total - due.items.length;
  const exportDue = useAction('exportDueCalendar');
  const [calendar, setCalendar] = useState<{ text: string; error?: boolean } | null>(null);
  const catalogue = new Map<string, (typeof catalogueList)[number]>(catalogueList.map((r) => [r.id, r]));
  const title = (id: string) => catalogue.get(id)?.title ?? id;
  const ruleIds = useMemo(() => catalogueList.filter((r) => r.subject === 'staff').map((r) => r.id), [catalogueList]);
  const refs = useMemo(() => view.staff.map((s) => s.ref), [view.staff]);
  // The table's cells link with plain hrefs (links.ts: a router Link apiece costs the first render 0.1 s+).
  const cellHref = useStaffRuleHrefs(refs, ruleIds);
  const overall = view.overall;
  const dueTitle = `Due in the next ${due.days} days`;
  const exportCalendar = async () => {
    setCalendar(null);
    try {
      const r = await exportDue.mutateAsync({});
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
        As of {ukDateLong(report.asOf)}. Items lapsing within {due.days} days show as due soon (change this under <Link to="/settings">Settings</Link>).
      </p>
      <BackupLine />
      <div className="actions">
        <button type="button" className="secondary" onClick={exportCalendar}>
          Export due dates to calendar…
        </button>
        <Link to="/todo">To do: everything not met or due</Link>
        <Link to="/policies/{-$kind}">Organisation policies</Link>
        <Link to="/checklist/{-$ref}">Case manager self checklist</Link>
      </div>
      {calendar ? (
        <p role={calendar.error ? 'alert' : 'status'} className={calendar.error ? 'form-error' : 'saved'}>
          {calendar.text}
        </p>
      ) : null}

      {clocks.length ? (
        <section aria-labelledby="clocks-title" className="card due-card incident-clocks">
          <h2 id="clocks-title">Incidents to report</h2>
          <ol aria-label="Incidents to report">
            {clocks.map((k) => (
              <li key={`${k.caseRef}-${k.index}`} className={k.minutesLeft !== null && k.minutesLeft < 0 ? 'clock late' : 'clock running'}>
                <Link to="/cases/$ref" params={{ ref: k.caseRef }}>
                  Case {k.caseRef}: {INCIDENT_KIND_WORDS[k.kind]}
                </Link>{' '}
                {k.words}
              </li>
            ))}
          </ol>
        </section>
      ) : null}

      <section aria-labelledby="due-title" className="card due-card">
        <h2 id="due-title">{dueTitle}</h2>
        <ExportListButton list="due" what="the due list" />
        {due.items.length === 0 ? (
          <p>Nothing lapses in the next {due.days} days.</p>
        ) : (
          <ol className="due-list" aria-label={dueTitle}>
            {due.items.map((i) => (
              <li key={`${i.subject}-${i.ref}-${i.rule}`} data-rule={i.rule} data-ref={i.ref}>
                {i.overdue ? <strong className="overdue">Overdue since </strong> : null}
                <span className="due-date">{ukDate(i.changesOn)}</span>{' '}
                <Link {...fixLink(i.subject, i.ref, i.rule)}>
                  {whoOf(i, firm.name)}: {title(i.rule)}
                </Link>{' '}
                <StatusBadge status={i.status} /> <span className="rule-id">{i.rule}</span>
                <div className="hint">{i.reason}</div>
              </li>
            ))}
          </ol>
        )}
        {more > 0 ? (
          <p>
            {showAll && all.isFetching ? (
              <span role="status">Loading the other {more.toLocaleString('en-GB')}…</span>
            ) : (
              <button type="button" className="secondary" onClick={() => setShowAll(true)}>
                Show the other {more.toLocaleString('en-GB')} due in the next {due.days} days
              </button>
            )}
          </p>
        ) : null}
      </section>

      <DbsCopiesDue />

      <section aria-labelledby="panel-title">
        <h2 id="panel-title">People by rule</h2>
        {report.staff.length === 0 ? (
          <p>
            No staff yet. <Link to="/staff">Add a staff member</Link> to see them here.
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
                      <Link to="/staff/$ref/{-$tab}" params={{ ref: s.ref }}>
                        {s.name ?? s.ref}
                      </Link>
                      <div>
                        <StatusBadge status={s.status} />
                      </div>
                    </th>
                    {ruleIds.map((id) => {
                      const r = s.rules.find((x) => x.rule === id);
                      if (!r) return <td key={id} />;
                      return (
                        <td key={id} title={r.reason} data-rule={id}>
                          <a className="cell-link" href={cellHref(s.ref, id)} aria-label={`${s.name ?? s.ref}, ${title(id)}: ${STATUS_WORDS[r.status]}`}>
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
              <StatusBadge status={r.status} /> <Link {...fixLink('firm', 'firm', r.rule)}>{title(r.rule)}</Link>: {r.reason}
            </li>
          ))}
        </ul>
      </section>
    </section>
  );
}
