import type { EInvoice } from '../../model';
import { clean, isoDate } from '../../values';
import { at, attribute, textAt, type XmlElement } from '../../xml';
import { CREDIT_NOTE_TYPES } from './codes';
import { readLines, readTaxes } from './lines';
import { readParty } from './party';
import { readPayment, readTotals } from './totals';

/** The syntax version FatturaPA 1.2.x files declare by their namespace (…/fatture/v1.2). */
export const FATTURAPA_VERSION = '1.2';

/**
 * One invoice of a FatturaPA file: the header (seller, buyer) is shared, each
 * FatturaElettronicaBody is one invoice. `profile` is the transmission format (FPA12 for public
 * administrations, FPR12 between private parties).
 */
export function readBody(root: XmlElement, body: XmlElement): EInvoice {
  const header = at(root, 'FatturaElettronicaHeader');
  const general = at(body, 'DatiGenerali/DatiGeneraliDocumento');
  const goods = at(body, 'DatiBeniServizi');
  const typeCode = clean(textAt(general, 'TipoDocumento'));
  const lines = readLines(goods);
  const taxes = readTaxes(goods);
  const payment = readPayment(body);
  return {
    syntax: 'fatturapa',
    profile:
      clean(attribute(root, 'versione')) ??
      clean(textAt(header, 'DatiTrasmissione/FormatoTrasmissione')),
    version: FATTURAPA_VERSION,
    typeCode,
    docType: typeCode !== null && CREDIT_NOTE_TYPES.has(typeCode) ? 'credit_note' : 'invoice',
    number: clean(textAt(general, 'Numero')),
    issueDate: isoDate(textAt(general, 'Data')),
    dueDate: payment.dueDate,
    currency: clean(textAt(general, 'Divisa')),
    seller: readParty(at(header, 'CedentePrestatore')),
    buyer: readParty(at(header, 'CessionarioCommittente')),
    lines,
    taxes,
    totals: readTotals(body, lines, taxes),
    payment,
  };
}
