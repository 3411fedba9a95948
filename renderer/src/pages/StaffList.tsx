// Every staff member, and adding one.
import { useState } from 'react';
import { Link } from '@tanstack/react-router';
import { useOp } from '../data/query';
import { StaffForm } from './StaffForm';
import { ExportListButton } from '../components/ExportListButton';

export function StaffList() {
  const data = useOp('listStaff', {});
  const [adding, setAdding] = useState(false);
  return (
    <section aria-labelledby="page-title">
      <header className="page-head">
        <h1 id="page-title">Staff</h1>
        {!adding ? <button onClick={() => setAdding(true)}>Add staff member</button> : null}
      </header>
      {data.length > 0 ? (
        <div className="actions">
          <ExportListButton list="staff" what="the staff list" />
        </div>
      ) : null}
      {adding ? <StaffForm onSaved={() => setAdding(false)} onCancel={() => setAdding(false)} /> : null}
      {data.length === 0 ? <p>No staff yet. Add the first case manager to start keeping their evidence.</p> : null}
      {data.length > 0 ? (
        <table className="table" aria-label="Staff members">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Reference</th>
              <th scope="col">Profession</th>
              <th scope="col">Employment</th>
              <th scope="col">Days a week</th>
            </tr>
          </thead>
          <tbody>
            {data.map((s) => (
              <tr key={s.ref}>
                <td>
                  <Link to="/staff/$ref/{-$tab}" params={{ ref: s.ref }}>
                    {s.name}
                  </Link>
                </td>
                <td>{s.ref}</td>
                <td>{s.profession ?? ''}</td>
                <td>{s.employment?.replace('-', ' ') ?? ''}</td>
                <td>{s.daysPerWeek ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
