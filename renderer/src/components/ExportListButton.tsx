// "Save as spreadsheet…": the list on screen as an XLSX workbook (exportListToDialog), saved
// where the user chooses, with a quiet line saying where it went.
import { useState } from 'react';
import type { ExportList } from '../../../electron/contract/ops/screens';
import { useAction } from '../data/query';

export function ExportListButton({ list, staffRef, what }: { list: ExportList; staffRef?: string; what: string }) {
  const save = useAction('exportListToDialog');
  const [note, setNote] = useState<{ text: string; error?: boolean } | null>(null);
  const run = async () => {
    setNote(null);
    try {
      const r = await save.mutateAsync(staffRef ? { list, staffRef } : { list });
      if (r.path) setNote({ text: `Saved ${what} (${r.rows} ${r.rows === 1 ? 'row' : 'rows'}) to ${r.path}.` });
    } catch (e) {
      setNote({ text: (e as Error).message, error: true });
    }
  };
  return (
    <span className="export-list">
      <button type="button" className="secondary" onClick={() => void run()} disabled={save.isPending}>
        Save {what} as a spreadsheet…
      </button>
      <span role={note?.error ? 'alert' : 'status'} className={note?.error ? 'form-error' : 'saved'}>
        {note?.text ?? ''}
      </span>
    </span>
  );
}
