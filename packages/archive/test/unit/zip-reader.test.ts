import { deflateRawSync } from 'node:zlib';
import JSZip from 'jszip';
import {
  ArchiveError,
  DEFAULT_ARCHIVE_LIMITS,
  openZip,
  type ArchiveLimits,
} from '@docflow/archive';

const limits: ArchiveLimits = { ...DEFAULT_ARCHIVE_LIMITS, maxEntryBytes: 8 * 1024 * 1024 };

const zipOf = async (files: Record<string, Buffer | string>): Promise<Buffer> => {
  const zip = new JSZip();
  for (const [name, data] of Object.entries(files)) zip.file(name, data);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
};

/** What reading `name` threw (an ArchiveError's problem), or undefined. */
const problemOf = async (read: () => Promise<unknown>) => {
  try {
    await read();
    return undefined;
  } catch (err) {
    if (err instanceof ArchiveError) return err.problem;
    throw err;
  }
};

describe('openZip', () => {
  it('when an entry is read, then its inflated bytes come back', async () => {
    const bytes = await zipOf({ 'a.txt': 'hello', 'dir/b.xml': '<x/>' });

    const zip = openZip(bytes, limits);

    expect(zip.names).toEqual(expect.arrayContaining(['a.txt', 'dir/b.xml']));
    expect(await zip.text('a.txt')).toBe('hello');
    expect(await zip.text('missing')).toBeUndefined();
  });

  it('when one entry inflates past the entry limit, then reading it stops at the cap with too_large', async () => {
    // 1 GiB of zeros would be ~1 MiB compressed; 64 MiB is ~64 KiB on disk
    const bytes = await zipOf({ 'bomb.xml': Buffer.alloc(64 * 1024 * 1024) });
    expect(bytes.length).toBeLessThan(200 * 1024);
    const zip = openZip(bytes, { ...limits, maxRatio: 1_000_000 });
    const before = process.memoryUsage().arrayBuffers;

    const problem = await problemOf(() => zip.read('bomb.xml'));

    expect(problem).toMatchObject({
      kind: 'too_large',
      limit: 'maxEntryBytes',
      budget: limits.maxEntryBytes,
      setting: 'ARCHIVE_MAX_ENTRY_BYTES',
      entry: 'bomb.xml',
    });
    expect(problem?.message).toContain('ARCHIVE_MAX_ENTRY_BYTES');
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(32 * 1024 * 1024);
  });

  it('when the sizes in the headers lie, then the bytes counted while inflating decide', async () => {
    const bytes = await zipOf({ 'big.xml': Buffer.alloc(2 * 1024 * 1024, 'a') });
    // central directory: uncompressed size at +24 says 10 bytes
    const central = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    bytes.writeUInt32LE(10, central + 24);

    const problem = await problemOf(() =>
      openZip(bytes, { ...limits, maxEntryBytes: 1024 * 1024, maxRatio: 1_000_000 }).read(
        'big.xml',
      ),
    );

    expect(problem).toMatchObject({ kind: 'too_large', limit: 'maxEntryBytes' });
  });

  it('when entries together inflate past the total limit, then the read that crosses it fails', async () => {
    const part = Buffer.alloc(600 * 1024, 'b');
    const zip = openZip(await zipOf({ one: part, two: part }), {
      ...limits,
      maxTotalBytes: 1024 * 1024,
    });

    await zip.read('one');
    const problem = await problemOf(() => zip.read('two'));

    expect(problem).toMatchObject({
      kind: 'too_large',
      limit: 'maxTotalBytes',
      setting: 'ARCHIVE_MAX_TOTAL_BYTES',
    });
  });

  it('when the ZIP lists more entries than the limit, then opening it fails with too_large', async () => {
    const files = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`f${i}.txt`, 'x']));
    const bytes = await zipOf(files);

    const problem = await problemOf(async () => openZip(bytes, { ...limits, maxEntries: 50 }));

    expect(problem).toMatchObject({
      kind: 'too_large',
      limit: 'maxEntries',
      budget: 50,
      setting: 'ARCHIVE_MAX_ENTRIES',
    });
  });

  it('when an entry inflates past the ratio limit, then it is refused before the entry limit', async () => {
    // 4 MiB of one byte deflates to ~4 KiB: a ratio near 1000
    const bytes = await zipOf({ 'ratio.xml': Buffer.alloc(4 * 1024 * 1024, 'z') });

    const problem = await problemOf(() =>
      openZip(bytes, { ...limits, maxRatio: 100 }).read('ratio.xml'),
    );

    expect(problem).toMatchObject({
      kind: 'too_large',
      limit: 'maxRatio',
      budget: 100,
      setting: 'ARCHIVE_MAX_RATIO',
    });
  });

  it('when a small entry compresses well, then the ratio does not refuse it', async () => {
    const bytes = await zipOf({ 'small.xml': Buffer.alloc(512 * 1024, ' ') });

    const data = await openZip(bytes, { ...limits, maxRatio: 2 }).read('small.xml');

    expect(data?.length).toBe(512 * 1024);
  });

  it('when the bytes are not a ZIP or an entry is damaged, then the problem is corrupt', async () => {
    expect(await problemOf(async () => openZip(Buffer.from('not a zip'), limits))).toMatchObject({
      kind: 'corrupt',
    });
    const bytes = await zipOf({ 'a.xml': Buffer.alloc(4096, 'q') });
    const local = deflateRawSync(Buffer.alloc(4096, 'q'));
    const at = bytes.indexOf(local.subarray(0, 4));
    bytes.fill(0xff, at, at + 8);
    expect(await problemOf(() => openZip(bytes, limits).read('a.xml'))).toMatchObject({
      kind: 'corrupt',
    });
  });
});
