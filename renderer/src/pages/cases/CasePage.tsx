// One case: its details, the standard-practice checklist with the CASE-* rule beside each
// item, suppliers instructed (Governance A), handovers (Organisation I), its history, and
// closing, reopening and deleting.
import { RecordHistory } from '../../components/RecordHistory';
import { Suspense, useState } from 'react';
import { Link, useNavigate } from '@tanstack/react-router';
import { PageLoading } from '../../components/PageStates';
import { StatusBadge } from '../../components/Status';
import { useAction, useOp } from '../../data/query';
import { ukDate, ukDateLong } from '../../format';
import { CaseForm } from './CaseForm';
import { CaseStatus } from './CaseStatus';
import { Checklist } from './Checklist';
import { CloseDialog, DeleteDialog } from './CloseDialogs';
import { HandoverDialog } from './HandoverDialog';
import { Instructions } from './Instructions';
import { Invoices } from './Invoices';
import { Journey } from './Journey';
import { COMPLEXITY_WORDS, days, partyWord, word } from './words';
import { detailsOf } from '../../../../electron/contract/ops/journey';

type Dialog = 'close' | 'handover' | 'delete' | null;

export function CasePage({ caseRef }: { caseRef: string }) {
  const v = useOp('getCase', { ref: caseRef });
  const navigate = useNavigate();
  const reopenCase = useAction('changeCaseStatus');
  const [editing, setEditing] = useState(false);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const c = v.case;
  // Every change refreshes this page's case (data/ops.ts); this says what happened.
  const changed = (message: string) => {
    setNotice(message);
    setActionError(null);
  };
  const reopen = async () => {
    try {
      // Reopening is a change of status like any other: it joins the case's history.
      await reopenCase.mutateAsync({ ref: c.ref, status: 'open-active', on: v.asOf });
      changed(`Case ${c.ref} was reopened.`);
    } catch (e) {
      setActionError(e instanceof Error ? e.message : String(e));
    }
  };
  const details = detailsOf(c);
  return (
    <section aria-labelledby="page-title">
      <header className="page-head">
        <h1 id="page-title">
          Case {c.ref}
          {c.initials ? <span className="subtle"> · client {c.initials}</span> : null}
        </h1>
        <span className="head-badges">
          <CaseStatus status={c.status} /> <span className="visually-hidden">Compliance:</span>
          <StatusBadge status={v.status} />
        </span>
      </header>
      {notice ? (
        <p role="status" className="saved">
          {notice}
        </p>
      ) : null}
      {actionError ? (
        <p role="alert" className="form-error">
          {actionError}
        </p>
      ) : null}
      {editing ? (
        <CaseForm
          initial={details}
          onSaved={(ref) => {
            setEditing(false);
            if (ref !== caseRef) void navigate({ to: '/cases/$ref', params: { ref } });
            else changed('Details saved.');
          }}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <div className="card">
          <dl className="details">
            <dt>Case manager</dt>
            <dd>
              <Link to="/caseload/{-$staffRef}" params={{ staffRef: c.caseManager }}>
                {v.caseManagerName}
              </Link>
            </dd>
            <dt>Instructing party</dt>
            <dd>
              {c.instructingParty.name} ({partyWord(c.instructingParty.kind)}){c.instructingParty.contact ? ` · ${c.instructingParty.contact}` : ''}
            </dd>
            <dt>Funding route</dt>
            <dd>{word(c.funding)}</dd>
            <dt>Injury</dt>
            <dd>{word(c.injury)}</dd>
            <dt>Complexity</dt>
            <dd>{c.complexity ? COMPLEXITY_WORDS[c.complexity] : 'Not recorded'}</dd>
            <dt>Referred on</dt>
            <dd>{ukDate(c.referredOn) || 'Not recorded'}</dd>
            <dt>Opened on</dt>
            <dd>{ukDate(c.openedOn) || 'Not recorded'}</dd>
            {c.status === 'closed' ? (
              <>
                <dt>Closed</dt>
                <dd>
                  {ukDate(c.closedOn) || 'No date recorded'}
                  {c.closedReason ? ` · ${c.closedReason}` : ''}
                </dd>
              </>
            ) : null}
          </dl>
          {v.retention ? (
            <p className="hint" id="retention-note">
              {v.retention.keepUntil
                ? v.retention.past
                  ? `The ${v.retention.years}-year retention period ended on ${ukDateLong(v.retention.keepUntil)}: review the case and delete it if nothing requires it to be kept.`
                  : `Closed cases are kept for ${v.retention.years} years: this one until ${ukDateLong(v.retention.keepUntil)}.`
                : 'No closing date is recorded, so the retention period cannot be worked out. Add the date with Edit details.'}
            </p>
          ) : null}
          <div className="actions">
            <button onClick={() => setEditing(true)}>Edit details</button>
            {c.status !== 'closed' ? (
              <>
                <button className="secondary" onClick={() => setDialog('handover')}>
                  Hand over…
                </button>
                <button className="secondary" onClick={() => setDialog('close')}>
                  Close case…
                </button>
              </>
            ) : (
              <>
                <button className="secondary" onClick={reopen}>
                  Reopen case
                </button>
                <button className="secondary" onClick={() => setDialog('delete')}>
                  Delete case…
                </button>
              </>
            )}
          </div>
        </div>
      )}

      <Checklist view={v} onSaved={() => changed('Checklist saved.')} />
      <Suspense fallback={<PageLoading />}>
        <Instructions view={v} onChanged={changed} />
      </Suspense>
      <Invoices view={v} onChanged={changed} />
      <Journey view={v} onChanged={changed} />

      <section aria-labelledby="handovers-title">
        <h2 id="handovers-title">Handovers</h2>
        {v.handovers.length === 0 ? (
          <p className="hint">No handovers: {v.caseManagerName} has managed this case throughout.</p>
        ) : (
          <table className="table" aria-label="Handovers">
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">From</th>
                <th scope="col">To</th>
                <th scope="col">Reason</th>
                <th scope="col">Joint working</th>
                <th scope="col">Client informed</th>
                <th scope="col">Note</th>
              </tr>
            </thead>
            <tbody>
              {v.handovers.map((h, i) => (
                <tr key={i}>
                  <td>{ukDate(h.on)}</td>
                  <td>{h.fromName}</td>
                  <td>{h.toName}</td>
                  <td>{h.reason}</td>
                  <td>{h.jointWorkingDays ? days(h.jointWorkingDays) : 'None recorded'}</td>
                  <td>{h.clientInformed ? 'Yes' : 'Not yet'}</td>
                  <td>{h.note ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="history-title">
        <h2 id="history-title">History</h2>
        {v.history.length === 0 ? (
          <p className="hint">No dated events yet.</p>
        ) : (
          <ol className="history" aria-label="Case history">
            {v.history.map((e, i) => (
              <li key={i} className={`history-${e.kind}`}>
                <span className="due-date">{ukDate(e.on)}</span> {e.what}
              </li>
            ))}
          </ol>
        )}
      </section>

      <RecordHistory kind="case" reference={c.ref} />

      {dialog === 'close' ? (
        <CloseDialog caseRef={c.ref} onClose={() => setDialog(null)} onDone={() => (setDialog(null), changed(`Case ${c.ref} was closed.`))} />
      ) : null}
      {dialog === 'handover' ? (
        <Suspense fallback={<PageLoading />}>
          <HandoverDialog view={v} onClose={() => setDialog(null)} onDone={(to) => (setDialog(null), changed(`Case ${c.ref} was handed over to ${to}.`))} />
        </Suspense>
      ) : null}
      {dialog === 'delete' ? (
        <DeleteDialog caseRef={c.ref} retention={v.retention} onClose={() => setDialog(null)} onDone={() => void navigate({ to: '/cases' })} />
      ) : null}
    </section>
  );
}
