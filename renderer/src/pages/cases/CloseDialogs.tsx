// Closing a case (a reason from the list and the closing date) and deleting a closed case
// (type its reference to confirm; the case, its instructions and handovers are removed).
import { useState } from 'react';
import { closeInput, type CaseView } from '../../../../electron/contract/ops/cases';
import { ApiError, call } from '../../api';
import { DateField } from '../../components/DateField';
import { SelectField, TextField } from '../../components/fields';
import { Modal } from '../../components/Modal';
import { useZodForm } from '../../hooks';
import { ukDateLong } from '../../format';
import { CLOSED_REASON_OPTIONS } from './words';

export function CloseDialog({ caseRef, onClose, onDone }: { caseRef: string; onClose: () => void; onDone: (v: CaseView) => void }) {
  const f = useZodForm(closeInput, { ref: caseRef });
  const v = f.values as { closedOn?: string; closedReason?: string };
  const submit = f.submitWith(async (d) => onDone(await call('closeCase', d)));
  return (
    <Modal title={`Close case ${caseRef}`} onClose={onClose}>
      <form onSubmit={submit} noValidate aria-label="Close the case">
        <SelectField
          label="Reason for closing"
          name="closedReason"
          value={v.closedReason}
          onChange={(x) => f.set('closedReason', x)}
          options={CLOSED_REASON_OPTIONS}
          blank="Choose a reason"
          error={f.errorOf('closedReason') ? 'must be chosen from the list' : undefined}
        />
        <DateField label="Closed on" name="closedOn" value={v.closedOn} onChange={(x) => f.set('closedOn', x)} error={f.errorOf('closedOn')} />
        <p className="hint">
          A closed case no longer counts in caseloads and its checklist rules no longer apply. It is kept for the firm&apos;s retention period.
        </p>
        {f.formError ? (
          <p className="form-error" role="alert">
            {f.formError}
          </p>
        ) : null}
        <div className="actions">
          <button type="submit">Close case</button>
          <button type="button" className="secondary" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Modal>
  );
}

export function DeleteDialog({
  caseRef,
  retention,
  onClose,
  onDone,
}: {
  caseRef: string;
  retention: CaseView['retention'];
  onClose: () => void;
  onDone: () => void;
}) {
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | undefined>();
  const early = retention && retention.keepUntil && !retention.past;
  const remove = async (e: React.FormEvent) => {
    e.preventDefault();
    try {
      await call('deleteCase', { ref: caseRef, confirmRef: typed });
      onDone();
    } catch (err) {
      setError(err instanceof ApiError ? err.message.replace(/^confirmRef: /, '') : (err as Error).message);
    }
  };
  return (
    <Modal title={`Delete case ${caseRef}`} onClose={onClose}>
      <form onSubmit={remove} noValidate aria-label="Delete the case">
        <p>
          This removes the case, the suppliers instructed on it and its handovers from the vault for good. It cannot be undone, and a firm file exported later
          will not contain it.
        </p>
        {early ? (
          <p className="form-error">
            The retention period for this case runs until {ukDateLong(retention.keepUntil)}. Delete it now only if you are sure it need not be kept.
          </p>
        ) : null}
        <TextField label={`Type ${caseRef} to confirm`} name="confirmRef" value={typed} onChange={(x) => (setTyped(x), setError(undefined))} error={error} />
        <div className="actions">
          <button type="submit" className="danger" disabled={typed.trim() !== caseRef}>
            Delete case {caseRef}
          </button>
          <button type="button" className="secondary" onClick={onClose}>
            Keep it
          </button>
        </div>
      </form>
    </Modal>
  );
}
