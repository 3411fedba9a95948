// Restore a backup into a NEW vault file (never over an existing file, so never over the open
// vault); main checks the backup's every page first and the copy again where it lands. Then
// "Open the restored vault" unlocks it with the backup's passphrase.
import { useState } from 'react';
import { inputs } from '../../../electron/contract/api';
import { useAction } from '../data/query';
import { useContractForm } from '../forms/useContractForm';
import { FormMessage, TextInput } from '../forms/inputs';

export function RestoreForm() {
  const f = useContractForm(inputs.restoreBackup, { from: '', passphrase: '', to: '' });
  const restore = useAction('restoreBackup');
  const pick = useAction('pickVaultLocation');
  const unlock = useAction('unlockVault');
  const [done, setDone] = useState<{ path: string; staff: number; passphrase: string } | null>(null);
  const [openError, setOpenError] = useState<string | null>(null);
  const choose = (field: 'from' | 'to', purpose: 'open' | 'create') => async () => {
    try {
      const r = await pick.mutateAsync({ purpose });
      if (r.path) f.setValue(field, r.path, { shouldValidate: true });
    } catch (e) {
      f.fail(e);
    }
  };
  const open = async () => {
    if (!done) return;
    setOpenError(null);
    try {
      await unlock.mutateAsync({ path: done.path, passphrase: done.passphrase, remember: false });
    } catch (e) {
      setOpenError((e as Error).message);
    }
  };
  return (
    <form
      aria-label="Restore a backup"
      noValidate
      onSubmit={f.submit(async (d) => {
        setDone(null);
        const r = await restore.mutateAsync(d);
        setDone({ ...r, passphrase: d.passphrase });
      })}
    >
      <div className="row-inline">
        <TextInput form={f} name="from" label="Backup file" required />
        <button type="button" className="secondary" onClick={choose('from', 'open')}>
          Choose…
        </button>
      </div>
      <TextInput
        form={f}
        name="passphrase"
        label="The backup’s passphrase"
        type="password"
        required
        hint="The vault’s passphrase when the backup was made, or the separate backup passphrase."
      />
      <div className="row-inline">
        <TextInput
          form={f}
          name="to"
          label="Restore into a new file"
          required
          hint="A new name: a backup is never restored over an existing file or the open vault."
        />
        <button type="button" className="secondary" onClick={choose('to', 'create')}>
          Choose…
        </button>
      </div>
      <FormMessage form={f} />
      <button type="submit" disabled={f.formState.isSubmitting}>
        {f.formState.isSubmitting ? 'Restoring and checking…' : 'Restore'}
      </button>
      {done ? (
        <div role="status" className="notice">
          <p>
            Restored to {done.path} and checked ({done.staff} staff). It opens with the backup’s passphrase; the vault you had open is unchanged.
          </p>
          <button type="button" onClick={open} disabled={unlock.isPending}>
            Open the restored vault
          </button>
        </div>
      ) : null}
      {openError ? (
        <p role="alert" className="form-error">
          {openError}
        </p>
      ) : null}
    </form>
  );
}
