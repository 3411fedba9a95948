// A list of evidence records of one kind with add / edit / delete, each record a card that
// files can be dropped onto. Forms are validated as the user types with the kind's zod
// schema (model.ts RECORD_KINDS); main's errors are shown beside the field they concern.
import { Fragment, useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { useWatch, type DefaultValues, type FieldValues } from 'react-hook-form';
import { TRAINING_KINDS, type OwnerType, type RecordKind, type RecordPayload, type Stored } from '../../../../electron/contract/model';
import { useAction } from '../../data/query';
import { CheckField, SelectField, TextField } from '../../components/fields';
import { RecordWithEvidence } from '../../components/EvidenceFiles';
import { useInlineFormFocus } from '../../components/focus';
import { pounds } from '../../format';
import { useContractForm, type ContractForm } from '../../forms/useContractForm';
import { CheckInput, DateInput, FormMessage, NumberInput, SelectInput, TextInput, useBound } from '../../forms/inputs';
import { TRAINING_WORDS, type FieldSpec, type KindSpec } from './kinds';

export interface Owner {
  type: OwnerType;
  ref?: string;
}

/** A stored record's payload: what the forms edit (the id and files are not part of it). */
function payloadOf<P>(r: Stored<P>): P {
  const { id: _id, evidence: _ev, ...rest } = r;
  // Stored<P> is P plus these two keys, so what is left is P (TypeScript keeps it as an Omit).
  return rest as P;
}

export function RecordList<K extends RecordKind>({
  spec,
  owner,
  records,
  fixed,
  defaults,
  extraActions,
  addLabel,
  startAdding,
  groupOf,
}: {
  spec: KindSpec<K>;
  owner: Owner;
  records: Stored<RecordPayload<K>>[];
  /** Values every record here has and the form does not ask for (e.g. a policy's kind). */
  fixed?: Partial<RecordPayload<K>>;
  /** Starting values for a new record here that the person can change (who holds a sole practitioner's indemnity). */
  defaults?: Partial<RecordPayload<K>>;
  extraActions?: (r: Stored<RecordPayload<K>>) => ReactNode;
  addLabel?: string;
  /** Open with the add form showing and its first field focused (a to-do item's link). */
  startAdding?: boolean;
  /** Records under headings (the CPD log by CPD year): a heading where the key changes, newest first. */
  groupOf?: (r: Stored<RecordPayload<K>>) => { key: string; title: string };
}) {
  const [adding, setAdding] = useState(!!startAdding);
  const [editing, setEditing] = useState<number | null>(null);
  const [confirming, setConfirming] = useState<number | null>(null);
  const addRecord = useAction('addRecord');
  const updateRecord = useAction('updateRecord');
  const deleteRecord = useAction('deleteRecord');
  const sorted = [...records].sort((a, b) => spec.dateOf(b).localeCompare(spec.dateOf(a)) || b.id - a.id);
  const fields = spec.fields.filter((f) => !fixed || !(f.name in fixed));
  const add = addLabel ?? `Add ${spec.article} ${spec.noun}`;
  const remove = (id: number) => deleteRecord.mutate({ id }, { onSuccess: () => setConfirming(null) });
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
          // Both are partial payloads of this kind; TypeScript loses that through a generic spread.
          initial={{ ...spec.start?.(), ...defaults, ...fixed } as DefaultValues<RecordPayload<K>>}
          submitLabel={add}
          onCancel={() => setAdding(false)}
          save={async (data) => {
            await addRecord.mutateAsync({ owner, kind: spec.kind, data: { ...data, ...fixed } });
            setAdding(false);
          }}
          saveAndAdd={async (data) => {
            await addRecord.mutateAsync({ owner, kind: spec.kind, data: { ...data, ...fixed } });
          }}
          focusFirst
        />
      )}
      {deleteRecord.error ? (
        <p className="form-error" role="alert">
          {deleteRecord.error.message}
        </p>
      ) : null}
      {sorted.length === 0 && !adding ? <p className="hint">Nothing recorded yet.</p> : null}
      {sorted.map((r, n) => {
        const heading = spec.heading(r);
        const group = groupOf?.(r);
        const groupHead = group && (n === 0 || groupOf?.(sorted[n - 1]!).key !== group.key) ? <h3 className="record-group">{group.title}</h3> : null;
        const card =
          editing === r.id ? (
            <RecordForm
              key={r.id}
              spec={spec}
              fields={fields}
              title={`Edit ${heading}`}
              // A stored payload is a complete set of starting values (a generic type is not seen as its own partial).
              initial={payloadOf(r) as DefaultValues<RecordPayload<K>>}
              submitLabel="Save changes"
              onCancel={() => setEditing(null)}
              save={async (data) => {
                await updateRecord.mutateAsync({ id: r.id, data: { ...data, ...fixed } });
                setEditing(null);
              }}
            />
          ) : (
            <RecordWithEvidence key={r.id} recordId={r.id} files={r.evidence} label={heading}>
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
                <button
                  type="button"
                  className="secondary small"
                  onClick={() => (setEditing(r.id), setAdding(false))}
                  aria-label={`Edit ${heading}`}
                  // Found again when the form closes, even if saving changed the heading.
                  data-focus-key={`edit-record-${r.id}`}
                >
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
        return groupHead ? (
          <Fragment key={r.id}>
            {groupHead}
            {card}
          </Fragment>
        ) : (
          card
        );
      })}
    </div>
  );
}

export function RecordForm<K extends RecordKind>({
  spec,
  fields,
  title,
  initial,
  submitLabel,
  save,
  saveAndAdd,
  focusFirst,
  onCancel,
}: {
  spec: KindSpec<K>;
  fields: FieldSpec<RecordPayload<K>>[];
  title: string;
  initial: DefaultValues<RecordPayload<K>>;
  submitLabel: string;
  save: (data: RecordPayload<K>) => Promise<void>;
  /** "Save and add another": saves, then clears the form for the next record, keeping spec.keep. */
  saveAndAdd?: (data: RecordPayload<K>) => Promise<void>;
  /** Focus the first field when the form opens. */
  focusFirst?: boolean;
  onCancel: () => void;
}) {
  const f = useContractForm(spec.schema, initial, { prefix: 'data' });
  const values = useWatch({ control: f.control });
  const formRef = useRef<HTMLFormElement | null>(null);
  const focusRef = useInlineFormFocus<HTMLFormElement>();
  // One ref for both: the inline form's focus (in on open, back to its button on close) and the form itself.
  const setForm = useCallback(
    (el: HTMLFormElement | null) => {
      formRef.current = el;
      return focusRef(el);
    },
    [focusRef],
  );
  // "Saved …" after each "Save and add another" (a quiet status; cleared by the next save).
  const [savedNote, setSavedNote] = useState('');
  const [count, setCount] = useState(0);
  const firstField = () => formRef.current?.querySelector<HTMLElement>('input:not([type=hidden]), select, textarea')?.focus();
  useEffect(() => {
    if (focusFirst) firstField();
  }, [focusFirst]);
  // An event handler (refs are read only when it runs, never while rendering).
  const another = (add: (data: RecordPayload<K>) => Promise<void>) =>
    void f.submit(async (data) => {
      setSavedNote('');
      await add(data);
      // The next record starts from the kind's starting values plus what it keeps (the same provider…).
      const kept: Record<string, unknown> = {};
      for (const name of spec.keep ?? []) kept[name] = (data as Record<string, unknown>)[name];
      f.reset({ ...initial, ...kept } as DefaultValues<RecordPayload<K>>);
      const n = count + 1;
      setCount(n);
      setSavedNote(`Saved: ${spec.heading(data)}${n > 1 ? ` (${n} added)` : ''}. The form is ready for the next one.`);
      requestAnimationFrame(firstField);
    })();
  return (
    <form className="card form-grid" onSubmit={f.submit(save)} aria-label={title} noValidate ref={setForm}>
      <h3 className="form-title">{title}</h3>
      {fields
        .filter((fs) => !fs.showIf || fs.showIf(values))
        .map((fs) => (
          <Field key={fs.name} form={f} spec={fs} />
        ))}
      <FormMessage form={f} />
      <div className="actions">
        <button type="submit" disabled={f.formState.isSubmitting}>
          {submitLabel}
        </button>
        {saveAndAdd ? (
          <button type="button" className="secondary" disabled={f.formState.isSubmitting} onClick={() => another(saveAndAdd)}>
            Save and add another
          </button>
        ) : null}
        <button type="button" className="secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
      {saveAndAdd ? (
        <p role="status" className="saved span-all">
          {savedNote}
        </p>
      ) : null}
    </form>
  );
}

function Field<T extends FieldValues, O>({ form, spec }: { form: ContractForm<T, O>; spec: FieldSpec<T> }) {
  const common = { form, name: spec.name, label: spec.label, hint: spec.hint };
  switch (spec.kind) {
    case 'text':
      return <TextInput {...common} required={spec.required} />;
    case 'textarea':
      return (
        <div className="span-all">
          <TextInput {...common} multiline />
        </div>
      );
    case 'date':
      return <DateInput {...common} required={spec.required} />;
    case 'check':
      return <CheckInput {...common} />;
    case 'number':
      return <NumberInput {...common} step={spec.step} required={spec.required} />;
    case 'money':
      return <MoneyInput {...common} required={spec.required} />;
    case 'select':
      return <SelectInput {...common} options={spec.options} blank={spec.blank} required={spec.required} />;
    case 'areas':
      return <AreasInput {...common} options={spec.options} />;
    case 'trainingKind':
      return <TrainingKindInput {...common} />;
  }
}

type Bound<T extends FieldValues, O> = { form: ContractForm<T, O>; name: FieldSpec<T>['name']; label: string; hint?: string; required?: boolean };

/** Pounds, with the amount written out beside it as it is typed. */
function MoneyInput<T extends FieldValues, O>({ form, name, ...p }: Bound<T, O>) {
  const v = useWatch({ control: form.control, name });
  const hint = typeof v === 'number' && Number.isFinite(v) && v > 0 ? pounds(v) : p.hint;
  return <NumberInput form={form} name={name} {...p} hint={hint} />;
}

function AreasInput<T extends FieldValues, O>({ form, name, label, options }: Bound<T, O> & { options: readonly (readonly [string, string])[] }) {
  const b = useBound(form, name);
  const value = Array.isArray(b.value) ? b.value.filter((x): x is string => typeof x === 'string') : [];
  return (
    <fieldset className="field span-all checks">
      <legend>{label}</legend>
      {options.map(([key, words], i) => (
        <CheckField
          key={key}
          label={words}
          name={`${name}-${key}`}
          checked={value.includes(key)}
          inputRef={i === 0 ? b.ref : undefined}
          onChange={(on) => b.set(on ? [...value.filter((x) => x !== key), key] : value.filter((x) => x !== key))}
        />
      ))}
      {b.error ? (
        <div className="error" role="alert">
          {label} {b.error}
        </div>
      ) : null}
    </fieldset>
  );
}

const OTHER = '__other';
/** One of the mandatory trainings from a list, or another kind typed in. */
function TrainingKindInput<T extends FieldValues, O>({ form, name, label }: Bound<T, O>) {
  const b = useBound(form, name);
  const value = typeof b.value === 'string' ? b.value : undefined;
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
        options={[...TRAINING_KINDS.map((k) => [k, TRAINING_WORDS[k]] as const), [OTHER, 'Another kind…'] as const]}
        inputRef={other ? undefined : b.ref}
        onBlur={b.onBlur}
        onChange={(x) => {
          if (x === OTHER) {
            setOther(true);
            b.set(known ? '' : (value ?? ''));
          } else {
            setOther(false);
            b.set(x ?? '');
          }
        }}
        error={other ? undefined : b.error}
      />
      {other ? (
        <TextField
          label="Kind of training"
          name="otherKind"
          value={value}
          onChange={b.set}
          onBlur={b.onBlur}
          inputRef={b.ref}
          error={b.error}
          hint="e.g. Moving and handling"
        />
      ) : null}
    </>
  );
}
