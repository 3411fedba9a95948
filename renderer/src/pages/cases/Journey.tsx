// The case journey on the case page (issue 14): status history and "Change status", incidents
// and concerns with their reporting clock, plan and risk reviews, goals, and after closing the
// follow-up windows, the outcome and feedback. Every form checks with the contract's schemas;
// free text says "no names" because the vault keeps references and initials only.
import { useState } from 'react';
import { useInlineFormFocus } from '../../components/focus';
import type { z } from 'zod';
import { inputs } from '../../../../electron/contract/api';
import {
  caseOutcome,
  caseReview,
  feedback,
  followUp,
  goal,
  incident,
  INCIDENT_KINDS,
  FEEDBACK_FROM,
  VOCATIONAL_OUTCOMES,
  LIVING_OUTCOMES,
} from '../../../../electron/contract/model';
import type { CaseView } from '../../../../electron/contract/ops/cases';
import {
  FEEDBACK_FROM_WORDS,
  INCIDENT_KIND_WORDS,
  LIVING_WORDS,
  OPEN_STATUSES,
  VOCATIONAL_WORDS,
  type IncidentClock,
  type JourneyList,
} from '../../../../electron/contract/ops/journey';
import { StatusBadge } from '../../components/Status';
import { useAction } from '../../data/query';
import { useContractForm } from '../../forms/useContractForm';
import { CheckInput, DateInput, FormMessage, NumberInput, SelectInput, TextInput } from '../../forms/inputs';
import { ukDate } from '../../format';
import { CASE_STATUS_WORDS, options } from './words';

type Changed = (message: string) => void;
const NO_NAMES = 'No names: use initials or roles (the client, their mother, the support worker).';
const time = (local: string | undefined) => (local ? `${local.slice(11, 16)} on ${ukDate(local.slice(0, 10))}` : '');

function RuleLine({ view, rule }: { view: CaseView; rule: string }) {
  const r = view.rules.find((x) => x.rule === rule);
  if (!r) return null;
  return (
    <p className="practice-rule" data-rule={rule}>
      <StatusBadge status={r.status} /> <span className="rule-id">{r.rule}</span> {r.reason}
    </p>
  );
}

// ---------- status ----------
function StatusHistory({ view, onChanged }: { view: CaseView; onChanged: Changed }) {
  const c = view.case;
  const f = useContractForm(inputs.changeCaseStatus, { ref: c.ref, on: view.asOf });
  const change = useAction('changeCaseStatus');
  const submit = f.submit(async (d) => {
    await change.mutateAsync(d);
    onChanged(`Status changed to ${CASE_STATUS_WORDS[d.status as keyof typeof CASE_STATUS_WORDS]}.`);
  });
  return (
    <section aria-labelledby="status-title">
      <h2 id="status-title">Status history</h2>
      <RuleLine view={view} rule="CASE-ASSESSMENT-TIMELY" />
      <ol className="history" aria-label="Status history">
        {view.journey.statusHistory.map((h, i) => (
          <li key={i}>
            <span className="due-date">{ukDate(h.on)}</span> {CASE_STATUS_WORDS[h.status]}
          </li>
        ))}
      </ol>
      {!view.journey.historyRecorded ? <p className="hint">Worked out from the case&apos;s dates; every change from now on is kept with its date.</p> : null}
      {c.status !== 'closed' ? (
        <form onSubmit={submit} noValidate aria-label="Change status" className="card inline-form">
          <SelectInput
            form={f}
            name="status"
            label="New status"
            options={OPEN_STATUSES.filter((s) => s !== c.status).map((s) => [s, CASE_STATUS_WORDS[s]] as [string, string])}
            blank="Choose a status"
          />
          <DateInput form={f} name="on" label="Changed on" />
          <FormMessage form={f} />
          <div className="actions">
            <button type="submit">Change status</button>
          </div>
        </form>
      ) : null}
    </section>
  );
}

// ---------- one entry of a journey list ----------
function useSave(view: CaseView, list: JourneyList, onChanged: Changed, message: string) {
  const save = useAction('saveJourneyItem');
  return async (item: unknown, index?: number) => {
    await save.mutateAsync({ ref: view.case.ref, list, item, ...(index === undefined ? {} : { index }) } as z.input<typeof inputs.saveJourneyItem>);
    onChanged(message);
  };
}

// ---------- incidents ----------
function clockClass(k: IncidentClock): string {
  if (k.minutesLeft === null) return k.reports.some((r) => r.state === 'late') ? 'clock late' : 'clock done';
  return k.minutesLeft < 0 ? 'clock late' : 'clock running';
}

function IncidentForm({ view, index, onChanged, onDone }: { view: CaseView; index?: number; onChanged: Changed; onDone: () => void }) {
  const existing = index === undefined ? undefined : view.case.incidents?.[index];
  const f = useContractForm(incident, existing ?? {});
  const save = useSave(view, 'incidents', onChanged, existing ? 'Incident updated.' : 'Incident logged; its reporting clock is running.');
  const submit = f.submit(async (d) => {
    await save(d, index);
    onDone();
  });
  const focusRef = useInlineFormFocus<HTMLFormElement>();
  return (
    <form onSubmit={submit} noValidate aria-label={existing ? 'Update the incident' : 'Log an incident or concern'} className="card form-grid" ref={focusRef}>
      <SelectInput form={f} name="kind" label="Kind" options={options(INCIDENT_KINDS, INCIDENT_KIND_WORDS)} blank="Choose a kind" />
      <TextInput form={f} name="identifiedAt" type="datetime-local" label="Identified at" hint="Date and time, to the minute." />
      <TextInput form={f} name="summary" label="Summary" multiline hint={NO_NAMES} />
      <TextInput form={f} name="lineManagerAt" type="datetime-local" label="Reported to the line manager at" />
      <TextInput form={f} name="leadReportedAt" type="datetime-local" label="Reported to the incident lead at" />
      <TextInput form={f} name="safeguardingLeadAt" type="datetime-local" label="Reported to the safeguarding lead at" />
      <TextInput form={f} name="outcome" label="Outcome" multiline hint={NO_NAMES} />
      <FormMessage form={f} />
      <div className="actions">
        <button type="submit">{existing ? 'Save incident' : 'Log incident'}</button>
        <button type="button" className="secondary" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function Incidents({ view, onChanged }: { view: CaseView; onChanged: Changed }) {
  const [editing, setEditing] = useState<number | 'new' | null>(null);
  const clocks = view.journey.incidents;
  return (
    <section aria-labelledby="incidents-title">
      <h2 id="incidents-title">Incidents and concerns</h2>
      <RuleLine view={view} rule="CASE-INCIDENT-REPORTED" />
      {clocks.length === 0 ? <p className="hint">No incident, accident, safeguarding or welfare concern is recorded.</p> : null}
      <ul className="incidents" aria-label="Incidents and concerns">
        {clocks.map((k) => {
          const inc = view.case.incidents![k.index]!;
          return (
            <li key={k.index} className="card">
              <strong>{INCIDENT_KIND_WORDS[k.kind]}</strong>, identified at {time(k.identifiedAt)}: {inc.summary}
              <div className={clockClass(k)} data-testid="incident-clock">
                {k.words}
              </div>
              <ul className="reports">
                {k.reports.map((r) => (
                  <li key={r.field}>
                    {r.to}:{' '}
                    {r.at
                      ? `reported at ${time(r.at)}${r.state === 'late' ? ' (late)' : ''}`
                      : r.state === 'overdue'
                        ? 'not reported (overdue)'
                        : 'not yet reported'}
                  </li>
                ))}
              </ul>
              {inc.outcome ? <p>Outcome: {inc.outcome}</p> : null}
              {editing === k.index ? (
                <IncidentForm view={view} index={k.index} onChanged={onChanged} onDone={() => setEditing(null)} />
              ) : (
                <button className="secondary" onClick={() => setEditing(k.index)}>
                  Record reports or outcome…
                </button>
              )}
            </li>
          );
        })}
      </ul>
      {editing === 'new' ? (
        <IncidentForm view={view} onChanged={onChanged} onDone={() => setEditing(null)} />
      ) : (
        <button onClick={() => setEditing('new')}>Log an incident or concern…</button>
      )}
    </section>
  );
}

// ---------- reviews and goals ----------
function Reviews({ view, list, onChanged }: { view: CaseView; list: 'planReviews' | 'riskReviews'; onChanged: Changed }) {
  const plan = list === 'planReviews';
  const f = useContractForm(caseReview, { on: view.asOf });
  const save = useSave(view, list, onChanged, plan ? 'Plan review recorded.' : 'Risk review recorded.');
  const submit = f.submit(async (d) => {
    await save(d);
    f.reset({ on: view.asOf });
  });
  const items = view.case[list] ?? [];
  const title = plan ? 'Rehabilitation plan reviews' : 'Risk assessment reviews';
  return (
    <section aria-labelledby={`${list}-title`}>
      <h2 id={`${list}-title`}>{title}</h2>
      <RuleLine view={view} rule={plan ? 'CASE-PLAN-REVIEW' : 'CASE-RISK-REVIEW'} />
      {items.length ? (
        <ol className="history" aria-label={title}>
          {items.map((r, i) => (
            <li key={i}>
              <span className="due-date">{ukDate(r.on)}</span> {r.by ? `by ${r.by}` : ''}
              {r.note ? ` · ${r.note}` : ''}
            </li>
          ))}
        </ol>
      ) : (
        <p className="hint">No review recorded yet.</p>
      )}
      <form onSubmit={submit} noValidate aria-label={plan ? 'Record a plan review' : 'Record a risk review'} className="card inline-form">
        <DateInput form={f} name="on" label="Reviewed on" />
        <TextInput form={f} name="by" label="Reviewed by" />
        <TextInput form={f} name="note" label="Note" hint={NO_NAMES} />
        <FormMessage form={f} />
        <div className="actions">
          <button type="submit">Record review</button>
        </div>
      </form>
    </section>
  );
}

function Goals({ view, onChanged }: { view: CaseView; onChanged: Changed }) {
  const f = useContractForm(goal, {});
  const save = useSave(view, 'goals', onChanged, 'Goal saved.');
  const submit = f.submit(async (d) => {
    await save(d);
    f.reset({});
  });
  const goals = view.case.goals ?? [];
  return (
    <section aria-labelledby="goals-title">
      <h2 id="goals-title">Goals of the rehabilitation plan</h2>
      <RuleLine view={view} rule="CASE-REHAB-PLAN" />
      {goals.length ? (
        <table className="table" aria-label="Goals">
          <thead>
            <tr>
              <th scope="col">Goal</th>
              <th scope="col">Measure</th>
              <th scope="col">Target date</th>
              <th scope="col">Vocational</th>
              <th scope="col">Achieved</th>
              <th scope="col">Outcome</th>
            </tr>
          </thead>
          <tbody>
            {goals.map((g, i) => (
              <tr key={i}>
                <td>{g.text}</td>
                <td>{g.measure}</td>
                <td>{ukDate(g.targetOn)}</td>
                <td>{g.vocational ? 'Vocational' : 'Independent living'}</td>
                <td>{g.achievedOn ? ukDate(g.achievedOn) : 'Not yet'}</td>
                <td>{g.outcome ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="hint">No goal recorded: a plan needs at least one measurable goal with a target date.</p>
      )}
      <form onSubmit={submit} noValidate aria-label="Add a goal" className="card form-grid">
        <TextInput form={f} name="text" label="Goal" hint={NO_NAMES} />
        <TextInput form={f} name="measure" label="How it is measured" />
        <DateInput form={f} name="targetOn" label="Target date" />
        <CheckInput form={f} name="vocational" label="A vocational goal (work, education, volunteering)" unchecked={undefined} />
        <DateInput form={f} name="achievedOn" label="Achieved on" />
        <TextInput form={f} name="outcome" label="Outcome" />
        <FormMessage form={f} />
        <div className="actions">
          <button type="submit">Add goal</button>
        </div>
      </form>
    </section>
  );
}

// ---------- after closing ----------
const WINDOW_WORDS = { done: 'Contact made', missed: 'Missed', open: 'Open now: contact due', later: 'Not yet open' } as const;

function AfterClosing({ view, onChanged }: { view: CaseView; onChanged: Changed }) {
  const c = view.case;
  const fu = useContractForm(followUp, { on: view.asOf });
  const saveFollowUp = useSave(view, 'followUps', onChanged, 'Follow-up contact recorded.');
  const fb = useContractForm(feedback, { on: view.asOf });
  const saveFeedback = useSave(view, 'feedback', onChanged, 'Feedback recorded.');
  const out = useContractForm(caseOutcome, c.outcome ?? {});
  const setOutcome = useAction('setCaseOutcome');
  return (
    <section aria-labelledby="after-title">
      <h2 id="after-title">Follow-up, outcome and feedback</h2>
      <RuleLine view={view} rule="CASE-FOLLOW-UP" />
      {c.followUpConsent === undefined ? <p className="hint">Consent to follow-up was not asked when this case closed.</p> : null}
      {view.journey.followUpWindows.length ? (
        <table className="table" aria-label="Follow-up windows">
          <thead>
            <tr>
              <th scope="col">Follow-up</th>
              <th scope="col">Window</th>
              <th scope="col">Where it stands</th>
            </tr>
          </thead>
          <tbody>
            {view.journey.followUpWindows.map((w) => (
              <tr key={w.months}>
                <td>{w.months} months</td>
                <td>
                  {ukDate(w.from)} to {ukDate(w.to)}
                </td>
                <td className={`window-${w.state}`}>
                  {WINDOW_WORDS[w.state]}
                  {w.contactOn ? ` on ${ukDate(w.contactOn)}` : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {c.followUpConsent ? (
        <form
          onSubmit={fu.submit(async (d) => {
            await saveFollowUp(d);
            fu.reset({ on: view.asOf });
          })}
          noValidate
          aria-label="Record a follow-up contact"
          className="card inline-form"
        >
          <DateInput form={fu} name="on" label="Contacted on" />
          <TextInput form={fu} name="outcome" label="What was found" hint={NO_NAMES} />
          <FormMessage form={fu} />
          <div className="actions">
            <button type="submit">Record contact</button>
          </div>
        </form>
      ) : null}
      <form
        onSubmit={out.submit(async (d) => {
          await setOutcome.mutateAsync({ ref: c.ref, outcome: d });
          onChanged('Outcome saved.');
        })}
        noValidate
        aria-label="Outcome at closure"
        className="card form-grid"
      >
        <SelectInput form={out} name="vocational" label="Vocational outcome" options={options(VOCATIONAL_OUTCOMES, VOCATIONAL_WORDS)} blank="Not recorded" />
        <SelectInput form={out} name="independentLiving" label="Independent living" options={options(LIVING_OUTCOMES, LIVING_WORDS)} blank="Not recorded" />
        <TextInput form={out} name="note" label="Note" hint={NO_NAMES} />
        <FormMessage form={out} />
        <div className="actions">
          <button type="submit">Save outcome</button>
        </div>
      </form>
      {(c.feedback ?? []).length ? (
        <ul aria-label="Feedback">
          {c.feedback!.map((x, i) => (
            <li key={i}>
              {ukDate(x.on)}, {FEEDBACK_FROM_WORDS[x.from]}: case manager {x.aboutCaseManager ?? '–'}/5, solicitor {x.aboutSolicitor ?? '–'}/5
              {x.comment ? ` · ${x.comment}` : ''}
            </li>
          ))}
        </ul>
      ) : null}
      <form
        onSubmit={fb.submit(async (d) => {
          await saveFeedback(d);
          fb.reset({ on: view.asOf });
        })}
        noValidate
        aria-label="Record feedback"
        className="card form-grid"
      >
        <DateInput form={fb} name="on" label="Given on" />
        <SelectInput form={fb} name="from" label="From" options={options(FEEDBACK_FROM, FEEDBACK_FROM_WORDS)} blank="Choose who" />
        <NumberInput form={fb} name="aboutCaseManager" label="Score for the case manager (1-5)" />
        <NumberInput form={fb} name="aboutSolicitor" label="Score for the solicitor (1-5)" />
        <TextInput form={fb} name="comment" label="Comment" multiline hint={NO_NAMES} />
        <FormMessage form={fb} />
        <div className="actions">
          <button type="submit">Record feedback</button>
        </div>
      </form>
    </section>
  );
}

export function Journey({ view, onChanged }: { view: CaseView; onChanged: Changed }) {
  const closed = view.case.status === 'closed';
  return (
    <>
      <StatusHistory view={view} onChanged={onChanged} />
      <Incidents view={view} onChanged={onChanged} />
      {closed ? <AfterClosing view={view} onChanged={onChanged} /> : null}
      <Goals view={view} onChanged={onChanged} />
      <Reviews view={view} list="planReviews" onChanged={onChanged} />
      <Reviews view={view} list="riskReviews" onChanged={onChanged} />
    </>
  );
}
