// The to-do items as every list shows them (the To do page, a staff profile): when, who and
// the rule, linking to the place to fix it, then why, in the words of contract/todo.ts (the
// same as `caseproof due --all`).
import { Link } from '@tanstack/react-router';
import { todoWhen, todoWho, type TodoItem } from '../../../../electron/contract/todo';
import { useOp } from '../../data/query';
import { StatusBadge } from '../../components/Status';
import { todoLink } from '../../links';

export function TodoItems({ items, firmName, label, showWho = true }: { items: TodoItem[]; firmName: string; label: string; showWho?: boolean }) {
  return (
    <ol className="due-list todo-list" aria-label={label}>
      {items.map((i) => (
        <li key={`${i.subject}-${i.ref}-${i.rule}`} data-rule={i.rule} data-ref={i.ref} data-why={i.why}>
          <span className={i.why === 'not_met' ? 'todo-when overdue' : 'todo-when due-date'}>{todoWhen(i)}</span>{' '}
          <Link {...todoLink(i.subject, i.ref, i.rule)}>
            {showWho ? `${todoWho(i, firmName)}: ` : ''}
            {i.title}
          </Link>{' '}
          <StatusBadge status={i.status} /> <span className="rule-id">{i.rule}</span>
          <div className="hint">{i.reason}</div>
        </li>
      ))}
    </ol>
  );
}

/** One person's to-do list, on their profile. */
export function TodoSection({ staffRef, name }: { staffRef: string; name: string }) {
  const v = useOp('todoList', { staffRef });
  const title = `To do for ${name}`;
  return (
    <details className="card due-card todo-card" open={v.total > 0}>
      <summary>
        <h2 id="todo-title" className="inline-heading">
          {title}
        </h2>{' '}
        <span data-testid="todo-counts">{v.total === 0 ? 'nothing to do' : `${v.notMet} not met, ${v.due} due within ${v.days} days`}</span>
      </summary>
      {v.total === 0 ? (
        <p>Everything is met and nothing lapses in the next {v.days} days.</p>
      ) : (
        <TodoItems items={v.items} firmName={v.firmName} label={title} showWho={false} />
      )}
    </details>
  );
}
