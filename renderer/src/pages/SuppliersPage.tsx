// Suppliers and their vetting status.
import { call } from '../api';
import { useLoad } from '../hooks';
import { StatusBadge } from '../components/Status';

export function SuppliersPage() {
  const { data, error } = useLoad(() => Promise.all([call('listSuppliers', {}), call('complianceReport', {})]), []);
  if (error) return <p role="alert" className="form-error">{error}</p>;
  if (!data) return <p aria-busy="true">Loading…</p>;
  const [list, report] = data;
  const status = new Map(report.suppliers.map((s) => [s.ref, s.status]));
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">Suppliers</h1>
      {list.length === 0 ? <p>No suppliers yet. Import a firm file from Settings to bring in your supplier list.</p> : null}
      {list.length ? (
        <table className="table" aria-label="Suppliers">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Reference</th>
              <th scope="col">Services</th>
              <th scope="col">Vetting</th>
            </tr>
          </thead>
          <tbody>
            {list.map((s) => (
              <tr key={s.ref}>
                <td>{s.name}</td>
                <td>{s.ref}</td>
                <td>{s.services.join(', ')}</td>
                <td>{status.has(s.ref) ? <StatusBadge status={status.get(s.ref)!} /> : null}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
