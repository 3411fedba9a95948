// The evidence files of one record: drop files onto the record (or use "Attach file…"),
// view them inside the app (images from blob: URLs, PDFs drawn by pdf.js in PdfViewer),
// save a copy, delete with confirmation. Size and type are checked in main; its messages
// are shown here as they are. Staff, supplier and policy files all use this one viewer.
import { lazy, Suspense, useEffect, useState, type DragEvent, type ReactNode } from 'react';
import { MAX_EVIDENCE_BYTES, type EvidenceMeta } from '../../../electron/contract/model';
import { call } from '../api';
import { ukDate } from '../format';
import { Modal } from './Modal';

// pdf.js is large: fetched the first time a PDF is viewed, not when the app starts.
const PdfViewer = lazy(() => import('./PdfViewer'));

export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
function typeWord(mediaType: string): string {
  if (mediaType === 'application/pdf') return 'PDF';
  if (mediaType.startsWith('image/')) return `${mediaType.slice(6).toUpperCase()} image`;
  return 'Word document';
}
const viewable = (m: string) => m === 'application/pdf' || m.startsWith('image/');

async function toBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}
function blobOf(base64: string, type: string): Blob {
  const bin = atob(base64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return new Blob([bytes], { type });
}

type Note = { text: string; error?: boolean };

/**
 * A record shown as a card that files can be dropped onto, with its evidence files below
 * its details (`children`).
 */
export function RecordWithEvidence({ recordId, files, label, onChanged, children }: { recordId: number; files: EvidenceMeta[]; label: string; onChanged: () => void; children: ReactNode }) {
  const [dragging, setDragging] = useState(false);
  const [busy, setBusy] = useState(false);
  const [notes, setNotes] = useState<Note[]>([]);
  const [viewing, setViewing] = useState<EvidenceMeta | null>(null);
  const [confirming, setConfirming] = useState<number | null>(null);

  const attachDropped = async (list: File[]) => {
    setBusy(true);
    const out: Note[] = [];
    for (const file of list) {
      // Main checks too; refusing here first saves reading a huge file into memory.
      if (file.size > MAX_EVIDENCE_BYTES) {
        out.push({ text: `${file.name} is ${(file.size / 1024 / 1024).toFixed(1)} MB; evidence files can be at most 25 MB.`, error: true });
        continue;
      }
      try {
        await call('attachEvidence', { recordId, name: file.name, base64: await toBase64(file) });
        out.push({ text: `Attached ${file.name}.` });
      } catch (e) {
        out.push({ text: (e as Error).message, error: true });
      }
    }
    setBusy(false);
    setNotes(out);
    if (out.some((n) => !n.error)) onChanged();
  };
  const attachFromDialog = async () => {
    setNotes([]);
    try {
      const added = await call('attachEvidenceFromDialog', { recordId });
      if (added.length) {
        setNotes([{ text: `Attached ${added.map((f) => f.name).join(', ')}.` }]);
        onChanged();
      }
    } catch (e) {
      setNotes([{ text: (e as Error).message, error: true }]);
    }
  };
  const saveCopy = async (f: EvidenceMeta) => {
    try {
      const r = await call('saveEvidenceAs', { id: f.id });
      setNotes(r.path ? [{ text: `Saved a copy of ${f.name} to ${r.path}.` }] : []);
    } catch (e) {
      setNotes([{ text: (e as Error).message, error: true }]);
    }
  };
  const remove = async (f: EvidenceMeta) => {
    try {
      await call('deleteEvidence', { id: f.id });
      setConfirming(null);
      setNotes([{ text: `Deleted ${f.name}.` }]);
      onChanged();
    } catch (e) {
      setNotes([{ text: (e as Error).message, error: true }]);
    }
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    const list = Array.from(e.dataTransfer?.files ?? []);
    if (list.length) void attachDropped(list);
  };
  const onDragOver = (e: DragEvent) => {
    if (!Array.from(e.dataTransfer?.types ?? []).includes('Files')) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
    setDragging(true);
  };

  return (
    <article
      className={`card record${dragging ? ' dragging' : ''}`}
      aria-label={label}
      data-record={recordId}
      onDragOver={onDragOver}
      onDragEnter={onDragOver}
      onDragLeave={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDragging(false);
      }}
      onDrop={onDrop}
    >
      {children}
      <section className="evidence" aria-label={`Evidence files for ${label}`}>
        <h4>Evidence files</h4>
        {files.length === 0 ? <p className="hint">No files yet.</p> : null}
        {files.length ? (
          <ul className="files">
            {files.map((f) => (
              <li key={f.id}>
                <span className="file-name">{f.name}</span>{' '}
                <span className="hint">
                  {typeWord(f.mediaType)}, {fileSize(f.size)}, added by {f.addedBy} on {ukDate(f.addedOn)}
                </span>
                <span className="file-actions">
                  {viewable(f.mediaType) ? (
                    <button type="button" className="secondary small" onClick={() => setViewing(f)} aria-label={`View ${f.name}`}>
                      View
                    </button>
                  ) : null}
                  <button type="button" className="secondary small" onClick={() => saveCopy(f)} aria-label={`Save a copy of ${f.name}`}>
                    Save a copy…
                  </button>
                  {confirming === f.id ? (
                    <>
                      <button type="button" className="danger small" onClick={() => remove(f)}>
                        Yes, delete {f.name}
                      </button>
                      <button type="button" className="secondary small" onClick={() => setConfirming(null)}>
                        Keep
                      </button>
                    </>
                  ) : (
                    <button type="button" className="secondary small" onClick={() => setConfirming(f.id)} aria-label={`Delete ${f.name}`}>
                      Delete…
                    </button>
                  )}
                </span>
              </li>
            ))}
          </ul>
        ) : null}
        <div className="actions">
          <button type="button" className="secondary small" onClick={attachFromDialog} disabled={busy}>
            Attach file…
          </button>
          <span className="hint drop-hint">{busy ? 'Attaching…' : 'or drop files onto this record (PDF, image or Word, up to 25 MB)'}</span>
        </div>
        {notes.map((n, i) => (
          <p key={i} role={n.error ? 'alert' : 'status'} className={n.error ? 'form-error' : 'saved'}>
            {n.text}
          </p>
        ))}
      </section>
      {viewing ? <EvidenceViewer file={viewing} onClose={() => setViewing(null)} /> : null}
    </article>
  );
}

/**
 * Shows an image (from a blob: URL, revoked on close) or a PDF (drawn onto canvases by
 * pdf.js; no browser PDF plugin) inside the app.
 */
export function EvidenceViewer({ file, onClose }: { file: EvidenceMeta; onClose: () => void }) {
  const [base64, setBase64] = useState<string | null>(null);
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<Note | null>(null);
  const isPdf = file.mediaType === 'application/pdf';
  useEffect(() => {
    let made: string | null = null;
    let live = true;
    call('readEvidence', { id: file.id }).then(
      (c) => {
        if (!live) return;
        if (c.meta.mediaType === 'application/pdf') {
          setBase64(c.base64);
          return;
        }
        made = URL.createObjectURL(blobOf(c.base64, c.meta.mediaType));
        setUrl(made);
      },
      (e: Error) => live && setError(e.message),
    );
    return () => {
      live = false;
      if (made) URL.revokeObjectURL(made);
    };
  }, [file.id]);
  const saveCopy = async () => {
    try {
      const r = await call('saveEvidenceAs', { id: file.id });
      setSaved(r.path ? { text: `Saved a copy of ${file.name} to ${r.path}.` } : null);
    } catch (e) {
      setSaved({ text: (e as Error).message, error: true });
    }
  };
  const opening = <p aria-busy="true">Opening…</p>;
  return (
    <Modal title={file.name} onClose={onClose} wide>
      {error ? <p role="alert" className="form-error">{error}</p> : null}
      {!url && !base64 && !error ? opening : null}
      {url && file.mediaType.startsWith('image/') ? <img className="viewer-image" src={url} alt={`Evidence file ${file.name}`} /> : null}
      {base64 && isPdf ? (
        <Suspense fallback={opening}>
          <PdfViewer
            name={file.name}
            base64={base64}
            fallback={
              <>
                <button type="button" className="secondary small" onClick={saveCopy} aria-label={`Save a copy of ${file.name}`}>
                  Save a copy…
                </button>
                {saved ? (
                  <p role={saved.error ? 'alert' : 'status'} className={saved.error ? 'form-error' : 'saved'}>
                    {saved.text}
                  </p>
                ) : null}
              </>
            }
          />
        </Suspense>
      ) : null}
    </Modal>
  );
}
