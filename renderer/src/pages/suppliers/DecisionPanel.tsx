// The vetting decision (MTSP Governance A): approve, approve with conditions or reject,
// who and when, and the next review date; then the full history, newest first.
import { useId } from 'react';
import { plusMonths } from '../../../../electron/contract/dates';
import type { Decision, Stored } from '../../../../electron/contract/model';
import { decisionInput, type DecisionInput } from '../../../../electron/contract/ops/suppliers';
import { call } from '../../api';
import { useZodForm } from '../../hooks';
import { TextField } from '../../components/fields';
import { DateField } from '../../components/DateField';
import { ukDate } from '../../format';

export const DECISION_WORDS: Record<Decision['decision'], string> = {
  approved: 'Approved',
  conditional: 'Approved with conditions',
  rejected: 'Not approved',
};
const DECISION_LOOK: Record<Decision['decision'], string> = { approved: 'status-met', conditional: 'status-met', rejected: 'status-not_met' };

export function DecisionForm({
  supplierRef,
  name,
  user,
  today,
  onSaved,
}: {
  supplierRef: string;
  name: string;
  user: string;
  today: string;
  onSaved: (d: DecisionInput) => void;
}) {
  const f = useZodForm(decisionInput, { ref: supplierRef, decision: 'approved', by: user, on: today, nextReviewOn: '', note: '' });
  const v = f.values as Partial<DecisionInput>;
  const group = useId();
  const submit = f.submitWith(async (d) => {
    await call('recordSupplierDecision', d);
    onSaved(d);
  });
  const noteLabel = v.decision === 'conditional' ? 'Conditions' : v.decision === 'rejected' ? 'Reason for not approving' : 'Note';
  const noteHint =
    v.decision === 'conditional'
      ? 'What the supplier must do or keep to, e.g. supervision notes every quarter'
      : v.decision === 'rejected'
        ? 'Why the supplier should not be instructed'
        : 'Optional';
  return (
    <form className="card form-grid" onSubmit={submit} noValidate aria-label={`Vetting decision for ${name}`}>
      <fieldset className="field span-all sv-radios">
        <legend>Decision</legend>
        {(['approved', 'conditional', 'rejected'] as const).map((k) => (
          <label key={k} className="sv-radio">
            <input type="radio" name={group} value={k} checked={v.decision === k} onChange={() => f.set('decision', k)} />{' '}
            {k === 'approved' ? 'Approve' : k === 'conditional' ? 'Approve with conditions' : 'Reject'}
          </label>
        ))}
      </fieldset>
      <TextField label="Decided by" name="by" value={v.by} onChange={(x) => f.set('by', x)} error={f.errorOf('by')} required />
      <DateField label="Decided on" name="on" value={v.on} onChange={(x) => f.set('on', x)} error={f.errorOf('on')} required />
      {v.decision !== 'rejected' ? (
        <div className="sv-review">
          <DateField
            label="Next review"
            name="nextReviewOn"
            value={v.nextReviewOn}
            onChange={(x) => f.set('nextReviewOn', x)}
            error={f.errorOf('nextReviewOn')}
            required
            hint="After this date the supplier needs re-vetting"
          />
          <button
            type="button"
            className="secondary small"
            onClick={() => f.set('nextReviewOn', plusMonths(v.on && /^\d{4}-\d{2}-\d{2}$/.test(v.on) ? v.on : today, 12))}
          >
            In 12 months
          </button>
        </div>
      ) : null}
      <div className="span-all">
        <TextField
          label={noteLabel}
          name="note"
          multiline
          value={v.note}
          onChange={(x) => f.set('note', x)}
          error={f.errorOf('note')}
          hint={noteHint}
          required={v.decision !== 'approved'}
        />
      </div>
      {f.formError ? (
        <p className="form-error" role="alert">
          {f.formError}
        </p>
      ) : null}
      <div className="actions">
        <button type="submit">Record decision</button>
      </div>
    </form>
  );
}

export function DecisionHistory({ decisions, name }: { decisions: Stored<Decision>[]; name: string }) {
  const list = [...decisions].sort((a, b) => (a.on < b.on ? 1 : a.on > b.on ? -1 : b.id - a.id));
  if (!list.length) return <p className="hint">No decision has been recorded yet.</p>;
  return (
    <table className="table" aria-label={`Vetting decisions for ${name}`}>
      <thead>
        <tr>
          <th scope="col">Decided on</th>
          <th scope="col">Decision</th>
          <th scope="col">By</th>
          <th scope="col">Next review</th>
          <th scope="col">Conditions or reason</th>
        </tr>
      </thead>
      <tbody>
        {list.map((d) => (
          <tr key={d.id}>
            <td>{ukDate(d.on)}</td>
            <td>
              <span className={`status ${DECISION_LOOK[d.decision]}`}>{DECISION_WORDS[d.decision]}</span>
            </td>
            <td>{d.by}</td>
            <td>{ukDate(d.nextReviewOn) || '—'}</td>
            <td>{d.note ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
