// The Audit page (issue 11): the audit trail, newest first, filtered by person, record and
// dates, and exported to a spreadsheet. The trail cannot be edited from here or anywhere else.
import { Suspense, useDeferredValue, useState } from 'react';
import type { AuditFilterInput } from '../../../../electron/contract/ops/audit';
import { AuditEntries } from '../../components/AuditEntries';
import { DateField } from '../../components/DateField';
import { PageLoading } from '../../components/PageStates';
import { useAction, useOp } from '../../data/query';

const SHOWN = 200;

/** The entries a filter selects; its own boundary, so typing in the filters never loses focus. */
function Results({ filter }: { filter: AuditFilterInput }) {
  const page = useOp('listAudit', { ...filter, limit: SHOWN });
  return (
    <>
      <p role="status">
        {page.total === 0
          ? 'No entries match.'
          : page.total > page.entries.length
            ? `Showing the newest ${page.entries.length} of ${page.total.toLocaleString('en-GB')} entries.`
            : `${page.total.toLocaleString('en-GB')} entr${page.total === 1 ? 'y' : 'ies'}.`}
      </p>
      {page.entries.length ? <AuditEntries entries={page.entries} label="Audit trail entries" /> : null}
    </>
  );
}

export function AuditPage() {
  const [who, setWho] = useState('');
  const [subject, setSubject] = useState('');
  const [since, setSince] = useState('');
  const [until, setUntil] = useState('');
  const filter: AuditFilterInput = {
    ...(who ? { who } : {}),
    ...(subject.trim() ? { subject: subject.trim() } : {}),
    ...(/^\d{4}-\d{2}-\d{2}$/.test(since) ? { since } : {}),
    ...(/^\d{4}-\d{2}-\d{2}$/.test(until) ? { until } : {}),
  };
  const shownFilter = useDeferredValue(filter);
  const people = useOp('auditPeople', {});
  const exporter = useAction('exportAuditToDialog');
  const [saved, setSaved] = useState<string | null>(null);
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">Audit trail</h1>
      <p className="hint">
        Every change to the vault&apos;s records, and every import, export, pack, backup, restore, passphrase change, unlock and lock: who, when, and the values
        before and after. Entries are permanent and each is chained to the one before, so a change made outside Caseproof is found by{' '}
        <code>caseproof check</code>.
      </p>
      <div className="audit-filters" role="search" aria-label="Filter the audit trail">
        <label>
          Person
          <select value={who} onChange={(e) => setWho(e.target.value)}>
            <option value="">Everyone</option>
            {people.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        </label>
        <label>
          Record (reference)
          <input value={subject} onChange={(e) => setSubject(e.target.value)} placeholder="e.g. RR-02" />
        </label>
        <DateField label="From" value={since} onChange={setSince} />
        <DateField label="To" value={until} onChange={setUntil} />
        <button
          className="secondary"
          disabled={exporter.isPending}
          onClick={() => void exporter.mutateAsync(filter).then((r) => setSaved(r.path ? `Saved ${r.entries} entries to ${r.path}.` : null))}
        >
          Export to spreadsheet…
        </button>
      </div>
      {saved ? (
        <p className="notice" role="status">
          {saved}
        </p>
      ) : null}
      <Suspense fallback={<PageLoading />}>
        <Results filter={shownFilter} />
      </Suspense>
    </section>
  );
}
