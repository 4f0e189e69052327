import { deflateRawSync } from "node:zlib";

/**
 * A zip built by hand for reader tests: parts stored or deflated, optionally with a data
 * descriptor (sizes 0 in the local header, the real ones after the data and in the central
 * directory, as streaming writers do). CRCs are left 0: the readers under test do not check them.
 */
export interface ZipEntry {
  readonly name: string;
  readonly content: string | Buffer;
  readonly method?: 0 | 8;
  readonly dataDescriptor?: boolean;
}

export function buildZip(entries: readonly ZipEntry[]): Buffer {
  const chunks: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name);
    const raw = Buffer.isBuffer(entry.content) ? entry.content : Buffer.from(entry.content, "utf8");
    const method = entry.method ?? 8;
    const body = method === 8 ? deflateRawSync(raw) : raw;
    const flags = entry.dataDescriptor ? 0x0808 : 0x0800; // bit 11: UTF-8 names
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(entry.dataDescriptor ? 0 : body.length, 18);
    local.writeUInt32LE(entry.dataDescriptor ? 0 : raw.length, 22);
    local.writeUInt16LE(name.length, 26);
    const descriptor = Buffer.alloc(entry.dataDescriptor ? 16 : 0);
    if (entry.dataDescriptor) {
      descriptor.writeUInt32LE(0x08074b50, 0);
      descriptor.writeUInt32LE(body.length, 8);
      descriptor.writeUInt32LE(raw.length, 12);
    }
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(raw.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    chunks.push(local, name, body, descriptor);
    centrals.push(central, name);
    offset += 30 + name.length + body.length + descriptor.length;
  }
  const directory = Buffer.concat(centrals);
  return Buffer.concat([...chunks, directory, endOfCentralDirectory(entries.length, directory.length, offset)]);
}

/** A part of rawZip: its bytes as written, and the sizes the headers claim. */
export interface RawPart {
  readonly name: string;
  readonly body: Buffer;
  /** 0 stored, 8 deflated. */
  readonly method: number;
  /** The uncompressed size written in the headers (a bomb may lie). */
  readonly declared: number;
}

export const deflated = (name: string, content: Buffer, declared = content.length): RawPart => ({ name, body: deflateRawSync(content), method: 8, declared });

/**
 * A minimal zip whose headers may lie about the inflated size, for the bounds of the zip readers:
 * local headers and bodies, the central directory, its end record (CRCs left 0).
 */
export function rawZip(parts: readonly RawPart[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(part.method, 8);
    local.writeUInt32LE(part.body.length, 18);
    local.writeUInt32LE(part.declared, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(part.method, 10);
    central.writeUInt32LE(part.body.length, 20);
    central.writeUInt32LE(part.declared, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, part.body);
    centrals.push(central, name);
    offset += 30 + name.length + part.body.length;
  }
  const directory = Buffer.concat(centrals);
  return Buffer.concat([...locals, directory, endOfCentralDirectory(parts.length, directory.length, offset)]);
}

/** The zip's last record: how many entries, and the size and offset of the central directory. */
export function endOfCentralDirectory(entries: number, directoryBytes: number, directoryOffset: number): Buffer {
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries, 8);
  end.writeUInt16LE(entries, 10);
  end.writeUInt32LE(directoryBytes, 12);
  end.writeUInt32LE(directoryOffset, 16);
  return end;
}
