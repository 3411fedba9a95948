// Hand a case to another case manager (MTSP Organisation I): date, reason, days of joint
// working, whether the client has been told, and a note. The handover is kept in the case's
// history and the caseload counts move on its date.
import { handoverInput, type CaseView } from '../../../../electron/contract/ops/cases';
import { Modal } from '../../components/Modal';
import { useAction, useOp } from '../../data/query';
import { useContractForm } from '../../forms/useContractForm';
import { DateInput, FormMessage, NumberInput, RadioInput, SelectInput, TextInput } from '../../forms/inputs';

export function HandoverDialog({ view, onClose, onDone }: { view: CaseView; onClose: () => void; onDone: (caseManagerName: string) => void }) {
  const staff = useOp('listStaff', {});
  const f = useContractForm(handoverInput, { ref: view.case.ref, on: view.asOf });
  const handOver = useAction('handOverCase');
  const submit = f.submit(async (d) => onDone((await handOver.mutateAsync(d)).caseManagerName));
  return (
    <Modal title={`Hand over case ${view.case.ref}`} onClose={onClose}>
      <form onSubmit={submit} noValidate aria-label="Hand over the case">
        <p>
          At present <strong>{view.caseManagerName}</strong> manages this case. The handover is recorded with the case, and the case counts in the new case
          manager&apos;s caseload from the handover date.
        </p>
        <SelectInput
          form={f}
          name="to"
          label="Hand over to"
          options={staff.filter((s) => s.ref !== view.case.caseManager).map((s) => [s.ref, s.name] as const)}
          blank="Choose a case manager"
        />
        <DateInput form={f} name="on" label="Handover date" />
        <TextInput form={f} name="reason" label="Reason for the handover" hint="e.g. Leave, change of caseload, client's request." />
        <NumberInput
          form={f}
          name="jointWorkingDays"
          label="Days of joint working"
          step={1}
          hint="The period both case managers work on the case together, if any."
        />
        <RadioInput
          form={f}
          name="clientInformed"
          legend="Has the client been told about the handover?"
          options={[
            [true, 'Yes'],
            [false, 'Not yet'],
          ]}
          blankMessage="Say whether the client has been told."
        />
        <TextInput form={f} name="note" label="Handover note" multiline hint="Optional: what the new case manager needs to know first." />
        <FormMessage form={f} />
        <div className="actions">
          <button type="submit">Record the handover</button>
          <button type="button" className="secondary" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Modal>
  );
}
