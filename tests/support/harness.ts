// The browser harness: the built renderer in Debian's Chromium, with `window.caseproof`
// backed by the same registry Electron's main process uses, over a real vault in a temporary
// folder. Only the transport differs from the app (Playwright's exposeBinding instead of
// ipcRenderer.invoke); the page gets exactly the contract's operations and `on` for events,
// as the preload gives it.
// Two arrangements: `startHarness` runs the registry in this test process (tests seed the
// vault through `h.session`), calling it through the workers' own runCall so progress events
// reach the page as in the app; `startWorkerHarness` runs the app's arrangement itself, the
// vault workers started by electron/worker/host.ts from the built dist/electron/worker.cjs.
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { OP_NAMES } from '../../electron/contract/api';
import { EVENT_NAMES, SUBSCRIBE_KEY, type CaseproofEvent } from '../../electron/contract/events';
import { CSP } from '../../electron/main/csp';
import { startAutoLock, type AutoLock } from '../../electron/services/api/autoLock';
import { buildRegistry } from '../../electron/services/api/handlers';
import { Session } from '../../electron/services/api/session';
import { fixedClock, type Clock } from '../../electron/services/clock';
import { nodePlatform, type NodePlatform } from '../../electron/platform/nodePlatform';
import { routeProgress, runCall } from '../../electron/worker/calls';
import { VaultHost } from '../../electron/worker/host';
import { JOB_OPS } from '../../electron/worker/routes';
import { tempDir } from './tmp';

export const CHROMIUM = process.env.CASEPROOF_CHROMIUM ?? '/usr/bin/chromium';
const RENDERER = path.resolve(__dirname, '../../dist/renderer');
const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.map': 'application/json',
};

/**
 * Serves the built renderer on 127.0.0.1, only files inside dist/renderer, with the app's
 * CSP header and nosniff as Electron's app:// handler sends them (so workers, which do not
 * see the page's <meta> policy, run under the same rules as in the app).
 */
function serveRenderer(): Promise<{ server: Server; url: string }> {
  if (!existsSync(path.join(RENDERER, 'index.html'))) throw new Error('dist/renderer is missing: run `npm run build` first (npm test does).');
  const server = createServer((req, res) => {
    const rel = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = path.resolve(RENDERER, '.' + (rel === '/' ? '/index.html' : rel));
    if (!file.startsWith(RENDERER + path.sep) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res
      .writeHead(200, {
        'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
        'Content-Security-Policy': CSP,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'no-store',
      })
      .end(readFileSync(file));
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as { port: number }).port}/index.html` })),
  );
}

export interface Harness {
  page: Page;
  platform: NodePlatform;
  session: Session;
  dir: string;
  url: string;
  /** Auto-lock over the session, as the vault worker runs it (its check also runs on its usual timer). */
  autoLock: AutoLock;
  /** Every event sent to the page, in order. */
  events: CaseproofEvent[];
  /** Sends an event to the page as main would (a lock main asked for, say). */
  send(e: CaseproofEvent): void;
  /** Reloads the page (the session, like Electron's main process, stays as it is). */
  reload(): Promise<void>;
  close(): Promise<void>;
}

let browser: Browser | null = null;
export async function launchBrowser(): Promise<Browser> {
  browser ??= await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return browser;
}
export async function closeBrowser(): Promise<void> {
  await browser?.close();
  browser = null;
}

export const WORKER_FILE = path.resolve(__dirname, '../../dist/electron/worker.cjs');

/** A page whose `window.caseproof` calls `invoke` and hears the events passed to `deliver`. */
async function openPage(invoke: (op: string, input: unknown) => Promise<unknown>) {
  const { server, url } = await serveRenderer();
  const b = await launchBrowser();
  const context: BrowserContext = await b.newContext({ locale: 'en-GB', timezoneId: 'Europe/London', viewport: { width: 1280, height: 860 } });
  // Nothing but the local renderer may load: the same rule Electron's session enforces.
  await context.route('**/*', (route) => (route.request().url().startsWith(new URL(url).origin) ? route.continue() : route.abort()));
  await context.exposeBinding('__caseproofInvoke', (_src, op: string, input: unknown) => invoke(op, input));
  await context.addInitScript(
    ([names, subscribeKey, eventNames]) => {
      const w = window as unknown as Record<string, unknown>;
      const invoke = w.__caseproofInvoke as (op: string, input: unknown) => Promise<unknown>;
      const listeners = new Map(eventNames.map((n) => [n, new Set<(p: unknown) => void>()]));
      const api: Record<string, unknown> = Object.fromEntries(names.map((n) => [n, (input: unknown) => invoke(n, input ?? {})]));
      api[subscribeKey] = (event: string, listener: (p: unknown) => void) => {
        const set = listeners.get(event);
        if (!set) throw new Error(`There is no Caseproof event called ${event}.`);
        set.add(listener);
        return () => void set.delete(listener);
      };
      Object.defineProperty(window, 'caseproof', { value: Object.freeze(api), writable: false });
      // The harness's stand-in for webContents.send (not enumerable, not part of the API).
      Object.defineProperty(window, '__caseproofDeliver', {
        value: (name: string, payload: unknown) => listeners.get(name)?.forEach((l) => l(payload)),
        enumerable: false,
      });
    },
    [OP_NAMES as string[], SUBSCRIBE_KEY, EVENT_NAMES as readonly string[] as string[]] as const,
  );
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  const deliver = (e: CaseproofEvent) =>
    void page
      .evaluate(([n, p]) => (window as unknown as { __caseproofDeliver: (n: string, p: unknown) => void }).__caseproofDeliver(n, p), [
        e.name,
        e.payload,
      ] as const)
      .catch(() => undefined); // the page may be closing
  const close = async () => {
    await context.close();
    await new Promise((r) => server.close(r));
    if (errors.length) throw new Error(`The page reported errors:\n${errors.join('\n')}`);
  };
  return { page, url, deliver, close };
}

export async function startHarness(opts: { today?: string; clock?: Clock; dir?: string } = {}): Promise<Harness> {
  const dir = opts.dir ?? tempDir('caseproof-ui-');
  const platform = nodePlatform({ user: 'Pat Manager' });
  platform.defaultVaultPath = () => path.join(dir, 'firm.cpv');
  const session = new Session(platform, {}, opts.clock ?? (opts.today ? fixedClock(opts.today) : undefined));
  const registry = buildRegistry(session);
  routeProgress(session);
  const events: CaseproofEvent[] = [];
  let deliver: (e: CaseproofEvent) => void = () => undefined;
  const send = (e: CaseproofEvent) => {
    events.push(e);
    deliver(e);
  };
  const autoLock = startAutoLock(session, (reason) => send({ name: 'locked', payload: { reason } }));
  session.onDamage.push((message) => send({ name: 'damage', payload: { message } }));
  const opened = await openPage(async (op, input) => {
    // As in the app (worker/host.ts): a long operation holds auto-lock off while it runs.
    const release = JOB_OPS.has(op as never) ? session.holdUse() : () => undefined;
    try {
      return await runCall(registry, op as never, input, (payload) => send({ name: 'progress', payload }));
    } finally {
      release();
    }
  });
  deliver = opened.deliver;
  const { page, url } = opened;
  await page.goto(url);
  return {
    page,
    platform,
    session,
    dir,
    url,
    autoLock,
    events,
    send,
    reload: async () => {
      await page.reload();
    },
    close: async () => {
      autoLock.stop();
      session.lock();
      await opened.close();
    },
  };
}

export interface WorkerHarness {
  page: Page;
  /** Main's platform: dialogs answered from its queue, notifications and prefs recorded. */
  platform: NodePlatform;
  host: VaultHost;
  dir: string;
  url: string;
  /** Every event the workers sent, in order. */
  events: CaseproofEvent[];
  close(): Promise<void>;
}

/** The app's arrangement in the browser: the page's calls go to the vault workers through VaultHost. */
export async function startWorkerHarness(opts: { today?: string; dir?: string } = {}): Promise<WorkerHarness> {
  if (!existsSync(WORKER_FILE)) throw new Error('dist/electron/worker.cjs is missing: run `npm run build` first (npm test does).');
  const dir = opts.dir ?? tempDir('caseproof-ui-');
  const platform = nodePlatform({ user: 'Pat Manager' });
  platform.defaultVaultPath = () => path.join(dir, 'firm.cpv');
  const events: CaseproofEvent[] = [];
  let deliver: (e: CaseproofEvent) => void = () => undefined;
  const host = new VaultHost({
    workerFile: WORKER_FILE,
    platform,
    ...(opts.today ? { clock: opts.today } : {}),
    onEvent: (e) => {
      events.push(e);
      deliver(e);
    },
  });
  const opened = await openPage((op, input) => host.call(op as never, input));
  deliver = opened.deliver;
  await opened.page.goto(opened.url);
  return {
    page: opened.page,
    platform,
    host,
    dir,
    url: opened.url,
    events,
    close: async () => {
      await host.close();
      await opened.close();
    },
  };
}

/** Clicks a section in the sidebar. */
export async function nav(page: Page, section: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: section, exact: true }).click();
}
