// The firm's minimum professional indemnity for suppliers: a default, and optionally a
// different minimum for particular services. A supplier needs the highest minimum among
// its services (a service without its own minimum needs the default).
import { useId, useState } from 'react';
import { call, ApiError } from '../../api';
import { useLoad } from '../../hooks';
import { pounds } from '../../format';

type Row = { service: string; gbp: string };

export function MinimumsEditor({ services, onSaved }: { services: string[]; onSaved: () => void }) {
  const { data, reload } = useLoad(() => call('getFirm', {}), []);
  return (
    <details className="card sv-minimums">
      <summary>Minimum indemnity by service</summary>
      {data ? (
        <MinimumsForm
          key={JSON.stringify(data.settings)}
          defaultGBP={data.settings.supplierIndemnityMinGBP}
          byService={data.settings.supplierIndemnityMinByService ?? {}}
          services={services}
          onSaved={() => {
            reload();
            onSaved();
          }}
        />
      ) : (
        <p aria-busy="true">Loading…</p>
      )}
    </details>
  );
}

function MinimumsForm({
  defaultGBP,
  byService,
  services,
  onSaved,
}: {
  defaultGBP: number;
  byService: Record<string, number>;
  services: string[];
  onSaved: () => void;
}) {
  const known = [...services, ...Object.keys(byService).filter((k) => !services.some((s) => s.toLowerCase() === k.toLowerCase()))];
  const own = (s: string) => Object.entries(byService).find(([k]) => k.toLowerCase() === s.toLowerCase())?.[1];
  const [def, setDef] = useState(String(defaultGBP));
  const [rows, setRows] = useState<Row[]>(known.map((s) => ({ service: s, gbp: own(s) === undefined ? '' : String(own(s)) })));
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const defId = useId();
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setSaved(false);
    setError(null);
    const d = Number(def);
    if (!def.trim() || !Number.isFinite(d) || d <= 0) return setError('The default minimum must be a positive number of pounds.');
    const map: Record<string, number> = {};
    for (const r of rows) {
      if (!r.gbp.trim()) continue;
      const n = Number(r.gbp);
      if (!Number.isFinite(n) || n <= 0) return setError(`The minimum for ${r.service} must be a positive number of pounds, or empty to use the default.`);
      map[r.service] = n;
    }
    try {
      await call('setSupplierIndemnityMinimums', { defaultGBP: d, byService: map });
      setSaved(true);
      onSaved();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : (err as Error).message);
    }
  };
  const money = (t: string) => (t.trim() && Number.isFinite(Number(t)) && Number(t) > 0 ? pounds(Number(t)) : '');
  return (
    <form onSubmit={submit} noValidate aria-label="Minimum indemnity by service">
      <p className="hint">A supplier needs at least the highest minimum among its services. Leave a service empty to use the default.</p>
      <div className="field sv-money">
        <label htmlFor={defId}>Default minimum (£)</label>
        <input id={defId} type="number" inputMode="decimal" min={1} value={def} onChange={(e) => setDef(e.target.value)} aria-describedby={`${defId}-hint`} />
        <div className="hint" id={`${defId}-hint`}>
          {money(def)}
        </div>
      </div>
      <table className="table sv-minimums-table">
        <thead>
          <tr>
            <th scope="col">Service</th>
            <th scope="col">Minimum (£)</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={r.service}>
              <th scope="row">{r.service}</th>
              <td>
                <input
                  type="number"
                  inputMode="decimal"
                  min={1}
                  aria-label={`Minimum indemnity for ${r.service} (£)`}
                  placeholder={`Default (${money(def) || '—'})`}
                  value={r.gbp}
                  onChange={(e) => setRows(rows.map((x, j) => (j === i ? { ...x, gbp: e.target.value } : x)))}
                />
                <span className="hint"> {money(r.gbp)}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="actions">
        <button type="submit">Save minimums</button>
        {saved ? (
          <span className="saved" role="status">
            Saved.
          </span>
        ) : null}
      </div>
    </form>
  );
}
