// Labelled form fields with their error shown beside them (and announced to screen readers).
// Presentational only: forms bind them to their values with forms/inputs.tsx.
import { useId, type ReactNode, type Ref } from 'react';

interface Base {
  label: string;
  /** The label is read by screen readers only (the row or column already says it on screen). */
  labelHidden?: boolean;
  error?: string;
  hint?: string;
  required?: boolean;
  onBlur?: () => void;
}
function Wrap({ id, label, labelHidden, error, hint, children }: Base & { id: string; children: ReactNode }) {
  return (
    <div className={`field${error ? ' has-error' : ''}`}>
      <label htmlFor={id} className={labelHidden ? 'visually-hidden' : undefined}>
        {label}
      </label>
      {children}
      {hint && !error ? (
        <div className="hint" id={`${id}-hint`}>
          {hint}
        </div>
      ) : null}
      {error ? (
        <div className="error" id={`${id}-error`} role="alert">
          {label} {error}
        </div>
      ) : null}
    </div>
  );
}
function describedBy(id: string, error?: string, hint?: string) {
  return error ? `${id}-error` : hint ? `${id}-hint` : undefined;
}

export function TextField({
  inputRef,
  ...p
}: Base & {
  value: string | undefined;
  onChange: (v: string) => void;
  type?: 'text' | 'password' | 'search' | 'datetime-local' | 'date';
  multiline?: boolean;
  name?: string;
  autoFocus?: boolean;
  inputRef?: Ref<HTMLInputElement & HTMLTextAreaElement>;
}) {
  const id = useId();
  const common = {
    id,
    name: p.name,
    value: p.value ?? '',
    'aria-invalid': p.error ? true : undefined,
    'aria-describedby': describedBy(id, p.error, p.hint),
    'aria-required': p.required || undefined,
    autoFocus: p.autoFocus,
    onBlur: p.onBlur,
    ref: inputRef,
  };
  return (
    <Wrap id={id} {...p}>
      {p.multiline ? (
        <textarea {...common} rows={3} onChange={(e) => p.onChange(e.target.value)} />
      ) : (
        <input {...common} type={p.type ?? 'text'} onChange={(e) => p.onChange(e.target.value)} />
      )}
    </Wrap>
  );
}

export function NumberField({
  inputRef,
  ...p
}: Base & {
  value: number | undefined;
  onChange: (v: number | undefined) => void;
  step?: number;
  name?: string;
  placeholder?: string;
  inputRef?: Ref<HTMLInputElement>;
}) {
  const id = useId();
  return (
    <Wrap id={id} {...p}>
      <input
        id={id}
        ref={inputRef}
        name={p.name}
        type="number"
        inputMode="decimal"
        step={p.step ?? 'any'}
        placeholder={p.placeholder}
        value={p.value ?? ''}
        aria-invalid={p.error ? true : undefined}
        aria-describedby={describedBy(id, p.error, p.hint)}
        aria-required={p.required || undefined}
        onBlur={p.onBlur}
        onChange={(e) => p.onChange(e.target.value === '' ? undefined : Number(e.target.value))}
      />
    </Wrap>
  );
}

export function SelectField({
  inputRef,
  ...p
}: Base & {
  value: string | undefined;
  onChange: (v: string | undefined) => void;
  options: readonly (string | readonly [string, string])[];
  blank?: string;
  name?: string;
  inputRef?: Ref<HTMLSelectElement>;
}) {
  const id = useId();
  return (
    <Wrap id={id} {...p}>
      <select
        id={id}
        ref={inputRef}
        name={p.name}
        value={p.value ?? ''}
        aria-invalid={p.error ? true : undefined}
        aria-describedby={describedBy(id, p.error, p.hint)}
        aria-required={p.required || undefined}
        onBlur={p.onBlur}
        onChange={(e) => p.onChange(e.target.value || undefined)}
      >
        {p.blank !== undefined ? <option value="">{p.blank}</option> : null}
        {p.options.map((o) => {
          const [v, l] = typeof o === 'string' ? [o, o] : o;
          return (
            <option key={v} value={v}>
              {l}
            </option>
          );
        })}
      </select>
    </Wrap>
  );
}

export function CheckField({
  inputRef,
  ...p
}: {
  label: string;
  checked: boolean | undefined;
  onChange: (v: boolean) => void;
  onBlur?: () => void;
  hint?: string;
  name?: string;
  disabled?: boolean;
  inputRef?: Ref<HTMLInputElement>;
}) {
  const id = useId();
  return (
    <div className="field check">
      <input
        id={id}
        ref={inputRef}
        name={p.name}
        type="checkbox"
        checked={!!p.checked}
        disabled={p.disabled}
        onBlur={p.onBlur}
        onChange={(e) => p.onChange(e.target.checked)}
        aria-describedby={p.hint ? `${id}-hint` : undefined}
      />
      <label htmlFor={id}>{p.label}</label>
      {p.hint ? (
        <div className="hint" id={`${id}-hint`}>
          {p.hint}
        </div>
      ) : null}
    </div>
  );
}
