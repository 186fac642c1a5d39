import { TextDecoder } from 'node:util';
import { EInvoiceError } from './einvoice-error';

const DECLARED_ENCODING = /^<\?xml[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/;

/**
 * The characters of an XML file: UTF-8 unless a byte-order mark or the XML declaration says
 * otherwise (FatturaPA and Facturae files are often ISO-8859-1 or windows-1252).
 */
export function decodeXml(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 200)).replace(/^\uFEFF|^ï»¿/, '');
  const declared = DECLARED_ENCODING.exec(head)?.[1]?.toLowerCase() ?? 'utf-8';
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(declared, { fatal: declared === 'utf-8' || declared === 'utf8' });
  } catch (cause) {
    throw new EInvoiceError('XML_MALFORMED', `unsupported XML encoding "${declared}"`, { cause });
  }
  try {
    return decoder.decode(bytes);
  } catch (cause) {
    throw new EInvoiceError('XML_MALFORMED', `the XML is not valid ${declared}`, { cause });
  }
}
