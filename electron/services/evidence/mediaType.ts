// Works out what a file really is from its first bytes (the name can lie), and refuses
// anything that is not a document or an image.
import { EVIDENCE_MEDIA_TYPES, MAX_EVIDENCE_BYTES } from '../../contract/model';
import { AppError } from '../errors';

type MediaType = (typeof EVIDENCE_MEDIA_TYPES)[number];

function starts(b: Uint8Array, sig: number[], at = 0): boolean {
  return sig.every((v, i) => b[at + i] === v);
}

export function sniffMediaType(bytes: Uint8Array, name: string): MediaType | null {
  if (starts(bytes, [0x25, 0x50, 0x44, 0x46])) return 'application/pdf'; // %PDF
  if (starts(bytes, [0x89, 0x50, 0x4e, 0x47])) return 'image/png';
  if (starts(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (starts(bytes, [0x47, 0x49, 0x46, 0x38])) return 'image/gif';
  if (starts(bytes, [0x52, 0x49, 0x46, 0x46]) && starts(bytes, [0x57, 0x45, 0x42, 0x50], 8)) return 'image/webp';
  if (starts(bytes, [0xd0, 0xcf, 0x11, 0xe0]) && /\.doc$/i.test(name)) return 'application/msword';
  if (starts(bytes, [0x50, 0x4b, 0x03, 0x04]) && /\.docx$/i.test(name)) {
    return 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
  }
  return null;
}

/** Checks size and type; returns the media type to store. */
export function checkEvidenceFile(name: string, bytes: Uint8Array, where = 'file'): MediaType {
  if (bytes.length === 0) throw new AppError('invalid', `${name} is empty.`, where);
  if (bytes.length > MAX_EVIDENCE_BYTES) {
    const mb = (bytes.length / 1024 / 1024).toFixed(1);
    throw new AppError('invalid', `${name} is ${mb} MB; evidence files can be at most 25 MB.`, where);
  }
  const type = sniffMediaType(bytes, name);
  if (!type) {
    throw new AppError('invalid', `${name} is not a PDF, an image (PNG, JPEG, GIF, WebP) or a Word document, so it cannot be attached.`, where);
  }
  return type;
}
