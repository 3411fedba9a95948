// Add or edit a staff member's basic details, validated as the user types with the
// same zod schema main uses, and with main's errors shown beside the field.
import { useWatch } from 'react-hook-form';
import { staffDetails, EMPLOYMENT, type StaffDetails } from '../../../electron/contract/model';
import { useAction } from '../data/query';
import { useContractForm } from '../forms/useContractForm';
import { CheckInput, DateInput, FormMessage, NumberInput, SelectInput, TextInput } from '../forms/inputs';
import { pick } from '../forms/pick';
import { useInlineFormFocus } from '../components/focus';

export function StaffForm({ initial, onSaved, onCancel }: { initial?: StaffDetails; onSaved: (ref: string) => void; onCancel: () => void }) {
  const f = useContractForm(staffDetails, initial ? pick(initial, staffDetails.keyof().options) : {}, { prefix: 'details' });
  const create = useAction('createStaff');
  const update = useAction('updateStaff');
  const sole = useWatch({ control: f.control, name: 'solePractitioner' });
  const submit = f.submit(async (d) => {
    const saved = initial ? await update.mutateAsync({ ref: initial.ref, details: d }) : await create.mutateAsync(d);
    onSaved(saved.ref);
  });
  const focusRef = useInlineFormFocus<HTMLFormElement>();
  return (
    <form onSubmit={submit} aria-label={initial ? 'Edit staff member' : 'Add a staff member'} noValidate className="card form-grid" ref={focusRef}>
      <TextInput form={f} name="name" label="Name" required autoFocus />
      <TextInput form={f} name="ref" label="Reference" required hint="A short code unique in your firm, e.g. RR-03." />
      <TextInput form={f} name="profession" label="Profession" hint="e.g. Occupational therapist" />
      <TextInput form={f} name="role" label="Role" />
      <SelectInput form={f} name="employment" label="Employment" options={EMPLOYMENT.map((e) => [e, e.replace('-', ' ')] as const)} blank="Not recorded" />
      <NumberInput form={f} name="daysPerWeek" label="Days worked per week" step={0.5} />
      <DateInput form={f} name="caseManagementSince" label="Case management since" />
      <DateInput form={f} name="qualifiedOn" label="Qualified on" />
      <CheckInput form={f} name="solePractitioner" label="Sole practitioner" />
      {sole ? (
        <TextInput
          form={f}
          name="soleWorkingSafeguards"
          label="Safeguards for sole working"
          multiline
          hint="e.g. buddy system, lone-worker app, supervision arrangements"
        />
      ) : null}
      <FormMessage form={f} />
      <div className="actions">
        <button type="submit" disabled={f.formState.isSubmitting}>
          {initial ? 'Save changes' : 'Add staff member'}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
