// One handler per operation of the contract. Every call is validated against the
// operation's zod schema before its handler runs; every failure comes back as a typed
// ApiErrorBody the UI can show. The vault workers (which answer Electron's IPC through
// main) and the browser test harness call `registry.call`, so they cross the same boundary.
// The CLI calls the services directly (electron/cli/), with its own argument checks.
import { VaultError } from '../../../db/client';
import { isDamageError } from '../../../db/identify';
import { inputs, OP_NAMES, type OpName, type Output, type ParsedInput } from '../../contract/api';
import type { ApiResult } from '../../contract/errors';
import { AppError, invalid } from '../errors';

export type Handler<K extends OpName> = (input: ParsedInput<K>) => Output<K> | Promise<Output<K>>;

export class Registry {
  private readonly handlers = new Map<OpName, Handler<OpName>>();
  private readonly afterCalls: (() => void)[] = [];

  method<K extends OpName>(name: K, fn: Handler<K>): this {
    if (this.handlers.has(name)) throw new Error(`Handler for ${name} registered twice`);
    this.handlers.set(name, fn);
    return this;
  }

  /**
   * Runs `fn` after every call, answered or failed (a failed call may have committed part of its
   * work, an unlock entry say). The session keeps the audit trail's head file this way. A hook
   * that throws is logged and never changes the call's answer.
   */
  afterEach(fn: () => void): this {
    this.afterCalls.push(fn);
    return this;
  }

  /** Throws unless every operation of the contract has exactly one handler. */
  assertComplete(): void {
    const missing = OP_NAMES.filter((n) => !this.handlers.has(n));
    if (missing.length) throw new Error(`No handler for: ${missing.join(', ')}`);
  }

  names(): OpName[] {
    return [...this.handlers.keys()];
  }

  async call<K extends OpName>(name: K, raw: unknown): Promise<ApiResult<Output<K>>> {
    const fn = this.handlers.get(name) as Handler<K> | undefined;
    if (!fn || !(OP_NAMES as readonly string[]).includes(name)) {
      return { ok: false, error: { code: 'invalid', message: `Unknown operation ${String(name)}.` } };
    }
    try {
      const parsed = inputs[name].safeParse(raw ?? {}, { reportInput: true });
      if (!parsed.success) throw invalid(parsed.error, 'The request');
      const value = await fn(parsed.data as ParsedInput<K>);
      return { ok: true, value };
    } catch (e) {
      return { ok: false, error: toErrorBody(e) };
    } finally {
      for (const after of this.afterCalls) {
        try {
          after();
        } catch (e) {
          console.error(`[caseproof] after ${name}:`, e instanceof Error ? e.message : e);
        }
      }
    }
  }
}

export function toErrorBody(e: unknown) {
  if (e instanceof AppError) return e.toBody();
  if (e instanceof VaultError) return { code: e.code, message: e.message, ...(e.holder ? { holder: e.holder } : {}) };
  // A quick write met a long job's write transaction on the other connection (worker/host.ts).
  if (isBusy(e)) {
    return { code: 'busy' as const, message: 'Caseproof is still saving another task (an import, say). Nothing was changed; try again when it has finished.' };
  }
  // A page that fails its HMAC when a query reads it (the quick check at unlock reads only a few).
  if (isDamageError(e)) {
    return {
      code: 'vault-damaged' as const,
      message: `The vault is damaged: part of it cannot be read (${(e as Error).message}). Nothing more was saved. Restore your most recent backup.`,
    };
  }
  // A bug, not a user error: report it without echoing data that might be confidential.
  console.error('[caseproof] internal error:', e instanceof Error ? e.stack : e);
  return { code: 'internal' as const, message: 'Something went wrong inside Caseproof. Nothing was saved. Please report this.' };
}

function isBusy(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code === 'SQLITE_BUSY' || code.startsWith('SQLITE_BUSY_'));
}
