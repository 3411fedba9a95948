// A date typed the UK way (dd/mm/yyyy; yyyy-mm-dd also accepted). The form gets an ISO
// date when the text reads as one, otherwise the text itself, so the contract's zod
// schema rejects it beside the field ("must be a real date") as the user types.
import { useId, useState, type Ref } from 'react';
import { isIsoDate } from '../../../electron/contract/dates';
import { ukDate, ukDateLong } from '../format';

const UK = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/;
const ISO = /^\s*(\d{4})-(\d{2})-(\d{2})\s*$/;

/** The ISO form of what was typed, or the text itself when it is not shaped like a date. */
export function parseTypedDate(text: string): string {
  const uk = UK.exec(text);
  if (uk) return `${uk[3]}-${uk[2].padStart(2, '0')}-${uk[1].padStart(2, '0')}`;
  const iso = ISO.exec(text);
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`;
  return text.trim();
}

/** zod's messages speak of YYYY-MM-DD; people here type dd/mm/yyyy. */
function friendly(error: string | undefined): string | undefined {
  if (!error) return error;
  return /YYYY-MM-DD/.test(error) ? 'must be a real date, written as dd/mm/yyyy' : error;
}

export function DateField({
  inputRef,
  ...p
}: {
  label: string;
  value: string | undefined;
  onChange: (v: string) => void;
  onBlur?: () => void;
  error?: string;
  hint?: string;
  name?: string;
  required?: boolean;
  inputRef?: Ref<HTMLInputElement>;
}) {
  const id = useId();
  const shown = (v: string | undefined) => (isIsoDate(v) ? ukDate(v) : (v ?? ''));
  const [text, setText] = useState(() => shown(p.value));
  // A value set from outside (e.g. "today", "In 12 months") replaces the text; the value
  // this field itself reported leaves what the person typed as they typed it.
  const [seen, setSeen] = useState(p.value);
  if (p.value !== seen) {
    setSeen(p.value);
    if (parseTypedDate(text) !== (p.value ?? '')) setText(shown(p.value));
  }
  const error = friendly(p.error);
  const confirm = isIsoDate(p.value) && !error ? ukDateLong(p.value) : undefined;
  const hint = [p.hint, confirm ?? 'dd/mm/yyyy'].filter(Boolean).join(' · ');
  return (
    <div className={`field${error ? ' has-error' : ''}`}>
      <label htmlFor={id}>{p.label}</label>
      <input
        id={id}
        ref={inputRef}
        name={p.name}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        placeholder="dd/mm/yyyy"
        value={text}
        aria-invalid={error ? true : undefined}
        aria-required={p.required || undefined}
        aria-describedby={error ? `${id}-error` : `${id}-hint`}
        onBlur={p.onBlur}
        onChange={(e) => {
          setText(e.target.value);
          p.onChange(parseTypedDate(e.target.value));
        }}
      />
      {!error ? (
        <div className="hint" id={`${id}-hint`}>
          {hint}
        </div>
      ) : (
        <div className="error" id={`${id}-error`} role="alert">
          {p.label} {error}
        </div>
      )}
    </div>
  );
}
