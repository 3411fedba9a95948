// The messages between the host (Electron's main thread, or a test's) and the vault workers.
// Calls and their results travel as structured clones (contract values are JSON-safe); the
// platform calls a worker makes back to main come in three kinds: synchronous ones (answered
// through a MessagePort while the worker waits on a shared flag), awaited ones (dialogs, which
// must not hold the worker while a person decides) and one-way notices.
import type { MessagePort } from 'node:worker_threads';
import type { ApiResult } from '../contract/errors';
import type { CaseproofEvent, LockedBecause, LockReason } from '../contract/events';
import type { OpName } from '../contract/api';
import type { FileFilter } from '../platform/platform';

/** The vault worker owns the session (unlock, quick calls); a job worker runs long operations beside it. */
export type WorkerRole = 'vault' | 'job';

/** What a worker is started with (workerData). */
export interface WorkerBoot {
  role: WorkerRole;
  /** The better_sqlite3.node built for this runtime (Electron's ABI in the app). */
  nativeBinding?: string;
  /** Pins the workers' clock (tests); the computer's clock otherwise. */
  clock?: string;
  /** Where synchronous platform calls are asked and answered. */
  syncPort: MessagePort;
  /** Int32 flag the worker waits on until main has answered on syncPort. */
  syncFlag: SharedArrayBuffer;
  /** Job workers: the vault worker sends the open vault's path and key here (never through main). */
  keyPort?: MessagePort;
  /** A vault worker started again after the last one stopped: why the vault is locked, for the unlock screen. */
  lockedBecause?: LockedBecause;
}

/** Every platform method a worker may call, with its arguments and result. */
export interface PlatformCalls {
  userName: [[], string];
  'prefs.get': [[key: string], unknown];
  'prefs.set': [[key: string, value: unknown], void];
  'secrets.unavailableReason': [[], string | null];
  'secrets.wrap': [[plain: string], string];
  'secrets.unwrap': [[wrapped: string], string];
  defaultVaultPath: [[], string];
  'dialogs.saveFile': [[opts: { title: string; defaultName: string; filters: FileFilter[] }], string | null];
  'dialogs.openFiles': [[opts: { title: string; filters: FileFilter[]; multiple: boolean }], string[]];
  'dialogs.openFolder': [[opts: { title: string }], string | null];
  notify: [[title: string, body: string], void];
  showInFolder: [[path: string], void];
  openExternal: [[url: string], void];
}
export type PlatformMethod = keyof PlatformCalls;
export const SYNC_METHODS = ['userName', 'prefs.get', 'prefs.set', 'secrets.unavailableReason', 'secrets.wrap', 'secrets.unwrap', 'defaultVaultPath'] as const;
export const ASYNC_METHODS = ['dialogs.saveFile', 'dialogs.openFiles', 'dialogs.openFolder', 'openExternal'] as const;
export const NOTICE_METHODS = ['notify', 'showInFolder'] as const;
export type SyncMethod = (typeof SYNC_METHODS)[number];
export type AsyncMethod = (typeof ASYNC_METHODS)[number];
export type NoticeMethod = (typeof NOTICE_METHODS)[number];

export type PlatformAnswer = { ok: true; value: unknown } | { ok: false; message: string };

/** Host → worker. */
export type ToWorker =
  | { t: 'call'; id: number; op: OpName; input: unknown }
  | ({ t: 'platform-answer'; id: number } & PlatformAnswer)
  | { t: 'share-key'; port: MessagePort }
  /** Lock now (screen locked, sleep, user switched): the vault worker says `locked` if it was open. */
  | { t: 'lock'; reason: LockReason }
  /** A long operation started (on) or ended (off) in the job worker: the window counts as in use meanwhile. */
  | { t: 'hold'; on: boolean }
  | { t: 'close' };

/** Worker → host. */
export type FromWorker =
  | { t: 'ready' }
  | { t: 'result'; id: number; result: ApiResult<unknown> }
  | { t: 'event'; event: CaseproofEvent }
  | { t: 'platform'; id: number; method: AsyncMethod; args: unknown[] }
  | { t: 'notice'; method: NoticeMethod; args: unknown[] }
  | { t: 'closed' };

/** A synchronous platform request on syncPort. */
export interface SyncRequest {
  method: SyncMethod;
  args: unknown[];
}
