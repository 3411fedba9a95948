// The events main sends the window, beside the request/response operations of api.ts:
// what a long operation has done so far, and that the vault was locked without the page
// asking. The page subscribes with `window.caseproof.on(name, listener)` (see window.ts);
// each event has one fixed IPC channel and the page can only pick a name from EVENT_NAMES.
// Types and plain values only (no zod): the preload bundles this file.
import type { OpNameListed } from './names';

/** What a service reports from a long loop through `ctx.progress` (services/context.ts). */
export interface Progress {
  /** Units done so far (rows, cases, files, steps), 0 ≤ done ≤ total. */
  done: number;
  total: number;
  /** What is being done, in the user's words, e.g. "Importing cases". */
  label: string;
}

/** A long operation's progress, as the window sees it. */
export interface ProgressEvent extends Progress {
  /** The operation running (the one the page called). */
  op: OpNameListed;
  /** True on the last event of a call, sent when it has ended (done, failed or cancelled). */
  finished: boolean;
}

/**
 * Why the vault was locked without the page asking: nobody used the window for the firm's
 * auto-lock time; the screen was locked (or, on Windows, the user switched); the computer
 * went to sleep; the user switched on a Mac (fast user switching); or part of Caseproof stopped.
 */
export type LockReason = 'idle' | 'screen-locked' | 'sleep' | 'user-switched' | 'error';
export interface LockedEvent {
  reason: LockReason;
}

/** Why the vault is locked, as VaultState carries it until the next unlock (for the unlock screen). */
export interface LockedBecause {
  reason: LockReason;
  /** The firm's auto-lock time when it was `idle`. */
  idleMinutes?: number;
}

/** What the unlock screen says after a lock the page did not ask for. */
export function lockNotice(l: LockedBecause): string {
  switch (l.reason) {
    case 'idle': {
      const m = l.idleMinutes ?? 0;
      return `Caseproof locked the vault because it had not been used for ${m} minute${m === 1 ? '' : 's'}. Unlock it to carry on.`;
    }
    case 'screen-locked':
      return 'Caseproof locked the vault when the screen was locked. Unlock it to carry on.';
    case 'sleep':
      return 'Caseproof locked the vault when the computer went to sleep. Unlock it to carry on.';
    case 'user-switched':
      return 'Caseproof locked the vault when another user took over the computer. Unlock it to carry on.';
    case 'error':
      return 'Part of Caseproof stopped unexpectedly, so the vault was locked. Nothing saved before then is lost; unlock it to carry on.';
  }
}

/**
 * Something in the open vault does not match what it should (VaultState.damage): a page that
 * fails its check after unlock, or the audit trail's quick check (db/audit.ts). In words.
 */
export interface DamageEvent {
  message: string;
}

export interface CaseproofEventMap {
  progress: ProgressEvent;
  locked: LockedEvent;
  damage: DamageEvent;
}
export type EventName = keyof CaseproofEventMap;
/** One event as it travels from the vault worker through main to the window. */
export type CaseproofEvent = { [E in EventName]: { name: E; payload: CaseproofEventMap[E] } }[EventName];

export const EVENT_NAMES = ['progress', 'locked', 'damage'] as const;

/** The IPC channel of an event (main → window only). */
export const eventChannelOf = (e: EventName): string => `caseproof-event:${e}`;

/** Subscribes to one event; returns the function that unsubscribes. */
export type Subscribe = <E extends EventName>(event: E, listener: (payload: CaseproofEventMap[E]) => void) => () => void;

/** The key of `window.caseproof` that holds the subscription (beside one key per operation). */
export const SUBSCRIBE_KEY = 'on';

// Compile-time guards: EVENT_NAMES lists exactly the events, and no operation is called `on`.
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _sameEvents: Exact<(typeof EVENT_NAMES)[number], EventName> = true;
const _noClash: typeof SUBSCRIBE_KEY extends OpNameListed ? false : true = true;
void _sameEvents;
void _noClash;
