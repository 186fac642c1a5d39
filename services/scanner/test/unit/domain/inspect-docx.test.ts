import JSZip from 'jszip';
import { MAX_DOCX_BODY_BYTES, inspectDocx } from '../../../src/domain/inspect-docx';
import { docx } from '@docflow/fixtures';

const zipOf = async (files: Record<string, string | Buffer>): Promise<Buffer> => {
  const zip = new JSZip();
  for (const [name, content] of Object.entries(files)) zip.file(name, content);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
};

describe('inspectDocx', () => {
  it('when a Word document opens and has a body, then it is accepted', async () => {
    expect(await inspectDocx(await docx(['Invoice 7\nTotal 10.00']))).toEqual({ ok: true });
  });

  it('when the ZIP has no document body, then it is refused as corrupt', async () => {
    const bytes = await zipOf({ '[Content_Types].xml': '<Types/>', 'word/styles.xml': '<x/>' });
    expect(await inspectDocx(bytes)).toMatchObject({
      ok: false,
      rejection: { reason: 'corrupt', message: expect.stringContaining('no body') },
    });
  });

  it('when the bytes are cut short, then it is refused as corrupt', async () => {
    const bytes = await docx(['Invoice 7']);
    expect(await inspectDocx(bytes.subarray(0, bytes.length - 40))).toMatchObject({
      ok: false,
      rejection: { reason: 'corrupt' },
    });
  });

  it('when the body inflates beyond the limit (a ZIP bomb), then it is refused as too_large while inflating', async () => {
    const bomb = await zipOf({
      '[Content_Types].xml': '<Types/>',
      'word/document.xml': Buffer.alloc(MAX_DOCX_BODY_BYTES + 1024, 0x20),
    });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(await inspectDocx(bomb)).toMatchObject({
      ok: false,
      rejection: { reason: 'too_large', details: { maxBytes: MAX_DOCX_BODY_BYTES } },
    });
  });
});
