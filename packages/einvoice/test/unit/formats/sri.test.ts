import { EInvoiceError, readEInvoice } from '@docflow/einvoice';
import {
  SRI_FACTURA,
  SRI_MULTI_RATE,
  SRI_NOTA_CREDITO,
  sriAutorizacionXml,
  sriComprobanteXml,
} from '@docflow/fixtures';

function refusal(xml: string): EInvoiceError {
  try {
    readEInvoice(xml);
  } catch (err) {
    if (err instanceof EInvoiceError) return err;
    throw err;
  }
  throw new Error('readEInvoice accepted the document');
}

describe('SRI Ecuador reader', () => {
  it('when a bare factura is read, then number, parties, lines, taxes, totals and payment are mapped', () => {
    const { invoice } = readEInvoice(sriComprobanteXml(SRI_FACTURA));

    expect(invoice).toMatchObject({
      syntax: 'sri',
      profile: null,
      version: '1.1.0',
      typeCode: '01',
      docType: 'invoice',
      number: '001-002-000000123',
      issueDate: '2026-03-02',
      dueDate: null,
      currency: 'USD',
    });
    expect(invoice.seller).toEqual({
      name: 'Ferretería del Pichincha Cía. Ltda.',
      taxId: '1792146739001',
      address: {
        street: 'Av. 10 de Agosto N21-35, Quito',
        city: null,
        postcode: null,
        country: 'EC',
      },
    });
    expect(invoice.buyer).toEqual({
      name: 'Comercial Andina S.A.',
      taxId: '0992339411001',
      address: { street: 'Malecón 100, Guayaquil', city: null, postcode: null, country: 'EC' },
    });
    expect(invoice.lines).toEqual([
      {
        description: 'Taladro percutor',
        quantity: 2,
        unitCode: null,
        unitPrice: 55,
        net: 100,
        vatRate: 15,
        vatCategory: 'S',
      },
    ]);
    expect(invoice.taxes).toEqual([{ rate: 15, category: 'S', basis: 100, amount: 15 }]);
    expect(invoice.totals).toMatchObject({
      net: 100,
      tax: 15,
      total: 115,
      due: 115,
      withheld: null,
    });
    expect(invoice.payment).toEqual({
      terms: '30 dias',
      dueDate: null,
      iban: null,
      bic: null,
      means: '20',
    });
  });

  it('when the factura comes inside the autorizacion as CDATA, then it is read and the estado recorded', () => {
    const { invoice } = readEInvoice(sriAutorizacionXml(sriComprobanteXml(SRI_FACTURA)));

    expect(invoice).toMatchObject({
      profile: 'autorizacion AUTORIZADO',
      number: '001-002-000000123',
      totals: expect.objectContaining({ total: 115 }),
    });
  });

  it('when the autorizacion keeps the web service namespace, then it is unwrapped all the same', () => {
    const xml = sriAutorizacionXml(sriComprobanteXml(SRI_FACTURA))
      .replace('<autorizacion>', '<ns2:autorizacion xmlns:ns2="http://ec.gob.sri.ws.autorizacion">')
      .replace('</autorizacion>', '</ns2:autorizacion>');

    expect(readEInvoice(xml).invoice).toMatchObject({ syntax: 'sri', number: '001-002-000000123' });
  });

  it('when a nota de crédito (codDoc 04) is read, then it is a credit note crediting valorModificacion', () => {
    const { invoice } = readEInvoice(sriAutorizacionXml(sriComprobanteXml(SRI_NOTA_CREDITO)));

    expect(invoice).toMatchObject({
      typeCode: '04',
      docType: 'credit_note',
      number: '001-002-000000007',
      issueDate: '2026-03-09',
    });
    expect(invoice.lines[0]).toMatchObject({ description: 'Taladro percutor (devuelto)', net: 50 });
    expect(invoice.taxes).toEqual([{ rate: 15, category: 'S', basis: 50, amount: 7.5 }]);
    expect(invoice.totals).toMatchObject({ net: 50, tax: 7.5, total: 57.5, due: 57.5 });
  });

  it('when IVA has several codigoPorcentaje without tarifa, then each rate comes from the code list', () => {
    const { invoice } = readEInvoice(sriComprobanteXml(SRI_MULTI_RATE));

    expect(invoice.version).toBe('2.1.0');
    expect(invoice.taxes).toEqual([
      { rate: 15, category: 'S', basis: 100, amount: 15 },
      { rate: 0, category: 'Z', basis: 50, amount: 0 },
      { rate: 0, category: 'E', basis: 30, amount: 0 },
    ]);
    expect(invoice.lines.map((l) => l.vatCategory)).toEqual(['S', 'Z', 'E']);
    expect(invoice.totals).toMatchObject({ net: 180, tax: 15, total: 195, due: 195 });
  });

  it('when the factura states retentions, then they are withheld and not due', () => {
    const xml = sriComprobanteXml({
      ...SRI_FACTURA,
      extra:
        '<propina>0.00</propina><valorRetIva>4.50</valorRetIva><valorRetRenta>1.75</valorRetRenta>',
    });

    expect(readEInvoice(xml).invoice.totals).toMatchObject({
      total: 115,
      withheld: 6.25,
      due: 108.75,
    });
  });

  it('when the service answer holds several autorizaciones, then the AUTORIZADO one is read', () => {
    const rejected = sriAutorizacionXml(
      sriComprobanteXml(SRI_NOTA_CREDITO),
      'NO AUTORIZADO',
    ).replace(/^<\?xml[^>]*>\s*/, '');
    const accepted = sriAutorizacionXml(sriComprobanteXml(SRI_FACTURA)).replace(
      /^<\?xml[^>]*>\s*/,
      '',
    );
    const xml = `<RespuestaAutorizacionComprobante><claveAccesoConsultada>x</claveAccesoConsultada><numeroComprobantes>2</numeroComprobantes>
<autorizaciones>${rejected}${accepted}</autorizaciones></RespuestaAutorizacionComprobante>`;

    expect(readEInvoice(xml).invoice).toMatchObject({
      profile: 'autorizacion AUTORIZADO',
      typeCode: '01',
    });
  });

  it.each([
    ['factura', sriComprobanteXml(SRI_FACTURA)],
    ['nota de crédito', sriAutorizacionXml(sriComprobanteXml(SRI_NOTA_CREDITO))],
    ['multi-rate factura', sriComprobanteXml(SRI_MULTI_RATE)],
  ])('when the generated %s is validated, then EN 16931 finds nothing', (_kind, xml) => {
    expect(readEInvoice(xml).findings).toEqual([]);
  });

  it('when importeTotal disagrees with the net and taxes, then validation reports BR-CO-15', () => {
    const { findings } = readEInvoice(sriComprobanteXml({ ...SRI_FACTURA, total: '125.00' }));

    expect(findings).toContainEqual(
      expect.objectContaining({ rule: 'BR-CO-15', field: 'totals.total', severity: 'error' }),
    );
  });

  it('when the autorizacion has an empty comprobante, then it is refused as unreadable, saying why', () => {
    const err = refusal(sriAutorizacionXml(''));

    expect(err.code).toBe('EINVOICE_UNREADABLE');
    expect(err.message).toMatch(/no comprobante/);
  });

  it('when the comprobante in the CDATA is not well-formed, then it is refused as malformed, naming the comprobante', () => {
    const err = refusal(
      sriAutorizacionXml(sriComprobanteXml(SRI_FACTURA).replace('</detalles>', '')),
    );

    expect(err.code).toBe('XML_MALFORMED');
    expect(err.message).toMatch(/autorizacion's comprobante: the XML is not well-formed/);
  });

  it('when the comprobante in the CDATA declares a DTD, then it is refused like any other XML', () => {
    const xxe =
      '<?xml version="1.0"?><!DOCTYPE factura [<!ENTITY x SYSTEM "file:///etc/passwd">]><factura><infoTributaria>&x;</infoTributaria></factura>';

    expect(refusal(sriAutorizacionXml(xxe)).code).toBe('XML_DTD_REFUSED');
  });

  it('when the autorizacion carries a comprobante de retención, then it is refused as no invoice', () => {
    const retencion =
      '<comprobanteRetencion id="comprobante" version="2.0.0"><infoTributaria><codDoc>07</codDoc></infoTributaria></comprobanteRetencion>';
    const err = refusal(sriAutorizacionXml(retencion));

    expect(err.code).toBe('EINVOICE_UNREADABLE');
    expect(err.message).toMatch(/comprobanteRetencion/);
  });
});
