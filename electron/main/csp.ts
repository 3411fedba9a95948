// The renderer's Content Security Policy, kept free of Electron imports so the browser
// test harness can send the very same header. renderer/index.html carries the same policy
// in a <meta> tag, minus frame-ancestors (browsers ignore that directive in <meta>);
// tests/unit/csp.test.ts keeps the two in step.
//
// PDFs are drawn by pdf.js in the page and its worker (a module script of our own bundle,
// allowed by script-src 'self', which worker-src falls back to). pdf.js runs without eval
// (isEvalSupported: false) and without WebAssembly (useWasm: false), so there is no
// 'unsafe-eval' and no 'wasm-unsafe-eval'. Nothing is framed any more: frame-src 'none'.
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' blob: data:",
  "frame-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "connect-src 'self'",
].join('; ');

/** The policy as the <meta> tag in renderer/index.html carries it. */
export const META_CSP = CSP.split('; ')
  .filter((d) => !d.startsWith('frame-ancestors '))
  .join('; ');
