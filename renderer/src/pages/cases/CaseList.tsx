// Every case, searched by reference or initials and filtered by case manager, status,
// instructing party and injury; the search runs in the vault, a page at a time.
import { useEffect, useState } from 'react';
import { CASE_STATUSES, INJURIES } from '../../../../electron/contract/model';
import type { CaseListQuery } from '../../../../electron/contract/ops/cases';
import { call } from '../../api';
import { SelectField, TextField } from '../../components/fields';
import { useLoad } from '../../hooks';
import { ukDate } from '../../format';
import { CaseForm } from './CaseForm';
import { CaseStatus } from './CaseStatus';
import { CASE_STATUS_WORDS, INJURY_WORDS, options, partyWord, word } from './words';

const PAGE = 50;

export function CaseList() {
  const [search, setSearch] = useState('');
  const [debounced, setDebounced] = useState('');
  const [filters, setFilters] = useState<Omit<CaseListQuery, 'search' | 'limit' | 'offset'>>({});
  const [offset, setOffset] = useState(0);
  const [adding, setAdding] = useState(false);
  useEffect(() => {
    const t = setTimeout(() => setDebounced(search.trim()), 200);
    return () => clearTimeout(t);
  }, [search]);
  const lists = useLoad(() => Promise.all([call('listStaff', {}), call('listParties', {})]), [adding]);
  const q = { ...filters, ...(debounced ? { search: debounced } : {}), limit: PAGE, offset };
  const { data, error, reload } = useLoad(() => call('listCases', q), [JSON.stringify(q)]);
  const setFilter = (k: keyof typeof filters, v: string | number | undefined) => {
    setOffset(0);
    setFilters((f) => ({ ...f, [k]: v }));
  };
  const [staff, parties] = lists.data ?? [[], []];
  return (
    <section aria-labelledby="page-title">
      <header className="page-head">
        <h1 id="page-title">Cases</h1>
        {!adding ? <button onClick={() => setAdding(true)}>Add a case</button> : null}
      </header>
      {adding ? (
        <CaseForm
          onSaved={(ref) => {
            setAdding(false);
            window.location.hash = `/cases/${encodeURIComponent(ref)}`;
          }}
          onCancel={() => setAdding(false)}
        />
      ) : null}
      <form className="card filters" role="search" aria-label="Find cases" onSubmit={(e) => e.preventDefault()}>
        <TextField
          label="Search by reference or initials"
          name="search"
          value={search}
          onChange={(v) => {
            setOffset(0);
            setSearch(v);
          }}
        />
        <SelectField
          label="Case manager"
          name="caseManager"
          value={filters.caseManager}
          onChange={(v) => setFilter('caseManager', v)}
          options={staff.map((s) => [s.ref, s.name] as [string, string])}
          blank="All case managers"
        />
        <SelectField
          label="Status"
          name="status"
          value={filters.status}
          onChange={(v) => setFilter('status', v)}
          options={options(CASE_STATUSES, CASE_STATUS_WORDS)}
          blank="Any status"
        />
        <SelectField
          label="Instructing party"
          name="partyId"
          value={filters.partyId === undefined ? undefined : String(filters.partyId)}
          onChange={(v) => setFilter('partyId', v === undefined ? undefined : Number(v))}
          options={parties.map((p) => [String(p.id), `${p.name} (${partyWord(p.kind)})`] as [string, string])}
          blank="All instructing parties"
        />
        <SelectField
          label="Injury"
          name="injury"
          value={filters.injury}
          onChange={(v) => setFilter('injury', v)}
          options={options(INJURIES, INJURY_WORDS)}
          blank="Any injury"
        />
      </form>
      {error ? (
        <p role="alert" className="form-error">
          {error}{' '}
          <button className="secondary small" onClick={reload}>
            Try again
          </button>
        </p>
      ) : null}
      {data ? (
        <>
          <p className="hint" role="status">
            {data.total === 0
              ? 'No cases match.'
              : `Showing ${data.offset + 1}–${data.offset + data.rows.length} of ${data.total.toLocaleString('en-GB')} case${data.total === 1 ? '' : 's'}.`}
          </p>
          {data.rows.length > 0 ? (
            <div className="scroll-x">
              <table className="table" aria-label="Cases">
                <thead>
                  <tr>
                    <th scope="col">Reference</th>
                    <th scope="col">Initials</th>
                    <th scope="col">Case manager</th>
                    <th scope="col">Instructing party</th>
                    <th scope="col">Status</th>
                    <th scope="col">Injury</th>
                    <th scope="col">Opened</th>
                  </tr>
                </thead>
                <tbody>
                  {data.rows.map((c) => (
                    <tr key={c.ref}>
                      <th scope="row">
                        <a href={`#/cases/${encodeURIComponent(c.ref)}`}>{c.ref}</a>
                      </th>
                      <td>{c.initials ?? ''}</td>
                      <td>{c.caseManagerName}</td>
                      <td>{c.party}</td>
                      <td>
                        <CaseStatus status={c.status} />
                      </td>
                      <td>{c.injury ? word(c.injury) : ''}</td>
                      <td>{ukDate(c.openedOn)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
          {data.total > PAGE ? (
            <div className="actions pager">
              <button className="secondary" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
                Previous page
              </button>
              <button className="secondary" disabled={offset + PAGE >= data.total} onClick={() => setOffset(offset + PAGE)}>
                Next page
              </button>
            </div>
          ) : null}
        </>
      ) : !error ? (
        <p aria-busy="true">Loading…</p>
      ) : null}
    </section>
  );
}
