// Handlers of the vault operations (electron/contract/ops/vault.ts): the session does the work
// (electron/services/api/session.ts over electron/services/vault/ and db/client.ts).
import type { Registry } from '../registry';
import type { Session } from '../session';

const VAULT_FILTERS = [{ name: 'Caseproof vault', extensions: ['cpv'] }];

export function registerVault(r: Registry, session: Session): void {
  r.method('vaultState', () => session.state());
  r.method('pickVaultLocation', async ({ purpose }) => {
    const d = session.platform.dialogs;
    if (purpose === 'create') {
      return { path: await d.saveFile({ title: 'Create a Caseproof vault', defaultName: 'caseproof.cpv', filters: VAULT_FILTERS }) };
    }
    const [p] = await d.openFiles({ title: 'Open a Caseproof vault', filters: VAULT_FILTERS, multiple: false });
    return { path: p ?? null };
  });
  r.method('createVault', ({ path, passphrase, remember }) => session.create(path, passphrase, remember));
  r.method('unlockVault', ({ path, passphrase, remember, takeOver }) => session.unlock(path, passphrase, remember, takeOver));
  r.method('unlockRemembered', ({ path, takeOver }) => session.unlockRemembered(path, takeOver));
  r.method('forgetRemembered', ({ path }) => session.forget(path));
  r.method('lockVault', () => session.lock());
  r.method('setUserName', ({ name }) => {
    session.platform.prefs.set('userName', name);
    return session.state();
  });
}
