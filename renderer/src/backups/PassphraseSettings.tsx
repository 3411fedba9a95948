// Settings → Passphrase and recovery key: change the passphrase (the current one required),
// and make a recovery key, shown once.
import { useState } from 'react';
import { useWatch } from 'react-hook-form';
import { inputs } from '../../../electron/contract/api';
import { passphraseStrength } from '../../../electron/contract/passphrase';
import { useAction, useOp } from '../data/query';
import { useContractForm } from '../forms/useContractForm';
import { FormMessage, TextInput } from '../forms/inputs';
import { RecoveryKeyShown } from './RecoveryKeyShown';

export function PassphraseSettings() {
  const state = useOp('backupState', {});
  const f = useContractForm(inputs.changePassphrase, { current: '', next: '', confirm: '' });
  const change = useAction('changePassphrase');
  const make = useAction('makeRecoveryKey');
  const [changed, setChanged] = useState(false);
  const [shown, setShown] = useState<{ recoveryKey: string; file: string } | null>(null);
  const next = useWatch({ control: f.control, name: 'next' }) ?? '';
  const strength = passphraseStrength(next);
  return (
    <section className="card" aria-labelledby="passphrase-title">
      <h2 id="passphrase-title">Passphrase and recovery key</h2>
      <form
        aria-label="Change the passphrase"
        className="form-grid"
        noValidate
        onSubmit={f.submit(async (d) => {
          setChanged(false);
          await change.mutateAsync(d);
          f.reset({ current: '', next: '', confirm: '' });
          setChanged(true);
        })}
      >
        <TextInput form={f} name="current" label="Current passphrase" type="password" required />
        <TextInput form={f} name="next" label="New passphrase" type="password" required />
        <div className={`strength strength-${strength.score}`} aria-live="polite">
          Strength: <strong>{next ? strength.word : '—'}</strong>. {strength.hint}
        </div>
        <TextInput form={f} name="confirm" label="New passphrase again" type="password" required />
        <p className="hint">
          Every page of the vault is encrypted again under the new key; on a large vault this takes a few seconds. Backups made before keep the passphrase they
          were made with.
        </p>
        <FormMessage form={f} />
        <div className="actions">
          <button type="submit" disabled={f.formState.isSubmitting}>
            {f.formState.isSubmitting ? 'Changing…' : 'Change the passphrase'}
          </button>
          {changed ? (
            <span role="status" className="saved">
              The passphrase has been changed. Use the new one from now on.
            </span>
          ) : null}
        </div>
      </form>
      <h3>Recovery key</h3>
      <p>
        {state.hasRecoveryKey
          ? 'This vault has a recovery key. Making a new one stops the old one working.'
          : 'This vault has no recovery key: if the passphrase is forgotten, nobody can open it.'}
      </p>
      {shown ? (
        <RecoveryKeyShown {...shown} onDone={() => setShown(null)} />
      ) : (
        <button
          type="button"
          className="secondary"
          onClick={async () => {
            try {
              setShown(await make.mutateAsync({}));
            } catch (e) {
              f.fail(e);
            }
          }}
        >
          {state.hasRecoveryKey ? 'Make a new recovery key…' : 'Make a recovery key…'}
        </button>
      )}
    </section>
  );
}
