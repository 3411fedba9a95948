// First run (create a vault) and unlock. The passphrase is typed twice on creation and
// never leaves main once sent; "remember" is refused with a reason where the OS has no keychain.
import { useEffect, useState } from 'react';
import { z } from 'zod';
import { useWatch } from 'react-hook-form';
import { inputs } from '../../../electron/contract/api';
import type { VaultState } from '../../../electron/contract/views';
import { passphraseStrength } from '../../../electron/contract/passphrase';
import { ApiError } from '../api';
import { lockNotice } from '../../../electron/contract/events';
import { call } from '../api';
import { forgetVaultData, useAction, vaultClosedElsewhere } from '../data/query';
import { RecoverForm } from '../backups/RecoverForm';
import { RecoveryKeyShown } from '../backups/RecoveryKeyShown';
import { RestoreForm } from '../backups/RestoreForm';
import { useContractForm } from '../forms/useContractForm';
import { CheckInput, FormMessage, TextInput } from '../forms/inputs';

/** Creating a vault: the contract's createVault, with the passphrase typed a second time. */
const createForm = inputs.createVault.extend({ confirm: inputs.createVault.shape.passphrase, recovery: z.boolean() }).superRefine((v, c) => {
  if (v.confirm !== v.passphrase) c.addIssue({ code: 'custom', path: ['confirm'], message: 'does not match the passphrase' });
});

export function VaultGate({ state }: { state: VaultState }) {
  const [mode, setMode] = useState<'unlock' | 'create' | 'restore' | 'recover'>(state.lastPath ? 'unlock' : 'create');
  // Whenever the gate shows, nothing read from a vault stays in this window.
  useEffect(() => forgetVaultData(), []);
  return (
    <main className="gate" aria-labelledby="gate-title">
      <div className="gate-card">
        <h1 id="gate-title">Caseproof</h1>
        <p className="lead">Compliance evidence for case management, kept in an encrypted vault on this computer.</p>
        {state.lockedBecause ? (
          <p role="status" className="notice">
            {lockNotice(state.lockedBecause)}
          </p>
        ) : null}
        <div role="tablist" aria-label="Vault" className="tabs">
          <button role="tab" aria-selected={mode === 'unlock'} onClick={() => setMode('unlock')}>
            Unlock a vault
          </button>
          <button role="tab" aria-selected={mode === 'create'} onClick={() => setMode('create')}>
            Create a new vault
          </button>
          <button role="tab" aria-selected={mode === 'restore'} onClick={() => setMode('restore')}>
            Restore a backup
          </button>
          <button role="tab" aria-selected={mode === 'recover'} onClick={() => setMode('recover')}>
            Use the recovery key
          </button>
        </div>
        {mode === 'create' ? (
          <CreateVault state={state} />
        ) : mode === 'restore' ? (
          <RestoreForm />
        ) : mode === 'recover' ? (
          <RecoverForm state={state} />
        ) : (
          <UnlockVault state={state} />
        )}
      </div>
    </main>
  );
}

/** "Remember on this computer", or why it cannot be offered here. */
function rememberProps(state: VaultState) {
  return {
    label: 'Remember on this computer',
    disabled: !!state.rememberUnavailable,
    hint: state.rememberUnavailable
      ? `Not available: ${state.rememberUnavailable}`
      : 'The key is protected by your operating system’s keychain; anyone using your login can open the vault.',
  };
}

/** "Choose…": main's file dialog; `chosen` receives the path (nothing when cancelled). */
function useBrowse(purpose: 'create' | 'open', chosen: (path: string) => void, fail: (e: unknown) => void) {
  const pick = useAction('pickVaultLocation');
  return async () => {
    try {
      const r = await pick.mutateAsync({ purpose });
      if (r.path) chosen(r.path);
    } catch (e) {
      fail(e);
    }
  };
}

/** Sets the window's address (outside React's state: the router reads it when the pages open); returns the one before. */
function setAddress(hash: string): string {
  const before = window.location.hash;
  window.location.hash = hash;
  return before;
}

function CreateVault({ state }: { state: VaultState }) {
  const f = useContractForm(createForm, { path: state.defaultPath, passphrase: '', confirm: '', remember: false, recovery: false });
  const create = useAction('createVault');
  // With a recovery key, the vault is created and the key shown here once, before the app opens.
  const [shown, setShown] = useState<{ recoveryKey: string; file: string; opened: VaultState } | null>(null);
  const browse = useBrowse('create', (p) => f.setValue('path', p, { shouldValidate: true }), f.fail);
  const passphrase = useWatch({ control: f.control, name: 'passphrase' }) ?? '';
  const strength = passphraseStrength(passphrase);
  // A new vault opens at the first-run set-up: the address is set before the vault opens, so
  // the pages start there (and is put back if creating fails). With a recovery key asked for,
  // the key is shown once before the pages open.
  const submit = f.submit(async ({ confirm: _again, recovery, ...d }) => {
    const before = setAddress('#/setup');
    try {
      if (!recovery) {
        await create.mutateAsync(d);
        return;
      }
      const opened = await call('createVault', d);
      setShown({ ...(await call('makeRecoveryKey', {})), opened });
    } catch (e) {
      setAddress(before);
      throw e;
    }
  });
  if (shown) return <RecoveryKeyShown recoveryKey={shown.recoveryKey} file={shown.file} onDone={() => void vaultClosedElsewhere(shown.opened)} />;
  return (
    <form onSubmit={submit} aria-label="Create a new vault" noValidate>
      <div className="row-inline">
        <TextInput form={f} name="path" label="Vault file" required hint="Keep it on this computer or an encrypted drive." />
        <button type="button" className="secondary" onClick={browse}>
          Choose…
        </button>
      </div>
      <TextInput form={f} name="passphrase" label="Passphrase" type="password" required />
      <div className={`strength strength-${strength.score}`} aria-live="polite">
        Strength: <strong>{passphrase ? strength.word : '—'}</strong>. {strength.hint}
      </div>
      <TextInput form={f} name="confirm" label="Passphrase again" type="password" required />
      <CheckInput form={f} name="remember" {...rememberProps(state)} />
      <CheckInput
        form={f}
        name="recovery"
        label="Make a recovery key"
        hint="Shown once, after the vault is made: it opens the vault and sets a new passphrase if the passphrase is ever forgotten."
      />
      <FormMessage form={f} />
      <p className="hint">Without the passphrase (or a recovery key), nobody can open the vault. Write it down and keep it somewhere safe.</p>
      <button type="submit" disabled={f.formState.isSubmitting}>
        {f.formState.isSubmitting ? 'Creating…' : 'Create vault'}
      </button>
    </form>
  );
}

/** A remembered key that could not be used has been forgotten by main: ask for the state again, so its button goes. */
function askAgainIfKeyForgotten(e: unknown): void {
  if (e instanceof ApiError && e.body.code === 'remembered-key-failed') void vaultClosedElsewhere();
}

function UnlockVault({ state }: { state: VaultState }) {
  const f = useContractForm(inputs.unlockVault, { path: state.lastPath ?? state.defaultPath, passphrase: '', remember: false });
  const unlock = useAction('unlockVault');
  const remembered = useAction('unlockRemembered');
  const browse = useBrowse('open', (p) => f.setValue('path', p, { shouldValidate: true }), f.fail);
  const [path, passphrase] = useWatch({ control: f.control, name: ['path', 'passphrase'] });
  const busy = f.formState.isSubmitting || remembered.isPending;
  // "Open anyway": offered only when main says another computer's Caseproof holds the vault
  // and may be taken over (db/lock.ts); main's message says who, where and how long ago.
  const [anyway, setAnyway] = useState<null | (() => Promise<unknown>)>(null);
  const offerTakeOver = (e: unknown, retry: () => Promise<unknown>) => {
    setAnyway(() => (e instanceof ApiError && e.body.code === 'vault-in-use' && e.body.holder?.canTakeOver ? retry : null));
    throw e;
  };
  const useRemembered = async () => {
    f.clearErrors();
    try {
      await remembered.mutateAsync({ path }).catch((e: unknown) => offerTakeOver(e, () => remembered.mutateAsync({ path, takeOver: true })));
    } catch (e) {
      f.fail(e);
      askAgainIfKeyForgotten(e);
    }
  };
  const openAnyway = async () => {
    const retry = anyway;
    setAnyway(null);
    f.clearErrors();
    try {
      await retry?.();
    } catch (e) {
      f.fail(e);
      askAgainIfKeyForgotten(e);
    }
  };
  return (
    <form
      onSubmit={f.submit((d) => unlock.mutateAsync(d).catch((e: unknown) => offerTakeOver(e, () => unlock.mutateAsync({ ...d, takeOver: true }))))}
      aria-label="Unlock a vault"
      noValidate
    >
      <div className="row-inline">
        <TextInput form={f} name="path" label="Vault file" required />
        <button type="button" className="secondary" onClick={browse}>
          Choose…
        </button>
      </div>
      {state.remembered && path === state.lastPath ? (
        <p>
          <button type="button" onClick={useRemembered} disabled={busy}>
            Open with the key remembered on this computer
          </button>
        </p>
      ) : null}
      <TextInput form={f} name="passphrase" label="Passphrase" type="password" required autoFocus />
      <CheckInput form={f} name="remember" {...rememberProps(state)} />
      <FormMessage form={f} />
      {anyway ? (
        <p>
          <button type="button" className="secondary" onClick={openAnyway} disabled={busy}>
            Open anyway
          </button>
        </p>
      ) : null}
      <button type="submit" disabled={busy || !passphrase}>
        {f.formState.isSubmitting ? 'Unlocking…' : 'Unlock'}
      </button>
    </form>
  );
}
