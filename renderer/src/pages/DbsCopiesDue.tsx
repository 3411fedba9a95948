// The Dashboard's list of DBS certificate copies due to be destroyed under the firm's period
// (Settings: dbsCopyMonths), soonest first, each linking to the person's or supplier's DBS records.
import { Link } from '@tanstack/react-router';
import { useOp } from '../data/query';
import { ukDate } from '../format';

export function DbsCopiesDue() {
  const due = useOp('dbsCopiesDue', {});
  return (
    <section aria-labelledby="dbs-copies-title" className="card">
      <h2 id="dbs-copies-title">DBS certificate copies due to be destroyed</h2>
      <p className="hint">
        Copies are kept for {due.months} months after the certificate was issued, and the status page kept with an Update Service check for {due.months} months
        after the check (change this under <Link to="/settings">Settings</Link>); then they are destroyed, and the details, who saw the original and the
        copy&rsquo;s fingerprint are kept.
      </p>
      {due.items.length === 0 ? (
        <p>No copy is due to be destroyed in the next {due.days} days.</p>
      ) : (
        <ul aria-label="DBS certificate copies due to be destroyed">
          {due.items.map((c) => (
            <li key={c.fileId} data-file={c.fileId}>
              <span className="due-date">{ukDate(c.dueOn)}</span>{' '}
              {c.ownerType === 'staff' ? (
                <Link to="/staff/$ref/{-$tab}" params={{ ref: c.ref, tab: 'dbs' }}>
                  {c.ownerName || c.ref}
                </Link>
              ) : (
                <Link to="/suppliers/$ref" params={{ ref: c.ref }}>
                  {c.ownerName || c.ref}
                </Link>
              )}
              : {c.name} ({c.checkedOn ? `Update Service check of ${ukDate(c.checkedOn)}` : `certificate issued ${ukDate(c.issuedOn)}`})
              {c.dueOn <= due.today ? <strong> — destroyed at the next unlock</strong> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
