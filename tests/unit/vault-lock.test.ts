// One writer at a vault: the lock file beside it (db/lock.ts), with second Caseproofs as real
// child processes on this computer, and locks from another computer written as a file server
// would hold them.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createVault, openVault, VaultError } from '../../db/client';
import { acquireLock, lockPathFor } from '../../db/lock';
import { Session } from '../../electron/services/api/session';
import { AppError } from '../../electron/services/errors';
import { nodePlatform } from '../../electron/platform/nodePlatform';
import { tempDir } from '../support/tmp';
import { PASS } from '../support/vaults';

const HOLDER = path.resolve(__dirname, '../support/holdVault.ts');
const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
});

interface Said {
  held?: boolean;
  pid?: number;
  refused?: string;
  message?: string;
}
/** Starts a second Caseproof (a real process) that opens the vault; resolves with what it said. */
function second(file: string, user: string): Promise<{ child: ChildProcess; said: Said }> {
  const child = spawn(process.execPath, ['--import', 'tsx', HOLDER, file, user], {
    env: { ...process.env, CASEPROOF_PASSPHRASE: PASS },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const nl = out.indexOf('\n');
      if (nl >= 0) resolve({ child, said: JSON.parse(out.slice(0, nl)) as Said });
    });
    child.on('exit', (code) => (out.includes('\n') ? undefined : reject(new Error(`the holder exited (${code}) without a word`))));
  });
}
const exited = (c: ChildProcess) => new Promise<void>((r) => (c.exitCode !== null || c.signalCode !== null ? r() : c.on('exit', () => r())));

function closedVault(): string {
  const file = path.join(tempDir(), 'firm.cpv');
  createVault(file, { passphrase: PASS }).close();
  return file;
}
function refusal(fn: () => unknown): VaultError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(VaultError);
    return e as VaultError;
  }
  throw new Error('expected a refusal');
}
const HOUR = 3_600_000;
/** A lock as another computer's Caseproof leaves it on a shared folder, last touched `agoMs` ago. */
function foreignLock(file: string, agoMs: number, host = 'OFFICE-PC'): string {
  const lock = lockPathFor(file);
  const lf = { app: 'Caseproof', user: 'Jane Smith', host, pid: 4242, since: '2026-11-24T09:14:00.000Z', boot: '2026-11-20T08:00:00.000Z', token: 'abc123' };
  writeFileSync(lock, JSON.stringify(lf));
  const t = new Date(Date.now() - agoMs);
  utimesSync(lock, t, t);
  return readFileSync(lock, 'utf8');
}

describe('a second Caseproof on this computer', () => {
  it('is refused while the first has the vault open, naming who and since when; once the first closes, it opens', async () => {
    const file = closedVault();
    const first = await second(file, 'Alex Holder');
    expect(first.said.held).toBe(true);
    const lock = JSON.parse(readFileSync(lockPathFor(file), 'utf8'));
    expect(lock).toMatchObject({ app: 'Caseproof', user: 'Alex Holder', host: hostname(), pid: first.said.pid });

    const other = await second(file, 'Bo Second'); // another real process
    expect(other.said.refused).toBe('vault-in-use');
    expect(other.said.message).toMatch(
      new RegExp(
        `^${file} is open in another Caseproof on this computer \\(Alex Holder, since \\d\\d/\\d\\d/\\d{4} \\d\\d:\\d\\d, process ${first.said.pid}\\)\\. Close it there first\\.`,
      ),
    );

    const here = refusal(() => openVault(file, { passphrase: PASS }, { takeOver: true })); // "open anyway" is not offered for a live one here
    expect(here.code).toBe('vault-in-use');
    expect(here.holder).toMatchObject({ user: 'Alex Holder', host: hostname(), canTakeOver: false });

    first.child.stdin!.end();
    await exited(first.child);
    expect(existsSync(lockPathFor(file))).toBe(false); // released on close
    const v = openVault(file, { passphrase: PASS });
    v.close();
  });

  it('takes over without asking a lock left by a Caseproof that was killed', async () => {
    const file = closedVault();
    const first = await second(file, 'Alex Holder');
    expect(first.said.held).toBe(true);
    first.child.kill('SIGKILL');
    await exited(first.child);
    expect(JSON.parse(readFileSync(lockPathFor(file), 'utf8')).pid).toBe(first.said.pid); // left behind
    const v = openVault(file, { passphrase: PASS }, { user: 'Next Person' });
    expect(JSON.parse(readFileSync(lockPathFor(file), 'utf8'))).toMatchObject({ user: 'Next Person', pid: process.pid });
    v.close();
    expect(existsSync(lockPathFor(file))).toBe(false);
  });

  it('takes over a lock from an earlier start of this computer, even if its process number is in use again', () => {
    const file = closedVault();
    const lock = lockPathFor(file);
    const mk = (boot: string) =>
      writeFileSync(
        lock,
        JSON.stringify({ app: 'Caseproof', user: 'Alex', host: hostname(), pid: process.ppid, since: '2026-11-24T09:00:00Z', boot, token: 't' }),
      );
    mk(new Date(Date.now() - 400 * 24 * HOUR).toISOString()); // a boot long ago; ppid is alive now
    openVault(file, { passphrase: PASS }).close();
    mk(new Date(Date.now() + 24 * HOUR).toISOString()); // this boot: the live process holds it
    expect(refusal(() => openVault(file, { passphrase: PASS })).message).toContain('is open in another Caseproof on this computer');
  });

  it('the job worker: a second connection in the same process shares the lock, and only the first removes it', () => {
    const file = closedVault();
    const a = openVault(file, { passphrase: PASS });
    const b = openVault(file, { key: a.key });
    expect([a.lock?.owned, b.lock?.owned]).toEqual([true, false]);
    b.close();
    expect(existsSync(lockPathFor(file))).toBe(true);
    a.close();
    expect(existsSync(lockPathFor(file))).toBe(false);
  });
});

describe('another computer over a shared folder', () => {
  it('is named with who, where, since when and how long ago it was last active; the lock is left alone', () => {
    const file = closedVault();
    const text = foreignLock(file, 3 * HOUR);
    const e = refusal(() => openVault(file, { passphrase: PASS }));
    expect(e.code).toBe('vault-in-use');
    expect(e.message).toBe(
      `${file} is open in another Caseproof: Jane Smith on OFFICE-PC, since 24/11/2026 09:14, last active 3 hours ago. If OFFICE-PC is switched off or Caseproof stopped there without closing, open it anyway (Open anyway in the app, --take-over on the command line).`,
    );
    expect(e.holder).toMatchObject({ user: 'Jane Smith', host: 'OFFICE-PC', since: '2026-11-24T09:14:00.000Z', canTakeOver: true });
    expect(readFileSync(lockPathFor(file), 'utf8')).toBe(text);
  });

  it('when recently active, says to close it there first', () => {
    const file = closedVault();
    foreignLock(file, 60_000);
    expect(refusal(() => openVault(file, { passphrase: PASS })).message).toContain(
      'last active 1 minute ago. Close it there first; open it anyway (Open anyway, or --take-over) only if you are sure Caseproof is not running on OFFICE-PC.',
    );
  });

  it('"open anyway" replaces the lock with this Caseproof\'s, and closing removes it', () => {
    const file = closedVault();
    foreignLock(file, 3 * HOUR);
    const v = openVault(file, { passphrase: PASS }, { takeOver: true, user: 'Sam Here' });
    expect(JSON.parse(readFileSync(lockPathFor(file), 'utf8'))).toMatchObject({ user: 'Sam Here', host: hostname() });
    v.close();
    expect(existsSync(lockPathFor(file))).toBe(false);
  });

  it('a lock file that cannot be read is refused, saying so, and can be opened anyway', () => {
    const file = closedVault();
    writeFileSync(lockPathFor(file), 'garbage that is not a lock');
    const e = refusal(() => openVault(file, { passphrase: PASS }));
    expect(e.message).toMatch(/is open in another Caseproof, or was: its lock file .* cannot be read/);
    openVault(file, { passphrase: PASS }, { takeOver: true }).close();
  });

  it('the Caseproof that was taken over notices at its next touch and stops writing: its calls say why', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'firm.cpv');
    const session = new Session(nodePlatform({ user: 'First User' }));
    session.create(file, PASS, false);
    // Another computer opens it anyway: its lock replaces this one's.
    foreignLock(file, 0, 'LAPTOP-2');
    session.ctx().vault.lock!.touch();
    let e: unknown;
    try {
      session.ctx();
    } catch (x) {
      e = x;
    }
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).code).toBe('locked');
    expect((e as AppError).message).toMatch(/^Jane Smith on LAPTOP-2 opened this vault anyway at 24\/11\/2026 09:14, so this Caseproof has closed it\./);
    expect(session.state().open).toBe(false);
    expect(existsSync(lockPathFor(file))).toBe(true); // theirs, left alone
  });
});

describe('the lock file', () => {
  it('is owner-only and holds who and where, nothing from the vault; the heartbeat refreshes its time', () => {
    const file = closedVault();
    const v = openVault(file, { passphrase: PASS }, { user: 'Morgan Ellis' });
    const lock = lockPathFor(file);
    expect(statSync(lock).mode & 0o777).toBe(0o600);
    expect(Object.keys(JSON.parse(readFileSync(lock, 'utf8'))).sort()).toEqual(['app', 'boot', 'host', 'pid', 'since', 'token', 'user']);
    const old = new Date('2026-01-01T00:00:00Z');
    utimesSync(lock, old, old);
    v.lock!.touch();
    expect(statSync(lock).mtime.getTime()).toBeGreaterThan(old.getTime());
    v.close();
  });

  it('cannot be made where there is no folder to write it in: said plainly', () => {
    const file = path.join(tempDir(), 'no-such-folder', 'firm.cpv');
    expect(() => acquireLock(file)).toThrow(`Caseproof cannot write beside the vault (${file}.lock: ENOENT); a vault must be in a folder you can write to.`);
  });
});
