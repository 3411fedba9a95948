// Main's side of the workers' platform calls: the real Platform (Electron's dialogs,
// safeStorage, electron-store, notifications, the file manager; or the Node one in tests)
// answers each method by name. Only main can do these things, so the workers ask.
import type { Platform } from '../platform/platform';
import type { PlatformCalls, PlatformMethod } from './protocol';

type Server = { [M in PlatformMethod]: (p: Platform, ...args: PlatformCalls[M][0]) => PlatformCalls[M][1] | Promise<PlatformCalls[M][1]> };

const SERVE: Server = {
  userName: (p) => p.userName(),
  'prefs.get': (p, key) => p.prefs.get(key),
  'prefs.set': (p, key, value) => p.prefs.set(key, value),
  'secrets.unavailableReason': (p) => p.secrets.unavailableReason(),
  'secrets.wrap': (p, plain) => p.secrets.wrap(plain),
  'secrets.unwrap': (p, wrapped) => p.secrets.unwrap(wrapped),
  defaultVaultPath: (p) => p.defaultVaultPath(),
  'dialogs.saveFile': (p, opts) => p.dialogs.saveFile(opts),
  'dialogs.openFiles': (p, opts) => p.dialogs.openFiles(opts),
  'dialogs.openFolder': (p, opts) => p.dialogs.openFolder(opts),
  notify: (p, title, body) => p.notify(title, body),
  showInFolder: (p, file) => p.showInFolder(file),
  openExternal: (p, url) => p.openExternal(url),
};

/** Runs one platform method for a worker. */
export function servePlatform(platform: Platform, method: PlatformMethod, args: unknown[]): unknown {
  const fn = SERVE[method] as (p: Platform, ...a: unknown[]) => unknown;
  if (!fn) throw new Error(`Unknown platform method ${String(method)}`);
  return fn(platform, ...args);
}
