// The app: the vault gate until a vault is open, then the router's pages inside the shell.
import { RouterProvider } from '@tanstack/react-router';
import { useOpQuery } from './data/query';
import { router } from './router';
import { VaultGate } from './pages/VaultGate';

export function App() {
  const vault = useOpQuery('vaultState', {});
  if (vault.error)
    return (
      <p role="alert" className="form-error">
        Caseproof could not start: {vault.error.message}
      </p>
    );
  if (!vault.data) return <p aria-busy="true">Loading…</p>;
  if (!vault.data.open) return <VaultGate state={vault.data} />;
  return <RouterProvider router={router} />;
}
