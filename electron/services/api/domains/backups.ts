// Handlers of the backup, passphrase and recovery operations (electron/contract/ops/backups.ts):
// the dialogs live here, the work in services/vault/*.ts and the session.
import path from 'node:path';
import { AppError } from '../../errors';
import { backupKeyFor, backupState, clearSchedule, makeBackup, restoreBackup, setSchedule } from '../../vault/backups';
import { makeRecoveryKey } from '../../vault/recovery';
import type { Registry } from '../registry';
import type { Session } from '../session';

const VAULT_FILES = [{ name: 'Caseproof vault', extensions: ['cpv'] }];
const withCpv = (p: string) => (/\.cpv$/i.test(p) ? p : `${p}.cpv`);

export function registerBackups(r: Registry, session: Session): void {
  const ctx = () => session.ctx();
  const prefs = session.platform.prefs;

  r.method('backupState', () => backupState(ctx(), prefs));
  r.method('backupNow', async ({ passphrase }) => {
    const c = ctx();
    const base = path.basename(c.vault.path, path.extname(c.vault.path));
    const chosen = await session.platform.dialogs.saveFile({
      title: 'Back up the vault',
      defaultName: `${base}-backup-${c.clock.today()}.cpv`,
      filters: VAULT_FILES,
    });
    if (!chosen) return null;
    const dest = withCpv(chosen);
    if (path.resolve(dest) === path.resolve(c.vault.path)) throw new AppError('invalid', 'A backup must go to another file, not onto the vault itself.', 'out');
    // The save dialog asked before replacing a file of that name.
    return makeBackup(c, dest, 'now', { overwrite: true, ...(passphrase ? { as: backupKeyFor(c, passphrase) } : {}) });
  });
  r.method('chooseBackupFolder', async () => {
    return { path: await session.platform.dialogs.openFolder({ title: 'Choose the folder for scheduled backups' }) };
  });
  r.method('setBackupSchedule', (s) => {
    const c = ctx();
    setSchedule(c, prefs, s);
    return backupState(c, prefs);
  });
  r.method('clearBackupSchedule', () => {
    const c = ctx();
    clearSchedule(c, prefs);
    return backupState(c, prefs);
  });
  r.method('restoreBackup', ({ from, passphrase, to }) => {
    const open = session.state().path;
    if (open && path.resolve(withCpv(to)) === path.resolve(open)) {
      throw new AppError('invalid', 'A backup is never restored over the open vault: choose a new file.', 'to');
    }
    return restoreBackup(from, passphrase, withCpv(to), { ...session.openOptions, user: session.platform.userName(), clock: session.clock });
  });
  r.method('changePassphrase', ({ current, next }) => session.changePassphrase(current, next));
  r.method('makeRecoveryKey', () => makeRecoveryKey(ctx()));
  r.method('recoverVault', ({ path: p, recoveryKey, next }) => session.recover(p, recoveryKey, next));
}
