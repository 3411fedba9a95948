// The evidence files of one record: drop files onto the record (or use "Attach file…"),
// view them inside the app (images from blob: URLs, PDFs drawn by pdf.js in PdfViewer),
// save a copy, delete with confirmation. Size and type are checked in main; its messages
// are shown here as they are. Staff, supplier and policy files all use this one viewer.
import { lazy, Suspense, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { EvidenceMeta } from '../../../electron/contract/model';
import { useAction, useOpQuery } from '../data/query';
import { ukDate } from '../format';
import { Modal } from './Modal';
import { base64ToBytes } from '../base64';
import { AttachBar, useAttach, type Note } from './useAttach';

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

function blobOf(base64: string, type: string): Blob {
  return new Blob([base64ToBytes(base64)], { type });
}

/**
 * A record shown as a card that files can be dropped onto, with its evidence files below
 * its details (`children`).
 */
export function RecordWithEvidence({ recordId, files, label, children }: { recordId: number; files: EvidenceMeta[]; label: string; children: ReactNode }) {
  const attachOne = useAction('attachEvidence');
  const attachPicked = useAction('attachEvidenceFromDialog');
  const saveAs = useAction('saveEvidenceAs');
  const deleteFile = useAction('deleteEvidence');
  const attach = useAttach({
    upload: (name, base64) => attachOne.mutateAsync({ recordId, name, base64 }),
    pick: () => attachPicked.mutateAsync({ recordId }),
  });
  const setNotes = attach.setNotes;
  const [viewing, setViewing] = useState<EvidenceMeta | null>(null);
  const [confirming, setConfirming] = useState<number | null>(null);

  const saveCopy = async (f: EvidenceMeta) => {
    try {
      const r = await saveAs.mutateAsync({ id: f.id });
      setNotes(r.path ? [{ text: `Saved a copy of ${f.name} to ${r.path}.` }] : []);
    } catch (e) {
      setNotes([{ text: (e as Error).message, error: true }]);
    }
  };
  const remove = async (f: EvidenceMeta) => {
    try {
      await deleteFile.mutateAsync({ id: f.id });
      setConfirming(null);
      setNotes([{ text: `Deleted ${f.name}.` }]);
    } catch (e) {
      setNotes([{ text: (e as Error).message, error: true }]);
    }
  };
  return (
    <article className={`card record${attach.dragging ? ' dragging' : ''}`} aria-label={label} data-record={recordId} {...attach.dropTarget}>
      {children}
      <section className="evidence" aria-label={`Evidence files for ${label}`}>
        <h4>Evidence files</h4>
        {files.length === 0 ? <p className="hint">No files yet.</p> : null}
        {files.length ? (
          <ul className="files">
            {files.map((f) =>
              f.destroyed ? (
                // DBS copies (hostile): destroyed under the firm's period; only its details and fingerprint remain.
                <li key={f.id} data-destroyed="true">
                  <span className="file-name">{f.name}</span>{' '}
                  <span className="hint">
                    copy destroyed on {ukDate(f.destroyed.on)}
                    {f.destroyed.by ? ` by ${f.destroyed.by}` : ''} ({f.destroyed.why}). SHA-256 <code>{f.sha256}</code>
                  </span>
                </li>
              ) : (
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
              ),
            )}
          </ul>
        ) : null}
        <AttachBar busy={attach.busy} notes={attach.notes} onPick={attach.pick} where="onto this record" />
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
  // The file's bytes are kept only while it is on screen (gcTime 0), not in the cache.
  const content = useOpQuery('readEvidence', { id: file.id }, { gcTime: 0 });
  const [saved, setSaved] = useState<Note | null>(null);
  const saveAs = useAction('saveEvidenceAs');
  const isPdf = file.mediaType === 'application/pdf';
  const c = content.data;
  const base64 = c && c.meta.mediaType === 'application/pdf' ? c.base64 : null;
  const error = content.error?.message ?? null;
  // An image is shown from a blob: URL, let go when the file changes or the viewer closes.
  const url = useMemo(() => (c && c.meta.mediaType !== 'application/pdf' ? URL.createObjectURL(blobOf(c.base64, c.meta.mediaType)) : null), [c]);
  useEffect(() => () => void (url && URL.revokeObjectURL(url)), [url]);
  const saveCopy = async () => {
    try {
      const r = await saveAs.mutateAsync({ id: file.id });
      setSaved(r.path ? { text: `Saved a copy of ${file.name} to ${r.path}.` } : null);
    } catch (e) {
      setSaved({ text: (e as Error).message, error: true });
    }
  };
  const opening = <p aria-busy="true">Opening…</p>;
  return (
    <Modal title={file.name} onClose={onClose} wide>
      {error ? (
        <p role="alert" className="form-error">
          {error}
        </p>
      ) : null}
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
