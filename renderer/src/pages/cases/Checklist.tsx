// The standard-practice checklist of one case (MTSP Standard Practice A-I and the case
// management service checklist, consent to share, 3-monthly risk reviews). Each item is a
// tick with the date it was done; beside each group, the CASE-* rule it feeds, in words.
import type { ReactNode } from 'react';
import { useWatch } from 'react-hook-form';
import { caseChecklist, CHECKLIST_FIELDS, type CaseChecklist, type CaseView, type ChecklistField } from '../../../../electron/contract/ops/cases';
import { CheckField } from '../../components/fields';
import { StatusBadge } from '../../components/Status';
import { useAction } from '../../data/query';
import { useContractForm, type ContractForm } from '../../forms/useContractForm';
import { CheckInput, DateInput, FormMessage, TextInput } from '../../forms/inputs';
import { pick } from '../../forms/pick';
import { ukDate } from '../../format';

type Form = ContractForm<CaseChecklist, CaseChecklist>;
/** Fields that are a tick with the date it was done (the others are a plain tick or a name). */
type DateItem = Exclude<ChecklistField, 'preInaUnavailable' | 'rehabPlanShared' | 'nhsTeam'>;

/** A tick with the date it was done: ticking fills in today, unticking clears the date. */
function TickDate({ f, field, tick, dateLabel, today }: { f: Form; field: DateItem; tick: string; dateLabel: string; today: string }) {
  const value = useWatch({ control: f.control, name: field });
  const ticked = value !== undefined;
  return (
    <div className="tick-date">
      <CheckField label={tick} name={field} checked={ticked} onChange={(on) => f.setValue(field, on ? today : undefined, { shouldValidate: true })} />
      {ticked ? <DateInput form={f} name={field} label={dateLabel} /> : null}
    </div>
  );
}

function Item({ code, title, view, rule, children }: { code?: string; title: string; view: CaseView; rule?: string; children: ReactNode }) {
  const result = rule ? view.rules.find((r) => r.rule === rule) : undefined;
  const info = rule ? view.catalogue.find((r) => r.id === rule) : undefined;
  return (
    <fieldset className="practice-item">
      <legend>
        {code ? <span className="practice-code">{code}</span> : null} {title}
      </legend>
      <div className="practice-body">
        <div className="practice-ticks">{children}</div>
        <div className="practice-rule" data-rule={rule ?? ''}>
          {result ? (
            <>
              <StatusBadge status={result.status} /> <span className="rule-id">{result.rule}</span>
              <div className="practice-reason">{result.reason}</div>
              {result.changesOn ? (
                <div className="hint">
                  {result.status === 'not_met' ? 'Changes' : 'Next due'} on {ukDate(result.changesOn)}
                </div>
              ) : null}
              {info ? <div className="hint">{info.source}</div> : null}
            </>
          ) : (
            <span className="hint">No rule checks this item; it is kept as a record of good practice.</span>
          )}
        </div>
      </div>
    </fieldset>
  );
}

export function Checklist({ view, onSaved }: { view: CaseView; onSaved: () => void }) {
  const f = useContractForm(caseChecklist, pick(view.case, CHECKLIST_FIELDS), { prefix: 'checklist' });
  const save = useAction('updateCaseChecklist');
  const nhsContactOn = useWatch({ control: f.control, name: 'nhsContactOn' });
  const today = view.asOf;
  const t = (field: DateItem, tick: string, dateLabel: string) => <TickDate f={f} field={field} tick={tick} dateLabel={dateLabel} today={today} />;
  const submit = f.submit(async (d) => {
    // A ticked item whose date was cleared reads as "not done" once blanks are dropped: ask instead.
    const values = f.getValues();
    const blank = CHECKLIST_FIELDS.filter((k) => values[k] === '');
    if (blank.length) throw new Error('Give the date of each ticked item, or untick it.');
    await save.mutateAsync({ ref: view.case.ref, checklist: d });
    onSaved();
  });
  return (
    <section aria-labelledby="checklist-title">
      <h2 id="checklist-title">Standard practice checklist</h2>
      <form onSubmit={submit} aria-label="Standard practice checklist" noValidate className="card checklist-form">
        <Item code="A" title="NHS Rehabilitation Prescription" view={view} rule="CASE-REHAB-PRESCRIPTION">
          {t('rehabPrescriptionRequestedOn', 'Rehabilitation Prescription requested', 'Date the Rehabilitation Prescription was requested')}
          {t('rehabPrescriptionReviewedOn', 'Rehabilitation Prescription received and reviewed', 'Date the Rehabilitation Prescription was reviewed')}
        </Item>
        <Item code="B, C" title="Pre-INA report" view={view} rule="CASE-PRE-INA">
          {t('preInaRequestedOn', "Pre-INA report requested from the client's solicitor", 'Date the Pre-INA report was requested')}
          {t('preInaReviewedOn', 'Pre-INA report reviewed', 'Date the Pre-INA report was reviewed')}
          <CheckInput
            form={f}
            name="preInaUnavailable"
            label="Pre-INA report not available"
            unchecked={undefined}
            hint="Tick when the solicitor confirms there is none."
          />
        </Item>
        <Item code="D" title="NHS treating team" view={view} rule="CASE-NHS-CONTACT">
          {t('nhsContactOn', 'NHS treating team contacted', 'Date the NHS treating team was contacted')}
          {nhsContactOn !== undefined ? (
            <TextInput form={f} name="nhsTeam" label="NHS team contacted" hint="Besides the GP, e.g. the major trauma centre's rehabilitation team." />
          ) : null}
        </Item>
        <Item code="E" title="Statutory provision" view={view}>
          {t('statutoryProvisionOn', 'NHS and other statutory provision explored', 'Date statutory provision was explored')}
          {t('statutoryShortfallRaisedOn', 'Shortfalls raised with the statutory body', 'Date the shortfalls were raised')}
        </Item>
        <Item code="F, I" title="Rehabilitation plan" view={view} rule="CASE-REHAB-PLAN">
          {t('rehabPlanOn', 'Rehabilitation plan with measurable goals recorded', 'Date of the rehabilitation plan')}
          <CheckInput form={f} name="rehabPlanShared" label="Plan shared with the NHS team and others involved" unchecked={undefined} />
          {t('planClientCopyOn', 'Client given their own copy of the plan', 'Date the client was given their copy')}
        </Item>
        <Item code="G" title="Stakeholders in planning" view={view}>
          {t('stakeholdersEngagedOn', 'Client, family or deputy, NHS and social care engaged in planning', 'Date they were engaged')}
        </Item>
        <Item code="H" title="NHS pathways" view={view}>
          {t('nhsToldOfPrivateOn', 'NHS treating team told of privately funded provision', 'Date the NHS team was told')}
        </Item>
        <Item title="Consent to share information" view={view} rule="CASE-CONSENT">
          {t('consentRecordedOn', 'Consent to share recorded', 'Date consent was recorded')}
          {t('consentReviewedOn', 'Consent reviewed with the client', 'Date consent was last reviewed')}
        </Item>
        <Item title="Risk assessment, reviewed every 3 months" view={view} rule="CASE-RISK-REVIEW">
          {t('riskReviewedOn', 'Risk assessment reviewed', 'Date of the latest risk review')}
        </Item>
        <FormMessage form={f} />
        <div className="actions">
          <button type="submit">Save checklist</button>
        </div>
      </form>
    </section>
  );
}
