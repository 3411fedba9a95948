// Audit trail entries as a table: when, who, what happened, to what, and each field's value
// before and after. Shared by the Audit page and every record's history.
import type { AuditChange, AuditEntryView } from '../../../electron/contract/ops/audit';
import { ukDateTime } from '../format';
import { fieldWords, isBookkeeping, valueWords } from './auditWords';

const words = (c: AuditChange, v: string) => valueWords(v, c.field, c.yesNo);

function Changes({ e }: { e: AuditEntryView }) {
  if (e.erased) return <p className="hint">The values were erased when the record passed its retention period.</p>;
  if (e.bulk) return <BulkRows e={e} bulk={e.bulk} />;
  if (e.details && Object.keys(e.details).length) {
    return (
      <ul className="audit-changes">
        {Object.entries(e.details).map(([k, v]) => (
          <li key={k}>
            {fieldWords(k)}: {typeof v === 'string' ? valueWords(v, k) : JSON.stringify(v)}
          </li>
        ))}
      </ul>
    );
  }
  // A whole record added or removed lists its values; the vault's own numbering is left out
  // (a change to it, in an edit, is still shown).
  const whole = e.changes.every((c) => c.before === null) || e.changes.every((c) => c.after === null);
  const shown = whole ? e.changes.filter((c) => !isBookkeeping(c.field)) : e.changes;
  if (!shown.length) return null;
  return (
    <ul className="audit-changes">
      {shown.map((c) => (
        <li key={c.field}>
          {fieldWords(c.field)}: {c.before !== null ? <del aria-label={`was ${words(c, c.before)}`}>{words(c, c.before)}</del> : null}
          {c.before !== null && c.after !== null ? ' → ' : null}
          {c.after !== null ? <ins aria-label={`now ${words(c, c.after)}`}>{words(c, c.after)}</ins> : null}
          {c.before === null && c.after === null ? '(empty)' : null}
        </li>
      ))}
    </ul>
  );
}

/**
 * A bulk write's entry: one line per record it wrote (an import of 50 CPD rows is one entry).
 * A whole firm file is tens of thousands of rows: the Audit page lists the first of them and
 * says so; a person's or a case's history lists all of theirs.
 */
function BulkRows({ e, bulk }: { e: AuditEntryView; bulk: NonNullable<AuditEntryView['bulk']> }) {
  const more = bulk.total - bulk.rows.length;
  return (
    <details className="audit-changes">
      <summary>
        {bulk.total.toLocaleString('en-GB')} {bulk.total === 1 ? 'record' : 'records'}
        {bulk.file ? ` from ${bulk.file}` : ''}
      </summary>
      {more > 0 ? (
        <p className="hint">
          The first {bulk.rows.length.toLocaleString('en-GB')} are listed here; each person's, supplier's or case's own history lists all of theirs, and the
          spreadsheet export lists every one.
        </p>
      ) : null}
      <ul aria-label={`Records in entry ${e.seq}`}>
        {bulk.rows.map((x) => (
          <li key={`${x.table}-${x.rowId}-${x.action}`}>
            {x.action === 'create' ? 'Added' : x.action === 'delete' ? 'Deleted' : 'Changed'} {x.table} row {x.rowId}
            {x.changes.length ? `: was ${x.changes.map((c) => `${c.field} ${c.before ?? '(empty)'}`).join(', ')}` : ''}
          </li>
        ))}
      </ul>
    </details>
  );
}

export function AuditEntries({ entries, label, showSubject = true }: { entries: AuditEntryView[]; label: string; showSubject?: boolean }) {
  return (
    <table className="table audit-table" aria-label={label}>
      <thead>
        <tr>
          <th scope="col">Entry</th>
          <th scope="col">When</th>
          <th scope="col">Who</th>
          <th scope="col">What happened</th>
          {showSubject ? <th scope="col">About</th> : null}
          <th scope="col">Changes</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((e) => (
          <tr key={e.seq}>
            <td>{e.seq}</td>
            <td>{ukDateTime(e.at)}</td>
            <td>{e.who}</td>
            <td>
              {e.actionWords}
              {e.what ? `: ${e.what}` : ''}
            </td>
            {showSubject ? <td>{e.subject}</td> : null}
            <td>
              <Changes e={e} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
