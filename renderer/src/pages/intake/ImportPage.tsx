// Importing with a preview: choose what to bring in (a spreadsheet of one kind, a firm file
// or an evidence passport), choose the file, see everything it would add, change or refuse,
// fix the file and check again if need be, then import it all (or nothing).
// Route: /import and /import/SOURCE (spreadsheet, firm-file, passport).
import { useEffect, useRef, useState } from 'react';
import { Link } from '@tanstack/react-router';
import { useWatch } from 'react-hook-form';
import { z } from 'zod';
import { inputs } from '../../../../electron/contract/api';
import type { ImportPlan, ImportSource, SheetKind } from '../../../../electron/contract/ops/intake';
import { SHEET_COLUMNS, SHEET_LABELS } from '../../../../electron/contract/sheets';
import type { ImportSummary } from '../../../../electron/contract/views';
import { SHEET_KINDS } from '../../../../electron/contract/ops/intake';
import { useAction } from '../../data/query';
import { useContractForm } from '../../forms/useContractForm';
import { CheckInput, FormMessage, RadioInput, SelectInput, TextInput } from '../../forms/inputs';
import { PlanView } from './PlanView';

const SOURCES = [
  ['spreadsheet', 'A spreadsheet (Excel or CSV), one kind of record'],
  ['firm-file', 'A Caseproof firm file'],
  ['passport', 'An evidence passport from a case manager'],
] as const;
const KIND_OPTIONS = SHEET_KINDS.map((k) => [k, SHEET_LABELS[k]] as const);

export const isImportSource = (s: string | undefined): s is ImportSource => SOURCES.some(([k]) => k === s);

export function ImportPage({ source }: { source?: ImportSource }) {
  const [chosen, setChosen] = useState<{ token: string; file: string; source: ImportSource } | null>(null);
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">Import</h1>
      <p className="hint">
        Caseproof shows you everything a file would add, change or refuse before it writes anything. Then it imports all of it, or nothing.
      </p>
      {chosen ? (
        <Preview key={chosen.token} chosen={chosen} onAgain={() => setChosen(null)} />
      ) : (
        <ChooseFile initial={source ?? 'spreadsheet'} onChosen={setChosen} />
      )}
    </section>
  );
}

function ChooseFile({ initial, onChosen }: { initial: ImportSource; onChosen: (c: { token: string; file: string; source: ImportSource }) => void }) {
  const f = useContractForm(inputs.chooseImportFile, { source: initial, kind: 'cpd' as SheetKind });
  const choose = useAction('chooseImportFile');
  const [source, kind] = useWatch({ control: f.control, name: ['source', 'kind'] });
  return (
    <form
      className="card form-grid"
      aria-label="Choose what to import"
      noValidate
      onSubmit={f.submit(async (d) => {
        const r = await choose.mutateAsync(d.source === 'spreadsheet' ? d : { source: d.source });
        if (r) onChosen({ ...r, source: d.source });
      })}
    >
      <RadioInput form={f} name="source" legend="What are you importing?" options={SOURCES} />
      {source === 'spreadsheet' ? (
        <>
          <SelectInput form={f} name="kind" label="What the spreadsheet holds" options={KIND_OPTIONS} />
          {kind ? <Columns kind={kind} /> : null}
        </>
      ) : null}
      {source === 'passport' ? (
        <p className="hint">A passport is one case manager’s own record and evidence, locked with a passphrase they chose. They tell you the passphrase.</p>
      ) : null}
      <FormMessage form={f} />
      <div className="actions">
        <button type="submit" disabled={f.formState.isSubmitting}>
          Choose the file…
        </button>
      </div>
    </form>
  );
}

/** A kind's columns, and its templates to download. */
function Columns({ kind }: { kind: SheetKind }) {
  const save = useAction('saveSheetTemplate');
  const [saved, setSaved] = useState<string | null>(null);
  const download = async (format: 'xlsx' | 'csv') => {
    setSaved(null);
    const r = await save.mutateAsync({ kind, format }).catch(() => null);
    if (r?.path) setSaved(r.path);
  };
  return (
    <div className="sheet-columns">
      <p className="hint">
        The first row names the columns (the ones marked * are needed): {SHEET_COLUMNS[kind].map((c) => `${c.name}${c.required ? '*' : ''}`).join(', ')}. Dates
        are written dd/mm/yyyy (31/12/2026) or 2026-12-31.
      </p>
      <div className="actions">
        <button type="button" className="secondary" onClick={() => void download('xlsx')}>
          Download an Excel template
        </button>
        <button type="button" className="secondary" onClick={() => void download('csv')}>
          Download a CSV template
        </button>
        {saved ? (
          <span className="saved" role="status">
            Saved the template to {saved}.
          </span>
        ) : null}
        {save.error ? (
          <span className="form-error" role="alert">
            {save.error.message}
          </span>
        ) : null}
      </div>
    </div>
  );
}

const passportForm = z.strictObject({ passphrase: z.string().min(1, 'is required') });

function Preview({ chosen, onAgain }: { chosen: { token: string; file: string; source: ImportSource }; onAgain: () => void }) {
  const preview = useAction('previewImport');
  const apply = useAction('applyImport');
  const [plan, setPlan] = useState<ImportPlan | null>(null);
  const [done, setDone] = useState<ImportSummary | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [passphrase, setPassphrase] = useState<string | undefined>(undefined);
  const opts = useContractForm(z.strictObject({ updateFirm: z.boolean() }), { updateFirm: false });
  const updateFirm = useWatch({ control: opts.control, name: 'updateFirm' });
  const heading = useRef<HTMLDivElement>(null);

  // Nothing is set before the answer arrives (so the effect below sets no state synchronously).
  const check = async (pass = passphrase) => {
    try {
      const next = await preview.mutateAsync({ token: chosen.token, ...(pass ? { passphrase: pass } : {}), ...(updateFirm ? { updateFirm } : {}) });
      setError(null);
      setPlan(next);
    } catch (e) {
      setPlan(null);
      throw e;
    }
  };
  // A firm file or a spreadsheet is looked at as soon as it is chosen (a passport needs its passphrase first).
  useEffect(() => {
    // check sets state only once the preview's answer has arrived (after its await), never during the effect.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (chosen.source !== 'passport') check().catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
    // Asked again when the firm's-details tick changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- check reads the tick itself
  }, [updateFirm]);
  useEffect(() => {
    if (plan) heading.current?.focus();
  }, [plan]);

  const run = async () => {
    if (!plan) return;
    setError(null);
    try {
      setDone(
        await apply.mutateAsync({ token: chosen.token, digest: plan.digest, ...(passphrase ? { passphrase } : {}), ...(updateFirm ? { updateFirm } : {}) }),
      );
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  if (done) {
    const a = done.added;
    const u = done.updated;
    return (
      <div className="card" role="status">
        <p className="saved">
          Imported {chosen.file}: {a.staff} staff, {a.suppliers} suppliers, {a.cases} cases, {a.records} records and {a.files} evidence files added;{' '}
          {u.staff + u.suppliers + u.cases} updated{u.firm ? ', firm details saved' : ''}.
          {done.kept?.records ? ` ${done.kept.records} records the vault already held as the file gives them were left unchanged.` : ''}
          {done.removed?.records ? ` ${done.removed.records} records the file left out were removed.` : ''}
          {done.firmKept ? ` The firm’s own name and address were kept (${[done.firmKept.name, done.firmKept.address].filter(Boolean).join(', ')}).` : ''}
        </p>
        <div className="actions">
          <Link to="/dashboard">Go to the dashboard</Link>
          <button className="secondary" onClick={onAgain}>
            Import another file
          </button>
        </div>
      </div>
    );
  }
  return (
    <div>
      <p>
        File: <strong>{chosen.file}</strong>{' '}
        <button className="link" onClick={onAgain}>
          Choose another file
        </button>
      </p>
      {chosen.source === 'passport' ? <PassportPassphrase onOpen={async (p) => (setPassphrase(p), check(p))} /> : null}
      {chosen.source === 'firm-file' ? (
        <form className="card" aria-label="Firm details" onSubmit={(e) => e.preventDefault()}>
          <CheckInput
            form={opts}
            name="updateFirm"
            label="Update the firm’s name and address from the file"
            hint="Left unticked, the firm’s own name and address stay as they are."
          />
        </form>
      ) : null}
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      {plan ? (
        <div ref={heading} tabIndex={-1} className="plan-wrap">
          <PlanView plan={plan} />
          <div className="actions">
            {chosen.source !== 'passport' ? (
              <button className="secondary" onClick={() => void check().catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)))}>
                Check the file again
              </button>
            ) : null}
            <button onClick={() => void run()} disabled={plan.refused.length > 0 || apply.isPending}>
              {chosen.source === 'passport' ? 'Accept the passport' : 'Import'}
            </button>
          </div>
          {plan.refused.length ? <p className="hint">Fix the file where it is, save it, then check it again.</p> : null}
        </div>
      ) : preview.isPending ? (
        <p aria-busy="true">Checking the file…</p>
      ) : null}
    </div>
  );
}

function PassportPassphrase({ onOpen }: { onOpen: (passphrase: string) => Promise<unknown> }) {
  const f = useContractForm(passportForm, { passphrase: '' });
  return (
    <form className="card form-grid" aria-label="Open the passport" noValidate onSubmit={f.submit((d) => onOpen(d.passphrase))}>
      <TextInput form={f} name="passphrase" label="The passport’s passphrase" type="password" required autoFocus />
      <FormMessage form={f} />
      <div className="actions">
        <button type="submit" disabled={f.formState.isSubmitting}>
          Open the passport
        </button>
      </div>
    </form>
  );
}
