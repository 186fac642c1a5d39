import JSZip from 'jszip';
import { DEFAULT_ARCHIVE_LIMITS } from '@docflow/archive';
import { extractDocx as extract, wordXmlToPages } from '../../../src/extract/extract-docx';
import { withCpuTime } from '@docflow/testing';

const extractDocx = (bytes: Buffer, limits = DEFAULT_ARCHIVE_LIMITS) => extract(bytes, limits);

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const run = (text: string) => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`;
const para = (...runs: string[]) => `<w:p>${runs.join('')}</w:p>`;
const cell = (text: string) => `<w:tc><w:tcPr/>${para(run(text))}</w:tc>`;
const document = (body: string) => `<w:document ${W}><w:body>${body}</w:body></w:document>`;

describe('Word documents to text', () => {
  it('when a body has paragraphs, runs, tabs, breaks, a table, a text box and entities, then each becomes text laid out by lines', () => {
    const xml = document(
      [
        // tab stops in the paragraph's properties are no characters
        `<w:p><w:pPr><w:tabs><w:tab w:val="right" w:pos="9000"/></w:tabs></w:pPr>${run('INVOICE')}<w:r><w:tab/></w:r>${run('No. 2024-0117')}</w:p>`,
        para(run('Northwind &amp; Sons'), run(' Ltd'), '<w:r><w:br/></w:r>', run('Bristol')),
        `<w:tbl><w:tr>${cell('Item')}${cell('Amount')}</w:tr><w:tr>${cell('Chairs')}${cell('756.00')}</w:tr></w:tbl>`,
        para(run('Total &#8364;&#x20;2030.40 &lt;paid&gt;')),
        // a text box, written for current readers and again as a fallback for older ones
        para(
          `<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent>${para(run('Due 13 April'))}</w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent>${para(run('Due 13 April'))}</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r>`,
        ),
        // deleted text and field instructions are not the document's text
        para('<w:r><w:delText>old</w:delText></w:r><w:r><w:instrText>PAGE</w:instrText></w:r>'),
      ].join(''),
    );
    expect(wordXmlToPages(xml)).toEqual([
      'INVOICE\tNo. 2024-0117\nNorthwind & Sons Ltd\nBristol\nItem\tAmount\nChairs\t756.00\nTotal € 2030.40 <paid>\nDue 13 April\n\n\n',
    ]);
  });

  it('when the body has page breaks (explicit or as Word last laid it out), then the text is split into those pages', () => {
    const xml = document(
      [
        para(run('one')),
        para('<w:r><w:br w:type="page"/></w:r>'),
        para('<w:r><w:lastRenderedPageBreak/></w:r>', run('two')),
        para(run('three'), '<w:r><w:lastRenderedPageBreak/></w:r>', run('four')),
      ].join(''),
    );
    expect(wordXmlToPages(xml).map((page) => page.trim())).toEqual(['one', 'two\nthree', 'four']);
  });

  it('when a file has a header and a footer, then the header opens the first page and the footer closes the last', async () => {
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<Types/>');
    zip.file(
      'word/document.xml',
      document(
        `${para(run('page one'))}${para('<w:r><w:br w:type="page"/></w:r>')}${para(run('page two'))}`,
      ),
    );
    zip.file('word/header1.xml', `<w:hdr ${W}>${para(run('ACME S.L. — NIF B12345678'))}</w:hdr>`);
    zip.file('word/footer1.xml', `<w:ftr ${W}>${para(run('IBAN ES91 2100 0418'))}</w:ftr>`);
    const extraction = await extractDocx(await zip.generateAsync({ type: 'nodebuffer' }));
    expect(extraction.pages.map(({ page, text, method }) => ({ page, text, method }))).toEqual([
      { page: 1, text: 'ACME S.L. — NIF B12345678\npage one', method: 'text_layer' },
      { page: 2, text: 'page two\nIBAN ES91 2100 0418', method: 'text_layer' },
    ]);
  });

  it('when the bytes are not a Word document, then extraction fails for good with the reason', async () => {
    await expect(extractDocx(Buffer.from('PK\x03\x04 not really'))).rejects.toMatchObject({
      code: 'DOCUMENT_UNREADABLE',
      isTransient: false,
    });
    const zip = new JSZip();
    zip.file('word/styles.xml', '<x/>');
    await expect(
      extractDocx(await zip.generateAsync({ type: 'nodebuffer' })),
    ).rejects.toMatchObject({ message: expect.stringContaining('no body') });
  });

  it('when 10^5 tags are left unterminated, then extraction finishes quickly with the text before them', () => {
    const xml = document(para(run('Total 12.00'))) + '<w:t'.repeat(100_000);
    const { result: pages, cpuMs } = withCpuTime(() => wordXmlToPages(xml));

    expect(cpuMs).toBeLessThan(2_000);
    expect(pages.map((p) => p.trim())).toEqual(['Total 12.00']);
  });

  it('when a table has 10^5 cells of spaces, then laying it out stays linear', () => {
    const cells = `<w:tc>${para(run('x   '))}${para(run('  '))}</w:tc>`.repeat(100_000);
    const { result: pages, cpuMs } = withCpuTime(() =>
      wordXmlToPages(document(`<w:tbl><w:tr>${cells}</w:tr></w:tbl>`)),
    );

    expect(cpuMs).toBeLessThan(2_000);
    expect(pages[0]).toBe(`${'x\t'.repeat(99_999)}x\n`);
  });

  it('when the body inflates past the entry limit, then extraction fails for good with BUDGET_EXCEEDED naming it', async () => {
    const zip = new JSZip();
    zip.file('word/document.xml', Buffer.alloc(2 * 1024 * 1024, 0x20));
    const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });

    await expect(
      extractDocx(bytes, { ...DEFAULT_ARCHIVE_LIMITS, maxEntryBytes: 1024 * 1024 }),
    ).rejects.toMatchObject({
      code: 'BUDGET_EXCEEDED',
      isTransient: false,
      message: expect.stringMatching(
        /^processing\.budget_exceeded: ocr: .*ARCHIVE_MAX_ENTRY_BYTES/,
      ),
      details: {
        reason: 'processing.budget_exceeded',
        stage: 'ocr',
        limit: 'ARCHIVE_MAX_ENTRY_BYTES',
      },
    });
  });

  it('when a footer inflates at an extreme ratio, then extraction fails with BUDGET_EXCEEDED (ARCHIVE_MAX_RATIO)', async () => {
    const zip = new JSZip();
    zip.file('word/document.xml', document(para(run('body'))));
    zip.file('word/footer1.xml', Buffer.alloc(8 * 1024 * 1024, 0x20));
    const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });

    await expect(extractDocx(bytes)).rejects.toMatchObject({
      code: 'BUDGET_EXCEEDED',
      details: { limit: 'ARCHIVE_MAX_RATIO' },
    });
  });
});
