// Firm details, the settings the rules use, and moving data in and out (firm file).
import { useState } from 'react';
import { firmDetails, firmSettings } from '../../../electron/contract/model';
import type { FirmView } from '../../../electron/contract/views';
import { inputs } from '../../../electron/contract/api';
import { call } from '../api';
import { useLoad, useZodForm } from '../hooks';
import { CheckField, NumberField, SelectField, TextField } from '../components/fields';
import { pounds } from '../format';

export function SettingsPage() {
  const { data, error, reload } = useLoad(() => call('getFirm', {}), []);
  if (error)
    return (
      <p role="alert" className="form-error">
        {error}
      </p>
    );
  if (!data) return <p aria-busy="true">Loading…</p>;
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">Settings</h1>
      <YourName />
      <FirmForm firm={data} onSaved={reload} />
      <RuleSettings firm={data} onSaved={reload} />
      <p className="card">
        Policies (handover, whistleblowing, complaints, lone working, information security) and their yearly reviews:{' '}
        <a href="#/policies">Organisation policies</a>
      </p>
      <DataInOut onImported={reload} />
    </section>
  );
}

function Saved({ on }: { on: boolean }) {
  return on ? (
    <span className="saved" role="status">
      Saved.
    </span>
  ) : null;
}

/** The name recorded as "added by" on evidence and "granted by" on exemptions, on this computer. */
function YourName() {
  const { data } = useLoad(() => call('vaultState', {}), []);
  if (!data) return null;
  return <YourNameForm current={data.user} />;
}
function YourNameForm({ current }: { current: string }) {
  const f = useZodForm(inputs.setUserName, { name: current });
  const submit = f.submitWith((d) => call('setUserName', d));
  return (
    <form className="card form-grid" onSubmit={submit} aria-labelledby="you-title" noValidate>
      <h2 id="you-title">You</h2>
      <TextField
        label="Your name"
        name="userName"
        value={f.values.name as string}
        onChange={(x) => f.set('name', x)}
        error={f.errorOf('name')}
        hint="Recorded as who added evidence or granted an exemption, on this computer."
      />
      <div className="actions">
        <button type="submit">Save your name</button>
        <Saved on={f.saved} />
      </div>
    </form>
  );
}

function FirmForm({ firm, onSaved }: { firm: FirmView; onSaved: () => void }) {
  const f = useZodForm(firmDetails, { name: firm.name, address: firm.address, codeOfConductSignatory: firm.codeOfConductSignatory });
  const v = f.values as { name?: string; address?: string; codeOfConductSignatory?: boolean };
  const submit = f.submitWith(async (d) => {
    await call('updateFirm', d);
    onSaved();
  });
  return (
    <form className="card form-grid" onSubmit={submit} aria-labelledby="firm-title" noValidate>
      <h2 id="firm-title">Firm details</h2>
      <TextField label="Firm name" name="firmName" value={v.name} onChange={(x) => f.set('name', x)} error={f.errorOf('name')} required />
      <TextField label="Address" name="address" multiline value={v.address} onChange={(x) => f.set('address', x)} error={f.errorOf('address')} />
      <CheckField
        label="The firm has signed the MTSP code of conduct"
        name="codeOfConductSignatory"
        checked={v.codeOfConductSignatory}
        onChange={(x) => f.set('codeOfConductSignatory', x)}
      />
      {f.formError ? (
        <p className="form-error" role="alert">
          {f.formError}
        </p>
      ) : null}
      <div className="actions">
        <button type="submit">Save firm details</button>
        <Saved on={f.saved} />
      </div>
    </form>
  );
}

function RuleSettings({ firm, onSaved }: { firm: FirmView; onSaved: () => void }) {
  const f = useZodForm(firmSettings, { ...firm.settings });
  const v = f.values as Partial<FirmView['settings']>;
  const submit = f.submitWith(async (d) => {
    await call('updateSettings', d);
    onSaved();
  });
  return (
    <form className="card form-grid" onSubmit={submit} aria-labelledby="rules-title" noValidate>
      <h2 id="rules-title">Rule settings</h2>
      <NumberField
        label="Warning window (days)"
        name="warningDays"
        value={v.warningDays}
        onChange={(x) => f.set('warningDays', x)}
        error={f.errorOf('warningDays')}
        hint="Evidence that lapses within this many days shows as due soon."
      />
      <NumberField
        label="Open-active cases per working day, at most"
        name="caseloadPerDayMax"
        value={v.caseloadPerDayMax}
        onChange={(x) => f.set('caseloadPerDayMax', x)}
        error={f.errorOf('caseloadPerDayMax')}
      />
      <NumberField
        label="Minimum supplier indemnity (£)"
        name="supplierIndemnityMinGBP"
        value={v.supplierIndemnityMinGBP}
        onChange={(x) => f.set('supplierIndemnityMinGBP', x)}
        error={f.errorOf('supplierIndemnityMinGBP')}
        hint={v.supplierIndemnityMinGBP ? pounds(v.supplierIndemnityMinGBP) : undefined}
      />
      <NumberField
        label="Keep closed cases for (years)"
        name="retentionYears"
        value={v.retentionYears}
        onChange={(x) => f.set('retentionYears', x)}
        error={f.errorOf('retentionYears')}
      />
      {f.formError ? (
        <p className="form-error" role="alert">
          {f.formError}
        </p>
      ) : null}
      <div className="actions">
        <button type="submit">Save rule settings</button>
        <Saved on={f.saved} />
      </div>
    </form>
  );
}

const SHEET_KINDS = [
  ['staff', 'Staff details'],
  ['cpd', 'CPD log entries'],
  ['training', 'Mandatory training'],
  ['suppliers', 'Suppliers'],
  ['cases', 'Cases'],
] as const;

function DataInOut({ onImported }: { onImported: () => void }) {
  const [msg, setMsg] = useState<{ text: string; error?: boolean; list?: string[] } | null>(null);
  const [kind, setKind] = useState<(typeof SHEET_KINDS)[number][0]>('staff');
  const doImport = async (sheet: boolean) => {
    setMsg(null);
    try {
      const s = sheet ? await call('importSpreadsheetFromDialog', { kind }) : await call('importFirmFileFromDialog', {});
      if (!s) return;
      setMsg({
        text: `Imported: ${s.added.staff} staff, ${s.added.suppliers} suppliers, ${s.added.cases} cases and ${s.added.records} records added; ${s.updated.staff + s.updated.suppliers + s.updated.cases} updated.`,
      });
      onImported();
    } catch (e) {
      const body = (e as { body?: { issues?: { path: string; message: string }[] } }).body;
      setMsg({ text: (e as Error).message, error: true, list: body?.issues?.map((i) => `${i.path}: ${i.message}`) });
    }
  };
  const doExport = async () => {
    setMsg(null);
    try {
      const r = await call('exportFirmFileToDialog', {});
      if (r.path) setMsg({ text: `Exported to ${r.path}. That file is not encrypted: keep it safe.` });
    } catch (e) {
      setMsg({ text: (e as Error).message, error: true });
    }
  };
  return (
    <section className="card" aria-labelledby="data-title">
      <h2 id="data-title">Firm file</h2>
      <p className="hint">Bring in a firm's records from a Caseproof firm file, or write everything out as one. Importing is all or nothing.</p>
      <div className="actions">
        <button onClick={() => doImport(false)}>Import a firm file…</button>
        <button className="secondary" onClick={doExport}>
          Export the firm file…
        </button>
      </div>
      <h3>From a spreadsheet</h3>
      <p className="hint">
        A CSV or Excel file with one kind of record, one per row. The first row names the columns with the firm-file field names (for example ref, name,
        profession, daysPerWeek for staff; staffRef, date, topic, provider, hours for CPD). Dates may be written 31/12/2026.
      </p>
      <div className="row-inline">
        <SelectField
          label="What the spreadsheet holds"
          name="sheetKind"
          value={kind}
          onChange={(v) => setKind((v ?? 'staff') as typeof kind)}
          options={SHEET_KINDS as unknown as [string, string][]}
        />
        <button onClick={() => doImport(true)}>Import a spreadsheet…</button>
      </div>
      {msg ? (
        <div role={msg.error ? 'alert' : 'status'} className={msg.error ? 'form-error' : 'saved'}>
          {msg.text}
          {msg.list && msg.list.length > 1 ? (
            <ul>
              {msg.list.map((l) => (
                <li key={l}>{l}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
