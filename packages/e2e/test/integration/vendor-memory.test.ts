import { READY_TIMEOUT_MS, waitFor } from '@docflow/testing';
import { startPipeline, type Pipeline } from '../support/pipeline';

const money = (n: number) => n.toFixed(2).padStart(8);

/** A till receipt whose total (`BERSIH`, after a service charge) the extractors misread. */
function receipt(n: number, day: string, items: [string, number][], paid: number) {
  const sum = items.reduce((s, [, a]) => s + a, 0);
  const total = Math.round(sum * 110) / 100;
  const [d, m, y] = day.split('/');
  const text = [
    'KEDAI RUNCIT SENTOSA SDN BHD',
    '(GST REG 001234567890)',
    'NO 5 JALAN MAWAR, 43000 KAJANG',
    `RESIT ${String(n).padStart(5, '0')}    ${d}.${m}.${y} 10:4${n % 10}`,
    ...items.map(([what, amount]) => `${what.padEnd(24)}${money(amount)}`),
    `JUMLAH                  ${money(sum)}`,
    `CAJ PERKHIDMATAN 10%    ${money(total - sum)}`,
    `BERSIH                  ${money(total)}`,
    `TUNAI                   ${money(paid)}`,
    `BAKI                    ${money(paid - total)}`,
    'TERIMA KASIH',
  ].join('\n');
  return {
    text,
    truth: { merchantName: 'KEDAI RUNCIT SENTOSA SDN BHD', date: `${y}-${m}-${d}`, total },
  };
}

describe('vendor memory through the pipeline: a review teaches the next document at once', () => {
  let pipeline: Pipeline;
  beforeAll(async () => {
    pipeline = await startPipeline({ name: 'e2e-vendor-memory' });
  }, READY_TIMEOUT_MS + 60_000);
  afterAll(async () => {
    await pipeline?.stop();
  });

  /** Uploads a text file and waits until the document settled; returns its view. */
  async function read(key: string, name: string, text: string) {
    const form = new FormData();
    form.append('file', new Blob([text]), name);
    const accepted = await pipeline.api('POST', '/v1/documents', key, form);
    expect(accepted.status).toBe(202);
    const id = accepted.body.documents[0].id as string;
    return waitFor(
      async () => {
        const view = (await pipeline.api('GET', `/v1/documents/${id}`, key)).body;
        return ['published', 'needs_review', 'failed', 'rejected'].includes(view.status)
          ? view
          : null;
      },
      120_000,
      `${name} settled`,
    );
  }
  const valuesOf = (view: { result: { fields: Record<string, { value: unknown }> } }) =>
    Object.fromEntries(Object.entries(view.result.fields).map(([k, f]) => [k, f.value]));

  it("when a reviewer corrects vendor V's receipt, then V's next receipt is read right for that tenant only", async () => {
    // Arrange
    const a = receipt(
      12,
      '03/02/2019',
      [
        ['BERAS 5KG', 21.5],
        ['GULA 1KG', 2.9],
      ],
      50,
    );
    const b = receipt(
      57,
      '17/03/2019',
      [
        ['MINYAK 2L', 12.4],
        ['TEH 100S', 8.6],
      ],
      100,
    );
    const key = await pipeline.createTenant();
    const other = await pipeline.createTenant();
    const first = await read(key, 'a.txt', a.text);
    expect(valuesOf(first).total).not.toBe(a.truth.total);
    const before = await read(key, 'b-before.txt', b.text);
    expect(valuesOf(before).total).not.toBe(b.truth.total);

    // Act
    const reviewed = await pipeline.api('POST', `/v1/documents/${first.id}/review`, key, {
      docType: 'receipt',
      fields: a.truth,
    });
    const after = await read(key, 'b-after.txt', b.text);
    const otherTenant = await read(other, 'b.txt', b.text);

    // Assert
    expect(reviewed.status).toBe(200);
    expect(valuesOf(after)).toMatchObject(b.truth);
    expect(after.result.findings).toContainEqual(
      expect.objectContaining({ code: 'field.vendor_memory', field: 'total' }),
    );
    expect(valuesOf(otherTenant).total).toBe(valuesOf(before).total);
    expect(
      otherTenant.result.findings.some((f: { code: string }) => f.code === 'field.vendor_memory'),
    ).toBe(false);
  }, 300_000);
});
