import { connect, type Channel, type ChannelModel, type GetMessage } from 'amqplib';
import { queuesOf, type AnyEvent } from '@docflow/contracts';
import { docxOfBody } from '@docflow/fixtures';
import { HEADERS, createLogger, originEvent, parseConfig, type Worker } from '@docflow/platform';
import { openStageHarness, waitFor, type StageHarness } from '@docflow/testing';
import { ocrConfigSchema, type OcrConfig } from '../../src/config';
import { startOcr } from '../../src/main';

describe('OCR budget (real broker and database)', () => {
  let harness: StageHarness;
  let ocr: Worker<OcrConfig> | undefined;
  let amqp: ChannelModel;
  let channel: Channel;

  beforeAll(async () => {
    harness = await openStageHarness('ocr_budget');
    amqp = await connect(harness.ctx.amqpUrl);
    channel = await amqp.createChannel();
    // a parsing budget no large file fits in
    ocr = await startOcr(
      parseConfig(ocrConfigSchema, {
        ...harness.ctx.env,
        HTTP_PORT: '0',
        LOG_LEVEL: 'silent',
        OCR_BUDGET_MS: '10',
        OCR_BUDGET_WORKERS: '1',
      }),
      { logger: createLogger({ service: 'ocr', level: process.env.TEST_LOG_LEVEL ?? 'silent' }) },
    );
  }, 120_000);
  afterAll(async () => {
    await ocr?.stop();
    await amqp?.close().catch(() => undefined);
    await harness?.close();
  });

  /** Uploads a file and publishes document.scanned for it, as the scanner would. */
  async function scan(bytes: Buffer, filename: string): Promise<{ id: string; result: AnyEvent }> {
    const received = await harness.receive({ bytes, filename });
    await harness.publish(
      originEvent(
        'document.scanned',
        {
          blob: (received.payload as { blob: { bucket: string; id: string } }).blob,
          detectedType: 'docx',
          mimeType: 'application/octet-stream',
          sizeBytes: bytes.length,
          sha256: 'a'.repeat(64),
          antivirus: { status: 'not_scanned' },
        },
        { tenantId: received.tenantId, documentId: received.documentId! },
      ),
    );
    const id = received.documentId!;
    const result = await harness.outcome(
      id,
      ['document.text_extracted', 'document.failed'],
      60_000,
    );
    return { id, result };
  }

  test('when parsing a file takes longer than OCR_BUDGET_MS, then the document fails for good with BUDGET_EXCEEDED naming the step and the limit, and is not retried', async () => {
    // Arrange: a Word table of 10^5 cells (hundreds of ms to lay out) against 10 ms
    const cell = '<w:tc><w:p><w:r><w:t xml:space="preserve">x   </w:t></w:r></w:p></w:tc>';
    const docx = await docxOfBody(`<w:tbl><w:tr>${cell.repeat(100_000)}</w:tr></w:tbl>`);

    // Act
    const { id, result } = await scan(docx, 'wide-table.docx');

    // Assert
    expect(result.type).toBe('document.failed');
    expect(result.payload).toMatchObject({
      stage: 'ocr',
      retries: 0,
      error: {
        code: 'BUDGET_EXCEEDED',
        transient: false,
        message:
          'processing.budget_exceeded: ocr: DOCX parsing took longer than 10 ms (OCR_BUDGET_MS)',
      },
    });
    const dead = await waitFor(
      async () => {
        const msg = await channel.get(queuesOf('ocr').deadLetter, { noAck: true });
        return msg && JSON.parse(msg.content.toString()).documentId === id ? msg : undefined;
      },
      10_000,
      'the dead-lettered message',
    );
    const headers = (dead as GetMessage).properties.headers ?? {};
    expect(headers[HEADERS.reason]).toBe('permanent_error');
    expect(headers[HEADERS.retries]).toBe(0);
    expect(headers[HEADERS.errorCode]).toBe('BUDGET_EXCEEDED');
  });
});
