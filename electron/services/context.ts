// What every service call needs: the open vault, who is acting, and the one clock
// (today, now and timestamps, in Europe/London; see clock.ts). Long loops (imports,
// exports, backups, the organisation pack) may report how far they have got through
// `progress`; the window shows it (contract/events.ts). Absent on the CLI and in most tests.
import type { Vault } from '../../db/client';
import type { Progress } from '../contract/events';
import type { Clock } from './clock';

export type ProgressSink = (p: Progress) => void;

export interface Ctx {
  vault: Vault;
  user: string;
  clock: Clock;
  progress?: ProgressSink;
}
