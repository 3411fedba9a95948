// The platform interface implemented with Electron: electron-store for non-secret
// preferences, safeStorage for "remember on this computer", native dialogs,
// notifications and the file manager.
import { BrowserWindow, dialog, Notification, safeStorage, shell, app } from 'electron';
import Store from 'electron-store';
import path from 'node:path';
import { userInfo } from 'node:os';
import { assertExternalUrl } from '../contract/registers';
import type { Platform } from './platform';

export function electronPlatform(win: () => BrowserWindow | null): Platform {
  // Preferences only: window size, the last vault path, remembered keys (already wrapped by the OS keychain).
  const store = new Store<Record<string, unknown>>({ name: 'preferences', configFileMode: 0o600 });
  return {
    userName: () => (store.get('userName') as string | undefined) ?? safeUser(),
    prefs: { get: (k) => store.get(k), set: (k, v) => store.set(k, v) },
    secrets: {
      unavailableReason: () => {
        if (!safeStorage.isEncryptionAvailable()) return 'this computer offers no protected key store to Caseproof.';
        if (process.platform === 'linux') {
          const backend = safeStorage.getSelectedStorageBackend();
          if (backend === 'basic_text' || backend === 'unknown') {
            return 'this Linux desktop has no keyring service (such as GNOME Keyring or KWallet), so the key could only be hidden, not protected.';
          }
        }
        return null;
      },
      wrap: (plain) => safeStorage.encryptString(plain).toString('base64'),
      unwrap: (wrapped) => safeStorage.decryptString(Buffer.from(wrapped, 'base64')),
    },
    dialogs: {
      saveFile: async ({ title, defaultName, filters }) => {
        const w = win();
        const opts = { title, defaultPath: defaultName, filters };
        const r = w ? await dialog.showSaveDialog(w, opts) : await dialog.showSaveDialog(opts);
        return r.canceled || !r.filePath ? null : r.filePath;
      },
      openFiles: async ({ title, filters, multiple }) => {
        const w = win();
        const opts = { title, filters, properties: (multiple ? ['openFile', 'multiSelections'] : ['openFile']) as ('openFile' | 'multiSelections')[] };
        const r = w ? await dialog.showOpenDialog(w, opts) : await dialog.showOpenDialog(opts);
        return r.canceled ? [] : r.filePaths;
      },
      openFolder: async ({ title }) => {
        const w = win();
        const opts = { title, properties: ['openDirectory', 'createDirectory'] as ('openDirectory' | 'createDirectory')[] };
        const r = w ? await dialog.showOpenDialog(w, opts) : await dialog.showOpenDialog(opts);
        return r.canceled ? null : (r.filePaths[0] ?? null);
      },
    },
    notify: (title, body) => {
      if (Notification.isSupported()) new Notification({ title, body }).show();
    },
    showInFolder: (f) => shell.showItemInFolder(f),
    // Checked here, in main, whoever asked: the workers pass a register's address from the contract.
    openExternal: async (url) => {
      assertExternalUrl(url);
      await shell.openExternal(url);
    },
    defaultVaultPath: () => path.join(app.getPath('documents'), 'Caseproof', 'caseproof.cpv'),
  };
}
function safeUser(): string {
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}
