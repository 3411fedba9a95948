// Supplier invoices on the case's instructions (MTSP Organisation E, ORG-SUPPLIERS-PAID): when
// each was received, how much, when it was paid and how many days that took against the
// firm's terms. An unpaid invoice gets "Record payment".
import { useState } from 'react';
import { z } from 'zod';
import { isoDate } from '../../../../electron/contract/dates';
import type { CaseView } from '../../../../electron/contract/ops/cases';
import type { InvoiceView } from '../../../../electron/contract/ops/journey';
import { invoice } from '../../../../electron/contract/model';
import { useAction } from '../../data/query';
import { useContractForm } from '../../forms/useContractForm';
import { DateInput, FormMessage, NumberInput, SelectInput, TextInput } from '../../forms/inputs';
import { ukDate } from '../../format';
import { InvoiceTable, isUnpaid } from '../../components/InvoiceTable';

const paidForm = z.strictObject({ paidOn: isoDate });
/** The instruction is chosen from a list (its position, as text in the select). */
const addForm = z.strictObject({ instruction: z.string({ error: 'must be chosen' }), invoice });

function RecordPayment({ view, instruction, inv, onChanged }: { view: CaseView; instruction: number; inv: InvoiceView; onChanged: (m: string) => void }) {
  const f = useContractForm(paidForm, { paidOn: view.asOf });
  const save = useAction('saveInvoice');
  const { index, days: _d, dueBy: _b, state: _s, ...invoice } = inv;
  return (
    <form
      noValidate
      aria-label={`Record payment of invoice ${inv.number ?? ukDate(inv.receivedOn)}`}
      className="inline-form"
      onSubmit={f.submit(async (d) => {
        await save.mutateAsync({ ref: view.case.ref, instruction, index, invoice: { ...invoice, paidOn: d.paidOn } });
        onChanged('Payment recorded.');
      })}
    >
      <DateInput form={f} name="paidOn" label="Paid on" />
      <FormMessage form={f} />
      <button type="submit">Record payment</button>
    </form>
  );
}

export function Invoices({ view, onChanged }: { view: CaseView; onChanged: (m: string) => void }) {
  const f = useContractForm(addForm, { instruction: '0', invoice: { receivedOn: view.asOf } });
  const save = useAction('saveInvoice');
  const [paying, setPaying] = useState<string | null>(null);
  if (view.instructions.length === 0) return null;
  const rows = view.journey.invoices.flatMap((g) => g.invoices.map((inv) => ({ ...inv, instruction: g.instruction, supplier: g.supplier })));
  return (
    <section aria-labelledby="invoices-title">
      <h2 id="invoices-title">Supplier invoices</h2>
      {rows.length === 0 ? (
        <p className="hint">No invoice recorded on this case.</p>
      ) : (
        <InvoiceTable
          label="Supplier invoices"
          first={{ heading: 'Supplier', cell: (inv) => view.instructions[inv.instruction]?.supplierName ?? inv.supplier }}
          rows={rows}
          rowKey={(inv) => `${inv.instruction}-${inv.index}`}
          paidExtra={(inv) => {
            if (!isUnpaid(inv)) return null;
            const key = `${inv.instruction}-${inv.index}`;
            return paying === key ? (
              <RecordPayment view={view} instruction={inv.instruction} inv={inv} onChanged={(m) => (setPaying(null), onChanged(m))} />
            ) : (
              <button className="secondary" onClick={() => setPaying(key)}>
                Record payment…
              </button>
            );
          }}
        />
      )}
      <form
        className="card form-grid"
        aria-label="Record an invoice"
        noValidate
        onSubmit={f.submit(async (d) => {
          await save.mutateAsync({ ref: view.case.ref, instruction: Number(d.instruction), invoice: d.invoice });
          f.reset({ instruction: d.instruction, invoice: { receivedOn: view.asOf } });
          onChanged('Invoice recorded.');
        })}
      >
        <h3 className="form-title span-all">Record an invoice</h3>
        <SelectInput
          form={f}
          name="instruction"
          label="Instruction"
          options={view.instructions.map((i, n) => [String(n), `${i.supplierName}, ${ukDate(i.on)}${i.service ? `, ${i.service}` : ''}`] as [string, string])}
        />
        <TextInput form={f} name="invoice.number" label="Invoice number" />
        <DateInput form={f} name="invoice.receivedOn" label="Received on" />
        <NumberInput form={f} name="invoice.amountGBP" label="Amount (£)" />
        <DateInput form={f} name="invoice.paidOn" label="Paid on" hint="Leave empty while unpaid." />
        <FormMessage form={f} />
        <div className="actions">
          <button type="submit">Record invoice</button>
        </div>
      </form>
    </section>
  );
}
