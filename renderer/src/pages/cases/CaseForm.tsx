// Add or edit a case. Data minimisation: the firm's own reference and the client's
// initials, nothing else about the client. The instructing party is picked from the
// firm's contacts or added as a new one. The case manager changes only by a handover.
import { useState } from 'react';
import { caseDetails, CASE_STATUSES, FUNDING, INJURIES, PARTY_KINDS, type CaseDetails, type InstructingParty } from '../../../../electron/contract/model';
import { call } from '../../api';
import { DateField } from '../../components/DateField';
import { SelectField, TextField } from '../../components/fields';
import { useLoad, useZodForm } from '../../hooks';
import { CASE_STATUS_WORDS, CLOSED_REASON_OPTIONS, COMPLEXITY_WORDS, FUNDING_WORDS, INJURY_WORDS, options, PARTY_WORDS, partyWord } from './words';

const NEW_PARTY = 'new';

export function CaseForm({ initial, onSaved, onCancel }: { initial?: CaseDetails; onSaved: (ref: string) => void; onCancel: () => void }) {
  const start = Object.fromEntries(Object.keys(caseDetails.shape).map((k) => [k, initial?.[k as keyof CaseDetails]]));
  if (!initial) start.status = 'open-active';
  const f = useZodForm(caseDetails, start);
  const v = f.values as Partial<CaseDetails>;
  const lists = useLoad(() => Promise.all([call('listStaff', {}), call('listParties', {})]), []);
  const [staff, parties] = lists.data ?? [[], []];
  const party = (v.instructingParty ?? {}) as Partial<InstructingParty>;
  const chosen = parties.find((p) => p.name === party.name && p.kind === party.kind);
  const [pick, setPick] = useState<string | undefined>(undefined);
  const pickValue = pick ?? (chosen ? String(chosen.id) : party.name ? NEW_PARTY : undefined);
  const setParty = (p: Partial<InstructingParty>) => f.set('instructingParty', { ...party, ...p });
  const statuses = CASE_STATUSES.filter((s) => s !== 'closed' || initial?.status === 'closed');
  const submit = f.submitWith(async (d) => {
    const saved = initial ? await call('updateCase', { ref: initial.ref, details: d }) : await call('createCase', d);
    onSaved(saved.case.ref);
  });
  return (
    <form onSubmit={submit} aria-label={initial ? 'Edit case details' : 'Add a case'} noValidate className="card form-grid">
      <p className="notice span-all" id="privacy-note">
        Caseproof needs only your own reference for the case and the client&apos;s initials. Do not enter the client&apos;s name, date of birth or address: none
        of them is needed to show compliance.
      </p>
      <TextField
        label="Case reference"
        name="ref"
        value={v.ref}
        onChange={(x) => f.set('ref', x)}
        error={f.errorOf('ref')}
        required
        autoFocus
        hint="Your firm's own reference, e.g. RC-104."
      />
      <TextField
        label="Client initials"
        name="initials"
        value={v.initials}
        onChange={(x) => f.set('initials', x.toUpperCase())}
        error={f.errorOf('initials')}
        hint="Up to 4 capital letters, e.g. JD. Not the name."
      />
      {initial ? (
        <div className="field">
          <span className="label-like">Case manager</span>
          <span>{staff.find((s) => s.ref === v.caseManager)?.name ?? v.caseManager}</span>
          <span className="hint">To move the case to someone else, use Hand over on the case page.</span>
        </div>
      ) : (
        <SelectField
          label="Case manager"
          name="caseManager"
          value={v.caseManager}
          onChange={(x) => f.set('caseManager', x)}
          options={staff.map((s) => [s.ref, s.name] as [string, string])}
          blank="Choose a case manager"
          error={f.errorOf('caseManager') && !v.caseManager ? 'must be chosen' : f.errorOf('caseManager')}
        />
      )}
      <SelectField
        label="Instructing party"
        name="party"
        value={pickValue}
        onChange={(x) => {
          setPick(x);
          const p = parties.find((c) => String(c.id) === x);
          f.set(
            'instructingParty',
            p ? { name: p.name, kind: p.kind, ...(p.contact ? { contact: p.contact } : {}) } : x === NEW_PARTY ? { name: '', kind: undefined } : undefined,
          );
        }}
        options={[...parties.map((p) => [String(p.id), `${p.name} (${partyWord(p.kind)})`] as [string, string]), [NEW_PARTY, 'Someone new…']]}
        blank="Choose the instructing party"
        error={f.errorOf('instructingParty') && pickValue === undefined ? 'must be chosen' : undefined}
      />
      {pickValue === NEW_PARTY ? (
        <>
          <TextField
            label="Instructing party's name"
            name="partyName"
            value={party.name}
            onChange={(x) => setParty({ name: x })}
            error={f.errorOf('instructingParty.name')}
            hint="The firm or body, e.g. Fenwick Law."
          />
          <SelectField
            label="Kind of instructing party"
            name="partyKind"
            value={party.kind}
            onChange={(x) => setParty({ kind: x as InstructingParty['kind'] })}
            options={options(PARTY_KINDS, PARTY_WORDS)}
            blank="Choose"
            error={f.errorOf('instructingParty.kind')}
          />
          <TextField
            label="Contact at the instructing party"
            name="partyContact"
            value={party.contact}
            onChange={(x) => setParty({ contact: x || undefined })}
            error={f.errorOf('instructingParty.contact')}
            hint="Optional: a work email or phone number."
          />
        </>
      ) : null}
      <SelectField
        label="Status"
        name="status"
        value={v.status}
        onChange={(x) => {
          f.set('status', x);
          // Leaving "closed" drops the closing details rather than failing on them.
          if (x !== 'closed') f.setValues((old) => ({ ...old, status: x, closedOn: undefined, closedReason: undefined }));
        }}
        options={options(statuses, CASE_STATUS_WORDS)}
        error={f.errorOf('status')}
      />
      {v.status === 'closed' ? (
        <>
          <SelectField
            label="Reason for closing"
            name="closedReason"
            value={v.closedReason}
            onChange={(x) => f.set('closedReason', x)}
            options={CLOSED_REASON_OPTIONS}
            blank="Choose a reason"
            error={f.errorOf('closedReason')}
          />
          <DateField label="Closed on" name="closedOn" value={v.closedOn} onChange={(x) => f.set('closedOn', x)} error={f.errorOf('closedOn')} />
        </>
      ) : null}
      <SelectField
        label="Funding route"
        name="funding"
        value={v.funding}
        onChange={(x) => f.set('funding', x)}
        options={options(FUNDING, FUNDING_WORDS)}
        blank="Not recorded"
        error={f.errorOf('funding')}
      />
      <SelectField
        label="Injury"
        name="injury"
        value={v.injury}
        onChange={(x) => f.set('injury', x)}
        options={options(INJURIES, INJURY_WORDS)}
        blank="Not recorded"
        error={f.errorOf('injury')}
      />
      <SelectField
        label="Complexity"
        name="complexity"
        value={v.complexity}
        onChange={(x) => f.set('complexity', x)}
        options={options(['low', 'medium', 'high'] as const, COMPLEXITY_WORDS)}
        blank="Not recorded"
        error={f.errorOf('complexity')}
      />
      <DateField label="Referred on" name="referredOn" value={v.referredOn} onChange={(x) => f.set('referredOn', x)} error={f.errorOf('referredOn')} />
      <DateField label="Opened on" name="openedOn" value={v.openedOn} onChange={(x) => f.set('openedOn', x)} error={f.errorOf('openedOn')} />
      <DateField label="Initial needs assessment on" name="inaOn" value={v.inaOn} onChange={(x) => f.set('inaOn', x)} error={f.errorOf('inaOn')} />
      <DateField
        label="Claim settled on"
        name="settlementOn"
        value={v.settlementOn}
        onChange={(x) => f.set('settlementOn', x)}
        error={f.errorOf('settlementOn')}
      />
      {f.formError ? (
        <p className="form-error" role="alert">
          {f.formError}
        </p>
      ) : null}
      <div className="actions">
        <button type="submit">{initial ? 'Save changes' : 'Add case'}</button>
        <button type="button" className="secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
