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

/**
 * Names who acts, and on which clock, for the audit trail's entries on this vault's connection
 * (its triggers cannot see a Ctx). Whoever builds a Ctx calls this; ctxOf below does both.
 */
export function actAs(vault: Vault, user: string, clock: Clock): void {
  vault.actor.who = user;
  vault.actor.clock = clock;
}

/** A Ctx over an open vault, with the audit trail naming `user` (the CLI, the tests). */
export function ctxOver(vault: Vault, user: string, clock: Clock): Ctx {
  actAs(vault, user, clock);
  return { vault, user, clock };
}
