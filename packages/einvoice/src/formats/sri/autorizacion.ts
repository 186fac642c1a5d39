import { EInvoiceError } from '../../einvoice-error';
import { clean } from '../../values';
import { all, child, parseXml, text, textAt, type XmlElement } from '../../xml';

/** The comprobantes the SRI reader maps: factura (codDoc 01) and notaCredito (codDoc 04). */
export const COMPROBANTES: ReadonlySet<string> = new Set(['factura', 'notaCredito']);

/** Roots that wrap a comprobante: a saved autorización, or the authorisation web service's answer. */
export const WRAPPERS: ReadonlySet<string> = new Set([
  'autorizacion',
  'RespuestaAutorizacionComprobante',
]);

export interface Unwrapped {
  comprobante: XmlElement;
  /** "autorizacion AUTORIZADO" (the estado the SRI gave), or null for a bare comprobante. */
  profile: string | null;
}

/**
 * The comprobante inside an SRI authorisation: `comprobante` holds the signed XML as CDATA (or
 * escaped text, or, from some tools, as child elements). The inner text is untrusted XML too and
 * goes through the same hardened parser. Of several autorizaciones, the first AUTORIZADO wins.
 */
export function unwrap(root: XmlElement): Unwrapped {
  if (!WRAPPERS.has(root.name)) return { comprobante: root, profile: null };
  const candidates =
    root.name === 'autorizacion' ? [root] : all(root, 'autorizaciones/autorizacion');
  const chosen = candidates.find((a) => textAt(a, 'estado') === 'AUTORIZADO') ?? candidates[0];
  const holder = child(chosen, 'comprobante');
  const inner = holder?.children.find((c) => COMPROBANTES.has(c.name)) ?? parseInner(text(holder));
  if (!COMPROBANTES.has(inner.name)) {
    throw new EInvoiceError(
      'EINVOICE_UNREADABLE',
      `the SRI autorizacion carries a <${inner.name}>, not a factura or notaCredito`,
      { details: { comprobante: inner.name } },
    );
  }
  const estado = clean(textAt(chosen, 'estado'));
  return { comprobante: inner, profile: estado ? `autorizacion ${estado}` : 'autorizacion' };
}

function parseInner(xml: string | null): XmlElement {
  if (xml === null) {
    throw new EInvoiceError(
      'EINVOICE_UNREADABLE',
      'the SRI autorizacion has no comprobante: it carries no invoice',
    );
  }
  try {
    return parseXml(xml);
  } catch (err) {
    if (!(err instanceof EInvoiceError)) throw err;
    throw new EInvoiceError(err.reason, `the SRI autorizacion's comprobante: ${err.message}`, {
      cause: err,
    });
  }
}
