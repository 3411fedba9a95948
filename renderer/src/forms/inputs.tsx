// The labelled fields (components/fields.tsx, DateField) bound to a contract form: each
// shows its field's value and error, reports changes and blur to react-hook-form, hands it
// the element to focus when the field is wrong, and counts itself on screen so main's
// errors about this field are shown here.
import { useEffect, useId, type ComponentProps } from 'react';
import { useController, type FieldError, type FieldValues, type Path } from 'react-hook-form';
import { CheckField, NumberField, SelectField, TextField } from '../components/fields';
import { DateField } from '../components/DateField';
import { friendlyError } from '../components/formErrors';
import type { ContractForm } from './useContractForm';

type Bind<T extends FieldValues, O> = { form: ContractForm<T, O>; name: Path<T> };

/** The first message in an error, looking inside a list's errors (e.g. `services.2`). */
function firstMessage(e: unknown): string | undefined {
  if (!e || typeof e !== 'object') return undefined;
  if ('message' in e && typeof e.message === 'string' && e.message) return e.message;
  for (const v of Object.values(e)) {
    const m = firstMessage(v);
    if (m) return m;
  }
  return undefined;
}

/**
 * What to show beside a field: a missing value "is required" (unless the schema says more
 * precisely how, e.g. "is required to instruct a supplier who was not approved"), and
 * zod's own wording in plain words.
 */
export function messageOf(error: FieldError | undefined, value: unknown): string | undefined {
  if (!error) return undefined;
  const message = firstMessage(error);
  if (error.type === 'invalid_type' && (value === undefined || value === '') && !message?.startsWith('is required')) return 'is required';
  return friendlyError(message);
}

/** One field of a contract form, for inputs that are not one of the standard ones below. */
export function useBound<T extends FieldValues, O>(form: ContractForm<T, O>, name: Path<T>) {
  const { field, fieldState } = useController({ control: form.control, name });
  const shown = form.shown;
  useEffect(() => {
    shown.set(name, (shown.get(name) ?? 0) + 1);
    return () => {
      const left = (shown.get(name) ?? 1) - 1;
      if (left > 0) shown.set(name, left);
      else shown.delete(name);
    };
  }, [shown, name]);
  const value: unknown = field.value;
  return { value, set: field.onChange, onBlur: field.onBlur, ref: field.ref, error: messageOf(fieldState.error, value) };
}

const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

export function TextInput<T extends FieldValues, O>({
  form,
  name,
  transform,
  ...p
}: Bind<T, O> &
  Omit<ComponentProps<typeof TextField>, 'value' | 'onChange' | 'onBlur' | 'error' | 'name' | 'inputRef'> & { transform?: (s: string) => string }) {
  const b = useBound(form, name);
  return (
    <TextField
      {...p}
      name={name}
      value={str(b.value)}
      onChange={(v) => b.set(transform ? transform(v) : v)}
      onBlur={b.onBlur}
      error={b.error}
      inputRef={b.ref}
    />
  );
}

export function NumberInput<T extends FieldValues, O>({
  form,
  name,
  ...p
}: Bind<T, O> & Omit<ComponentProps<typeof NumberField>, 'value' | 'onChange' | 'onBlur' | 'error' | 'name' | 'inputRef'>) {
  const b = useBound(form, name);
  return (
    <NumberField
      {...p}
      name={name}
      value={typeof b.value === 'number' ? b.value : undefined}
      onChange={b.set}
      onBlur={b.onBlur}
      error={b.error}
      inputRef={b.ref}
    />
  );
}

export function SelectInput<T extends FieldValues, O>({
  form,
  name,
  blankError = 'must be chosen',
  onPicked,
  ...p
}: Bind<T, O> &
  Omit<ComponentProps<typeof SelectField>, 'value' | 'onChange' | 'onBlur' | 'error' | 'name' | 'inputRef'> & {
    /** Shown when nothing is chosen and the field needs a choice. */
    blankError?: string;
    /** Called after a choice, with the value chosen. */
    onPicked?: (v: string | undefined) => void;
  }) {
  const b = useBound(form, name);
  const value = str(b.value);
  return (
    <SelectField
      {...p}
      name={name}
      value={value}
      onChange={(v) => {
        b.set(v);
        onPicked?.(v);
      }}
      onBlur={b.onBlur}
      error={b.error && value === undefined ? blankError : b.error}
      inputRef={b.ref}
    />
  );
}

export function CheckInput<T extends FieldValues, O>({
  form,
  name,
  unchecked = false,
  ...p
}: Bind<T, O> &
  Omit<ComponentProps<typeof CheckField>, 'checked' | 'onChange' | 'onBlur' | 'name' | 'inputRef'> & {
    /** The value when not ticked: false, or undefined where "not ticked" means "not recorded". */
    unchecked?: false | undefined;
  }) {
  const b = useBound(form, name);
  return <CheckField {...p} name={name} checked={b.value === true} onChange={(on) => b.set(on ? true : unchecked)} onBlur={b.onBlur} inputRef={b.ref} />;
}

export function DateInput<T extends FieldValues, O>({
  form,
  name,
  ...p
}: Bind<T, O> & Omit<ComponentProps<typeof DateField>, 'value' | 'onChange' | 'onBlur' | 'error' | 'name' | 'inputRef'>) {
  const b = useBound(form, name);
  return <DateField {...p} name={name} value={str(b.value)} onChange={b.set} onBlur={b.onBlur} error={b.error} inputRef={b.ref} />;
}

/** A choice of one from a few, as radio buttons in a fieldset. */
export function RadioInput<T extends FieldValues, O, V extends string | boolean>({
  form,
  name,
  legend,
  options,
  blankMessage,
  className = 'field radios',
  labelClassName,
}: Bind<T, O> & {
  legend: string;
  options: readonly (readonly [V, string])[];
  /** The whole message when nothing is chosen (otherwise "legend + error"). */
  blankMessage?: string;
  className?: string;
  labelClassName?: string;
}) {
  const b = useBound(form, name);
  const id = useId();
  const error = b.error && b.value === undefined && blankMessage ? blankMessage : b.error ? `${legend} ${b.error}` : undefined;
  return (
    <fieldset className={`${className}${error ? ' has-error' : ''}`} aria-describedby={error ? `${id}-error` : undefined}>
      <legend>{legend}</legend>
      {options.map(([v, words], i) => (
        <label key={String(v)} className={labelClassName}>
          <input type="radio" name={`${id}-${name}`} checked={b.value === v} onChange={() => b.set(v)} onBlur={b.onBlur} ref={i === 0 ? b.ref : undefined} />{' '}
          {words}
        </label>
      ))}
      {error ? (
        <div className="error" id={`${id}-error`} role="alert">
          {error}
        </div>
      ) : null}
    </fieldset>
  );
}

/** The form's own message: an error from main that concerns no field on screen. */
export function FormMessage<T extends FieldValues, O>({ form }: { form: ContractForm<T, O> }) {
  return form.message ? (
    <p className="form-error" role="alert">
      {form.message}
    </p>
  ) : null;
}

/** "Saved." after the last submit saved. */
export function SavedNote<T extends FieldValues, O>({ form, text = 'Saved.' }: { form: ContractForm<T, O>; text?: string }) {
  return form.saved ? (
    <span className="saved" role="status">
      {text}
    </span>
  ) : null;
}
