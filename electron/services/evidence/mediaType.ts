// Works out what a file really is from its first bytes (the name can lie), and accepts it
// only when its content and its name's extension agree: `x.html` that starts with `%PDF` is
// refused, not stored as a PDF and later offered back as `x.html`. Names that would mislead
// (nothing visible, or bidirectional overrides that show `exe.pdf` for `fdp.exe`) are refused.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { EVIDENCE_MEDIA_TYPES, MAX_EVIDENCE_BYTES } from '../../contract/model';
import { AppError } from '../errors';
import { zipDirectory } from '../interchange/fileGuards';

type MediaType = (typeof EVIDENCE_MEDIA_TYPES)[number];

const DOCX: MediaType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
/** The extensions each stored type may have. */
export const EXTENSIONS: Record<MediaType, readonly string[]> = {
  'application/pdf': ['pdf'],
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/gif': ['gif'],
  'image/webp': ['webp'],
  'application/msword': ['doc'],
  [DOCX]: ['docx'],
};
const WORDS: Record<MediaType, string> = {
  'application/pdf': 'a PDF',
  'image/png': 'a PNG image',
  'image/jpeg': 'a JPEG image',
  'image/gif': 'a GIF image',
  'image/webp': 'a WebP image',
  'application/msword': 'a Word 97-2003 document',
  [DOCX]: 'a Word document',
};

function starts(b: Uint8Array, sig: number[], at = 0): boolean {
  return sig.every((v, i) => b[at + i] === v);
}

/** What the bytes are, whatever the name says (a Word .docx is a zip holding word/document.xml). */
export function contentType(bytes: Uint8Array): MediaType | null {
  if (starts(bytes, [0x25, 0x50, 0x44, 0x46])) return 'application/pdf'; // %PDF
  if (starts(bytes, [0x89, 0x50, 0x4e, 0x47])) return 'image/png';
  if (starts(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (starts(bytes, [0x47, 0x49, 0x46, 0x38])) return 'image/gif';
  if (starts(bytes, [0x52, 0x49, 0x46, 0x46]) && starts(bytes, [0x57, 0x45, 0x42, 0x50], 8)) return 'image/webp';
  if (starts(bytes, [0xd0, 0xcf, 0x11, 0xe0])) return 'application/msword';
  if (starts(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    try {
      const entries = zipDirectory('file', bytes);
      return entries?.some((e) => e.name === 'word/document.xml') ? DOCX : null;
    } catch {
      return null;
    }
  }
  return null;
}

/** The media type when content and extension agree; null otherwise. */
export function sniffMediaType(bytes: Uint8Array, name: string): MediaType | null {
  const type = contentType(bytes);
  return type && EXTENSIONS[type].includes(extensionOf(name)) ? type : null;
}

function extensionOf(name: string): string {
  const m = /\.([^.]+)$/.exec(name);
  return m ? m[1].toLowerCase() : '';
}

// Bidirectional embeddings, overrides and isolates (U+202A-202E, U+2066-2069): they reorder how a name is shown.
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/u;
// What shows nothing: spaces, format and control characters, marks alone, fillers that draw blank.
const INVISIBLE = /[\p{White_Space}\p{Cf}\p{Cc}\p{M}\u115F\u1160\u2800\u3164\uFFA0]/gu;

/** Refuses a file name that would mislead whoever reads it later. */
export function checkFileName(name: string, where = 'file'): void {
  const shown = name.length > 80 ? `${name.slice(0, 77)}...` : name;
  const bidi = BIDI_CONTROLS.exec(name);
  if (bidi) {
    const code = bidi[0].codePointAt(0)!.toString(16).toUpperCase();
    throw new AppError(
      'invalid',
      `The file name ${JSON.stringify(shown)} holds a character (U+${code}) that changes the direction text is shown in, so the name would not read as it is; rename the file.`,
      where,
    );
  }
  if (/\p{Cc}/u.test(name)) throw new AppError('invalid', `The file name ${JSON.stringify(shown)} holds control characters; rename the file.`, where);
  const stem = name.replace(/\.[^.]*$/, '');
  if (name.replace(INVISIBLE, '') === '' || (stem !== '' && stem.replace(INVISIBLE, '') === '')) {
    throw new AppError('invalid', `The file name ${JSON.stringify(shown)} has no visible characters before its extension; rename the file.`, where);
  }
}

/** Checks size, name and type; returns the media type to store. */
export function checkEvidenceFile(name: string, bytes: Uint8Array, where = 'file', declared?: string): MediaType {
  checkFileName(name, where);
  if (bytes.length === 0) throw new AppError('invalid', `${name} is empty.`, where);
  if (bytes.length > MAX_EVIDENCE_BYTES) {
    const mb = (bytes.length / 1024 / 1024).toFixed(1);
    throw new AppError('invalid', `${name} is ${mb} MB; evidence files can be at most 25 MB.`, where);
  }
  const type = contentType(bytes);
  if (!type) {
    throw new AppError('invalid', `${name} is not a PDF, an image (PNG, JPEG, GIF, WebP) or a Word document, so it cannot be attached.`, where);
  }
  const ext = extensionOf(name);
  if (!EXTENSIONS[type].includes(ext)) {
    const named = ext ? `.${ext}` : 'no extension';
    throw new AppError(
      'invalid',
      `${name} is ${WORDS[type]} but its name has ${named}; only a file whose name ends .${EXTENSIONS[type].join(' or .')} is accepted as ${WORDS[type]}. Rename it and attach it again.`,
      where,
    );
  }
  if (declared !== undefined && declared !== type) {
    throw new AppError('invalid', `${name} is said to be ${declared} but its content is ${WORDS[type]} (${type}).`, where);
  }
  return type;
}

/** Reads an evidence file from disk, refusing it by its length before reading (a 4 GB file is never loaded). */
export function readEvidenceFileFrom(file: string): { name: string; bytes: Buffer } {
  const name = path.basename(file);
  const size = statSync(file).size;
  if (size > MAX_EVIDENCE_BYTES) {
    throw new AppError('invalid', `${name} is ${(size / 1024 / 1024).toFixed(1)} MB; evidence files can be at most 25 MB.`, 'file');
  }
  return { name, bytes: readFileSync(file) };
}
