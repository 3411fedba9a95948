// The supplier list: overall status (word and colour), vetting state, services and next
// review date, with a search by name and filters by service and by status.
// Search and filters run over every supplier; the table draws the first PAGE matches and
// a "Show more" button adds the next PAGE, so 2,000 suppliers draw as fast as 100.
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { STATUS_WORDS, type OverallStatus } from '../../../../electron/contract/compliance';
import { SUPPLIER_SERVICES } from '../../../../electron/contract/model';
import { VETTING_STATES, VETTING_WORDS, type SupplierListItem, type VettingState } from '../../../../electron/contract/ops/suppliers';
import { Link, useNavigate } from '@tanstack/react-router';
import { useOp } from '../../data/query';
import { ExportListButton } from '../../components/ExportListButton';
import { StatusBadge } from '../../components/Status';
import { ukDate } from '../../format';
import { MinimumsEditor } from './MinimumsEditor';
import { SupplierForm } from './SupplierForm';
import { VettingBadge } from './VettingBadge';

const OVERALL: OverallStatus[] = ['not_met', 'due_soon', 'met'];
/** Rows drawn at first and added by each "Show more". */
export const PAGE = 100;
const key = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase();

/** The usual services and every one in use, without case duplicates. */
export function servicesOf(list: SupplierListItem[]): string[] {
  const seen = new Map<string, string>();
  for (const s of [...SUPPLIER_SERVICES, ...list.flatMap((x) => x.services).sort((a, b) => a.localeCompare(b, 'en-GB'))])
    if (!seen.has(key(s))) seen.set(key(s), s.trim());
  return [...seen.values()];
}

export function SupplierList() {
  const list = useOp('supplierList', {});
  const navigate = useNavigate();
  const [adding, setAdding] = useState(false);
  const [search, setSearch] = useState('');
  const [service, setService] = useState('');
  const [status, setStatus] = useState('');
  const ids = { search: useId(), service: useId(), status: useId() };
  // How many rows are drawn, for the search and filters they were drawn for: a new search or
  // filter starts again from the first page.
  const filterKey = `${search}\u0000${service}\u0000${status}`;
  const [page, setPage] = useState({ key: filterKey, n: PAGE });
  const limit = page.key === filterKey ? page.n : PAGE;
  const focusRow = useRef<string | null>(null);
  const services = useMemo(() => servicesOf(list), [list]);
  const shown = useMemo(
    () =>
      list.filter((s) => {
        if (search.trim() && !s.name.toLowerCase().includes(search.trim().toLowerCase())) return false;
        if (service && !s.services.some((x) => key(x) === key(service))) return false;
        if (status.startsWith('v:') && s.vetting.state !== (status.slice(2) as VettingState)) return false;
        if (status.startsWith('s:') && s.status !== status.slice(2)) return false;
        return true;
      }),
    [list, search, service, status],
  );
  // After "Show more", focus moves to the first row just drawn, where the eye goes next.
  useEffect(() => {
    if (!focusRow.current) return;
    document.querySelector<HTMLAnchorElement>(`tr[data-ref="${CSS.escape(focusRow.current)}"] a`)?.focus();
    focusRow.current = null;
  }, [limit]);
  const drawn = shown.length > limit ? shown.slice(0, limit) : shown;
  const more = (to: number) => {
    focusRow.current = shown[limit]?.ref ?? null;
    setPage({ key: filterKey, n: to });
  };
  const filtered = !!(search.trim() || service || status);
  return (
    <section aria-labelledby="page-title">
      <header className="page-head">
        <h1 id="page-title">Suppliers</h1>
        {!adding ? <button onClick={() => setAdding(true)}>Add supplier</button> : null}
        <ExportListButton list="suppliers" what="every supplier" />
      </header>
      {adding ? (
        <SupplierForm knownServices={services} onSaved={(ref) => void navigate({ to: '/suppliers/$ref', params: { ref } })} onCancel={() => setAdding(false)} />
      ) : null}
      {list.length === 0 ? (
        <p>No suppliers yet. Add the first therapy or care provider to start its vetting file, or import a firm file from Settings.</p>
      ) : null}
      {list.length > 0 ? (
        <>
          <div className="sv-filters" role="search" aria-label="Find suppliers">
            <div className="field">
              <label htmlFor={ids.search}>Search by name</label>
              <input id={ids.search} type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
            </div>
            <div className="field">
              <label htmlFor={ids.service}>Service</label>
              <select id={ids.service} value={service} onChange={(e) => setService(e.target.value)}>
                <option value="">All services</option>
                {services.map((s) => (
                  <option key={s} value={s}>
                    {s}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={ids.status}>Status</label>
              <select id={ids.status} value={status} onChange={(e) => setStatus(e.target.value)}>
                <option value="">Any status</option>
                <optgroup label="Vetting">
                  {VETTING_STATES.map((v) => (
                    <option key={v} value={`v:${v}`}>
                      {VETTING_WORDS[v]}
                    </option>
                  ))}
                </optgroup>
                <optgroup label="Evidence">
                  {OVERALL.map((o) => (
                    <option key={o} value={`s:${o}`}>
                      {STATUS_WORDS[o]}
                    </option>
                  ))}
                </optgroup>
              </select>
            </div>
          </div>
          <p className="hint" role="status">
            {filtered ? `Showing ${shown.length} of ${list.length} suppliers.` : `${list.length} supplier${list.length === 1 ? '' : 's'}.`}
          </p>
          <table className="table" aria-label="Suppliers">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Services</th>
                <th scope="col">Vetting</th>
                <th scope="col">Evidence</th>
                <th scope="col">Next review</th>
              </tr>
            </thead>
            <tbody>
              {drawn.map((s) => (
                <tr key={s.ref} data-ref={s.ref}>
                  <td>
                    <Link to="/suppliers/$ref" params={{ ref: s.ref }}>
                      {s.name}
                    </Link>
                    <div className="hint">{s.ref}</div>
                  </td>
                  <td>{s.services.join(', ')}</td>
                  <td title={s.vetting.reason}>
                    <VettingBadge state={s.vetting.state} />
                  </td>
                  <td>
                    <StatusBadge status={s.status} />
                  </td>
                  <td>{s.vetting.state === 'rejected' ? '—' : ukDate(s.vetting.nextReviewOn) || '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {drawn.length < shown.length ? (
            <p className="sv-more">
              <span className="hint">
                Showing the first {drawn.length} of {shown.length} {filtered ? 'matches' : 'suppliers'}; search or filter to find one.
              </span>{' '}
              <button type="button" onClick={() => more(limit + PAGE)}>
                Show {Math.min(PAGE, shown.length - drawn.length)} more
              </button>{' '}
              <button type="button" onClick={() => more(shown.length)}>
                Show all {shown.length}
              </button>
            </p>
          ) : null}
          {shown.length === 0 ? <p>No supplier matches. Clear the search or filters to see them all.</p> : null}
        </>
      ) : null}
      <MinimumsEditor services={services} />
    </section>
  );
}
