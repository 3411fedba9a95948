// Electron main: one window, the renderer served from app://, and the contract bound to
// IPC (one channel per operation, sender checked). The vault's work runs in worker threads
// (electron/worker/): main relays each call there and keeps only what Electron's main
// process alone can do (dialogs, safeStorage, electron-store, notifications, the file
// manager), which the workers ask for through their platform proxy.
//
// One Caseproof at a time: a second launch hands over to the first, which comes to the front.
// The vault locks at once when the screen is locked, the computer sleeps or the user switches
// (powerMonitor); after any lock main did not get from the page, it reloads the page, so
// nothing of the last screen stays in the window, and every full load starts a fresh history.
import { app, BrowserWindow, ipcMain, powerMonitor } from 'electron';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { channelOf, OP_NAMES } from '../contract/names';
import { eventChannelOf, type CaseproofEvent, type LockReason } from '../contract/events';
import { electronPlatform } from '../platform/electronPlatform';
import { VaultHost } from '../worker/host';
import { registerSchemeEarly, serveRenderer } from './protocol';
import { APP_ORIGIN, hardenSessions, isAppUrl, SECURE_PREFERENCES } from './security';

registerSchemeEarly();
app.enableSandbox();
if (process.env.CASEPROOF_USER_DATA) app.setPath('userData', process.env.CASEPROOF_USER_DATA);

let win: BrowserWindow | null = null;
/** How often Linux, which has no lock-screen event, is asked whether the screen is locked. */
const SCREEN_LOCK_POLL_MS = 15_000;

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
  // A full load (start, or the reload after a lock) begins a history with nothing behind it:
  // no earlier page of the app can be gone back to. (In-page moves between screens are not full loads.)
  win.webContents.on('did-navigate', () => win?.webContents.navigationHistory.clear());
  win.on('close', () => {
    if (win) platformPrefs.set('windowBounds', { width: win.getBounds().width, height: win.getBounds().height });
  });
  win.on('closed', () => (win = null));
  void win.loadURL(`${APP_ORIGIN}/index.html`);
}

/**
 * Sends an event to our window only, and only while it shows our page. After a lock the page
 * is loaded afresh (whatever the page itself does with the event, and even if it has stopped
 * answering), so no data of the last screen is left in the window.
 */
function sendToWindow(e: CaseproofEvent): void {
  const wc = win?.webContents;
  if (!wc || wc.isDestroyed() || !isAppUrl(wc.getURL())) return;
  wc.send(eventChannelOf(e.name), e.payload);
  if (e.name === 'locked') void wc.loadURL(`${APP_ORIGIN}/index.html`);
}

/** A second Caseproof was started: it quits, and this one comes to the front. */
function focusWindow(): void {
  if (!win) return;
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}

/** Locks the vault when the computer is locked, goes to sleep or changes user. */
function lockWithTheComputer(host: VaultHost): void {
  const lock = (reason: LockReason) => () => void host.lock(reason);
  powerMonitor.on('lock-screen', lock('screen-locked')); // macOS, Windows (including switching user)
  powerMonitor.on('suspend', lock('sleep'));
  powerMonitor.on('user-did-resign-active', lock('user-switched')); // macOS fast user switching
  if (process.platform === 'linux') {
    setInterval(() => {
      if (powerMonitor.getSystemIdleState(60) === 'locked') void host.lock('screen-locked');
    }, SCREEN_LOCK_POLL_MS).unref();
  }
}

// The one-instance lock is per user-data folder (so CASEPROOF_USER_DATA, set above, comes first).
if (!app.requestSingleInstanceLock()) app.quit();
else start();

function start(): void {
  app.on('second-instance', focusWindow);
  void app.whenReady().then(() => ready());
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}

function ready(): void {
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
  lockWithTheComputer(host);
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
}
