// Attaching files to something: dropped files (read here, checked for size first) or
// files picked in main's dialog, with one line of feedback per file. Shared by evidence
// records and by supplier documents, which differ only in the two upload actions (each
// refreshes what shows the files, see data/ops.ts).
import { useState, type DragEvent } from 'react';
import { MAX_EVIDENCE_BYTES, type EvidenceMeta } from '../../../electron/contract/model';
import { fileToBase64 } from '../base64';

export type Note = { text: string; error?: boolean };

export function useAttach(opts: { upload: (name: string, base64: string) => Promise<EvidenceMeta>; pick: () => Promise<EvidenceMeta[]> }) {
  const [busy, setBusy] = useState(false);
  const [dragging, setDragging] = useState(false);
  const [notes, setNotes] = useState<Note[]>([]);

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
        await opts.upload(file.name, await fileToBase64(file));
        out.push({ text: `Attached ${file.name}.` });
      } catch (e) {
        out.push({ text: (e as Error).message, error: true });
      }
    }
    setBusy(false);
    setNotes(out);
  };
  const pick = async () => {
    setNotes([]);
    try {
      const added = await opts.pick();
      if (added.length) setNotes([{ text: `Attached ${added.map((f) => f.name).join(', ')}.` }]);
    } catch (e) {
      setNotes([{ text: (e as Error).message, error: true }]);
    }
  };
  const onDragOver = (e: DragEvent) => {
    if (!Array.from(e.dataTransfer?.types ?? []).includes('Files')) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
    setDragging(true);
  };
  /** Props for the element files are dropped onto. */
  const dropTarget = {
    onDragOver,
    onDragEnter: onDragOver,
    onDragLeave: (e: DragEvent) => {
      if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDragging(false);
    },
    onDrop: (e: DragEvent) => {
      e.preventDefault();
      setDragging(false);
      const list = Array.from(e.dataTransfer?.files ?? []);
      if (list.length) void attachDropped(list);
    },
  };
  return { busy, dragging, notes, setNotes, pick, dropTarget };
}

/** The "Attach file…" button, the drop hint, and the feedback lines. */
export function AttachBar({ busy, notes, onPick, where }: { busy: boolean; notes: Note[]; onPick: () => void; where: string }) {
  return (
    <>
      <div className="actions">
        <button type="button" className="secondary small" onClick={onPick} disabled={busy}>
          Attach file…
        </button>
        <span className="hint drop-hint">{busy ? 'Attaching…' : `or drop files ${where} (PDF, image or Word, up to 25 MB)`}</span>
      </div>
      {notes.map((n, i) => (
        <p key={i} role={n.error ? 'alert' : 'status'} className={n.error ? 'form-error' : 'saved'}>
          {n.text}
        </p>
      ))}
    </>
  );
}
