// The app: the vault gate until a vault is open, then the shell with its pages.
import { useEffect, useState } from 'react';
import { call } from './api';
import type { VaultState } from '../../electron/contract/views';
import { VaultGate } from './pages/VaultGate';
import { Shell } from './Shell';

export function App() {
  const [state, setState] = useState<VaultState | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    call('vaultState', {}).then(setState, (e: Error) => setError(e.message));
  }, []);
  if (error)
    return (
      <p role="alert" className="form-error">
        Caseproof could not start: {error}
      </p>
    );
  if (!state) return <p aria-busy="true">Loading…</p>;
  if (!state.open) return <VaultGate state={state} onOpen={setState} />;
  return <Shell state={state} onLock={setState} />;
}
