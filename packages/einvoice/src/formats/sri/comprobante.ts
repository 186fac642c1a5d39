import type { EInvoice, EInvoicePayment, EInvoiceTax, EInvoiceTotals } from '../../model';
import { emptyPayment } from '../../model';
import { clean, decimal, isoDate } from '../../values';
import { at, attribute, textAt, type XmlElement } from '../../xml';
import { roundAmount, sumAmounts } from '../sum-amounts';
import { CREDIT_NOTE_COD_DOC, ECUADORIAN_ID_TYPES, currency } from './codes';
import { readLines, readTaxes } from './lines';

/**
 * A factura or notaCredito comprobante. The number is estab-ptoEmi-secuencial as printed on the
 * RIDE (001-001-000000123); `typeCode` is codDoc (01 factura, 04 nota de crédito). The seller is
 * the RUC holder at its dirMatriz; the buyer is identified by identificacionComprador (RUC,
 * cédula, passport, 9999999999999 for consumidor final). SRI states no line total: it is the sum
 * of the lines' precioTotalSinImpuesto.
 */
export function readComprobante(root: XmlElement, profile: string | null): EInvoice {
  const tributaria = at(root, 'infoTributaria');
  const creditNote = root.name === 'notaCredito';
  const info = at(root, creditNote ? 'infoNotaCredito' : 'infoFactura');
  const codDoc = clean(textAt(tributaria, 'codDoc'));
  const idType = clean(textAt(info, 'tipoIdentificacionComprador'));
  const numberParts = ['estab', 'ptoEmi', 'secuencial'].map((p) => clean(textAt(tributaria, p)));
  const lines = readLines(root);
  const taxes = readTaxes(info);
  const lineTotal = sumAmounts(lines.map((l) => l.net));
  return {
    syntax: 'sri',
    profile,
    version: clean(attribute(root, 'version')),
    typeCode: codDoc,
    docType: creditNote || codDoc === CREDIT_NOTE_COD_DOC ? 'credit_note' : 'invoice',
    number: numberParts.every(Boolean) ? numberParts.join('-') : null,
    issueDate: isoDate(textAt(info, 'fechaEmision')),
    dueDate: null,
    currency: currency(clean(textAt(info, 'moneda'))),
    seller: {
      name: clean(textAt(tributaria, 'razonSocial')),
      taxId: clean(textAt(tributaria, 'ruc')),
      address: {
        street: clean(textAt(tributaria, 'dirMatriz')),
        city: null,
        postcode: null,
        country: 'EC',
      },
    },
    buyer: {
      name: clean(textAt(info, 'razonSocialComprador')),
      taxId: clean(textAt(info, 'identificacionComprador')),
      address: {
        street: clean(textAt(info, 'direccionComprador')),
        city: null,
        postcode: null,
        country: idType !== null && ECUADORIAN_ID_TYPES.has(idType) ? 'EC' : null,
      },
    },
    lines,
    taxes,
    totals: {
      ...(creditNote ? creditNoteTotals(info, taxes) : invoiceTotals(info, taxes)),
      lineTotal,
    },
    payment: creditNote ? emptyPayment() : readPayment(info),
  };
}

/**
 * importeTotal is net + taxes + propina (a tip, which has no place in the model: where present,
 * total exceeds net + tax by it). valorRetIva and valorRetRenta (retentions the issuer applies in
 * a few sectors) are `withheld`, so due = importeTotal − retentions.
 */
function invoiceTotals(info: XmlElement | undefined, taxes: EInvoiceTax[]): EInvoiceTotals {
  const total = decimal(textAt(info, 'importeTotal'));
  const withheld = sumAmounts([
    decimal(textAt(info, 'valorRetIva')),
    decimal(textAt(info, 'valorRetRenta')),
  ]);
  return {
    lineTotal: null,
    allowances: null,
    charges: null,
    net: decimal(textAt(info, 'totalSinImpuestos')),
    tax: sumAmounts(taxes.map((t) => t.amount)),
    total,
    prepaid: null,
    due: total === null ? null : roundAmount(total - (withheld ?? 0)),
    withheld,
  };
}

/** A nota de crédito states its net and valorModificacion, the amount credited (with taxes). */
function creditNoteTotals(info: XmlElement | undefined, taxes: EInvoiceTax[]): EInvoiceTotals {
  const total = decimal(textAt(info, 'valorModificacion'));
  return {
    lineTotal: null,
    allowances: null,
    charges: null,
    net: decimal(textAt(info, 'totalSinImpuestos')),
    tax: sumAmounts(taxes.map((t) => t.amount)),
    total,
    prepaid: null,
    due: total,
  };
}

/** pagos/pago: the first formaPago (01 cash, 19 credit card, 20 other via the financial system) and plazo. */
function readPayment(info: XmlElement | undefined): EInvoicePayment {
  const pago = at(info, 'pagos/pago');
  const plazo = clean(textAt(pago, 'plazo'));
  const unit = clean(textAt(pago, 'unidadTiempo'));
  return {
    ...emptyPayment(),
    terms: plazo !== null && plazo !== '0' ? `${plazo} ${unit ?? 'dias'}` : null,
    means: clean(textAt(pago, 'formaPago')),
  };
}
