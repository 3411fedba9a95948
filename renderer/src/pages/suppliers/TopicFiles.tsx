// Files for a part of the vetting file that is not a record of its own (the CV, the
// safeguarding certificate...). Once the first file is attached the topic has a record,
// and the shared evidence card takes over (drop, pick, view, save a copy, delete).
import { useState, type DragEvent } from 'react';
import { MAX_EVIDENCE_BYTES, type EvidenceMeta, type Stored, type SupplierDocument, type SupplierDocumentTopic } from '../../../../electron/contract/model';
import { call } from '../../api';
import { RecordWithEvidence } from '../../components/EvidenceFiles';

async function toBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}
type Note = { text: string; error?: boolean };

export function TopicFiles({ supplierRef, topic, documents, label, onChanged }: { supplierRef: string; topic: SupplierDocumentTopic; documents: Stored<SupplierDocument>[]; label: string; onChanged: () => void }) {
  const mine = documents.filter((d) => d.topic === topic);
  if (mine.length) {
    return (
      <>
        {mine.map((d) => (
          <RecordWithEvidence key={d.id} recordId={d.id} files={d.evidence} label={label} onChanged={onChanged}>
            <h3 className="record-title">{label}</h3>
          </RecordWithEvidence>
        ))}
      </>
    );
  }
  return <FirstFile supplierRef={supplierRef} topic={topic} label={label} onChanged={onChanged} />;
}

/** Before any file: a card to drop the first file onto, or pick it. */
function FirstFile({ supplierRef, topic, label, onChanged }: { supplierRef: string; topic: SupplierDocumentTopic; label: string; onChanged: () => void }) {
  const [dragging, setDragging] = useState(false);
  const [busy, setBusy] = useState(false);
  const [notes, setNotes] = useState<Note[]>([]);
  const done = (added: EvidenceMeta[], out: Note[]) => {
    setBusy(false);
    setNotes(out);
    if (added.length) onChanged();
  };
  const attachDropped = async (list: File[]) => {
    setBusy(true);
    const out: Note[] = [];
    const added: EvidenceMeta[] = [];
    for (const file of list) {
      if (file.size > MAX_EVIDENCE_BYTES) {
        out.push({ text: `${file.name} is ${(file.size / 1024 / 1024).toFixed(1)} MB; evidence files can be at most 25 MB.`, error: true });
        continue;
      }
      try {
        added.push(await call('attachSupplierDocument', { ref: supplierRef, topic, name: file.name, base64: await toBase64(file) }));
        out.push({ text: `Attached ${file.name}.` });
      } catch (e) {
        out.push({ text: (e as Error).message, error: true });
      }
    }
    done(added, out);
  };
  const pick = async () => {
    setNotes([]);
    try {
      const added = await call('attachSupplierDocumentFromDialog', { ref: supplierRef, topic });
      done(added, added.length ? [{ text: `Attached ${added.map((f) => f.name).join(', ')}.` }] : []);
    } catch (e) {
      done([], [{ text: (e as Error).message, error: true }]);
    }
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
      onDragOver={onDragOver}
      onDragEnter={onDragOver}
      onDragLeave={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDragging(false);
      }}
      onDrop={(e) => {
        e.preventDefault();
        setDragging(false);
        const list = Array.from(e.dataTransfer?.files ?? []);
        if (list.length) void attachDropped(list);
      }}
    >
      <h3 className="record-title">{label}</h3>
      <section className="evidence" aria-label={`Evidence files for ${label}`}>
        <h4>Evidence files</h4>
        <p className="hint">No files yet.</p>
        <div className="actions">
          <button type="button" className="secondary small" onClick={pick} disabled={busy}>
            Attach file…
          </button>
          <span className="hint drop-hint">{busy ? 'Attaching…' : 'or drop files here (PDF, image or Word, up to 25 MB)'}</span>
        </div>
        {notes.map((n, i) => (
          <p key={i} role={n.error ? 'alert' : 'status'} className={n.error ? 'form-error' : 'saved'}>
            {n.text}
          </p>
        ))}
      </section>
    </article>
  );
}
