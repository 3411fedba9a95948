// The supplier's invoices across every case and how long each took to pay (MTSP Organisation
// E, ORG-SUPPLIERS-PAID): the firm's terms, the mean days to pay, and any paid late or overdue.
import { Link } from '@tanstack/react-router';
import { useOp } from '../../data/query';
import { InvoiceTable } from '../../components/InvoiceTable';

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
          <InvoiceTable
            label="Invoices from this supplier"
            first={{
              heading: 'Case',
              cell: (r) => (
                <Link to="/cases/$ref" params={{ ref: r.caseRef }}>
                  {r.caseRef}
                </Link>
              ),
            }}
            rows={p.rows}
            rowKey={(r) => `${r.caseRef}-${r.instruction}-${r.index}`}
          />
        </>
      )}
    </section>
  );
}
