// First run (create a vault) and unlock. The passphrase is typed twice on creation and
// never leaves main once sent; "remember" is refused with a reason where the OS has no keychain.
import { useState } from 'react';
import { call, ApiError } from '../api';
import type { VaultState } from '../../../electron/contract/views';
import { MIN_PASSPHRASE, passphraseStrength } from '../../../electron/contract/passphrase';
import { CheckField, TextField } from '../components/fields';

export function VaultGate({ state, onOpen }: { state: VaultState; onOpen: (s: VaultState) => void }) {
  const [mode, setMode] = useState<'unlock' | 'create'>(state.lastPath ? 'unlock' : 'create');
  return (
    <main className="gate" aria-labelledby="gate-title">
      <div className="gate-card">
        <h1 id="gate-title">Caseproof</h1>
        <p className="lead">Compliance evidence for case management, kept in an encrypted vault on this computer.</p>
        <div role="tablist" aria-label="Vault" className="tabs">
          <button role="tab" aria-selected={mode === 'unlock'} onClick={() => setMode('unlock')}>
            Unlock a vault
          </button>
          <button role="tab" aria-selected={mode === 'create'} onClick={() => setMode('create')}>
            Create a new vault
          </button>
        </div>
        {mode === 'create' ? <CreateVault state={state} onOpen={onOpen} /> : <UnlockVault state={state} onOpen={onOpen} />}
      </div>
    </main>
  );
}

function RememberBox({ state, value, onChange }: { state: VaultState; value: boolean; onChange: (v: boolean) => void }) {
  return (
    <CheckField
      label="Remember on this computer"
      checked={value}
      disabled={!!state.rememberUnavailable}
      onChange={onChange}
      hint={
        state.rememberUnavailable
          ? `Not available: ${state.rememberUnavailable}`
          : 'The key is protected by your operating system’s keychain; anyone using your login can open the vault.'
      }
    />
  );
}

function CreateVault({ state, onOpen }: { state: VaultState; onOpen: (s: VaultState) => void }) {
  const [path, setPath] = useState(state.defaultPath);
  const [p1, setP1] = useState('');
  const [p2, setP2] = useState('');
  const [remember, setRemember] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const strength = passphraseStrength(p1);
  const mismatch = p2 !== '' && p1 !== p2 ? 'does not match the passphrase' : undefined;
  const tooShort = p1 !== '' && p1.length < MIN_PASSPHRASE ? `must be at least ${MIN_PASSPHRASE} characters` : undefined;

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (tooShort || mismatch || !p1 || p1 !== p2) {
      setErrors({ passphrase: tooShort ?? (p1 ? '' : 'is required'), confirm: p1 !== p2 ? 'does not match the passphrase' : '' });
      return;
    }
    setBusy(true);
    try {
      onOpen(await call('createVault', { path, passphrase: p1, remember }));
    } catch (err) {
      setErrors(err instanceof ApiError ? { ...err.fieldErrors(), form: err.message } : { form: (err as Error).message });
    } finally {
      setBusy(false);
    }
  };
  const browse = async () => {
    const r = await call('pickVaultLocation', { purpose: 'create' });
    if (r.path) setPath(r.path);
  };
  return (
    <form onSubmit={submit} aria-label="Create a new vault" noValidate>
      <div className="row-inline">
        <TextField
          label="Vault file"
          name="path"
          value={path}
          onChange={setPath}
          required
          error={errors.path}
          hint="Keep it on this computer or an encrypted drive."
        />
        <button type="button" className="secondary" onClick={browse}>
          Choose…
        </button>
      </div>
      <TextField
        label="Passphrase"
        name="passphrase"
        type="password"
        value={p1}
        onChange={setP1}
        required
        error={tooShort ?? (errors.passphrase || undefined)}
      />
      <div className={`strength strength-${strength.score}`} aria-live="polite">
        Strength: <strong>{p1 ? strength.word : '—'}</strong>. {strength.hint}
      </div>
      <TextField
        label="Passphrase again"
        name="confirm"
        type="password"
        value={p2}
        onChange={setP2}
        required
        error={mismatch ?? (errors.confirm || undefined)}
      />
      <RememberBox state={state} value={remember} onChange={setRemember} />
      {errors.form ? (
        <p className="form-error" role="alert">
          {errors.form}
        </p>
      ) : null}
      <p className="hint">If you lose the passphrase, nobody can recover the vault. Write it down and keep it somewhere safe.</p>
      <button type="submit" disabled={busy}>
        {busy ? 'Creating…' : 'Create vault'}
      </button>
    </form>
  );
}

function UnlockVault({ state, onOpen }: { state: VaultState; onOpen: (s: VaultState) => void }) {
  const [path, setPath] = useState(state.lastPath ?? state.defaultPath);
  const [pass, setPass] = useState('');
  const [remember, setRemember] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onOpen(await call('unlockVault', { path, passphrase: pass, remember }));
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const browse = async () => {
    const r = await call('pickVaultLocation', { purpose: 'open' });
    if (r.path) setPath(r.path);
  };
  const useRemembered = async () => {
    setBusy(true);
    try {
      onOpen(await call('unlockRemembered', { path }));
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={submit} aria-label="Unlock a vault" noValidate>
      <div className="row-inline">
        <TextField label="Vault file" name="path" value={path} onChange={setPath} required />
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
      <TextField label="Passphrase" name="passphrase" type="password" value={pass} onChange={setPass} required autoFocus />
      <RememberBox state={state} value={remember} onChange={setRemember} />
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      <button type="submit" disabled={busy || !pass}>
        {busy ? 'Unlocking…' : 'Unlock'}
      </button>
    </form>
  );
}
