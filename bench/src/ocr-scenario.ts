import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { promisify } from 'node:util';
import { connect } from 'amqplib';
import sharp from 'sharp';
import { buildTopology, EXCHANGES, type AnyEvent } from '@docflow/contracts';
import { createBlobStore } from '@docflow/documents';
import { declareTopology, originEvent, parseConfig } from '@docflow/platform';
import { ocrConfigSchema, startOcr } from '@docflow/ocr';
import { sandbox, type Servers } from './sandbox';

const run = promisify(execFile);

const LINES = [
  'FACTURA 2024-0342  Distribuciones Pérez y Muñoz, S.L.',
  'Cliente: Papelería Núñez, avenida de la Constitución 7, Sevilla',
  'Cuadernos de tapa dura, tamaño A4      25 x 3,40     85,00',
  'INVOICE 2024-0117  Northwind Supplies Ltd, Bristol BS1 5TY',
  'Office chairs, ergonomic, black       4 x 189.00    756.00',
  'Subtotal 1692.00   VAT 20% 338.40   Total GBP 2030.40',
];

/** `n` different page images (300 dpi grayscale PNG, text rendered by sharp/pango). */
export async function makePages(n: number): Promise<Buffer[]> {
  return Promise.all(
    Array.from({ length: n }, async (_, i) => {
      const text = [`Page ${i + 1}`, ...LINES.slice(i % 3), ...LINES.slice(0, i % 3)].join('\n');
      const rendered = sharp({ text: { text, font: 'DejaVu Sans 11', dpi: 300 } });
      return sharp(await rendered.png().toBuffer())
        .extend({
          top: 80,
          bottom: 80,
          left: 80,
          right: 80,
          background: { r: 0, g: 0, b: 0, alpha: 0 },
        })
        .flatten({ background: '#ffffff' })
        .greyscale()
        .withMetadata({ density: 300 })
        .png()
        .toBuffer();
    }),
  );
}

/** (o1) Pages/s through the OCR stage: blob, document.scanned, OCR, text store, text_extracted. */
export async function ocrStage(
  servers: Servers,
  pages: Buffer[],
  workers: number,
): Promise<number> {
  const box = await sandbox(servers, 'bench_ocr');
  const db = box.db;
  const ocr = await startOcr(
    parseConfig(ocrConfigSchema, {
      AMQP_URL: box.amqpUrl,
      MONGODB_URL: servers.mongoUrl,
      MONGODB_DATABASE: box.name,
      HTTP_PORT: '0',
      LOG_LEVEL: 'warn',
      OCR_ENGINE: 'native',
      OCR_WORKERS: String(workers),
      AMQP_PREFETCH: String(workers * 2),
    }),
  );
  const model = await connect(box.amqpUrl);
  try {
    const channel = await model.createConfirmChannel();
    await declareTopology(channel, buildTopology());
    const { queue } = await channel.assertQueue('', { exclusive: true });
    await channel.bindQueue(queue, EXCHANGES.events.name, 'document.text_extracted');
    let done = 0;
    let finish: () => void = () => undefined;
    const finished = new Promise<void>((resolve) => (finish = resolve));
    await channel.consume(queue, () => ++done === pages.length && finish(), { noAck: true });
    const blobs = createBlobStore(db);
    const events: AnyEvent[] = [];
    for (const page of pages) {
      const documentId = randomUUID();
      const stored = await blobs.upload(Readable.from([page]), {
        filename: 'page.png',
        maxBytes: 1e8,
        id: documentId,
      });
      events.push(
        originEvent(
          'document.scanned',
          {
            blob: stored.ref,
            detectedType: 'png',
            mimeType: 'image/png',
            sizeBytes: stored.sizeBytes,
            sha256: stored.sha256,
            antivirus: { status: 'clean' },
          },
          { tenantId: 'bench', documentId },
        ),
      );
    }
    const started = performance.now();
    for (const event of events)
      channel.publish(EXCHANGES.events.name, event.type, Buffer.from(JSON.stringify(event)), {
        persistent: true,
      });
    await channel.waitForConfirms();
    await finished;
    return pages.length / ((performance.now() - started) / 1000);
  } finally {
    await model.close().catch(() => undefined);
    await ocr.stop();
    await box.dispose();
  }
}

/** (o2) Pages/s of the tesseract CLI run directly on the same images, `workers` processes at once. */
export async function tesseractCli(pages: Buffer[], workers: number): Promise<number> {
  const dir = await mkdtemp(join(tmpdir(), 'docflow-bench-ocr-'));
  try {
    const files = await Promise.all(
      pages.map(async (page, i) => {
        const file = join(dir, `page-${i}.png`);
        await writeFile(file, page);
        return file;
      }),
    );
    const started = performance.now();
    let nextIndex = 0;
    await Promise.all(
      Array.from({ length: workers }, async () => {
        while (nextIndex < files.length) {
          const file = files[nextIndex++]!;
          await run('tesseract', [file, `${file}.out`, '-l', 'eng+spa', '--psm', '1', 'tsv'], {
            env: { ...process.env, OMP_THREAD_LIMIT: '1' },
          });
        }
      }),
    );
    return pages.length / ((performance.now() - started) / 1000);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
