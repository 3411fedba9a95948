// The app session: the platform, and the vault that is open (if any). One per vault worker
// (electron/worker/), and one in a browser test's harness. The job worker that runs long
// operations beside it has its own Session over a second connection to the same vault file,
// opened with the key the vault worker shares (`shareable` / `openShared`), never the passphrase.
import { createVault, openVault, type OpenOptions, type Vault } from '../../../db/client';
import { exportKey, importKey } from '../../../db/keys';
import type { VaultState } from '../../contract/views';
import type { Platform } from '../../platform/platform';
import { systemClock, type Clock } from '../clock';
import type { Ctx, ProgressSink } from '../context';
import { AppError } from '../errors';

const LAST_PATH = 'lastVaultPath';
const REMEMBERED = 'rememberedKeys';

export class Session {
  private vault: Vault | null = null;
  /** Hooks run after a vault is opened (e.g. reminders). */
  readonly onUnlock: ((ctx: Ctx) => void)[] = [];
  /** Where services' progress goes (set by the worker that runs this session). */
  progress?: ProgressSink;
  /** What the page check after unlock found damaged, in words (Vault.checkInBackground). */
  private damage: string | null = null;
  /** Hooks run when that check finds damage (e.g. an event for the window). */
  readonly onDamage: ((message: string) => void)[] = [];

  constructor(
    readonly platform: Platform,
    private readonly openOptions: OpenOptions = {},
    /** The one clock (tests pin it); the computer's otherwise. */
    readonly clock: Clock = systemClock,
  ) {}

  ctx(): Ctx {
    const lost = this.vault?.lock?.lost();
    if (lost) {
      this.lock(); // another Caseproof took the vault over: stop writing to it at once
      throw new AppError('locked', lost);
    }
    if (!this.vault) throw new AppError('locked', 'The vault is locked. Unlock it first.');
    const ctx: Ctx = { vault: this.vault, user: this.platform.userName(), clock: this.clock };
    if (this.progress) ctx.progress = this.progress;
    return ctx;
  }

  state(): VaultState {
    const lastPath = (this.platform.prefs.get(LAST_PATH) as string | undefined) ?? null;
    return {
      open: this.vault !== null,
      path: this.vault?.path ?? null,
      lastPath,
      defaultPath: this.platform.defaultVaultPath(),
      remembered: lastPath !== null && this.remembered()[lastPath] !== undefined,
      rememberUnavailable: this.platform.secrets.unavailableReason(),
      user: this.platform.userName(),
      damage: this.damage,
    };
  }

  /** How this session opens vaults: the lock names the user; `takeOver` after "Open anyway". */
  private options(takeOver = false): OpenOptions {
    return { ...this.openOptions, user: this.platform.userName(), clock: this.clock, ...(takeOver ? { takeOver } : {}) };
  }

  create(path: string, passphrase: string, remember: boolean): VaultState {
    if (remember) this.assertCanRemember();
    this.lock();
    this.vault = createVault(path, { passphrase }, this.options());
    this.afterOpen(remember);
    return this.state();
  }

  unlock(path: string, passphrase: string, remember: boolean, takeOver = false): VaultState {
    if (remember) this.assertCanRemember();
    this.lock();
    this.vault = openVault(path, { passphrase }, this.options(takeOver));
    this.afterOpen(remember);
    return this.state();
  }

  unlockRemembered(path: string, takeOver = false): VaultState {
    const wrapped = this.remembered()[path];
    if (!wrapped) throw new AppError('not-found', 'No key for this vault is remembered on this computer; enter the passphrase.');
    const key = importKey(this.platform.secrets.unwrap(wrapped));
    this.lock();
    try {
      this.vault = openVault(path, { key }, this.options(takeOver));
    } catch (e) {
      if ((e as { code?: string }).code === 'wrong-passphrase') this.forget(path);
      throw e;
    }
    this.afterOpen(false);
    return this.state();
  }

  forget(path: string): VaultState {
    const r = this.remembered();
    delete r[path];
    this.platform.prefs.set(REMEMBERED, r);
    return this.state();
  }

  /** The open vault's path and derived key, for a second connection in this process (the job worker). */
  shareable(): { path: string; key: string } | null {
    return this.vault ? { path: this.vault.path, key: exportKey(this.vault.key) } : null;
  }

  /**
   * Opens the vault with a key another session shared: no preferences written, no unlock
   * hooks (the session that unlocked did those). Used by the job worker.
   */
  openShared(path: string, key: string): void {
    this.lock();
    this.vault = openVault(path, { key: importKey(key) }, this.openOptions);
  }

  lock(): VaultState {
    this.vault?.close();
    this.vault = null;
    this.damage = null;
    return this.state();
  }

  private afterOpen(remember: boolean): void {
    const v = this.vault!;
    this.platform.prefs.set(LAST_PATH, v.path);
    if (remember) {
      this.platform.prefs.set(REMEMBERED, { ...this.remembered(), [v.path]: this.platform.secrets.wrap(exportKey(v.key)) });
    }
    for (const hook of this.onUnlock) hook(this.ctx());
    void v.checkInBackground().then((why) => {
      if (!why || this.vault !== v) return;
      this.damage = why;
      for (const hook of this.onDamage) hook(why);
    });
  }

  private assertCanRemember(): void {
    const why = this.platform.secrets.unavailableReason();
    if (why)
      throw new AppError('unavailable', `Caseproof cannot remember the vault on this computer: ${why} Enter the passphrase each time instead.`, 'remember');
  }

  private remembered(): Record<string, string> {
    return { ...((this.platform.prefs.get(REMEMBERED) as Record<string, string> | undefined) ?? {}) };
  }
}
