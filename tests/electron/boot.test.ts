// Boots the built main process (dist/electron/main.cjs) under plain Node against a recording
// stand-in for Electron's API (fakeElectron.cjs), so a broken `npm start` is caught on
// machines that cannot run the real Electron binary. It checks what main registers (one IPC
// handler per contract operation, the window's web preferences, the app:// protocol and its
// CSP) and what it refuses (other senders, navigation, new windows, permissions, remote
// requests), and that calls travel through main to the vault workers and back.
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openVault } from '../../db/client';
import { channelOf, OP_NAMES } from '../../electron/contract/names';
import { eventChannelOf, type ProgressEvent } from '../../electron/contract/events';
import { REGISTERS } from '../../electron/contract/registers';
import { CSP } from '../../electron/main/csp';

const root = path.resolve(__dirname, '../..');
const MAIN = path.join(root, 'dist/electron/main.cjs');
const APP = 'app://caseproof/index.html';
const PASS = 'boot test passphrase long';

let child: ChildProcess;
let dir: string;
let exited: Promise<number | null>;
const waiting = new Map<number, (m: { ok: boolean; value?: unknown; error?: string }) => void>();
let nextId = 1;

async function ask<T = unknown>(cmd: string, args: Record<string, unknown> = {}): Promise<T> {
  const id = nextId++;
  const reply = new Promise<{ ok: boolean; value?: unknown; error?: string }>((r) => waiting.set(id, r));
  child.send({ id, cmd, ...args });
  const m = await reply;
  if (!m.ok) throw new Error(m.error);
  return m.value as T;
}
const invoke = <T = unknown>(op: string, input: unknown, url: string | null = APP) => ask<T>('invoke', { channel: `caseproof:${op}`, input, url });

interface Recorded {
  sandboxEnabledBeforeReady: boolean;
  privilegedSchemes: { scheme: string; privileges: Record<string, boolean> }[];
  protocolHandlers: string[];
  handles: string[];
  ipcOn: string[];
  windows: { opts: { show: boolean; webPreferences: Record<string, unknown> }; url: string | null }[];
  sent: { channel: string; payload: unknown }[];
  beforeQuitPrevented?: boolean;
  singleInstanceLockAt: string | null;
  windowCalls: string[];
  openedExternally: string[];
}

beforeAll(async () => {
  if (!existsSync(MAIN)) throw new Error('dist/electron/main.cjs is missing: run `npm run build` first (npm test does).');
  dir = mkdtempSync(path.join(tmpdir(), 'caseproof-boot-'));
  child = fork(MAIN, [], {
    execArgv: ['--require', path.join(__dirname, 'fakeElectron.cjs')],
    env: { ...process.env, FAKE_ELECTRON_DIR: dir },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  exited = new Promise((r) => child.on('exit', (code) => r(code)));
  child.on('message', (m: { id?: number; t?: string }) => {
    if (m.id) waiting.get(m.id)?.(m as never);
  });
  // Ready once main has opened its window.
  for (let i = 0; (await ask<Recorded>('record')).windows.length === 0; i++) {
    if (i > 300 || child.exitCode !== null) throw new Error(`main did not open its window:\n${stderr}`);
    await new Promise((r) => setTimeout(r, 100));
  }
});
afterAll(() => {
  if (child.exitCode === null) child.kill();
  rmSync(dir, { recursive: true, force: true });
});

describe('the built main process, booted under Node with a stand-in for Electron', () => {
  it('registers exactly one IPC handler per contract operation, and the app:// scheme before ready', async () => {
    const r = await ask<Recorded>('record');
    expect([...r.handles].sort()).toEqual(OP_NAMES.map((n) => channelOf(n)).sort());
    expect(r.handles).toHaveLength(OP_NAMES.length);
    expect(r.sandboxEnabledBeforeReady).toBe(true);
    expect(r.privilegedSchemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
    expect(r.protocolHandlers).toEqual(['app']);
  });

  it('opens one window from app:// with the production web preferences and the bundled preload', async () => {
    const [w] = (await ask<Recorded>('record')).windows;
    expect(w.url).toBe(APP);
    expect(w.opts.show).toBe(false); // shown on ready-to-show, never blank
    expect(w.opts.webPreferences).toEqual({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      preload: path.join(root, 'dist/electron/preload.cjs'),
    });
    expect(existsSync(w.opts.webPreferences.preload as string)).toBe(true);
  });

  it('serves the renderer from app:// with the strict CSP, and nothing outside it', async () => {
    const page = await ask<{ status: number; headers: Record<string, string>; body: string }>('fetch', { url: APP });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toBe(CSP);
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.body).toContain('<!doctype html>');
    for (const url of ['app://caseproof/%2e%2e/%2e%2e/package.json', 'app://caseproof/..%2f..%2fpackage.json']) {
      expect((await ask<{ status: number }>('fetch', { url })).status).toBe(404);
    }
  });

  it('refuses permissions, remote requests, navigation away, new windows and webviews', async () => {
    expect(await ask('permissions')).toEqual({ requestGranted: false, checkAllowed: false });
    expect(await ask('beforeRequest', { url: 'https://example.com/track.js' })).toEqual({ cancel: true });
    expect(await ask('beforeRequest', { url: 'http://127.0.0.1:8080/' })).toEqual({ cancel: true });
    expect(await ask('beforeRequest', { url: 'app://caseproof/assets/index.js' })).toEqual({ cancel: false });
    const wc = await ask<Record<string, unknown>>('webContents', { navigateTo: 'https://example.com/', openUrl: 'file:///etc/passwd' });
    expect(wc).toMatchObject({
      windowOpen: { action: 'deny' },
      navigatePrevented: true,
      navigateInsidePrevented: false,
      redirectPrevented: true,
      webviewPrevented: true,
      openedExternally: [],
    });
  });

  it('refuses calls from any other page, and sends the rest through the vault workers and back', async () => {
    const refused = { ok: false, error: { code: 'invalid', message: 'Calls are accepted only from the Caseproof window.' } };
    expect(await invoke('vaultState', {}, 'https://example.com/')).toEqual(refused);
    expect(await invoke('vaultState', {}, null)).toEqual(refused);
    expect(await invoke('vaultState', {}, 'app://caseproof.example.com/index.html')).toEqual(refused);
    expect(await invoke('vaultState', {}, 'file:///index.html')).toEqual(refused);

    const file = path.join(dir, 'boot.cpv');
    expect(await invoke('vaultState', {})).toMatchObject({ ok: true, value: { open: false, path: null } });
    expect(await invoke('createVault', { path: file, passphrase: PASS, remember: false })).toMatchObject({ ok: true, value: { open: true, path: file } });
    expect(await invoke('createStaff', { ref: 'BT-1', name: 'Boot Tester' })).toMatchObject({ ok: true });
    expect(await invoke('createStaff', { ref: '' })).toMatchObject({ ok: false, error: { code: 'invalid' } });
    // A long operation (the job worker) through main's dialog, with its progress sent to the window.
    await ask('dialogAnswer', { path: path.join(root, 'tests/fixtures/riverside-firm.json') });
    expect(await invoke('importFirmFileFromDialog', {})).toMatchObject({ ok: true, value: { added: { staff: 2 } } });
    const progress = (await ask<Recorded>('record')).sent.filter((s) => s.channel === eventChannelOf('progress')).map((s) => s.payload as ProgressEvent);
    expect(progress.at(-1)).toMatchObject({ op: 'importFirmFileFromDialog', finished: true });
    expect(await invoke('listStaff', {})).toMatchObject({ ok: true, value: expect.arrayContaining([expect.objectContaining({ ref: 'BT-1' })]) });
  });

  it('locks the vault at once when the screen locks, the computer sleeps or the user switches, and loads the page afresh', async () => {
    const file = path.join(dir, 'boot.cpv');
    for (const [event, reason] of [
      ['lock-screen', 'screen-locked'],
      ['suspend', 'sleep'],
      ['user-did-resign-active', 'user-switched'],
    ] as const) {
      expect(await invoke('vaultState', {})).toMatchObject({ ok: true, value: { open: true } });
      const before = (await ask<Recorded>('record')).windowCalls.length;
      expect(await ask('powerEvent', { event })).toBe(1); // main listens for it
      // The vault worker locks (both connections) and says so; main passes it on and reloads the page.
      for (let i = 0; !(await ask<Recorded>('record')).windowCalls.slice(before).includes(`loadURL ${APP}`); i++) {
        if (i > 100) throw new Error(`main did not reload the page after ${event}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      const r = await ask<Recorded>('record');
      expect(r.sent.filter((s) => s.channel === eventChannelOf('locked')).at(-1)?.payload).toEqual({ reason });
      expect(await invoke('listStaff', {})).toMatchObject({ ok: false, error: { code: 'locked' } });
      expect(await invoke('vaultState', {})).toMatchObject({ ok: true, value: { open: false, lockedBecause: { reason } } });
      expect(await invoke('unlockVault', { path: file, passphrase: PASS, remember: false })).toMatchObject({
        ok: true,
        value: { open: true, lockedBecause: null },
      });
    }
    // A full load starts a history with nothing behind it.
    await ask('windowEvent', { event: 'did-navigate' });
    expect((await ask<Recorded>('record')).windowCalls.at(-1)).toBe('history.clear');
  });

  it('is one instance: it asked for the lock in its own user-data folder, and a second launch brings its window forward', async () => {
    expect((await ask<Recorded>('record')).singleInstanceLockAt).toBe(path.join(dir, 'userData'));
    const before = (await ask<Recorded>('record')).windowCalls.length;
    await ask('secondInstance');
    expect((await ask<Recorded>('record')).windowCalls.slice(before)).toEqual(['restore', 'show', 'focus']);
  });

  it('opens only the public registers in the browser: by name through the contract, and nothing else from the page', async () => {
    expect(await invoke('openRegister', { register: 'hcpc' })).toEqual({ ok: true, value: { url: REGISTERS.hcpc.url } });
    expect(await invoke('openRegister', { register: 'https://example.com/' })).toMatchObject({ ok: false, error: { code: 'invalid', field: 'register' } });
    expect(await invoke('openRegister', { register: 'nmc', url: 'https://example.com/' })).toMatchObject({ ok: false, error: { code: 'invalid' } });
    // Links the page tries to open in a new window: a register's page goes to the browser, anything else nowhere.
    for (const openUrl of [
      'https://example.com/',
      'http://www.hcpc-uk.org/check-the-register/',
      'https://user@www.nmc.org.uk/',
      'https://www.nmc.org.uk.example.com/',
    ]) {
      expect(await ask('webContents', { navigateTo: 'https://example.com/', openUrl })).toMatchObject({ windowOpen: { action: 'deny' } });
    }
    await ask('webContents', { navigateTo: 'https://example.com/', openUrl: REGISTERS.nmc.url });
    expect((await ask<Recorded>('record')).openedExternally).toEqual([REGISTERS.hcpc.url, REGISTERS.nmc.url]);
  });

  it('locks the vault before quitting, leaving it whole', async () => {
    child.send({ id: nextId++, cmd: 'quit' }); // no reply to wait for: the process ends
    expect(await exited).toBe(0);
    // Main held the first quit back until the workers had locked the vault, then quit again.
    const atExit = JSON.parse(readFileSync(path.join(dir, 'record-at-exit.json'), 'utf8')) as Recorded & { quitCalls: number };
    expect(atExit).toMatchObject({ beforeQuitPrevented: true, quitCalls: 2 });
    // Closed cleanly: the write-ahead log was checkpointed into the file and removed.
    expect(existsSync(path.join(dir, 'boot.cpv-wal'))).toBe(false);
    const v = openVault(path.join(dir, 'boot.cpv'), { passphrase: PASS });
    try {
      expect((v.sqlite.prepare('SELECT count(*) AS n FROM staff').get() as { n: number }).n).toBe(3);
    } finally {
      v.close();
    }
  });
});

describe('a second launch of the built main', () => {
  it('quits at once when another Caseproof holds the one-instance lock: no window, no handlers, no vault workers', async () => {
    const second = mkdtempSync(path.join(tmpdir(), 'caseproof-boot-second-'));
    try {
      const p = fork(MAIN, [], {
        execArgv: ['--require', path.join(__dirname, 'fakeElectron.cjs')],
        env: { ...process.env, FAKE_ELECTRON_DIR: second, FAKE_ELECTRON_SECOND: '1' },
        stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      });
      expect(await new Promise((r) => p.on('exit', r))).toBe(0);
      const atExit = JSON.parse(readFileSync(path.join(second, 'record-at-exit.json'), 'utf8')) as Recorded;
      expect(atExit).toMatchObject({ singleInstanceLockAt: path.join(second, 'userData'), windows: [], handles: [], protocolHandlers: [] });
    } finally {
      rmSync(second, { recursive: true, force: true });
    }
  });
});
