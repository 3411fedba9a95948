// The MTSP Model report (issue 14): for a period, by instructing party, the cases and their
// injury mix, rehabilitation spend by injury type, days from referral to settlement,
// vocational outcomes and feedback scores, as charts with their figures in words, and an
// XLSX export of the same figures (the CLI's `caseproof report mtsp`).
import { useState } from 'react';
import { z } from 'zod';
import { isoDate } from '../../../electron/contract/dates';
import { VOCATIONAL_WORDS, type MtspReport } from '../../../electron/contract/ops/journey';
import { useAction, useOp } from '../data/query';
import { useContractForm } from '../forms/useContractForm';
import { DateInput, FormMessage } from '../forms/inputs';
import { pounds, ukDate } from '../format';
import { BarChart } from './cases/BarChart';
import { partyWord, word } from './cases/words';

const period = z.strictObject({ from: isoDate.optional(), to: isoDate.optional() }).refine((p) => !p.from || !p.to || p.from <= p.to, {
  message: 'must not be before the start of the period',
  path: ['to'],
});
const sum = (m: Record<string, number>) => Object.values(m).reduce((a, b) => a + b, 0);

function Figures({ r }: { r: MtspReport }) {
  if (r.byParty.length === 0)
    return (
      <p>
        No case was referred or open between {ukDate(r.from)} and {ukDate(r.to)}.
      </p>
    );
  const name = (p: MtspReport['byParty'][number]) => `${p.party} (${partyWord(p.kind)})`;
  const merge = (pick: (p: MtspReport['byParty'][number]) => Record<string, number>) => {
    const all: Record<string, number> = {};
    for (const p of r.byParty) for (const [k, n] of Object.entries(pick(p))) all[k] = Math.round(((all[k] ?? 0) + n) * 100) / 100;
    return Object.entries(all).sort((a, b) => b[1] - a[1]);
  };
  return (
    <>
      <div className="charts">
        <BarChart title="Cases by instructing party" data={r.byParty.map((p) => [name(p), p.cases])} />
        <BarChart title="Injury mix, all parties" data={merge((p) => p.injuries).map(([k, n]) => [word(k), n])} />
        <BarChart title="Rehabilitation spend by injury type (£)" data={merge((p) => p.spendGBP).map(([k, n]) => [word(k), n])} unit="spend" />
        <BarChart
          title="Median days from referral to settlement"
          data={r.byParty.filter((p) => p.medianDaysReferralToSettlement !== null).map((p) => [name(p), p.medianDaysReferralToSettlement!])}
          unit="settled cases"
        />
        <BarChart
          title="Vocational outcomes"
          data={merge((p) => p.vocational).map(([k, n]) => [VOCATIONAL_WORDS[k as keyof typeof VOCATIONAL_WORDS] ?? k, n])}
          unit="outcomes"
        />
        <BarChart
          title="Mean feedback score for the case manager (out of 5)"
          data={r.byParty.filter((p) => p.feedback.aboutCaseManager !== null).map((p) => [name(p), p.feedback.aboutCaseManager!])}
          unit="scores"
        />
      </div>
      <table className="table" aria-label="MTSP Model figures by instructing party">
        <thead>
          <tr>
            <th scope="col">Instructing party</th>
            <th scope="col">Cases</th>
            <th scope="col">Injury mix</th>
            <th scope="col">Spend</th>
            <th scope="col">Median days to settlement</th>
            <th scope="col">Vocational outcomes</th>
            <th scope="col">Feedback</th>
          </tr>
        </thead>
        <tbody>
          {r.byParty.map((p) => (
            <tr key={`${p.kind}-${p.party}`}>
              <th scope="row">{name(p)}</th>
              <td>{p.cases}</td>
              <td>
                {Object.entries(p.injuries)
                  .map(([k, n]) => `${word(k)} ${n}`)
                  .join(', ')}
              </td>
              <td>{pounds(sum(p.spendGBP))}</td>
              <td>{p.medianDaysReferralToSettlement ?? 'None settled'}</td>
              <td>
                {Object.entries(p.vocational)
                  .map(([k, n]) => `${VOCATIONAL_WORDS[k as keyof typeof VOCATIONAL_WORDS] ?? k} ${n}`)
                  .join(', ') || 'None recorded'}
              </td>
              <td>
                {p.feedback.responses} response{p.feedback.responses === 1 ? '' : 's'}; case manager {p.feedback.aboutCaseManager ?? '–'}, solicitor{' '}
                {p.feedback.aboutSolicitor ?? '–'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

export function ReportsPage() {
  const [q, setQ] = useState<{ from?: string; to?: string }>({});
  const r = useOp('mtspReport', q);
  const f = useContractForm(period, { from: r.from, to: r.to });
  const exportReport = useAction('exportMtspReport');
  const [note, setNote] = useState<string | null>(null);
  return (
    <section aria-labelledby="page-title">
      <header className="page-head">
        <h1 id="page-title">Reports: the MTSP Model</h1>
      </header>
      <p className="hint">
        Cases referred or open from {ukDate(r.from)} to {ukDate(r.to)}. Spend counts the supplier invoices received in the period.
      </p>
      <form noValidate aria-label="Report period" className="card inline-form" onSubmit={f.submit(async (d) => setQ(d))}>
        <DateInput form={f} name="from" label="From" />
        <DateInput form={f} name="to" label="To" />
        <FormMessage form={f} />
        <div className="actions">
          <button type="submit">Show</button>
          <button
            type="button"
            className="secondary"
            onClick={async () => {
              // A failed export (the period refused, the file not writable) is said as the form's message.
              f.clearErrors();
              try {
                const res = await exportReport.mutateAsync(q);
                setNote(res.path ? `Saved the report to ${res.path}.` : null);
              } catch (e) {
                setNote(null);
                f.fail(e);
              }
            }}
          >
            Export to Excel…
          </button>
        </div>
      </form>
      {note ? (
        <p role="status" className="saved">
          {note}
        </p>
      ) : null}
      <Figures r={r} />
    </section>
  );
}
