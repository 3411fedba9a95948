// A recording stand-in for Electron's main-process API, for booting the built main
// (dist/electron/main.cjs) under plain Node: `node --require fakeElectron.cjs main.cjs`.
// `require('electron')` returns this fake; everything main asks of it is recorded, and the
// test (tests/electron/boot.test.ts) drives it over the child-process IPC channel: it reads
// the record, calls the IPC handlers as the window would, fetches app:// URLs, asks for
// permissions, tries to navigate, and quits. Dialogs answer from a queue the test fills.
'use strict';
const Module = require('node:module');
const fs = require('node:fs');
const path = require('node:path');
const { fileURLToPath } = require('node:url');
const { EventEmitter } = require('node:events');

const tmp = process.env.FAKE_ELECTRON_DIR;
if (!tmp) throw new Error('FAKE_ELECTRON_DIR must name a temporary folder');

const record = {
  sandboxEnabledBeforeReady: false,
  ready: false,
  privilegedSchemes: [],
  protocolHandlers: [],
  handles: [],
  ipcOn: [],
  windows: [],
  sent: [],
  shownInFolder: [],
  openedExternally: [],
  /** The userData folder when the single-instance lock was asked for (null: never asked). */
  singleInstanceLockAt: null,
  /** What main did to its window: restore, show, focus, a page load, clearing its history. */
  windowCalls: [],
};
const handlers = new Map();
const protocolHandlers = new Map();
const dialogAnswers = [];
let permissionRequest = null;
let permissionCheck = null;
let beforeRequest = null;

class App extends EventEmitter {
  constructor() {
    super();
    this.isPackaged = false;
    this.paths = { userData: path.join(tmp, 'userData'), documents: path.join(tmp, 'documents') };
    this.quitting = false;
  }
  enableSandbox() {
    if (!record.ready) record.sandboxEnabledBeforeReady = true;
  }
  setPath(name, p) {
    this.paths[name] = p;
  }
  getPath(name) {
    return this.paths[name] ?? path.join(tmp, name);
  }
  getAppPath() {
    // Not the checkout: an Electron-ABI SQLite build there (.electron-native) would not load in Node.
    return path.join(tmp, 'app');
  }
  getVersion() {
    return '0.0.0-boot-test';
  }
  getName() {
    return 'Caseproof';
  }
  requestSingleInstanceLock() {
    record.singleInstanceLockAt = this.paths.userData;
    // FAKE_ELECTRON_SECOND=1: another Caseproof already holds the lock.
    return process.env.FAKE_ELECTRON_SECOND !== '1';
  }
  whenReady() {
    return new Promise((resolve) =>
      setImmediate(() => {
        record.ready = true;
        resolve();
      }),
    );
  }
  quit() {
    const e = { defaultPrevented: false, preventDefault: () => (e.defaultPrevented = true) };
    this.emit('before-quit', e);
    record.quitCalls = (record.quitCalls ?? 0) + 1;
    record.beforeQuitPrevented ??= e.defaultPrevented;
    // Like Electron: once nobody holds it back, the process ends there and then.
    if (!e.defaultPrevented) process.exit(0);
  }
}
const app = new App();

class WebContents extends EventEmitter {
  constructor(win) {
    super();
    this.win = win;
    this.navigationHistory = { clear: () => record.windowCalls.push('history.clear') };
  }
  loadURL(url) {
    this.win.url = url;
    record.windowCalls.push(`loadURL ${url}`);
    return Promise.resolve();
  }
  send(channel, payload) {
    record.sent.push({ channel, payload });
  }
  isDestroyed() {
    return false;
  }
  getURL() {
    return this.win.url ?? '';
  }
}
const windows = [];
class BrowserWindow extends EventEmitter {
  constructor(opts) {
    super();
    this.opts = opts;
    this.url = null;
    this.webContents = new WebContents(this);
    windows.push(this);
    record.windows.push({ opts, url: null });
  }
  loadURL(url) {
    this.url = url;
    record.windows[windows.indexOf(this)].url = url;
    return Promise.resolve();
  }
  show() {
    record.windowCalls.push('show');
  }
  isMinimized() {
    return true;
  }
  restore() {
    record.windowCalls.push('restore');
  }
  focus() {
    record.windowCalls.push('focus');
  }
  getBounds() {
    return { x: 0, y: 0, width: this.opts.width, height: this.opts.height };
  }
  static getAllWindows() {
    return windows;
  }
}

const ipcMain = {
  handle(channel, fn) {
    if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    handlers.set(channel, fn);
    record.handles.push(channel);
  },
  on(channel) {
    record.ipcOn.push(channel);
  },
  removeHandler(channel) {
    handlers.delete(channel);
  },
};

const protocol = {
  registerSchemesAsPrivileged(list) {
    if (record.ready) throw new Error('registerSchemesAsPrivileged must be called before the app is ready');
    record.privilegedSchemes.push(...list);
  },
  handle(scheme, fn) {
    protocolHandlers.set(scheme, fn);
    record.protocolHandlers.push(scheme);
  },
};

const net = {
  async fetch(url) {
    const file = fileURLToPath(url);
    if (!fs.existsSync(file) || !fs.statSync(file).isFile()) return new Response('not found', { status: 404 });
    return new Response(fs.readFileSync(file), { status: 200 });
  },
};

const session = {
  defaultSession: {
    setPermissionRequestHandler: (fn) => (permissionRequest = fn),
    setPermissionCheckHandler: (fn) => (permissionCheck = fn),
    webRequest: { onBeforeRequest: (fn) => (beforeRequest = fn) },
  },
};

const answer = () => {
  const a = dialogAnswers.shift();
  return a === undefined || a === null ? null : a;
};
const dialog = {
  async showSaveDialog() {
    const a = answer();
    return a ? { canceled: false, filePath: a } : { canceled: true };
  },
  async showOpenDialog() {
    const a = answer();
    return a ? { canceled: false, filePaths: [a] } : { canceled: true, filePaths: [] };
  },
};
class Notification {
  static isSupported() {
    return false;
  }
  show() {}
}
const safeStorage = {
  isEncryptionAvailable: () => false,
  getSelectedStorageBackend: () => 'basic_text',
  encryptString: () => {
    throw new Error('no keychain in the boot test');
  },
  decryptString: () => {
    throw new Error('no keychain in the boot test');
  },
};
const shell = {
  showItemInFolder: (f) => record.shownInFolder.push(f),
  openExternal: async (u) => void record.openedExternally.push(u),
  openPath: async () => '',
};

// What main did up to the very end, for the test to read once the process has gone.
process.on('exit', () => fs.writeFileSync(path.join(tmp, 'record-at-exit.json'), JSON.stringify(record)));

class PowerMonitor extends EventEmitter {
  getSystemIdleState() {
    return 'active';
  }
}
const powerMonitor = new PowerMonitor();

const electron = { app, BrowserWindow, ipcMain, protocol, net, session, dialog, Notification, safeStorage, shell, powerMonitor };

const load = Module._load;
Module._load = function (request, parent, isMain) {
  if (request === 'electron') return electron;
  return load.call(this, request, parent, isMain);
};

// ---------- what the test can ask, over the IPC channel ----------
const commands = {
  record: () => record,
  async invoke({ channel, input, url }) {
    const fn = handlers.get(channel);
    if (!fn) throw new Error(`no handler for ${channel}`);
    return fn({ senderFrame: url === null ? null : { url } }, input);
  },
  dialogAnswer({ path: p }) {
    dialogAnswers.push(p);
    return null;
  },
  async fetch({ url }) {
    const fn = protocolHandlers.get(new URL(url).protocol.replace(/:$/, ''));
    const res = await fn(new Request(url));
    return { status: res.status, headers: Object.fromEntries(res.headers), body: (await res.text()).slice(0, 200) };
  },
  permissions() {
    let granted = 'not asked';
    permissionRequest({}, 'geolocation', (g) => (granted = g));
    return { requestGranted: granted, checkAllowed: permissionCheck({}, 'clipboard-read', 'app://caseproof', {}) };
  },
  beforeRequest({ url }) {
    let decision = null;
    beforeRequest({ url }, (d) => (decision = d));
    return decision;
  },
  webContents({ navigateTo, openUrl }) {
    const wc = new EventEmitter();
    let openHandler = null;
    wc.setWindowOpenHandler = (fn) => (openHandler = fn);
    app.emit('web-contents-created', {}, wc);
    const prevented = (event, ...args) => {
      const e = { prevented: false, preventDefault: () => (e.prevented = true) };
      wc.emit(event, e, ...args);
      return e.prevented;
    };
    return {
      windowOpen: openHandler ? openHandler({ url: openUrl }) : null,
      navigatePrevented: prevented('will-navigate', navigateTo),
      navigateInsidePrevented: prevented('will-navigate', 'app://caseproof/index.html#/staff'),
      redirectPrevented: prevented('will-redirect', navigateTo),
      webviewPrevented: prevented('will-attach-webview', {}, {}),
      openedExternally: record.openedExternally,
    };
  },
  /** The operating system says: the screen is locking, the computer is suspending... */
  powerEvent({ event }) {
    powerMonitor.emit(event);
    return powerMonitor.listenerCount(event);
  },
  /** Another Caseproof was started and handed over to this one. */
  secondInstance() {
    app.emit('second-instance', {}, ['caseproof'], tmp, {});
    return null;
  },
  /** An event of the main window's page, such as a completed full load ('did-navigate'). */
  windowEvent({ event }) {
    windows[0].webContents.emit(event, {}, windows[0].url);
    return null;
  },
  quit() {
    app.quit();
    return null;
  },
};
process.on('message', async (m) => {
  try {
    process.send({ id: m.id, ok: true, value: await commands[m.cmd](m) });
  } catch (e) {
    process.send({ id: m.id, ok: false, error: e.stack ?? String(e) });
  }
});
