// Electron main: one window, the renderer served from app://, and the contract bound to
// IPC (one channel per operation, sender checked). The vault's work runs in worker threads
// (electron/worker/): main relays each call there and keeps only what Electron's main
// process alone can do (dialogs, safeStorage, electron-store, notifications, the file
// manager), which the workers ask for through their platform proxy.
import { app, BrowserWindow, ipcMain } from 'electron';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { channelOf, OP_NAMES } from '../contract/names';
import { eventChannelOf, type CaseproofEvent } from '../contract/events';
import { electronPlatform } from '../platform/electronPlatform';
import { VaultHost } from '../worker/host';
import { registerSchemeEarly, serveRenderer } from './protocol';
import { APP_ORIGIN, hardenSessions, isAppUrl, SECURE_PREFERENCES } from './security';

registerSchemeEarly();
app.enableSandbox();
if (process.env.CASEPROOF_USER_DATA) app.setPath('userData', process.env.CASEPROOF_USER_DATA);

let win: BrowserWindow | null = null;

/**
 * The better_sqlite3.node built for Electron's ABI (scripts/electron-native.mjs), found here
 * and handed to the workers (which have no `process.resourcesPath`). Packaged, it is an
 * extra resource beside app.asar, outside the archive, since a native module cannot be
 * loaded from inside one.
 */
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

/** Sends an event to our window only, and only while it shows our page. */
function sendToWindow(e: CaseproofEvent): void {
  const wc = win?.webContents;
  if (wc && !wc.isDestroyed() && isAppUrl(wc.getURL())) wc.send(eventChannelOf(e.name), e.payload);
}

void app.whenReady().then(() => {
  hardenSessions();
  serveRenderer(path.join(__dirname, '..', 'renderer'));
  const platform = electronPlatform(() => win);
  // worker.cjs sits beside this file (in app.asar when packaged: Electron's worker threads read asar).
  const host = new VaultHost({ workerFile: path.join(__dirname, 'worker.cjs'), platform, nativeBinding: nativeBinding(), onEvent: sendToWindow });
  for (const name of OP_NAMES) {
    ipcMain.handle(channelOf(name), (event, input: unknown) => {
      // Only our own page may call the API.
      if (!event.senderFrame || !isAppUrl(event.senderFrame.url)) {
        return { ok: false, error: { code: 'invalid', message: 'Calls are accepted only from the Caseproof window.' } };
      }
      return host.call(name, input);
    });
  }
  createWindow(platform.prefs);
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow(platform.prefs);
  });
  // Lock the vault (closing both connections cleanly) before quitting.
  let closed = false;
  let closing: Promise<void> | null = null;
  app.on('before-quit', (e) => {
    if (closed) return;
    e.preventDefault();
    closing ??= host.close().finally(() => {
      closed = true;
      app.quit();
    });
  });
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
