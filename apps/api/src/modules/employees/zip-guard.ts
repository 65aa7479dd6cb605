import { inflateRawSync } from "node:zlib";

/** An employee list of 5,000 rows is a few MB of sheet XML; far more unpacked is a zip bomb, not a staff list. */
export const MAX_UNPACKED_BYTES = 50 * 1024 * 1024;
export const MAX_ZIP_ENTRIES = 1000;

export type ZipCheck = { ok: true } | { ok: false; reason: "too_large" | "unreadable" };

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/**
 * Checks a ZIP container (XLSX) before anything unpacks it: the central directory must be readable,
 * list at most {@link MAX_ZIP_ENTRIES} entries whose declared sizes add up to at most {@link MAX_UNPACKED_BYTES},
 * and every entry must inflate to no more than it declares. The last check matters because a bomb can
 * declare small sizes: the inflater here stops at the declared size (`maxOutputLength`), whereas the
 * spreadsheet reader's own unzip would inflate to the end before comparing. ZIP64 is refused: no
 * employee list needs it.
 */
export function checkZip(bytes: Uint8Array): ZipCheck {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEndOfDirectory(buf);
  if (eocd < 0) return { ok: false, reason: "unreadable" };
  const entries = buf.readUInt16LE(eocd + 10);
  const dirOffset = buf.readUInt32LE(eocd + 16);
  if (entries > MAX_ZIP_ENTRIES) return { ok: false, reason: "too_large" };
  if (entries === 0xffff || dirOffset === 0xffffffff) return { ok: false, reason: "unreadable" };

  let at = dirOffset;
  let total = 0;
  for (let i = 0; i < entries; i++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== CENTRAL) return { ok: false, reason: "unreadable" };
    const method = buf.readUInt16LE(at + 10);
    const compressed = buf.readUInt32LE(at + 20);
    const unpacked = buf.readUInt32LE(at + 24);
    const nameLength = buf.readUInt16LE(at + 28);
    const extraLength = buf.readUInt16LE(at + 30);
    const commentLength = buf.readUInt16LE(at + 32);
    const localOffset = buf.readUInt32LE(at + 42);
    if (compressed === 0xffffffff || unpacked === 0xffffffff) return { ok: false, reason: "unreadable" };
    total += unpacked;
    if (total > MAX_UNPACKED_BYTES) return { ok: false, reason: "too_large" };
    const inflated = checkEntry(buf, localOffset, method, compressed, unpacked);
    if (inflated !== "ok") return { ok: false, reason: inflated };
    at += 46 + nameLength + extraLength + commentLength;
  }
  return { ok: true };
}

function findEndOfDirectory(buf: Buffer): number {
  // The record is 22 bytes plus a comment of at most 65,535 bytes, at the very end of the file.
  const stop = Math.max(0, buf.length - 22 - 0xffff);
  for (let i = buf.length - 22; i >= stop; i--) if (buf.readUInt32LE(i) === EOCD) return i;
  return -1;
}

function checkEntry(buf: Buffer, offset: number, method: number, compressed: number, unpacked: number): "ok" | "too_large" | "unreadable" {
  if (offset + 30 > buf.length || buf.readUInt32LE(offset) !== LOCAL) return "unreadable";
  const start = offset + 30 + buf.readUInt16LE(offset + 26) + buf.readUInt16LE(offset + 28);
  if (start + compressed > buf.length) return "unreadable";
  if (method === 0) return compressed === unpacked ? "ok" : "unreadable";
  if (method !== 8) return "unreadable";
  try {
    // One byte of room: an entry that inflates past its declared size throws instead of growing on.
    const out = inflateRawSync(buf.subarray(start, start + compressed), { maxOutputLength: unpacked + 1 });
    return out.length === unpacked ? "ok" : out.length > unpacked ? "too_large" : "unreadable";
  } catch (err) {
    return (err as { code?: string }).code === "ERR_BUFFER_TOO_LARGE" ? "too_large" : "unreadable";
  }
}
