import { readCii } from '../../../src/evaluation/cii-truth';

/** A ZUGFeRD 2 / Factur-X invoice as its producers write it (namespaced, with line items). */
const ciiV2 = (typeCode: string) => `<?xml version="1.0" encoding="UTF-8"?>
<rsm:CrossIndustryInvoice xmlns:rsm="urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100"
  xmlns:ram="urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100"
  xmlns:udt="urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100">
  <rsm:ExchangedDocumentContext><ram:GuidelineSpecifiedDocumentContextParameter>
    <ram:ID>urn:cen.eu:en16931:2017</ram:ID>
  </ram:GuidelineSpecifiedDocumentContextParameter></rsm:ExchangedDocumentContext>
  <rsm:ExchangedDocument>
    <ram:ID>RE-2024-0815</ram:ID>
    <ram:TypeCode>${typeCode}</ram:TypeCode>
    <ram:IssueDateTime><udt:DateTimeString format="102">20240305</udt:DateTimeString></ram:IssueDateTime>
  </rsm:ExchangedDocument>
  <rsm:SupplyChainTradeTransaction>
    <ram:IncludedSupplyChainTradeLineItem>
      <ram:SpecifiedTradeProduct><ram:Name>Trennblätter A4</ram:Name></ram:SpecifiedTradeProduct>
      <ram:SpecifiedLineTradeSettlement><ram:SpecifiedTradeSettlementLineMonetarySummation>
        <ram:LineTotalAmount>198.00</ram:LineTotalAmount>
      </ram:SpecifiedTradeSettlementLineMonetarySummation></ram:SpecifiedLineTradeSettlement>
    </ram:IncludedSupplyChainTradeLineItem>
    <ram:ApplicableHeaderTradeAgreement>
      <ram:SellerTradeParty><ram:ID>L-1</ram:ID><ram:Name>Lieferant &amp; Söhne GmbH</ram:Name>
        <ram:DefinedTradeContact><ram:PersonName>Hans Muster</ram:PersonName></ram:DefinedTradeContact>
      </ram:SellerTradeParty>
      <ram:BuyerTradeParty><ram:Name>Kunden AG Mitte</ram:Name></ram:BuyerTradeParty>
    </ram:ApplicableHeaderTradeAgreement>
    <ram:ApplicableHeaderTradeSettlement>
      <ram:InvoiceCurrencyCode>EUR</ram:InvoiceCurrencyCode>
      <ram:SpecifiedTradeSettlementHeaderMonetarySummation>
        <ram:LineTotalAmount>198.00</ram:LineTotalAmount>
        <ram:TaxBasisTotalAmount>190.00</ram:TaxBasisTotalAmount>
        <ram:TaxTotalAmount currencyID="CHF">35.00</ram:TaxTotalAmount>
        <ram:TaxTotalAmount currencyID="EUR">36.10</ram:TaxTotalAmount>
        <ram:GrandTotalAmount>226.10</ram:GrandTotalAmount>
        <ram:DuePayableAmount>226.10</ram:DuePayableAmount>
      </ram:SpecifiedTradeSettlementHeaderMonetarySummation>
    </ram:ApplicableHeaderTradeSettlement>
  </rsm:SupplyChainTradeTransaction>
</rsm:CrossIndustryInvoice>`;

/** A ZUGFeRD 1 invoice: another root, header and summation name; line sums before the header's. */
const ciiV1 = `<rsm:CrossIndustryDocument xmlns:rsm="urn:ferd:CrossIndustryDocument:invoice:1p0"
  xmlns:ram="urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:12"
  xmlns:udt="urn:un:unece:uncefact:data:standard:UnqualifiedDataType:15">
  <!-- <ram:ID>not this one</ram:ID> -->
  <rsm:HeaderExchangedDocument>
    <ram:ID>471102</ram:ID><ram:Name>RECHNUNG</ram:Name><ram:TypeCode>380</ram:TypeCode>
    <ram:IssueDateTime><udt:DateTimeString format="102">20130305</udt:DateTimeString></ram:IssueDateTime>
  </rsm:HeaderExchangedDocument>
  <rsm:SpecifiedSupplyChainTradeTransaction>
    <ram:ApplicableSupplyChainTradeAgreement>
      <ram:SellerTradeParty><ram:Name>Lieferant GmbH</ram:Name></ram:SellerTradeParty>
      <ram:BuyerTradeParty><ram:Name>Kunden AG Mitte</ram:Name></ram:BuyerTradeParty>
    </ram:ApplicableSupplyChainTradeAgreement>
    <ram:IncludedSupplyChainTradeLineItem><ram:SpecifiedSupplyChainTradeSettlement>
      <ram:SpecifiedTradeSettlementMonetarySummation>
        <ram:LineTotalAmount currencyID="EUR">198.00</ram:LineTotalAmount>
      </ram:SpecifiedTradeSettlementMonetarySummation>
    </ram:SpecifiedSupplyChainTradeSettlement></ram:IncludedSupplyChainTradeLineItem>
    <ram:ApplicableSupplyChainTradeSettlement>
      <ram:InvoiceCurrencyCode>EUR</ram:InvoiceCurrencyCode>
      <ram:SpecifiedTradeSettlementMonetarySummation>
        <ram:LineTotalAmount currencyID="EUR">473.00</ram:LineTotalAmount>
        <ram:TaxTotalAmount currencyID="EUR">56.87</ram:TaxTotalAmount>
        <ram:GrandTotalAmount currencyID="EUR">529.87</ram:GrandTotalAmount>
      </ram:SpecifiedTradeSettlementMonetarySummation>
    </ram:ApplicableSupplyChainTradeSettlement>
  </rsm:SpecifiedSupplyChainTradeTransaction>
</rsm:CrossIndustryDocument>`;

describe('the CII reader', () => {
  test('when a ZUGFeRD 2 invoice is read, then its header fields are the truth in invoice field names', () => {
    expect(readCii(ciiV2('380'))).toEqual({
      docType: 'invoice',
      fields: {
        invoiceNumber: 'RE-2024-0815',
        issueDate: '2024-03-05',
        sellerName: 'Lieferant & Söhne GmbH',
        buyerName: 'Kunden AG Mitte',
        subtotal: 190,
        taxAmount: 36.1,
        total: 226.1,
        currency: 'EUR',
      },
    });
  });

  test('when the type code is 381, then it is a credit note; 389 (self-billed) is an invoice', () => {
    expect(readCii(ciiV2('381')).docType).toBe('credit_note');
    expect(readCii(ciiV2('389')).docType).toBe('invoice');
  });

  test('when a ZUGFeRD 1 invoice is read, then the header sums are used, not a line item', () => {
    const truth = readCii(ciiV1);
    expect(truth.fields).toEqual({
      invoiceNumber: '471102',
      issueDate: '2013-03-05',
      sellerName: 'Lieferant GmbH',
      buyerName: 'Kunden AG Mitte',
      subtotal: 473,
      taxAmount: 56.87,
      total: 529.87,
      currency: 'EUR',
    });
  });

  test('when the XML is not a CII invoice, then it says so', () => {
    expect(() => readCii('<Invoice xmlns="urn:oasis:names:specification:ubl"/>')).toThrow(
      /not a CII invoice/,
    );
  });
});
