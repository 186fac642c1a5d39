import { readEInvoice } from '@docflow/einvoice';
import {
  FACTURX_MINIMUM,
  GERMAN_INVOICE,
  XRECHNUNG_CII,
  ciiInvoiceXml,
  type EInvoiceSpec,
} from '@docflow/fixtures';

const ONE_RATE: EInvoiceSpec = {
  ...GERMAN_INVOICE,
  number: 'RE-1',
  lines: [GERMAN_INVOICE.lines[0]!],
};

describe('CII reader', () => {
  it('when a Factur-X EN16931 invoice is read, then every business term comes back as written', () => {
    const { invoice, findings } = readEInvoice(ciiInvoiceXml(ONE_RATE));
    expect(invoice).toEqual({
      syntax: 'cii',
      profile: 'urn:cen.eu:en16931:2017',
      version: 'D16B',
      typeCode: '380',
      docType: 'invoice',
      number: 'RE-1',
      issueDate: '2024-07-05',
      dueDate: '2024-08-04',
      currency: 'EUR',
      seller: {
        name: 'Muster Bürobedarf GmbH',
        taxId: 'DE136695976',
        address: { street: 'Hauptstraße 12', city: 'Berlin', postcode: '10115', country: 'DE' },
      },
      buyer: {
        name: 'Beispiel Handels AG',
        taxId: 'DE811128135',
        address: { street: 'Marktplatz 3', city: 'München', postcode: '80331', country: 'DE' },
      },
      lines: [
        {
          description: 'Kopierpapier A4, 500 Blatt',
          quantity: 10,
          unitCode: 'H87',
          unitPrice: 4.5,
          net: 45,
          vatRate: 19,
          vatCategory: 'S',
        },
      ],
      taxes: [{ rate: 19, category: 'S', basis: 45, amount: 8.55 }],
      totals: {
        lineTotal: 45,
        allowances: 0,
        charges: 0,
        net: 45,
        tax: 8.55,
        total: 53.55,
        prepaid: 0,
        due: 53.55,
      },
      payment: {
        terms: 'Zahlbar innerhalb von 30 Tagen ohne Abzug',
        dueDate: '2024-08-04',
        iban: 'DE89370400440532013000',
        bic: 'COBADEFFXXX',
        means: '58',
      },
    });
    expect(findings).toEqual([]);
  });

  it('when the invoice has two VAT rates, then each rate has its basis and amount', () => {
    const { invoice, findings } = readEInvoice(ciiInvoiceXml(GERMAN_INVOICE, XRECHNUNG_CII));
    expect(invoice.profile).toBe(XRECHNUNG_CII);
    expect(invoice.lines.map((l) => [l.net, l.vatRate])).toEqual([
      [45, 19],
      [119.8, 19],
      [24.8, 7],
    ]);
    expect(invoice.taxes).toEqual([
      { rate: 19, category: 'S', basis: 164.8, amount: 31.31 },
      { rate: 7, category: 'S', basis: 24.8, amount: 1.74 },
    ]);
    expect(invoice.totals).toMatchObject({ net: 189.6, tax: 33.05, total: 222.65, due: 222.65 });
    expect(findings).toEqual([]);
  });

  it('when the type code is 381, then the document is a credit note', () => {
    const { invoice } = readEInvoice(ciiInvoiceXml({ ...ONE_RATE, credit: true }));
    expect(invoice).toMatchObject({ typeCode: '381', docType: 'credit_note' });
  });

  it('when the profile is MINIMUM, then totals are read and absent terms are null', () => {
    const { invoice, findings } = readEInvoice(ciiInvoiceXml(GERMAN_INVOICE, FACTURX_MINIMUM));
    expect(invoice.lines).toEqual([]);
    expect(invoice.buyer).toEqual({
      name: 'Beispiel Handels AG',
      taxId: null,
      address: { street: null, city: null, postcode: null, country: null },
    });
    expect(invoice.totals).toMatchObject({
      lineTotal: null,
      net: 189.6,
      tax: 33.05,
      total: 222.65,
    });
    expect(invoice.payment.iban).toBeNull();
    expect(findings).toEqual([]);
  });

  it('when a ZUGFeRD 1.0 CrossIndustryDocument is read, then its older element names map too', () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<rsm:CrossIndustryDocument xmlns:rsm="urn:ferd:CrossIndustryDocument:invoice:1p0" xmlns:ram="urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:12" xmlns:udt="urn:un:unece:uncefact:data:standard:UnqualifiedDataType:15">
  <rsm:SpecifiedExchangedDocumentContext><ram:GuidelineSpecifiedDocumentContextParameter><ram:ID>urn:ferd:CrossIndustryDocument:invoice:1p0:comfort</ram:ID></ram:GuidelineSpecifiedDocumentContextParameter></rsm:SpecifiedExchangedDocumentContext>
  <rsm:HeaderExchangedDocument><ram:ID>471102</ram:ID><ram:TypeCode>380</ram:TypeCode><ram:IssueDateTime><udt:DateTimeString format="102">20130305</udt:DateTimeString></ram:IssueDateTime></rsm:HeaderExchangedDocument>
  <rsm:SpecifiedSupplyChainTradeTransaction>
    <ram:ApplicableSupplyChainTradeAgreement>
      <ram:SellerTradeParty><ram:Name>Lieferant GmbH</ram:Name><ram:SpecifiedTaxRegistration><ram:ID schemeID="FC">201/113/40209</ram:ID></ram:SpecifiedTaxRegistration><ram:SpecifiedTaxRegistration><ram:ID schemeID="VA">DE123456789</ram:ID></ram:SpecifiedTaxRegistration></ram:SellerTradeParty>
      <ram:BuyerTradeParty><ram:Name>Kunden AG Mitte</ram:Name></ram:BuyerTradeParty>
    </ram:ApplicableSupplyChainTradeAgreement>
    <ram:ApplicableSupplyChainTradeSettlement>
      <ram:InvoiceCurrencyCode>EUR</ram:InvoiceCurrencyCode>
      <ram:ApplicableTradeTax><ram:CalculatedAmount currencyID="EUR">19.25</ram:CalculatedAmount><ram:TypeCode>VAT</ram:TypeCode><ram:BasisAmount currencyID="EUR">275.00</ram:BasisAmount><ram:CategoryCode>S</ram:CategoryCode><ram:ApplicablePercent>7.00</ram:ApplicablePercent></ram:ApplicableTradeTax>
      <ram:SpecifiedTradeSettlementMonetarySummation><ram:LineTotalAmount currencyID="EUR">275.00</ram:LineTotalAmount><ram:TaxBasisTotalAmount currencyID="EUR">275.00</ram:TaxBasisTotalAmount><ram:TaxTotalAmount currencyID="EUR">19.25</ram:TaxTotalAmount><ram:GrandTotalAmount currencyID="EUR">294.25</ram:GrandTotalAmount><ram:DuePayableAmount currencyID="EUR">294.25</ram:DuePayableAmount></ram:SpecifiedTradeSettlementMonetarySummation>
    </ram:ApplicableSupplyChainTradeSettlement>
    <ram:IncludedSupplyChainTradeLineItem>
      <ram:SpecifiedSupplyChainTradeAgreement><ram:NetPriceProductTradePrice><ram:ChargeAmount currencyID="EUR">9.90</ram:ChargeAmount></ram:NetPriceProductTradePrice></ram:SpecifiedSupplyChainTradeAgreement>
      <ram:SpecifiedSupplyChainTradeDelivery><ram:BilledQuantity unitCode="C62">20</ram:BilledQuantity></ram:SpecifiedSupplyChainTradeDelivery>
      <ram:SpecifiedSupplyChainTradeSettlement><ram:ApplicableTradeTax><ram:CategoryCode>S</ram:CategoryCode><ram:ApplicablePercent>7.00</ram:ApplicablePercent></ram:ApplicableTradeTax><ram:SpecifiedTradeSettlementMonetarySummation><ram:LineTotalAmount currencyID="EUR">198.00</ram:LineTotalAmount></ram:SpecifiedTradeSettlementMonetarySummation></ram:SpecifiedSupplyChainTradeSettlement>
      <ram:SpecifiedTradeProduct><ram:Name>Trennblätter A4</ram:Name></ram:SpecifiedTradeProduct>
    </ram:IncludedSupplyChainTradeLineItem>
    <ram:IncludedSupplyChainTradeLineItem>
      <ram:SpecifiedSupplyChainTradeAgreement><ram:NetPriceProductTradePrice><ram:ChargeAmount currencyID="EUR">5.50</ram:ChargeAmount></ram:NetPriceProductTradePrice></ram:SpecifiedSupplyChainTradeAgreement>
      <ram:SpecifiedSupplyChainTradeDelivery><ram:BilledQuantity unitCode="C62">14</ram:BilledQuantity></ram:SpecifiedSupplyChainTradeDelivery>
      <ram:SpecifiedSupplyChainTradeSettlement><ram:ApplicableTradeTax><ram:CategoryCode>S</ram:CategoryCode><ram:ApplicablePercent>7.00</ram:ApplicablePercent></ram:ApplicableTradeTax><ram:SpecifiedTradeSettlementMonetarySummation><ram:LineTotalAmount currencyID="EUR">77.00</ram:LineTotalAmount></ram:SpecifiedTradeSettlementMonetarySummation></ram:SpecifiedSupplyChainTradeSettlement>
      <ram:SpecifiedTradeProduct><ram:Name>Joghurt Banane</ram:Name></ram:SpecifiedTradeProduct>
    </ram:IncludedSupplyChainTradeLineItem>
  </rsm:SpecifiedSupplyChainTradeTransaction>
</rsm:CrossIndustryDocument>`;
    const { invoice, findings } = readEInvoice(xml);
    expect(invoice).toMatchObject({
      syntax: 'cii',
      version: 'ZUGFeRD 1.0',
      profile: 'urn:ferd:CrossIndustryDocument:invoice:1p0:comfort',
      number: '471102',
      issueDate: '2013-03-05',
      seller: { name: 'Lieferant GmbH', taxId: 'DE123456789' },
      taxes: [{ rate: 7, category: 'S', basis: 275, amount: 19.25 }],
      totals: { lineTotal: 275, net: 275, tax: 19.25, total: 294.25, due: 294.25 },
    });
    expect(
      invoice.lines.map((l) => [l.description, l.quantity, l.unitPrice, l.net, l.vatRate]),
    ).toEqual([
      ['Trennblätter A4', 20, 9.9, 198, 7],
      ['Joghurt Banane', 14, 5.5, 77, 7],
    ]);
    expect(findings).toEqual([]);
  });
});
