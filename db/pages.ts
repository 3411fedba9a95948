// The vault's pages as SQLCipher 4 lays them out (SQLite3 Multiple Ciphers, cipher 'sqlcipher',
// legacy = 4; see the cipher_sqlcipher.c in better-sqlite3-multiple-ciphers' deps): 4096-byte
// pages, each ending in 80 reserved bytes, a 16-byte IV then a 64-byte HMAC-SHA512. The HMAC
// key is PBKDF2-HMAC-SHA512 of the raw encryption key over the salt XOR 0x3a, 2 iterations;
// the HMAC covers the page from byte 0 (byte 16 on page 1, whose first 16 bytes are the salt)
// to the end of the IV, followed by the page number as 4 bytes little-endian.
//
// SQLite reports a page that fails its HMAC only when it reads that page, and page 1 failing
// looks the same as a wrong key (SQLITE_NOTADB). Checking the HMACs here tells the cases
// apart (a wrong key fails every page; a damaged page 1 leaves the others authentic) and finds
// a flipped byte in a page no query has read yet (an evidence file's contents, a free page).
import { createDecipheriv, createHmac, pbkdf2Sync } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { open } from 'node:fs/promises';
import type { VaultKey } from './keys';

export const PAGE_SIZE = 4096;
const RESERVED = 80;
const IV_BYTES = 16;
const HMAC_BYTES = 64;
const HMAC_SALT_MASK = 0x3a;
const HMAC_KDF_ITERATIONS = 2;
/** Bytes of a page before its reserved tail: the encrypted content. */
const CONTENT = PAGE_SIZE - RESERVED;
/** Pages read at a time when checking a whole file (1 MiB). */
const BATCH = 256;

/** The key SQLCipher authenticates pages with, derived from the vault's key. */
export function hmacKey(key: VaultKey): Buffer {
  const salt = Buffer.from(key.salt.map((b) => b ^ HMAC_SALT_MASK));
  return pbkdf2Sync(key.key, salt, HMAC_KDF_ITERATIONS, 32, 'sha512');
}

/** True when `page` (PAGE_SIZE bytes, numbered from 1) carries a valid HMAC under `hkey`. */
export function pageAuthentic(page: Buffer, pgno: number, hkey: Buffer): boolean {
  if (page.length !== PAGE_SIZE) return false;
  const number = Buffer.alloc(4);
  number.writeUInt32LE(pgno);
  const mac = createHmac('sha512', hkey)
    .update(page.subarray(pgno === 1 ? 16 : 0, CONTENT + IV_BYTES))
    .update(number)
    .digest();
  return mac.equals(page.subarray(CONTENT + IV_BYTES, CONTENT + IV_BYTES + HMAC_BYTES));
}

/** What the database header on page 1 says, decrypted with the key (call only once page 1 is authentic). */
export interface Header {
  pageSize: number;
  reserved: number;
  /** The database's size in pages as last written to the file (0 in very old files). */
  pageCount: number;
  applicationId: number;
  userVersion: number;
}
export function readHeader(page1: Buffer, key: VaultKey): Header {
  const iv = page1.subarray(CONTENT, CONTENT + IV_BYTES);
  const d = createDecipheriv('aes-256-cbc', key.key, iv).setAutoPadding(false);
  // Bytes 16.. of the header; the first 16 (the "SQLite format 3" magic) hold the salt on disk.
  const h = Buffer.concat([Buffer.alloc(16), d.update(page1.subarray(16, 112))]);
  const size = h.readUInt16BE(16);
  return {
    pageSize: size === 1 ? 65536 : size,
    reserved: h[20],
    pageCount: h.readUInt32BE(28),
    applicationId: h.readUInt32BE(68),
    userVersion: h.readUInt32BE(60),
  };
}

/** Reads page `pgno` (from 1), or fewer bytes if the file ends inside it. */
export function readPage(fd: number, pgno: number): Buffer {
  const buf = Buffer.alloc(PAGE_SIZE);
  const n = readSync(fd, buf, 0, PAGE_SIZE, (pgno - 1) * PAGE_SIZE);
  return n === PAGE_SIZE ? buf : buf.subarray(0, n);
}

/** The result of checking every page of a file. */
export interface PageCheck {
  /** Whole pages in the file. */
  pages: number;
  /** Pages (numbered from 1) whose HMAC does not match, in order; at most `limit` of them. */
  failing: number[];
  /** How many pages fail in all. */
  failingCount: number;
  /** Bytes after the last whole page (a file cut part-way through a page). */
  partialBytes: number;
}

export interface CheckOptions {
  /** Stop collecting after this many failing pages (the whole file is still read). */
  limit?: number;
  /** Called after each batch of pages. */
  onProgress?: (done: number, total: number) => void;
}

/** Checks the whole pages in `buf`; returns how many fail, noting the first up to `limit`. */
function checkBatch(buf: Buffer, got: number, firstPgno: number, hkey: Buffer, failing: number[], limit: number): number {
  let bad = 0;
  for (let i = 0; (i + 1) * PAGE_SIZE <= got; i++) {
    const pgno = firstPgno + i;
    if (pageAuthentic(buf.subarray(i * PAGE_SIZE, (i + 1) * PAGE_SIZE), pgno, hkey)) continue;
    bad++;
    if (failing.length < limit) failing.push(pgno);
  }
  return bad;
}

/** Checks the HMAC of every page of a vault file. About 0.4 s for a 230 MB vault on one core. */
export function checkPages(file: string, key: VaultKey, opts: CheckOptions = {}): PageCheck {
  const hkey = hmacKey(key);
  const limit = opts.limit ?? 10;
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    const pages = Math.floor(size / PAGE_SIZE);
    const failing: number[] = [];
    let failingCount = 0;
    const buf = Buffer.alloc(PAGE_SIZE * BATCH);
    for (let first = 1; first <= pages; first += BATCH) {
      const got = readSync(fd, buf, 0, Math.min(BATCH, pages - first + 1) * PAGE_SIZE, (first - 1) * PAGE_SIZE);
      failingCount += checkBatch(buf, got, first, hkey, failing, limit);
      opts.onProgress?.(Math.min(first + BATCH - 1, pages), pages);
    }
    return { pages, failing, failingCount, partialBytes: size - pages * PAGE_SIZE };
  } finally {
    closeSync(fd);
  }
}

/**
 * The same check, reading in batches and yielding between them, so it can run after unlock
 * beside the calls the app is answering. Resolves null if `signal` aborts it (the vault was
 * locked). A page that fails is read again before it is reported: the vault's own connection
 * may have been writing that page at that very moment.
 */
export async function checkPagesInBackground(file: string, key: VaultKey, signal?: AbortSignal, opts: CheckOptions = {}): Promise<PageCheck | null> {
  const hkey = hmacKey(key);
  const limit = opts.limit ?? 10;
  const fh = await open(file, 'r');
  try {
    const size = (await fh.stat()).size;
    const pages = Math.floor(size / PAGE_SIZE);
    const suspects: number[] = [];
    let failingCount = 0;
    const buf = Buffer.alloc(PAGE_SIZE * BATCH);
    for (let first = 1; first <= pages; first += BATCH) {
      if (signal?.aborted) return null;
      const { bytesRead } = await fh.read(buf, 0, Math.min(BATCH, pages - first + 1) * PAGE_SIZE, (first - 1) * PAGE_SIZE);
      failingCount += checkBatch(buf, bytesRead, first, hkey, suspects, limit);
      opts.onProgress?.(Math.min(first + BATCH - 1, pages), pages);
    }
    const failing: number[] = [];
    for (const pgno of suspects) {
      const page = Buffer.alloc(PAGE_SIZE);
      const { bytesRead } = await fh.read(page, 0, PAGE_SIZE, (pgno - 1) * PAGE_SIZE);
      if (bytesRead === PAGE_SIZE && !pageAuthentic(page, pgno, hkey)) failing.push(pgno);
      else failingCount--;
    }
    return { pages, failing, failingCount, partialBytes: size - pages * PAGE_SIZE };
  } finally {
    await fh.close();
  }
}

/** Words for a failed check, e.g. "page 3 of 28 fails its integrity check" (null when it passed). */
export function describePageCheck(c: PageCheck): string | null {
  if (c.failing.length) {
    const more = c.failingCount > 1 ? ` (and ${(c.failingCount - 1).toLocaleString('en-GB')} more)` : '';
    return `page ${c.failing[0].toLocaleString('en-GB')} of ${c.pages.toLocaleString('en-GB')} fails its integrity check${more}`;
  }
  if (c.partialBytes) return `the file ends part-way through page ${(c.pages + 1).toLocaleString('en-GB')} (it was cut short)`;
  return null;
}
