// Settings → Locking: the firm's auto-lock time, with what locking does in plain words.
import { firmSettings } from '../../../electron/contract/model';
import type { FirmView } from '../../../electron/contract/views';
import { useAction } from '../data/query';
import { useContractForm } from '../forms/useContractForm';
import { FormMessage, NumberInput, SavedNote } from '../forms/inputs';

const lockForm = firmSettings.pick({ autoLockMinutes: true }).required();

export function AutoLockSettings({ firm }: { firm: FirmView }) {
  const f = useContractForm(lockForm, { autoLockMinutes: firm.settings.autoLockMinutes });
  const updateSettings = useAction('updateSettings');
  return (
    <form className="card form-grid" onSubmit={f.submit((d) => updateSettings.mutateAsync(d))} aria-labelledby="lock-title" noValidate>
      <h2 id="lock-title">Locking</h2>
      <NumberInput
        form={f}
        name="autoLockMinutes"
        label="Lock the vault after this many minutes without use"
        hint="Between 1 and 60 minutes; 10 unless you change it. It applies on every computer that opens this vault."
      />
      <p className="hint">
        When nobody has typed, clicked or scrolled in Caseproof for this long, the vault locks itself: the window goes back to the unlock screen and keeps
        nothing of what was on it. It also locks at once when the screen is locked, the computer goes to sleep or another user takes over. A long task (an
        import, say) counts as use while it runs. Unlocking needs the passphrase, or the key remembered on this computer.
      </p>
      <FormMessage form={f} />
      <div className="actions">
        <button type="submit">Save locking</button>
        <SavedNote form={f} />
      </div>
    </form>
  );
}
