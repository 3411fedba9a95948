// Reading an image's kind and pixel size from its header, and fitting it into a box,
// so the packs can embed evidence images at the right aspect ratio without an image library.

export type ImageKind = 'png' | 'jpg' | 'gif';
export interface ImageInfo {
  kind: ImageKind;
  width: number;
  height: number;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Kind and size of a PNG, JPEG or GIF from its header; null for anything else or a damaged header. */
export function imageInfo(bytes: Uint8Array): ImageInfo | null {
  const info = pngInfo(bytes) ?? gifInfo(bytes) ?? jpegInfo(bytes);
  return info && info.width > 0 && info.height > 0 ? info : null;
}

function pngInfo(b: Uint8Array): ImageInfo | null {
  if (b.length < 24 || !PNG_SIGNATURE.every((v, i) => b[i] === v)) return null;
  // The first chunk is IHDR: length (4), type (4), then width and height, big-endian.
  if (String.fromCharCode(b[12], b[13], b[14], b[15]) !== 'IHDR') return null;
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  return { kind: 'png', width: view.getUint32(16), height: view.getUint32(20) };
}

function gifInfo(b: Uint8Array): ImageInfo | null {
  if (b.length < 10) return null;
  const sig = String.fromCharCode(...b.subarray(0, 6));
  if (sig !== 'GIF87a' && sig !== 'GIF89a') return null;
  return { kind: 'gif', width: b[6] | (b[7] << 8), height: b[8] | (b[9] << 8) };
}

// Start-of-frame markers carry the size; C4 (Huffman tables), C8 (reserved) and CC (arithmetic coding) do not.
const isStartOfFrame = (m: number) => m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc;

function jpegInfo(b: Uint8Array): ImageInfo | null {
  if (b.length < 4 || b[0] !== 0xff || b[1] !== 0xd8) return null;
  let i = 2;
  while (i + 3 < b.length) {
    if (b[i] !== 0xff) return null;
    const marker = b[i + 1];
    if (marker === 0xff) {
      i += 1; // fill byte
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) return null; // end of image or start of scan before any frame header
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      i += 2; // markers without a length
      continue;
    }
    const length = (b[i + 2] << 8) | b[i + 3];
    if (length < 2) return null;
    if (isStartOfFrame(marker)) {
      if (i + 8 >= b.length) return null;
      return { kind: 'jpg', height: (b[i + 5] << 8) | b[i + 6], width: (b[i + 7] << 8) | b[i + 8] };
    }
    i += 2 + length;
  }
  return null;
}

/**
 * The size to draw an image at, in pixels at 96 to the inch: its own size, scaled down (never up)
 * to fit within the box, keeping its aspect ratio; never smaller than 1 pixel either way.
 */
export function fitWithin(info: { width: number; height: number }, maxWidth: number, maxHeight: number): { width: number; height: number } {
  const scale = Math.min(1, maxWidth / info.width, maxHeight / info.height);
  return {
    width: Math.max(1, Math.round(info.width * scale)),
    height: Math.max(1, Math.round(info.height * scale)),
  };
}

/**
 * The size to draw an evidence image at: as wide as the page, keeping its aspect ratio, unless
 * that would make it taller than `maxHeight`, in which case as tall as that.
 */
export function fitToWidth(info: { width: number; height: number }, pageWidth: number, maxHeight: number): { width: number; height: number } {
  const scale = Math.min(pageWidth / info.width, maxHeight / info.height);
  return {
    width: Math.max(1, Math.round(info.width * scale)),
    height: Math.max(1, Math.round(info.height * scale)),
  };
}
