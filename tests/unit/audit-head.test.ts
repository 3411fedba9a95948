// The audit trail's head file (issue 11, db/auditHead.ts) on real encrypted vaults, through the
// app's session and registry: written owner-only after every call that wrote and at lock; the
// last entries deleted with raw SQL (triggers dropped) are named at unlock, by entry number, and
// the head that shows it is kept; a missing, unreadable or other vault's head is only a notice
// and is written anew; a head behind the trail is fine; restore and a passphrase change keep it.
import { copyFileSync, existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditEvent } from '../../db/audit';
import { checkHead, headFault, headFileOf, headNotice } from '../../db/auditHead';
import { checkAudit } from '../../db/check';
import { openVault } from '../../db/client';
import { buildRegistry } from '../../electron/services/api/handlers';
import { Session } from '../../electron/services/api/session';
import { nodePlatform } from '../../electron/platform/nodePlatform';
import { restoreBackup } from '../../electron/services/vault/backups';
import { registryCalls } from '../support/registryCalls';
import { tempDir } from '../support/tmp';

const PASS = 'head test passphrase 1';

function appWithVault() {
  const dir = tempDir();
  const file = path.join(dir, 'firm.cpv');
  const session = new Session(nodePlatform({ user: 'Pat Manager' }));
  const api = registryCalls(buildRegistry(session));
  return { dir, file, session, api };
}
const headOf = (file: string) => JSON.parse(readFileSync(headFileOf(file), 'utf8')) as { vaultId: string; seq: number; hash: string };
/** The trail's last entry, read with the vault closed to the app. */
function lastEntry(file: string, passphrase = PASS) {
  const v = openVault(file, { passphrase }, { readOnly: true });
  try {
    return v.sqlite.prepare<[], { seq: number; hash: string }>('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get()!;
  } finally {
    v.close();
  }
}
/** As a raw SQL tool could: the guard triggers dropped, then the SQL run, nothing put back. */
function tamper(file: string, sql: string) {
  const v = openVault(file, { passphrase: PASS });
  try {
    v.sqlite.exec('DROP TRIGGER IF EXISTS audit_log_no_delete');
    v.sqlite.exec(sql);
  } finally {
    v.close();
  }
}

describe('the head file beside the vault', () => {
  it('follows the trail after every call that writes, and at lock; owner-only', async () => {
    const { file, session, api } = appWithVault();
    await api.call('createVault', { path: file, passphrase: PASS, remember: false });
    const first = headOf(file);
    expect(statSync(headFileOf(file)).mode & 0o777).toBe(0o600);
    await api.call('createStaff', { ref: 'CM-1', name: 'Alex Morgan' });
    // Soon after the answer (a run of saves writes it once), not before it.
    expect(headOf(file)).toEqual(first);
    await expect.poll(() => headOf(file).seq, { timeout: 5_000, interval: 50 }).toBeGreaterThan(first.seq);
    expect(headOf(file).vaultId).toBe(first.vaultId);
    const { mtimeMs } = statSync(headFileOf(file));
    await api.call('listStaff'); // a call that writes nothing leaves the file alone
    await new Promise((r) => setTimeout(r, 400));
    expect(statSync(headFileOf(file)).mtimeMs).toBe(mtimeMs);
    await api.call('lockVault');
    expect(session.isOpen).toBe(false);
    expect(headOf(file)).toEqual({ vaultId: first.vaultId, ...lastEntry(file) }); // the lock entry included
  });

  it('names the entries removed at unlock, keeps the head that shows it, and the check exits on it', async () => {
    const { file, session, api } = appWithVault();
    await api.call('createVault', { path: file, passphrase: PASS, remember: false });
    await api.call('createStaff', { ref: 'CM-1', name: 'Alex Morgan' });
    await api.call('createStaff', { ref: 'CM-3', name: 'Robin Hale' });
    await api.call('lockVault');
    const head = headOf(file);
    expect(head.seq).toBeGreaterThan(3);
    // The last 3 entries deleted: the chain that is left still verifies on its own.
    tamper(file, `DELETE FROM audit_log WHERE seq > ${head.seq - 3}`);
    const state = await api.call<{ damage: string | null }>('unlockVault', { path: file, passphrase: PASS, remember: false });
    expect(state.damage).toBe(
      `The vault's audit trail ends at entry ${head.seq - 3}, but its head file (firm.cpv.head) says entry ${head.seq}: entries ${head.seq - 2} to ${head.seq} were removed.`,
    );
    // Later writes add entries again (reaching the head's number with other hashes), but the head is not moved on.
    await api.call('createStaff', { ref: 'CM-2', name: 'Sam Jones' });
    await api.call('lockVault');
    expect(headOf(file)).toEqual(head);
    expect(lastEntry(file).seq).toBeGreaterThanOrEqual(head.seq);
    const v = openVault(file, { passphrase: PASS });
    try {
      const c = checkHead(v);
      expect(c).toMatchObject({ state: 'removed', replaced: true });
      expect(headFault(c)).toMatch(/its entry \d+ is not the entry the head file records, so entries up to \d+ were removed and others written in their place/);
      expect(checkAudit(v, { chainOnly: true })).toEqual([{ check: 'audit end', problem: headFault(c) }]);
    } finally {
      v.close();
    }
    expect(session.isOpen).toBe(false);
  });

  it('a sound vault has no fault at unlock; a missing, unreadable or other vault’s head is a notice, written anew', async () => {
    const { dir, file, api } = appWithVault();
    await api.call('createVault', { path: file, passphrase: PASS, remember: false });
    await api.call('lockVault');
    expect((await api.call<{ damage: string | null }>('unlockVault', { path: file, passphrase: PASS, remember: false })).damage).toBeNull();
    await api.call('lockVault');

    const notice = (): string | null => {
      const v = openVault(file, { passphrase: PASS });
      try {
        return headNotice(checkHead(v));
      } finally {
        v.close();
      }
    };
    rmSync(headFileOf(file));
    expect(notice()).toMatch(/^There is no head file \(firm\.cpv\.head\) beside the vault: Caseproof cannot check the audit trail's end this time/);
    expect((await api.call<{ damage: string | null }>('unlockVault', { path: file, passphrase: PASS, remember: false })).damage).toBeNull();
    await api.call('lockVault');
    expect(headOf(file)).toMatchObject(lastEntry(file));

    writeFileSync(headFileOf(file), 'not a head');
    expect(notice()).toMatch(/^The head file beside the vault \(firm\.cpv\.head\) cannot be read \(it is not JSON\)/);

    // Another vault's head (a vault put in this one's place, say).
    const other = path.join(dir, 'other.cpv');
    await api.call('createVault', { path: other, passphrase: PASS, remember: false });
    await api.call('lockVault');
    copyFileSync(headFileOf(other), headFileOf(file));
    expect(notice()).toMatch(/belongs to another vault/);
    expect((await api.call<{ damage: string | null }>('unlockVault', { path: file, passphrase: PASS, remember: false })).damage).toBeNull();
    await api.call('lockVault');
    expect(headOf(file)).toMatchObject(lastEntry(file));
    expect(headOf(file).vaultId).not.toBe(headOf(other).vaultId);
    // Each unlock entry records what the head file said; the one at creation says nothing.
    const v = openVault(file, { passphrase: PASS });
    const unlocks = v.sqlite.prepare<[], { after: string }>("SELECT after FROM audit_log WHERE action = 'unlock' ORDER BY seq").all();
    v.close();
    expect(unlocks.map((u) => JSON.parse(u.after) as unknown)).toEqual([{}, { head: 'level' }, { head: 'missing' }, { head: 'other-vault' }]);
  });

  it('a head behind the trail (a stop between a commit and the head) is fine and is brought level', async () => {
    const { file, api } = appWithVault();
    await api.call('createVault', { path: file, passphrase: PASS, remember: false });
    const early = readFileSync(headFileOf(file));
    await api.call('createStaff', { ref: 'CM-1', name: 'Alex Morgan' });
    await api.call('lockVault');
    writeFileSync(headFileOf(file), early);
    expect((await api.call<{ damage: string | null }>('unlockVault', { path: file, passphrase: PASS, remember: false })).damage).toBeNull();
    await api.call('lockVault');
    expect(headOf(file)).toMatchObject(lastEntry(file));
  });

  it('stays level through a passphrase change, and a restored backup gets a head of its own', async () => {
    const { dir, file, api } = appWithVault();
    await api.call('createVault', { path: file, passphrase: PASS, remember: false });
    const id = headOf(file).vaultId;
    await api.call('changePassphrase', { current: PASS, next: 'another passphrase 2', confirm: 'another passphrase 2' });
    await api.call('lockVault');
    expect(headOf(file)).toEqual({ vaultId: id, ...lastEntry(file, 'another passphrase 2') });

    // A backup restored over a name whose old head runs further than the backup's trail.
    const backup = path.join(dir, 'backup.cpv');
    copyFileSync(file, backup); // the vault is locked: its file is whole
    const restored = path.join(dir, 'restored.cpv');
    writeFileSync(headFileOf(restored), JSON.stringify({ ...headOf(file), seq: headOf(file).seq + 50 }));
    restoreBackup(backup, 'another passphrase 2', restored);
    expect(existsSync(headFileOf(restored))).toBe(true);
    expect(headOf(restored)).toEqual({ vaultId: id, ...lastEntry(restored, 'another passphrase 2') });
    const r = openVault(restored, { passphrase: 'another passphrase 2' });
    try {
      expect(checkHead(r).state).toBe('level');
      auditEvent(r.sqlite, 'unlock', {});
      expect(checkHead(r).state).toBe('behind');
    } finally {
      r.close();
    }
  });
});
