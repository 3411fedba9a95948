// Every case, searched by reference or initials and filtered by case manager, status,
// instructing party and injury; the search runs in the vault, a page at a time.
import { useEffect, useState } from 'react';
import { Link, useNavigate } from '@tanstack/react-router';
import { useWatch } from 'react-hook-form';
import { CASE_STATUSES, INJURIES } from '../../../../electron/contract/model';
import { caseListQuery, type CaseListQuery, type PartyView } from '../../../../electron/contract/ops/cases';
import { ExportListButton } from '../../components/ExportListButton';
import { SelectField } from '../../components/fields';
import { PageLoading } from '../../components/PageStates';
import { useOpQuery, useOps } from '../../data/query';
import { useContractForm, withoutBlanks, type ContractForm } from '../../forms/useContractForm';
import { SelectInput, TextInput, useBound } from '../../forms/inputs';
import { ukDate } from '../../format';
import { CaseForm } from './CaseForm';
import { CaseStatus } from './CaseStatus';
import { CASE_STATUS_WORDS, INJURY_WORDS, options, partyWord, word } from './words';

const PAGE = 50;

/** `value`, once it has stayed the same for `ms`. */
function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return settled;
}

type Filters = Omit<CaseListQuery, 'limit' | 'offset'>;
const filterForm = caseListQuery.omit({ limit: true, offset: true });

export function CaseList() {
  const [staff, parties] = useOps([
    ['listStaff', {}],
    ['listParties', {}],
  ]);
  const navigate = useNavigate();
  const [adding, setAdding] = useState(false);
  const f = useContractForm(filterForm, {});
  const typed = useWatch({ control: f.control });
  // The search runs a moment after the typing stops; the filters at once.
  const search = useDebounced(typed.search?.trim() ?? '', 200);
  const checked = filterForm.safeParse(withoutBlanks({ ...typed, search }));
  // While a filter is wrong (its error shows beside it), the list stays as it was.
  const [filters, setFilters] = useState<Filters>({});
  const next = checked.success ? checked.data : filters;
  if (JSON.stringify(next) !== JSON.stringify(filters)) setFilters(next);
  // A new search or filter starts again at the first page.
  const [page, setPage] = useState({ of: '{}', offset: 0 });
  const key = JSON.stringify(filters);
  const offset = page.of === key ? page.offset : 0;
  const list = useOpQuery('listCases', { ...filters, limit: PAGE, offset }, { keepPrevious: true });
  const data = list.data;
  return (
    <section aria-labelledby="page-title">
      <header className="page-head">
        <h1 id="page-title">Cases</h1>
        {!adding ? <button onClick={() => setAdding(true)}>Add a case</button> : null}
        <ExportListButton list="cases" what="every case" />
      </header>
      {adding ? (
        <CaseForm
          onSaved={(ref) => {
            setAdding(false);
            void navigate({ to: '/cases/$ref', params: { ref } });
          }}
          onCancel={() => setAdding(false)}
        />
      ) : null}
      <form className="card filters" role="search" aria-label="Find cases" onSubmit={(e) => e.preventDefault()}>
        <TextInput form={f} name="search" label="Search by reference or initials" />
        <SelectInput form={f} name="caseManager" label="Case manager" options={staff.map((s) => [s.ref, s.name] as const)} blank="All case managers" />
        <SelectInput form={f} name="status" label="Status" options={options(CASE_STATUSES, CASE_STATUS_WORDS)} blank="Any status" />
        <PartyFilter form={f} parties={parties} />
        <SelectInput form={f} name="injury" label="Injury" options={options(INJURIES, INJURY_WORDS)} blank="Any injury" />
      </form>
      {list.error ? (
        <p role="alert" className="form-error">
          {list.error.message}{' '}
          <button className="secondary small" onClick={() => void list.refetch()}>
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
                        <Link to="/cases/$ref" params={{ ref: c.ref }}>
                          {c.ref}
                        </Link>
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
              <button className="secondary" disabled={offset === 0} onClick={() => setPage({ of: key, offset: Math.max(0, offset - PAGE) })}>
                Previous page
              </button>
              <button className="secondary" disabled={offset + PAGE >= data.total} onClick={() => setPage({ of: key, offset: offset + PAGE })}>
                Next page
              </button>
            </div>
          ) : null}
        </>
      ) : !list.error ? (
        <PageLoading />
      ) : null}
    </section>
  );
}

/** The instructing party to filter by: chosen by name, sent as its contact id. */
function PartyFilter<O>({ form, parties }: { form: ContractForm<Filters, O>; parties: PartyView[] }) {
  const b = useBound(form, 'partyId');
  return (
    <SelectField
      label="Instructing party"
      name="partyId"
      value={typeof b.value === 'number' ? String(b.value) : undefined}
      onChange={(v) => b.set(v === undefined ? undefined : Number(v))}
      onBlur={b.onBlur}
      inputRef={b.ref}
      error={b.error}
      options={parties.map((p) => [String(p.id), `${p.name} (${partyWord(p.kind)})`] as const)}
      blank="All instructing parties"
    />
  );
}
