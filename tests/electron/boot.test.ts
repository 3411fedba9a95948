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
    expect(w!.url).toBe(APP);
    expect(w!.opts.show).toBe(false); // shown on ready-to-show, never blank
    expect(w!.opts.webPreferences).toEqual({
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
    expect(existsSync(w!.opts.webPreferences.preload as string)).toBe(true);
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
