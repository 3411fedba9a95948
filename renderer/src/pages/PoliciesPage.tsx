// The firm's policies (handover, whistleblowing, complaints, lone working, information
// security): each kind with its ORG-* rule status, its records and their documents, and
// add / edit / record a review. Route: #/policies, or #/policies/KIND to jump to one.
import { useEffect, useState } from 'react';
import { isoDate } from '../../../electron/contract/dates';
import { POLICY_KINDS, type PolicyKind } from '../../../electron/contract/model';
import { call } from '../api';
import { useLoad } from '../hooks';
import { StatusBadge } from '../components/Status';
import { DateField } from '../components/DateField';
import { POLICY_OF_RULE } from '../links';
import { KINDS, POLICY_WORDS } from './staff/kinds';
import { RecordList, type StoredRec } from './staff/Records';

const RULE_OF_POLICY = Object.fromEntries(Object.entries(POLICY_OF_RULE).map(([rule, kind]) => [kind, rule])) as Record<PolicyKind, string>;

export function PoliciesPage({ focus }: { focus?: string }) {
  const { data, error, reload } = useLoad(
    () => Promise.all([call('listRecords', { owner: { type: 'firm' } }), call('complianceReport', {}), call('ruleCatalogue', {})]),
    [],
  );
  useEffect(() => {
    if (data && focus) document.getElementById(`policy-${focus}`)?.scrollIntoView({ block: 'start' });
  }, [data, focus]);
  if (error)
    return (
      <p role="alert" className="form-error">
        {error}
      </p>
    );
  if (!data) return <p aria-busy="true">Loading…</p>;
  const [records, report, catalogue] = data;
  const today = report.asOf;
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">Organisation policies</h1>
      <p className="hint">
        Each policy needs a review at least once a year. Attach the current document to its record, and record each review when it happens.{' '}
        <a href="#/settings">Back to Settings</a>
      </p>
      {POLICY_KINDS.map((kind) => {
        const rule = RULE_OF_POLICY[kind];
        const result = report.firm.rules.find((r) => r.rule === rule);
        const info = catalogue.find((r) => r.id === rule);
        const mine = records.filter((r) => r.kind === 'policy' && r.data.kind === kind).map((r) => r.data as StoredRec);
        return (
          <section key={kind} id={`policy-${kind}`} className="card policy" aria-labelledby={`policy-${kind}-title`} data-rule={rule}>
            <div className="page-head">
              <h2 id={`policy-${kind}-title`}>{info?.title ?? POLICY_WORDS[kind]}</h2>
              {result ? <StatusBadge status={result.status} /> : null}
            </div>
            {result ? <p>{result.reason}</p> : null}
            <p className="hint">
              {info?.summary} <span className="rule-id">{rule}</span> ({info?.source})
            </p>
            <RecordList
              spec={KINDS.policy}
              owner={{ type: 'firm' }}
              records={mine}
              fixed={{ kind }}
              addLabel={`Add ${/^[aeiou]/i.test(POLICY_WORDS[kind]) ? 'an' : 'a'} ${POLICY_WORDS[kind].toLowerCase()} policy`}
              onChanged={reload}
              extraActions={(r) => <ReviewAction record={r} today={today} onSaved={reload} />}
            />
          </section>
        );
      })}
    </section>
  );
}

/** "Record a review": sets the policy's review date (today unless changed). */
function ReviewAction({ record, today, onSaved }: { record: StoredRec; today: string; onSaved: () => void }) {
  const [open, setOpen] = useState(false);
  const [on, setOn] = useState(today);
  const [error, setError] = useState<string | undefined>();
  const [touched, setTouched] = useState(false);
  const clientError = isoDate.safeParse(on).success ? (on > today ? 'must not be in the future' : undefined) : 'must be a real date written as YYYY-MM-DD';
  const save = async () => {
    setTouched(true);
    if (clientError) return;
    try {
      const { id: _id, evidence: _e, ...data } = record;
      await call('updateRecord', { id: record.id, data: { ...data, reviewedOn: on } });
      setOpen(false);
      onSaved();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  if (!open) {
    return (
      <button type="button" className="small" onClick={() => setOpen(true)} aria-label={`Record a review of ${String(record.title)}`}>
        Record a review…
      </button>
    );
  }
  return (
    <div className="review-inline" role="group" aria-label={`Review of ${String(record.title)}`}>
      <DateField
        label="Reviewed on"
        name="reviewedOn"
        value={on}
        onChange={(v) => (setOn(v), setTouched(true), setError(undefined))}
        error={error ?? (touched ? clientError : undefined)}
      />
      <button type="button" className="small" onClick={save}>
        Save review
      </button>
      <button type="button" className="secondary small" onClick={() => setOpen(false)}>
        Cancel
      </button>
    </div>
  );
}
