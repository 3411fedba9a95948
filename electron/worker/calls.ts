// Runs one contract call against a registry and turns what its services report through
// ctx.progress into progress events for the window: tagged with the operation, thinned to
// at most one event per percent (an import of 20,000 rows would otherwise send 20,000), and
// closed by a `finished` event when the call ends. The vault workers and the browser
// harness both call through here, so the operations have one code path.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { OpName } from '../contract/api';
import type { ApiResult } from '../contract/errors';
import type { Progress, ProgressEvent } from '../contract/events';
import type { Registry } from '../services/api/registry';
import type { Session } from '../services/api/session';

type Emit = (e: ProgressEvent) => void;

/** The call a service's progress belongs to (calls may interleave wherever one awaits a dialog). */
const running = new AsyncLocalStorage<Reporter>();

class Reporter {
  private last: ProgressEvent | null = null;
  constructor(
    private readonly op: OpName,
    private readonly emit: Emit,
  ) {}

  report(p: Progress): void {
    const prev = this.last;
    const pct = (x: Progress) => (x.total > 0 ? Math.floor((x.done * 100) / x.total) : 0);
    const next: ProgressEvent = { op: this.op, done: p.done, total: p.total, label: p.label, finished: false };
    this.last = next;
    if (prev && prev.label === p.label && prev.total === p.total && pct(prev) === pct(p) && p.done !== p.total) return;
    this.emit(next);
  }

  end(): void {
    if (this.last) this.emit({ ...this.last, finished: true });
  }
}

/** Points the session's progress at whichever call is running when a service reports. */
export function routeProgress(session: Session): void {
  session.progress = (p) => running.getStore()?.report(p);
}

export async function runCall(registry: Registry, op: OpName, input: unknown, emit: Emit): Promise<ApiResult<unknown>> {
  const reporter = new Reporter(op, emit);
  try {
    return await running.run(reporter, () => registry.call(op, input));
  } finally {
    reporter.end();
  }
}
