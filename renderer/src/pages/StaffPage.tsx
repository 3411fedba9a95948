// A staff member's profile: their details and how they stand against every rule.
import { useState } from 'react';
import { call } from '../api';
import { useLoad } from '../hooks';
import { ukDate } from '../format';
import { StatusBadge } from '../components/Status';
import { RulesTable } from '../components/RulesTable';
import { StaffForm } from './StaffForm';

export function StaffPage({ staffRef, go }: { staffRef: string; go: (to: string) => void }) {
  const { data, error, reload } = useLoad(async () => {
    const [person, report] = await Promise.all([call('getStaff', { ref: staffRef }), call('complianceReport', {})]);
    return { person, subject: report.staff.find((s) => s.ref === staffRef) ?? null };
  }, [staffRef]);
  const [editing, setEditing] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);
  if (error) return <p role="alert" className="form-error">{error}</p>;
  if (!data) return <p aria-busy="true">Loading…</p>;
  const { person, subject } = data;
  const remove = async () => {
    try {
      await call('deleteStaff', { ref: person.ref });
      go('/staff');
    } catch (e) {
      setActionError((e as Error).message);
    }
  };
  return (
    <section aria-labelledby="page-title">
      <header className="page-head">
        <h1 id="page-title">{person.name}</h1>
        {subject ? <StatusBadge status={subject.status} /> : null}
      </header>
      {editing ? (
        <StaffForm
          initial={person}
          onSaved={(ref) => {
            setEditing(false);
            if (ref !== staffRef) go(`/staff/${encodeURIComponent(ref)}`);
            else reload();
          }}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <div className="card">
          <dl className="details">
            <dt>Reference</dt>
            <dd>{person.ref}</dd>
            <dt>Profession</dt>
            <dd>{person.profession ?? 'Not recorded'}</dd>
            <dt>Employment</dt>
            <dd>{person.employment?.replace('-', ' ') ?? 'Not recorded'}</dd>
            <dt>Sole practitioner</dt>
            <dd>{person.solePractitioner ? 'Yes' : 'No'}</dd>
            <dt>Case management since</dt>
            <dd>{ukDate(person.caseManagementSince) || 'Not recorded'}</dd>
            <dt>Qualified on</dt>
            <dd>{ukDate(person.qualifiedOn) || 'Not recorded'}</dd>
            <dt>Days a week</dt>
            <dd>{person.daysPerWeek ?? 'Not recorded'}</dd>
          </dl>
          <div className="actions">
            <button onClick={() => setEditing(true)}>Edit details</button>
            {confirmDelete ? (
              <>
                <button className="danger" onClick={remove}>
                  Yes, delete {person.name} and their evidence
                </button>
                <button className="secondary" onClick={() => setConfirmDelete(false)}>
                  Keep
                </button>
              </>
            ) : (
              <button className="secondary" onClick={() => setConfirmDelete(true)}>
                Delete…
              </button>
            )}
          </div>
          {actionError ? <p className="form-error" role="alert">{actionError}</p> : null}
        </div>
      )}
      {subject ? (
        <section aria-labelledby="compliance-title">
          <h2 id="compliance-title">Compliance</h2>
          <RulesTable rules={subject.rules} label={`Compliance of ${person.name}`} />
        </section>
      ) : null}
    </section>
  );
}
