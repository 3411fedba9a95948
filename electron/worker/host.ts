// The host of the vault workers, on Electron's main thread (and on a test's, under plain
// Node, with the very same code): it starts the workers, sends each contract call to the
// one that answers it (routes.ts), answers the workers' platform calls with the real
// Platform, and passes their events on. Main's own thread only relays: no SQL, no key
// derivation, no pack building, so the window never waits on the vault.
//
// Two workers, one vault file. The vault worker owns the session: unlock (scrypt), the
// preferences it keeps, and every quick call. The job worker runs long operations on its own
// connection to the same vault, opened with the key the vault worker hands it over a private
// MessagePort (the key never passes through main's JavaScript). SQLite's WAL lets both read
// at once and one write at a time, so a second call is answered while an import or an
// organisation pack runs; a quick write that meets a long import's transaction is told the
// vault is busy (after a short wait) rather than queued behind it.
import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import type { OpName } from '../contract/api';
import type { ApiResult } from '../contract/errors';
import type { CaseproofEvent, LockReason } from '../contract/events';
import type { VaultState } from '../contract/views';
import type { Platform } from '../platform/platform';
import { servePlatform } from './platformServer';
import type { FromWorker, PlatformAnswer, SyncRequest, ToWorker, WorkerBoot, WorkerRole } from './protocol';
import { JOB_OPS, VAULT_STATE_OPS } from './routes';

export interface VaultHostOptions {
  /** The built worker bundle: dist/electron/worker.cjs (inside app.asar when packaged). */
  workerFile: string;
  /** Main's platform: Electron's in the app, the Node one in tests. */
  platform: Platform;
  /** The better_sqlite3.node built for Electron's ABI; absent under plain Node. */
  nativeBinding?: string;
  /** Pins the workers' clock (tests). */
  clock?: string;
  /** Events for the window (progress, locked). */
  onEvent?: (e: CaseproofEvent) => void;
}

const failure = (code: 'internal' | 'locked' | 'unavailable', message: string): ApiResult<never> => ({ ok: false, error: { code, message } });
const CLOSE_WAIT_MS = 5_000;

/** One worker thread and the calls waiting on it. */
class WorkerHandle {
  readonly ready: Promise<void>;
  private readonly worker: Worker;
  private readonly syncPort: MessagePort;
  private readonly pending = new Map<number, (r: ApiResult<unknown>) => void>();
  private nextId = 1;
  private closedSignal: (() => void) | null = null;
  private gone = false;

  constructor(
    readonly role: WorkerRole,
    private readonly opts: VaultHostOptions,
    /** Called when the worker stops without being asked to. */
    private readonly onLost: (h: WorkerHandle, why: string) => void,
    /** Where this worker's events go (the host looks at `locked` before passing it on). */
    private readonly onEvent: (e: CaseproofEvent) => void,
    keyPort?: MessagePort,
    extra: Pick<WorkerBoot, 'lockedBecause'> = {},
  ) {
    const flag = new SharedArrayBuffer(4);
    const { port1, port2 } = new MessageChannel();
    this.syncPort = port1;
    const boot: WorkerBoot = { role, syncPort: port2, syncFlag: flag, ...(keyPort ? { keyPort } : {}), ...extra };
    if (opts.nativeBinding) boot.nativeBinding = opts.nativeBinding;
    if (opts.clock) boot.clock = opts.clock;
    this.worker = new Worker(opts.workerFile, { workerData: boot, transferList: keyPort ? [port2, keyPort] : [port2] });
    this.syncPort.on('message', (req: SyncRequest) => this.answerSync(req, new Int32Array(flag)));

    let ready!: () => void;
    this.ready = new Promise<void>((r) => (ready = r));
    this.worker.on('message', (m: FromWorker) => {
      switch (m.t) {
        case 'ready':
          return ready();
        case 'result':
          return this.settle(m.id, m.result);
        case 'event':
          return this.onEvent(m.event);
        case 'platform':
          return void this.answerAsync(m.id, m.method, m.args);
        case 'notice':
          try {
            servePlatform(this.opts.platform, m.method, m.args);
          } catch (e) {
            console.error(`[caseproof] ${m.method} failed:`, (e as Error).message);
          }
          return;
        case 'closed':
          return this.closedSignal?.();
      }
    });
    this.worker.on('error', (e) => console.error(`[caseproof] the ${role} worker failed:`, e.stack ?? e.message));
    this.worker.on('exit', (code) => {
      const expected = this.gone;
      this.gone = true;
      this.syncPort.close();
      ready();
      this.settleAll(
        failure('internal', `Caseproof's ${role} worker stopped unexpectedly (exit ${code}); the vault was locked. Unlock it again, and please report this.`),
      );
      if (!expected) this.onLost(this, `exit ${code}`);
    });
  }

  get busy(): boolean {
    return this.pending.size > 0;
  }

  call(op: OpName, input: unknown): Promise<ApiResult<unknown>> {
    if (this.gone) return Promise.resolve(failure('locked', 'The vault was locked before this could run; unlock it and try again.'));
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.post({ t: 'call', id, op, input });
    });
  }

  post(m: ToWorker, transfer: MessagePort[] = []): void {
    if (!this.gone) this.worker.postMessage(m, transfer);
  }

  /** Asks the worker to lock its session (closing its connection cleanly), then stops it. */
  async close(): Promise<void> {
    if (this.gone) return;
    const closed = new Promise<void>((r) => (this.closedSignal = r));
    this.post({ t: 'close' });
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([closed, new Promise<void>((r) => (timer = setTimeout(r, CLOSE_WAIT_MS)))]);
    clearTimeout(timer);
    await this.stop(failure('locked', 'The vault was locked before this finished.'));
  }

  /** Stops the worker now; calls still running are answered with `result`. */
  async stop(result: ApiResult<never>): Promise<void> {
    if (this.gone) return;
    this.gone = true;
    this.settleAll(result);
    await this.worker.terminate();
  }

  private settle(id: number, r: ApiResult<unknown>): void {
    const resolve = this.pending.get(id);
    this.pending.delete(id);
    resolve?.(r);
  }

  private settleAll(r: ApiResult<never>): void {
    for (const id of [...this.pending.keys()]) this.settle(id, r);
  }

  /** A synchronous platform call: answer on the port first, then wake the waiting worker. */
  private answerSync(req: SyncRequest, flag: Int32Array): void {
    let a: PlatformAnswer;
    try {
      a = { ok: true, value: servePlatform(this.opts.platform, req.method, req.args) };
    } catch (e) {
      a = { ok: false, message: (e as Error).message };
    }
    this.syncPort.postMessage(a);
    Atomics.store(flag, 0, 1);
    Atomics.notify(flag, 0);
  }

  private async answerAsync(id: number, method: string, args: unknown[]): Promise<void> {
    let a: PlatformAnswer;
    try {
      a = { ok: true, value: await servePlatform(this.opts.platform, method as never, args) };
    } catch (e) {
      a = { ok: false, message: (e as Error).message };
    }
    this.post({ t: 'platform-answer', id, ...a });
  }
}

export class VaultHost {
  private vault: WorkerHandle;
  private job: Promise<WorkerHandle> | null = null;
  private closing = false;

  constructor(private readonly opts: VaultHostOptions) {
    this.vault = this.spawnVault();
  }

  /** Answers one contract call (input unvalidated: the registry in the worker checks it). */
  async call(op: OpName, input: unknown): Promise<ApiResult<unknown>> {
    if (this.closing) return failure('unavailable', 'Caseproof is closing.');
    if (VAULT_STATE_OPS.has(op)) {
      // Whatever the outcome, the job worker's connection belongs to the vault that was open.
      await this.stopJob();
      await this.vault.ready;
      const r = await this.vault.call(op, input);
      if (r.ok && (r.value as VaultState).open) this.job = this.startJob(); // warm it for the first long operation
      return r;
    }
    if (JOB_OPS.has(op)) {
      this.job ??= this.startJob();
      // A long operation counts as use of the window while it runs: auto-lock waits for it.
      this.vault.post({ t: 'hold', on: true });
      try {
        return await (await this.job).call(op, input);
      } finally {
        this.vault.post({ t: 'hold', on: false });
      }
    }
    await this.vault.ready;
    return this.vault.call(op, input);
  }

  /**
   * Locks the vault now because of something outside the window (the screen was locked, the
   * computer is going to sleep, the user switched). The job worker is stopped first, even
   * mid-operation (its transaction is rolled back), so the vault worker's connection is the
   * last and closes the file cleanly; the vault worker then locks and says `locked` if it was open.
   */
  async lock(reason: LockReason): Promise<void> {
    if (this.closing) return;
    await this.stopJob();
    this.vault.post({ t: 'lock', reason });
  }

  /** Locks the vault (each connection closed cleanly) and stops the workers. */
  async close(): Promise<void> {
    this.closing = true;
    await this.stopJob();
    await this.vault.close();
  }

  private spawnVault(lockedBecause?: WorkerBoot['lockedBecause']): WorkerHandle {
    return new WorkerHandle(
      'vault',
      this.opts,
      () => {
        // The session died with its worker: the vault is locked. Start afresh and say so.
        void this.stopJob();
        if (this.closing) return;
        this.vault = this.spawnVault({ reason: 'error' });
        this.opts.onEvent?.({ name: 'locked', payload: { reason: 'error' } });
      },
      (e) => this.onVaultEvent(e),
      undefined,
      lockedBecause ? { lockedBecause } : {},
    );
  }

  /** The vault worker locked by itself (auto-lock) or when asked (lock): the job worker's connection goes too. */
  private onVaultEvent(e: CaseproofEvent): void {
    if (e.name === 'locked') void this.stopJob();
    this.opts.onEvent?.(e);
  }

  private async startJob(): Promise<WorkerHandle> {
    await this.vault.ready;
    const { port1, port2 } = new MessageChannel();
    const handle = new WorkerHandle(
      'job',
      this.opts,
      (lost) => {
        void this.job?.then((j) => {
          if (j === lost) this.job = null;
        });
      },
      (e) => this.opts.onEvent?.(e),
      port2,
    );
    this.vault.post({ t: 'share-key', port: port1 }, [port1]);
    await handle.ready;
    return handle;
  }

  /** Ends the job worker: cleanly when idle; at once when a long operation is still running. */
  private async stopJob(): Promise<void> {
    const pending = this.job;
    this.job = null;
    if (!pending) return;
    const job = await pending;
    if (job.busy) await job.stop(failure('locked', 'The vault was locked before this finished; it did not complete.'));
    else await job.close();
  }
}
