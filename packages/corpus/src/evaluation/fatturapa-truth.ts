import type { DocType } from '@docflow/contracts';
import type { Truth } from './labelled-doc';

/** TipoDocumento codes of credit notes (nota di credito, nota di credito semplificata). */
const CREDIT_NOTE_TYPES = new Set(['TD04', 'TD08']);

/**
 * A reference reading of a FatturaPA 1.2 file's first invoice, independent of @docflow/einvoice
 * (text patterns on the XML, as cii-truth.ts and ubl-truth.ts do), in the classifier's field
 * names: invoiceNumber (Numero), issueDate (Data), sellerName and buyerName (Denominazione, or
 * Nome Cognome), subtotal (Σ ImponibileImporto), taxAmount (Σ Imposta), total
 * (ImportoTotaleDocumento, where stated), currency (Divisa). Throws when the XML is no FatturaPA.
 */
export function readFatturapa(xml: string): Truth {
  const doc = xml
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<\?[\s\S]*?\?>/g, '')
    .replace(/<(\/?)[A-Za-z_][\w.-]*:/g, '<$1');
  if (!/<FatturaElettronica[\s>]/.test(doc) || !/fatture\/v1\.2|fatturapa\/v1\.2/.test(xml))
    throw new Error('not a FatturaPA 1.2 file');
  const inner = (tag: string, within = doc) =>
    new RegExp(`<${tag}(?:\\s[^>]*)?>([\\s\\S]*?)</${tag}>`).exec(within)?.[1];
  const all = (tag: string, within: string) =>
    [...within.matchAll(new RegExp(`<${tag}(?:\\s[^>]*)?>([\\s\\S]*?)</${tag}>`, 'g'))].map(
      (m) => m[1] ?? '',
    );
  const textOf = (tag: string, within?: string) => {
    const v = inner(tag, within)?.replace(/\s+/g, ' ').trim();
    return v
      ? v
          .replace(/&amp;/g, '&')
          .replace(/&apos;/g, "'")
          .replace(/&quot;/g, '"')
      : undefined;
  };
  const sum = (tag: string, within: string) => {
    const values = all(tag, within).map((v) => Number(v.trim()));
    if (values.length === 0 || values.some((v) => !Number.isFinite(v))) return undefined;
    return Math.round(values.reduce((a, b) => a + b, 0) * 100) / 100;
  };
  const name = (role: string) => {
    const registry = inner('Anagrafica', inner(role) ?? '');
    if (registry === undefined) return undefined;
    const company = textOf('Denominazione', registry);
    if (company) return company;
    const person = [textOf('Nome', registry), textOf('Cognome', registry)].filter(Boolean);
    return person.length ? person.join(' ') : undefined;
  };
  const body = inner('FatturaElettronicaBody') ?? '';
  const general = inner('DatiGeneraliDocumento', body) ?? '';
  const goods = inner('DatiBeniServizi', body) ?? '';
  const total = textOf('ImportoTotaleDocumento', general);
  const type = textOf('TipoDocumento', general);
  const docType: DocType = type && CREDIT_NOTE_TYPES.has(type) ? 'credit_note' : 'invoice';
  const candidates: Record<string, string | number | undefined> = {
    invoiceNumber: textOf('Numero', general),
    issueDate: textOf('Data', general),
    sellerName: name('CedentePrestatore'),
    buyerName: name('CessionarioCommittente'),
    subtotal: sum('ImponibileImporto', goods),
    taxAmount: sum('Imposta', goods),
    total: total !== undefined && Number.isFinite(Number(total)) ? Number(total) : undefined,
    currency: textOf('Divisa', general),
  };
  const fields: Truth['fields'] = {};
  for (const [field, value] of Object.entries(candidates))
    if (value !== undefined) fields[field] = value;
  return { docType, fields };
}
