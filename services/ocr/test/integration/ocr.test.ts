import type { AnyEvent, DetectedType } from '@docflow/contracts';
import { createTextStore } from '@docflow/documents';
import { createLogger, originEvent, parseConfig, type Worker } from '@docflow/platform';
import type { OcrEngine } from '../../src/adapters/ocr-engine';
import { createTableStore } from '../../src/adapters/table-store';
import { ocrConfigSchema, type OcrConfig } from '../../src/config';
import { characterErrorRate } from '../../src/domain/character-error-rate';
import { startOcr } from '../../src/main';
import {
  LEDGER_ROWS,
  NOTES_TEXT,
  FIXTURES_TIMEOUT_MS,
  loadFixtures,
  type Fixture,
} from '@docflow/fixtures';
import { openStageHarness, type StageHarness } from '@docflow/testing';

const CER_LIMIT = { clean: 0.02, noisy: 0.05 } as const;
type Extracted = { page: number; method: string; confidence: number };

describe.each(['native', 'tesseractjs'] as const)(
  'OCR service with the %s engine (real broker, database, Tesseract)',
  (engineName) => {
    let harness: StageHarness;
    let ocr: (Worker<OcrConfig> & { engine: OcrEngine }) | undefined;
    let fixtures: Fixture[];

    beforeAll(async () => {
      fixtures = await loadFixtures();
      harness = await openStageHarness(`ocr_${engineName}`);
      ocr = await startOcr(
        parseConfig(ocrConfigSchema, {
          ...harness.ctx.env,
          HTTP_PORT: '0',
          LOG_LEVEL: 'silent',
          OCR_ENGINE: engineName,
          AMQP_PREFETCH: '4',
        }),
        { logger: createLogger({ service: 'ocr', level: process.env.TEST_LOG_LEVEL ?? 'silent' }) },
      );
    }, FIXTURES_TIMEOUT_MS + 60_000);
    afterAll(async () => {
      await ocr?.stop();
      await harness?.close();
    });

    /** Uploads a fixture and publishes document.scanned for it, as the scanner would. */
    const scan = async (fixture: Fixture): Promise<AnyEvent> => {
      const received = await harness.receive(fixture); // no scanner runs here: only the blob matters
      const expected = fixture.scanner as { detectedType: DetectedType };
      const scanned = originEvent(
        'document.scanned',
        {
          blob: (received.payload as { blob: { bucket: string; id: string } }).blob,
          detectedType: expected.detectedType,
          mimeType: 'application/octet-stream',
          sizeBytes: fixture.bytes.length,
          sha256: 'a'.repeat(64),
          antivirus: { status: 'not_scanned' },
        },
        { tenantId: received.tenantId, documentId: received.documentId! },
      );
      await harness.publish(scanned);
      return harness.outcome(
        received.documentId!,
        ['document.text_extracted', 'document.failed'],
        240_000,
      );
    };

    test('when each fixture is scanned, then its pages are extracted with the right method and the OCR text is within the CER limits', async () => {
      expect(ocr!.engine.name).toBe(engineName);
      const withOcr = fixtures.filter(
        (f) => f.ocr && (engineName === 'native' || f.ocr.methods.includes('ocr')),
      );
      const chosen =
        engineName === 'native'
          ? withOcr
          : withOcr.filter((f) =>
              ['factura-escaneada.pdf', 'rotated.png', 'photo.jpg'].includes(f.filename),
            );
      const outcomes = await Promise.all(chosen.map(scan));
      const texts = createTextStore(harness.ctx.db);
      const rows: string[] = [];
      const verdicts: { page: string; withinLimit: boolean }[] = [];
      for (const [i, fixture] of chosen.entries()) {
        const out = outcomes[i]!;
        expect({ fixture: fixture.name, type: out.type }).toEqual({
          fixture: fixture.name,
          type: 'document.text_extracted',
        });
        const payload = out.payload as {
          text: { store: 'collection' | 'gridfs'; id: string };
          pages: Extracted[];
        };
        expect({ fixture: fixture.name, methods: payload.pages.map((p) => p.method) }).toEqual({
          fixture: fixture.name,
          methods: fixture.ocr!.methods,
        });
        const stored = await texts.load(payload.text);
        fixture.ocr!.truth?.forEach((truth, p) => {
          const method = fixture.ocr!.methods[p]!;
          const cer = characterErrorRate(truth, stored.pages[p]!.text);
          rows.push(
            `| ${engineName} | ${fixture.filename} p${p + 1} | ${method} | ${fixture.ocr!.quality ?? '-'} | ${(cer * 100).toFixed(2)} % | ${payload.pages[p]!.confidence.toFixed(2)} |`,
          );
          const limit = method === 'ocr' ? CER_LIMIT[fixture.ocr!.quality ?? 'clean'] : 0;
          verdicts.push({ page: `${fixture.filename} p${p + 1}`, withinLimit: cer <= limit });
        });
      }
      process.stdout.write(
        `\nCER (${engineName}):\n| engine | page | method | quality | CER | confidence |\n|---|---|---|---|---|---|\n${rows.join('\n')}\n`,
      );
      expect(verdicts).toEqual(verdicts.map((v) => ({ ...v, withinLimit: true })));
    }, 600_000);

    if (engineName === 'native') {
      test('when a spreadsheet is scanned, then its rows become text and the structured rows are stored', async () => {
        const xlsx = fixtures.find((f) => f.filename === 'ledger.xlsx')!;
        const out = await scan(xlsx);
        const stored = await createTextStore(harness.ctx.db).load(
          (out.payload as { text: { store: 'collection'; id: string } }).text,
        );
        expect(stored.pages[0]!.text.split('\n')[1]).toBe(
          `${LEDGER_ROWS[0]![0]}\t${LEDGER_ROWS[0]![1]}\t${LEDGER_ROWS[0]![2]}`,
        );
        const tables = await createTableStore(harness.ctx.db).load(out.documentId!);
        expect(tables?.sheets[0]?.rows).toHaveLength(LEDGER_ROWS.length + 1);
      }, 60_000);

      test('when a Latin-1 text is scanned, then it is decoded to the same text as its UTF-8 twin', async () => {
        const latin1 = fixtures.find((f) => f.filename === 'notas-latin1.txt')!;
        const out = await scan(latin1);
        const stored = await createTextStore(harness.ctx.db).load(
          (out.payload as { text: { store: 'collection'; id: string } }).text,
        );
        expect(stored.pages[0]!.text).toBe(NOTES_TEXT);
        expect(out.payload).toMatchObject({ language: 'es', pages: [{ method: 'plain' }] });
      }, 60_000);

      test("when pages are OCR'd, then the OCR metrics count them by method with seconds and confidence", async () => {
        const metrics = await ocr!.metrics.registry.metrics();
        const series = (name: string) =>
          metrics
            .split('\n')
            .filter((l) => l.startsWith(`${name}{`) && l.includes('engine="native"'));
        expect(
          series('docflow_ocr_pages_total').some((l) => /method="ocr"[^}]*\} [1-9]/.test(l)),
        ).toBe(true);
        expect(
          series('docflow_ocr_page_seconds_count').some((l) => /method="ocr"[^}]*\} [1-9]/.test(l)),
        ).toBe(true);
        expect(
          series('docflow_ocr_page_confidence_sum').some((l) => /\} 0?\.\d|\} [1-9]/.test(l)),
        ).toBe(true);
      });
    }
  },
);
