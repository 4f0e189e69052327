/**
 * The .xlsx package's zip, read and written with fflate by the CLI and the task pane alike (no
 * Node API, so the pane's bundle reads unit workbooks in the browser). A few kilobytes can
 * declare or hide gigabytes ("zip bomb"), and fflate's unzipSync trusts the directory (it inflates
 * a part that lies about its size into a buffer of the declared size, silently cut, after
 * inflating all of it): so the central directory is walked here, its sizes checked as it goes,
 * and each part inflated by fflate with its declared size as a hard cap. A unit workbook of 5,000 indicators is about 15 MB inflated;
 * a task register of 5,000 tasks 150 MB, read for its rows (rowAllowance).
 */
import { gzipSync, Inflate, inflateSync, Zip, ZipDeflate, zipSync, type ZipInputFile } from "fflate";
import { asMessage, SaidError, type CatalogueText, type Message } from "../domain/messages/localize";
import { FileRefused } from "./refused";
import { zipMsg } from "../domain/messages/zip";

export const MAX_INFLATED_BYTES = 50 * 1024 * 1024;
/** An .xlsx written by Excel or by Chỉ Tiêu has a few dozen parts. */
const MAX_ENTRIES = 1_000;

/** A zip refused for a reason its owner can act on (too large, encrypted, .xls, ZIP64), not a damaged one. */
export class ZipRefused extends FileRefused {}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const EOCD_SIZE = 22;
const MAX_COMMENT = 0xffff;

/** An encrypted .xlsx and an old .xls are OLE compound files, not zips; the names of their streams tell which. */
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Whether the UTF-16LE text occurs in the bytes (a stream name in an OLE directory). */
function hasUtf16(data: Uint8Array, name: string): boolean {
  const first = name.charCodeAt(0);
  outer: for (let at = data.indexOf(first); at >= 0 && at + 2 * name.length <= data.length; at = data.indexOf(first, at + 1)) {
    for (let i = 0; i < name.length; i++) if (data[at + 2 * i] !== name.charCodeAt(i) || data[at + 2 * i + 1] !== 0) continue outer;
    return true;
  }
  return false;
}

/** Why an OLE compound file is not an .xlsx; undefined when the bytes are not one. */
function oleReason(data: Uint8Array): CatalogueText | undefined {
  if (!OLE_SIGNATURE.every((byte, i) => data[i] === byte)) return undefined;
  if (hasUtf16(data, "EncryptedPackage")) return zipMsg.encrypted;
  if (hasUtf16(data, "Workbook") || hasUtf16(data, "Book")) return zipMsg.oldXls;
  return zipMsg.encryptedOrXls;
}

/** Whether an extra field (of a central-directory entry) holds a block with this header id. */
function hasExtraBlock(view: DataView, at: number, length: number, id: number): boolean {
  for (let i = at; i + 4 <= at + length && i + 4 <= view.byteLength; i += 4 + view.getUint16(i + 2, true)) if (view.getUint16(i, true) === id) return true;
  return false;
}

const ZIP64_EXTRA = 0x0001;
const ZIP64_LOCATOR = 0x07064b50;

const tooLarge = () => new ZipRefused(zipMsg.tooLarge.of(MAX_INFLATED_BYTES / 1024 / 1024, MAX_ENTRIES));
const damaged = (what: CatalogueText | Message) => new SaidError(zipMsg.damaged.of(what));

/** One part of the zip: its compressed body and the size its central-directory entry declares. */
interface ZipEntry {
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
function* zipEntries(data: Uint8Array): Generator<ZipEntry> {
  const ole = oleReason(data);
  if (ole !== undefined) throw new ZipRefused(asMessage(ole));
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  const eocd = endOfCentralDirectory(data, view);
  const entries = u16(eocd + 10);
  let at = u32(eocd + 16);
  // 0xFFFF entries or a 0xFFFFFFFF offset send the reader to the ZIP64 record that follows the
  // parts: a ZIP64 file (some tools write small files so), not one known to be too large.
  const zip64 = (entries === 0xffff || at === 0xffffffff) && eocd >= 20 && u32(eocd - 20) === ZIP64_LOCATOR;
  if (zip64) throw new ZipRefused(asMessage(zipMsg.zip64));
  if (entries > MAX_ENTRIES || at === 0xffffffff) throw tooLarge();
  let total = 0;
  /** What the worksheets beyond the bound were allowed for their rows (rowAllowance). */
  let rowBytes = 0;
  for (let i = 0; i < entries; i++) {
    if (at + 46 > data.length || u32(at) !== CENTRAL) throw damaged(zipMsg.badDirectory);
    const method = u16(at + 10);
    const compressed = u32(at + 20);
    const declared = u32(at + 24);
    const nameLength = u16(at + 28);
    const local = u32(at + 42);
    const sizesElsewhere = compressed === 0xffffffff || declared === 0xffffffff || local === 0xffffffff;
    if (sizesElsewhere && hasExtraBlock(view, at + 46 + nameLength, u16(at + 30), ZIP64_EXTRA)) throw new ZipRefused(asMessage(zipMsg.zip64));
    total += declared;
    if (local + 30 > data.length || u32(local) !== LOCAL) throw damaged(zipMsg.partNotFound);
    const start = local + 30 + u16(local + 26) + u16(local + 28);
    if (start + compressed > data.length) throw damaged(zipMsg.partCut);
    utf8 ??= new TextDecoder("utf-8");
    const name = utf8.decode(data.subarray(at + 46, at + 46 + nameLength));
    const entry = { name, method, body: data.subarray(start, start + compressed), declared };
    if (total > MAX_INFLATED_BYTES + rowBytes) {
      rowBytes += rowAllowance(entry);
      if (total > MAX_INFLATED_BYTES + rowBytes) throw tooLarge();
    }
    yield entry;
    at += 46 + nameLength + u16(at + 30) + u16(at + 32);
  }
}

/**
 * Beyond MAX_INFLATED_BYTES, a file is read only for its worksheets' rows: a task register of
 * 5,000 tasks (a merged province over a term) is 150,000 roadmap rows, 120 MB of XML, about 0.8 KB
 * a row. So a worksheet part past the bound is allowed ROW_BYTES for each row its <dimension>
 * declares, if it is packed as XML packs (a bomb packs a thousand times), and never more than
 * MAX_ROW_BYTES in all; its declared size stays the hard cap of its inflating.
 */
const ROW_BYTES = 4 * 1024;
/** Deflate packs worksheet XML 5 to 30 times (a register's roadmap 8 times). */
const MAX_RATIO = 100;
const MAX_ROW_BYTES = 512 * 1024 * 1024;
/** The <dimension> sits in a worksheet's first few hundred bytes; this much is inflated to find it. */
const HEAD_BYTES = 16 * 1024;
const DIMENSION = /<(?:[\w.-]+:)?dimension\s+ref="\$?[A-Za-z]{1,3}\$?(\d{1,7})(?::\$?[A-Za-z]{1,3}\$?(\d{1,7}))?"/;
const MAX_ROWS = 1_048_576;

/** What a part past the bound may add for its rows: nothing unless it is a worksheet packed as XML packs. */
function rowAllowance(entry: ZipEntry): number {
  const worksheet = /^xl\/worksheets\/[^/]+\.xml$/.test(entry.name);
  if (!worksheet || entry.method !== 8 || entry.declared > MAX_RATIO * entry.body.length) return 0;
  const found = DIMENSION.exec(partHead(entry.body));
  if (found === null) return 0;
  const rows = Math.min(MAX_ROWS, Number(found[2] ?? found[1]) - Number(found[1]) + 1);
  return Math.min(MAX_ROW_BYTES, Math.max(0, rows) * ROW_BYTES);
}

/** The first HEAD_BYTES (or so) of a deflated body as text, inflating no further. */
function partHead(body: Uint8Array): string {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const inflater = new Inflate((chunk) => {
    chunks.push(chunk);
    size += chunk.length;
  });
  try {
    for (let at = 0; at < body.length && size < HEAD_BYTES; at += 1024) inflater.push(body.subarray(at, at + 1024), at + 1024 >= body.length);
  } catch {
    // A body that does not inflate shows no rows here; reading it says it is damaged.
  }
  const head = new Uint8Array(Math.min(size, HEAD_BYTES));
  let at = 0;
  for (const chunk of chunks) {
    if (at >= head.length) break;
    head.set(chunk.subarray(0, head.length - at), at);
    at += chunk.length;
  }
  utf8 ??= new TextDecoder("utf-8");
  return utf8.decode(head);
}

/** A stored part's bytes (checked against its declared size), a deflated part inflated up to it; other methods refused. */
function partBytes(entry: ZipEntry, whole: WholeInflater): Uint8Array {
  if (entry.method === 0) {
    if (entry.body.length > entry.declared) throw damaged(zipMsg.largerThanDeclared);
    return entry.body;
  }
  if (entry.method !== 8) throw damaged(zipMsg.unknownMethod.of(entry.method));
  return inflate(entry.body, entry.declared, whole);
}

/**
 * Inflates a raw deflate body of up to ONE_CALL bytes in one call, into at most `declared` bytes:
 * beyond them it throws (a RangeError, or BeyondDeclared). fflate's unless given: the CLI gives
 * node's zlib, three times as fast.
 */
export type WholeInflater = (body: Uint8Array, declared: number) => Uint8Array;

/**
 * A body up to this size is inflated in one call into a buffer one byte longer than declared
 * (fflate's fastest path, twice node's zlib's time): a part longer than declared fills that byte
 * and is refused. fflate drops what does not fit but decodes the rest, so a lying body costs at
 * most about 1,032 times its size, 66 MB of decoding, and the walk stops at it.
 */
const ONE_CALL = 64 * 1024;
/** Larger bodies go to the streaming Inflate this much at a time, so a lie is caught within one push (at most about 16 MB). */
const CHUNK = 16 * 1024;

class BeyondDeclared extends Error {}

function inflate(body: Uint8Array, declared: number, whole: WholeInflater): Uint8Array {
  // Even an empty part deflates to two bytes (fflate would return its buffer for none).
  if (body.length === 0) throw damaged(zipMsg.badDeflate);
  try {
    return body.length <= ONE_CALL ? whole(body, declared) : inflateStreamed(body, declared);
  } catch (error) {
    // A stored block that does not fit the buffer fails fflate's copy with a RangeError (told by
    // its name: under jest it comes from another realm than this module's RangeError).
    const beyond = error instanceof BeyondDeclared || (error as { name?: unknown }).name === "RangeError";
    throw damaged(beyond ? zipMsg.largerThanDeclared : zipMsg.badDeflate);
  }
}

function inflateWhole(body: Uint8Array, declared: number): Uint8Array {
  const out = inflateSync(body, { out: new Uint8Array(declared + 1) });
  if (out.length > declared) throw new BeyondDeclared();
  return out;
}

function inflateStreamed(body: Uint8Array, declared: number): Uint8Array {
  const out = new Uint8Array(declared);
  let size = 0;
  const inflater = new Inflate((chunk) => {
    if (size + chunk.length > declared) throw new BeyondDeclared();
    out.set(chunk, size);
    size += chunk.length;
  });
  for (let at = 0; at < body.length; at += CHUNK) inflater.push(body.subarray(at, at + CHUNK), at + CHUNK >= body.length);
  return size === declared ? out : out.subarray(0, size);
}

/**
 * The zip's parts whose names `keep` accepts, inflated. Every part, kept or not, is inflated with
 * its declared size as the cap, one at a time, so one pass both guards and reads and a lying part
 * stops the walk before the next. Throws ZipRefused when the file is too large, encrypted, an
 * .xls or ZIP64, or an Error when it is damaged.
 */
export function readZipParts(data: Uint8Array, keep: (name: string) => boolean, whole: WholeInflater = inflateWhole): Map<string, Uint8Array> {
  const parts = new Map<string, Uint8Array>();
  for (const entry of zipEntries(data)) {
    const bytes = partBytes(entry, whole);
    if (keep(entry.name)) parts.set(entry.name, bytes);
  }
  return parts;
}

/** The checks of readZipParts, keeping nothing. */
export function checkZipSize(data: Uint8Array): void {
  readZipParts(data, () => false);
}

export interface ZipPart {
  readonly name: string;
  readonly data: Uint8Array;
}

/** The zip epoch: the parts carry no meaningful time, and equal inputs give equal files. */
const ZIP_EPOCH = new Date(1980, 0, 1);

/** Gzip's 10-byte header (no file name) and 8-byte trailer (CRC-32, size) around the raw deflate body. */
const GZIP_HEADER = 10;
const GZIP_TRAILER = 8;

/**
 * fflate's level 1 packs worksheet XML as small as zlib's default level (751 KB against 754 KB for
 * 4.3 MB) in a third of the time of its own default (96 ms against 298 ms; zlib 75 ms). Gzip's
 * trailer carries the CRC-32 a zip entry needs, so fflate computes it with the deflate.
 */
const fflateDeflater: ChunkDeflater = (chunks) => {
  const data = chunks.length === 1 ? chunks[0] : joined(chunks);
  const gz = gzipSync(data, { level: 1, mtime: 0 });
  const end = gz.length - GZIP_TRAILER;
  return { body: [gz.subarray(GZIP_HEADER, end)], crc: new DataView(gz.buffer, gz.byteOffset + end, 4).getUint32(0, true), size: data.length };
};

/** Keyed by the part's bytes themselves, so a part rendered once for many files is compressed once. */
const deflatedParts = new WeakMap<Uint8Array, DeflatedChunks>();

/** A part deflated once: `assign` writes hundreds of files whose shared sheets are the same bytes. */
function deflatedOnce(data: Uint8Array, deflate: ChunkDeflater): DeflatedChunks {
  const known = deflatedParts.get(data);
  if (known !== undefined) return known;
  const part = deflate([data]);
  deflatedParts.set(data, part);
  return part;
}

function joined(chunks: readonly Uint8Array[]): Uint8Array {
  const bytes = new Uint8Array(chunks.reduce((n, chunk) => n + chunk.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return bytes;
}

/** One part's chunks deflated as one raw deflate stream, with the CRC-32 and size of what was deflated. */
export interface DeflatedChunks {
  readonly body: readonly Uint8Array[];
  readonly crc: number;
  readonly size: number;
}

/** Deflates a part given in chunks; zipChunks deflates with fflate (the pane has no other) unless given one (the CLI: node's zlib). */
export type ChunkDeflater = (chunks: readonly Uint8Array[]) => DeflatedChunks;

/**
 * A zip whose entries `add` puts into fflate's streaming Zip, joined into one file. Each entry's
 * sizes follow it (a data descriptor), as every reader takes them from the central directory.
 */
function zipOf(add: (zip: Zip) => void): Uint8Array {
  const out: Uint8Array[] = [];
  let failed: Error | null = null;
  const zip = new Zip((error, chunk) => {
    if (error) failed = error;
    else out.push(chunk);
  });
  add(zip);
  zip.end();
  if (failed !== null) throw failed;
  return joined(out);
}

/** An entry given as its compressed body (in one or more pieces), CRC and size: fflate writes it as it is. */
function addDeflated(zip: Zip, name: string, part: DeflatedChunks): void {
  const file: ZipInputFile = { filename: name, size: part.size, crc: part.crc, compression: 8, mtime: ZIP_EPOCH };
  zip.add(file);
  if (part.body.length === 0) file.ondata?.(null, new Uint8Array(0), true);
  part.body.forEach((chunk, i) => file.ondata?.(null, chunk, i === part.body.length - 1));
}

/**
 * A zip (.xlsx package) of these parts, in this order, deflated (by fflate unless given another
 * deflater: the CLI's node zlib) and dated 1980-01-01 00:00. Each distinct part (by identity) is
 * compressed once however many files hold it. "store" is for parts already compressed, such as
 * whole .xlsx files.
 */
export function zipParts(parts: readonly ZipPart[], compression: "deflate" | "store" = "deflate", deflate: ChunkDeflater = fflateDeflater): Uint8Array {
  if (compression === "store") return zipSync(Object.fromEntries(parts.map((p) => [p.name, p.data])), { level: 0, mtime: ZIP_EPOCH });
  return zipOf((zip) => {
    for (const part of parts) addDeflated(zip, part.name, deflatedOnce(part.data, deflate));
  });
}

/**
 * A zip (.xlsx package) of parts given in chunks, each chunk deflated as it comes, so that no part
 * is ever joined into one buffer: a task register's roadmap is over a hundred megabytes of XML at
 * 5,000 tasks. The same compression (level 1) and date (the zip epoch) as zipParts.
 */
export function zipChunks(parts: readonly { readonly name: string; readonly chunks: readonly Uint8Array[] }[], deflate?: ChunkDeflater): Uint8Array {
  return zipOf((zip) => {
    for (const part of parts) {
      if (deflate !== undefined) {
        addDeflated(zip, part.name, deflate(part.chunks));
        continue;
      }
      const file = new ZipDeflate(part.name, { level: 1 });
      file.mtime = ZIP_EPOCH;
      zip.add(file);
      if (part.chunks.length === 0) file.push(new Uint8Array(0), true);
      part.chunks.forEach((chunk, i) => file.push(chunk, i === part.chunks.length - 1));
    }
  });
}
