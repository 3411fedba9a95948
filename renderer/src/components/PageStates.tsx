// How every page looks while it loads, when it cannot be shown, and at an address with no
// page. The router puts these around each page (router.tsx), inside the shell, so the
// sections stay usable whatever one page does.
import { useEffect } from 'react';
import { useQueryErrorResetBoundary } from '@tanstack/react-query';
import { Link, type ErrorComponentProps } from '@tanstack/react-router';
import { ApiError } from '../api';

export function PageLoading() {
  return (
    <p aria-busy="true" className="loading">
      Loading…
    </p>
  );
}

export function PageError({ error, reset }: ErrorComponentProps) {
  // The failed read stays cached as failed; clearing the mark lets the next showing of the
  // page (Try again, or coming back to it) ask main again instead of repeating the failure.
  const queries = useQueryErrorResetBoundary();
  useEffect(() => queries.reset(), [queries]);
  // Main's errors say what happened in words (a reference that does not exist, a locked
  // vault). Anything else is a fault in this window, shown plainly with its detail.
  const said = error instanceof ApiError;
  return (
    <section className="page-error" aria-labelledby="page-error-title">
      <h1 id="page-error-title">This page could not be shown</h1>
      <p role="alert" className="form-error">
        {said ? error.message : 'Something went wrong while drawing this page. Nothing was changed.'}
      </p>
      {!said && error instanceof Error ? (
        <details>
          <summary>Details for a report</summary>
          <pre>{error.message}</pre>
        </details>
      ) : null}
      <p>The other sections still work: choose one on the left, or try this page again.</p>
      <div className="actions">
        <button type="button" onClick={reset}>
          Try again
        </button>
        <Link to="/dashboard">Go to the dashboard</Link>
      </div>
    </section>
  );
}

export function PageNotFound() {
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">There is no page here</h1>
      <p>This address does not lead to a page of Caseproof.</p>
      <p>
        <Link to="/dashboard">Go to the dashboard</Link>
      </p>
    </section>
  );
}
