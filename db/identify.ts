// Naming what a file is when it is opened as a vault, each only when it is true:
//  - "is not a Caseproof vault": told from the file's first bytes, before any key is derived
//    (empty, a text file, a firm file, an unencrypted SQLite database, a PDF, a zip...), or, for
//    a file of random-looking bytes, when no page is authentic and its length is not whole pages;
//  - "is damaged": the key is proven by at least one authentic page (db/pages.ts) but a page
//    fails, or the file was cut short;
//  - "the passphrase is wrong": the file has the shape of a vault and no page is authentic.
// A wrong passphrase cannot be told from a damaged salt (the first 16 bytes, which the key is
// derived with): both leave every page failing, and they are reported as a wrong passphrase.
import { closeSync, existsSync, fstatSync, openSync, statSync } from 'node:fs';
import { VaultError } from './errors';
import type { VaultKey } from './keys';
import { hmacKey, PAGE_SIZE, pageAuthentic, readHeader, readPage, type Header } from './pages';

/** What the file looks like before a key is tried. */
export interface Shape {
  size: number;
  /** Whole pages. */
  pages: number;
  /** Bytes after the last whole page. */
  partialBytes: number;
}

const MAGIC: [Buffer, string][] = [
  [Buffer.from('SQLite format 3\0', 'latin1'), 'an SQLite database that is not encrypted, so Caseproof did not make it'],
  [Buffer.from('%PDF'), 'a PDF document'],
  [Buffer.from('PK\x03\x04', 'latin1'), 'a zip archive (a Word or Excel file is one)'],
  [Buffer.from([0x89, 0x50, 0x4e, 0x47]), 'a PNG image'],
  [Buffer.from([0xff, 0xd8, 0xff]), 'a JPEG image'],
  [Buffer.from([0xd0, 0xcf, 0x11, 0xe0]), 'an older Microsoft Office document'],
];

function notAVault(file: string, what: string): VaultError {
  return new VaultError('not-a-vault', `${file} is not a Caseproof vault: it is ${what}.`);
}
export function damaged(file: string, what: string): VaultError {
  return new VaultError('vault-damaged', `${file} is damaged: ${what}. Caseproof has not changed it; restore your most recent backup.`);
}
export function wrongPassphrase(): VaultError {
  return new VaultError('wrong-passphrase', 'The passphrase is wrong for this vault. Nothing was changed.');
}

/** True for bytes that read as text: no NULs or other control characters beyond tab, CR, LF (UTF-8 allowed). */
function isText(b: Buffer): boolean {
  for (const c of b) if (c === 0 || (c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 127) return false;
  return true;
}

/** Encrypted pages look random: 4,096 random bytes show nearly every one of the 256 byte values. */
function looksEncrypted(b: Buffer): boolean {
  const seen = new Set<number>();
  for (const c of b) seen.add(c);
  return seen.size >= 230;
}

function firmFile(head: Buffer): boolean {
  const text = head.toString('utf8').replace(/^\uFEFF/, '');
  return /^\s*\{/.test(text) && /"format"\s*:\s*"caseproof-firm"/.test(text);
}

/** Refuses, before any key is derived, a file that cannot be a vault; returns its shape otherwise. */
export function shapeOf(file: string): Shape {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    const head = readPage(fd, 1);
    if (size === 0) throw notAVault(file, 'empty');
    for (const [magic, what] of MAGIC) if (head.subarray(0, magic.length).equals(magic)) throw notAVault(file, what);
    if (firmFile(head)) throw notAVault(file, 'a Caseproof firm file (an export, not encrypted); import it into a vault instead');
    if (isText(head)) throw notAVault(file, 'a text file');
    if (size < PAGE_SIZE) throw notAVault(file, `too short to be one (${size.toLocaleString('en-GB')} bytes)`);
    if (!looksEncrypted(head.subarray(16))) {
      const second = size >= 2 * PAGE_SIZE ? readPage(fd, 2) : null;
      // Later pages of encrypted data after an unreadable first page: a vault whose start was overwritten.
      if (second && size % PAGE_SIZE === 0 && looksEncrypted(second)) throw damaged(file, 'its first page no longer holds encrypted data');
      throw notAVault(file, 'not encrypted data of the kind Caseproof writes');
    }
    const pages = Math.floor(size / PAGE_SIZE);
    return { size, pages, partialBytes: size - pages * PAGE_SIZE };
  } finally {
    closeSync(fd);
  }
}

/** Pages tried when page 1 fails, to tell a damaged page 1 from a wrong key. */
function probes(pages: number): number[] {
  const want = [2, 3, Math.floor(pages / 2), pages - 1, pages];
  return [...new Set(want)].filter((p) => p >= 2 && p <= pages);
}

/**
 * Proves `key` against the file's pages and checks what can be checked cheaply: page 1's
 * HMAC (or, if it fails, a few others), a last page cut short, and the page count the header
 * promises (skipped while a write-ahead log is pending: the file is then legitimately behind).
 * Throws the VaultError that names what happened; returns the decrypted header.
 */
export function proveKey(file: string, key: VaultKey, shape: Shape): Header {
  const hkey = hmacKey(key);
  const fd = openSync(file, 'r');
  try {
    const page1 = readPage(fd, 1);
    if (!pageAuthentic(page1, 1, hkey)) {
      const other = probes(shape.pages).find((p) => pageAuthentic(readPage(fd, p), p, hkey));
      if (other !== undefined) throw damaged(file, `page 1 of ${shape.pages.toLocaleString('en-GB')} fails its integrity check`);
      if (shape.partialBytes) throw notAVault(file, `not whole pages of encrypted data (${shape.size.toLocaleString('en-GB')} bytes)`);
      throw wrongPassphrase();
    }
    const header = readHeader(page1, key);
    if (shape.partialBytes) throw damaged(file, `the file ends part-way through page ${(shape.pages + 1).toLocaleString('en-GB')} (it was cut short)`);
    if (header.pageCount > shape.pages && !walPending(file)) {
      throw damaged(
        file,
        `it holds ${shape.pages.toLocaleString('en-GB')} pages where ${header.pageCount.toLocaleString('en-GB')} were written (it was cut short)`,
      );
    }
    return header;
  } finally {
    closeSync(fd);
  }
}

function walPending(file: string): boolean {
  return existsSync(file + '-wal') && statSync(file + '-wal').size > 0;
}

/** The file's salt differs from the remembered key's: is the key still this vault's (the salt damaged)? */
export function saltDamaged(file: string, key: VaultKey): boolean {
  const fd = openSync(file, 'r');
  try {
    return pageAuthentic(readPage(fd, 1), 1, hmacKey(key)); // page 1's HMAC does not cover the salt
  } finally {
    closeSync(fd);
  }
}

/** A file a read raised from SQLite names damage (an HMAC failed on a page read later). */
export function isDamageError(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB' || (typeof code === 'string' && code.startsWith('SQLITE_CORRUPT_'));
}
