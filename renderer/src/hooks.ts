// Small hooks shared by the pages: loading data from the API, hash routing, and forms
// validated with the contract's zod schemas as the user types.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { z } from 'zod';
import { ApiError } from './api';
import { friendlyError } from './components/formErrors';

export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): { data: T | null; error: string | null; reload: () => void } {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [n, setN] = useState(0);
  useEffect(() => {
    let live = true;
    load().then(
      (d) => live && (setData(d), setError(null)),
      (e: Error) => live && setError(e.message),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, n]);
  return { data, error, reload: useCallback(() => setN((x) => x + 1), []) };
}

export function useHashRoute(): [string[], (to: string) => void] {
  const read = () => window.location.hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  const [parts, setParts] = useState(read);
  useEffect(() => {
    const on = () => setParts(read());
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return [parts, (to: string) => (window.location.hash = to)];
}

type Values = Record<string, unknown>;
/** Form state validated against a zod schema on every change; server errors shown per field. */
export function useZodForm<S extends z.ZodType>(schema: S, initial: Values) {
  const [values, setValues] = useState<Values>(initial);
  const [touched, setTouched] = useState<Record<string, boolean>>({});
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const clientErrors = useMemo(() => {
    const r = schema.safeParse(clean(values));
    const out: Record<string, string> = {};
    if (!r.success) for (const i of r.error.issues) out[i.path.join('.')] ??= friendlyError(i.message)!;
    return out;
  }, [schema, values]);
  const set = (name: string, v: unknown) => {
    setValues((old) => ({ ...old, [name]: v }));
    setTouched((t) => ({ ...t, [name]: true }));
    setServerErrors((e) => {
      const { [name]: _gone, ...rest } = e;
      return rest;
    });
  };
  const errorOf = (name: string) => serverErrors[name] ?? (touched[name] ? clientErrors[name] : undefined);
  /** Validates everything; returns the parsed value or null (and shows every error). */
  const parse = (): z.infer<S> | null => {
    const r = schema.safeParse(clean(values));
    if (r.success) return r.data;
    setTouched(Object.fromEntries(r.error.issues.map((i) => [i.path.join('.'), true])));
    return null;
  };
  const fail = (e: unknown) => {
    if (e instanceof ApiError) {
      const fe = e.fieldErrors();
      setServerErrors(fe);
      setFormError(Object.keys(fe).length ? null : e.message);
    } else setFormError((e as Error).message);
  };
  const [saved, setSaved] = useState(false);
  /** A submit handler: validate, save, then mark saved; errors land beside their fields. */
  const submitWith = (save: (d: z.infer<S>) => Promise<unknown>) => async (e: { preventDefault(): void }) => {
    e.preventDefault();
    setSaved(false);
    const d = parse();
    if (!d) return;
    try {
      await save(d);
      setSaved(true);
    } catch (err) {
      fail(err);
    }
  };
  return { values, set, errorOf, parse, fail, formError, setFormError, setValues, submitWith, saved };
}

/** Empty strings become absent, so optional fields validate as "not given". */
export function clean(v: Values): Values {
  const out: Values = {};
  for (const [k, x] of Object.entries(v)) if (x !== '' && x !== undefined && x !== null) out[k] = x;
  return out;
}
