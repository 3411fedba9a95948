// One writer at a vault: a lock file beside it (`firm.cpv.lock`), created exclusively
// (O_CREAT|O_EXCL, which file servers honour, unlike the byte-range locks SQLite relies on,
// which many network shares fake), holding who has the vault open and where:
//   { "app": "Caseproof", "user", "host", "pid", "since", "boot", "token" }
// The holder touches the file's time every minute while the vault is open, so a lock left by
// a computer that crashed or lost the share shows how long it has been silent. It names a
// person and a computer and nothing from inside the vault.
//
// When the file already exists:
//  - it names this process (the job worker's second connection, a test's second session):
//    the vault opens, and this connection leaves the lock to the one that took it;
//  - it names this computer and a process that has gone, or a boot of this computer before
//    the current one: it is stale and is taken over without asking;
//  - it names a Caseproof running on this computer: refused ("close it there first");
//  - it names another computer: refused, with who, since when and how long ago it was last
//    active; `takeOver` (the app's "Open anyway", the CLI's --take-over) replaces it.
// A Caseproof whose lock was taken over notices at its next touch and stops (lost()).
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, linkSync, openSync, readFileSync, renameSync, statSync, unlinkSync, utimesSync, writeSync } from 'node:fs';
import { hostname, uptime, userInfo } from 'node:os';
import { ukDateTime } from '../electron/contract/dates';
import { systemClock } from '../electron/services/clock';
import { VaultError, type LockHolderInfo } from './errors';

export interface LockFile {
  app: 'Caseproof';
  user: string;
  host: string;
  pid: number;
  /** When the vault was opened (the injected clock, UTC). */
  since: string;
  /** When this computer started, by its own clock: a lock from an earlier boot is stale. */
  boot: string;
  /** Tells this holder's lock from a later one that replaced it. */
  token: string;
}

export interface LockOptions {
  /** The person the lock names (the app's user); the computer's account name otherwise. */
  user?: string;
  /** The one clock (electron/services/clock.ts), for when the vault was opened. */
  clock?: { now(): Date };
  /** Replace a lock held elsewhere (after the user was told who holds it). */
  takeOver?: boolean;
}

export interface VaultLock {
  readonly file: string;
  /** True when this connection created the lock and removes it on release. */
  readonly owned: boolean;
  /** Refreshes the lock's time; notices if another Caseproof has taken the vault over. */
  touch(): void;
  /** Why this Caseproof no longer holds the vault, or null while it does. */
  lost(): string | null;
  /** Removes the lock if it is still this holder's. */
  release(): void;
}

const HEARTBEAT_MS = 60_000;
/** Silent this long, a lock from another computer is called inactive in the message. */
const QUIET_MS = 5 * 60_000;
/** Boot times computed from the clock and uptime drift by seconds; allow for it. */
const BOOT_SLACK_MS = 2 * 60_000;

export const lockPathFor = (vaultFile: string) => `${vaultFile}.lock`;

function accountName(): string {
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}

function bootTime(): Date {
  return new Date(systemClock.now().getTime() - uptime() * 1000);
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'; // alive, but another user's
  }
}

/** The lock file as found: its text, its parsed holder (if it parses) and its time. */
interface Found {
  text: string;
  holder: LockFile | null;
  touched: Date;
}

function read(file: string): Found | null {
  try {
    const text = readFileSync(file, 'utf8');
    const touched = statSync(file).mtime;
    let holder: LockFile | null = null;
    try {
      const j = JSON.parse(text) as Partial<LockFile>;
      if (j && j.app === 'Caseproof' && typeof j.host === 'string' && typeof j.pid === 'number' && typeof j.token === 'string') holder = j as LockFile;
    } catch {
      /* half-written, or not ours: judged as unreadable */
    }
    return { text, holder, touched };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}

/** Reads the lock, waiting briefly if it is empty: another Caseproof may be writing it this instant. */
function readSettled(file: string): Found | null {
  for (let i = 0; ; i++) {
    const f = read(file);
    if (!f || f.holder || f.text.length > 0 || i >= 10) return f;
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
  }
}

function ago(ms: number): string {
  const m = Math.round(ms / 60_000);
  if (m < 1) return 'less than a minute ago';
  if (m < 60) return `${m} minute${m === 1 ? '' : 's'} ago`;
  const h = Math.round(m / 60);
  if (h < 48) return `${h} hour${h === 1 ? '' : 's'} ago`;
  const d = Math.round(h / 24);
  return `${d} days ago`;
}

type Verdict = { kind: 'mine' } | { kind: 'stale' } | { kind: 'held'; error: VaultError };

function judge(vaultFile: string, lockFile: string, f: Found, now: Date): Verdict {
  const h = f.holder;
  const here = hostname();
  const silent = now.getTime() - f.touched.getTime();
  const info = (canTakeOver: boolean): LockHolderInfo => ({
    user: h?.user ?? 'someone',
    host: h?.host ?? 'an unknown computer',
    since: h?.since ?? null,
    lastActive: f.touched.toISOString(),
    canTakeOver,
  });
  if (!h) {
    const msg = `${vaultFile} is open in another Caseproof, or was: its lock file ${lockFile} cannot be read, and was last changed ${ago(silent)}. If no Caseproof is using the vault, open it anyway (Open anyway in the app, --take-over on the command line).`;
    return { kind: 'held', error: new VaultError('vault-in-use', msg, info(true)) };
  }
  if (h.host === here) {
    if (h.pid === process.pid) return { kind: 'mine' };
    if (Date.parse(h.boot) < bootTime().getTime() - BOOT_SLACK_MS) return { kind: 'stale' };
    if (!processAlive(h.pid)) return { kind: 'stale' };
    const msg = `${vaultFile} is open in another Caseproof on this computer (${h.user}, since ${ukDateTime(h.since)}, process ${h.pid}). Close it there first. If you are sure no Caseproof is running, delete ${lockFile}.`;
    return { kind: 'held', error: new VaultError('vault-in-use', msg, info(false)) };
  }
  const quiet = silent > QUIET_MS;
  const msg =
    `${vaultFile} is open in another Caseproof: ${h.user} on ${h.host}, since ${ukDateTime(h.since)}, last active ${ago(silent)}. ` +
    (quiet
      ? `If ${h.host} is switched off or Caseproof stopped there without closing, open it anyway (Open anyway in the app, --take-over on the command line).`
      : `Close it there first; open it anyway (Open anyway, or --take-over) only if you are sure Caseproof is not running on ${h.host}.`);
  return { kind: 'held', error: new VaultError('vault-in-use', msg, info(true)) };
}

function create(lockFile: string, holder: LockFile): boolean {
  let fd: number;
  try {
    fd = openSync(lockFile, 'wx', 0o600);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    throw new VaultError(
      'unavailable',
      `Caseproof cannot write beside the vault (${lockFile}: ${code ?? (e as Error).message}); a vault must be in a folder you can write to.`,
    );
  }
  try {
    writeSync(fd, JSON.stringify(holder));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return true;
}

/**
 * Moves a stale (or taken-over) lock aside; if what was moved turns out not to be the lock
 * that was judged (another Caseproof replaced it meanwhile), it is put back.
 */
function displace(lockFile: string, judged: Found): void {
  const aside = `${lockFile}.${randomBytes(4).toString('hex')}.old`;
  try {
    renameSync(lockFile, aside);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw e;
  }
  const moved = readFileSync(aside, 'utf8');
  if (moved !== judged.text) {
    try {
      linkSync(aside, lockFile);
    } catch {
      /* a third Caseproof has made its own lock: that one stands */
    }
  }
  unlinkSync(aside);
}

/** Takes the vault's lock, or throws a VaultError naming who holds it. */
export function acquireLock(vaultFile: string, opts: LockOptions = {}): VaultLock {
  const lockFile = lockPathFor(vaultFile);
  const clock = opts.clock ?? systemClock;
  const holder: LockFile = {
    app: 'Caseproof',
    user: opts.user ?? accountName(),
    host: hostname(),
    pid: process.pid,
    since: clock.now().toISOString(),
    boot: bootTime().toISOString(),
    token: randomBytes(12).toString('hex'),
  };
  for (let attempt = 0; attempt < 5; attempt++) {
    if (create(lockFile, holder)) return heldLock(lockFile, holder);
    const found = readSettled(lockFile);
    if (!found) continue; // released meanwhile
    // File times are the computer's own, so the lock's age is measured by the computer's clock.
    const v = judge(vaultFile, lockFile, found, systemClock.now());
    if (v.kind === 'mine') return sharedLock(lockFile);
    if (v.kind === 'held' && !(opts.takeOver && v.error.holder?.canTakeOver)) throw v.error;
    displace(lockFile, found);
  }
  throw new VaultError('vault-in-use', `${vaultFile} is being opened by another Caseproof at this moment; try again.`);
}

/** A lock this connection holds: touched every minute, removed on release if still ours. */
function heldLock(lockFile: string, holder: LockFile): VaultLock {
  let lostWhy: string | null = null;
  const touch = () => {
    if (lostWhy) return;
    try {
      const f = read(lockFile);
      if (!f) {
        create(lockFile, holder); // someone deleted it: this Caseproof still has the vault open
        return;
      }
      if (f.holder?.token !== holder.token) {
        const who = f.holder ? `${f.holder.user} on ${f.holder.host}` : 'another Caseproof';
        lostWhy = `${who} opened this vault anyway at ${ukDateTime(f.holder?.since ?? f.touched.toISOString())}, so this Caseproof has closed it. Unlock it again once they have finished.`;
        clearInterval(timer);
        return;
      }
      const now = systemClock.now();
      utimesSync(lockFile, now, now);
    } catch {
      /* a share that is briefly away: try again at the next beat */
    }
  };
  const timer = setInterval(touch, HEARTBEAT_MS);
  timer.unref();
  return {
    file: lockFile,
    owned: true,
    touch,
    lost: () => lostWhy,
    release: () => {
      clearInterval(timer);
      try {
        if (read(lockFile)?.holder?.token === holder.token) unlinkSync(lockFile);
      } catch {
        /* already gone */
      }
    },
  };
}

/** The lock of another connection in this same process: nothing to touch or remove. */
function sharedLock(lockFile: string): VaultLock {
  return { file: lockFile, owned: false, touch: () => undefined, lost: () => null, release: () => undefined };
}
