// A quick yes for stored payloads that zod would accept unchanged (issue 9: the first whole-firm
// load after unlock validates some 60,000 payloads; zod builds a new object for each, about
// 2 us apiece plus the garbage collector's work to copy them).
//
// compileCanonicalCheck reads a kind's zod schema (electron/contract/model.ts, the one source of
// every rule) and returns a function that answers true only when zod would accept the value AND
// give back a value equal to it, key order included: every check passes, every string already
// trimmed, no key unknown or out of the schema's order. Then the parsed JSON can be used as it is.
// Anything else, and any schema part this does not know, answers false (or, for the whole
// schema, null), and the caller asks zod itself, which gives the value or the error. So the
// quick check may say no where zod would say yes, never yes where zod would say no or change
// the value (tests/unit/canonical.test.ts holds it to zod on random payloads).
//
// It reads zod's schema definitions (`_zod.def`, the shape zod's core documents for libraries
// built on it); the zod version is pinned by the lock file, and the property test fails first
// if a new version changes what a definition means.
import type { z } from 'zod';

type Check = (v: unknown) => boolean;
interface Def {
  type: string;
  checks?: { _zod: { def: CheckDef } }[];
  shape?: Record<string, { _zod: { def: Def } }>;
  catchall?: { _zod: { def: Def } };
  innerType?: { _zod: { def: Def } };
  element?: { _zod: { def: Def } };
  entries?: Record<string, unknown>;
}
interface CheckDef {
  check: string;
  minimum?: number;
  maximum?: number;
  value?: unknown;
  inclusive?: boolean;
  format?: string;
  pattern?: RegExp;
  fn?: (v: unknown) => unknown;
  tx?: (v: unknown) => unknown;
}

/** Thrown inside the compiler for a schema part it does not know: the whole schema gets no quick check. */
class Unknown extends Error {}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A check of zod's (length, range, format, refine, trim) as a yes/no on a value that passed its type. */
function checkOf(d: CheckDef): Check {
  switch (d.check) {
    case 'min_length':
      return (v) => (v as { length: number }).length >= d.minimum!;
    case 'max_length':
      return (v) => (v as { length: number }).length <= d.maximum!;
    case 'greater_than': {
      if (typeof d.value !== 'number') throw new Unknown();
      const n = d.value;
      return d.inclusive ? (v) => (v as number) >= n : (v) => (v as number) > n;
    }
    case 'less_than': {
      if (typeof d.value !== 'number') throw new Unknown();
      const n = d.value;
      return d.inclusive ? (v) => (v as number) <= n : (v) => (v as number) < n;
    }
    case 'number_format':
      if (d.format !== 'safeint') throw new Unknown();
      return (v) => Number.isSafeInteger(v);
    case 'string_format': {
      if (d.format !== 'regex' || !(d.pattern instanceof RegExp)) throw new Unknown();
      const re = d.pattern;
      return (v) => {
        re.lastIndex = 0; // as zod does, for a pattern with the g or y flag
        return re.test(v as string);
      };
    }
    case 'custom': {
      // .refine(): zod keeps the value when fn says yes (an async refine never does here).
      const fn = d.fn!;
      return (v) => {
        try {
          const r = fn(v);
          return !(r instanceof Promise) && !!r;
        } catch {
          return false;
        }
      };
    }
    case 'overwrite': {
      // .trim() and the like: the value is canonical only if the overwrite leaves it as it is.
      const tx = d.tx!;
      return (v) => {
        try {
          return Object.is(tx(v), v);
        } catch {
          return false;
        }
      };
    }
    default:
      throw new Unknown();
  }
}

function withChecks(base: Check, d: Def): Check {
  const checks = (d.checks ?? []).map((c) => checkOf(c._zod.def));
  if (!checks.length) return base;
  return (v) => {
    if (!base(v)) return false;
    for (const c of checks) if (!c(v)) return false;
    return true;
  };
}

function compile(d: Def): Check {
  switch (d.type) {
    case 'string':
      return withChecks((v) => typeof v === 'string', d);
    case 'number':
      // zod's number: finite, not NaN.
      return withChecks((v) => typeof v === 'number' && Number.isFinite(v), d);
    case 'boolean':
      return withChecks((v) => typeof v === 'boolean', d);
    case 'enum': {
      const values = new Set(Object.values(d.entries ?? {}));
      return withChecks((v) => values.has(v), d);
    }
    case 'array': {
      const el = compile(d.element!._zod.def);
      return withChecks((v) => {
        if (!Array.isArray(v)) return false;
        for (const x of v) if (!el(x)) return false;
        return true;
      }, d);
    }
    case 'object':
      return withChecks(objectCheck(d), d);
    default:
      // optional is handled by its object; transforms, pipes, unions, records, defaults and the rest: zod.
      throw new Unknown();
  }
}

/** A strict object whose keys come in the schema's order (zod writes its output in that order). */
function objectCheck(d: Def): Check {
  // Only strict objects: a plain object would drop unknown keys, a passthrough keep them.
  if (d.catchall?._zod.def.type !== 'never') throw new Unknown();
  const fields = Object.entries(d.shape ?? {}).map(([key, s]) => {
    const def = s._zod.def;
    const optional = def.type === 'optional';
    return { key, optional, check: compile(optional ? def.innerType!._zod.def : def) };
  });
  const index = new Map(fields.map((f, i) => [f.key, i]));
  return (v) => {
    if (!isObject(v)) return false;
    let at = -1;
    let seen = 0;
    for (const key in v) {
      const i = index.get(key);
      if (i === undefined || i <= at) return false; // unknown, or out of the schema's order
      at = i;
      seen++;
      if (!fields[i]!.check(v[key])) return false; // JSON has no undefined: a key present is checked
    }
    if (seen === fields.length) return true;
    for (const f of fields) if (!f.optional && !Object.prototype.hasOwnProperty.call(v, f.key)) return false;
    return true;
  };
}

/** The quick check for values of `schema`, or null when the schema has a part it does not know. */
export function compileCanonicalCheck(schema: z.ZodType): Check | null {
  try {
    return compile((schema as unknown as { _zod: { def: Def } })._zod.def);
  } catch (e) {
    if (e instanceof Unknown) return null;
    throw e;
  }
}
