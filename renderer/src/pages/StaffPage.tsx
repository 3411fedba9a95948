// A staff member's profile: a tab per kind of evidence (details and experience, DBS
// checks, indemnity, registrations, CPD, training, peer reviews), each with its records and
// their files, and the compliance panel with every rule and its exemptions.
// Routes: #/staff/REF and #/staff/REF/TAB (e.g. #/staff/RR-02/indemnity).
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { StaffSnapshot } from '../../../electron/contract/model';
import { call } from '../api';
import { useLoad } from '../hooks';
import { ukDate } from '../format';
import { StatusBadge } from '../components/Status';
import { STAFF_TABS, tabOfRule, type StaffTab } from '../links';
import { StaffForm } from './StaffForm';
import { CompliancePanel } from './staff/CompliancePanel';
import { KINDS, type KindSpec } from './staff/kinds';
import { RecordList, type StoredRec } from './staff/Records';
import type { RuleResult } from '../../../electron/contract/compliance';
import type { RuleInfoView } from '../../../electron/contract/ops/evidence';

const TAB_RECORDS: Record<Exclude<StaffTab, 'details'>, { spec: KindSpec; list: (p: StaffSnapshot) => StoredRec[] }> = {
  dbs: { spec: KINDS.dbs, list: (p) => p.dbs },
  indemnity: { spec: KINDS.indemnity, list: (p) => p.indemnity },
  registrations: { spec: KINDS.registration, list: (p) => p.registrations },
  cpd: { spec: KINDS.cpd, list: (p) => p.cpd },
  training: { spec: KINDS.training, list: (p) => p.training },
  'peer-reviews': { spec: KINDS.peerReview, list: (p) => p.peerReviews },
};

export function StaffPage({ staffRef, tab: tabParam, go }: { staffRef: string; tab?: string; go: (to: string) => void }) {
  const { data, error, reload } = useLoad(async () => {
    const [person, report, catalogue, state] = await Promise.all([
      call('getStaff', { ref: staffRef }),
      call('complianceReport', {}),
      call('ruleCatalogue', {}),
      call('vaultState', {}),
    ]);
    return { person, report, catalogue: new Map(catalogue.map((r) => [r.id, r])), user: state.user };
  }, [staffRef]);
  const tab: StaffTab = STAFF_TABS.some(([k]) => k === tabParam) ? (tabParam as StaffTab) : 'details';
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

  if (error)
    return (
      <p role="alert" className="form-error">
        {error}
      </p>
    );
  if (!data) return <p aria-busy="true">Loading…</p>;
  const { person, report, catalogue, user } = data;
  const subject = report.staff.find((s) => s.ref === staffRef) ?? null;
  const rulesOfTab = (t: StaffTab) => subject?.rules.filter((r) => tabOfRule(r.rule) === t) ?? [];
  const openTab = (t: string) => go(`/staff/${encodeURIComponent(staffRef)}/${t}`);

  const onTabKey = (e: KeyboardEvent<HTMLButtonElement>) => {
    const i = STAFF_TABS.findIndex(([k]) => k === tab);
    const to = e.key === 'ArrowRight' ? i + 1 : e.key === 'ArrowLeft' ? i - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? STAFF_TABS.length - 1 : null;
    if (to === null) return;
    e.preventDefault();
    const next = STAFF_TABS[(to + STAFF_TABS.length) % STAFF_TABS.length][0];
    openTab(next);
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
        {[person.ref, person.profession, person.role].filter(Boolean).join(' · ')} · as of {ukDate(report.asOf)} ·{' '}
        <a href={`#/checklist/${encodeURIComponent(person.ref)}`}>Self checklist</a>
      </p>

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
              onClick={() => openTab(key)}
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
        <RuleStrip rules={rulesOfTab(tab)} catalogue={catalogue} />
        {tab === 'details' ? (
          <DetailsTab person={person} reload={reload} go={go} staffRef={staffRef} caseload={subject?.rules.find((r) => r.rule === 'STAFF-CASELOAD')} />
        ) : (
          <>
            <p className="hint">{TAB_RECORDS[tab].spec.intro}</p>
            <RecordList
              key={tab}
              spec={TAB_RECORDS[tab].spec}
              owner={{ type: 'staff', ref: person.ref }}
              records={TAB_RECORDS[tab].list(person)}
              onChanged={reload}
            />
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
          user={user}
          today={report.asOf}
          onChanged={reload}
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

function DetailsTab({
  person,
  staffRef,
  reload,
  go,
  caseload,
}: {
  person: StaffSnapshot;
  staffRef: string;
  reload: () => void;
  go: (to: string) => void;
  caseload?: RuleResult;
}) {
  const [editing, setEditing] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);
  const remove = async () => {
    try {
      await call('deleteStaff', { ref: person.ref });
      go('/staff');
    } catch (e) {
      setActionError((e as Error).message);
    }
  };
  if (editing) {
    return (
      <StaffForm
        initial={person}
        onSaved={(ref) => {
          setEditing(false);
          if (ref !== staffRef) go(`/staff/${encodeURIComponent(ref)}`);
          else reload();
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
      {actionError ? (
        <p className="form-error" role="alert">
          {actionError}
        </p>
      ) : null}
    </div>
  );
}
