// The firm's to-do list: every rule not met (missing evidence included, e.g. nobody's DBS
// check on file) and everything due within the warning window, each opening the place to fix
// it. A long list shows its first part, and the rest when asked for.
import { useState } from 'react';
import { Link } from '@tanstack/react-router';
import { useOp, useOpQuery } from '../../data/query';
import { ukDateLong } from '../../format';
import { TodoItems } from './TodoList';
import { ExportListButton } from '../../components/ExportListButton';

/** Items shown before "Show all": enough for a small firm, quick for a large one. */
const FIRST = 200;

export function TodoPage() {
  const first = useOp('todoList', { limit: FIRST });
  const [showAll, setShowAll] = useState(false);
  const all = useOpQuery('todoList', {}, { enabled: showAll && first.total > first.items.length });
  const v = showAll && all.data ? all.data : first;
  const more = v.total - v.items.length;
  return (
    <section aria-labelledby="page-title">
      <header className="page-head">
        <h1 id="page-title">To do</h1>
      </header>
      <p className="hint">
        As of {ukDateLong(v.asOf)}: everything not met, then everything that lapses in the next {v.days} days (the warning window in{' '}
        <Link to="/settings">Settings</Link>). Each line opens the place to fix it.
      </p>
      <div className="actions">
        <ExportListButton list="todo" what="the to-do list" />
      </div>
      <p data-testid="todo-counts">
        {v.total === 0 ? 'Nothing to do.' : `${v.notMet.toLocaleString('en-GB')} not met, ${v.due.toLocaleString('en-GB')} due within ${v.days} days.`}
      </p>
      {v.total === 0 ? (
        <p>Everything is met and nothing lapses in the next {v.days} days.</p>
      ) : (
        <TodoItems items={v.items} firmName={v.firmName} label="To do" />
      )}
      {more > 0 ? (
        <p>
          {showAll && all.isFetching ? (
            <span role="status">Loading the other {more.toLocaleString('en-GB')}…</span>
          ) : (
            <button type="button" className="secondary" onClick={() => setShowAll(true)}>
              Show the other {more.toLocaleString('en-GB')}
            </button>
          )}
        </p>
      ) : null}
    </section>
  );
}
