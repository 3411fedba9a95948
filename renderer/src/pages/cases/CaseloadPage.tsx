// Caseload figures (MTSP Practitioner H, Organisation G): for the firm, a line and a bar per
// case manager; for one case manager, the figures, the sentence to give an instructing
// party ("25 open active, 12 monitoring, 3 days a week") and the break-downs.
import { useState } from 'react';
import { Link } from '@tanstack/react-router';
import { useWatch } from 'react-hook-form';
import { z } from 'zod';
import type { CaseloadFigures } from '../../../../electron/contract/caseload';
import { isoDate } from '../../../../electron/contract/dates';
import { StatusBadge } from '../../components/Status';
import { useOpQuery } from '../../data/query';
import { useContractForm } from '../../forms/useContractForm';
import { DateInput } from '../../forms/inputs';
import { PageLoading } from '../../components/PageStates';
import { ukDateLong } from '../../format';
import { BarChart } from './BarChart';
import { word } from './words';

const sorted = (m: Record<string, number>, label: (k: string) => string = (k) => k): [string, number][] =>
  Object.entries(m)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([k, n]) => [label(k), n]);

function Sentence({ text, who }: { text: string; who: string }) {
  const [copied, setCopied] = useState<string | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied('Copied.');
    } catch {
      // No clipboard permission: select the text so Ctrl+C copies it.
      const el = document.getElementById('caseload-sentence');
      if (el) window.getSelection()?.selectAllChildren(el);
      setCopied('Selected: press Ctrl+C to copy.');
    }
  };
  return (
    <div className="sentence-box">
      <p className="hint">What to tell an instructing party about {who}:</p>
      <p className="sentence" id="caseload-sentence" aria-label="Caseload sentence">
        {text}
      </p>
      <div className="actions">
        <button className="secondary small" onClick={copy}>
          Copy sentence
        </button>
        <span role="status" className="saved">
          {copied}
        </span>
      </div>
    </div>
  );
}

function Figures({ f }: { f: CaseloadFigures }) {
  return (
    <dl className="details figures" aria-label="Caseload figures">
      <dt>Open active</dt>
      <dd data-figure="openActive">{f.openActive}</dd>
      <dt>Monitoring</dt>
      <dd data-figure="monitoring">{f.monitoring}</dd>
      <dt>Referrals not yet open</dt>
      <dd data-figure="referral">{f.referral}</dd>
      <dt>Days worked a week</dt>
      <dd data-figure="daysPerWeek">{f.daysPerWeek ?? 'Not recorded'}</dd>
      <dt>Open active cases per working day</dt>
      <dd data-figure="perWorkingDay">{f.perWorkingDay ?? 'Cannot be worked out'}</dd>
    </dl>
  );
}

const asOfForm = z.strictObject({ asOf: isoDate.optional() });

export function CaseloadPage({ staffRef }: { staffRef?: string }) {
  // "As of" is a choice of date, checked as typed; the figures follow it once it is a real date.
  const form = useContractForm(asOfForm, {});
  const typed = useWatch({ control: form.control, name: 'asOf' });
  const checked = asOfForm.safeParse({ asOf: typed || undefined });
  const [asOf, setAsOf] = useState<string | undefined>(undefined);
  const next = checked.success ? checked.data.asOf : asOf;
  if (next !== asOf) setAsOf(next);
  const query = useOpQuery('caseloadFigures', { ...(staffRef ? { staffRef } : {}), ...(asOf ? { asOf } : {}) }, { keepPrevious: true });
  if (query.error) throw query.error;
  const data = query.data;
  if (!data) return <PageLoading />;
  const f = data.figures;
  return (
    <section aria-labelledby="page-title">
      <header className="page-head">
        <h1 id="page-title">{data.ref ? `Caseload of ${data.name}` : 'Caseload across the firm'}</h1>
        <span className="head-badges">
          Load per working day: <StatusBadge status={data.status} />
        </span>
      </header>
      <div className="asof">
        <DateInput form={form} name="asOf" label="As of" hint={`Figures on this date; empty for today (${ukDateLong(data.asOf)})`} />
      </div>
      <p className="hint">
        On {ukDateLong(data.asOf)}. {data.reason}.
      </p>
      <div className="card">
        <Sentence text={data.sentence} who={data.ref ? data.name : 'the firm'} />
        <Figures f={f} />
        {data.ref ? (
          <p>
            <Link to="/caseload/{-$staffRef}" params={{}}>
              Back to the whole firm
            </Link>
          </p>
        ) : null}
      </div>
      {data.managers.length > 0 ? (
        <>
          <h2>Case managers</h2>
          <div className="scroll-x">
            <table className="table" aria-label="Caseload by case manager">
              <thead>
                <tr>
                  <th scope="col">Case manager</th>
                  <th scope="col">Open active</th>
                  <th scope="col">Monitoring</th>
                  <th scope="col">Referrals</th>
                  <th scope="col">Days a week</th>
                  <th scope="col">Per working day</th>
                  <th scope="col">Against the limit of {data.perDayMax}</th>
                </tr>
              </thead>
              <tbody>
                {data.managers.map((m) => (
                  <tr key={m.ref} data-ref={m.ref}>
                    <th scope="row">
                      <Link to="/caseload/{-$staffRef}" params={{ staffRef: m.ref }}>
                        {m.name}
                      </Link>
                    </th>
                    <td>{m.figures.openActive}</td>
                    <td>{m.figures.monitoring}</td>
                    <td>{m.figures.referral}</td>
                    <td>{m.figures.daysPerWeek ?? 'Not recorded'}</td>
                    <td>{m.figures.perWorkingDay ?? '—'}</td>
                    <td title={m.reason}>
                      <StatusBadge status={m.status} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="charts">
            <BarChart title="Open active cases by case manager" data={data.managers.map((m) => [m.name, m.figures.openActive])} />
            <BarChart title="Monitoring cases by case manager" data={data.managers.map((m) => [m.name, m.figures.monitoring])} />
          </div>
        </>
      ) : null}
      <h2>Open cases by kind</h2>
      <p className="hint">Open active and monitoring cases together.</p>
      <div className="charts">
        <BarChart title="By injury" data={sorted(f.byInjury, word)} />
        <BarChart title="By funding route" data={sorted(f.byFunding, word)} />
        <BarChart title="By instructing party" data={sorted(f.byParty)} />
      </div>
    </section>
  );
}
