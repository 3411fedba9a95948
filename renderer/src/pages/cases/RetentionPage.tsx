// Retention: closed cases kept longer than the firm's retention period (Settings), for
// review and deletion. Deleting asks for the case reference to be typed.
import { useState } from 'react';
import { Link } from '@tanstack/react-router';
import type { RetentionRow } from '../../../../electron/contract/ops/cases';
import { useOp } from '../../data/query';
import { ukDate } from '../../format';
import { DeleteDialog } from './CloseDialogs';

function Rows({ rows, label, onDelete }: { rows: RetentionRow[]; label: string; onDelete?: (ref: string) => void }) {
  return (
    <table className="table" aria-label={label}>
      <thead>
        <tr>
          <th scope="col">Case</th>
          <th scope="col">Closed on</th>
          <th scope="col">Kept until</th>
          <th scope="col">Reason for closing</th>
          <th scope="col">Case manager</th>
          <th scope="col">Instructing party</th>
          {onDelete ? (
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          ) : null}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.ref}>
            <th scope="row">
              <Link to="/cases/$ref" params={{ ref: r.ref }}>
                {r.ref}
              </Link>
            </th>
            <td>{ukDate(r.closedOn) || 'Not recorded'}</td>
            <td>{ukDate(r.keepUntil) || '—'}</td>
            <td>{r.closedReason ?? ''}</td>
            <td>{r.caseManagerName}</td>
            <td>{r.party}</td>
            {onDelete ? (
              <td>
                <button className="secondary small" onClick={() => onDelete(r.ref)} aria-label={`Delete case ${r.ref}…`}>
                  Delete…
                </button>
              </td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function RetentionPage() {
  const data = useOp('casesPastRetention', {});
  const [deleting, setDeleting] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">Retention</h1>
      <p>
        The firm keeps a closed case for {data.years} years after its closing date (change this in <Link to="/settings">Settings</Link>). After that it is due
        for review: delete it unless something requires it to be kept.
      </p>
      {done ? (
        <p role="status" className="saved">
          {done}
        </p>
      ) : null}
      <h2>Due for review</h2>
      {data.due.length === 0 ? (
        <p>No closed case is past the retention period on {ukDate(data.asOf)}.</p>
      ) : (
        <Rows rows={data.due} label="Cases past retention" onDelete={setDeleting} />
      )}
      {data.undated.length > 0 ? (
        <>
          <h2>Closed without a closing date</h2>
          <p className="hint">The retention period of these cannot be worked out. Open each one and add its closing date.</p>
          <Rows rows={data.undated} label="Closed cases without a closing date" />
        </>
      ) : null}
      {deleting ? (
        <DeleteDialog
          caseRef={deleting}
          retention={null}
          onClose={() => setDeleting(null)}
          onDone={() => {
            setDone(`Case ${deleting} was deleted.`);
            setDeleting(null);
          }}
        />
      ) : null}
    </section>
  );
}
