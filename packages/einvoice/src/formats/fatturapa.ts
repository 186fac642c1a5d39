import { EInvoiceError } from '../einvoice-error';
import type { EInvoiceReader } from '../format';
import type { EInvoice } from '../model';
import { children, type XmlElement } from '../xml';
import { readBody } from './fatturapa/body';

/**
 * FatturaPA 1.2.x (FPA12 and FPR12 alike): one namespace for every 1.2 revision, the Agenzia
 * delle Entrate's since 2017 and the first 1.2 schema's before it.
 */
export const FATTURAPA_NAMESPACES: ReadonlySet<string> = new Set([
  'http://ivaservizi.agenziaentrate.gov.it/docs/xsd/fatture/v1.2',
  'http://www.fatturapa.gov.it/sdi/fatturapa/v1.2',
]);

/**
 * Every invoice of a FatturaPA file, in order: a file may be a lotto, one header (seller, buyer)
 * with several FatturaElettronicaBody, each its own invoice. The registry reads the first (the
 * model is one invoice per document); callers that want the whole lotto use this.
 */
export function readFatturapaInvoices(root: XmlElement): EInvoice[] {
  const bodies = children(root, 'FatturaElettronicaBody');
  if (bodies.length === 0) {
    throw new EInvoiceError(
      'EINVOICE_UNREADABLE',
      'the FatturaPA file has no FatturaElettronicaBody: it carries no invoice',
    );
  }
  return bodies.map((body) => readBody(root, body));
}

export const fatturapaReader: EInvoiceReader = {
  syntax: 'fatturapa',
  matches: (root) => root.name === 'FatturaElettronica' && FATTURAPA_NAMESPACES.has(root.ns),
  read: (root) => readFatturapaInvoices(root)[0]!,
};
