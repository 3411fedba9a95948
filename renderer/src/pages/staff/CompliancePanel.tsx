// A person's standing against every STAFF-* rule: status word and colour, the reason, the
// date it changes, where the rule comes from, and exemptions (grant with a reason, who, when
// and until when, at most 12 months; withdraw). Only rules that can be exempted offer it.
// Exempt rules show until when, why, and who granted the exemption on which date.
import { useState } from 'react';
import { Link } from '@tanstack/react-router';
import type { RuleResult } from '../../../../electron/contract/compliance';
import { defaultExemptionExpiry, exemptionExpiry, staffExemption } from '../../../../electron/contract/exemptions';
import type { Exemption, Stored } from '../../../../electron/contract/model';
import type { RuleId } from '../../../../electron/contract/rules';
import type { RuleInfoView } from '../../../../electron/contract/ops/evidence';
import { useAction } from '../../data/query';
import { StatusBadge } from '../../components/Status';
import { Modal } from '../../components/Modal';
import { useContractForm } from '../../forms/useContractForm';
import { DateInput, FormMessage, TextInput } from '../../forms/inputs';
import { ukDate } from '../../format';
import { tabOfRule, STAFF_TABS } from '../../links';

export function CompliancePanel({
  staffRef,
  name,
  rules,
  catalogue,
  exemptions,
  user,
  today,
}: {
  staffRef: string;
  name: string;
  rules: RuleResult[];
  catalogue: Map<string, RuleInfoView>;
  exemptions: Stored<Exemption>[];
  user: string;
  today: string;
}) {
  const [granting, setGranting] = useState<RuleId | null>(null);
  const [withdrawing, setWithdrawing] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const withdrawExemption = useAction('withdrawExemption');
  const grantFor = (rule: string) => {
    // The grant in force: the latest granted on or before today that has not expired.
    const list = exemptions
      .filter((e) => e.rule === rule && e.grantedOn <= today && today <= exemptionExpiry(e))
      .sort((a, b) => a.grantedOn.localeCompare(b.grantedOn));
    return list[list.length - 1];
  };
  const withdraw = async (rule: string, id: number) => {
    setError(null);
    try {
      await withdrawExemption.mutateAsync({ id });
      setWithdrawing(null);
      setDone(`The exemption from ${catalogue.get(rule)?.title ?? rule} was withdrawn.`);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const later = exemptions.filter((e) => e.grantedOn > today);
  return (
    <section aria-labelledby="compliance-title" className="compliance">
      <h2 id="compliance-title">Compliance</h2>
      {done ? (
        <p role="status" className="saved">
          {done}
        </p>
      ) : null}
      {error ? (
        <p role="alert" className="form-error">
          {error}
        </p>
      ) : null}
      <table className="table rules" aria-label={`Compliance of ${name}`}>
        <thead>
          <tr>
            <th scope="col">Rule</th>
            <th scope="col">Status</th>
            <th scope="col">Why</th>
            <th scope="col">Changes on</th>
            <th scope="col">Source</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rules.map((r) => {
            const info = catalogue.get(r.rule);
            const grant = r.status === 'exempt' ? grantFor(r.rule) : undefined;
            const tab = tabOfRule(r.rule);
            const tabWords = STAFF_TABS.find(([k]) => k === tab)?.[1] ?? 'Details';
            return (
              <tr key={r.rule} data-rule={r.rule}>
                <th scope="row">
                  <span className="rule-title">{info?.title ?? r.rule}</span>
                  <span className="rule-id">{r.rule}</span>
                </th>
                <td>
                  <StatusBadge status={r.status} />
                </td>
                <td>{r.reason}</td>
                <td>{ukDate(r.changesOn)}</td>
                <td className="source">{info?.source ?? ''}</td>
                <td className="row-actions">
                  {r.status !== 'exempt' && r.status !== 'met' ? (
                    <Link
                      className="fix-link"
                      to="/staff/$ref/{-$tab}"
                      params={{ ref: staffRef, tab }}
                      activeOptions={{ exact: true }}
                      // The visible words first, so speech input ("click Fix in DBS checks") finds it.
                      aria-label={`Fix in ${tabWords}: ${info?.title ?? r.rule}`}
                    >
                      Fix in {tabWords}
                    </Link>
                  ) : null}
                  {grant ? (
                    withdrawing === r.rule ? (
                      <>
                        <button type="button" className="danger small" onClick={() => withdraw(r.rule, grant.id)}>
                          Yes, withdraw it
                        </button>
                        <button type="button" className="secondary small" onClick={() => setWithdrawing(null)}>
                          Keep
                        </button>
                      </>
                    ) : (
                      <button
                        type="button"
                        className="secondary small"
                        onClick={() => setWithdrawing(r.rule)}
                        aria-label={`Withdraw exemption from ${info?.title ?? r.rule}`}
                      >
                        Withdraw exemption…
                      </button>
                    )
                  ) : r.status !== 'exempt' && info?.exemptable ? (
                    <button
                      type="button"
                      className="secondary small"
                      onClick={() => (setDone(null), setGranting(r.rule))}
                      aria-label={`Grant exemption from ${info?.title ?? r.rule}`}
                    >
                      Grant exemption…
                    </button>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {later.length ? (
        <p className="hint">
          Exemptions that start later: {later.map((e) => `${catalogue.get(e.rule)?.title ?? e.rule} from ${ukDate(e.grantedOn)} (${e.grantedBy})`).join('; ')}.
        </p>
      ) : null}
      {granting ? (
        <ExemptionForm
          rule={granting}
          info={catalogue.get(granting)}
          staffRef={staffRef}
          name={name}
          user={user}
          today={today}
          onCancel={() => setGranting(null)}
          onSaved={() => {
            setDone(`${name} is now exempt from ${catalogue.get(granting)?.title ?? granting}.`);
            setGranting(null);
          }}
        />
      ) : null}
    </section>
  );
}

function ExemptionForm({
  rule,
  info,
  staffRef,
  name,
  user,
  today,
  onCancel,
  onSaved,
}: {
  rule: RuleId;
  info?: RuleInfoView;
  staffRef: string;
  name: string;
  user: string;
  today: string;
  onCancel: () => void;
  onSaved: () => void;
}) {
  // The same checks as the service and the import (exemptionProblem): at most 12 months, the default.
  const f = useContractForm(staffExemption, { rule, reason: '', grantedBy: user, grantedOn: today, expiresOn: defaultExemptionExpiry(today) });
  const grant = useAction('grantExemption');
  const submit = f.submit(async (d) => {
    await grant.mutateAsync({
      owner: { type: 'staff', ref: staffRef },
      rule: d.rule,
      reason: d.reason,
      grantedBy: d.grantedBy,
      grantedOn: d.grantedOn,
      expiresOn: d.expiresOn,
    });
    onSaved();
  });
  const title = info?.title ?? rule;
  return (
    <Modal title={`Exempt ${name} from ${title}`} onClose={onCancel}>
      <form onSubmit={submit} noValidate aria-label={`Exemption from ${title}`}>
        <p className="hint">
          {rule}
          {info ? ` (${info.source}): ${info.summary}` : ''} Until it expires, this rule shows as Exempt with the reason below, in the app and in packs; an
          exemption never counts as met.
        </p>
        <TextInput
          form={f}
          name="reason"
          label="Reason"
          multiline
          required
          autoFocus
          hint="Why this rule does not apply, e.g. desk-based role with no client contact"
        />
        <TextInput form={f} name="grantedBy" label="Granted by" required />
        <DateInput form={f} name="grantedOn" label="Granted on" required />
        <DateInput form={f} name="expiresOn" label="Expires on" required hint="The last day the exemption stands: at most 12 months after it was granted" />
        <FormMessage form={f} />
        <div className="actions">
          <button type="submit">Grant exemption</button>
          <button type="button" className="secondary" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </Modal>
  );
}
