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
  /**
   * Field → message, for showing server errors beside form fields. Paths are the form's
   * field names: `services[0]` becomes `services.0`, and `prefix` (where the form's values
   * sit in the operation's input, e.g. `details` in updateStaff) is taken off.
   */
  fieldErrors(prefix?: string): Record<string, string> {
    const name = (path: string) => {
      const dotted = path.replace(/\[(\d+)\]/g, '.$1');
      return prefix && dotted.startsWith(`${prefix}.`) ? dotted.slice(prefix.length + 1) : dotted;
    };
    const out: Record<string, string> = {};
    for (const i of this.body.issues ?? []) out[name(i.path)] ??= i.message;
    if (this.body.field) out[name(this.body.field)] ??= this.body.message;
    return out;
  }
}

export async function call<K extends OpName>(op: K, input: Input<K>): Promise<Output<K>> {
  const fn = window.caseproof[op] as unknown as (i: Input<K>) => Promise<ApiResult<Output<K>>>;
  const r = await fn(input);
  if (!r.ok) throw new ApiError(r.error);
  return r.value;
}
