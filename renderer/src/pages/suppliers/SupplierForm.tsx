// Add or edit a supplier's details, validated as the user types with the contract's
// supplierDetails schema; main's errors are shown beside the field they concern.
import { useId, useState } from 'react';
import { useWatch, type FieldValues, type Path } from 'react-hook-form';
import { supplierDetails, type SupplierDetails } from '../../../../electron/contract/model';
import { useAction } from '../../data/query';
import { CheckField } from '../../components/fields';
import { useInlineFormFocus } from '../../components/focus';
import { useContractForm, type ContractForm } from '../../forms/useContractForm';
import { CheckInput, FormMessage, RadioInput, TextInput, useBound } from '../../forms/inputs';
import { pick } from '../../forms/pick';

/** The detail fields of a supplier (a vetting file also carries lists the form does not edit). */
export function detailValues(s: SupplierDetails): SupplierDetails {
  return pick(s, supplierDetails.keyof().options);
}

export function SupplierForm({
  initial,
  knownServices,
  onSaved,
  onCancel,
}: {
  initial?: SupplierDetails;
  knownServices: string[];
  onSaved: (ref: string) => void;
  onCancel: () => void;
}) {
  const f = useContractForm(supplierDetails, initial ? detailValues(initial) : { kind: 'organisation', services: [] }, { prefix: 'details' });
  const create = useAction('createSupplier');
  const update = useAction('updateSupplier');
  const alone = useWatch({ control: f.control, name: 'soleTrader' });
  const submit = f.submit(async (d) => {
    const saved = initial ? await update.mutateAsync({ ref: initial.ref, details: d }) : await create.mutateAsync(d);
    onSaved(saved.ref);
  });
  const focusRef = useInlineFormFocus<HTMLFormElement>();
  return (
    <form onSubmit={submit} aria-label={initial ? 'Edit supplier details' : 'Add a supplier'} noValidate className="card form-grid" ref={focusRef}>
      <h2 className="form-title">{initial ? 'Edit details' : 'Add a supplier'}</h2>
      <TextInput form={f} name="name" label="Name" required autoFocus />
      <TextInput form={f} name="ref" label="Reference" required hint="A short code unique in your firm, e.g. SUP-12." />
      <RadioInput
        form={f}
        name="kind"
        legend="Kind of supplier"
        className="field sv-radios"
        labelClassName="sv-radio"
        options={[
          ['organisation', 'Organisation'],
          ['individual', 'Individual practitioner'],
        ]}
      />
      <TextInput form={f} name="contact" label="Contact" hint="Who to speak to, phone or email" />
      <ServicesInput form={f} name="services" known={knownServices} />
      <CheckInput form={f} name="worksWithClients" label="Works directly with clients" hint="Then an enhanced DBS check is needed." />
      <CheckInput form={f} name="soleTrader" label="Works alone (sole practitioner or sole trader)" />
      {alone ? (
        <div className="span-all">
          <TextInput
            form={f}
            name="safeguardsNote"
            label="Safeguarding and quality-assurance measures"
            multiline
            hint="e.g. clinical supervision, lone-worker app, audit of notes"
          />
        </div>
      ) : null}
      <TextInput form={f} name="serviceArea" label="Service area" hint="Where they work, e.g. West Yorkshire" />
      <TextInput form={f} name="evidenceBase" label="Guideline or pathway followed" hint="e.g. NICE NG211" />
      <div className="span-all">
        <TextInput form={f} name="acceptanceCriteria" label="Acceptance criteria" multiline hint="Which clients they take on, and which they do not" />
      </div>
      <FormMessage form={f} />
      <div className="actions">
        <button type="submit" disabled={f.formState.isSubmitting}>
          {initial ? 'Save details' : 'Add supplier'}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** The usual services as tick boxes, plus any service the firm types. */
function ServicesInput<T extends FieldValues, O>({ form, name, known }: { form: ContractForm<T, O>; name: Path<T>; known: string[] }) {
  const b = useBound(form, name);
  const value = Array.isArray(b.value) ? b.value.filter((x): x is string => typeof x === 'string') : [];
  const onChange = b.set;
  const error = b.error;
  const [other, setOther] = useState('');
  const otherId = useId();
  const has = (s: string) => value.some((x) => x.trim().toLowerCase() === s.trim().toLowerCase());
  const options = [...known, ...value.filter((x) => !known.some((k) => k.toLowerCase() === x.toLowerCase()))];
  const addOther = () => {
    const t = other.trim().replace(/\s+/g, ' ');
    if (t && !has(t)) onChange([...value, t]);
    setOther('');
  };
  return (
    <fieldset className="field span-all sv-services">
      <legend>Services</legend>
      <div className="sv-service-options">
        {options.map((s, i) => (
          <CheckField
            key={s}
            inputRef={i === 0 ? b.ref : undefined}
            label={s}
            name={`service-${s}`}
            checked={has(s)}
            onChange={(on) => onChange(on ? [...value, s] : value.filter((x) => x.toLowerCase() !== s.toLowerCase()))}
          />
        ))}
      </div>
      <div className="row-inline">
        <div className="field">
          <label htmlFor={otherId}>Another service</label>
          <input
            id={otherId}
            value={other}
            onChange={(e) => setOther(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                addOther();
              }
            }}
          />
        </div>
        <button type="button" className="secondary" onClick={addOther}>
          Add service
        </button>
      </div>
      {error ? (
        <div className="error" role="alert">
          Services {error}
        </div>
      ) : null}
    </fieldset>
  );
}
