// Add or edit a case. Data minimisation: the firm's own reference and the client's
// initials, nothing else about the client. The instructing party is picked from the
// firm's contacts or added as a new one. The case manager changes only by a handover.
import { useState } from 'react';
import { useWatch } from 'react-hook-form';
import { caseDetails, CASE_STATUSES, FUNDING, INJURIES, PARTY_KINDS, type CaseDetails } from '../../../../electron/contract/model';
import type { PartyView } from '../../../../electron/contract/ops/cases';
import { SelectField } from '../../components/fields';
import { useInlineFormFocus } from '../../components/focus';
import { useAction, useOps } from '../../data/query';
import { useContractForm, type ContractForm } from '../../forms/useContractForm';
import { DateInput, FormMessage, SelectInput, TextInput, useBound } from '../../forms/inputs';
import { pick } from '../../forms/pick';
import { CASE_STATUS_WORDS, CLOSED_REASON_OPTIONS, COMPLEXITY_WORDS, FUNDING_WORDS, INJURY_WORDS, options, PARTY_WORDS, partyWord } from './words';

const NEW_PARTY = 'new';
type CaseForm = ContractForm<CaseDetails, CaseDetails>;

export function CaseForm({ initial, onSaved, onCancel }: { initial?: CaseDetails; onSaved: (ref: string) => void; onCancel: () => void }) {
  const [staff, parties] = useOps([
    ['listStaff', {}],
    ['listParties', {}],
  ]);
  const f = useContractForm(caseDetails, initial ? pick(initial, caseDetails.keyof().options) : { status: 'open-active' }, { prefix: 'details' });
  const create = useAction('createCase');
  const update = useAction('updateCase');
  const [status, caseManager] = useWatch({ control: f.control, name: ['status', 'caseManager'] });
  const statuses = CASE_STATUSES.filter((s) => s !== 'closed' || initial?.status === 'closed');
  const submit = f.submit(async (d) => {
    const saved = initial ? await update.mutateAsync({ ref: initial.ref, details: d }) : await create.mutateAsync(d);
    onSaved(saved.case.ref);
  });
  const focusRef = useInlineFormFocus<HTMLFormElement>();
  return (
    <form onSubmit={submit} aria-label={initial ? 'Edit case details' : 'Add a case'} noValidate className="card form-grid" ref={focusRef}>
      <p className="notice span-all" id="privacy-note">
        Caseproof needs only your own reference for the case and the client&apos;s initials. Do not enter the client&apos;s name, date of birth or address: none
        of them is needed to show compliance.
      </p>
      <TextInput form={f} name="ref" label="Case reference" required autoFocus hint="Your firm's own reference, e.g. RC-104." />
      <TextInput form={f} name="initials" label="Client initials" transform={(x) => x.toUpperCase()} hint="Up to 4 capital letters, e.g. JD. Not the name." />
      {initial ? (
        <div className="field">
          <span className="label-like">Case manager</span>
          <span>{staff.find((s) => s.ref === caseManager)?.name ?? caseManager}</span>
          <span className="hint">To move the case to someone else, use Hand over on the case page.</span>
        </div>
      ) : (
        <SelectInput form={f} name="caseManager" label="Case manager" options={staff.map((s) => [s.ref, s.name] as const)} blank="Choose a case manager" />
      )}
      <PartyInput form={f} parties={parties} />
      <SelectInput
        form={f}
        name="status"
        label="Status"
        options={options(statuses, CASE_STATUS_WORDS)}
        onPicked={(x) => {
          // Leaving "closed" drops the closing details rather than failing on them.
          if (x !== 'closed') {
            f.setValue('closedOn', undefined);
            f.setValue('closedReason', undefined);
          }
        }}
      />
      {status === 'closed' ? (
        <>
          <SelectInput form={f} name="closedReason" label="Reason for closing" options={CLOSED_REASON_OPTIONS} blank="Choose a reason" />
          <DateInput form={f} name="closedOn" label="Closed on" />
        </>
      ) : null}
      <SelectInput form={f} name="funding" label="Funding route" options={options(FUNDING, FUNDING_WORDS)} blank="Not recorded" />
      <SelectInput form={f} name="injury" label="Injury" options={options(INJURIES, INJURY_WORDS)} blank="Not recorded" />
      <SelectInput form={f} name="complexity" label="Complexity" options={options(['low', 'medium', 'high'] as const, COMPLEXITY_WORDS)} blank="Not recorded" />
      <DateInput form={f} name="referredOn" label="Referred on" />
      <TextInput
        form={f}
        name="referralSource"
        label="Referral source"
        hint="Who referred: an organisation or role (a solicitor's firm, an insurer), never the client."
      />
      <DateInput form={f} name="referralConsentOn" label="Client consented to the referral on" />
      <DateInput form={f} name="openedOn" label="Opened on" />
      <DateInput form={f} name="inaOn" label="Initial needs assessment on" />
      <DateInput form={f} name="settlementOn" label="Claim settled on" />
      <FormMessage form={f} />
      <div className="actions">
        <button type="submit" disabled={f.formState.isSubmitting}>
          {initial ? 'Save changes' : 'Add case'}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** The instructing party: one of the firm's contacts, or someone new (name, kind, contact). */
function PartyInput({ form, parties }: { form: CaseForm; parties: PartyView[] }) {
  const b = useBound(form, 'instructingParty');
  const party = useWatch({ control: form.control, name: 'instructingParty' });
  const chosen = parties.find((p) => p.name === party?.name && p.kind === party?.kind);
  const [picked, setPicked] = useState<string | undefined>(undefined);
  const value = picked ?? (chosen ? String(chosen.id) : party?.name ? NEW_PARTY : undefined);
  return (
    <>
      <SelectField
        label="Instructing party"
        name="party"
        value={value}
        onChange={(x) => {
          setPicked(x);
          const p = parties.find((c) => String(c.id) === x);
          b.set(p ? { name: p.name, kind: p.kind, ...(p.contact ? { contact: p.contact } : {}) } : x === NEW_PARTY ? { name: '' } : undefined);
        }}
        onBlur={b.onBlur}
        inputRef={b.ref}
        options={[...parties.map((p) => [String(p.id), `${p.name} (${partyWord(p.kind)})`] as const), [NEW_PARTY, 'Someone new…'] as const]}
        blank="Choose the instructing party"
        error={b.error && value === undefined ? 'must be chosen' : undefined}
      />
      {value === NEW_PARTY ? (
        <>
          <TextInput form={form} name="instructingParty.name" label="Instructing party's name" hint="The firm or body, e.g. Fenwick Law." />
          <SelectInput form={form} name="instructingParty.kind" label="Kind of instructing party" options={options(PARTY_KINDS, PARTY_WORDS)} blank="Choose" />
          <TextInput form={form} name="instructingParty.contact" label="Contact at the instructing party" hint="Optional: a work email or phone number." />
        </>
      ) : null}
    </>
  );
}
