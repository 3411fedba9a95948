// Electron main: one window, the renderer served from app://, and the API registry
// bound to IPC (one channel per contract operation, sender checked, input validated).
import { app, BrowserWindow, ipcMain } from 'electron';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { channelOf, OP_NAMES } from '../contract/api';
import { buildRegistry } from '../services/api/handlers';
import { Session } from '../services/api/session';
import { electronPlatform } from '../platform/electronPlatform';
import { registerSchemeEarly, serveRenderer } from './protocol';
import { APP_ORIGIN, hardenSessions, isAppUrl, SECURE_PREFERENCES } from './security';
import { startReminders } from './reminders';

registerSchemeEarly();
app.enableSandbox();
if (process.env.CASEPROOF_USER_DATA) app.setPath('userData', process.env.CASEPROOF_USER_DATA);

let win: BrowserWindow | null = null;

/** The better_sqlite3.node built for Electron's ABI (scripts/electron-native.mjs). */
function nativeBinding(): string | undefined {
  const candidates = app.isPackaged
    ? [path.join(process.resourcesPath, 'native', 'better_sqlite3.node')]
    : [path.join(app.getAppPath(), '.electron-native', 'better_sqlite3.node')];
  return candidates.find((p) => existsSync(p));
}

function createWindow(platformPrefs: { get(k: string): unknown; set(k: string, v: unknown): void }): void {
  const bounds = (platformPrefs.get('windowBounds') as { width: number; height: number } | undefined) ?? { width: 1280, height: 820 };
  win = new BrowserWindow({
    ...bounds,
    minWidth: 900,
    minHeight: 600,
    title: 'Caseproof',
    show: false,
    webPreferences: { ...SECURE_PREFERENCES, preload: path.join(__dirname, 'preload.cjs') },
  });
  win.once('ready-to-show', () => win?.show());
  win.on('close', () => {
    if (win) platformPrefs.set('windowBounds', { width: win.getBounds().width, height: win.getBounds().height });
  });
  win.on('closed', () => (win = null));
  void win.loadURL(`${APP_ORIGIN}/index.html`);
}

void app.whenReady().then(() => {
  hardenSessions();
  serveRenderer(path.join(__dirname, '..', 'renderer'));
  const platform = electronPlatform(() => win);
  const session = new Session(platform, { nativeBinding: nativeBinding() });
  const registry = buildRegistry(session);
  startReminders(session, platform);
  for (const name of OP_NAMES) {
    ipcMain.handle(channelOf(name), (event, input: unknown) => {
      // Only our own page may call the API.
      if (!event.senderFrame || !isAppUrl(event.senderFrame.url)) {
        return { ok: false, error: { code: 'invalid', message: 'Calls are accepted only from the Caseproof window.' } };
      }
      return registry.call(name, input);
    });
  }
  createWindow(platform.prefs);
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow(platform.prefs);
  });
  app.on('before-quit', () => session.lock());
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
