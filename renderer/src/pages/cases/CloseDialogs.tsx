// Closing a case (a reason from the list and the closing date) and deleting a closed case
// (type its reference to confirm; the case, its instructions and handovers are removed).
import { useWatch } from 'react-hook-form';
import { inputs } from '../../../../electron/contract/api';
import { closeInput, type CaseView } from '../../../../electron/contract/ops/cases';
import { Modal } from '../../components/Modal';
import { useAction } from '../../data/query';
import { useContractForm } from '../../forms/useContractForm';
import { DateInput, FormMessage, RadioInput, SelectInput, TextInput } from '../../forms/inputs';
import { z } from 'zod';
import { ukDateLong } from '../../format';
import { CLOSED_REASON_OPTIONS } from './words';

/** Closing in the app always asks about follow-up (the contract leaves it optional for older callers). */
const closeForm = closeInput.extend({ followUpConsent: z.boolean({ error: 'must be answered' }) });

export function CloseDialog({ caseRef, onClose, onDone }: { caseRef: string; onClose: () => void; onDone: () => void }) {
  const f = useContractForm(closeForm, { ref: caseRef });
  const close = useAction('closeCase');
  const submit = f.submit(async (d) => {
    await close.mutateAsync(d);
    onDone();
  });
  return (
    <Modal title={`Close case ${caseRef}`} onClose={onClose}>
      <form onSubmit={submit} noValidate aria-label="Close the case">
        <SelectInput
          form={f}
          name="closedReason"
          label="Reason for closing"
          options={CLOSED_REASON_OPTIONS}
          blank="Choose a reason"
          blankError="must be chosen from the list"
        />
        <DateInput form={f} name="closedOn" label="Closed on" />
        <RadioInput
          form={f}
          name="followUpConsent"
          legend="Has the client agreed to be contacted after closing (at 3, 6 and 9 months)?"
          options={[
            [true, 'Yes, follow up'],
            [false, 'No'],
          ]}
          blankMessage="Say whether the client agreed to follow-up."
        />
        <p className="hint">
          A closed case no longer counts in caseloads and its checklist rules no longer apply. It is kept for the firm&apos;s retention period.
        </p>
        <FormMessage form={f} />
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
  const f = useContractForm(inputs.deleteCase, { ref: caseRef, confirmRef: '' });
  const typed = useWatch({ control: f.control, name: 'confirmRef' }) ?? '';
  const deleteCase = useAction('deleteCase');
  const early = retention && retention.keepUntil && !retention.past;
  const remove = f.submit(async (d) => {
    await deleteCase.mutateAsync(d);
    onDone();
  });
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
        <TextInput form={f} name="confirmRef" label={`Type ${caseRef} to confirm`} />
        <FormMessage form={f} />
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
