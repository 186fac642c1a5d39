import sharp from 'sharp';
import { documentWords, wordsInSpan, type DetectedType, type Word } from '@docflow/contracts';
import { createTextStore } from '@docflow/documents';
import { FIXTURES_TIMEOUT_MS, loadFixtures, TEXTS, type Fixture } from '@docflow/fixtures';
import { createLogger, originEvent, parseConfig, type Worker } from '@docflow/platform';
import { openStageHarness, type StageHarness } from '@docflow/testing';
import { ocrConfigSchema, type OcrConfig } from '../../src/config';
import { startOcr } from '../../src/main';

/** Centres of the same word on the text layer and on a scan of it agree this closely (page fraction). */
const TOLERANCE = 0.02;

const centre = (w: Word) => ({ x: (w.box.x0 + w.box.x1) / 2, y: (w.box.y0 + w.box.y1) / 2 });

describe.each(['native', 'tesseractjs'] as const)(
  'OCR word positions with the %s engine (real broker, database, poppler, Tesseract)',
  (engineName) => {
    let harness: StageHarness;
    let ocr: Worker<OcrConfig> | undefined;
    let fixtures: Fixture[];

    beforeAll(async () => {
      fixtures = await loadFixtures();
      harness = await openStageHarness(`ocr_words_${engineName}`);
      ocr = await startOcr(
        parseConfig(ocrConfigSchema, {
          ...harness.ctx.env,
          HTTP_PORT: '0',
          LOG_LEVEL: 'silent',
          OCR_ENGINE: engineName,
        }),
        { logger: createLogger({ service: 'ocr', level: process.env.TEST_LOG_LEVEL ?? 'silent' }) },
      );
    }, FIXTURES_TIMEOUT_MS + 60_000);
    afterAll(async () => {
      await ocr?.stop();
      await harness?.close();
    });

    /** Scans a fixture as the scanner would and reads back its stored pages and words. */
    const extract = async (file: string | Fixture) => {
      const fixture = typeof file === 'string' ? fixtures.find((f) => f.filename === file)! : file;
      const received = await harness.receive(fixture);
      const scanned = originEvent(
        'document.scanned',
        {
          blob: (received.payload as { blob: { bucket: string; id: string } }).blob,
          detectedType: (fixture.scanner as { detectedType: DetectedType }).detectedType,
          mimeType: 'application/octet-stream',
          sizeBytes: fixture.bytes.length,
          sha256: 'a'.repeat(64),
          antivirus: { status: 'not_scanned' },
        },
        { tenantId: received.tenantId, documentId: received.documentId! },
      );
      await harness.publish(scanned);
      const out = await harness.outcome(received.documentId!, ['document.text_extracted'], 240_000);
      const ref = (out.payload as { text: { store: 'collection' | 'gridfs'; id: string } }).text;
      const stored = await createTextStore(harness.ctx.db).load(ref, { words: true });
      return { fixture, stored, words: documentWords(stored.pages, stored.words ?? []) };
    };

    /** The word on `page` whose text is `text` (the first, in reading order). */
    const wordOf = (words: Map<number, Word[]>, page: number, text: string): Word => {
      const found = words.get(page)?.find((w) => w.text === text);
      if (!found) throw new Error(`no word "${text}" on page ${page}`);
      return found;
    };

    const KEY_WORDS = { 1: ['INVOICE', 'Northwind', '2030.40', 'GB29'], 2: ['FACTURA', '217,20'] };

    test('when a text-layer PDF and a scan of the same page are read, then their words sit in the same places', async () => {
      const [digital, scan] = await Promise.all([
        extract('invoice-digital.pdf'),
        extract('invoice.png'),
      ]);

      const digitalPage = digital.stored.words!.find((w) => w.page === 1)!;
      expect(digitalPage.size).toEqual({ width: 468, height: 300, unit: 'pt' });
      expect(scan.stored.words![0]!.size).toMatchObject({ width: 1950, height: 1250, unit: 'px' });
      for (const text of KEY_WORDS[1]) {
        const fromLayer = centre(wordOf(digital.words, 1, text));
        const fromScan = centre(wordOf(scan.words, 1, text));
        expect({ text, dx: Math.abs(fromLayer.x - fromScan.x) < TOLERANCE }).toEqual({
          text,
          dx: true,
        });
        expect({ text, dy: Math.abs(fromLayer.y - fromScan.y) < TOLERANCE }).toEqual({
          text,
          dy: true,
        });
      }
      // the first line of the page: top left, inside the 28 pt margin
      const title = wordOf(digital.words, 1, 'INVOICE').box;
      expect(title.x0).toBeCloseTo(28 / 468, 2);
      expect(title.y0).toBeGreaterThan(20 / 300);
      expect(title.y1).toBeLessThan(50 / 300);
      // every word's text is the document text at its offsets, and the span of a value finds its word
      const text = digital.stored.pages.map((p) => p.text).join('\f');
      for (const page of digital.words.values())
        for (const w of page) expect(text.slice(w.start, w.end)).toBe(w.text);
      const at = text.indexOf('2030.40');
      expect(wordsInSpan([...digital.words.values()].flat(), { start: at, end: at + 7 })).toEqual([
        wordOf(digital.words, 1, '2030.40'),
      ]);
      expect(digital.words.get(2)!.length).toBeGreaterThan(TEXTS.es.split(/\s+/).length - 5);
    }, 300_000);

    test('when a scan was turned, then its words are boxed on the image as uploaded', async () => {
      const [digital, rotated] = await Promise.all([
        extract('invoice-digital.pdf'),
        extract('rotated.png'),
      ]);
      // rotated.png is the Spanish scan turned 90° clockwise: (x, y) on the page is (1 - y, x) on it
      for (const text of KEY_WORDS[2]) {
        const page = centre(wordOf(digital.words, 2, text));
        const found = centre(wordOf(rotated.words, 1, text));
        expect({
          text,
          near: Math.hypot(1 - page.y - found.x, page.x - found.y) < TOLERANCE,
        }).toEqual({
          text,
          near: true,
        });
      }
    }, 300_000);

    // the fallback engine reads the clean and the turned scans; the rest is the same code
    if (engineName === 'tesseractjs') return;

    test('when a scan was photographed skewed, then its words are boxed on the image as uploaded', async () => {
      const [digital, photo] = await Promise.all([
        extract('invoice-digital.pdf'),
        extract('photo.jpg'),
      ]);
      // photo.jpg is the 1950 × 1250 scan turned 3° clockwise onto a larger canvas, then degraded
      const { width = 0, height = 0 } = await sharp(photo.fixture.bytes).metadata();
      const turn = (3 * Math.PI) / 180;
      const onPhoto = ({ x, y }: { x: number; y: number }) => {
        const [dx, dy] = [x * 1950 - 975, y * 1250 - 625];
        return {
          x: (width / 2 + dx * Math.cos(turn) - dy * Math.sin(turn)) / width,
          y: (height / 2 + dx * Math.sin(turn) + dy * Math.cos(turn)) / height,
        };
      };
      for (const text of ['INVOICE', '2030.40']) {
        const expected = onPhoto(centre(wordOf(digital.words, 1, text)));
        const found = centre(wordOf(photo.words, 1, text));
        expect({
          text,
          near: Math.hypot(expected.x - found.x, expected.y - found.y) < TOLERANCE,
        }).toEqual({
          text,
          near: true,
        });
      }
    }, 300_000);

    test('when a PDF page is shown turned (/Rotate 90), then its text-layer words are boxed on the page as shown', async () => {
      const digital = await extract('invoice-digital.pdf');
      const bytes = Buffer.from(
        digital.fixture.bytes
          .toString('latin1')
          .replace('/Type /Page\n', '/Type /Page\n/Rotate 90\n'),
        'latin1',
      );

      const turned = await extract({ ...digital.fixture, filename: 'turned.pdf', bytes });

      expect(turned.stored.words![0]!.size).toEqual({ width: 300, height: 468, unit: 'pt' });
      for (const text of KEY_WORDS[1]) {
        const page = centre(wordOf(digital.words, 1, text));
        const found = centre(wordOf(turned.words, 1, text));
        expect({
          text,
          near: Math.hypot(1 - page.y - found.x, page.x - found.y) < TOLERANCE,
        }).toEqual({ text, near: true });
      }
    }, 300_000);

    test('when a workbook and a Word document are read, then their words are boxed by cell and by line', async () => {
      const [sheet, word] = await Promise.all([extract('ledger.xlsx'), extract('invoice.docx')]);

      expect(sheet.stored.words![0]!.size.unit).toBe('cell');
      const firstRow = sheet.words.get(1)!.filter((w) => w.box.y0 === 0);
      expect(firstRow.length).toBeGreaterThan(1);
      expect(word.stored.words!.map((w) => w.size.unit)).toEqual(['char', 'char']);
      const title = wordOf(word.words, 1, 'INVOICE');
      expect(title.box).toMatchObject({ x0: 0, y0: 0 });
    }, 300_000);
  },
);
