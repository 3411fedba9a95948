// Add or edit a staff member's basic details, validated as the user types with the
// same zod schema main uses, and with main's errors shown beside the field.
import { staffDetails, EMPLOYMENT, type StaffDetails } from '../../../electron/contract/model';
import { call } from '../api';
import { useZodForm } from '../hooks';
import { CheckField, NumberField, SelectField, TextField } from '../components/fields';
import { DateField } from '../components/DateField';

export function StaffForm({ initial, onSaved, onCancel }: { initial?: StaffDetails; onSaved: (ref: string) => void; onCancel: () => void }) {
  // Only the detail fields: a profile also carries evidence lists the form does not edit.
  const start = Object.fromEntries(Object.keys(staffDetails.shape).map((k) => [k, initial?.[k as keyof StaffDetails]]));
  const f = useZodForm(staffDetails, start);
  const v = f.values as Partial<StaffDetails>;
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const d = f.parse();
    if (!d) return;
    try {
      const saved = initial ? await call('updateStaff', { ref: initial.ref, details: d }) : await call('createStaff', d);
      onSaved(saved.ref);
    } catch (err) {
      f.fail(err);
    }
  };
  return (
    <form onSubmit={submit} aria-label={initial ? 'Edit staff member' : 'Add a staff member'} noValidate className="card form-grid">
      <TextField label="Name" name="name" value={v.name} onChange={(x) => f.set('name', x)} error={f.errorOf('name')} required autoFocus />
      <TextField
        label="Reference"
        name="ref"
        value={v.ref}
        onChange={(x) => f.set('ref', x)}
        error={f.errorOf('ref')}
        required
        hint="A short code unique in your firm, e.g. RR-03."
      />
      <TextField
        label="Profession"
        name="profession"
        value={v.profession}
        onChange={(x) => f.set('profession', x)}
        error={f.errorOf('profession')}
        hint="e.g. Occupational therapist"
      />
      <TextField label="Role" name="role" value={v.role} onChange={(x) => f.set('role', x)} error={f.errorOf('role')} />
      <SelectField
        label="Employment"
        name="employment"
        value={v.employment}
        onChange={(x) => f.set('employment', x)}
        options={EMPLOYMENT.map((e) => [e, e.replace('-', ' ')] as [string, string])}
        blank="Not recorded"
        error={f.errorOf('employment')}
      />
      <NumberField
        label="Days worked per week"
        name="daysPerWeek"
        value={v.daysPerWeek}
        onChange={(x) => f.set('daysPerWeek', x)}
        error={f.errorOf('daysPerWeek')}
        step={0.5}
      />
      <DateField
        label="Case management since"
        name="caseManagementSince"
        value={v.caseManagementSince}
        onChange={(x) => f.set('caseManagementSince', x)}
        error={f.errorOf('caseManagementSince')}
      />
      <DateField label="Qualified on" name="qualifiedOn" value={v.qualifiedOn} onChange={(x) => f.set('qualifiedOn', x)} error={f.errorOf('qualifiedOn')} />
      <CheckField label="Sole practitioner" name="solePractitioner" checked={v.solePractitioner} onChange={(x) => f.set('solePractitioner', x)} />
      {v.solePractitioner ? (
        <TextField
          label="Safeguards for sole working"
          name="soleWorkingSafeguards"
          multiline
          value={v.soleWorkingSafeguards}
          onChange={(x) => f.set('soleWorkingSafeguards', x)}
          error={f.errorOf('soleWorkingSafeguards')}
          hint="e.g. buddy system, lone-worker app, supervision arrangements"
        />
      ) : null}
      {f.formError ? (
        <p className="form-error" role="alert">
          {f.formError}
        </p>
      ) : null}
      <div className="actions">
        <button type="submit">{initial ? 'Save changes' : 'Add staff member'}</button>
        <button type="button" className="secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
