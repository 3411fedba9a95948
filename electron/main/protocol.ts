// Serves the built renderer from app://caseproof/ with a strict CSP and a guard against
// path traversal: only files inside the renderer folder are ever returned.
import { net, protocol } from 'electron';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { APP_SCHEME, CSP } from './security';

export function registerSchemeEarly(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

// The type of every file the renderer bundle holds, set by extension rather than trusting
// what net.fetch guesses for a file:// URL: module scripts (the pdf.js worker is .mjs) must
// be served as JavaScript or the browser refuses them, nosniff being on.
export const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

export function serveRenderer(rootDir: string): void {
  const root = path.resolve(rootDir);
  protocol.handle(APP_SCHEME, async (req) => {
    const { pathname } = new URL(req.url);
    const rel = decodeURIComponent(pathname === '/' ? '/index.html' : pathname);
    const file = path.resolve(root, '.' + rel);
    if (file !== root && !file.startsWith(root + path.sep)) return new Response('Not found', { status: 404 });
    const res = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(res.headers);
    const type = CONTENT_TYPES[path.extname(file).toLowerCase()];
    if (type) headers.set('Content-Type', type);
    headers.set('Content-Security-Policy', CSP);
    headers.set('X-Content-Type-Options', 'nosniff');
    // Never kept by the back/forward cache or any other cache: after a lock, no earlier page can come back.
    headers.set('Cache-Control', 'no-store');
    return new Response(res.body, { status: res.status, headers });
  });
}
