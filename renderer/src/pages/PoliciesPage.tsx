// The firm's policies (handover, whistleblowing, complaints, lone working, information
// security): each kind with its ORG-* rule status, its records and their documents, and
// add / edit / record a review. Route: /policies, or /policies/KIND to jump to one.
import { useEffect, useState } from 'react';
import { Link } from '@tanstack/react-router';
import { z } from 'zod';
import { isoDate } from '../../../electron/contract/dates';
import { POLICY_KINDS, policy, type Policy, type PolicyKind, type Stored } from '../../../electron/contract/model';
import type { StoredRecord } from '../../../electron/contract/views';
import { useAction, useOps } from '../data/query';
import { StatusBadge } from '../components/Status';
import { useInlineFormFocus } from '../components/focus';
import { useContractForm } from '../forms/useContractForm';
import { DateInput, FormMessage } from '../forms/inputs';
import { POLICY_OF_RULE } from '../links';
import { KINDS, POLICY_WORDS } from './staff/kinds';
import { RecordList } from './staff/Records';

const RULE_OF_POLICY = Object.fromEntries(Object.entries(POLICY_OF_RULE).map(([rule, kind]) => [kind, rule])) as Record<PolicyKind, string>;

/** A stored firm record that is a policy, read with the contract's policy schema. */
function policyOf(r: StoredRecord): Stored<Policy> | null {
  if (r.kind !== 'policy') return null;
  const { id, evidence, ...payload } = r.data;
  const p = policy.safeParse(payload);
  return p.success ? { ...p.data, id, evidence } : null;
}

export function PoliciesPage({ focus }: { focus?: PolicyKind }) {
  const [records, report, catalogue] = useOps([
    ['listRecords', { owner: { type: 'firm' } }],
    ['complianceReport', {}],
    ['ruleCatalogue', {}],
  ]);
  useEffect(() => {
    if (focus) document.getElementById(`policy-${focus}`)?.scrollIntoView({ block: 'start' });
  }, [focus]);
  const policies = records.map(policyOf).filter((p) => p !== null);
  const today = report.asOf;
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">Organisation policies</h1>
      <p className="hint">
        Each policy needs a review at least once a year. Attach the current document to its record, and record each review when it happens.{' '}
        <Link to="/settings">Back to Settings</Link>
      </p>
      {POLICY_KINDS.map((kind) => {
        const rule = RULE_OF_POLICY[kind];
        const result = report.firm.rules.find((r) => r.rule === rule);
        const info = catalogue.find((r) => r.id === rule);
        const mine = policies.filter((p) => p.kind === kind);
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
              extraActions={(r) => <ReviewAction record={r} today={today} />}
            />
          </section>
        );
      })}
    </section>
  );
}

/** "Record a review": sets the policy's review date (today unless changed). */
function ReviewAction({ record, today }: { record: Stored<Policy>; today: string }) {
  const [open, setOpen] = useState(false);
  if (!open) {
    return (
      <button type="button" className="small" onClick={() => setOpen(true)} aria-label={`Record a review of ${record.title}`}>
        Record a review…
      </button>
    );
  }
  return <ReviewForm record={record} today={today} onDone={() => setOpen(false)} />;
}

function ReviewForm({ record, today, onDone }: { record: Stored<Policy>; today: string; onDone: () => void }) {
  const schema = z.strictObject({ reviewedOn: isoDate.refine((d) => d <= today, 'must not be in the future') });
  const f = useContractForm(schema, { reviewedOn: today }, { prefix: 'data' });
  const update = useAction('updateRecord');
  const save = f.submit(async ({ reviewedOn }) => {
    const { id, evidence: _e, ...data } = record;
    await update.mutateAsync({ id, data: { ...data, reviewedOn } });
    onDone();
  });
  const focusRef = useInlineFormFocus<HTMLDivElement>();
  return (
    <div className="review-inline" role="group" aria-label={`Review of ${record.title}`} ref={focusRef}>
      <DateInput form={f} name="reviewedOn" label="Reviewed on" />
      <button type="button" className="small" onClick={save}>
        Save review
      </button>
      <button type="button" className="secondary small" onClick={onDone}>
        Cancel
      </button>
      <FormMessage form={f} />
    </div>
  );
}
