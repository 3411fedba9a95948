// Supplier invoices as one table, shown on a case (its instructions' invoices) and on a supplier
// (theirs across every case): received, amount, paid, days to pay and the firm's terms (MTSP
// Organisation E, ORG-SUPPLIERS-PAID). The pages differ only in the first column and in what the
// "Paid" cell offers, so the words for each state and the money format have one home.
import type { ReactNode } from 'react';
import type { InvoiceView } from '../../../electron/contract/ops/journey';
import { poundsAndPence, ukDate } from '../format';

export const INVOICE_STATE_WORDS: Record<InvoiceView['state'], string> = {
  'paid-in-time': 'Paid in time',
  'paid-late': 'Paid late',
  unpaid: 'Unpaid, within terms',
  overdue: 'Unpaid, overdue',
};

export const isUnpaid = (inv: InvoiceView) => inv.state === 'unpaid' || inv.state === 'overdue';

export function InvoiceTable<T extends InvoiceView>(p: {
  label: string;
  /** The first column: the supplier on a case, the case on a supplier. */
  first: { heading: string; cell: (row: T) => ReactNode };
  rows: T[];
  rowKey: (row: T) => string;
  /** Shown after the paid date (a case offers "Record payment" on an unpaid invoice). */
  paidExtra?: (row: T) => ReactNode;
}) {
  return (
    <table className="table" aria-label={p.label}>
      <thead>
        <tr>
          <th scope="col">{p.first.heading}</th>
          <th scope="col">Invoice</th>
          <th scope="col">Received</th>
          <th scope="col">Amount</th>
          <th scope="col">Paid</th>
          <th scope="col">Days to pay</th>
          <th scope="col">Terms</th>
        </tr>
      </thead>
      <tbody>
        {p.rows.map((inv) => (
          <tr key={p.rowKey(inv)}>
            <td>{p.first.cell(inv)}</td>
            <td>{inv.number ?? 'No number'}</td>
            <td>{ukDate(inv.receivedOn)}</td>
            <td>{poundsAndPence(inv.amountGBP)}</td>
            <td>
              {inv.paidOn ? ukDate(inv.paidOn) : 'Not yet'}
              {p.paidExtra?.(inv)}
            </td>
            <td>{isUnpaid(inv) ? `${inv.days} so far` : inv.days}</td>
            <td className={`invoice-${inv.state}`}>
              {INVOICE_STATE_WORDS[inv.state]} (due by {ukDate(inv.dueBy)})
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
