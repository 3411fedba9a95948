// A PDF drawn page by page onto <canvas> with pdf.js, inside the app's own origin: no
// Chromium PDF plugin, no frames, no eval, no WebAssembly, nothing fetched from elsewhere.
// Pages are drawn only when they come near the visible part of the list and let go again
// when they move far away, so a 50-page scan opens as fast as a one-page letter.
// Loaded lazily (React.lazy) so pdf.js is only fetched the first time a PDF is viewed.
import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
import { base64ToBytes } from '../base64';
import { GlobalWorkerOptions, VerbosityLevel, getDocument, type PDFDocumentProxy, type PDFPageProxy, type RenderTask } from 'pdfjs-dist';

// The worker is a file of our own bundle, served from 'self' like every other script.
GlobalWorkerOptions.workerSrc = new URL('pdfjs-dist/build/pdf.worker.min.mjs', import.meta.url).href;
// JPEG 2000 images (used by some scanners and "reduce file size" tools) are decoded by
// pdf.js's plain-JavaScript OpenJPEG build rather than its WebAssembly one, so the CSP
// needs no 'wasm-unsafe-eval'. The worker imports it as `${wasmUrl}openjpeg_nowasm_fallback.js`,
// which is why vite.config.ts keeps that file's name (in assets/pdfjs/). JBIG2 and CCITT
// scans use pdf.js's built-in JavaScript decoders when WebAssembly is off.
const JPX_DECODER = new URL('pdfjs-dist/wasm/openjpeg_nowasm_fallback.js', import.meta.url);
const DECODERS_DIR = new URL('./', JPX_DECODER).href;

/** CSS pixels per PDF point: 100% shows the page at its printed size. */
const CSS_PER_POINT = 96 / 72;
const STEPS = [0.25, 0.5, 0.75, 1, 1.25, 1.5, 2, 3, 4];
/** At most this many canvas pixels per page (about 16 MP), however far the zoom goes. */
const MAX_PIXELS = 4096 * 4096;

type Size = { width: number; height: number };
export type PdfFailure = 'password' | 'broken';

const cancelled = (e: unknown) => (e as { name?: string } | null)?.name === 'RenderingCancelledException';

/**
 * Shows a PDF given as base64. `name` names the file in the pages' accessible names;
 * `fallback` is shown (after the message) when the PDF cannot be opened, e.g. a button to
 * save a copy.
 */
export default function PdfViewer({ name, base64, fallback }: { name: string; base64: string; fallback?: ReactNode }) {
  const [doc, setDoc] = useState<PDFDocumentProxy | null>(null);
  const [first, setFirst] = useState<Size | null>(null);
  const [failure, setFailure] = useState<PdfFailure | null>(null);
  const [zoom, setZoom] = useState<'fit' | number>('fit');
  // The scale that fits the first page's width into the list; null until measured.
  const [fit, setFit] = useState<number | null>(null);
  const pages = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let live = true;
    let task: ReturnType<typeof getDocument>;
    try {
      task = getDocument({
        data: base64ToBytes(base64),
        isEvalSupported: false,
        useWasm: false,
        wasmUrl: DECODERS_DIR,
        enableXfa: false,
        verbosity: VerbosityLevel.ERRORS,
      });
    } catch {
      // Bytes pdf.js refuses at once: the one outcome of this effect, shown in place of the pages.
      // eslint-disable-next-line react-hooks/set-state-in-effect -- the effect's one synchronous outcome
      setFailure('broken');
      return;
    }
    task.promise
      .then(async (d) => {
        const p1 = await d.getPage(1);
        const v = p1.getViewport({ scale: CSS_PER_POINT });
        if (!live) return;
        setFirst({ width: v.width, height: v.height });
        setDoc(d);
      })
      .catch((e: unknown) => {
        if (live) setFailure((e as { name?: string } | null)?.name === 'PasswordException' ? 'password' : 'broken');
      });
    return () => {
      live = false;
      void task.destroy();
      // Another file (or none): forget this one's pages before the next is opened.
      setDoc(null);
      setFirst(null);
      setFailure(null);
    };
  }, [base64]);

  // Fit to width follows the dialog's width.
  useEffect(() => {
    const el = pages.current;
    if (!el || !first) return;
    const measure = () => {
      const style = getComputedStyle(el);
      const room = el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      setFit(room > 0 ? Math.min(4, Math.max(0.25, room / first.width)) : (f) => f ?? 1);
    };
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, [first]);

  if (failure) {
    return (
      <div className="pdf-failed">
        <p role="alert" className="form-error">
          {failure === 'password'
            ? 'This PDF is protected with a password, so it cannot be shown here; use Save a copy… to open it in another program.'
            : 'This PDF could not be shown; use Save a copy… to open it in another program.'}
        </p>
        {fallback}
      </div>
    );
  }
  if (!doc || !first) return <p aria-busy="true">Opening {name}…</p>;

  const total = doc.numPages;
  const scale = zoom === 'fit' ? (fit ?? 1) : zoom;
  const larger = STEPS.find((s) => s > scale + 0.001);
  const smaller = [...STEPS].reverse().find((s) => s < scale - 0.001);
  const zoomIn = () => larger !== undefined && setZoom(larger);
  const zoomOut = () => smaller !== undefined && setZoom(smaller);
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === '+' || e.key === '=') zoomIn();
    else if (e.key === '-') zoomOut();
    else if (e.key === '0') setZoom('fit');
    else return;
    e.preventDefault();
  };

  return (
    <div className="pdf-viewer">
      <div className="pdf-toolbar" role="group" aria-label={`Zoom for ${name}`}>
        <span className="pdf-count">{total === 1 ? '1 page' : `${total} pages`}</span>
        <span className="pdf-zoom">
          <button type="button" className="secondary small" onClick={zoomOut} disabled={smaller === undefined} aria-label="Zoom out">
            −
          </button>
          <output className="pdf-scale" aria-live="polite" aria-label="Zoom level">
            {Math.round(scale * 100)}%
          </output>
          <button type="button" className="secondary small" onClick={zoomIn} disabled={larger === undefined} aria-label="Zoom in">
            +
          </button>
          <button type="button" className="secondary small" onClick={() => setZoom('fit')} aria-pressed={zoom === 'fit'}>
            Fit to width
          </button>
        </span>
      </div>
      {/* Focusable so the pages can be scrolled with the keyboard; + and - zoom, 0 fits. */}
      <div className="pdf-pages" ref={pages} tabIndex={0} role="region" aria-label={`Pages of ${name}`} onKeyDown={onKeyDown}>
        {/* Pages wait for the first measurement, so nothing is drawn twice on opening. */}
        {fit === null
          ? null
          : Array.from({ length: total }, (_, i) => (
              <PdfPage key={i} doc={doc} number={i + 1} total={total} name={name} scale={scale} guess={first} scroller={pages} />
            ))}
      </div>
    </div>
  );
}

/** One page: a box of the page's size, drawn while it is near the visible part of the list. */
function PdfPage({
  doc,
  number,
  total,
  name,
  scale,
  guess,
  scroller,
}: {
  doc: PDFDocumentProxy;
  number: number;
  total: number;
  name: string;
  scale: number;
  guess: Size;
  scroller: RefObject<HTMLDivElement | null>;
}) {
  const box = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const proxy = useRef<PDFPageProxy | null>(null);
  const [near, setNear] = useState(false);
  // Until a page is opened it is assumed to be the size of the first one.
  const [size, setSize] = useState<Size>(guess);
  const [state, setState] = useState<'waiting' | 'drawn' | 'failed'>('waiting');

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const io = new IntersectionObserver(([entry]) => setNear(entry.isIntersecting), { root: scroller.current, rootMargin: '100% 0px' });
    io.observe(el);
    return () => io.disconnect();
  }, [scroller]);

  useEffect(() => {
    const c = canvas.current;
    if (!c) return;
    if (!near) {
      // Far away: give the pixels (and pdf.js's cached page data) back.
      c.width = 0;
      c.height = 0;
      proxy.current?.cleanup();
      proxy.current = null;
      return;
    }
    let live = true;
    let task: RenderTask | null = null;
    doc
      .getPage(number)
      .then((page) => {
        if (!live) return;
        proxy.current = page;
        const at100 = page.getViewport({ scale: CSS_PER_POINT });
        setSize({ width: at100.width, height: at100.height });
        let wanted = CSS_PER_POINT * scale * (window.devicePixelRatio || 1);
        const pixels = at100.width * at100.height * (wanted / CSS_PER_POINT) ** 2;
        if (pixels > MAX_PIXELS) wanted *= Math.sqrt(MAX_PIXELS / pixels);
        const viewport = page.getViewport({ scale: wanted });
        c.width = Math.floor(viewport.width);
        c.height = Math.floor(viewport.height);
        setState('waiting');
        task = page.render({ canvas: c, viewport });
        return task.promise.then(() => {
          if (live) setState('drawn');
        });
      })
      .catch((e: unknown) => {
        if (live && !cancelled(e)) setState('failed');
      });
    return () => {
      live = false;
      task?.cancel();
      // The canvas is about to be redrawn or emptied.
      setState('waiting');
    };
  }, [doc, number, near, scale]);

  const width = Math.round(size.width * scale);
  const height = Math.round(size.height * scale);
  return (
    <div className="pdf-page" ref={box} data-page={number} style={{ width, height }}>
      <canvas
        ref={canvas}
        role="img"
        aria-label={`Page ${number} of ${total} of ${name}`}
        aria-busy={state === 'waiting'}
        data-state={state}
        style={{ width, height }}
      />
      {state === 'failed' ? (
        <p className="pdf-page-failed" role="alert">
          Page {number} could not be shown; use Save a copy… to open the file in another program.
        </p>
      ) : null}
    </div>
  );
}
