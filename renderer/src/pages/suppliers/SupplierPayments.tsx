// The supplier's invoices across every case and how long each took to pay (MTSP Organisation
// E, ORG-SUPPLIERS-PAID): the firm's terms, the mean days to pay, and any paid late or overdue.
import { Link } from '@tanstack/react-router';
import { useOp } from '../../data/query';
import { ukDate } from '../../format';

const STATE_WORDS = { 'paid-in-time': 'Paid in time', 'paid-late': 'Paid late', unpaid: 'Unpaid, within terms', overdue: 'Unpaid, overdue' } as const;
const gbp = (n: number) => `£${n.toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

export function SupplierPayments({ supplierRef }: { supplierRef: string }) {
  const p = useOp('supplierInvoices', { ref: supplierRef });
  return (
    <section className="card" aria-labelledby="payments-title">
      <h2 id="payments-title">Invoices and days to pay</h2>
      {p.rows.length === 0 ? (
        <p className="hint">No invoice from this supplier is recorded on any case. Record invoices on the case that instructed them.</p>
      ) : (
        <>
          <p data-testid="days-to-pay">
            {p.meanDaysToPay === null ? 'None paid yet' : `Paid in ${p.meanDaysToPay} days on average`} against the firm&apos;s terms of {p.termsDays} days
            {p.paidLate ? `; ${p.paidLate} paid late` : ''}
            {p.overdue ? `; ${p.overdue} unpaid past the terms` : ''}.
          </p>
          <table className="table" aria-label="Invoices from this supplier">
            <thead>
              <tr>
                <th scope="col">Case</th>
                <th scope="col">Invoice</th>
                <th scope="col">Received</th>
                <th scope="col">Amount</th>
                <th scope="col">Paid</th>
                <th scope="col">Days to pay</th>
                <th scope="col">Terms</th>
              </tr>
            </thead>
            <tbody>
              {p.rows.map((r) => (
                <tr key={`${r.caseRef}-${r.instruction}-${r.index}`}>
                  <td>
                    <Link to="/cases/$ref" params={{ ref: r.caseRef }}>
                      {r.caseRef}
                    </Link>
                  </td>
                  <td>{r.number ?? 'No number'}</td>
                  <td>{ukDate(r.receivedOn)}</td>
                  <td>{gbp(r.amountGBP)}</td>
                  <td>{r.paidOn ? ukDate(r.paidOn) : 'Not yet'}</td>
                  <td>{r.paidOn ? r.days : `${r.days} so far`}</td>
                  <td>{STATE_WORDS[r.state]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
