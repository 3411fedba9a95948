// Suppliers instructed on the case (MTSP Governance A). Instructing checks the supplier's
// vetting on the instruction date; when they were not approved, the refusal is shown with
// a prompt for the reason to go ahead anyway, and the override is kept on the case.
import { useState } from 'react';
import type { CaseView } from '../../../../electron/contract/ops/cases';
import { ApiError, call } from '../../api';
import { DateField } from '../../components/DateField';
import { SelectField, TextField } from '../../components/fields';
import { Modal } from '../../components/Modal';
import { StatusBadge } from '../../components/Status';
import { useLoad } from '../../hooks';
import { ukDate } from '../../format';
import { isIsoDate } from '../../../../electron/contract/dates';

export function Instructions({ view, onChanged }: { view: CaseView; onChanged: (v: CaseView, message?: string) => void }) {
  const suppliers = useLoad(() => call('listSuppliers', {}), []);
  const [supplier, setSupplier] = useState<string | undefined>();
  const [on, setOn] = useState<string>(view.asOf);
  const [service, setService] = useState<string | undefined>();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | undefined>();
  const closed = view.case.status === 'closed';
  const chosen = suppliers.data?.find((s) => s.ref === supplier);
  const vetted = view.rules.find((r) => r.rule === 'CASE-SUPPLIERS-VETTED');

  const send = async (overrideReason?: string) => {
    setFormError(null);
    const local: Record<string, string> = {};
    if (!supplier) local.supplier = 'must be chosen';
    if (!isIsoDate(on)) local.on = 'must be a real date, written as dd/mm/yyyy';
    setErrors(local);
    if (Object.keys(local).length) return;
    try {
      const r = await call('instructSupplier', {
        ref: view.case.ref,
        supplier: supplier!,
        on,
        ...(service ? { service } : {}),
        ...(overrideReason ? { overrideReason } : {}),
      });
      setRefusal(null);
      setReason('');
      setSupplier(undefined);
      setService(undefined);
      const name = chosen?.name ?? supplier;
      onChanged(r.view, r.overridden ? `${name} was instructed; the override and its reason are recorded on the case.` : `${name} was instructed.`);
    } catch (e) {
      if (e instanceof ApiError && e.body.code === 'conflict' && e.field === 'overrideReason') {
        if (overrideReason) setReasonError(e.message);
        else setRefusal(e.message);
      } else if (e instanceof ApiError && e.field) {
        if (refusal) setReasonError(e.message);
        else setErrors({ [e.field]: e.message.replace(/^\w+: /, '') });
      } else setFormError((e as Error).message);
    }
  };

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
                  <a href={`#/suppliers/${encodeURIComponent(i.supplier)}`}>{i.supplierName}</a>
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
        <form
          className="card form-grid"
          aria-label="Instruct a supplier"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void send();
          }}
        >
          <h3 className="form-title span-all">Instruct a supplier</h3>
          <SelectField
            label="Supplier"
            name="supplier"
            value={supplier}
            onChange={(x) => {
              setSupplier(x);
              setService(undefined);
              setErrors({});
            }}
            options={(suppliers.data ?? []).map((s) => [s.ref, s.name] as [string, string])}
            blank="Choose a supplier"
            error={errors.supplier}
          />
          <DateField label="Instructed on" name="instructedOn" value={on} onChange={(x) => setOn(x)} error={errors.on} />
          <SelectField
            label="Service"
            name="service"
            value={service}
            onChange={setService}
            options={chosen?.services ?? []}
            blank="Not specified"
            error={errors.service}
          />
          {formError ? (
            <p className="form-error" role="alert">
              {formError}
            </p>
          ) : null}
          <div className="actions">
            <button type="submit">Instruct supplier</button>
          </div>
        </form>
      )}
      {refusal ? (
        <Modal
          title="This supplier was not approved on that date"
          onClose={() => {
            setRefusal(null);
            setReasonError(undefined);
          }}
        >
          <form
            noValidate
            aria-label="Override the vetting check"
            onSubmit={(e) => {
              e.preventDefault();
              if (!reason.trim()) return setReasonError('is required to instruct a supplier who was not approved');
              setReasonError(undefined);
              void send(reason.trim());
            }}
          >
            <p role="alert" className="form-error">
              {refusal}
            </p>
            <p>
              MTSP Governance A expects a supplier to be assessed as safe and effective before they are instructed. If you still need to instruct them, say why.
              The reason is kept with the instruction and shown on the case and in its compliance result.
            </p>
            <TextField label="Reason for the override" name="overrideReason" multiline value={reason} onChange={setReason} error={reasonError} required />
            <div className="actions">
              <button type="submit" className="danger">
                Instruct anyway and record the override
              </button>
              <button
                type="button"
                className="secondary"
                onClick={() => {
                  setRefusal(null);
                  setReasonError(undefined);
                }}
              >
                Don&apos;t instruct
              </button>
            </div>
          </form>
        </Modal>
      ) : null}
    </section>
  );
}
