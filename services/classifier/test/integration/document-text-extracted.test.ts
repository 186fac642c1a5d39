import { randomUUID } from 'node:crypto';
import { connect, type ChannelModel } from 'amqplib';
import { EXCHANGES, buildTopology, type AnyEvent } from '@docflow/contracts';
import { createTextStore } from '@docflow/documents';
import { declareTopology, originEvent, parseConfig, type Worker } from '@docflow/platform';
import { createTestContext, waitFor, type TestContext } from '@docflow/testing';
import { createVendorLayoutStore, learnLayout } from '@docflow/vendor-memory';
import { classifierConfigSchema, type ClassifierConfig } from '../../src/config';
import { startClassifier } from '../../src/main';
import { receiptOfV, receiptOfW } from '../support/vendor-receipts';

const INVOICE = `Northwind Traders S.L.
Calle Mayor 12
28013 Madrid
NIF: B58378431

FACTURA

Nº Factura: F2024/0117
Fecha de emisión: 15/03/2024
Fecha de vencimiento: 14/04/2024

Cliente:
Telefónica Soluciones S.A.
CIF: A28015865

Descripción              Cant.   Precio unit.    Importe
Consultoría técnica         10        85,00       850,00
Licencia anual               1       400,00       400,00

Base imponible                       1.250,00 €
IVA 21%                                262,50 €
Total factura                        1.512,50 €
`;

describe('classifier (real RabbitMQ and MongoDB-protocol server)', () => {
  let ctx: TestContext;
  let worker: Worker<ClassifierConfig>;
  let amqp: ChannelModel;
  const events: AnyEvent[] = [];

  beforeAll(async () => {
    ctx = await createTestContext('classifier');
    amqp = await connect(ctx.amqpUrl);
    const channel = await amqp.createChannel();
    await declareTopology(channel, buildTopology());
    const { queue } = await channel.assertQueue('', { exclusive: true, autoDelete: true });
    for (const key of ['document.classified', 'document.needs_review']) {
      await channel.bindQueue(queue, EXCHANGES.events.name, key);
    }
    await channel.consume(queue, (msg) => msg && events.push(JSON.parse(msg.content.toString())), {
      noAck: true,
    });
    const config = parseConfig(classifierConfigSchema, {
      ...ctx.env,
      HTTP_PORT: '0',
      LOG_LEVEL: 'silent',
      CLASSIFIER_MAX_TEXT_CHARS: '1000',
    });
    worker = await startClassifier(config);
  });

  afterAll(async () => {
    await worker?.stop();
    await amqp?.close().catch(() => undefined);
    await ctx?.cleanup();
  });

  async function submit(
    text: string,
    tenantId = `tenant-${randomUUID().slice(0, 8)}`,
  ): Promise<AnyEvent> {
    const documentId = randomUUID();
    const ref = await createTextStore(ctx.db).save({
      tenantId,
      documentId,
      pages: [{ page: 1, text }],
    });
    const event = originEvent(
      'document.text_extracted',
      {
        detectedType: 'pdf',
        text: ref,
        totalChars: text.length,
        pages: [
          { page: 1, method: 'text_layer', confidence: 1, chars: text.length, durationMs: 3 },
        ],
      },
      { tenantId, documentId },
    );
    await worker.bus.publish(event);
    return waitFor(
      () => events.find((e) => e.documentId === documentId),
      20_000,
      'the classifier result',
    );
  }

  test('when an invoice text is extracted, then document.classified carries its type, model version and fields', async () => {
    // Act
    const result = await submit(INVOICE);

    // Assert
    expect(result.type).toBe('document.classified');
    const payload = result.payload as {
      docType: string;
      modelVersion: string;
      extraction: { fields: Record<string, { value: unknown }> };
      findings: { code: string }[];
    };
    expect(payload.docType).toBe('invoice');
    expect(payload.modelVersion).toMatch(/^base-\d{8}-[0-9a-f]{12}$/);
    const fields = Object.fromEntries(
      Object.entries(payload.extraction.fields).map(([k, v]) => [k, v.value]),
    );
    expect(fields).toMatchObject({
      invoiceNumber: 'F2024/0117',
      issueDate: '2024-03-15',
      dueDate: '2024-04-14',
      sellerTaxId: 'B58378431',
      buyerTaxId: 'A28015865',
      subtotal: 1250,
      taxAmount: 262.5,
      total: 1512.5,
      currency: 'EUR',
    });
    expect(payload.findings.filter((f) => f.code === 'total.mismatch')).toHaveLength(0);
  });

  test('when a text is longer than CLASSIFIER_MAX_TEXT_CHARS, then it is cut and the cut is a text.truncated warning', async () => {
    // Arrange
    const text = `${INVOICE}\nNotas:\n${'Gracias por su confianza. '.repeat(100)}`;

    // Act
    const result = await submit(text);

    // Assert
    const payload = result.payload as {
      findings: { code: string; severity: string; message: string }[];
      extraction: { fields: Record<string, { value: unknown }> };
    };
    expect(payload.findings).toContainEqual({
      code: 'text.truncated',
      severity: 'warning',
      message: `the text has ${text.length} characters; only the first 1000 were classified (CLASSIFIER_MAX_TEXT_CHARS)`,
    });
    expect(payload.extraction.fields.total?.value).toBe(1512.5);
  });

  test('when the text is garbled, then document.needs_review is emitted with the top candidates', async () => {
    // Act
    const result = await submit('x7 qq ~~ 0O0 lll ## zzkx 993 wq');

    // Assert
    expect(result.type).toBe('document.needs_review');
    expect(result.payload).toMatchObject({ reason: 'low_confidence' });
    expect((result.payload as { candidates: unknown[] }).candidates.length).toBeGreaterThan(1);
  });

  test('when an invoice total disagrees with its subtotal and tax, then it goes to review as validation_failed', async () => {
    // Act
    const result = await submit(INVOICE.replace('1.512,50 €', '1.612,50 €'));

    // Assert
    expect(result.type).toBe('document.needs_review');
    expect(result.payload).toMatchObject({ reason: 'validation_failed', docType: 'invoice' });
  });

  describe('vendor memory', () => {
    const a = receiptOfV(
      12,
      '03/02/2019',
      [
        ['BERAS 5KG', 21.5],
        ['GULA 1KG', 2.9],
      ],
      50,
    );
    const b = receiptOfV(
      57,
      '17/03/2019',
      [
        ['MINYAK 2L', 12.4],
        ['TEH 100S', 8.6],
      ],
      100,
    );
    const w = receiptOfW(
      8,
      '21/03/2019',
      [
        ['HAMMER', 18.9],
        ['NAILS 1KG', 6.5],
      ],
      50,
    );
    type Payload = {
      extraction: { fields: Record<string, { value: unknown; confidence: number }> };
      findings: { code: string; field?: string; message: string }[];
    };
    const valuesOf = (p: Payload) =>
      Object.fromEntries(Object.entries(p.extraction.fields).map(([k, v]) => [k, v.value]));

    /** A reviewer of `tenantId` corrected receipt A of vendor V (what the gateway stores on review). */
    async function teach(tenantId: string) {
      const documentId = randomUUID();
      await createVendorLayoutStore(ctx.db).remember({
        tenantId,
        documentId,
        version: 4,
        layout: learnLayout('receipt', a.text, { ...a.truth, paymentMethod: 'cash' })!,
        learnedAt: new Date(),
      });
      return `${tenantId}:${documentId}:v4`;
    }

    test("when a tenant's reviewer corrected a receipt of vendor V, then V's next receipt is read with the memory at once", async () => {
      // Arrange
      const tenantId = `tenant-${randomUUID().slice(0, 8)}`;
      const lesson = await teach(tenantId);

      // Act
      const result = (await submit(b.text, tenantId)).payload as Payload;

      // Assert
      expect(valuesOf(result)).toMatchObject(b.truth);
      expect(result.extraction.fields.total!.confidence).toBeGreaterThanOrEqual(0.9);
      expect(result.findings).toContainEqual(
        expect.objectContaining({ code: 'field.vendor_memory', field: 'total' }),
      );
      expect(result.findings.find((f) => f.field === 'total')?.message).toContain(lesson);
    });

    test("when another tenant receives vendor V's receipt, or the tenant one of vendor W, then no memory is used", async () => {
      // Arrange
      const tenantId = `tenant-${randomUUID().slice(0, 8)}`;
      await teach(tenantId);

      // Act
      const otherTenant = (await submit(b.text)).payload as Payload;
      const otherVendor = (await submit(w.text, tenantId)).payload as Payload;

      // Assert
      for (const p of [otherTenant, otherVendor])
        expect(p.findings.some((f) => f.code === 'field.vendor_memory')).toBe(false);
      expect(valuesOf(otherTenant).total).not.toBe(b.truth.total);
      expect(valuesOf(otherVendor)).toMatchObject(w.truth);
    });
  });
});
