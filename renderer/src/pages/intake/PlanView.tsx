// What an import would do, before anything is written: what is refused (row, column, the
// value given, what is wanted), then each person, supplier or case with its field changes
// (now and in the file) and the records it adds, removes or already holds.
import type { ImportPlan, PlannedRecord, PlannedSubject } from '../../../../electron/contract/ops/intake';
import { ukDateTime } from '../../../../electron/contract/dates';

const ACTION_WORDS: Record<PlannedRecord['action'], string> = { add: 'Add', change: 'Change', same: 'Already there', remove: 'Remove' };
const SUBJECT_WORDS: Record<PlannedSubject['action'], string> = { add: 'new', change: 'changes', same: 'no change' };
const WHAT_WORDS: Record<PlannedSubject['what'], string> = { firm: 'The firm', staff: 'Staff', supplier: 'Supplier', case: 'Case' };

export function planSummary(plan: ImportPlan): string {
  const t = plan.totals;
  if (t.refused) return `${t.refused === 1 ? 'One problem' : `${t.refused} problems`} to fix before anything can be imported.`;
  const bits = [`${t.add} to add`, `${t.change} to change`, ...(t.remove ? [`${t.remove} to remove`] : []), `${t.same} already there`];
  return `Nothing has been imported yet: ${bits.join(', ')}.`;
}

export function PlanView({ plan }: { plan: ImportPlan }) {
  return (
    <section aria-labelledby="plan-title" className="plan">
      <h2 id="plan-title">What importing {plan.file} would do</h2>
      {plan.passport ? (
        <p>
          Evidence passport of <strong>{plan.passport.name}</strong> ({plan.passport.ref}) from {plan.passport.fromFirm}, made{' '}
          {ukDateTime(plan.passport.madeAt)}.
        </p>
      ) : null}
      <p role="status" className={plan.refused.length ? 'form-error' : 'saved'}>
        {planSummary(plan)}
      </p>
      {plan.refused.length ? (
        <div className="scroll-x">
          <table className="table" aria-label="Refused">
            <thead>
              <tr>
                <th scope="col">{plan.source === 'spreadsheet' ? 'Row' : 'Where'}</th>
                {plan.source === 'spreadsheet' ? <th scope="col">Column</th> : null}
                <th scope="col">Value given</th>
                <th scope="col">What is wanted</th>
              </tr>
            </thead>
            <tbody>
              {plan.refused.map((r) => (
                <tr key={`${r.path}|${r.message}`}>
                  <td>{plan.source === 'spreadsheet' ? (r.row ?? 'header') : r.path}</td>
                  {plan.source === 'spreadsheet' ? <td>{r.column ?? ''}</td> : null}
                  <td>{r.value !== undefined ? `“${r.value}”` : <span className="hint">empty</span>}</td>
                  <td>{r.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {plan.subjects.map((s) => (
        <Subject key={`${s.what}|${s.ref ?? ''}`} s={s} />
      ))}
    </section>
  );
}

function Subject({ s }: { s: PlannedSubject }) {
  const shown = s.records.filter((r) => r.action !== 'same' || r.note);
  const same = s.records.length - shown.length;
  const title = `${WHAT_WORDS[s.what]}${s.ref ? ` ${s.ref}` : ''}${s.name && s.name !== s.ref ? ` ${s.name}` : ''}`;
  return (
    <article className="card plan-subject" aria-label={title}>
      <h3>
        {title}: <span className={`plan-${s.action}`}>{SUBJECT_WORDS[s.action]}</span>
        {s.matched ? <span className="hint"> (matched {s.matched})</span> : null}
      </h3>
      {s.changes.length ? (
        <table className="table" aria-label={`Changes to ${title}`}>
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">Now</th>
              <th scope="col">In the file</th>
            </tr>
          </thead>
          <tbody>
            {s.changes.map((c) => (
              <tr key={c.field}>
                <th scope="row">{c.field}</th>
                <td>{c.from || <span className="hint">empty</span>}</td>
                <td>{c.to || <span className="hint">empty</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {shown.length ? (
        <ul className="plan-records" aria-label={`Records of ${title}`}>
          {shown.map((r, i) => (
            <li key={i} className={`plan-${r.action}`}>
              <strong>{ACTION_WORDS[r.action]}:</strong> {r.label}
              {r.where ? ` (${r.where})` : ''}
              {r.changes?.map((c) => ` — ${c.field}: ${c.from} → ${c.to}`)}
              {r.note ? <span className="hint"> — {r.note}</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
      {same ? <p className="hint">{same === 1 ? 'One record is' : `${same} records are`} already there and stay as they are.</p> : null}
    </article>
  );
}
