// The worker's Platform: every method is asked of main (which alone has dialogs, the OS
// keychain, electron-store, notifications and the file manager). The Platform interface has
// synchronous methods (preferences, the keychain), so those block this worker, never main:
// the request goes out on a MessagePort, the worker sleeps on a shared Int32 flag until main
// has answered, then takes the answer off the port with receiveMessageOnPort. Dialogs are
// awaited instead, so the worker keeps answering other calls while a person decides.
import { receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import type { Platform } from '../platform/platform';
import type { AsyncMethod, FromWorker, NoticeMethod, PlatformAnswer, PlatformCalls, SyncMethod, SyncRequest } from './protocol';

/** Long enough for any preference or keychain call; a main that does not answer is a bug, not a wait. */
const SYNC_TIMEOUT_MS = 30_000;

export interface PlatformLink {
  sync<M extends SyncMethod>(method: M, ...args: PlatformCalls[M][0]): PlatformCalls[M][1];
  ask<M extends AsyncMethod>(method: M, ...args: PlatformCalls[M][0]): Promise<PlatformCalls[M][1]>;
  notice<M extends NoticeMethod>(method: M, ...args: PlatformCalls[M][0]): void;
  /** Settles an awaited call when main's answer arrives. */
  answer(id: number, a: PlatformAnswer): void;
}

export function platformLink(syncPort: MessagePort, syncFlag: SharedArrayBuffer, post: (m: FromWorker) => void): PlatformLink {
  const flag = new Int32Array(syncFlag);
  const waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let nextId = 1;
  return {
    sync(method, ...args) {
      while (receiveMessageOnPort(syncPort)); // a late answer to a call that timed out
      Atomics.store(flag, 0, 0);
      syncPort.postMessage({ method, args } satisfies SyncRequest);
      if (Atomics.wait(flag, 0, 0, SYNC_TIMEOUT_MS) === 'timed-out') throw new Error(`Caseproof's main process did not answer ${method}.`);
      const got = receiveMessageOnPort(syncPort);
      if (!got) throw new Error(`No answer to ${method} from Caseproof's main process.`);
      const a = got.message as PlatformAnswer;
      if (!a.ok) throw new Error(a.message);
      return a.value as never;
    },
    ask(method, ...args) {
      const id = nextId++;
      post({ t: 'platform', id, method, args });
      return new Promise((resolve, reject) => waiting.set(id, { resolve: resolve as (v: unknown) => void, reject }));
    },
    notice(method, ...args) {
      post({ t: 'notice', method, args });
    },
    answer(id, a) {
      const w = waiting.get(id);
      if (!w) return;
      waiting.delete(id);
      if (a.ok) w.resolve(a.value);
      else w.reject(new Error(a.message));
    },
  };
}

export function platformProxy(link: PlatformLink): Platform {
  return {
    userName: () => link.sync('userName'),
    prefs: {
      get: (key) => link.sync('prefs.get', key),
      set: (key, value) => link.sync('prefs.set', key, value),
    },
    secrets: {
      unavailableReason: () => link.sync('secrets.unavailableReason'),
      wrap: (plain) => link.sync('secrets.wrap', plain),
      unwrap: (wrapped) => link.sync('secrets.unwrap', wrapped),
    },
    dialogs: {
      saveFile: (opts) => link.ask('dialogs.saveFile', opts),
      openFiles: (opts) => link.ask('dialogs.openFiles', opts),
      openFolder: (opts) => link.ask('dialogs.openFolder', opts),
    },
    notify: (title, body) => link.notice('notify', title, body),
    showInFolder: (file) => link.notice('showInFolder', file),
    openExternal: (url) => link.ask('openExternal', url),
    defaultVaultPath: () => link.sync('defaultVaultPath'),
  };
}
