// Suppliers instructed on the case (MTSP Governance A). Instructing checks the supplier's
// vetting on the instruction date; when they were not approved, the refusal is shown with
// a prompt for the reason to go ahead anyway, and the override is kept on the case.
import { useState } from 'react';
import { Link } from '@tanstack/react-router';
import { useWatch } from 'react-hook-form';
import { z } from 'zod';
import { instructInput, type CaseView } from '../../../../electron/contract/ops/cases';
import { ApiError } from '../../api';
import { Modal } from '../../components/Modal';
import { StatusBadge } from '../../components/Status';
import { useAction, useOp } from '../../data/query';
import { useContractForm } from '../../forms/useContractForm';
import { DateInput, FormMessage, SelectInput, TextInput } from '../../forms/inputs';
import { ukDate } from '../../format';

type Instruct = z.infer<typeof instructInput>;
/** The reason for instructing a supplier who was not approved: required here (optional in the contract, which asks for it only then). */
const REQUIRED = 'is required to instruct a supplier who was not approved';
const overrideForm = z.strictObject({
  overrideReason: z.string({ error: REQUIRED }).trim().min(1, REQUIRED).max(2000, 'must be at most 2000 characters'),
});

export function Instructions({ view, onChanged }: { view: CaseView; onChanged: (message: string) => void }) {
  const suppliers = useOp('listSuppliers', {});
  const f = useContractForm(instructInput, { ref: view.case.ref, on: view.asOf });
  const instruct = useAction('instructSupplier');
  const supplier = useWatch({ control: f.control, name: 'supplier' });
  // The instruction waiting for an override reason, with main's words for why it was refused.
  const [refused, setRefused] = useState<{ request: Instruct; why: string } | null>(null);
  const closed = view.case.status === 'closed';
  const chosen = suppliers.find((s) => s.ref === supplier);
  const vetted = view.rules.find((r) => r.rule === 'CASE-SUPPLIERS-VETTED');

  const send = async (request: Instruct) => {
    const r = await instruct.mutateAsync(request);
    setRefused(null);
    f.reset({ ref: view.case.ref, on: request.on });
    const name = suppliers.find((s) => s.ref === request.supplier)?.name ?? request.supplier;
    onChanged(r.overridden ? `${name} was instructed; the override and its reason are recorded on the case.` : `${name} was instructed.`);
  };
  const submit = f.submit(async (d) => {
    try {
      await send(d);
    } catch (e) {
      // Not approved on that day: ask for the reason to go ahead anyway.
      if (e instanceof ApiError && e.body.code === 'conflict' && e.field === 'overrideReason') setRefused({ request: d, why: e.message });
      else throw e;
    }
  });

  return (
    <section aria-labelledby="instructions-title">
      <h2 id="instructions-title">Suppliers instructed</h2>
      {vetted ? (
        <p className="practice-rule" data-rule={vetted.rule}>
          <StatusBadge status={vetted.status} /> <span className="rule-id">{vetted.rule}</span> {vetted.reason}
        </p>
      ) : null}
      {view.instructions.length === 0 ? (
        <p className="hint">No suppliers instructed on this case yet.</p>
      ) : (
        <table className="table" aria-label="Suppliers instructed">
          <thead>
            <tr>
              <th scope="col">Supplier</th>
              <th scope="col">Service</th>
              <th scope="col">Instructed on</th>
              <th scope="col">Vetting on that day</th>
            </tr>
          </thead>
          <tbody>
            {view.instructions.map((i, n) => (
              <tr key={n}>
                <th scope="row">
                  <Link to="/suppliers/$ref" params={{ ref: i.supplier }}>
                    {i.supplierName}
                  </Link>
                </th>
                <td>{i.service ?? 'Not specified'}</td>
                <td>{ukDate(i.on)}</td>
                <td>
                  {i.approvedOnDay ? (
                    <span className="status status-met">
                      <span aria-hidden="true">✓ </span>Approved
                    </span>
                  ) : (
                    <span className="status status-not_met">
                      <span aria-hidden="true">✕ </span>Not approved
                    </span>
                  )}
                  <div className="hint">{i.approval}</div>
                  {i.overrideReason ? (
                    <div className="override">
                      <strong>Override recorded:</strong> {i.overrideReason}
                    </div>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {closed ? null : (
        <form className="card form-grid" aria-label="Instruct a supplier" noValidate onSubmit={submit}>
          <h3 className="form-title span-all">Instruct a supplier</h3>
          <SelectInput
            form={f}
            name="supplier"
            label="Supplier"
            options={suppliers.map((s) => [s.ref, s.name] as const)}
            blank="Choose a supplier"
            onPicked={() => f.setValue('service', undefined)}
          />
          <DateInput form={f} name="on" label="Instructed on" />
          <SelectInput form={f} name="service" label="Service" options={chosen?.services ?? []} blank="Not specified" />
          <FormMessage form={f} />
          <div className="actions">
            <button type="submit">Instruct supplier</button>
          </div>
        </form>
      )}
      {refused ? (
        <OverrideDialog why={refused.why} onCancel={() => setRefused(null)} onSend={(overrideReason) => send({ ...refused.request, overrideReason })} />
      ) : null}
    </section>
  );
}

/** MTSP Governance A: instructing a supplier who was not approved needs a reason, kept with the instruction. */
function OverrideDialog({ why, onCancel, onSend }: { why: string; onCancel: () => void; onSend: (reason: string) => Promise<void> }) {
  const f = useContractForm(overrideForm, { overrideReason: '' });
  return (
    <Modal title="This supplier was not approved on that date" onClose={onCancel}>
      <form noValidate aria-label="Override the vetting check" onSubmit={f.submit((d) => onSend(d.overrideReason))}>
        <p role="alert" className="form-error">
          {why}
        </p>
        <p>
          MTSP Governance A expects a supplier to be assessed as safe and effective before they are instructed. If you still need to instruct them, say why. The
          reason is kept with the instruction and shown on the case and in its compliance result.
        </p>
        <TextInput form={f} name="overrideReason" label="Reason for the override" multiline required />
        <FormMessage form={f} />
        <div className="actions">
          <button type="submit" className="danger">
            Instruct anyway and record the override
          </button>
          <button type="button" className="secondary" onClick={onCancel}>
            Don&apos;t instruct
          </button>
        </div>
      </form>
    </Modal>
  );
}
