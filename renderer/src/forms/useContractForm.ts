// Every form in one way: react-hook-form with the contract's zod schema (zodResolver), so a
// form checks exactly what main checks, as the user types; main's own errors (a reference
// already used, a date in the future) land beside the field they name, and anything that
// names no field on screen becomes the form's message.
import { useCallback, useState, type BaseSyntheticEvent } from 'react';
import { useForm, type DefaultValues, type FieldValues, type Path, type Resolver, type UseFormReturn } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { z } from 'zod';
import { ApiError } from '../api';

export interface ContractForm<TIn extends FieldValues, TOut> extends UseFormReturn<TIn, unknown, TOut> {
  /** How many inputs show each field now (bound inputs count themselves in and out). */
  shown: Map<Path<TIn>, number>;
  /**
   * A submit handler: checks every field, then saves the checked values; a failure is
   * placed beside its field (or as the form's message) and `saved` says when it worked.
   */
  submit(save: (values: TOut) => Promise<unknown>): (e?: BaseSyntheticEvent) => void;
  /** Places an error from main beside the field it names, or as the form's message. */
  fail(error: unknown): void;
  /** True once the last submit saved, until the next one. */
  saved: boolean;
  /** The form's own message (an error that concerns no field on screen). */
  message: string | undefined;
}

/**
 * An empty input reads as '', but the schemas say "not given" with undefined (and a
 * required field left empty then "is required"), so '' is taken out before checking.
 */
export function withoutBlanks<T>(values: T): T {
  const strip = (v: unknown): unknown => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) if (x !== '' && x !== undefined) out[k] = strip(x);
    return out;
  };
  // Same shape, fewer keys: the schema decides what a missing key means.
  return strip(values) as T;
}

/** Every error message in an errors tree, with its field's dotted path. */
function leaves(errors: object, at = ''): [string, string][] {
  const out: [string, string][] = [];
  for (const [k, v] of Object.entries(errors)) {
    if ((k === 'root' && !at) || !v || typeof v !== 'object') continue;
    const path = at ? `${at}.${k}` : k;
    // A field's error has a type (and usually a message); anything else holds fields' errors.
    if ('type' in v) out.push([path, 'message' in v && typeof v.message === 'string' ? v.message : 'is not valid']);
    else out.push(...leaves(v, path));
  }
  return out;
}

function contractResolver<TIn extends FieldValues, TOut>(schema: z.ZodType<TOut, TIn>): Resolver<TIn, unknown, TOut> {
  const zod = zodResolver(schema);
  return (values, context, options) => zod(withoutBlanks(values), context, options);
}

export function useContractForm<TIn extends FieldValues, TOut>(
  schema: z.ZodType<TOut, TIn>,
  defaultValues: NoInfer<DefaultValues<TIn>>,
  opts: {
    /** Where the form's values sit in the operation's input (`details` in updateStaff), so main's paths name the form's fields. */
    prefix?: string;
  } = {},
): ContractForm<TIn, TOut> {
  const form = useForm<TIn, unknown, TOut>({
    resolver: contractResolver(schema),
    defaultValues,
    // Each field is checked as it changes (so errors show while typing in it) and every
    // field when the form is sent; untouched fields stay quiet until then.
    mode: 'onChange',
    reValidateMode: 'onChange',
  });
  const [shown] = useState(() => new Map<Path<TIn>, number>());
  const [saved, setSaved] = useState(false);

  const prefix = opts.prefix;
  // Stable (useForm's methods are), so a page can place a query's failure in an effect.
  const fail = useCallback(
    (error: unknown) => {
      if (!(error instanceof ApiError)) {
        form.setError('root.server', { message: error instanceof Error ? error.message : String(error) });
        return;
      }
      const byField = error.fieldErrors(prefix);
      let placed = 0;
      for (const name of shown.keys()) {
        const message = byField[name];
        if (message === undefined) continue;
        form.setError(name, { type: 'server', message }, { shouldFocus: placed === 0 });
        placed++;
      }
      const onScreen = new Set<string>(shown.keys());
      const elsewhere = Object.entries(byField).filter(([name]) => !onScreen.has(name));
      if (placed === 0) form.setError('root.server', { message: error.message });
      else if (elsewhere.length) form.setError('root.server', { message: elsewhere.map(([n, m]) => `${n}: ${m}`).join('; ') });
    },
    [form, shown, prefix],
  );

  // Returns nothing to React: every failure is caught and shown (beside its field or as the
  // form's message), so no promise is left for an event handler to drop.
  const submit = (save: (values: TOut) => Promise<unknown>) => (e?: BaseSyntheticEvent) => {
    setSaved(false);
    void form.handleSubmit(
      async (values) => {
        try {
          await save(values);
          setSaved(true);
        } catch (err) {
          fail(err);
        }
      },
      // A value no input on screen shows (a fixed reference, a rule id) cannot be wrong
      // quietly: say which and why as the form's message.
      (errors) => {
        const onScreen = new Set<string>(shown.keys());
        const hidden = leaves(errors).filter(([path]) => ![...onScreen].some((n) => path === n || path.startsWith(`${n}.`)));
        if (hidden.length) form.setError('root.server', { message: hidden.map(([p, m]) => `${p}: ${m}`).join('; ') });
      },
    )(e);
  };

  return { ...form, shown, submit, fail, saved, message: form.formState.errors.root?.server?.message };
}
