// The renderer's CSP is delivered twice: as a header by Electron's app:// handler (and the
// browser harness) and in a <meta> tag in index.html (which a worker never sees, and which
// cannot carry frame-ancestors). The two must say the same thing, and stay strict.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CSP, META_CSP } from '../../electron/main/csp';

const root = path.resolve(__dirname, '../..');
const metaOf = (html: string) => /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1];
const directives = (csp: string) =>
  Object.fromEntries(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...values]) => [name, values]),
  );

describe('content security policy', () => {
  it('index.html carries the header policy, less frame-ancestors', () => {
    const meta = metaOf(readFileSync(path.join(root, 'renderer/index.html'), 'utf8'));
    expect(meta).toBe(META_CSP);
    expect(directives(CSP)).toEqual({ ...directives(META_CSP), 'frame-ancestors': ["'none'"] });
  });

  it('allows no eval, no WebAssembly, no inline script or style, no frames and nothing remote', () => {
    const d = directives(CSP);
    expect(CSP).not.toMatch(/unsafe-eval|unsafe-inline|wasm-unsafe-eval|https?:|\*/);
    expect(d['default-src']).toEqual(["'self'"]);
    expect(d['script-src']).toEqual(["'self'"]);
    expect(d['style-src']).toEqual(["'self'"]);
    expect(d['connect-src']).toEqual(["'self'"]);
    expect(d['frame-src']).toEqual(["'none'"]);
    expect(d['object-src']).toEqual(["'none'"]);
    // Workers (pdf.js) fall back to script-src 'self': no blob: or data: workers.
    expect(d['worker-src'] ?? d['child-src'] ?? d['script-src']).toEqual(["'self'"]);
  });
});
