// How far a long operation (an import, an export, a pack) has got, from the progress events
// main sends while it runs (electron/contract/events.ts). Mounted once beside the app, so
// no page has to know about it; it shows nothing while nothing long is running.
import { useEffect, useState } from 'react';
import type { ProgressEvent } from '../../../electron/contract/events';
import '../../../electron/contract/window';
import './OperationProgress.css';

const count = (n: number) => n.toLocaleString('en-GB');

export function OperationProgress() {
  const [running, setRunning] = useState<ReadonlyMap<string, ProgressEvent>>(new Map());
  useEffect(
    () =>
      window.caseproof.on('progress', (e) => {
        setRunning((prev) => {
          const next = new Map(prev);
          // Done (or at its last step, such as a pack waiting for its save dialog): nothing to show.
          if (e.finished || e.done >= e.total) next.delete(e.op);
          else next.set(e.op, e);
          return next;
        });
      }),
    [],
  );
  if (!running.size) return null;
  return (
    <div className="operation-progress" aria-label="Work in progress" role="region">
      {[...running.values()].map((e) => {
        // A single step (reading the file, say) has no count worth showing: the bar just moves.
        const counted = e.total > 1;
        const steps = `${count(e.done)} of ${count(e.total)}`;
        return (
          <div className="operation-progress-item" key={e.op}>
            <div role="status">{e.label}…</div>
            {counted ? <progress value={e.done} max={e.total} aria-label={e.label} aria-valuetext={steps} /> : <progress aria-label={e.label} />}
            {counted && (
              <div className="operation-progress-count" aria-hidden="true">
                {steps}
              </div>
            )}
          </div>
        );
      })}
    </div>
  );
}
