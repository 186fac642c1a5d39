import { createInflateRaw } from 'node:zlib';
import { corrupt, tooLarge } from './archive-error';
import { RATIO_FLOOR_BYTES, type ArchiveLimits } from './archive-limits';

/** One file of a ZIP, as its central directory lists it. */
interface ZipEntry {
  name: string;
  method: number;
  /** Where its compressed data starts and how long it is, checked to lie inside the file. */
  dataStart: number;
  compressedSize: number;
}

/** A ZIP opened under limits: entries are inflated on demand and every byte counts. */
export interface ZipArchive {
  /** Entry names in central-directory order. */
  readonly names: readonly string[];
  has(name: string): boolean;
  /** The entry's inflated bytes, or undefined when there is no such entry. */
  read(name: string): Promise<Buffer | undefined>;
  /** The entry as UTF-8 text, or undefined when there is no such entry. */
  text(name: string): Promise<string | undefined>;
}

const EOCD = 0x06054b50;
const EOCD64_LOCATOR = 0x07064b50;
const EOCD64 = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX_COMMENT = 0xffff;

/**
 * Opens a ZIP from its central directory (ZIP64 included). Throws an ArchiveError: too_large past
 * `limits.maxEntries` entries (counted while walking the directory, not taken from its header),
 * corrupt for what is not a readable ZIP (encrypted entries, unknown compression, data outside the
 * file, duplicate names). Reading then inflates each entry through zlib, counting bytes as they
 * leave the inflater and stopping at the first limit reached: sizes in the headers are never
 * trusted.
 */
export function openZip(bytes: Buffer, limits: ArchiveLimits): ZipArchive {
  const entries = readDirectory(bytes, limits);
  let inflated = 0;
  const read = async (name: string): Promise<Buffer | undefined> => {
    const entry = entries.get(name);
    if (!entry) return undefined;
    const data = await inflateEntry(bytes, entry, limits, limits.maxTotalBytes - inflated);
    inflated += data.length;
    return data;
  };
  return {
    names: [...entries.keys()],
    has: (name) => entries.has(name),
    read,
    text: async (name) => (await read(name))?.toString('utf8'),
  };
}

function readDirectory(bytes: Buffer, limits: ArchiveLimits): Map<string, ZipEntry> {
  const end = findEndOfDirectory(bytes);
  let offset = bytes.readUInt32LE(end + 16);
  let size = bytes.readUInt32LE(end + 12);
  if (offset === 0xffffffff || size === 0xffffffff) ({ offset, size } = readZip64End(bytes, end));
  if (offset + size > bytes.length) throw corrupt('ZIP central directory lies outside the file');
  const entries = new Map<string, ZipEntry>();
  let at = offset;
  while (at + 46 <= offset + size && bytes.readUInt32LE(at) === CENTRAL) {
    if (entries.size >= limits.maxEntries) throw tooLarge('maxEntries', limits.maxEntries);
    const { entry, next } = readCentralEntry(bytes, at);
    if (entries.has(entry.name)) throw corrupt(`ZIP lists "${entry.name.slice(0, 100)}" twice`);
    entries.set(entry.name, entry);
    at = next;
  }
  return entries;
}

function findEndOfDirectory(bytes: Buffer): number {
  const earliest = Math.max(0, bytes.length - 22 - MAX_COMMENT);
  for (let at = bytes.length - 22; at >= earliest; at--)
    if (bytes.readUInt32LE(at) === EOCD) return at;
  throw corrupt('ZIP has no end of central directory');
}

function readZip64End(bytes: Buffer, end: number): { offset: number; size: number } {
  const locator = end - 20;
  if (locator < 0 || bytes.readUInt32LE(locator) !== EOCD64_LOCATOR)
    throw corrupt('ZIP64 end of central directory is missing');
  const at = safeNumber(bytes.readBigUInt64LE(locator + 8));
  if (at + 56 > bytes.length || bytes.readUInt32LE(at) !== EOCD64)
    throw corrupt('ZIP64 end of central directory is missing');
  return {
    size: safeNumber(bytes.readBigUInt64LE(at + 40)),
    offset: safeNumber(bytes.readBigUInt64LE(at + 48)),
  };
}

function readCentralEntry(bytes: Buffer, at: number): { entry: ZipEntry; next: number } {
  const flags = bytes.readUInt16LE(at + 8);
  const method = bytes.readUInt16LE(at + 10);
  let compressedSize = bytes.readUInt32LE(at + 20);
  const nameLength = bytes.readUInt16LE(at + 28);
  const extraLength = bytes.readUInt16LE(at + 30);
  const commentLength = bytes.readUInt16LE(at + 32);
  let localOffset = bytes.readUInt32LE(at + 42);
  const nameEnd = at + 46 + nameLength;
  const next = nameEnd + extraLength + commentLength;
  if (next > bytes.length) throw corrupt('ZIP central directory is cut short');
  const name = bytes.toString(flags & 0x800 ? 'utf8' : 'latin1', at + 46, nameEnd);
  // ZIP64: the 0xffffffff fields are in the extra field 0x0001, in this order
  const zip64 = findExtra(bytes.subarray(nameEnd, nameEnd + extraLength), 0x0001);
  if (zip64) {
    let field = 0;
    const take = () => {
      if (field + 8 > zip64.length) throw corrupt('ZIP64 extra field is cut short');
      const value = safeNumber(zip64.readBigUInt64LE(field));
      field += 8;
      return value;
    };
    if (bytes.readUInt32LE(at + 24) === 0xffffffff) take();
    if (compressedSize === 0xffffffff) compressedSize = take();
    if (localOffset === 0xffffffff) localOffset = take();
  }
  if (flags & 0x1) throw corrupt(`ZIP entry "${name.slice(0, 100)}" is encrypted`);
  if (method !== 0 && method !== 8)
    throw corrupt(`ZIP entry "${name.slice(0, 100)}" uses compression method ${method}`);
  if (localOffset + 30 > bytes.length || bytes.readUInt32LE(localOffset) !== LOCAL)
    throw corrupt(`ZIP entry "${name.slice(0, 100)}" has no local header`);
  const dataStart =
    localOffset + 30 + bytes.readUInt16LE(localOffset + 26) + bytes.readUInt16LE(localOffset + 28);
  if (dataStart + compressedSize > bytes.length)
    throw corrupt(`ZIP entry "${name.slice(0, 100)}" lies outside the file`);
  return { entry: { name, method, dataStart, compressedSize }, next };
}

function findExtra(extra: Buffer, id: number): Buffer | undefined {
  for (let at = 0; at + 4 <= extra.length;) {
    const length = extra.readUInt16LE(at + 2);
    if (extra.readUInt16LE(at) === id) return extra.subarray(at + 4, at + 4 + length);
    at += 4 + length;
  }
  return undefined;
}

function safeNumber(value: bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw corrupt('ZIP64 field is out of range');
  return Number(value);
}

/**
 * Inflates one entry, at most to the tightest of the entry limit, what is left of the total and
 * the ratio limit (applied past RATIO_FLOOR_BYTES), counting bytes as zlib hands them out; the
 * inflater is destroyed the moment the count passes the cap.
 */
function inflateEntry(
  bytes: Buffer,
  entry: ZipEntry,
  limits: ArchiveLimits,
  totalLeft: number,
): Promise<Buffer> {
  const data = bytes.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
  const caps = [
    {
      cap: limits.maxEntryBytes,
      fail: () => tooLarge('maxEntryBytes', limits.maxEntryBytes, entry.name),
    },
    { cap: totalLeft, fail: () => tooLarge('maxTotalBytes', limits.maxTotalBytes) },
    {
      cap: Math.max(RATIO_FLOOR_BYTES, limits.maxRatio * entry.compressedSize),
      fail: () => tooLarge('maxRatio', limits.maxRatio, entry.name),
    },
  ];
  const tightest = caps.reduce((a, b) => (b.cap < a.cap ? b : a));
  if (entry.method === 0)
    return data.length > tightest.cap
      ? Promise.reject(tightest.fail())
      : Promise.resolve(Buffer.from(data));
  return new Promise((resolve, reject) => {
    const inflater = createInflateRaw();
    const chunks: Buffer[] = [];
    let size = 0;
    inflater.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > tightest.cap) {
        inflater.destroy();
        reject(tightest.fail());
      } else chunks.push(chunk);
    });
    inflater.on('error', (err) =>
      reject(corrupt(`ZIP entry "${entry.name.slice(0, 100)}" cannot be inflated: ${err.message}`)),
    );
    inflater.on('end', () => resolve(Buffer.concat(chunks, size)));
    inflater.end(data);
  });
}
