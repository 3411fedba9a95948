// Every file Caseproof writes outside the vault (exports, packs, calendars, saved copies of
// evidence, backups) goes through here, so every one is:
//  - owner-only (0600): created with that mode, so no other account on the computer can read
//    it at any moment (where the file system has POSIX modes);
//  - atomic: written to a hidden temporary file beside the destination, flushed to disk, then
//    moved into place in one step, so the destination is the old file, no file, or the whole
//    new one, never half of one; a failure removes the temporary file;
//  - never an accidental overwrite: without `overwrite`, an existing file is refused, even one
//    that appears while the new one is being written (the final step is a hard link, which
//    fails if the name is taken).
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, linkSync, openSync, renameSync, rmSync, unlinkSync, writeSync } from 'node:fs';
import { open } from 'node:fs/promises';
import path from 'node:path';
import { OWNER_ONLY, syncFolder } from '../../db/files';
import { AppError } from './errors';

export { OWNER_ONLY, vacuumInto } from '../../db/files';

export interface WriteOptions {
  /** Replace an existing file (the user chose it in a save dialog, or passed --force). */
  overwrite: boolean;
  /**
   * false: not flushed to disk before and after the move (still owner-only, still whole or
   * absent after a crash of Caseproof). Only for a file that is rewritten after every save and
   * whose loss in a power cut costs nothing (the audit trail's head: db/auditHead.ts), where two
   * flushes would double the cost of each save.
   */
  flush?: boolean;
}
export interface Written {
  path: string;
  bytes: number;
}
export type Write = (text: string) => Promise<void>;

const CHUNK = 1 << 20; // streamed text is written in pieces of about 1 MB

export function alreadyExists(file: string): AppError {
  return new AppError('exists', `${file} already exists; Caseproof will not overwrite it.`, 'out');
}

/** A hidden name beside `dest` for writing it first (same folder, so the final move is a rename). */
export function tempBeside(dest: string): string {
  return path.join(path.dirname(dest), `.${path.basename(dest)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
}

function prepare(dest: string, opts: WriteOptions): { target: string; tmp: string } {
  const target = path.resolve(dest);
  const folder = path.dirname(target);
  if (!existsSync(folder)) throw new AppError('invalid', `There is no folder ${folder} to write ${path.basename(target)} into.`, 'out');
  if (!opts.overwrite && existsSync(target)) throw alreadyExists(target);
  return { target, tmp: tempBeside(target) };
}

/** Moves a finished temporary file into place: replacing, or only where nothing is. */
export function publish(tmp: string, target: string, opts: WriteOptions): void {
  if (opts.overwrite) {
    renameSync(tmp, target);
  } else {
    try {
      linkSync(tmp, target);
      unlinkSync(tmp);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw alreadyExists(target);
      // Some file systems (FAT, some network shares) have no hard links: check, then rename.
      if (existsSync(target)) throw alreadyExists(target);
      renameSync(tmp, target);
    }
  }
  if (opts.flush !== false) syncFolder(target); // the temporary file was created 0600, so the file in place is too
}

function writeAll(fd: number, data: string | Uint8Array): number {
  const buf = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  let at = 0;
  while (at < buf.length) at += writeSync(fd, buf, at, buf.length - at);
  return buf.length;
}

/** A file written beside its destination and not yet in place (a pack waits for its register row). */
export interface Staged {
  readonly tmp: string;
  readonly target: string;
  readonly bytes: number;
  /** Moves it into place. */
  publish(): void;
  /** Removes the temporary file if it is still there (always safe to call). */
  discard(): void;
}

/** Writes `data` owner-only beside `dest`, flushed to disk, ready to be published. */
export function stageFile(dest: string, data: string | Uint8Array, opts: WriteOptions): Staged {
  const { target, tmp } = prepare(dest, opts);
  let bytes: number;
  try {
    const fd = openSync(tmp, 'wx', OWNER_ONLY);
    try {
      bytes = writeAll(fd, data);
      if (opts.flush !== false) fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
  return { tmp, target, bytes, publish: () => publish(tmp, target, opts), discard: () => rmSync(tmp, { force: true }) };
}

/** Writes a file whole, owner-only and atomically. */
export function writeFileAtomic(dest: string, data: string | Uint8Array, opts: WriteOptions): Written {
  const staged = stageFile(dest, data, opts);
  try {
    staged.publish();
    return { path: staged.target, bytes: staged.bytes };
  } finally {
    staged.discard();
  }
}

/** Writes a file as it is produced (never whole in memory), owner-only and atomically. */
export async function streamToFile(dest: string, opts: WriteOptions, produce: (write: Write) => Promise<void>): Promise<Written> {
  const { target, tmp } = prepare(dest, opts);
  const fh = await open(tmp, 'wx', OWNER_ONLY);
  let bytes = 0;
  let pending: string[] = [];
  let pendingLength = 0;
  const put = async (buf: Buffer) => {
    await fh.write(buf);
    bytes += buf.length;
  };
  const flush = async () => {
    if (!pendingLength) return;
    const buf = Buffer.from(pending.join(''), 'utf8');
    pending = [];
    pendingLength = 0;
    await put(buf);
  };
  try {
    await produce(async (text) => {
      if (text.length >= CHUNK) {
        await flush();
        return put(Buffer.from(text, 'utf8'));
      }
      pending.push(text);
      pendingLength += text.length;
      if (pendingLength >= CHUNK) await flush();
    });
    await flush();
    await fh.sync();
    await fh.close();
    publish(tmp, target, opts);
    return { path: target, bytes };
  } catch (e) {
    await fh.close().catch(() => undefined);
    throw e;
  } finally {
    rmSync(tmp, { force: true });
  }
}
