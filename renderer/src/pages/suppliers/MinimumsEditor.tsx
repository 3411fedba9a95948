// The firm's minimum professional indemnity for suppliers: a default, and optionally a
// different minimum for particular services. A supplier needs the highest minimum among
// its services (a service without its own minimum needs the default).
import { Suspense } from 'react';
import { useWatch } from 'react-hook-form';
import { PageLoading } from '../../components/PageStates';
import { z } from 'zod';
import { inputs } from '../../../../electron/contract/api';
import { useAction, useOp } from '../../data/query';
import { pounds } from '../../format';
import { useContractForm } from '../../forms/useContractForm';
import { FormMessage, NumberInput, SavedNote } from '../../forms/inputs';

const contract = inputs.setSupplierIndemnityMinimums;
/** The form: the contract's default, and one row per service whose empty amount means "the default". */
const minimumsForm = z.strictObject({
  defaultGBP: contract.shape.defaultGBP,
  rows: z.array(z.strictObject({ service: z.string(), gbp: contract.shape.defaultGBP.optional() })),
});

export function MinimumsEditor({ services }: { services: string[] }) {
  return (
    <details className="card sv-minimums">
      <summary>Minimum indemnity by service</summary>
      <Suspense fallback={<PageLoading />}>
        <Minimums services={services} />
      </Suspense>
    </details>
  );
}

function Minimums({ services }: { services: string[] }) {
  const firm = useOp('getFirm', {});
  // A fresh form whenever the stored minimums change.
  return <MinimumsForm key={JSON.stringify(firm.settings)} settings={firm.settings} services={services} />;
}

function MinimumsForm({
  settings,
  services,
}: {
  settings: { supplierIndemnityMinGBP: number; supplierIndemnityMinByService?: Record<string, number> };
  services: string[];
}) {
  const byService = settings.supplierIndemnityMinByService ?? {};
  const known = [...services, ...Object.keys(byService).filter((k) => !services.some((s) => s.toLowerCase() === k.toLowerCase()))];
  const own = (s: string) => Object.entries(byService).find(([k]) => k.toLowerCase() === s.toLowerCase())?.[1];
  const f = useContractForm(minimumsForm, { defaultGBP: settings.supplierIndemnityMinGBP, rows: known.map((service) => ({ service, gbp: own(service) })) });
  const save = useAction('setSupplierIndemnityMinimums');
  const defaultGBP = useWatch({ control: f.control, name: 'defaultGBP' });
  const rows = useWatch({ control: f.control, name: 'rows' });
  const money = (n: unknown) => (typeof n === 'number' && Number.isFinite(n) && n > 0 ? pounds(n) : '');
  const submit = f.submit((d) =>
    save.mutateAsync({ defaultGBP: d.defaultGBP, byService: Object.fromEntries(d.rows.flatMap((r) => (r.gbp === undefined ? [] : [[r.service, r.gbp]]))) }),
  );
  return (
    <form onSubmit={submit} noValidate aria-label="Minimum indemnity by service">
      <p className="hint">A supplier needs at least the highest minimum among its services. Leave a service empty to use the default.</p>
      <div className="sv-money">
        <NumberInput form={f} name="defaultGBP" label="Default minimum (£)" hint={money(defaultGBP)} />
      </div>
      <table className="table sv-minimums-table">
        <thead>
          <tr>
            <th scope="col">Service</th>
            <th scope="col">Minimum (£)</th>
          </tr>
        </thead>
        <tbody>
          {known.map((service, i) => (
            <tr key={service}>
              <th scope="row">{service}</th>
              <td>
                <NumberInput
                  form={f}
                  name={`rows.${i}.gbp`}
                  label={`Minimum indemnity for ${service} (£)`}
                  labelHidden
                  placeholder={`Default (${money(defaultGBP) || '—'})`}
                  hint={money(rows?.[i]?.gbp)}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <FormMessage form={f} />
      <div className="actions">
        <button type="submit">Save minimums</button>
        <SavedNote form={f} />
      </div>
    </form>
  );
}
