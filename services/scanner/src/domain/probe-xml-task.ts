import { join } from 'node:path';
import { DEFAULT_XML_LIMITS, EInvoiceError, readEInvoice } from '@docflow/einvoice';

/** What the hardened parse made of an XML file: an e-invoice, other well-formed XML, or a refusal. */
export type XmlVerdict =
  | {
      ok: true;
      einvoice?: { syntax: string; profile?: string; version?: string; typeCode?: string };
    }
  | { ok: false; code: string; message: string };

export interface ProbeXmlInput {
  xml: Uint8Array;
  maxBytes: number;
}

/** This module, for the budget runner (resolved to .js when built, .ts under jest). */
export const PROBE_XML_TASK_MODULE = join(__dirname, 'probe-xml-task');

/**
 * Parses an XML file hardened (@docflow/einvoice: no DTDs or entities, size and depth caps) and,
 * when a reader recognises it, names its syntax and profile. Runs in the scanner's budget runner.
 */
export function probeXmlTask(input: ProbeXmlInput): XmlVerdict {
  try {
    const { invoice } = readEInvoice(input.xml, {
      limits: { ...DEFAULT_XML_LIMITS, maxBytes: input.maxBytes },
    });
    return {
      ok: true,
      einvoice: {
        syntax: invoice.syntax,
        ...(invoice.profile ? { profile: invoice.profile.slice(0, 500) } : {}),
        ...(invoice.version ? { version: invoice.version.slice(0, 100) } : {}),
        ...(invoice.typeCode ? { typeCode: invoice.typeCode.slice(0, 50) } : {}),
      },
    };
  } catch (err) {
    if (!(err instanceof EInvoiceError)) throw err;
    if (err.code === 'EINVOICE_UNKNOWN_FORMAT' || err.code === 'EINVOICE_UNREADABLE')
      return { ok: true };
    return { ok: false, code: err.code, message: err.message };
  }
}
