// Unlock screen → "Use the recovery key": opens a vault whose passphrase is forgotten and sets
// a new passphrase at once (the recovery key keeps working).
import { inputs } from '../../../electron/contract/api';
import type { VaultState } from '../../../electron/contract/views';
import { useAction } from '../data/query';
import { useContractForm } from '../forms/useContractForm';
import { FormMessage, TextInput } from '../forms/inputs';

const recoverForm = inputs.recoverVault.extend({ confirm: inputs.recoverVault.shape.next }).superRefine((v, c) => {
  if (v.confirm !== v.next) c.addIssue({ code: 'custom', path: ['confirm'], message: 'does not match the new passphrase' });
});

export function RecoverForm({ state }: { state: VaultState }) {
  const f = useContractForm(recoverForm, { path: state.lastPath ?? state.defaultPath, recoveryKey: '', next: '', confirm: '' });
  const recover = useAction('recoverVault');
  return (
    <form aria-label="Use the recovery key" noValidate onSubmit={f.submit(({ confirm: _again, ...d }) => recover.mutateAsync(d))}>
      <p className="hint">For a vault made with a recovery key whose passphrase is forgotten. The recovery file must be beside the vault.</p>
      <TextInput form={f} name="path" label="Vault file" required />
      <TextInput form={f} name="recoveryKey" label="Recovery key" required hint="32 letters and digits; spaces and dashes do not matter." />
      <TextInput form={f} name="next" label="New passphrase" type="password" required />
      <TextInput form={f} name="confirm" label="New passphrase again" type="password" required />
      <FormMessage form={f} />
      <button type="submit" disabled={f.formState.isSubmitting}>
        {f.formState.isSubmitting ? 'Opening…' : 'Open and set the new passphrase'}
      </button>
    </form>
  );
}
