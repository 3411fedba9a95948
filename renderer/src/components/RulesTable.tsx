// A subject's rule results: id, status word (with colour), reason and next change.
import type { RuleResult } from '../../../electron/contract/compliance';
import { ukDate } from '../format';
import { StatusBadge } from './Status';

export function RulesTable({ rules, label }: { rules: RuleResult[]; label: string }) {
  return (
    <table className="table rules" aria-label={label}>
      <thead>
        <tr>
          <th scope="col">Rule</th>
          <th scope="col">Status</th>
          <th scope="col">Why</th>
          <th scope="col">Changes on</th>
        </tr>
      </thead>
      <tbody>
        {rules.map((r) => (
          <tr key={r.rule} data-rule={r.rule}>
            <th scope="row">{r.rule}</th>
            <td>
              <StatusBadge status={r.status} />
            </td>
            <td>{r.reason}</td>
            <td>{ukDate(r.changesOn)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
