import JSZip from 'jszip';
import { DEFAULT_ARCHIVE_LIMITS, type ArchiveLimits } from '@docflow/archive';
import { inspectDocx } from '../../../src/domain/inspect-docx';
import { docx } from '@docflow/fixtures';

const limits: ArchiveLimits = { ...DEFAULT_ARCHIVE_LIMITS, maxEntryBytes: 4 * 1024 * 1024 };

const zipOf = async (files: Record<string, string | Buffer>): Promise<Buffer> => {
  const zip = new JSZip();
  for (const [name, content] of Object.entries(files)) zip.file(name, content);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
};

describe('inspectDocx', () => {
  it('when a Word document opens and has a body, then it is accepted', async () => {
    expect(await inspectDocx(await docx(['Invoice 7\nTotal 10.00']), limits)).toEqual({
      ok: true,
    });
  });

  it('when the ZIP has no document body, then it is refused as corrupt', async () => {
    const bytes = await zipOf({ '[Content_Types].xml': '<Types/>', 'word/styles.xml': '<x/>' });
    expect(await inspectDocx(bytes, limits)).toMatchObject({
      ok: false,
      rejection: { reason: 'corrupt', message: expect.stringContaining('no body') },
    });
  });

  it('when the bytes are cut short, then it is refused as corrupt', async () => {
    const bytes = await docx(['Invoice 7']);
    expect(await inspectDocx(bytes.subarray(0, bytes.length - 40), limits)).toMatchObject({
      ok: false,
      rejection: { reason: 'corrupt' },
    });
  });

  it('when the body inflates beyond the entry limit (a ZIP bomb), then it is refused as too_large while inflating', async () => {
    const bomb = await zipOf({
      '[Content_Types].xml': '<Types/>',
      'word/document.xml': Buffer.alloc(limits.maxEntryBytes + 1024, 0x20),
    });
    expect(bomb.length).toBeLessThan(64 * 1024);
    expect(await inspectDocx(bomb, { ...limits, maxRatio: 1_000_000 })).toMatchObject({
      ok: false,
      rejection: {
        reason: 'too_large',
        message: expect.stringContaining('ARCHIVE_MAX_ENTRY_BYTES'),
        details: { limit: 'ARCHIVE_MAX_ENTRY_BYTES', budget: limits.maxEntryBytes },
      },
    });
  });

  it('when a footer inflates at an extreme ratio, then it is refused as too_large (ARCHIVE_MAX_RATIO)', async () => {
    const bytes = await zipOf({
      'word/document.xml': '<w:document/>',
      'word/footer1.xml': Buffer.alloc(3 * 1024 * 1024, 0x20),
    });
    expect(await inspectDocx(bytes, limits)).toMatchObject({
      ok: false,
      rejection: { reason: 'too_large', details: { limit: 'ARCHIVE_MAX_RATIO' } },
    });
  });

  it('when the ZIP has more entries than the limit, then it is refused as too_large (ARCHIVE_MAX_ENTRIES)', async () => {
    const files = Object.fromEntries(
      Array.from({ length: 30 }, (_, i) => [`word/media/${i}`, 'x']),
    );
    const bytes = await zipOf({ 'word/document.xml': '<w:document/>', ...files });
    expect(await inspectDocx(bytes, { ...limits, maxEntries: 20 })).toMatchObject({
      ok: false,
      rejection: { reason: 'too_large', details: { limit: 'ARCHIVE_MAX_ENTRIES', budget: 20 } },
    });
  });
});
