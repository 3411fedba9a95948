// Calling the registry the way the app's workers do, for unit tests: `call` unwraps the value
// (an error becomes a thrown Error carrying code, message and field), `fail` expects the
// error body; and a stand-in OS keychain for "remember on this computer", which this machine
// does not have (only the wrapped token is kept by the session; the map shows what was wrapped).
import type { Platform } from '../../electron/platform/platform';
import type { Registry } from '../../electron/services/api/registry';

export function registryCalls(r: Registry) {
  const call = async <T>(op: string, input: unknown = {}): Promise<T> => {
    const res = await r.call(op as never, input);
    if (!res.ok) throw Object.assign(new Error(res.error.message), res.error);
    return res.value as T;
  };
  const fail = async (op: string, input: unknown = {}) => {
    const res = await r.call(op as never, input);
    if (res.ok) throw new Error(`${op} should have failed`);
    return res.error;
  };
  return { call, fail };
}

/** Installs a keychain stand-in on `platform`; returns what it wrapped, by token. */
export function useTestKeychain(platform: Platform): Map<string, string> {
  const wrapped = new Map<string, string>();
  platform.secrets = {
    unavailableReason: () => null,
    wrap: (plain) => {
      const token = `wrapped-${wrapped.size}`;
      wrapped.set(token, plain);
      return token;
    },
    unwrap: (token) => wrapped.get(token)!,
  };
  return wrapped;
}
