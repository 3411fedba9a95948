// The vetting decision (MTSP Governance A): approve, approve with conditions or reject,
// who and when, and the next review date; then the full history, newest first.
import { useWatch } from 'react-hook-form';
import { isIsoDate, plusMonths } from '../../../../electron/contract/dates';
import type { Decision, Stored } from '../../../../electron/contract/model';
import { decisionInput, type DecisionInput } from '../../../../electron/contract/ops/suppliers';
import { useAction } from '../../data/query';
import { useContractForm } from '../../forms/useContractForm';
import { DateInput, FormMessage, RadioInput, TextInput } from '../../forms/inputs';
import { ukDate } from '../../format';
import { DECISION_WORDS } from './kinds';

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
  const f = useContractForm(decisionInput, { ref: supplierRef, decision: 'approved', by: user, on: today });
  const record = useAction('recordSupplierDecision');
  const [decision, on] = useWatch({ control: f.control, name: ['decision', 'on'] });
  const submit = f.submit(async (d) => {
    await record.mutateAsync(d);
    onSaved(d);
  });
  const noteLabel = decision === 'conditional' ? 'Conditions' : decision === 'rejected' ? 'Reason for not approving' : 'Note';
  const noteHint =
    decision === 'conditional'
      ? 'What the supplier must do or keep to, e.g. supervision notes every quarter'
      : decision === 'rejected'
        ? 'Why the supplier should not be instructed'
        : 'Optional';
  return (
    <form className="card form-grid" onSubmit={submit} noValidate aria-label={`Vetting decision for ${name}`}>
      <RadioInput
        form={f}
        name="decision"
        legend="Decision"
        className="field span-all sv-radios"
        labelClassName="sv-radio"
        options={[
          ['approved', 'Approve'],
          ['conditional', 'Approve with conditions'],
          ['rejected', 'Reject'],
        ]}
      />
      <TextInput form={f} name="by" label="Decided by" required />
      <DateInput form={f} name="on" label="Decided on" required />
      {decision !== 'rejected' ? (
        <div className="sv-review">
          <DateInput form={f} name="nextReviewOn" label="Next review" required hint="After this date the supplier needs re-vetting" />
          <button
            type="button"
            className="secondary small"
            onClick={() => f.setValue('nextReviewOn', plusMonths(isIsoDate(on) ? on : today, 12), { shouldValidate: true })}
          >
            In 12 months
          </button>
        </div>
      ) : null}
      <div className="span-all">
        <TextInput form={f} name="note" label={noteLabel} multiline hint={noteHint} required={decision !== 'approved'} />
      </div>
      <FormMessage form={f} />
      <div className="actions">
        <button type="submit" disabled={f.formState.isSubmitting}>
          Record decision
        </button>
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
