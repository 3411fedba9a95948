// Register checks as receipts (issue 11 item 6) on a registration or DBS record: "Open the
// register" asks main to open the public register's page in the computer's browser (the page
// names the register by its id and never navigates itself), and "Record a check" opens an
// inline form for what the register showed, with the register page's screenshot or PDF chosen
// through main's file dialog. The record shows its last check: who, when, what it showed.
import { useState, type FormEvent } from 'react';
import { DBS_STATUS_RESULTS, REGISTER_RESULTS, type RegisterCheck, type RegisterCheckResult } from '../../../../electron/contract/model';
import { REGISTERS, RESULT_WORDS, registerOfBody, type RegisterId } from '../../../../electron/contract/registers';
import { CheckField, SelectField, TextField } from '../../components/fields';
import { useInlineFormFocus } from '../../components/focus';
import { ukDate } from '../../format';
import { useAction } from '../../data/query';

/** A result's words at the start of a line or an option. */
const resultWords = (r: RegisterCheckResult) => RESULT_WORDS[r].charAt(0).toUpperCase() + RESULT_WORDS[r].slice(1);

const PROFESSIONAL: RegisterId[] = ['hcpc', 'nmc', 'swe'];

export function RegisterCheckActions({
  staffRef,
  recordId,
  kind,
  body,
  checks,
  today,
  label,
}: {
  staffRef: string;
  recordId: number;
  kind: 'registration' | 'dbs';
  /** A registration's professional body (which register it is on). */
  body?: string;
  checks: RegisterCheck[] | undefined;
  today: string;
  /** The record's heading, for the buttons' names. */
  label: string;
}) {
  const [open, setOpen] = useState(false);
  const openRegister = useAction('openRegister');
  const fixed: RegisterId | undefined = kind === 'dbs' ? 'dbs-update' : registerOfBody(body ?? '');
  const last = [...(checks ?? [])].sort((a, b) => a.on.localeCompare(b.on)).at(-1);
  return (
    <>
      {fixed ? (
        <button
          type="button"
          className="secondary small"
          aria-label={`Open the register: ${REGISTERS[fixed].name}`}
          onClick={() => openRegister.mutate({ register: fixed })}
        >
          Open the register
        </button>
      ) : null}
      {!open ? (
        <button type="button" className="secondary small" aria-label={`Record a check of ${label}`} onClick={() => setOpen(true)}>
          Record a check
        </button>
      ) : null}
      <p className="hint span-all" style={{ flexBasis: '100%' }} data-testid={`last-check-${recordId}`}>
        {last
          ? `Last check: ${ukDate(last.on)} by ${last.by}, ${REGISTERS[last.register].name}: ${resultWords(last.result)}${last.note ? ` (${last.note})` : ''}${last.file ? `; register page saved as ${last.file}` : ''}.`
          : 'No register check recorded in Caseproof yet.'}
      </p>
      {openRegister.error ? (
        <p className="form-error" role="alert">
          {openRegister.error.message}
        </p>
      ) : null}
      {open ? (
        <CheckForm staffRef={staffRef} recordId={recordId} kind={kind} register={fixed} today={today} label={label} onClose={() => setOpen(false)} />
      ) : null}
    </>
  );
}

function CheckForm({
  staffRef,
  recordId,
  kind,
  register: fixed,
  today,
  label,
  onClose,
}: {
  staffRef: string;
  recordId: number;
  kind: 'registration' | 'dbs';
  register: RegisterId | undefined;
  today: string;
  label: string;
  onClose: () => void;
}) {
  const focusRef = useInlineFormFocus<HTMLFormElement>();
  const record = useAction('recordRegisterCheck');
  const [register, setRegister] = useState<RegisterId | undefined>(fixed);
  const results = kind === 'dbs' ? DBS_STATUS_RESULTS : REGISTER_RESULTS;
  const [result, setResult] = useState<RegisterCheckResult | undefined>(undefined);
  const [checkedOn, setCheckedOn] = useState(today);
  const [note, setNote] = useState('');
  const [attach, setAttach] = useState(false);
  const [problem, setProblem] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!register) return setProblem('Choose the register you looked at.');
    if (!result) return setProblem('Choose what the register showed.');
    setProblem('');
    record.mutate(
      { staffRef, recordId, register, result, checkedOn, ...(note.trim() ? { note: note.trim() } : {}), ...(attach ? { attach: true } : {}) },
      { onSuccess: (out) => out && onClose() },
    );
  };
  return (
    <form className="card form-grid" style={{ flexBasis: '100%' }} aria-label={`Record a check of ${label}`} onSubmit={submit} noValidate ref={focusRef}>
      <h3 className="form-title">Record a check of {label}</h3>
      {kind === 'registration' ? (
        <SelectField
          label="Register"
          name="register"
          value={register}
          blank="Choose the register"
          options={PROFESSIONAL.map((r) => [r, REGISTERS[r].name] as const)}
          onChange={(v) => setRegister(v as RegisterId | undefined)}
          required
        />
      ) : null}
      <SelectField
        label="What it showed"
        name="result"
        value={result}
        blank="Choose the result"
        options={results.map((r) => [r, resultWords(r)] as const)}
        onChange={(v) => setResult(v as RegisterCheckResult | undefined)}
        required
      />
      <TextField label="Checked on" name="checkedOn" type="date" value={checkedOn} onChange={setCheckedOn} required />
      <div className="span-all">
        <TextField label="Note" name="note" multiline value={note} onChange={setNote} hint="Optional, e.g. the registration's expiry date shown" />
      </div>
      <CheckField label="Attach the register page (a screenshot or PDF)" name="attach" checked={attach} onChange={setAttach} />
      {problem || record.error ? (
        <p className="form-error span-all" role="alert">
          {problem || record.error?.message}
        </p>
      ) : null}
      <div className="actions">
        <button type="submit" disabled={record.isPending}>
          Save the check
        </button>
        <button type="button" className="secondary" onClick={onClose}>
          Cancel
        </button>
      </div>
    </form>
  );
}
