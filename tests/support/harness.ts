// The browser harness: the built renderer in Debian's Chromium, with `window.caseproof`
// backed by the same registry Electron's main process uses, running in this test process
// over a real vault in a temporary folder. Only the transport differs from the app
// (Playwright's exposeBinding instead of ipcRenderer.invoke); the page gets exactly the
// contract's operations, as the preload gives it.
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { OP_NAMES } from '../../electron/contract/api';
import { CSP } from '../../electron/main/csp';
import { buildRegistry } from '../../electron/services/api/handlers';
import { Session } from '../../electron/services/api/session';
import { fixedClock, type Clock } from '../../electron/services/clock';
import { nodePlatform, type NodePlatform } from '../../electron/platform/nodePlatform';
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

export async function startHarness(opts: { today?: string; clock?: Clock; dir?: string } = {}): Promise<Harness> {
  const dir = opts.dir ?? tempDir('caseproof-ui-');
  const platform = nodePlatform({ user: 'Pat Manager' });
  platform.defaultVaultPath = () => path.join(dir, 'firm.cpv');
  const session = new Session(platform, {}, opts.clock ?? (opts.today ? fixedClock(opts.today) : undefined));
  const registry = buildRegistry(session);
  const { server, url } = await serveRenderer();
  const b = await launchBrowser();
  const context: BrowserContext = await b.newContext({ locale: 'en-GB', timezoneId: 'Europe/London', viewport: { width: 1280, height: 860 } });
  // Nothing but the local renderer may load: the same rule Electron's session enforces.
  await context.route('**/*', (route) => (route.request().url().startsWith(new URL(url).origin) ? route.continue() : route.abort()));
  await context.exposeBinding('__caseproofInvoke', (_src, op: string, input: unknown) => registry.call(op as never, input));
  await context.addInitScript((names: string[]) => {
    const invoke = (window as unknown as { __caseproofInvoke: (op: string, input: unknown) => Promise<unknown> }).__caseproofInvoke;
    const api = Object.fromEntries(names.map((n) => [n, (input: unknown) => invoke(n, input ?? {})]));
    Object.defineProperty(window, 'caseproof', { value: Object.freeze(api), writable: false });
  }, OP_NAMES as string[]);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(url);
  return {
    page,
    platform,
    session,
    dir,
    url,
    reload: async () => {
      await page.reload();
    },
    close: async () => {
      session.lock();
      await context.close();
      await new Promise((r) => server.close(r));
      if (errors.length) throw new Error(`The page reported errors:\n${errors.join('\n')}`);
    },
  };
}

/** Clicks a section in the sidebar. */
export async function nav(page: Page, section: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: section, exact: true }).click();
}
