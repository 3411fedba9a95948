// Which evidence records a firm file's list shares with the vault's. A list in the file replaces
// the vault's list of that kind; a record in both (the same content and the same evidence files,
// by name and SHA-256) is the same record and is kept as it is, with its id, its history and its
// files; only what the file adds is written and only what it leaves out is deleted. So importing
// the same file twice changes nothing the second time, the preview's "kept" is what the import
// does, and a record's audit history is not broken by a re-import.
import { defaultExemptionExpiry } from '../../contract/exemptions';
import { isDestroyedCopy, type EvidenceMeta, type FirmFileEvidence, type RecordKind } from '../../contract/model';
import { evidenceFileName, sha256Hex } from '../evidence/evidence';

/** The same content whatever the order of its keys (records are compared by content). */
export function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}

type Entry = Record<string, unknown> & { evidence?: unknown[]; id?: unknown };

/** A file entry's record content as the vault would store it (no evidence or id; v1 exemptions get their default expiry). */
export function fileRecordData(kind: RecordKind, entry: Entry): Record<string, unknown> {
  const { evidence: _e, id: _i, ...data } = entry;
  if (kind === 'exemption' && data.expiresOn === undefined && typeof data.grantedOn === 'string') data.expiresOn = defaultExemptionExpiry(data.grantedOn);
  return data;
}

/** One evidence file by what identifies it: the name it is stored under, its SHA-256, and whether only its fingerprint is left. */
function fileSignature(f: EvidenceMeta | FirmFileEvidence): string {
  if ('id' in f) return `${f.name}\u0000${f.sha256}${f.destroyed ? '\u0000destroyed' : ''}`;
  if (isDestroyedCopy(f)) return `${f.name}\u0000${f.sha256}\u0000destroyed`;
  return `${evidenceFileName(f.name)}\u0000${sha256Hex(Buffer.from(f.base64, 'base64'))}`;
}

/** What makes two records the same: their content, whatever the order of its keys, and their files in order. */
export function recordKey(data: Record<string, unknown>, evidence: readonly (EvidenceMeta | FirmFileEvidence)[]): string {
  return `${canonical(data)}\n${evidence.map(fileSignature).join('\n')}`;
}

export interface Matched<E, I> {
  /** Pairs of a vault record and the file's entry that is the same record. */
  kept: [E, I][];
  /** The file's entries the vault does not hold. */
  added: I[];
  /** The vault's records the file leaves out. */
  removed: E[];
}

/** Pairs records with the same key, each used once (two identical entries keep two identical records). */
export function matchRecords<E, I>(
  existing: readonly E[],
  incoming: readonly I[],
  keyOfExisting: (e: E) => string,
  keyOfIncoming: (i: I) => string,
): Matched<E, I> {
  const waiting = new Map<string, E[]>();
  for (const e of existing) {
    const k = keyOfExisting(e);
    const list = waiting.get(k);
    if (list) list.push(e);
    else waiting.set(k, [e]);
  }
  const out: Matched<E, I> = { kept: [], added: [], removed: [] };
  for (const i of incoming) {
    const e = waiting.get(keyOfIncoming(i))?.shift();
    if (e === undefined) out.added.push(i);
    else out.kept.push([e, i]);
  }
  const left = new Set([...waiting.values()].flat());
  out.removed = existing.filter((e) => left.has(e));
  return out;
}
