// The one clock. Every "today", "now" and stored timestamp in the services comes from a
// Clock passed in through the context; nothing else reads the wall clock (a test scans the
// sources for it). The firm works in Europe/London, so "today" is London's date, whatever
// the computer's own zone: a record added at 00:30 BST is dated that day, not the day before.
import { londonDate, londonDateTime, type IsoDate } from '../contract/dates';

export interface Clock {
  /** The current instant. */
  now(): Date;
  /** Today's date in Europe/London. */
  today(): IsoDate;
  /** The current instant as stored in the vault: UTC, `YYYY-MM-DDTHH:MM:SSZ`. */
  stamp(): string;
  /** The current local time in London, `YYYY-MM-DDTHH:MM` (the firm file's `*At` form). */
  localMinute(): string;
}

/** An instant as the vault stores it (Clock.stamp): UTC to the second, `YYYY-MM-DDTHH:MM:SSZ`. */
export function instantStamp(at: Date): string {
  return at.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function clockOf(now: () => Date): Clock {
  return {
    now,
    today: () => londonDate(now()),
    stamp: () => instantStamp(now()),
    localMinute: () => londonDateTime(now()),
  };
}

/** The computer's clock: the only place Caseproof reads the wall clock. */
export const systemClock: Clock = clockOf(() => new Date());

/**
 * A clock stopped at one instant (tests, and the CLI under CASEPROOF_CLOCK). A bare date
 * means midday in London on that date, so "today" is that date in any zone.
 */
export function fixedClock(at: string | Date): Clock {
  const instant = typeof at === 'string' ? parseInstant(at) : at;
  return clockOf(() => new Date(instant.getTime()));
}

/** A clock that can be moved on by a test (idle locking, 48-hour clocks). */
export function manualClock(at: string | Date): Clock & { advance(ms: number): void; set(at: string | Date): void } {
  let t = (typeof at === 'string' ? parseInstant(at) : at).getTime();
  return {
    ...clockOf(() => new Date(t)),
    advance: (ms: number) => void (t += ms),
    set: (next: string | Date) => void (t = (typeof next === 'string' ? parseInstant(next) : next).getTime()),
  };
}

function parseInstant(s: string): Date {
  const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(s) ? `${s}T12:00:00Z` : s);
  if (Number.isNaN(d.getTime())) throw new Error(`Not a date or time: ${s}`);
  return d;
}

/** The clock a process runs on: the system's, unless CASEPROOF_CLOCK pins it (CLI tests). */
export function clockFromEnv(env: NodeJS.ProcessEnv = process.env): Clock {
  return env.CASEPROOF_CLOCK ? fixedClock(env.CASEPROOF_CLOCK) : systemClock;
}
