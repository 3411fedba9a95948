// Firm details, the settings the rules use, and moving data in and out (firm file).
import { useState } from 'react';
import { Link } from '@tanstack/react-router';
import { useWatch } from 'react-hook-form';
import { firmDetails, firmSettings } from '../../../electron/contract/model';
import type { FirmView } from '../../../electron/contract/views';
import { inputs } from '../../../electron/contract/api';
import { useAction, useOp, useOps } from '../data/query';
import { useContractForm } from '../forms/useContractForm';
import { CheckInput, DateInput, FormMessage, NumberInput, SavedNote, TextInput } from '../forms/inputs';
import { pounds } from '../format';
import { AutoLockSettings } from '../lock/AutoLockSettings';
import { BackupSettings } from '../backups/BackupSettings';
import { PassphraseSettings } from '../backups/PassphraseSettings';

export function SettingsPage() {
  // The backup and passphrase cards and About read operations of their own: asked for here with
  // the page's, so all go at once instead of one after another as React reaches each card.
  const [firm, vault] = useOps([
    ['getFirm', {}],
    ['vaultState', {}],
    ['backupState', {}],
    ['appInfo', {}],
  ]);
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">Settings</h1>
      <YourNameForm current={vault.userNamed ? vault.user : ''} />
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
      <AboutCaseproof />
    </section>
  );
}

/** Which Caseproof this is (for the IT admin, or a bug report). */
function AboutCaseproof() {
  const info = useOp('appInfo', {});
  return (
    <section className="card" aria-labelledby="about-title">
      <h2 id="about-title">About</h2>
      <p>
        Caseproof {info.version}. It brings a vault to data version {info.dataVersion}; an older Caseproof cannot open a vault once it has.
      </p>
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
      <DateInput form={f} name="codeSignedOn" label="Date the firm signed the MTSP Code of Conduct" hint="The Legal Panel pack gives it with the signatory." />
      <TextInput form={f} name="codeSignatory" label="Signed for the firm by" hint="Name and role, for example Alex Rivers, Director." />
      <FormMessage form={f} />
      <div className="actions">
        <button type="submit">Save rule settings</button>
        <SavedNote form={f} />
      </div>
    </form>
  );
}

function DataInOut() {
  const [msg, setMsg] = useState<{ text: string; error?: boolean } | null>(null);
  const exportFirmFile = useAction('exportFirmFileToDialog');
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
      <p className="hint">
        Bring in records from a spreadsheet, a Caseproof firm file or an evidence passport: Caseproof shows what each would add, change or refuse before it
        writes anything. Or write everything out as one firm file.
      </p>
      <div className="actions">
        <Link to="/import/{-$source}" params={{ source: 'spreadsheet' }}>
          Import a spreadsheet…
        </Link>
        <Link to="/import/{-$source}" params={{ source: 'firm-file' }}>
          Import a firm file…
        </Link>
        <Link to="/import/{-$source}" params={{ source: 'passport' }}>
          Import an evidence passport…
        </Link>
        <button className="secondary" onClick={doExport}>
          Export the firm file…
        </button>
      </div>
      {msg ? (
        <div role={msg.error ? 'alert' : 'status'} className={msg.error ? 'form-error' : 'saved'}>
          {msg.text}
        </div>
      ) : null}
    </section>
  );
}
