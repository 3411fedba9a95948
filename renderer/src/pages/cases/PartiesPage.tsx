// Cases by instructing party: how many, at what stage, the injury mix, and the median time
// from referral to closure.
import { useOp } from '../../data/query';
import { partyWord, word } from './words';

export function PartiesPage() {
  const data = useOp('partyReport', {});
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">Cases by instructing party</h1>
      {data.length === 0 ? (
        <p>No instructing parties yet: they are added with the first case each one sends.</p>
      ) : (
        <div className="scroll-x">
          <table className="table" aria-label="Cases by instructing party">
            <thead>
              <tr>
                <th scope="col">Instructing party</th>
                <th scope="col">Cases</th>
                <th scope="col">Referral</th>
                <th scope="col">Open active</th>
                <th scope="col">Monitoring</th>
                <th scope="col">Closed</th>
                <th scope="col">Injury mix</th>
                <th scope="col">Median days, referral to closure</th>
              </tr>
            </thead>
            <tbody>
              {data.map((p) => (
                <tr key={p.id}>
                  <th scope="row">
                    {p.name} <span className="hint">({partyWord(p.kind)})</span>
                  </th>
                  <td>{p.cases}</td>
                  <td>{p.referral}</td>
                  <td>{p.openActive}</td>
                  <td>{p.monitoring}</td>
                  <td>{p.closed}</td>
                  <td>
                    {Object.entries(p.byInjury)
                      .sort((a, b) => b[1] - a[1])
                      .map(([k, n]) => `${word(k)} ${n}`)
                      .join(', ') || 'None'}
                  </td>
                  <td>
                    {p.medianDaysToClose === null
                      ? 'No closed cases with both dates'
                      : `${p.medianDaysToClose} (from ${p.closedWithDates} closed case${p.closedWithDates === 1 ? '' : 's'})`}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
