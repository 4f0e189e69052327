/**
 * The zip (.xlsx) walk shared by the CLI and the task pane: no Node API, only Uint8Array and
 * TextDecoder, so the pane's bundle can read unit workbooks in the browser. A few kilobytes can
 * declare or hide gigabytes ("zip bomb"): the central directory's sizes are checked as it is
 * walked, and each part is handed to an inflater (node's zlib in zipGuard.ts, the browser's
 * DecompressionStream in zipStream.ts) with its declared size as a hard cap, so a part that lies
 * about its size is caught too. A unit workbook of 5,000 indicators is about 15 MB inflated.
 */
import { defineMessages, message, text } from "../domain/localize";

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

export const zipMsg = defineMessages("zip", {
  tooLarge: message(
    (mb: number, parts: number) => `tệp giải nén ra hơn ${mb} MB (hoặc hơn ${parts} phần), quá lớn cho một bảng chỉ tiêu; Chỉ Tiêu không đọc tệp này.`,
    (mb, parts) => `the file inflates to more than ${mb} MB (or more than ${parts} parts), too large for an indicator table; Chỉ Tiêu does not read it.`,
    [50, 1000],
  ),
  damaged: message(
    (what: string) => `tệp nén bị hỏng (${what}).`,
    (what) => `the zip file is damaged (${what}).`,
    ["(what)"],
  ),
  noDirectory: text("không có mục lục", "no central directory"),
  badDirectory: text("mục lục sai", "a wrong central directory"),
  partNotFound: text("phần không tìm thấy", "a part not found"),
  partCut: text("phần bị cắt", "a part cut short"),
  largerThanDeclared: text("một phần giải nén ra nhiều hơn kích thước ghi trong mục lục", "a part inflates to more than the size its directory entry gives"),
  badDeflate: text("dữ liệu nén sai", "wrong compressed data"),
  unknownMethod: message(
    (method: number) => `kiểu nén ${method} không được hỗ trợ`,
    (method) => `compression method ${method} is not supported`,
    [12],
  ),
});

export const tooLarge = () => new ZipTooLarge(zipMsg.tooLarge(MAX_INFLATED_BYTES / 1024 / 1024, MAX_ENTRIES));
export const damaged = (what: string) => new Error(zipMsg.damaged(what));
export const LARGER_THAN_DECLARED = zipMsg.largerThanDeclared;
export const BAD_DEFLATE = zipMsg.badDeflate;

/** One part of the zip: its compressed body and the size its central-directory entry declares. */
export interface ZipEntry {
  readonly name: string;
  /** 0 stored, 8 deflated. */
  readonly method: number;
  readonly body: Uint8Array;
  readonly declared: number;
}

/** Made when first needed: modules that only import this one (tests in jsdom) need no TextDecoder. */
let utf8: TextDecoder | undefined;

function endOfCentralDirectory(data: Uint8Array, view: DataView): number {
  const from = Math.max(0, data.length - EOCD_SIZE - MAX_COMMENT);
  for (let at = data.length - EOCD_SIZE; at >= from; at--) if (view.getUint32(at, true) === EOCD) return at;
  throw damaged(zipMsg.noDirectory);
}

/**
 * The zip's entries in central-directory order, each checked as it is reached: the count and the
 * running total of declared sizes against the bounds, then the entry's local header. Lazy, so a
 * caller that inflates each entry before asking for the next stops at the first bad one. Sizes
 * come from the central directory, so parts written with data descriptors read the same.
 */
export function* zipEntries(data: Uint8Array): Generator<ZipEntry> {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  const eocd = endOfCentralDirectory(data, view);
  const entries = u16(eocd + 10);
  let at = u32(eocd + 16);
  // 0xFFFF entries or a 0xFFFFFFFF offset mean ZIP64, only needed beyond the bounds anyway.
  if (entries > MAX_ENTRIES || at === 0xffffffff) throw tooLarge();
  let total = 0;
  for (let i = 0; i < entries; i++) {
    if (at + 46 > data.length || u32(at) !== CENTRAL) throw damaged(zipMsg.badDirectory);
    const method = u16(at + 10);
    const compressed = u32(at + 20);
    const declared = u32(at + 24);
    const nameLength = u16(at + 28);
    const local = u32(at + 42);
    total += declared;
    if (total > MAX_INFLATED_BYTES) throw tooLarge();
    if (local + 30 > data.length || u32(local) !== LOCAL) throw damaged(zipMsg.partNotFound);
    const start = local + 30 + u16(local + 26) + u16(local + 28);
    if (start + compressed > data.length) throw damaged(zipMsg.partCut);
    utf8 ??= new TextDecoder("utf-8");
    const name = utf8.decode(data.subarray(at + 46, at + 46 + nameLength));
    yield { name, method, body: data.subarray(start, start + compressed), declared };
    at += 46 + nameLength + u16(at + 30) + u16(at + 32);
  }
}

/** A stored part's bytes (checked against its declared size); null for a deflated part; other methods refused. */
export function storedPart(entry: ZipEntry): Uint8Array | null {
  if (entry.method === 0) {
    if (entry.body.length > entry.declared) throw damaged(LARGER_THAN_DECLARED);
    return entry.body;
  }
  if (entry.method !== 8) throw damaged(zipMsg.unknownMethod(entry.method));
  return null;
}
