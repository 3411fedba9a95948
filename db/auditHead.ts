// The audit trail's head (issue 11): a small file beside the vault, `<vault>.head`, naming the
// trail's last entry (its number and hash) and the vault it belongs to.
//
// Why: the chain (db/audit.ts) proves every entry follows the one before, but not where the
// trail ends. Someone who deletes the last entries with raw SQL (triggers dropped) leaves a
// shorter chain that still verifies, and nothing inside the vault can say it was longer. The
// head is kept outside the vault, so that cut is found: the trail ends before the entry the
// head names, or the entry at that number now has another hash.
//
// When it is written: after every call the app's session answers (services/api/registry.ts
// afterEach), when a vault is locked or closed, at the end of every CLI command that opens the
// vault (cli/shared.ts withVault), at `init` and when a backup is restored (a new head for the
// new file). It only ever moves forward: a head that shows entries were removed is kept as it
// is, so the fault is reported every time until a backup is restored.
//
// What it is not: a secret (a number and a hash; nothing about the firm) or a proof against
// someone who can also rewrite this file. It finds the cut made from inside the vault alone.
import { hash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { z } from 'zod';
import { writeFileAtomic } from '../electron/services/files';
import { hasAuditTrail } from './audit';
import type { Vault } from './client';

/** What the head file holds. */
export interface AuditHead {
  /** Which vault: derived from its salt (vaultIdOf). */
  vaultId: string;
  /** The number of the trail's last entry when the head was written. */
  seq: number;
  /** That entry's hash. */
  hash: string;
}
interface TrailEnd {
  seq: number;
  hash: string;
}
/** The end of a trail with no entries yet (a vault just made by `caseproof init`): the chain's genesis link. */
const EMPTY: TrailEnd = { seq: 0, hash: '0'.repeat(64) };

/** What a head file may hold, and nothing else (a hand-edited or foreign file is named as unreadable). */
const headFile = z.strictObject({
  vaultId: z.string().regex(/^[0-9a-f]{32}$/),
  seq: z.number().int().nonnegative(),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
});
/** A head file is about 150 bytes; anything much larger is not one, and is not read whole. */
const MAX_HEAD_BYTES = 4096;

export const headFileOf = (vaultPath: string): string => `${vaultPath}.head`;

/**
 * The vault's stable id, from its salt: the 16 random bytes SQLCipher writes at the start of
 * the file when the vault is created and keeps through every passphrase change (the key
 * carries it, db/keys.ts). A copy of the vault (a backup) has the same id: it is the same trail.
 */
export function vaultIdOf(vault: Pick<Vault, 'key'>): string {
  return hash('sha256', Buffer.concat([Buffer.from('caseproof vault id 1:'), vault.key.salt]), 'hex').slice(0, 32);
}

function trailEnd(db: Database.Database): TrailEnd {
  return db.prepare<[], TrailEnd>('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() ?? EMPTY;
}

/** How the head beside a vault compares with its trail. Only `removed` is a fault. */
export type HeadCheck =
  | { state: 'no-trail' }
  /** The head names the trail's last entry. */
  | { state: 'level'; file: string }
  /** The head names an earlier entry of this trail (Caseproof stopped between a commit and the head's write): fine. */
  | { state: 'behind'; file: string }
  | { state: 'missing'; file: string }
  | { state: 'unreadable'; file: string; why: string }
  | { state: 'other-vault'; file: string }
  /** The trail ends before the head's entry, or that entry has another hash: entries were removed. */
  | { state: 'removed'; file: string; head: AuditHead; end: number; replaced: boolean };

function readHead(file: string): AuditHead {
  const size = statSync(file).size;
  if (size > MAX_HEAD_BYTES) throw new Error(`it holds ${size} bytes, far more than a head file does`);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    throw new Error('it is not JSON');
  }
  const parsed = headFile.safeParse(json);
  if (!parsed.success) throw new Error(`its ${parsed.error.issues[0].path.join('.') || 'contents'} is not what Caseproof writes there`);
  return parsed.data;
}

/** Compares the head file beside `vault` with its trail (reads only). */
export function checkHead(vault: Vault): HeadCheck {
  const db = vault.sqlite;
  if (!hasAuditTrail(db)) return { state: 'no-trail' };
  const file = headFileOf(vault.path);
  if (!existsSync(file)) return { state: 'missing', file };
  let head: AuditHead;
  try {
    head = readHead(file);
  } catch (e) {
    return { state: 'unreadable', file, why: (e as Error).message };
  }
  if (head.vaultId !== vaultIdOf(vault)) return { state: 'other-vault', file };
  const end = trailEnd(db).seq;
  if (head.seq > end) return { state: 'removed', file, head, end, replaced: false };
  const at = head.seq === 0 ? EMPTY : db.prepare<[number], { hash: string }>('SELECT hash FROM audit_log WHERE seq = ?').get(head.seq);
  if (at?.hash !== head.hash) return { state: 'removed', file, head, end, replaced: true };
  return { state: head.seq === end ? 'level' : 'behind', file };
}

/**
 * The fault, in words that follow "The vault's " (as the chain's do, db/check.ts), or null.
 * Entry numbers are the trail's as it was opened, before this opening's own entries.
 */
export function headFault(c: HeadCheck): string | null {
  if (c.state !== 'removed') return null;
  const name = path.basename(c.file);
  const m = c.head.seq;
  if (c.replaced)
    return `audit trail does not end as its head file (${name}) says: its entry ${m} is not the entry the head file records, so entries up to ${m} were removed and others written in their place`;
  const gone = c.end + 1 === m ? `entry ${m} was removed` : `entries ${c.end + 1} to ${m} were removed`;
  const ends = c.end === 0 ? 'has no entries' : `ends at entry ${c.end}`;
  return `audit trail ${ends}, but its head file (${name}) says entry ${m}: ${gone}`;
}

/** A notice (not a fault): why the trail's end could not be checked, as a sentence; null when it was. */
export function headNotice(c: HeadCheck): string | null {
  const name = 'file' in c ? path.basename(c.file) : '';
  switch (c.state) {
    case 'missing':
      return `There is no head file (${name}) beside the vault: Caseproof cannot check the audit trail's end this time. It writes one now, to check it from now on.`;
    case 'unreadable':
      return `The head file beside the vault (${name}) cannot be read (${c.why}): Caseproof cannot check the audit trail's end this time. It writes a new one now.`;
    case 'other-vault':
      return `The head file beside the vault (${name}) belongs to another vault: Caseproof cannot check this audit trail's end this time. It writes this vault's head now.`;
    default:
      return null;
  }
}

/**
 * The same notice in the app's words, shown calmly after unlock (renderer HeadNotice), not as
 * damage: the first unlock after this check arrived has no head file, which is expected.
 */
export function headNoticeForApp(c: HeadCheck): string | null {
  const name = 'file' in c ? path.basename(c.file) : '';
  switch (c.state) {
    case 'missing':
      return `This looks like the first time this vault has been opened with the check of where its audit trail ends: Caseproof has noted where the trail ends (in ${name}, beside the vault) and will check it from now on. If this vault was opened with this check before, that file has been moved or deleted.`;
    case 'unreadable':
      return `The file beside this vault that records where its audit trail ends (${name}) could not be read, so the trail's end could not be checked this time. Caseproof has written it again and will check it from now on.`;
    case 'other-vault':
      return `The file beside this vault that records where its audit trail ends (${name}) belongs to another vault, so this trail's end could not be checked this time. Caseproof has written this vault's own and will check it from now on.`;
    default:
      return null;
  }
}

/** What each connection last wrote (or found it must not write), so a call that added no entry costs one query. */
const kept = new WeakMap<Database.Database, TrailEnd>();
/** The head as each connection found it when the vault was opened, before its own entries (checkHeadAtOpen). */
const atOpen = new WeakMap<Database.Database, HeadCheck>();

/** Checks the head as the vault is opened, before this opening writes its own entries; kept for the checks that report it. */
export function checkHeadAtOpen(vault: Vault): HeadCheck {
  const c = checkHead(vault);
  atOpen.set(vault.sqlite, c);
  return c;
}
/** The head as found when this connection opened the vault, or as it is now when that was not noted. */
export function headCheckOf(vault: Vault): HeadCheck {
  return atOpen.get(vault.sqlite) ?? checkHead(vault);
}

/**
 * Brings the head file level with the trail's last entry, atomically and owner-only. Writes
 * nothing when the trail has not moved since this connection last wrote, and never over a head
 * that shows entries were removed (that evidence stays). `fresh`: write this vault's head
 * whatever is there (a backup just restored into this file).
 */
export function keepHead(vault: Vault, opts: { fresh?: boolean } = {}): void {
  const db = vault.sqlite;
  if (!db.open || db.readonly || !hasAuditTrail(db)) return;
  const end = trailEnd(db);
  const last = kept.get(db);
  if (!opts.fresh && last?.seq === end.seq && last.hash === end.hash) return;
  kept.set(db, end);
  if (!opts.fresh) {
    const c = checkHead(vault);
    if (c.state === 'removed' || c.state === 'level') return;
  }
  const head: AuditHead = { vaultId: vaultIdOf(vault), seq: end.seq, hash: end.hash };
  // Not flushed to disk (two flushes would double the cost of every save): a power cut can leave
  // the head older than the trail, or unreadable, which is a notice, never a false fault, since
  // it is written only after the trail's entries were committed (and flushed) by SQLite.
  writeFileAtomic(headFileOf(vault.path), JSON.stringify(head) + '\n', { overwrite: true, flush: opts.fresh === true });
}
