// The evidence passport: one case manager's own record and evidence (DBS checks, indemnity,
// registrations, CPD, training, peer reviews, with their files) as one encrypted file, with a
// passphrase they choose for it, so the same evidence can go to every firm they work for.
//
// Encryption: AES-256-GCM (node:crypto) under a key derived from the passphrase with scrypt,
// the same parameters as the vault's own key (N=2^17, r=8, p=1, db/keys.ts), a fresh random
// salt and IV per file. Why not a small SQLCipher file: a passport is one document read whole,
// and GCM authenticates it (a wrong passphrase or an altered byte fails the tag: nothing is
// read); a SQLCipher file would need a temporary database written to disk to make or read it.
// The header (format, version, salt, IV) is authenticated too, as GCM's additional data.
//
// What it carries: the person's own details (ref, name, profession, qualified on, case
// management since) and their evidence. Not what belongs to a firm: role, employment, days a
// week, exemptions a firm granted, acknowledgements of a firm's policies.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { eq } from 'drizzle-orm';
import { staff } from '../../../db/schema';
import { deriveKey, SALT_BYTES } from '../../../db/keys';
import { isDestroyedCopy, staffDetails, type EvidenceMeta, type FirmFileEvidence, type RecordKind, STAFF_LISTS } from '../../contract/model';
import type { FieldChange, ImportPlan, PlannedRecord, PlannedSubject } from '../../contract/ops/intake';
import type { ImportSummary } from '../../contract/views';
import type { Ctx } from '../context';
import { AppError } from '../errors';
import { attachEvidence, evidenceContentReader, sha256Hex } from '../evidence/evidence';
import { insertRecord, listRecords } from '../evidence/records';
import { insertDestroyedCopy } from '../evidence/dbsCopies';
import { getFirm } from '../firm/firm';
import { fieldsOf, nullable } from '../rows';
import { loadStaffSnapshot } from '../snapshot';
import { STAFF_FIELDS } from '../staff/staff';
import { validateFirmFile } from '../interchange/importFirmFile';
import { canonical, fieldChanges, recordLabel, refusalsOf, totalsOf } from '../interchange/plan';

const MAGIC = 'CASEPROOF-PASSPORT';
/** The person's own fields: a firm's view of them (role, employment, days) is the firm's. */
export const PASSPORT_FIELDS = ['ref', 'name', 'profession', 'qualifiedOn', 'caseManagementSince'] as const;
/** Their evidence lists (firm-file names) and the record kind of each: the staff lists but the firm's own (exemptions, policy acknowledgements). */
export const PASSPORT_LISTS = (({ dbs, indemnity, registrations, cpd, training, peerReviews }) => ({
  dbs,
  indemnity,
  registrations,
  cpd,
  training,
  peerReviews,
}))(STAFF_LISTS);

type Entry = Record<string, unknown> & { evidence?: FirmFileEvidence[] };
export interface PassportContent {
  format: 'caseproof-passport';
  version: 1;
  madeAt: string;
  fromFirm: string;
  person: Record<string, unknown> & { ref: string; name: string };
}

interface Header {
  v: 1;
  kdf: 'scrypt';
  salt: string;
  iv: string;
}

/** The file: `CASEPROOF-PASSPORT <header JSON>\n`, then the ciphertext of the gzipped JSON, then GCM's 16-byte tag. */
export function sealPassport(content: PassportContent, passphrase: string): Buffer {
  const salt = randomBytes(SALT_BYTES);
  const iv = randomBytes(12);
  const header: Header = { v: 1, kdf: 'scrypt', salt: salt.toString('base64'), iv: iv.toString('base64') };
  const head = Buffer.from(`${MAGIC} ${JSON.stringify(header)}\n`, 'utf8');
  const { key } = deriveKey(passphrase, salt);
  try {
    const c = createCipheriv('aes-256-gcm', key, iv);
    c.setAAD(head);
    const body = Buffer.concat([c.update(gzipSync(JSON.stringify(content))), c.final()]);
    return Buffer.concat([head, body, c.getAuthTag()]);
  } finally {
    key.fill(0);
  }
}

/** Opens a passport; a wrong passphrase (or a changed byte) is refused and nothing is read. */
export function openPassport(bytes: Uint8Array, passphrase: string, name = 'The file'): PassportContent {
  const buf = Buffer.from(bytes);
  const nl = buf.indexOf(0x0a);
  const first = buf.subarray(0, nl < 0 ? Math.min(buf.length, 200) : nl).toString('utf8');
  if (!first.startsWith(`${MAGIC} `)) throw new AppError('invalid', `${name} is not a Caseproof evidence passport.`);
  let header: Header;
  try {
    header = JSON.parse(first.slice(MAGIC.length + 1)) as Header;
  } catch {
    throw new AppError('invalid', `${name} is a damaged evidence passport: its header cannot be read.`);
  }
  if (header.v !== 1 || header.kdf !== 'scrypt')
    throw new AppError('invalid', `${name} is an evidence passport from a newer Caseproof (version ${String(header.v)}).`);
  const head = buf.subarray(0, nl + 1);
  const rest = buf.subarray(nl + 1);
  if (rest.length < 16) throw new AppError('invalid', `${name} is a damaged evidence passport: it was cut short.`);
  const { key } = deriveKey(passphrase, Buffer.from(header.salt, 'base64'));
  let plain: Buffer;
  try {
    const d = createDecipheriv('aes-256-gcm', key, Buffer.from(header.iv, 'base64'));
    d.setAAD(head);
    d.setAuthTag(rest.subarray(rest.length - 16));
    plain = Buffer.concat([d.update(rest.subarray(0, rest.length - 16)), d.final()]);
  } catch {
    throw new AppError(
      'wrong-passphrase',
      'The passport’s passphrase is wrong (or the file has been changed since it was made). Nothing was imported.',
      'passphrase',
    );
  } finally {
    key.fill(0);
  }
  const content = JSON.parse(gunzipSync(plain).toString('utf8')) as PassportContent;
  if (content.format !== 'caseproof-passport' || content.version !== 1) throw new AppError('invalid', `${name} holds no evidence passport Caseproof can read.`);
  return content;
}

/** One person's passport content, read from the vault (their records only). */
export function passportOf(ctx: Ctx, ref: string): PassportContent {
  const s = fieldsOf(loadStaffSnapshot(ctx, ref));
  const content = evidenceContentReader(ctx);
  const person: Record<string, unknown> = {};
  for (const f of PASSPORT_FIELDS) if (s[f] !== undefined) person[f] = s[f];
  for (const list of Object.keys(PASSPORT_LISTS)) {
    const items = (s[list] as (Record<string, unknown> & { id: number; evidence: EvidenceMeta[] })[]) ?? [];
    if (!items.length) continue;
    person[list] = items.map(({ id: _id, evidence: all, ...d }) => {
      // A DBS copy destroyed under the firm's period has no bytes left to carry: it stays behind.
      const evidence = all.filter((m) => !m.destroyed);
      return evidence.length
        ? { ...d, evidence: evidence.map((m) => ({ name: m.name, mediaType: m.mediaType, base64: content(m.id).toString('base64') })) }
        : d;
    });
  }
  return {
    format: 'caseproof-passport',
    version: 1,
    madeAt: ctx.clock.stamp(),
    fromFirm: getFirm(ctx).name || 'a Caseproof vault',
    person: person as PassportContent['person'],
  };
}

export function exportPassport(ctx: Ctx, ref: string, passphrase: string): Buffer {
  return sealPassport(passportOf(ctx, ref), passphrase);
}

/** Who in this vault the passport is for: the same reference, else the one person of the same name, else nobody yet. */
function matchPerson(ctx: Ctx, p: PassportContent['person']): { id: number; ref: string; how: string } | null {
  const byRef = ctx.vault.orm.select({ id: staff.id, ref: staff.ref, name: staff.name }).from(staff).where(eq(staff.ref, p.ref)).get();
  if (byRef) return { ...byRef, how: byRef.name === p.name ? 'by reference and name' : `by reference ${p.ref}` };
  const byName = ctx.vault.sqlite.prepare('SELECT id, ref FROM staff WHERE lower(name) = lower(?)').all(p.name) as { id: number; ref: string }[];
  if (byName.length === 1) return { ...byName[0], how: `by name (${byName[0].ref} here)` };
  return null;
}

interface PassportPlan {
  plan: ImportPlan;
  apply: (ctx: Ctx) => ImportSummary;
}

/** What accepting the passport would add and change for its person; nothing else in the vault is touched. */
export function planPassport(ctx: Ctx, content: PassportContent, file: string, digest: string): PassportPlan {
  const p = content.person;
  const passport = { name: p.name, ref: p.ref, fromFirm: content.fromFirm, madeAt: content.madeAt };
  const base = { source: 'passport' as const, file, digest, passport };
  // The same checks as a firm file (every field, every evidence file's type): one validation.
  const asFirmFile = { format: 'caseproof-firm', version: 1, staff: [p] };
  try {
    validateFirmFile(ctx, asFirmFile);
  } catch (e) {
    if (e instanceof AppError && e.issues) {
      const refused = refusalsOf(e.issues, asFirmFile).map((r) => ({ ...r, path: r.path.replace(/^staff\[0\]\.?/, '') || 'person' }));
      return { plan: { ...base, subjects: [], refused, totals: totalsOf([], refused) }, apply: () => failed() };
    }
    throw e;
  }
  const match = matchPerson(ctx, p);
  const before = match ? fieldsOf(loadStaffSnapshot(ctx, match.ref)) : {};
  const details = Object.fromEntries(PASSPORT_FIELDS.filter((f) => f !== 'ref').map((f) => [f, p[f]]));
  // Only fields the passport gives change (a firm's own note of a date is not wiped by a blank).
  const changes: FieldChange[] = match
    ? fieldChanges(
        before,
        details,
        PASSPORT_FIELDS.filter((f) => f !== 'ref' && p[f] !== undefined),
      )
    : [];
  const records: PlannedRecord[] = [];
  type Add = { kind: RecordKind; data: Record<string, unknown>; files: FirmFileEvidence[]; recordId?: number };
  const adds: Add[] = [];
  for (const [list, kind] of Object.entries(PASSPORT_LISTS)) {
    const held = match ? listRecords(ctx, { type: 'staff', ref: match.ref }, kind) : [];
    const byKey = new Map(held.map((r) => [canonical(strip(r.data)), r]));
    for (const entry of (p[list] as Entry[] | undefined) ?? []) {
      const { evidence: given = [], ...data } = entry;
      const evidence = given.filter((f) => typeof (f as { base64?: unknown }).base64 === 'string');
      const label = recordLabel(kind, data);
      const same = byKey.get(canonical(data));
      if (!same) {
        records.push({ action: 'add', what: kind, label, ...(evidence.length ? { note: `with ${files(evidence.length)}` } : {}) });
        adds.push({ kind, data, files: evidence });
        continue;
      }
      const have = new Set(same.data.evidence.map((m) => m.sha256));
      // A DBS copy destroyed under the firm's period travels as its fingerprint only.
      const missing = evidence.filter((f) => !have.has(isDestroyedCopy(f) ? f.sha256 : sha256Hex(Buffer.from(f.base64, 'base64'))));
      if (missing.length) {
        records.push({
          action: 'change',
          what: kind,
          label,
          changes: [{ field: 'evidence', from: files(have.size), to: `${files(have.size + missing.length)}` }],
        });
        adds.push({ kind, data, files: missing, recordId: same.id });
      } else records.push({ action: 'same', what: kind, label, note: 'already in Caseproof' });
    }
  }
  const subject: PlannedSubject = {
    what: 'staff',
    ref: match?.ref ?? p.ref,
    name: p.name,
    action: match ? (changes.length || records.some((r) => r.action !== 'same') ? 'change' : 'same') : 'add',
    ...(match ? { matched: match.how } : {}),
    changes,
    records,
  };
  const plan: ImportPlan = { ...base, subjects: [subject], refused: [], totals: totalsOf([subject], []) };
  return {
    plan,
    apply: (c) =>
      c.vault.tx(() => {
        const sum: ImportSummary = {
          added: { staff: 0, suppliers: 0, cases: 0, records: 0, files: 0 },
          updated: { staff: 0, suppliers: 0, cases: 0, firm: false },
        };
        let staffId: number;
        if (match) {
          staffId = match.id;
          if (changes.length) {
            c.vault.orm
              .update(staff)
              .set({ ...Object.fromEntries(changes.map((ch) => [ch.field, details[ch.field] ?? null])), updatedAt: c.clock.stamp() })
              .where(eq(staff.id, staffId))
              .run();
            sum.updated.staff++;
          }
        } else {
          const values = nullable(staffDetails.parse({ ...details, ref: p.ref }), STAFF_FIELDS) as typeof staff.$inferInsert;
          staffId = c.vault.orm.insert(staff).values(values).returning({ id: staff.id }).get().id;
          sum.added.staff++;
        }
        for (const a of adds) {
          const id = a.recordId ?? insertRecord(c, { staffId, supplierId: null }, a.kind, a.data);
          if (a.recordId === undefined) sum.added.records++;
          for (const f of a.files) {
            if (isDestroyedCopy(f)) insertDestroyedCopy(c, id, f);
            else attachEvidence(c, id, { name: f.name, bytes: Buffer.from(f.base64, 'base64') });
            sum.added.files++;
          }
        }
        return sum;
      }),
  };
}

const strip = ({ id: _i, evidence: _e, ...d }: Record<string, unknown>) => d;
const files = (n: number) => (n === 1 ? '1 file' : `${n} files`);
function failed(): never {
  throw new AppError('invalid', 'The passport was not imported: it has problems (see the preview).');
}
