// A staff member's, supplier's or case's history from the audit trail: every change to it and
// to its records, newest first (the trail follows the record's id, so a changed reference keeps its past).
import { Suspense, useState } from 'react';
import type { HistoryKind } from '../../../electron/contract/ops/audit';
import { useOp } from '../data/query';
import { AuditEntries } from './AuditEntries';
import { PageLoading } from './PageStates';

function Entries({ kind, reference }: { kind: HistoryKind; reference: string }) {
  const entries = useOp('recordHistory', { kind, ref: reference });
  if (!entries.length) return <p className="hint">Nothing recorded yet.</p>;
  return <AuditEntries entries={entries} label={`Change history of ${reference}`} showSubject={false} />;
}

export function RecordHistory({ kind, reference }: { kind: HistoryKind; reference: string }) {
  // Asked for only when opened: each screen asks for what it shows.
  const [open, setOpen] = useState(false);
  return (
    <section aria-labelledby={`audit-history-${kind}`} className="record-history">
      <details onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary>
          <h2 id={`audit-history-${kind}`} style={{ display: 'inline' }}>
            Change history
          </h2>{' '}
          <span className="hint">(who changed what and when, from the audit trail)</span>
        </summary>
        {open ? (
          <Suspense fallback={<PageLoading />}>
            <Entries kind={kind} reference={reference} />
          </Suspense>
        ) : null}
      </details>
    </section>
  );
}
