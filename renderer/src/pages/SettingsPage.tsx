// Firm details, the settings the rules use, and moving data in and out (firm file).
import { useState } from 'react';
import { Link } from '@tanstack/react-router';
import { useWatch } from 'react-hook-form';
import { firmDetails, firmSettings } from '../../../electron/contract/model';
import type { FirmView, ImportSummary } from '../../../electron/contract/views';
import { inputs } from '../../../electron/contract/api';
import { ApiError } from '../api';
import { useAction, useOps } from '../data/query';
import { useContractForm } from '../forms/useContractForm';
import { CheckInput, FormMessage, NumberInput, SavedNote, SelectInput, TextInput } from '../forms/inputs';
import { pounds } from '../format';
import { CheckField } from '../components/fields';
import { AutoLockSettings } from '../lock/AutoLockSettings';
import { BackupSettings } from '../backups/BackupSettings';
import { PassphraseSettings } from '../backups/PassphraseSettings';

export function SettingsPage() {
  const [firm, vault] = useOps([
    ['getFirm', {}],
    ['vaultState', {}],
  ]);
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">Settings</h1>
      <YourNameForm current={vault.user} />
      <FirmForm firm={firm} />
      <RuleSettings firm={firm} />
      <AutoLockSettings firm={firm} />
      <BackupSettings />
      <PassphraseSettings />
      <p className="card">
        Policies (handover, whistleblowing, complaints, lone working, information security) and their yearly reviews:{' '}
        <Link to="/policies/{-$kind}">Organisation policies</Link>
      </p>
      <DataInOut />
    </section>
  );
}

/** The name recorded as "added by" on evidence and "granted by" on exemptions, on this computer. */
function YourNameForm({ current }: { current: string }) {
  const f = useContractForm(inputs.setUserName, { name: current });
  const setUserName = useAction('setUserName');
  return (
    <form className="card form-grid" onSubmit={f.submit((d) => setUserName.mutateAsync(d))} aria-labelledby="you-title" noValidate>
      <h2 id="you-title">You</h2>
      <TextInput form={f} name="name" label="Your name" hint="Recorded as who added evidence or granted an exemption, on this computer." />
      <FormMessage form={f} />
      <div className="actions">
        <button type="submit">Save your name</button>
        <SavedNote form={f} />
      </div>
    </form>
  );
}

function FirmForm({ firm }: { firm: FirmView }) {
  const f = useContractForm(firmDetails, { name: firm.name, address: firm.address, codeOfConductSignatory: firm.codeOfConductSignatory });
  const updateFirm = useAction('updateFirm');
  return (
    <form className="card form-grid" onSubmit={f.submit((d) => updateFirm.mutateAsync(d))} aria-labelledby="firm-title" noValidate>
      <h2 id="firm-title">Firm details</h2>
      <TextInput form={f} name="name" label="Firm name" required />
      <TextInput form={f} name="address" label="Address" multiline />
      <CheckInput form={f} name="codeOfConductSignatory" label="The firm has signed the MTSP code of conduct" />
      <FormMessage form={f} />
      <div className="actions">
        <button type="submit">Save firm details</button>
        <SavedNote form={f} />
      </div>
    </form>
  );
}

/** The rules' settings (auto-lock has its own form, so saving one never puts back the other's old value). */
const ruleSettings = firmSettings.omit({ autoLockMinutes: true });

function RuleSettings({ firm }: { firm: FirmView }) {
  const { autoLockMinutes: _ownForm, ...rules } = firm.settings;
  const f = useContractForm(ruleSettings, rules);
  const updateSettings = useAction('updateSettings');
  const minimum = useWatch({ control: f.control, name: 'supplierIndemnityMinGBP' });
  return (
    <form className="card form-grid" onSubmit={f.submit((d) => updateSettings.mutateAsync(d))} aria-labelledby="rules-title" noValidate>
      <h2 id="rules-title">Rule settings</h2>
      <NumberInput form={f} name="warningDays" label="Warning window (days)" hint="Evidence that lapses within this many days shows as due soon." />
      <NumberInput form={f} name="caseloadPerDayMax" label="Open-active cases per working day, at most" />
      <NumberInput
        form={f}
        name="supplierIndemnityMinGBP"
        label="Minimum supplier indemnity (£)"
        hint={typeof minimum === 'number' && minimum > 0 ? pounds(minimum) : undefined}
      />
      <NumberInput form={f} name="retentionYears" label="Keep closed cases for (years)" />
      <NumberInput
        form={f}
        name="dbsCopyMonths"
        label="Keep copies of DBS certificates for (months after issue)"
        hint="The DBS Code of Practice asks firms not to keep copies of certificates longer than needed, generally no more than six months. When this time has passed, Caseproof destroys the copy when the vault is next unlocked (or at once, on import) and keeps the certificate's details, who saw the original and the copy's fingerprint."
      />
      <FormMessage form={f} />
      <div className="actions">
        <button type="submit">Save rule settings</button>
        <SavedNote form={f} />
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

function DataInOut() {
  const [msg, setMsg] = useState<{ text: string; error?: boolean; list?: string[] } | null>(null);
  // A firm file never renames the firm unless asked (`--update-firm` on the command line).
  const [updateFirm, setUpdateFirm] = useState(false);
  const f = useContractForm(inputs.importSpreadsheetFromDialog, { kind: 'staff' });
  const importFirmFile = useAction('importFirmFileFromDialog');
  const importSheet = useAction('importSpreadsheetFromDialog');
  const exportFirmFile = useAction('exportFirmFileToDialog');
  const doImport = async (run: () => Promise<ImportSummary | null>) => {
    setMsg(null);
    try {
      const s = await run();
      if (!s) return;
      const kept = s.firmKept
        ? ` The firm's own name and address were kept (${[s.firmKept.name, s.firmKept.address].filter(Boolean).join(', ')}); tick "Also take the firm's name and address from the file" to replace them.`
        : '';
      setMsg({
        text: `Imported: ${s.added.staff} staff, ${s.added.suppliers} suppliers, ${s.added.cases} cases and ${s.added.records} records added; ${s.updated.staff + s.updated.suppliers + s.updated.cases} updated.${kept}`,
      });
    } catch (e) {
      const issues = e instanceof ApiError ? e.body.issues : undefined;
      setMsg({ text: e instanceof Error ? e.message : String(e), error: true, list: issues?.map((i) => `${i.path}: ${i.message}`) });
    }
  };
  const doExport = async () => {
    setMsg(null);
    try {
      const r = await exportFirmFile.mutateAsync({});
      if (r.path) setMsg({ text: `Exported to ${r.path}. That file is not encrypted: keep it safe.` });
    } catch (e) {
      setMsg({ text: e instanceof Error ? e.message : String(e), error: true });
    }
  };
  return (
    <section className="card" aria-labelledby="data-title">
      <h2 id="data-title">Firm file</h2>
      <p className="hint">Bring in a firm's records from a Caseproof firm file, or write everything out as one. Importing is all or nothing.</p>
      <CheckField
        label="Also take the firm's name and address from the file"
        hint="Without this tick, a firm file (a practitioner's, say) never changes this firm's own name and address."
        checked={updateFirm}
        onChange={setUpdateFirm}
      />
      <div className="actions">
        <button onClick={() => doImport(() => importFirmFile.mutateAsync({ updateFirm }))}>Import a firm file…</button>
        <button className="secondary" onClick={doExport}>
          Export the firm file…
        </button>
      </div>
      <h3>From a spreadsheet</h3>
      <p className="hint">
        A CSV or Excel file with one kind of record, one per row. The first row names the columns with the firm-file field names (for example ref, name,
        profession, daysPerWeek for staff; staffRef, date, topic, provider, hours for CPD). Dates may be written 31/12/2026.
      </p>
      <form className="row-inline" aria-label="Import a spreadsheet" noValidate onSubmit={f.submit((d) => doImport(() => importSheet.mutateAsync(d)))}>
        <SelectInput form={f} name="kind" label="What the spreadsheet holds" options={SHEET_KINDS} />
        <button type="submit">Import a spreadsheet…</button>
      </form>
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
