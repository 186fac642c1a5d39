import type { DocType } from '@docflow/contracts';
import type { Truth } from './labelled-doc';

/**
 * A reference reading of a UBL 2.1 Invoice or CreditNote, independent of @docflow/einvoice (text
 * patterns on the XML, as cii-truth.ts does for CII), in the classifier's field names:
 * invoiceNumber, issueDate, sellerName, buyerName, subtotal (TaxExclusiveAmount), taxAmount
 * (first TaxTotal/TaxAmount), total (TaxInclusiveAmount), currency. Throws when the XML is no UBL.
 */
export function readUbl(xml: string): Truth {
  const doc = xml
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<\?[\s\S]*?\?>/g, '')
    .replace(/<(\/?)[A-Za-z_][\w.-]*:/g, '<$1');
  const root = /<(Invoice|CreditNote)[\s>]/.exec(doc)?.[1];
  if (!root || !xml.includes('urn:oasis:names:specification:ubl:schema:xsd:'))
    throw new Error('not a UBL invoice (no Invoice or CreditNote)');
  const inner = (tag: string, within = doc) =>
    new RegExp(`<${tag}(?:\\s[^>]*)?>([\\s\\S]*?)</${tag}>`).exec(within)?.[1];
  const textOf = (tag: string, within?: string) => {
    const v = inner(tag, within)
      ?.replace(/<[^>]*>/g, '')
      .trim();
    return v ? v.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>') : undefined;
  };
  const amount = (tag: string, within?: string) => {
    const v = textOf(tag, within);
    return v !== undefined && Number.isFinite(Number(v)) ? Number(v) : undefined;
  };
  // the document's own ID: the first cbc:ID outside the parties and lines
  const head = doc.slice(
    0,
    doc.search(/<(AccountingSupplierParty|InvoiceLine|CreditNoteLine)[\s>]/),
  );
  const typeCode = textOf(`${root}TypeCode`, head);
  const docType: DocType =
    root === 'CreditNote' || (typeCode && ['381', '396', '532'].includes(typeCode))
      ? 'credit_note'
      : 'invoice';
  const party = (role: string) => {
    const block = inner(role);
    if (block === undefined) return undefined;
    const partyName = inner('PartyName', block);
    const name = partyName === undefined ? undefined : textOf('Name', partyName);
    return name ?? textOf('RegistrationName', block);
  };
  const totals = inner('LegalMonetaryTotal');
  const candidates: Record<string, string | number | undefined> = {
    invoiceNumber: textOf(
      'ID',
      head.replace(/<(UBLVersionID|CustomizationID|ProfileID)[\s\S]*?<\/\1>/g, ''),
    ),
    issueDate: textOf('IssueDate', head),
    sellerName: party('AccountingSupplierParty'),
    buyerName: party('AccountingCustomerParty'),
    subtotal: amount('TaxExclusiveAmount', totals),
    taxAmount: amount('TaxAmount', inner('TaxTotal')),
    total: amount('TaxInclusiveAmount', totals),
    currency: textOf('DocumentCurrencyCode', head),
  };
  const fields: Truth['fields'] = {};
  for (const [name, value] of Object.entries(candidates))
    if (value !== undefined) fields[name] = value;
  return { docType, fields };
}
