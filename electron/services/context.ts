// What every service call needs: the open vault, who is acting, and the one clock
// (today, now and timestamps, in Europe/London; see clock.ts).
import type { Vault } from '../../db/client';
import type { Clock } from './clock';

export interface Ctx {
  vault: Vault;
  user: string;
  clock: Clock;
}
