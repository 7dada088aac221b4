/**
 * A PNG from the page, checked chunk by chunk before the host writes it: the page is untrusted, so its bytes must be
 * a PNG image and nothing else (no text chunks, nothing after the end).
 */

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** What a canvas's PNG carries: the image and how to read its colours. */
const CHUNK_TYPES = new Set(['IHDR', 'PLTE', 'IDAT', 'IEND', 'sRGB', 'gAMA', 'cHRM', 'iCCP', 'pHYs']);
/** Chromium's canvas is at most 32,767 pixels a side. */
const MAX_SIDE = 32_767;
/** Canonical base64 (one character class, so even 24 MiB of it is matched without backtracking). */
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

const CRC_TABLE = Uint32Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function fromBase64(text: string): Uint8Array | undefined {
  if (text.length % 4 !== 0 || !BASE64.test(text)) return undefined;
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Whether `bytes` are exactly one PNG: signature, IHDR first, known chunks with valid checksums, IEND last. */
export function isPng(bytes: Uint8Array): boolean {
  if (bytes.length < SIGNATURE.length || SIGNATURE.some((b, i) => bytes[i] !== b)) return false;
  const data = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = SIGNATURE.length;
  let image = false;
  while (at + 12 <= bytes.length) {
    const length = data.getUint32(at);
    const type = String.fromCharCode(bytes[at + 4], bytes[at + 5], bytes[at + 6], bytes[at + 7]);
    const end = at + 12 + length;
    if (end > bytes.length || !CHUNK_TYPES.has(type) || (at === SIGNATURE.length) !== (type === 'IHDR')) return false;
    if (crc32(bytes.subarray(at + 4, at + 8 + length)) !== data.getUint32(at + 8 + length)) return false;
    if (type === 'IHDR') {
      const [width, height] = [data.getUint32(at + 8), data.getUint32(at + 12)];
      if (length !== 13 || width < 1 || height < 1 || width > MAX_SIDE || height > MAX_SIDE) return false;
    }
    if (type === 'IDAT') image = true;
    if (type === 'IEND') return image && length === 0 && end === bytes.length;
    at = end;
  }
  return false;
}

/** The bytes of base64 `text` when they are exactly one PNG, else undefined. */
export function pngFromBase64(text: string): Uint8Array | undefined {
  const bytes = fromBase64(text);
  return bytes && isPng(bytes) ? bytes : undefined;
}
