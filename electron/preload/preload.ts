// The preload: exposes exactly the contract's operations as `window.caseproof`, each a thin
// call over ipcRenderer.invoke on its own channel, and `on(event, listener)` for the events
// main sends (events.ts). No raw ipcRenderer, no channel the page can name, no Node. It
// imports only the zod-free names lists, so the bundle stays a few KB.
import { contextBridge, ipcRenderer } from 'electron';
import { channelOf, OP_NAMES } from '../contract/names';
import { EVENT_NAMES, eventChannelOf, SUBSCRIBE_KEY, type EventName } from '../contract/events';

const api: Record<string, unknown> = Object.fromEntries(OP_NAMES.map((name) => [name, (input: unknown) => ipcRenderer.invoke(channelOf(name), input ?? {})]));

api[SUBSCRIBE_KEY] = (event: EventName, listener: (payload: unknown) => void) => {
  if (!(EVENT_NAMES as readonly string[]).includes(event)) throw new Error(`There is no Caseproof event called ${String(event)}.`);
  if (typeof listener !== 'function') throw new Error('A listener function is needed.');
  // Only the payload reaches the page, never the IPC event (which would expose the sender).
  const relay = (_e: unknown, payload: unknown) => listener(payload);
  ipcRenderer.on(eventChannelOf(event), relay);
  return () => void ipcRenderer.removeListener(eventChannelOf(event), relay);
};

contextBridge.exposeInMainWorld('caseproof', api);
