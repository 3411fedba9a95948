// Vaults as older Caseproof versions left them, and ways to look inside a vault file that
// go below SQLite: its decrypted pages (free pages included) and a dump of everything in it.
import { createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { createVault, type Migration } from '../../db/client';
import type { VaultKey } from '../../db/keys';
import { PASS } from './vaults';

/** drizzle-kit's SQL for data version 1, exactly as shipped in db/migrations/0000_initial.sql. */
export const V1_SCHEMA_SQL = path.resolve(__dirname, '../fixtures/vault-v1-schema.sql');
export const V1_MIGRATION: Migration = {
  name: '0000_initial (as shipped)',
  up(db) {
    for (const s of readFileSync(V1_SCHEMA_SQL, 'utf8').split('--> statement-breakpoint')) if (s.trim()) db.exec(s);
  },
};

export interface V1File {
  id: number;
  recordId: number;
  name: string;
  mediaType: string;
  bytes: Buffer;
  sha256: string;
  addedBy: string;
  addedAt: string;
  /** Texts written into the bytes (start, middle, end) to find them in the decrypted pages. */
  markers: string[];
}

/**
 * A vault made by data version 1 (the first release): its schema, and rows written the way
 * that version wrote them (payloads as JSON text, file bytes in evidence_files.content).
 * One staff member, `records` CPD entries, `files` PDF-like files of about `fileBytes` each
 * spread over them; the last file is deleted again, so the AUTOINCREMENT high-water mark is
 * above the highest id left.
 */
export function makeV1Vault(file: string, opts: { records?: number; files?: number; fileBytes?: number } = {}) {
  const { records = 5, files = 8, fileBytes = 20_000 } = opts;
  const vault = createVault(file, { passphrase: PASS }, { migrations: [V1_MIGRATION] });
  const db = vault.sqlite;
  const payloads: Record<string, unknown>[] = [];
  const kept: V1File[] = [];
  vault.tx(() => {
    db.prepare(`INSERT INTO firm (id, name) VALUES (1, 'Riverside Case Management')`).run();
    const staffId = db.prepare(`INSERT INTO staff (ref, name, role) VALUES ('RR-01', 'Morgan Ellis', 'Case manager')`).run().lastInsertRowid as number;
    const addRecord = db.prepare(`INSERT INTO records (staff_id, supplier_id, kind, data) VALUES (?, NULL, 'cpd', ?)`);
    const ids: number[] = [];
    for (let i = 0; i < records; i++) {
      const payload = { date: `2026-0${1 + (i % 9)}-1${i % 10}`, topic: `Brain injury update ${i}`, provider: 'UKABIF', hours: 1 + (i % 4) };
      payloads.push(payload);
      ids.push(addRecord.run(staffId, JSON.stringify(payload)).lastInsertRowid as number);
    }
    const addFile = db.prepare(
      `INSERT INTO evidence_files (record_id, name, media_type, size, sha256, content, added_by, added_at) VALUES (?, ?, 'application/pdf', ?, ?, ?, ?, ?)`,
    );
    for (let i = 0; i < files; i++) {
      const markers = ['start', 'middle', 'end'].map((w) => `V1-EVIDENCE-${i}-${w}-${randomBytes(8).toString('hex')}`);
      const size = fileBytes + (i % 7) * 997;
      const body = randomBytes(size);
      body.write(`%PDF-1.4\n${markers[0]}\n`, 0);
      body.write(markers[1], Math.floor(size / 2));
      body.write(markers[2], size - markers[2].length);
      const sha256 = createHash('sha256').update(body).digest('hex');
      const f = {
        recordId: ids[i % ids.length],
        name: `certificate-${i}.pdf`,
        mediaType: 'application/pdf',
        bytes: body,
        sha256,
        addedBy: 'Jo Admin',
        addedAt: `2026-03-0${1 + (i % 9)}T09:30:00Z`,
        markers,
      };
      const id = addFile.run(f.recordId, f.name, size, sha256, body, f.addedBy, f.addedAt).lastInsertRowid as number;
      kept.push({ id, ...f });
    }
  });
  const deleted = kept.pop()!;
  db.prepare('DELETE FROM evidence_files WHERE id = ?').run(deleted.id);
  const key = vault.key;
  vault.close();
  return { file, key, payloads, files: kept, deleted };
}

/** Every page of a SQLCipher 4 vault, decrypted with its raw key (free pages included). */
export function decryptedPages(file: string, key: VaultKey): Buffer {
  const PAGE = 4096;
  const RESERVE = 80; // 16-byte IV + 64-byte HMAC at the end of every page
  const buf = readFileSync(file);
  const out: Buffer[] = [];
  for (let off = 0; off < buf.length; off += PAGE) {
    const page = buf.subarray(off, off + PAGE);
    const start = off === 0 ? 16 : 0; // page 1 begins with the salt, in the clear
    const d = createDecipheriv('aes-256-cbc', key.key, page.subarray(PAGE - RESERVE, PAGE - RESERVE + 16)).setAutoPadding(false);
    out.push(Buffer.alloc(start), d.update(page.subarray(start, PAGE - RESERVE)), d.final(), Buffer.alloc(RESERVE));
  }
  return Buffer.concat(out);
}

export function occurrences(haystack: Buffer, needle: string): number {
  const n = Buffer.from(needle);
  let count = 0;
  for (let i = haystack.indexOf(n); i !== -1; i = haystack.indexOf(n, i + 1)) count++;
  return count;
}

/** Everything a vault holds, as comparable text: schema, data version, and every row of every table. */
export function dumpVault(db: Database.Database): string {
  const tables = db.prepare<[], { name: string }>(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).all();
  const out: unknown[] = [
    db.pragma('user_version', { simple: true }),
    db.prepare(`SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name`).all(),
  ];
  for (const { name } of tables) {
    const rows = db.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).all() as Record<string, unknown>[];
    out.push(
      name,
      rows.map((r) =>
        Object.fromEntries(Object.entries(r).map(([k, v]) => [k, Buffer.isBuffer(v) ? `sha256:${createHash('sha256').update(v).digest('hex')}` : v])),
      ),
    );
  }
  return JSON.stringify(out);
}
