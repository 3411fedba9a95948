// The full check of an open vault's database, for `caseproof check` (which adds the evidence
// files' SHA-256 and the audit chain) and for anything else that must prove the file sound:
// every page's HMAC (db/pages.ts), SQLite's own integrity check of every table and index, and
// the foreign keys. Each problem comes back in words, the first first; none means sound.
// Cost on the 230 MB bench vault: see README "Integrity checks" (the page check is the
// cheapest part; integrity_check reads every row and index entry).
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Vault } from './client';
import { checkPages, describePageCheck } from './pages';
import { contentDrift, describeSubject, hasAuditTrail, subjectIndexFault, verifyChain } from './audit';
import { headCheckOf, headFault } from './auditHead';

export interface VaultFault {
  /** What was checked. */
  check: 'pages' | 'sqlite' | 'foreign keys' | 'evidence' | 'audit chain' | 'audit end' | 'audit index' | 'audit content';
  /** What is wrong, in words that can follow "The vault ...". */
  problem: string;
}

/** Every evidence file's bytes against the SHA-256 recorded when it was added. */
export function checkEvidence(vault: Vault, limit = 20): VaultFault[] {
  const faults: VaultFault[] = [];
  const ids = vault.sqlite
    .prepare<[], { id: number; name: string; sha256: string; size: number }>('SELECT id, name, sha256, size FROM evidence_files ORDER BY id')
    .all();
  const bytes = vault.sqlite.prepare<[number], { content: Buffer }>('SELECT content FROM evidence_contents WHERE file_id = ?');
  for (const f of ids) {
    const c = bytes.get(f.id)?.content;
    const problem =
      !c && f.size === 0
        ? null
        : !c
          ? `evidence file ${f.id} (${f.name}) has no contents`
          : createHash('sha256').update(c).digest('hex') !== f.sha256
            ? `evidence file ${f.id} (${f.name}) does not match its SHA-256 (${f.sha256.slice(0, 12)}…): its bytes were changed`
            : null;
    if (problem) faults.push({ check: 'evidence', problem });
    if (faults.length >= limit) break;
  }
  return faults;
}

/** The audit trail: its hash chain, then every row against its last audited state (an edit made behind Caseproof's back). */
export function checkAudit(vault: Vault, opts: { chainOnly?: boolean } = {}): VaultFault[] {
  if (!hasAuditTrail(vault.sqlite)) return [{ check: 'audit chain', problem: 'audit trail is missing: the vault has none' }];
  const chain = verifyChain(vault.sqlite);
  if (chain.fault) return [{ check: 'audit chain', problem: `audit trail is broken at entry ${chain.fault.seq}: ${chain.fault.problem}` }];
  // The chain cannot see its own end cut off: the head file beside the vault can (db/auditHead.ts).
  const end = headFault(headCheckOf(vault));
  if (end) return [{ check: 'audit end', problem: end }];
  if (opts.chainOnly) return [];
  // Whom each bulk entry is about, as its index says and as the entries do (a history reads the index).
  const index = subjectIndexFault(vault.sqlite);
  if (index) return [{ check: 'audit index', problem: index }];
  return contentFaults(vault.sqlite, 20);
}

/** Rows whose content no longer matches their last audited state, as faults (at most `limit`): `check`, and the app after unlock. */
export function contentFaults(db: Database.Database, limit: number): VaultFault[] {
  return contentDrift(db, { limit }).map((d) => ({
    check: 'audit content' as const,
    problem:
      d.audited === null
        ? `${d.table} row ${d.rowId} (${describeSubject({ subjectKind: d.subject.kind, subjectRef: d.subject.ref, subjectId: d.subject.id })}) is not in the audit trail: it was added behind Caseproof's back`
        : d.now === null
          ? `${d.table} row ${d.rowId} (${describeSubject({ subjectKind: d.subject.kind, subjectRef: d.subject.ref, subjectId: d.subject.id })}) has gone without an audit entry: it was deleted behind Caseproof's back`
          : `${d.table} row ${d.rowId} (${describeSubject({ subjectKind: d.subject.kind, subjectRef: d.subject.ref, subjectId: d.subject.id })}) does not match its last audited state: it was changed behind Caseproof's back`,
  }));
}

export function checkVault(vault: Vault, opts: { onProgress?: (done: number, total: number) => void; evidence?: boolean; audit?: boolean } = {}): VaultFault[] {
  const faults: VaultFault[] = [];
  const pages = describePageCheck(checkPages(vault.path, vault.key, opts));
  if (pages) faults.push({ check: 'pages', problem: pages });
  try {
    const rows = vault.sqlite.pragma('integrity_check(20)', { simple: false }) as { integrity_check: string }[];
    for (const r of rows) if (r.integrity_check !== 'ok') faults.push({ check: 'sqlite', problem: `SQLite's integrity check: ${r.integrity_check}` });
  } catch (e) {
    faults.push({ check: 'sqlite', problem: `SQLite's integrity check could not finish (${(e as Error).message})` });
  }
  const broken = vault.sqlite.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[];
  for (const b of broken.slice(0, 20))
    faults.push({ check: 'foreign keys', problem: `${b.table} row ${b.rowid} refers to a ${b.parent} row that does not exist` });
  if (opts.evidence) faults.push(...checkEvidence(vault));
  if (opts.audit) faults.push(...checkAudit(vault));
  return faults;
}
