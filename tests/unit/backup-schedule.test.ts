// The schedule runner the job worker starts (electron/worker/backupSchedule.ts), over a real
// vault: it makes the due backup on its timer, nothing while none is due, and tells the person
// once (a notification) when the folder has gone, however many times it tries.
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Session } from '../../electron/services/api/session';
import { manualClock } from '../../electron/services/clock';
import { nodePlatform } from '../../electron/platform/nodePlatform';
import { setSchedule } from '../../electron/services/vault/backups';
import { startBackupSchedule } from '../../electron/worker/backupSchedule';
import { tempDir } from '../support/tmp';

const running: { stop(): void }[] = [];
afterEach(() => {
  while (running.length) running.pop()!.stop();
});

describe('the backup schedule in the job worker', () => {
  it('backs up when due on its timer, not again until due, and notifies a missing folder once', async () => {
    const clock = manualClock('2026-11-24T09:14:00Z');
    const platform = nodePlatform({ user: 'Schedule Tester' });
    const session = new Session(platform, {}, clock);
    const dir = tempDir();
    session.create(path.join(dir, 'firm.cpv'), 'schedule test passphrase', false);
    const folder = path.join(dir, 'backups');
    mkdirSync(folder);
    setSchedule(session.ctx(), platform.prefs, { folder, everyDays: 1, keep: 3, passphrase: 'vault' });
    const s = startBackupSchedule(session, platform, 10, 60_000);
    running.push(s);
    await expect.poll(() => readdirSync(folder), { timeout: 15_000 }).toEqual(['firm-backup-2026-11-24-0914.cpv']);
    s.run();
    expect(readdirSync(folder)).toHaveLength(1); // not due again the same day
    clock.advance(24 * 60 * 60 * 1000);
    rmSync(folder, { recursive: true });
    s.run();
    s.run();
    expect(platform.notifications).toEqual([{ title: 'Caseproof’s scheduled backup failed', body: `There is no folder ${folder}. Open Settings → Backups.` }]);
    session.lock();
    s.run(); // a locked vault: nothing to do, nothing thrown
  });
});
