// The platform for plain Node: the CLI and the tests. Preferences live in memory (or a
// JSON file when given one); there is no OS keychain here, so "remember" is refused;
// dialogs answer from a queue a test can fill (there is no desktop to show them on).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir, userInfo } from 'node:os';
import path from 'node:path';
import { assertExternalUrl } from '../contract/registers';
import type { Platform } from './platform';

export interface NodePlatform extends Platform {
  notifications: { title: string; body: string }[];
  /** Paths the next dialogs will answer with (a test stands in for the person). */
  dialogAnswers: (string | string[] | null)[];
  shown: string[];
  /** Addresses opened "in the browser" (there is none here), after the same check main makes. */
  opened: string[];
}

export function nodePlatform(opts: { prefsFile?: string; user?: string } = {}): NodePlatform {
  let prefs: Record<string, unknown> = {};
  if (opts.prefsFile && existsSync(opts.prefsFile)) prefs = JSON.parse(readFileSync(opts.prefsFile, 'utf8'));
  const save = () => opts.prefsFile && writeFileSync(opts.prefsFile, JSON.stringify(prefs, null, 2), { mode: 0o600 });
  const p: NodePlatform = {
    notifications: [],
    dialogAnswers: [],
    shown: [],
    opened: [],
    userName: () => (prefs.userName as string | undefined) ?? opts.user ?? process.env.CASEPROOF_USER ?? safeUser(),
    prefs: {
      get: (k) => prefs[k],
      set: (k, v) => {
        prefs[k] = v;
        save();
      },
    },
    secrets: {
      unavailableReason: () => 'There is no operating-system key store in this environment.',
      wrap: () => {
        throw new Error('no key store');
      },
      unwrap: () => {
        throw new Error('no key store');
      },
    },
    dialogs: {
      saveFile: async () => next(p) as string | null,
      openFiles: async () => {
        const a = next(p);
        return a === null ? [] : Array.isArray(a) ? a : [a];
      },
      openFolder: async () => {
        const a = next(p);
        return Array.isArray(a) ? (a[0] ?? null) : a;
      },
    },
    notify: (title, body) => p.notifications.push({ title, body }),
    showInFolder: (f) => p.shown.push(f),
    openExternal: async (url) => {
      assertExternalUrl(url);
      p.opened.push(url);
    },
    defaultVaultPath: () => path.join(homedir(), 'Caseproof', 'caseproof.cpv'),
  };
  return p;
}
function next(p: NodePlatform): string | string[] | null {
  return p.dialogAnswers.length ? (p.dialogAnswers.shift() ?? null) : null;
}
function safeUser(): string {
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}
