import type { DocType } from '@docflow/contracts';
import type { Truth } from './labelled-doc';

/** UN/CEFACT document type codes that are credit notes; every other invoice code is an invoice. */
const CREDIT_NOTE_CODES = new Set(['381', '396', '532']);

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decode = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, e: string) => {
    if (e[0] === '#')
      return String.fromCodePoint(
        e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10),
      );
    return ENTITIES[e] ?? whole;
  });

/** Comments, processing instructions and namespace prefixes removed: `<ram:Name>` is `<Name>`. */
function plainXml(xml: string): string {
  return xml
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<\?[\s\S]*?\?>/g, '')
    .replace(/<(\/?)[A-Za-z_][\w.-]*:/g, '<$1');
}

/** Inner XML of every `<tag …>…</tag>` in `xml` (outermost first; same-name nesting not expected). */
function elements(xml: string, tag: string): { attributes: string; inner: string }[] {
  const re = new RegExp(`<${tag}(\\s[^>]*)?>([\\s\\S]*?)</${tag}>`, 'g');
  return [...xml.matchAll(re)].map((m) => ({ attributes: m[1] ?? '', inner: m[2] ?? '' }));
}

const textOf = (xml: string | undefined, tag: string): string | undefined => {
  if (xml === undefined) return undefined;
  const first = elements(xml, tag)[0];
  const value = first && decode(first.inner.replace(/<[^>]*>/g, '')).trim();
  return value || undefined;
};

const amountOf = (xml: string | undefined, tag: string, currency?: string): number | undefined => {
  if (xml === undefined) return undefined;
  const all = elements(xml, tag);
  const chosen =
    (currency && all.find((e) => e.attributes.includes(`"${currency}"`))) || all[0] || undefined;
  const value = chosen && Number(chosen.inner.trim());
  return value !== undefined && Number.isFinite(value) ? value : undefined;
};

/** `20130305` (format 102) or `2013-03-05` as ISO. */
const isoDate = (s: string | undefined): string | undefined => {
  const m = s && /^(\d{4})-?(\d{2})-?(\d{2})/.exec(s.trim());
  return m ? `${m[1]}-${m[2]}-${m[3]}` : undefined;
};

/**
 * The truth of a CII invoice (ZUGFeRD 1 `CrossIndustryDocument`, ZUGFeRD 2 / Factur-X
 * `CrossIndustryInvoice`) in the invoice extractor's field names: invoiceNumber, issueDate,
 * sellerName, buyerName, subtotal (TaxBasisTotalAmount, else LineTotalAmount), taxAmount
 * (TaxTotalAmount in the invoice currency), total (GrandTotalAmount), currency. Type code 381
 * (and 396, 532) is a credit note; any other is an invoice. Fields the XML lacks are left out.
 * Throws when the XML is not a CII invoice.
 */
export function readCii(xml: string): Truth {
  const doc = plainXml(xml);
  if (!/<CrossIndustry(Document|Invoice)[\s>]/.test(doc))
    throw new Error('not a CII invoice (no CrossIndustryDocument or CrossIndustryInvoice)');
  const header =
    elements(doc, 'ExchangedDocument')[0]?.inner ??
    elements(doc, 'HeaderExchangedDocument')[0]?.inner;
  const summation = [
    ...elements(doc, 'SpecifiedTradeSettlementHeaderMonetarySummation'),
    ...elements(doc, 'SpecifiedTradeSettlementMonetarySummation'),
  ].find((e) => /<GrandTotalAmount[\s>]/.test(e.inner))?.inner;
  const currency = textOf(doc, 'InvoiceCurrencyCode');
  const typeCode = textOf(header, 'TypeCode');
  const docType: DocType = typeCode && CREDIT_NOTE_CODES.has(typeCode) ? 'credit_note' : 'invoice';
  const candidates: Record<string, string | number | undefined> = {
    invoiceNumber: textOf(header, 'ID'),
    issueDate: isoDate(textOf(elements(header ?? '', 'IssueDateTime')[0]?.inner, 'DateTimeString')),
    sellerName: textOf(elements(doc, 'SellerTradeParty')[0]?.inner, 'Name'),
    buyerName: textOf(elements(doc, 'BuyerTradeParty')[0]?.inner, 'Name'),
    subtotal: amountOf(summation, 'TaxBasisTotalAmount') ?? amountOf(summation, 'LineTotalAmount'),
    taxAmount: amountOf(summation, 'TaxTotalAmount', currency),
    total: amountOf(summation, 'GrandTotalAmount'),
    currency,
  };
  const fields: Truth['fields'] = {};
  for (const [name, value] of Object.entries(candidates))
    if (value !== undefined) fields[name] = value;
  return { docType, fields };
}
