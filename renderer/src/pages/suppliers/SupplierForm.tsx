// Add or edit a supplier's details, validated as the user types with the contract's
// supplierDetails schema; main's errors are shown beside the field they concern.
import { useId, useState } from 'react';
import { supplierDetails, type SupplierDetails } from '../../../../electron/contract/model';
import { call } from '../../api';
import { useZodForm } from '../../hooks';
import { CheckField, TextField } from '../../components/fields';

/** The detail fields of a supplier (a profile also carries lists the form does not edit). */
export function detailValues(s?: Partial<SupplierDetails>): Record<string, unknown> {
  return Object.fromEntries(Object.keys(supplierDetails.shape).map((k) => [k, s?.[k as keyof SupplierDetails]]));
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
  const f = useZodForm(supplierDetails, { ...detailValues(initial), kind: initial?.kind ?? 'organisation', services: initial?.services ?? [] });
  const v = f.values as Partial<SupplierDetails>;
  const submit = f.submitWith(async (d) => {
    const saved = initial ? await call('updateSupplier', { ref: initial.ref, details: d }) : await call('createSupplier', d);
    onSaved(saved.ref);
  });
  return (
    <form onSubmit={submit} aria-label={initial ? 'Edit supplier details' : 'Add a supplier'} noValidate className="card form-grid">
      <h2 className="form-title">{initial ? 'Edit details' : 'Add a supplier'}</h2>
      <TextField label="Name" name="name" value={v.name} onChange={(x) => f.set('name', x)} error={f.errorOf('name')} required autoFocus />
      <TextField
        label="Reference"
        name="ref"
        value={v.ref}
        onChange={(x) => f.set('ref', x)}
        error={f.errorOf('ref')}
        required
        hint="A short code unique in your firm, e.g. SUP-12."
      />
      <KindField value={v.kind} onChange={(x) => f.set('kind', x)} error={f.errorOf('kind')} />
      <TextField
        label="Contact"
        name="contact"
        value={v.contact}
        onChange={(x) => f.set('contact', x)}
        error={f.errorOf('contact')}
        hint="Who to speak to, phone or email"
      />
      <ServicesField
        value={v.services ?? []}
        known={knownServices}
        onChange={(x) => f.set('services', x)}
        error={f.errorOf('services') ?? firstIndexed(f, 'services')}
      />
      <CheckField
        label="Works directly with clients"
        name="worksWithClients"
        checked={v.worksWithClients}
        onChange={(x) => f.set('worksWithClients', x)}
        hint="Then an enhanced DBS check is needed."
      />
      <CheckField label="Works alone (sole practitioner or sole trader)" name="soleTrader" checked={v.soleTrader} onChange={(x) => f.set('soleTrader', x)} />
      {v.soleTrader ? (
        <div className="span-all">
          <TextField
            label="Safeguarding and quality-assurance measures"
            name="safeguardsNote"
            multiline
            value={v.safeguardsNote}
            onChange={(x) => f.set('safeguardsNote', x)}
            error={f.errorOf('safeguardsNote')}
            hint="e.g. clinical supervision, lone-worker app, audit of notes"
          />
        </div>
      ) : null}
      <TextField
        label="Service area"
        name="serviceArea"
        value={v.serviceArea}
        onChange={(x) => f.set('serviceArea', x)}
        error={f.errorOf('serviceArea')}
        hint="Where they work, e.g. West Yorkshire"
      />
      <TextField
        label="Guideline or pathway followed"
        name="evidenceBase"
        value={v.evidenceBase}
        onChange={(x) => f.set('evidenceBase', x)}
        error={f.errorOf('evidenceBase')}
        hint="e.g. NICE NG211"
      />
      <div className="span-all">
        <TextField
          label="Acceptance criteria"
          name="acceptanceCriteria"
          multiline
          value={v.acceptanceCriteria}
          onChange={(x) => f.set('acceptanceCriteria', x)}
          error={f.errorOf('acceptanceCriteria')}
          hint="Which clients they take on, and which they do not"
        />
      </div>
      {f.formError ? (
        <p className="form-error" role="alert">
          {f.formError}
        </p>
      ) : null}
      <div className="actions">
        <button type="submit">{initial ? 'Save details' : 'Add supplier'}</button>
        <button type="button" className="secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function firstIndexed(f: { errorOf: (n: string) => string | undefined }, name: string): string | undefined {
  for (let i = 0; i < 50; i++) {
    const e = f.errorOf(`${name}.${i}`);
    if (e) return e;
  }
  return undefined;
}

function KindField({ value, onChange, error }: { value?: string; onChange: (v: string) => void; error?: string }) {
  const name = useId();
  return (
    <fieldset className="field sv-radios">
      <legend>Kind of supplier</legend>
      {(
        [
          ['organisation', 'Organisation'],
          ['individual', 'Individual practitioner'],
        ] as const
      ).map(([k, words]) => (
        <label key={k} className="sv-radio">
          <input type="radio" name={name} value={k} checked={value === k} onChange={() => onChange(k)} /> {words}
        </label>
      ))}
      {error ? (
        <div className="error" role="alert">
          Kind of supplier {error}
        </div>
      ) : null}
    </fieldset>
  );
}

/** The usual services as tick boxes, plus any service the firm types. */
function ServicesField({ value, known, onChange, error }: { value: string[]; known: string[]; onChange: (v: string[]) => void; error?: string }) {
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
        {options.map((s) => (
          <CheckField
            key={s}
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
