import { inflateRawSync } from "node:zlib";

/**
 * A check of an .xlsx (a zip) before its parts are read: a few kilobytes can
 * declare or hide gigabytes ("zip bomb"). The central directory's sizes are checked first, then
 * every part is actually inflated with its declared size as a hard cap, so a part that lies
 * about its size is caught too. A unit workbook of 5,000 indicators is about 15 MB inflated.
 */
export const MAX_INFLATED_BYTES = 50 * 1024 * 1024;
/** An .xlsx written by Excel or by Chỉ Tiêu has a few dozen parts. */
export const MAX_ENTRIES = 1_000;

/** The file would inflate beyond the bound: refused before reading. */
export class ZipTooLarge extends Error {}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const EOCD_SIZE = 22;
const MAX_COMMENT = 0xffff;

const tooLarge = () =>
  new ZipTooLarge(`tệp giải nén ra hơn ${MAX_INFLATED_BYTES / 1024 / 1024} MB (hoặc hơn ${MAX_ENTRIES} phần), quá lớn cho một bảng chỉ tiêu; Chỉ Tiêu không đọc tệp này.`);
const damaged = (what: string) => new Error(`tệp nén bị hỏng (${what}).`);
const LARGER_THAN_DECLARED = "một phần giải nén ra nhiều hơn kích thước ghi trong mục lục";

function endOfCentralDirectory(data: Buffer): number {
  const from = Math.max(0, data.length - EOCD_SIZE - MAX_COMMENT);
  for (let at = data.length - EOCD_SIZE; at >= from; at--) if (data.readUInt32LE(at) === EOCD) return at;
  throw damaged("không có mục lục");
}

/** Throws ZipTooLarge when the zip would inflate beyond the bounds, or an Error when it is damaged. */
export function checkZipSize(data: Buffer): void {
  readZipParts(data, () => false);
}

/**
 * The zip's parts whose names `keep` accepts, inflated, after the same checks as checkZipSize:
 * the central directory is read once, and every part (kept or not) is inflated with its declared
 * size as the cap, so one pass both guards and reads. Sizes come from the central directory, so
 * parts written with data descriptors read the same.
 */
export function readZipParts(data: Buffer, keep: (name: string) => boolean): Map<string, Buffer> {
  const eocd = endOfCentralDirectory(data);
  const entries = data.readUInt16LE(eocd + 10);
  let at = data.readUInt32LE(eocd + 16);
  // 0xFFFF entries or a 0xFFFFFFFF offset mean ZIP64, only needed beyond the bounds anyway.
  if (entries > MAX_ENTRIES || at === 0xffffffff) throw tooLarge();
  const parts = new Map<string, Buffer>();
  let total = 0;
  for (let i = 0; i < entries; i++) {
    if (at + 46 > data.length || data.readUInt32LE(at) !== CENTRAL) throw damaged("mục lục sai");
    const method = data.readUInt16LE(at + 10);
    const compressed = data.readUInt32LE(at + 20);
    const declared = data.readUInt32LE(at + 24);
    const nameLength = data.readUInt16LE(at + 28);
    const local = data.readUInt32LE(at + 42);
    total += declared;
    if (total > MAX_INFLATED_BYTES) throw tooLarge();
    const inflated = inflatePart(data, local, method, compressed, declared);
    const name = data.toString("utf8", at + 46, at + 46 + nameLength);
    if (keep(name)) parts.set(name, inflated);
    at += 46 + nameLength + data.readUInt16LE(at + 30) + data.readUInt16LE(at + 32);
  }
  return parts;
}

/** Inflate one part with its declared size as the cap: more than declared is refused. */
function inflatePart(data: Buffer, local: number, method: number, compressed: number, declared: number): Buffer {
  if (local + 30 > data.length || data.readUInt32LE(local) !== LOCAL) throw damaged("phần không tìm thấy");
  const start = local + 30 + data.readUInt16LE(local + 26) + data.readUInt16LE(local + 28);
  if (start + compressed > data.length) throw damaged("phần bị cắt");
  const body = data.subarray(start, start + compressed);
  if (method === 0) {
    if (compressed > declared) throw damaged(LARGER_THAN_DECLARED);
    return body;
  }
  if (method !== 8) throw damaged(`kiểu nén ${method} không được hỗ trợ`);
  try {
    return inflateRawSync(body, { maxOutputLength: Math.max(1, declared) });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") throw damaged(LARGER_THAN_DECLARED);
    throw damaged("dữ liệu nén sai");
  }
}
