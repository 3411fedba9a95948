// AppError is what services throw for anything a user can act on; the registry turns
// it into an ApiErrorBody. Anything else is a bug and is reported as 'internal'.
import type { ZodError } from 'zod';
import type { ApiErrorBody, ErrorCode, Issue } from '../contract/errors';

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
    readonly issues?: Issue[],
  ) {
    super(message);
    this.name = 'AppError';
  }
  toBody(): ApiErrorBody {
    return { code: this.code, message: this.message, field: this.field, issues: this.issues };
  }
}

/** `staff[2].indemnity[0].coverGBP` from zod's path array. */
export function pathString(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out ? `.${String(p)}` : String(p);
  return out;
}

/** Turns zod issues into short, specific messages naming the path. */
export function zodIssues(err: ZodError, prefix = ''): Issue[] {
  const join = (p: string) => (prefix && p ? `${prefix}.${p}` : prefix || p);
  const out: Issue[] = [];
  for (const iss of err.issues) {
    const path = join(pathString(iss.path));
    if (iss.code === 'unrecognized_keys') {
      for (const k of iss.keys) out.push({ path: path ? `${path}.${k}` : k, message: 'is not a known field' });
      continue;
    }
    let message = iss.message;
    if (iss.code === 'invalid_type') {
      const input = (iss as { input?: unknown }).input;
      message = input === undefined ? 'is required' : message.startsWith('Invalid input') ? `must be ${article(iss.expected)}` : message;
    } else if (iss.code === 'invalid_union' || message.startsWith('Invalid input')) {
      message = 'is not valid here';
    }
    out.push({ path, message });
  }
  return out;
}
function article(t: string): string {
  return t === 'array' || t === 'object' ? `an ${t}` : t === 'int' ? 'a whole number' : `a ${t}`;
}

export function invalid(err: ZodError, what: string, prefix = ''): AppError {
  const issues = zodIssues(err, prefix);
  const first = issues[0];
  const message =
    issues.length === 1
      ? `${first.path ? first.path + ': ' : ''}${first.message}`
      : `${what} has ${issues.length} problems; the first is ${first.path ? first.path + ': ' : ''}${first.message}`;
  return new AppError('invalid', message, first?.path, issues);
}

export function notFound(what: string): AppError {
  return new AppError('not-found', `${what} was not found.`);
}
