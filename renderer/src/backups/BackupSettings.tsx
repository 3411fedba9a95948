// Settings → Backups: Back up now, the schedule on this computer, and restoring a backup into
// a new file. What each does is said beside it; main does and checks the work.
import { useState } from 'react';
import { useWatch } from 'react-hook-form';
import { inputs } from '../../../electron/contract/api';
import { BACKUP_SCHEDULE, backupSchedule, type BackupState } from '../../../electron/contract/ops/backups';
import { useAction, useOp } from '../data/query';
import { useContractForm } from '../forms/useContractForm';
import { FormMessage, NumberInput, RadioInput, SavedNote, TextInput } from '../forms/inputs';
import { ukDateTime } from '../format';
import { RestoreForm } from './RestoreForm';

const megabytes = (n: number) => `${(n / (1024 * 1024)).toFixed(1)} MB`;

export function BackupSettings() {
  const state = useOp('backupState', {});
  return (
    <section className="card" aria-labelledby="backups-title">
      <h2 id="backups-title">Backups</h2>
      <p className={state.warning ? 'form-error' : undefined}>{state.line}</p>
      <BackupNow />
      <h3>Scheduled backups</h3>
      <ScheduleForm state={state} />
      <h3>Restore a backup</h3>
      <p className="hint">A backup becomes a new vault file beside your others; open it to check it or to carry on from it.</p>
      <RestoreForm />
    </section>
  );
}

function BackupNow() {
  const f = useContractForm(inputs.backupNow, {});
  const backupNow = useAction('backupNow');
  const [made, setMade] = useState<string | null>(null);
  return (
    <form
      aria-label="Back up now"
      noValidate
      onSubmit={f.submit(async (d) => {
        setMade(null);
        const e = await backupNow.mutateAsync(d);
        if (e) setMade(`Backed up to ${e.file} (${megabytes(e.bytes)}) and checked: it opens and every page is sound.`);
      })}
    >
      <p className="hint">
        A backup is a complete, encrypted copy of the vault, made while it is open and checked before it is kept. Put it somewhere other than this computer’s
        own disk (a USB drive, the firm’s server).
      </p>
      <TextInput
        form={f}
        name="passphrase"
        label="A separate passphrase for this copy (optional)"
        type="password"
        hint="Leave empty and the copy opens with the vault’s passphrase."
      />
      <FormMessage form={f} />
      <div className="actions">
        <button type="submit" disabled={f.formState.isSubmitting}>
          {f.formState.isSubmitting ? 'Backing up and checking…' : 'Back up now…'}
        </button>
        {made ? (
          <span role="status" className="saved">
            {made}
          </span>
        ) : null}
      </div>
    </form>
  );
}

function ScheduleForm({ state }: { state: BackupState }) {
  const s = state.schedule;
  const f = useContractForm(backupSchedule, {
    folder: s?.folder ?? '',
    everyDays: s?.everyDays ?? BACKUP_SCHEDULE.everyDays.default,
    keep: s?.keep ?? BACKUP_SCHEDULE.keep.default,
    passphrase: s?.passphrase ?? 'vault',
  });
  const save = useAction('setBackupSchedule');
  const stop = useAction('clearBackupSchedule');
  const choose = useAction('chooseBackupFolder');
  const mode = useWatch({ control: f.control, name: 'passphrase' });
  const pickFolder = async () => {
    try {
      const r = await choose.mutateAsync({});
      if (r.path) f.setValue('folder', r.path, { shouldValidate: true });
    } catch (e) {
      f.fail(e);
    }
  };
  return (
    <form aria-label="Scheduled backups" className="form-grid" noValidate onSubmit={f.submit((d) => save.mutateAsync(d))}>
      <p className="hint">
        While the vault is open, Caseproof makes a checked backup into this folder when one is due, and keeps only the newest ones. The folder is remembered on
        this computer only.
      </p>
      <div className="row-inline">
        <TextInput form={f} name="folder" label="Backup folder" required />
        <button type="button" className="secondary" onClick={pickFolder}>
          Choose…
        </button>
      </div>
      <NumberInput form={f} name="everyDays" label="Back up every (days)" hint="1 is daily." />
      <NumberInput form={f} name="keep" label="Keep the newest (backups)" hint="Older scheduled backups in the folder are deleted." />
      <RadioInput
        form={f}
        name="passphrase"
        legend="Scheduled backups open with"
        options={[
          ['vault', 'The vault’s passphrase'],
          ['own', 'A separate backup passphrase'],
        ]}
      />
      {mode === 'own' ? (
        <TextInput
          form={f}
          name="ownPassphrase"
          label="Backup passphrase"
          type="password"
          hint={
            state.hasBackupPassphrase
              ? 'Leave empty to keep the one already set.'
              : 'Someone holding the backups needs only this one; it is kept, as a key, inside the encrypted vault.'
          }
        />
      ) : null}
      {s && state.nextDue ? <p className="hint">Next scheduled backup: {ukDateTime(state.nextDue)} or soon after, while the vault is open.</p> : null}
      {state.scheduleProblem ? <p className="form-error">{state.scheduleProblem}</p> : null}
      <FormMessage form={f} />
      <div className="actions">
        <button type="submit">Save the schedule</button>
        {s ? (
          <button type="button" className="secondary" onClick={() => void stop.mutateAsync({})}>
            Stop scheduled backups
          </button>
        ) : null}
        <SavedNote form={f} />
      </div>
    </form>
  );
}
