// The renderer's only door to the app: `window.caseproof`, one function per contract
// operation. `call` unwraps the result and throws ApiError with the field it concerns.
import type { Input, OpName, Output } from '../../electron/contract/api';
import type { ApiErrorBody, ApiResult } from '../../electron/contract/errors';
import '../../electron/contract/window';

export class ApiError extends Error {
  constructor(readonly body: ApiErrorBody) {
    super(body.message);
  }
  get field(): string | undefined {
    return this.body.field;
  }
  /** Field → message, for showing server errors beside form fields. */
  fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const i of this.body.issues ?? []) {
      const key = i.path.replace(/^details\./, '');
      out[key] ??= i.message;
    }
    if (this.body.field && !out[this.body.field]) out[this.body.field] = this.body.message;
    return out;
  }
}

export async function call<K extends OpName>(op: K, input: Input<K>): Promise<Output<K>> {
  const fn = window.caseproof[op] as unknown as (i: Input<K>) => Promise<ApiResult<Output<K>>>;
  const r = await fn(input);
  if (!r.ok) throw new ApiError(r.error);
  return r.value as Output<K>;
}
