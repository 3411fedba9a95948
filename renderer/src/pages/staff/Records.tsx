// A list of evidence records of one kind with add / edit / delete, each record a card that
// files can be dropped onto. Forms are validated as the user types with the kind's zod
// schema (model.ts RECORD_KINDS); main's errors are shown beside the field they concern.
import { useState, type ReactNode } from 'react';
import { RECORD_KINDS, TRAINING_KINDS, type EvidenceMeta, type OwnerType } from '../../../../electron/contract/model';
import { call } from '../../api';
import { useZodForm } from '../../hooks';
import { CheckField, NumberField, SelectField, TextField } from '../../components/fields';
import { DateField } from '../../components/DateField';
import { friendlyError } from '../../components/formErrors';
import { RecordWithEvidence } from '../../components/EvidenceFiles';
import { pounds } from '../../format';
import { TRAINING_WORDS, type FieldSpec, type KindSpec, type Rec, type Values } from './kinds';

export interface Owner {
  type: OwnerType;
  ref?: string;
}
export type StoredRec = Rec & { evidence: EvidenceMeta[] };

function payloadOf(r: Values): Values {
  const { id: _id, evidence: _ev, ...rest } = r;
  return rest;
}

export function RecordList({
  spec,
  owner,
  records,
  onChanged,
  fixed,
  extraActions,
  addLabel,
}: {
  spec: KindSpec;
  owner: Owner;
  records: StoredRec[];
  onChanged: () => void;
  /** Values every record here has and the form does not ask for (e.g. a policy's kind). */
  fixed?: Values;
  extraActions?: (r: StoredRec) => ReactNode;
  addLabel?: string;
}) {
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<number | null>(null);
  const [confirming, setConfirming] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const sorted = [...records].sort((a, b) => spec.dateOf(b).localeCompare(spec.dateOf(a)) || b.id - a.id);
  const fields = spec.fields.filter((f) => !fixed || !(f.name in fixed));
  const add = addLabel ?? `Add ${spec.article} ${spec.noun}`;
  const remove = async (id: number) => {
    try {
      await call('deleteRecord', { id });
      setConfirming(null);
      onChanged();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <div className="records">
      {!adding ? (
        <div className="actions">
          <button type="button" onClick={() => (setAdding(true), setEditing(null))}>
            {add}
          </button>
        </div>
      ) : (
        <RecordForm
          spec={spec}
          fields={fields}
          title={add}
          initial={{ ...(spec.start?.() ?? {}), ...(fixed ?? {}) }}
          submitLabel={add}
          onCancel={() => setAdding(false)}
          save={async (data) => {
            await call('addRecord', { owner, kind: spec.kind, data });
            setAdding(false);
            onChanged();
          }}
        />
      )}
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      {sorted.length === 0 && !adding ? <p className="hint">Nothing recorded yet.</p> : null}
      {sorted.map((r) => {
        const heading = spec.heading(r);
        return editing === r.id ? (
          <RecordForm
            key={r.id}
            spec={spec}
            fields={fields}
            title={`Edit ${heading}`}
            initial={payloadOf(r)}
            submitLabel="Save changes"
            onCancel={() => setEditing(null)}
            save={async (data) => {
              await call('updateRecord', { id: r.id, data });
              setEditing(null);
              onChanged();
            }}
          />
        ) : (
          <RecordWithEvidence key={r.id} recordId={r.id} files={r.evidence} label={heading} onChanged={onChanged}>
            <h3 className="record-title">{heading}</h3>
            <dl className="details compact">
              {spec.facts(r).map(([k, v]) => (
                <div key={k} className="fact">
                  <dt>{k}</dt>
                  <dd>{v}</dd>
                </div>
              ))}
            </dl>
            <div className="actions">
              <button type="button" className="secondary small" onClick={() => (setEditing(r.id), setAdding(false))} aria-label={`Edit ${heading}`}>
                Edit
              </button>
              {extraActions?.(r)}
              {confirming === r.id ? (
                <>
                  <button type="button" className="danger small" onClick={() => remove(r.id)}>
                    Yes, delete it{r.evidence.length ? ` and its ${r.evidence.length === 1 ? 'file' : `${r.evidence.length} files`}` : ''}
                  </button>
                  <button type="button" className="secondary small" onClick={() => setConfirming(null)}>
                    Keep
                  </button>
                </>
              ) : (
                <button type="button" className="secondary small" onClick={() => setConfirming(r.id)} aria-label={`Delete ${heading}`}>
                  Delete…
                </button>
              )}
            </div>
          </RecordWithEvidence>
        );
      })}
    </div>
  );
}

export function RecordForm({
  spec,
  fields,
  title,
  initial,
  submitLabel,
  save,
  onCancel,
}: {
  spec: KindSpec;
  fields: FieldSpec[];
  title: string;
  initial: Values;
  submitLabel: string;
  save: (data: Values) => Promise<void>;
  onCancel: () => void;
}) {
  const f = useZodForm(RECORD_KINDS[spec.kind].schema, initial);
  const [saving, setSaving] = useState(false);
  const v = f.values;
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const data = f.parse();
    if (!data) return;
    setSaving(true);
    try {
      await save(data as Values);
    } catch (err) {
      f.fail(err);
    } finally {
      setSaving(false);
    }
  };
  return (
    <form className="card form-grid" onSubmit={submit} aria-label={title} noValidate>
      <h3 className="form-title">{title}</h3>
      {fields
        .filter((fs) => !fs.showIf || fs.showIf(v))
        .map((fs) => (
          <Field key={fs.name} spec={fs} value={v[fs.name]} set={(x) => f.set(fs.name, x)} error={friendlyError(f.errorOf(fs.name))} />
        ))}
      {f.formError ? (
        <p className="form-error" role="alert">
          {f.formError}
        </p>
      ) : null}
      <div className="actions">
        <button type="submit" disabled={saving}>
          {submitLabel}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function Field({ spec, value, set, error }: { spec: FieldSpec; value: unknown; set: (v: unknown) => void; error?: string }) {
  const str = typeof value === 'string' ? value : undefined;
  switch (spec.kind) {
    case 'text':
      return <TextField label={spec.label} name={spec.name} value={str} onChange={set} error={error} hint={spec.hint} required={spec.required} />;
    case 'textarea':
      return (
        <div className="span-all">
          <TextField label={spec.label} name={spec.name} value={str} onChange={set} error={error} hint={spec.hint} multiline />
        </div>
      );
    case 'date':
      return <DateField label={spec.label} name={spec.name} value={str} onChange={set} error={error} hint={spec.hint} required={spec.required} />;
    case 'check':
      return <CheckField label={spec.label} name={spec.name} checked={value === true} onChange={set} hint={spec.hint} />;
    case 'number':
    case 'money': {
      const n = typeof value === 'number' ? value : undefined;
      const hint = spec.kind === 'money' && n !== undefined && Number.isFinite(n) && n > 0 ? pounds(n) : spec.hint;
      return <NumberField label={spec.label} name={spec.name} value={n} onChange={set} error={error} hint={hint} step={spec.step} />;
    }
    case 'select':
      return (
        <SelectField label={spec.label} name={spec.name} value={str} onChange={set} options={spec.options} blank={spec.blank} error={error} hint={spec.hint} />
      );
    case 'areas':
      return <AreasField spec={spec} value={Array.isArray(value) ? (value as string[]) : []} set={set} error={error} />;
    case 'trainingKind':
      return <TrainingKindField label={spec.label} value={str} set={set} error={error} />;
  }
}

function AreasField({ spec, value, set, error }: { spec: Extract<FieldSpec, { kind: 'areas' }>; value: string[]; set: (v: unknown) => void; error?: string }) {
  return (
    <fieldset className="field span-all checks">
      <legend>{spec.label}</legend>
      {spec.options.map(([key, words]) => (
        <CheckField
          key={key}
          label={words}
          name={`${spec.name}-${key}`}
          checked={value.includes(key)}
          onChange={(on) => set(on ? [...value.filter((x) => x !== key), key] : value.filter((x) => x !== key))}
        />
      ))}
      {error ? (
        <div className="error" role="alert">
          {spec.label} {error}
        </div>
      ) : null}
    </fieldset>
  );
}

const OTHER = '__other';
function TrainingKindField({ label, value, set, error }: { label: string; value: string | undefined; set: (v: unknown) => void; error?: string }) {
  const known = value !== undefined && (TRAINING_KINDS as readonly string[]).includes(value);
  const [other, setOther] = useState(value !== undefined && value !== '' && !known);
  const choice = other ? OTHER : known ? value : undefined;
  return (
    <>
      <SelectField
        label={label}
        name="kind"
        value={choice}
        blank="Choose the training"
        options={[...TRAINING_KINDS.map((k) => [k, TRAINING_WORDS[k]] as [string, string]), [OTHER, 'Another kind…']]}
        onChange={(x) => {
          if (x === OTHER) {
            setOther(true);
            set(known ? '' : (value ?? ''));
          } else {
            setOther(false);
            set(x ?? '');
          }
        }}
        error={other ? undefined : error}
      />
      {other ? <TextField label="Kind of training" name="otherKind" value={value} onChange={set} error={error} hint="e.g. Moving and handling" /> : null}
    </>
  );
}
