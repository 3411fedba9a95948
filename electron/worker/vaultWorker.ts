// A vault worker: the session (SQLCipher, key derivation, rules, packs, imports, exports)
// off Electron's main thread. Main starts two from dist/electron/worker.cjs through host.ts:
// the vault worker, which owns the session and answers quick calls, and a job worker for
// long operations, with a second connection to the same vault opened with the key the
// vault worker shares. Both run the same registry, so each operation has one code path.
import { parentPort, workerData } from 'node:worker_threads';
import { contentFaults } from '../../db/check';
import type { OpenOptions } from '../../db/client';
import { buildRegistry } from '../services/api/handlers';
import { startAutoLock, type AutoLock } from '../services/api/autoLock';
import { Session } from '../services/api/session';
import { fixedClock, systemClock } from '../services/clock';
import { routeProgress, runCall } from './calls';
import { platformLink, platformProxy } from './platformProxy';
import type { FromWorker, ToWorker, WorkerBoot } from './protocol';
import { startReminders } from './reminders';
import { warmScreensAfterUnlock } from './warmUp';
import { startBackupSchedule } from './backupSchedule';
import { firmReport } from '../services/views/firmModel';

/** How long a quick write waits for a long job's write to finish before saying the vault is busy. */
const BUSY_WAIT_MS = 250;
/** How long after the vault opens the job worker reads the firm ahead (views/firmModel.ts). */
const WARM_AFTER_MS = 1500;

const port = parentPort;
if (!port) throw new Error('vaultWorker.ts runs as a worker thread (see electron/worker/host.ts).');
const boot = workerData as WorkerBoot;
const post = (m: FromWorker) => port.postMessage(m);

const link = platformLink(boot.syncPort, boot.syncFlag, post);
const platform = platformProxy(link);
const openOptions: OpenOptions = boot.nativeBinding ? { nativeBinding: boot.nativeBinding } : {};
const session = new Session(platform, openOptions, boot.clock ? fixedClock(boot.clock) : systemClock);
routeProgress(session);
const registry = buildRegistry(session);
if (boot.lockedBecause) session.lock(boot.lockedBecause);

let autoLock: AutoLock | null = null;
/** Long operations running in the job worker, each holding auto-lock off until it ends. */
const jobHolds: (() => void)[] = [];
if (boot.role === 'vault') {
  startReminders(session, platform);
  warmScreensAfterUnlock(session);
  autoLock = startAutoLock(session, (reason) => post({ t: 'event', event: { name: 'locked', payload: { reason } } }));
  // A quick write that meets an import's open transaction gives up soon with a clear
  // 'busy' error (registry.ts) instead of holding this worker for the import's length.
  session.onUnlock.push((ctx) => void ctx.vault.sqlite.pragma(`busy_timeout = ${BUSY_WAIT_MS}`));
  // What the checks after unlock find (pages, the audit trail) goes to the window as it is found.
  session.onDamage.push((message) => post({ t: 'event', event: { name: 'damage', payload: { message } } }));
}

port.on('message', (m: ToWorker) => {
  switch (m.t) {
    case 'call':
      void runCall(registry, m.op, m.input, (payload) => post({ t: 'event', event: { name: 'progress', payload } })).then((result) =>
        post({ t: 'result', id: m.id, result }),
      );
      return;
    case 'platform-answer':
      link.answer(m.id, m);
      return;
    case 'share-key':
      m.port.postMessage(session.shareable());
      m.port.close();
      return;
    case 'lock':
      if (autoLock) autoLock.lockNow(m.reason);
      else session.lock({ reason: m.reason });
      return;
    case 'hold':
      if (m.on) jobHolds.push(session.holdUse());
      else jobHolds.pop()?.();
      return;
    case 'close':
      autoLock?.stop();
      session.lock();
      post({ t: 'closed' });
      return;
  }
});

/**
 * Every record against its last audited state (issue 11: an edit made behind Caseproof's back),
 * the part of `caseproof check` too slow for unlock itself (about 2 s for a 290 MB firm): run here
 * on the job worker's connection once the firm has been read ahead, in one read transaction (one
 * snapshot of rows and trail alike), and a mismatch goes to the window's damage banner.
 */
function checkRecordsAfterUnlock(): void {
  try {
    if (!session.isOpen) return;
    const db = session.ctx().vault.sqlite;
    const [first] = db.transaction(() => contentFaults(db, 1))();
    if (first) {
      const message = `A record does not match the audit trail: ${first.problem}. (caseproof check lists every record that does not match.)`;
      post({ t: 'event', event: { name: 'damage', payload: { message } } });
    }
  } catch (e) {
    console.error('[caseproof] the job worker could not compare the records with the audit trail:', (e as Error).message);
  }
}

if (boot.role === 'job' && boot.keyPort) {
  const keyPort = boot.keyPort;
  keyPort.once('message', (shared: { path: string; key: string } | null) => {
    keyPort.close();
    try {
      if (shared) {
        session.openShared(shared.path, shared.key);
        startBackupSchedule(session, platform);
        // Packs and the firm-wide report run here on this connection's own firm model; build it
        // while the window is still settling after unlock, as the vault worker's reminder check
        // does for the Dashboard, so the first pack does not wait for the whole firm to be read.
        setTimeout(() => {
          try {
            if (session.isOpen) firmReport(session.ctx(), session.clock.today());
          } catch (e) {
            console.error('[caseproof] the job worker could not read the firm ahead:', (e as Error).message);
          }
          checkRecordsAfterUnlock();
        }, WARM_AFTER_MS).unref();
      }
    } catch (e) {
      console.error('[caseproof] the job worker could not open the vault:', (e as Error).message);
    }
    post({ t: 'ready' });
  });
} else {
  post({ t: 'ready' });
}
