// A staff member's profile: a tab per kind of evidence (details and experience, DBS
// checks, indemnity, registrations, CPD, training, peer reviews), each with its records and
// their files, and the compliance panel with every rule and its exemptions.
// Routes: /staff/REF and /staff/REF/TAB (e.g. #/staff/RR-02/indemnity).
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { Link, useNavigate } from '@tanstack/react-router';
import type { StaffSnapshot } from '../../../electron/contract/model';
import { useAction, useOp, useOps } from '../data/query';
import { RecordHistory } from '../components/RecordHistory';
import { ukDate } from '../format';
import { StatusBadge } from '../components/Status';
import { STAFF_TABS, tabOfRule, type StaffTab } from '../links';
import { StaffForm } from './StaffForm';
import { CompliancePanel } from './staff/CompliancePanel';
import { KINDS } from './staff/kinds';
import { RecordList } from './staff/Records';
import { PassportExport } from './intake/PassportExport';
import { TodoSection } from './todo/TodoList';
import { CpdYearsTable, cpdGroupOf } from './staff/CpdYears';
import { PasteCpd } from './staff/PasteCpd';
import { ExportListButton } from '../components/ExportListButton';
import { RegisterCheckActions } from './staff/RegisterCheck';
import type { RuleResult } from '../../../electron/contract/compliance';
import type { RuleInfoView } from '../../../electron/contract/ops/evidence';

/** The records of one evidence tab. */
function TabRecords({ tab, person, add, asOf }: { tab: Exclude<StaffTab, 'details'>; person: StaffSnapshot; add?: boolean; asOf: string }) {
  const owner = { type: 'staff' as const, ref: person.ref };
  switch (tab) {
    case 'dbs':
      return (
        <RecordList
          spec={KINDS.dbs}
          owner={owner}
          records={person.dbs}
          startAdding={add}
          extraActions={(r) => (
            <RegisterCheckActions staffRef={person.ref} recordId={r.id} kind="dbs" checks={r.statusChecks} today={asOf} label={KINDS.dbs.heading(r)} />
          )}
        />
      );
    case 'indemnity':
      // Someone working for themselves holds their own policy; anyone else may hold it through the employer.
      return (
        <RecordList
          spec={KINDS.indemnity}
          owner={owner}
          records={person.indemnity}
          startAdding={add}
          defaults={person.solePractitioner || person.employment === 'self-employed' ? { heldBy: 'self' } : undefined}
        />
      );
    case 'registrations':
      return (
        <RecordList
          spec={KINDS.registration}
          owner={owner}
          records={person.registrations}
          startAdding={add}
          extraActions={(r) => (
            <RegisterCheckActions
              staffRef={person.ref}
              recordId={r.id}
              kind="registration"
              body={r.body}
              checks={r.checks}
              today={asOf}
              label={KINDS.registration.heading(r)}
            />
          )}
        />
      );
    case 'cpd':
      return (
        <>
          <CpdYearsTable entries={person.cpd} asOf={asOf} />
          <PasteCpd staffRef={person.ref} />
          <ExportListButton list="cpd" staffRef={person.ref} what="the CPD log" />
          <RecordList spec={KINDS.cpd} owner={owner} records={person.cpd} startAdding={add} groupOf={cpdGroupOf(asOf)} />
        </>
      );
    case 'training':
      return (
        <>
          <ExportListButton list="training" staffRef={person.ref} what="the training list" />
          <RecordList spec={KINDS.training} owner={owner} records={person.training} startAdding={add} />
        </>
      );
    case 'peer-reviews':
      return <RecordList spec={KINDS.peerReview} owner={owner} records={person.peerReviews} startAdding={add} />;
    case 'policy-acks':
      return <RecordList spec={KINDS.policyAck} owner={owner} records={person.policyAcknowledgements ?? []} startAdding={add} />;
    case 'outside-cases':
      return <RecordList spec={KINDS.outsideCaseload} owner={owner} records={person.outsideCaseload ?? []} startAdding={add} />;
  }
}
const TAB_INTRO: Record<Exclude<StaffTab, 'details'>, string> = {
  dbs: KINDS.dbs.intro,
  indemnity: KINDS.indemnity.intro,
  registrations: KINDS.registration.intro,
  cpd: KINDS.cpd.intro,
  training: KINDS.training.intro,
  'peer-reviews': KINDS.peerReview.intro,
  'policy-acks': KINDS.policyAck.intro,
  'outside-cases': KINDS.outsideCaseload.intro,
};

export function StaffPage({ staffRef, tab, add }: { staffRef: string; tab: StaffTab; add?: boolean }) {
  // One call for the person and their results, read from their own rows (not the whole firm).
  const [profile, catalogueList, state] = useOps([
    ['staffProfile', { ref: staffRef }],
    ['ruleCatalogue', {}],
    ['vaultState', {}],
  ]);
  const person = profile.person;
  const catalogue = new Map(catalogueList.map((r) => [r.id, r]));
  const navigate = useNavigate();
  const tabsRef = useRef<HTMLDivElement>(null);
  const first = useRef(true);
  // Arriving on a tab from a link further down the page: bring the tabs into view.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const active = document.activeElement;
    if (!tabsRef.current?.contains(active)) tabsRef.current?.scrollIntoView({ block: 'start' });
  }, [tab]);

  const subject = profile.report;
  const rulesOfTab = (t: StaffTab) => subject?.rules.filter((r) => tabOfRule(r.rule) === t) ?? [];
  const openTab = (t: StaffTab) => navigate({ to: '/staff/$ref/{-$tab}', params: { ref: staffRef, tab: t } });

  const onTabKey = (e: KeyboardEvent<HTMLButtonElement>) => {
    const i = STAFF_TABS.findIndex(([k]) => k === tab);
    const to = e.key === 'ArrowRight' ? i + 1 : e.key === 'ArrowLeft' ? i - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? STAFF_TABS.length - 1 : null;
    if (to === null) return;
    e.preventDefault();
    const next = STAFF_TABS[(to + STAFF_TABS.length) % STAFF_TABS.length][0];
    void openTab(next);
    requestAnimationFrame(() => document.getElementById(`tab-${next}`)?.focus());
  };

  return (
    <section aria-labelledby="page-title">
      <header className="page-head">
        <h1 id="page-title">{person.name}</h1>
        {subject ? (
          <span>
            Overall: <StatusBadge status={subject.status} />
          </span>
        ) : null}
      </header>
      <p className="hint">
        {[person.ref, person.profession, person.role].filter(Boolean).join(' · ')} · as of {ukDate(profile.asOf)} ·{' '}
        <Link to="/checklist/{-$ref}" params={{ ref: person.ref }}>
          Self checklist
        </Link>
      </p>

      <TodoSection staffRef={person.ref} name={person.name} />

      <div className="tabs-row" role="tablist" aria-label={`Evidence of ${person.name}`} ref={tabsRef}>
        {STAFF_TABS.map(([key, words]) => {
          const worst = worstOf(rulesOfTab(key));
          return (
            <button
              key={key}
              id={`tab-${key}`}
              role="tab"
              type="button"
              aria-selected={tab === key}
              aria-controls="staff-tabpanel"
              tabIndex={tab === key ? 0 : -1}
              onClick={() => void openTab(key)}
              onKeyDown={onTabKey}
              className="tab"
            >
              {words}
              {worst && worst !== 'met' ? (
                <span className={`tab-dot dot-${worst}`} title={worst === 'not_met' ? 'Needs attention' : 'Due soon'}>
                  <span aria-hidden="true">{worst === 'not_met' ? '✕' : '!'}</span>
                  <span className="visually-hidden">{worst === 'not_met' ? ' (needs attention)' : ' (due soon)'}</span>
                </span>
              ) : null}
            </button>
          );
        })}
      </div>
      <div className="tabpanel" id="staff-tabpanel" role="tabpanel" aria-labelledby={`tab-${tab}`}>
        <RuleStrip
          rules={tab === 'outside-cases' ? (subject?.rules.filter((r) => r.rule === 'STAFF-CASELOAD') ?? []) : rulesOfTab(tab)}
          catalogue={catalogue}
        />
        {tab === 'details' ? (
          <>
            <DetailsTab person={person} staffRef={staffRef} caseload={subject?.rules.find((r) => r.rule === 'STAFF-CASELOAD')} />
            <RecordHistory kind="staff" reference={person.ref} />
          </>
        ) : (
          <>
            <p className="hint">{TAB_INTRO[tab]}</p>
            {/* A to-do link (?add=1) opens a fresh list with its add form showing. */}
            <TabRecords key={`${tab}${add ? '-add' : ''}`} tab={tab} person={person} add={add} asOf={profile.asOf} />
          </>
        )}
      </div>

      {subject ? (
        <CompliancePanel
          staffRef={person.ref}
          name={person.name}
          rules={subject.rules}
          catalogue={catalogue}
          exemptions={person.exemptions}
          user={state.user}
          today={profile.asOf}
        />
      ) : null}
    </section>
  );
}

function worstOf(rules: RuleResult[]): 'not_met' | 'due_soon' | 'met' | null {
  if (!rules.length) return null;
  if (rules.some((r) => r.status === 'not_met')) return 'not_met';
  if (rules.some((r) => r.status === 'due_soon')) return 'due_soon';
  return 'met';
}

/** The rules a tab's evidence answers, with their status and reason. */
function RuleStrip({ rules, catalogue }: { rules: RuleResult[]; catalogue: Map<string, RuleInfoView> }) {
  if (!rules.length) return null;
  return (
    <ul className="rule-strip" aria-label="Rules this evidence answers">
      {rules.map((r) => (
        <li key={r.rule} data-rule={r.rule}>
          <strong>{catalogue.get(r.rule)?.title ?? r.rule}</strong> <StatusBadge status={r.status} /> <span className="hint">{r.reason}</span>
        </li>
      ))}
    </ul>
  );
}

/** MTSP Practitioner D: cases of each complexity opened or worked in the last two years. */
function CaseMix({ staffRef }: { staffRef: string }) {
  const m = useOp('staffCaseMix', { ref: staffRef });
  const words: Record<string, string> = { low: 'low', medium: 'medium', high: 'high', 'not recorded': 'complexity not recorded' };
  const parts = Object.entries(m.byComplexity).map(([k, n]) => `${n} ${words[k] ?? k}`);
  return (
    <>
      <dt>Cases in the last two years</dt>
      <dd data-testid="case-mix">
        {m.total === 0 ? 'None' : `${m.total} (${parts.join(', ')})`}, {ukDate(m.from)} to {ukDate(m.asOf)}
      </dd>
    </>
  );
}

function DetailsTab({ person, staffRef, caseload }: { person: StaffSnapshot; staffRef: string; caseload?: RuleResult }) {
  const navigate = useNavigate();
  const [editing, setEditing] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const deleteStaff = useAction('deleteStaff');
  const remove = () => deleteStaff.mutate({ ref: person.ref }, { onSuccess: () => void navigate({ to: '/staff' }) });
  if (editing) {
    return (
      <StaffForm
        initial={person}
        onSaved={(ref) => {
          setEditing(false);
          if (ref !== staffRef) void navigate({ to: '/staff/$ref/{-$tab}', params: { ref } });
        }}
        onCancel={() => setEditing(false)}
      />
    );
  }
  return (
    <div className="card">
      <dl className="details">
        <dt>Reference</dt>
        <dd>{person.ref}</dd>
        <dt>Profession</dt>
        <dd>{person.profession ?? 'Not recorded'}</dd>
        <dt>Role</dt>
        <dd>{person.role ?? 'Not recorded'}</dd>
        <dt>Employment</dt>
        <dd>{person.employment?.replace('-', ' ') ?? 'Not recorded'}</dd>
        <dt>Sole practitioner</dt>
        <dd>
          {person.solePractitioner
            ? `Yes${person.soleWorkingSafeguards ? ` (safeguards: ${person.soleWorkingSafeguards})` : ', no safeguards recorded'}`
            : 'No'}
        </dd>
        <dt>Case management since</dt>
        <dd>{ukDate(person.caseManagementSince) || 'Not recorded'}</dd>
        <dt>Qualified on</dt>
        <dd>{ukDate(person.qualifiedOn) || 'Not recorded'}</dd>
        <dt>Days a week</dt>
        <dd>{person.daysPerWeek ?? 'Not recorded'}</dd>
        {caseload ? (
          <>
            <dt>Caseload</dt>
            <dd>{caseload.reason}</dd>
          </>
        ) : null}
        <CaseMix staffRef={person.ref} />
      </dl>
      <div className="actions">
        <button onClick={() => setEditing(true)}>Edit details</button>
        {confirmDelete ? (
          <>
            <button className="danger" onClick={remove}>
              Yes, delete {person.name} and their evidence
            </button>
            <button className="secondary" onClick={() => setConfirmDelete(false)}>
              Keep
            </button>
          </>
        ) : (
          <button className="secondary" onClick={() => setConfirmDelete(true)}>
            Delete…
          </button>
        )}
      </div>
      <PassportExport staffRef={person.ref} name={person.name} />
      {deleteStaff.error ? (
        <p className="form-error" role="alert">
          {deleteStaff.error.message}
        </p>
      ) : null}
    </div>
  );
}
