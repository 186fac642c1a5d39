import type { EInvoiceReader } from '../format';
import { child, type XmlElement } from '../xml';
import { COMPROBANTES, WRAPPERS, unwrap } from './sri/autorizacion';
import { readComprobante } from './sri/comprobante';

/**
 * SRI Ecuador comprobantes electrónicos (factura 1.0.0–2.1.0 and notaCredito 1.0.0/1.1.0), bare
 * or inside the autorizacion the SRI returns (the invoice as CDATA in `comprobante`). Comprobantes
 * carry no namespace: a factura is recognised by its root name and its infoTributaria. The
 * wrapper may keep the web service's namespace (http://ec.gob.sri.ws.autorizacion).
 */
export const sriReader: EInvoiceReader = {
  syntax: 'sri',
  matches: (root: XmlElement) =>
    WRAPPERS.has(root.name) ||
    (root.ns === '' && COMPROBANTES.has(root.name) && child(root, 'infoTributaria') !== undefined),
  read: (root) => {
    const { comprobante, profile } = unwrap(root);
    return readComprobante(comprobante, profile);
  },
};
