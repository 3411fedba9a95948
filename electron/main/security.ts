// Window and content security, applied to every webContents: no navigation away from
// the app, no new windows, no permissions, no remote requests, no webviews.
import { app, session, shell, type WebContents } from 'electron';
import { isAllowedExternalUrl } from '../contract/registers';

export const APP_SCHEME = 'app';
export const APP_HOST = 'caseproof';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export { CSP } from './csp';

export const SECURE_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  spellcheck: false,
} as const;

/**
 * True for our own pages (app://caseproof/...). Compared by scheme and host, not `origin`:
 * Node's URL (which main uses) gives a scheme it does not know, such as app:, the opaque
 * origin "null", so an origin test would refuse every call from our own window.
 */
export function isAppUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && !u.username && !u.password && !u.port;
  } catch {
    return false;
  }
}

/** Opens a link in the browser only when it is a public register's https page (contract/registers.ts); nothing else leaves the app. */
function openExternalSafely(url: string): void {
  if (isAllowedExternalUrl(url)) void shell.openExternal(url);
}

export function hardenSessions(): void {
  const s = session.defaultSession;
  s.setPermissionRequestHandler((_wc, _perm, cb) => cb(false));
  s.setPermissionCheckHandler(() => false);
  s.webRequest.onBeforeRequest((details, cb) => {
    const ok =
      details.url.startsWith(`${APP_ORIGIN}/`) || details.url.startsWith('blob:') || details.url.startsWith('data:') || details.url.startsWith('devtools:');
    cb({ cancel: !ok });
  });
  app.on('web-contents-created', (_e, wc: WebContents) => {
    wc.setWindowOpenHandler(({ url }) => {
      openExternalSafely(url);
      return { action: 'deny' };
    });
    wc.on('will-navigate', (e, url) => {
      if (!isAppUrl(url)) e.preventDefault();
    });
    wc.on('will-redirect', (e, url) => {
      if (!isAppUrl(url)) e.preventDefault();
    });
    wc.on('will-attach-webview', (e) => e.preventDefault());
  });
}
