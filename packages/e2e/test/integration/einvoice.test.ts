import { COLLECTIONS } from '@docflow/documents';
import {
  GERMAN_INVOICE,
  PERUVIAN_INVOICE,
  ciiInvoiceXml,
  facturxPdf,
  ublInvoiceXml,
} from '@docflow/fixtures';
import { READY_TIMEOUT_MS, waitFor } from '@docflow/testing';
import { startPipeline, type Pipeline } from '../support/pipeline';

/** Pages the OCR stage read by method, from its metrics. */
async function ocrPages(pipeline: Pipeline): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  const line = /^docflow_ocr_pages_total\{([^}]*)\} (\d+)$/gm;
  for (const [, labels, value] of (await pipeline.metrics('ocr')).matchAll(line)) {
    const method = /method="([^"]+)"/.exec(labels!)?.[1] ?? 'unknown';
    counts[method] = (counts[method] ?? 0) + Number(value);
  }
  return counts;
}

describe('structured e-invoices through the whole pipeline', () => {
  let pipeline: Pipeline;
  let key: string;

  beforeAll(async () => {
    pipeline = await startPipeline({ name: 'e2e-einvoice' });
    key = await pipeline.createTenant();
  }, READY_TIMEOUT_MS + 60_000);

  afterAll(async () => {
    await pipeline?.stop();
  });

  const publish = async (name: string, bytes: Buffer) => {
    const form = new FormData();
    form.append('file', new Blob([bytes]), name);
    const accepted = await pipeline.api('POST', '/v1/documents', key, form);
    expect(accepted.status).toBe(202);
    const id = accepted.body.documents[0].id as string;
    const doc = await waitFor(
      async () => {
        const view = (await pipeline.api('GET', `/v1/documents/${id}`, key)).body;
        return ['published', 'needs_review', 'rejected', 'failed'].includes(view.status)
          ? view
          : null;
      },
      90_000,
      `${name} settled`,
    );
    expect(doc).toMatchObject({ status: 'published' });
    const record = await pipeline.ctx.db
      .collection(COLLECTIONS.invoices)
      .findOne({ documentId: id });
    return { doc, record };
  };

  it('when a Factur-X PDF and a UBL XML are uploaded, then both are published from their XML with exact fields and no OCR', async () => {
    const pdf = await facturxPdf(GERMAN_INVOICE, ciiInvoiceXml(GERMAN_INVOICE));
    const factur = await publish('rechnung-facturx.pdf', pdf);
    expect(factur.doc.scan).toMatchObject({
      detectedType: 'pdf',
      einvoice: {
        container: 'pdf',
        attachment: 'factur-x.xml',
        syntax: 'cii',
        profile: 'urn:cen.eu:en16931:2017',
      },
    });
    expect(factur.doc.result).toMatchObject({
      docType: 'invoice',
      confidence: 1,
      modelVersion: 'embedded_xml',
    });
    expect(factur.doc.result.fields.total).toEqual({
      value: 222.65,
      confidence: 1,
      method: 'embedded_xml',
    });
    expect(factur.record).toMatchObject({
      docType: 'invoice',
      number: 'RE-2024-0815',
      issueDate: '2024-07-05',
      dueDate: '2024-08-04',
      currency: 'EUR',
      seller: {
        name: 'Muster Bürobedarf GmbH',
        taxId: 'DE136695976',
        address: { street: 'Hauptstraße 12', city: 'Berlin', postcode: '10115', country: 'DE' },
      },
      buyer: { name: 'Beispiel Handels AG', taxId: 'DE811128135' },
      subtotal: 189.6,
      taxTotal: 33.05,
      taxLines: [
        { rate: 19, amount: 31.31, basis: 164.8, category: 'S' },
        { rate: 7, amount: 1.74, basis: 24.8, category: 'S' },
      ],
      total: 222.65,
      amountDue: 222.65,
      paymentTerms: 'Zahlbar innerhalb von 30 Tagen ohne Abzug',
      iban: 'DE89370400440532013000',
      bic: 'COBADEFFXXX',
      source: { method: 'embedded_xml', syntax: 'cii', profile: 'urn:cen.eu:en16931:2017' },
    });
    expect(factur.record!.lineItems).toHaveLength(3);

    const ubl = await publish(
      'factura-sunat.xml',
      Buffer.from(ublInvoiceXml(PERUVIAN_INVOICE, 'sunat')),
    );
    expect(ubl.doc.scan).toMatchObject({
      detectedType: 'xml',
      einvoice: { container: 'xml', syntax: 'ubl' },
    });
    expect(ubl.record).toMatchObject({
      docType: 'invoice',
      number: 'F001-00004711',
      currency: 'PEN',
      seller: { name: 'Importaciones del Pacífico S.A.C.', taxId: '20601030013' },
      buyer: { name: 'Supermercados Peruanos S.A.', taxId: '20100070970' },
      subtotal: 1536,
      taxTotal: 276.48,
      total: 1812.48,
      amountDue: 1812.48,
      source: { method: 'embedded_xml', syntax: 'ubl' },
    });

    // the text was extracted (text layer, XML), never Tesseract
    const pages = await ocrPages(pipeline);
    expect(pages).toMatchObject({ text_layer: 1, xml: 1 });
    expect(pages.ocr ?? 0).toBe(0);
  }, 240_000);

  it('when a Factur-X page shows another total than its XML, then it waits for review with embedded_xml.mismatch', async () => {
    const pdf = await facturxPdf(
      { ...GERMAN_INVOICE, number: 'RE-2024-0816' },
      ciiInvoiceXml(GERMAN_INVOICE),
      {
        shownTotal: 2226.5,
      },
    );
    const form = new FormData();
    form.append('file', new Blob([pdf]), 'rechnung-falsch.pdf');
    const id = (await pipeline.api('POST', '/v1/documents', key, form)).body.documents[0]
      .id as string;
    const doc = await waitFor(
      async () => {
        const view = (await pipeline.api('GET', `/v1/documents/${id}`, key)).body;
        return view.status === 'needs_review' ? view : null;
      },
      90_000,
      'the mismatched invoice waiting for review',
    );
    expect(doc.result.findings).toContainEqual(
      expect.objectContaining({ code: 'embedded_xml.mismatch', severity: 'error' }),
    );
  }, 120_000);
});
