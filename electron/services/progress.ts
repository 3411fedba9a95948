// A counter for long loops that report through ctx.progress: one line before the loop and
// one `tick()` in it, so services stay readable. With no sink it does nothing.
import type { ProgressSink } from './context';

export interface Steps {
  /** Counts `n` more units done, under `label` (or the label given last). */
  tick(n?: number, label?: string): void;
  /** Says what is being done now without counting anything. */
  label(label: string): void;
}

export function steps(sink: ProgressSink | undefined, total: number, label: string): Steps {
  let done = 0;
  let current = label;
  const report = () => sink?.({ done: Math.min(done, total), total, label: current });
  report();
  return {
    tick(n = 1, next?: string) {
      done += n;
      if (next) current = next;
      report();
    },
    label(next: string) {
      current = next;
      report();
    },
  };
}
