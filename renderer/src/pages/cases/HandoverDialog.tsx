// Hand a case to another case manager (MTSP Organisation I): date, reason, days of joint
// working, whether the client has been told, and a note. The handover is kept in the case's
// history and the caseload counts move on its date.
import { useId } from 'react';
import { handoverInput, type CaseView } from '../../../../electron/contract/ops/cases';
import { call } from '../../api';
import { DateField } from '../../components/DateField';
import { NumberField, SelectField, TextField } from '../../components/fields';
import { Modal } from '../../components/Modal';
import { useLoad, useZodForm } from '../../hooks';

export function HandoverDialog({ view, onClose, onDone }: { view: CaseView; onClose: () => void; onDone: (v: CaseView) => void }) {
  const staff = useLoad(() => call('listStaff', {}), []);
  const f = useZodForm(handoverInput, { ref: view.case.ref, on: view.asOf });
  const v = f.values as { to?: string; on?: string; reason?: string; jointWorkingDays?: number; clientInformed?: boolean; note?: string };
  const radio = useId();
  const submit = f.submitWith(async (d) => onDone(await call('handOverCase', d)));
  const informedError = f.errorOf('clientInformed');
  return (
    <Modal title={`Hand over case ${view.case.ref}`} onClose={onClose}>
      <form onSubmit={submit} noValidate aria-label="Hand over the case">
        <p>
          At present <strong>{view.caseManagerName}</strong> manages this case. The handover is recorded with the case, and the case counts in the new case
          manager&apos;s caseload from the handover date.
        </p>
        <SelectField
          label="Hand over to"
          name="to"
          value={v.to}
          onChange={(x) => f.set('to', x)}
          options={(staff.data ?? []).filter((s) => s.ref !== view.case.caseManager).map((s) => [s.ref, s.name] as [string, string])}
          blank="Choose a case manager"
          error={f.errorOf('to') && !v.to ? 'must be chosen' : f.errorOf('to')}
        />
        <DateField label="Handover date" name="on" value={v.on} onChange={(x) => f.set('on', x)} error={f.errorOf('on')} />
        <TextField
          label="Reason for the handover"
          name="reason"
          value={v.reason}
          onChange={(x) => f.set('reason', x)}
          error={f.errorOf('reason')}
          hint="e.g. Leave, change of caseload, client's request."
        />
        <NumberField
          label="Days of joint working"
          name="jointWorkingDays"
          value={v.jointWorkingDays}
          onChange={(x) => f.set('jointWorkingDays', x)}
          error={f.errorOf('jointWorkingDays')}
          step={1}
          hint="The period both case managers work on the case together, if any."
        />
        <fieldset className={`field radios${informedError ? ' has-error' : ''}`} aria-describedby={informedError ? `${radio}-error` : undefined}>
          <legend>Has the client been told about the handover?</legend>
          <label>
            <input type="radio" name="clientInformed" checked={v.clientInformed === true} onChange={() => f.set('clientInformed', true)} /> Yes
          </label>
          <label>
            <input type="radio" name="clientInformed" checked={v.clientInformed === false} onChange={() => f.set('clientInformed', false)} /> Not yet
          </label>
          {informedError ? (
            <div className="error" id={`${radio}-error`} role="alert">
              Say whether the client has been told.
            </div>
          ) : null}
        </fieldset>
        <TextField
          label="Handover note"
          name="note"
          multiline
          value={v.note}
          onChange={(x) => f.set('note', x)}
          error={f.errorOf('note')}
          hint="Optional: what the new case manager needs to know first."
        />
        {f.formError ? (
          <p className="form-error" role="alert">
            {f.formError}
          </p>
        ) : null}
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
