// The built preload (dist/electron/preload.cjs): small (names only, no zod, no date-fns),
// needing nothing but `electron` (a sandboxed preload can require little else), and exposing
// exactly the contract's operations plus `on` for events, each on its fixed channel.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { channelOf, OP_NAMES } from '../../electron/contract/names';
import { EVENT_NAMES, eventChannelOf } from '../../electron/contract/events';

const PRELOAD = path.resolve(__dirname, '../../dist/electron/preload.cjs');
const MAX_BYTES = 8 * 1024;

/** Runs the preload in a fresh context where `require('electron')` is a recorder and nothing else loads. */
function loadPreload() {
  const exposed = new Map<string, Record<string, (...a: unknown[]) => unknown>>();
  const invoked: { channel: string; input: unknown }[] = [];
  const listeners = new Map<string, Set<(...a: unknown[]) => void>>();
  const required: string[] = [];
  const electron = {
    contextBridge: { exposeInMainWorld: (key: string, api: Record<string, (...a: unknown[]) => unknown>) => exposed.set(key, api) },
    ipcRenderer: {
      invoke: (channel: string, input: unknown) => (invoked.push({ channel, input }), Promise.resolve({ ok: true, value: null })),
      on: (channel: string, fn: (...a: unknown[]) => void) => void (listeners.get(channel) ?? listeners.set(channel, new Set()).get(channel)!).add(fn),
      removeListener: (channel: string, fn: (...a: unknown[]) => void) => void listeners.get(channel)?.delete(fn),
    },
  };
  const module = { exports: {} };
  const require = (id: string) => {
    required.push(id);
    if (id === 'electron') return electron;
    throw new Error(`the preload may not require ${id}`);
  };
  runInNewContext(`(function (exports, require, module) {${readFileSync(PRELOAD, 'utf8')}\n})`, {}, { filename: PRELOAD })(module.exports, require, module);
  return { exposed, invoked, listeners, required };
}

describe('the built preload', () => {
  it('is a few KB: the operation names, not the contract’s schemas', () => {
    const src = readFileSync(PRELOAD, 'utf8');
    expect(statSync(PRELOAD).size).toBeLessThan(MAX_BYTES);
    expect(src).not.toMatch(/zod|ZodError|date-fns|safeParse/);
  });

  it('needs only electron, and exposes exactly the operations and `on` as window.caseproof', () => {
    const { exposed, required } = loadPreload();
    expect(required).toEqual(['electron']);
    expect([...exposed.keys()]).toEqual(['caseproof']);
    expect(Object.keys(exposed.get('caseproof')!).sort()).toEqual([...OP_NAMES, 'on'].sort());
  });

  it('sends each operation on its own channel, with {} for no input', async () => {
    const { exposed, invoked } = loadPreload();
    const api = exposed.get('caseproof')!;
    for (const op of OP_NAMES) await api[op](op === 'getStaff' ? { ref: 'AB-1' } : undefined);
    expect(invoked).toEqual(OP_NAMES.map((op) => ({ channel: channelOf(op), input: op === 'getStaff' ? { ref: 'AB-1' } : {} })));
  });

  it('subscribes to a named event only, hands the listener the payload alone, and unsubscribes', () => {
    const { exposed, listeners } = loadPreload();
    const on = exposed.get('caseproof')!.on as (e: string, l: (...a: unknown[]) => void) => () => void;
    expect(() => on('caseproof:listStaff', () => undefined)).toThrow(/no Caseproof event called caseproof:listStaff/);
    expect(() => on('progress', 'not a function' as never)).toThrow(/listener function/);
    expect([...listeners.keys()]).toEqual([]);

    const heard: unknown[][] = [];
    const off = on('progress', (...args) => heard.push(args));
    const relays = listeners.get(eventChannelOf('progress'))!;
    expect(relays.size).toBe(1);
    const payload = { op: 'importFirmFileFromDialog', done: 3, total: 10, label: 'Importing cases', finished: false };
    for (const relay of relays) relay({ sender: 'the IPC event, which must not reach the page' }, payload);
    expect(heard).toEqual([[payload]]);
    off();
    expect(relays.size).toBe(0);
    for (const e of EVENT_NAMES) expect(() => on(e, () => undefined)).not.toThrow();
  });
});
