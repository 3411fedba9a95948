// The app session: the platform, and the vault that is open (if any). One per vault worker
// (electron/worker/), and one in a browser test's harness. The job worker that runs long
// operations beside it has its own Session over a second connection to the same vault file,
// opened with the key the vault worker shares (`shareable` / `openShared`), never the passphrase.
//
// Locking closes the connection and overwrites the derived key's bytes. The session also
// keeps when the window was last used (`noteUse`, from the page's activity reports, against
// the one clock), which auto-lock (autoLock.ts) compares with the firm's idle time.
import { timingSafeEqual } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createVault, openVault, type OpenOptions, type Vault } from '../../../db/client';
import { deriveKey, exportKey, importKey, readSalt, type VaultKey } from '../../../db/keys';
import { auditEvent, quickAuditCheck } from '../../../db/audit';
import { checkHeadAtOpen, headFault, headNoticeForApp, keepHead, type HeadCheck } from '../../../db/auditHead';
import type { LockedBecause } from '../../contract/events';
import type { VaultState } from '../../contract/views';
import type { Platform } from '../../platform/platform';
import { systemClock, type Clock } from '../clock';
import { actAs, type Ctx, type ProgressSink } from '../context';
import { AppError } from '../errors';
import { keysFromRecovery } from '../vault/recovery';
import { changeVaultKey, openWithAnyKey } from '../vault/passphrase';
import { destroyDueDbsCopies } from '../evidence/dbsCopies';

const LAST_PATH = 'lastVaultPath';
/** How soon after a call the audit trail's head file is brought level (keepHead). */
const HEAD_DELAY_MS = 200;
const REMEMBERED = 'rememberedKeys';

export class Session {
  private vault: Vault | null = null;
  /** Hooks run after a vault is opened (e.g. reminders). */
  readonly onUnlock: ((ctx: Ctx) => void)[] = [];
  /** Where services' progress goes (set by the worker that runs this session). */
  progress?: ProgressSink;
  /** What the page check after unlock found damaged, in words (Vault.checkInBackground). */
  private damage: string | null = null;
  /** Why the trail's end could not be checked at this unlock (VaultState.headNotice), or null. */
  private headNotice: string | null = null;
  /** Hooks run when that check finds damage (e.g. an event for the window). */
  readonly onDamage: ((message: string) => void)[] = [];
  /** Why the vault is locked, when the user did not lock it; shown by the unlock screen, cleared at unlock. */
  private lockedBecause: LockedBecause | null = null;
  /** When the window was last used, in the clock's milliseconds. */
  private lastUse: number;
  /** Long operations running (an import, a pack): while any runs, the window counts as in use. */
  private holds = 0;
  /** Whether this session writes unlock and lock entries (the one that unlocked; not the job worker's). */
  private audits = false;
  /** The head file's next write, when a call may have added entries since the last (keepHead). */
  private headTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    readonly platform: Platform,
    /** How this session opens vaults (Electron's native SQLite module, say); read by the restore handler. */
    readonly openOptions: OpenOptions = {},
    /** The one clock (tests pin it); the computer's otherwise. */
    readonly clock: Clock = systemClock,
  ) {
    this.lastUse = clock.now().getTime();
  }

  get isOpen(): boolean {
    return this.vault !== null;
  }

  ctx(): Ctx {
    const lost = this.vault?.lock?.lost();
    if (lost) {
      this.lock(); // another Caseproof took the vault over: stop writing to it at once
      throw new AppError('locked', lost);
    }
    if (!this.vault) throw new AppError('locked', 'The vault is locked. Unlock it first.');
    const user = this.platform.userName();
    actAs(this.vault, user, this.clock); // the audit trail names whoever acts now (db/audit.ts)
    const ctx: Ctx = { vault: this.vault, user, clock: this.clock };
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
      userNamed: typeof this.platform.prefs.get('userName') === 'string',
      damage: this.damage,
      headNotice: this.headNotice,
      lockedBecause: this.vault ? null : this.lockedBecause,
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
    this.afterOpen(remember, true);
    return this.state();
  }

  unlock(path: string, passphrase: string, remember: boolean, takeOver = false): VaultState {
    if (remember) this.assertCanRemember();
    this.lock();
    this.vault = openVault(path, { passphrase }, this.options(takeOver));
    this.afterOpen(remember);
    return this.state();
  }

  /**
   * Opens the vault with the key remembered on this computer. When that key cannot be used
   * (the OS keychain cannot unwrap it, or what it unwraps does not open this vault) the key is
   * forgotten and the user is asked for the passphrase, in words that say what happened; a
   * keychain that is only unavailable for now (locked, say) keeps the key for next time.
   */
  unlockRemembered(path: string, takeOver = false): VaultState {
    const wrapped = this.remembered()[path];
    if (!wrapped) throw new AppError('not-found', 'No key for this vault is remembered on this computer; enter the passphrase.');
    const key = this.unwrapRemembered(path, wrapped);
    this.lock();
    try {
      this.vault = openVault(path, { key }, this.options(takeOver));
    } catch (e) {
      key.key.fill(0);
      if ((e as { code?: string }).code === 'wrong-passphrase') {
        this.forget(path);
        throw rememberedKeyFailed('it does not open this vault (the file may have been replaced by another copy, or its passphrase changed)');
      }
      throw e;
    }
    this.afterOpen(false);
    return this.state();
  }

  private unwrapRemembered(path: string, wrapped: string): VaultKey {
    const unavailable = this.platform.secrets.unavailableReason();
    if (unavailable) {
      throw new AppError(
        'remembered-key-failed',
        `Caseproof cannot use the key remembered on this computer just now: ${unavailable} Enter the passphrase instead.`,
        'passphrase',
      );
    }
    try {
      return importKey(this.platform.secrets.unwrap(wrapped));
    } catch {
      // What the keychain said is not shown: it names no vault and helps nobody act.
      this.forget(path);
      throw rememberedKeyFailed(
        "this computer's keychain could not unlock it (this can happen after your login password was reset, or when Caseproof's settings were copied from another computer)",
      );
    }
  }

  /**
   * Changes the open vault's passphrase (SQLCipher rekey: every page re-encrypted under the new
   * key, in one transaction). The current passphrase must be given; the recovery file and a key
   * remembered on this computer follow the new key.
   */
  changePassphrase(current: string, next: string): VaultState {
    const c = this.ctx();
    const given = deriveKey(current, c.vault.key.salt);
    const right = timingSafeEqual(given.key, c.vault.key.key);
    given.key.fill(0);
    if (!right) throw new AppError('wrong-passphrase', 'The current passphrase is wrong; nothing was changed.', 'current');
    if (next === current) throw new AppError('invalid', 'The new passphrase is the same as the current one.', 'next');
    this.rekey(next);
    return this.state();
  }

  /**
   * Opens a vault with its recovery key and sets a new passphrase at once, so the forgotten
   * one stops working; the same recovery key keeps working (its file is wrapped afresh).
   */
  recover(path: string, recoveryKey: string, next: string, takeOver = false): VaultState {
    if (!existsSync(path)) throw new AppError('not-found', `No vault found at ${path}.`, 'path');
    const keys = keysFromRecovery(path, recoveryKey, readSalt(path));
    this.lock();
    // Two keys only when a passphrase change was cut off mid-swap: one of them opens the file.
    this.vault = openWithAnyKey(path, keys, this.options(takeOver));
    this.rekey(next);
    this.afterOpen(false);
    return this.state();
  }

  private rekey(next: string): void {
    const c = this.ctx();
    this.vault = changeVaultKey(c, next, this.openOptions);
    c.vault = this.vault;
    actAs(this.vault, c.user, this.clock);
    auditEvent(this.vault.sqlite, 'passphrase', {});
    // A key remembered on this computer would no longer open the vault: wrap the new one instead.
    if (this.remembered()[c.vault.path] !== undefined && !this.platform.secrets.unavailableReason()) {
      this.platform.prefs.set(REMEMBERED, { ...this.remembered(), [c.vault.path]: this.platform.secrets.wrap(exportKey(c.vault.key)) });
    }
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
    this.audits = false;
    this.vault = openVault(path, { key: importKey(key) }, { ...this.openOptions, clock: this.clock });
  }

  /**
   * Locks the vault: closes the connection (SQLCipher wipes its own copy of the key) and
   * overwrites this process's copy of the derived key, so nothing that opens the vault stays
   * in memory here. `because` says why, when the user did not ask (auto-lock, sleep, a failure).
   */
  lock(because: LockedBecause | null = null): VaultState {
    const v = this.vault;
    this.vault = null;
    this.damage = null;
    this.headNotice = null;
    if (v) {
      this.lockedBecause = because;
      if (this.audits && !v.lock?.lost()) {
        try {
          actAs(v, this.platform.userName(), this.clock);
          auditEvent(v.sqlite, 'lock', because ? { reason: because.reason } : {});
        } catch {
          /* locking must never fail for want of its entry (a vault already damaged, a full disk) */
        }
      }
      this.keepHeadOf(v); // the job worker's too: its last entries may be after the last call's
      try {
        v.close();
      } finally {
        v.key.key.fill(0);
      }
    } else if (because) {
      this.lockedBecause ??= because;
    }
    return this.state();
  }

  /**
   * Brings the audit trail's head file beside the vault level with its last entry (db/auditHead.ts)
   * soon after a call (handlers.ts: every call), and at once at unlock and lock. Soon, not at once:
   * the answer goes back to the window first, and a run of saves (rows pasted, say) writes the file
   * once, not once each (each write costs about as much as a save). A head not yet written is only
   * behind the trail, which is fine (a crash in between is treated so); it never fails a call.
   */
  keepHead(): void {
    const v = this.vault;
    if (!v || this.headTimer) return;
    this.headTimer = setTimeout(() => {
      this.headTimer = null;
      if (this.vault === v) this.keepHeadOf(v);
    }, HEAD_DELAY_MS);
    this.headTimer.unref?.();
  }

  private keepHeadOf(v: Vault): void {
    if (this.headTimer) clearTimeout(this.headTimer);
    this.headTimer = null;
    if (v.lock?.lost()) return; // another Caseproof has the vault now, and keeps its head
    try {
      keepHead(v);
    } catch (e) {
      console.error("[caseproof] the audit trail's head file could not be written:", (e as Error).message);
    }
  }

  /** The window was used just now (a key, a click, the wheel): the idle time starts again. */
  noteUse(): void {
    this.lastUse = this.clock.now().getTime();
  }

  /** A long operation starts: the window counts as in use until the returned function is called (then as used just now). */
  holdUse(): () => void {
    this.holds++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.holds--;
      this.noteUse();
    };
  }

  /** How long the window has gone unused, in milliseconds (0 while a long operation runs). */
  idleMs(): number {
    return this.holds > 0 ? 0 : Math.max(0, this.clock.now().getTime() - this.lastUse);
  }

  /** `made`: the vault was created just now, so it has no head file yet, by nature: nothing to note. */
  private afterOpen(remember: boolean, made = false): void {
    const v = this.vault!;
    this.audits = true;
    actAs(v, this.platform.userName(), this.clock);
    // Where the trail ends, against the head file beside the vault, before this unlock's own entry.
    let cut: string | null = null;
    let head: HeadCheck | null = null;
    try {
      head = checkHeadAtOpen(v);
      cut = headFault(head);
      this.headNotice = made ? null : headNoticeForApp(head);
    } catch {
      /* a vault the page check will name as damaged */
    }
    // The unlock entry records what the head file said (so `audit list` shows when one went missing).
    auditEvent(v.sqlite, 'unlock', head && !made ? { head: head.state } : {});
    this.lockedBecause = null;
    this.noteUse();
    this.platform.prefs.set(LAST_PATH, v.path);
    if (remember) {
      this.platform.prefs.set(REMEMBERED, { ...this.remembered(), [v.path]: this.platform.secrets.wrap(exportKey(v.key)) });
    }
    destroyDueDbsCopies(this.ctx()); // DBS copies (hostile): copies past the firm's period are destroyed at every unlock
    for (const hook of this.onUnlock) hook(this.ctx());
    void v.checkInBackground().then((why) => {
      if (why && this.vault === v) this.reportDamage(why);
    });
    // The audit trail's quick check (its last entries' chain, about 15-20 ms): at unlock, so the
    // first screen already says when it does not match (db/audit.ts).
    try {
      const why = quickAuditCheck(v.sqlite);
      if (why) this.reportDamage(why);
    } catch {
      /* a vault the page check will name as damaged */
    }
    // A head file missing, unreadable or another vault's is not a fault (the first unlock after
    // an update has none): it is written now. One that shows entries were removed is kept as it is.
    if (cut) this.reportDamage(`The vault's ${cut}.`);
    this.keepHeadOf(v);
  }

  private reportDamage(why: string): void {
    this.damage = this.damage ? `${this.damage} ${why}` : why;
    for (const hook of this.onDamage) hook(why);
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

function rememberedKeyFailed(why: string): AppError {
  return new AppError(
    'remembered-key-failed',
    `The key remembered on this computer could not be used: ${why}. Caseproof has forgotten it. Enter the passphrase to unlock the vault; you can tick “Remember on this computer” again.`,
    'passphrase',
  );
}
