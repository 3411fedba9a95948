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

/** Why the vault was locked without the page asking. */
export type LockReason = 'idle' | 'sleep' | 'error';
export interface LockedEvent {
  reason: LockReason;
}

export interface CaseproofEventMap {
  progress: ProgressEvent;
  locked: LockedEvent;
}
export type EventName = keyof CaseproofEventMap;
/** One event as it travels from the vault worker through main to the window. */
export type CaseproofEvent = { [E in EventName]: { name: E; payload: CaseproofEventMap[E] } }[EventName];

export const EVENT_NAMES = ['progress', 'locked'] as const;

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
