/**
 * Generated Facturae 3.2.x test documents (written here, not copied from any dataset). Amounts
 * are spelled out as the file states them.
 */

export type FacturaeVersion = '3.2' | '3.2.1' | '3.2.2';

const NAMESPACES: Record<FacturaeVersion, string> = {
  '3.2': 'http://www.facturae.es/Facturae/2009/v3.2/Facturae',
  '3.2.1': 'http://www.facturae.es/Facturae/2014/v3.2.1/Facturae',
  '3.2.2': 'http://www.facturae.gob.es/formato/Versiones/Facturaev3_2_2.xml',
};

export interface FacturaeTax {
  type?: string;
  rate: string;
  base: string;
  amount: string;
  surchargeRate?: string;
  surcharge?: string;
}

export interface FacturaeLine {
  description: string;
  quantity: string;
  unit?: string;
  price: string;
  total: string;
  tax: FacturaeTax;
}

export interface FacturaeInvoice {
  number: string;
  series?: string;
  invoiceClass?: string;
  /** The Corrective element, for OR/CR. */
  corrective?: string;
  date: string;
  lines: FacturaeLine[];
  taxes: FacturaeTax[];
  withheld?: FacturaeTax[];
  /** InvoiceTotals children, in schema order. */
  totals: string;
  payment?: string;
}

const amount = (v: string) => `<TotalAmount>${v}</TotalAmount>`;

function tax(t: FacturaeTax): string {
  const surcharge =
    t.surcharge === undefined
      ? ''
      : `<EquivalenceSurcharge>${t.surchargeRate}</EquivalenceSurcharge><EquivalenceSurchargeAmount>${amount(t.surcharge)}</EquivalenceSurchargeAmount>`;
  return `<Tax><TaxTypeCode>${t.type ?? '01'}</TaxTypeCode><TaxRate>${t.rate}</TaxRate><TaxableBase>${amount(t.base)}</TaxableBase><TaxAmount>${amount(t.amount)}</TaxAmount>${surcharge}</Tax>`;
}

function line(l: FacturaeLine): string {
  return `<InvoiceLine><ItemDescription>${l.description}</ItemDescription><Quantity>${l.quantity}</Quantity>${l.unit ? `<UnitOfMeasure>${l.unit}</UnitOfMeasure>` : ''}
<UnitPriceWithoutTax>${l.price}</UnitPriceWithoutTax><TotalCost>${l.total}</TotalCost><GrossAmount>${l.total}</GrossAmount><TaxesOutputs>${tax(l.tax)}</TaxesOutputs></InvoiceLine>`;
}

function invoice(i: FacturaeInvoice): string {
  return `<Invoice><InvoiceHeader><InvoiceNumber>${i.number}</InvoiceNumber>${i.series ? `<InvoiceSeriesCode>${i.series}</InvoiceSeriesCode>` : ''}
<InvoiceDocumentType>FC</InvoiceDocumentType><InvoiceClass>${i.invoiceClass ?? 'OO'}</InvoiceClass>${i.corrective ?? ''}</InvoiceHeader>
<InvoiceIssueData><IssueDate>${i.date}</IssueDate><InvoiceCurrencyCode>EUR</InvoiceCurrencyCode><TaxCurrencyCode>EUR</TaxCurrencyCode><LanguageName>es</LanguageName></InvoiceIssueData>
<TaxesOutputs>${i.taxes.map(tax).join('')}</TaxesOutputs>${i.withheld ? `<TaxesWithheld>${i.withheld.map(tax).join('')}</TaxesWithheld>` : ''}
<InvoiceTotals>${i.totals}</InvoiceTotals><Items>${i.lines.map(line).join('\n')}</Items>${i.payment ?? ''}</Invoice>`;
}

const SELLER = `<SellerParty><TaxIdentification><PersonTypeCode>J</PersonTypeCode><ResidenceTypeCode>R</ResidenceTypeCode><TaxIdentificationNumber>B86561412</TaxIdentificationNumber></TaxIdentification>
<LegalEntity><CorporateName>Talleres Meseta S.L.</CorporateName><AddressInSpain><Address>Calle Mayor 10</Address><PostCode>28013</PostCode><Town>Madrid</Town><Province>Madrid</Province><CountryCode>ESP</CountryCode></AddressInSpain></LegalEntity></SellerParty>`;

const BUYER = `<BuyerParty><TaxIdentification><PersonTypeCode>J</PersonTypeCode><ResidenceTypeCode>R</ResidenceTypeCode><TaxIdentificationNumber>P2807900B</TaxIdentificationNumber></TaxIdentification>
<AdministrativeCentres><AdministrativeCentre><CentreCode>L01280796</CentreCode><RoleTypeCode>01</RoleTypeCode><Name>Oficina contable</Name>
<AddressInSpain><Address>Plaza de la Villa 5</Address><PostCode>28005</PostCode><Town>Madrid</Town><Province>Madrid</Province><CountryCode>ESP</CountryCode></AddressInSpain></AdministrativeCentre></AdministrativeCentres>
<LegalEntity><CorporateName>Ayuntamiento de Villaverde</CorporateName><AddressInSpain><Address>Plaza de la Villa 5</Address><PostCode>28005</PostCode><Town>Madrid</Town><Province>Madrid</Province><CountryCode>ESP</CountryCode></AddressInSpain></LegalEntity></BuyerParty>`;

export function facturaeXml(
  invoices: FacturaeInvoice[],
  version: FacturaeVersion = '3.2.2',
): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<fe:Facturae xmlns:fe="${NAMESPACES[version]}" xmlns:ds="http://www.w3.org/2000/09/xmldsig#">
<FileHeader><SchemaVersion>${version}</SchemaVersion><Modality>${invoices.length > 1 ? 'L' : 'I'}</Modality><InvoiceIssuerType>EM</InvoiceIssuerType>
<Batch><BatchIdentifier>B86561412-batch</BatchIdentifier><InvoicesCount>${invoices.length}</InvoicesCount><TotalInvoicesAmount>${amount('0')}</TotalInvoicesAmount>
<TotalOutstandingAmount>${amount('0')}</TotalOutstandingAmount><TotalExecutableAmount>${amount('0')}</TotalExecutableAmount><InvoiceCurrencyCode>EUR</InvoiceCurrencyCode></Batch></FileHeader>
<Parties>${SELLER}${BUYER}</Parties>
<Invoices>${invoices.map(invoice).join('\n')}</Invoices>
</fe:Facturae>`;
}

const transfer = (due: string, value: string) =>
  `<PaymentDetails><Installment><InstallmentDueDate>${due}</InstallmentDueDate><InstallmentAmount>${value}</InstallmentAmount><PaymentMeans>04</PaymentMeans>
<AccountToBeCredited><IBAN>ES91 2100 0418 4502 0005 1332</IBAN><BIC>CAIXESBBXXX</BIC></AccountToBeCredited></Installment></PaymentDetails>`;

/** An original invoice at 21 % with a 15 % IRPF withholding: 1000 + 210 − 150, 1060.00 due. */
export const invoiceWithIrpf: FacturaeInvoice = {
  number: '0001',
  series: 'A2026',
  date: '2026-03-02',
  lines: [
    {
      description: 'Revisión de calderas',
      quantity: '10',
      unit: '02',
      price: '100.00',
      total: '1000.00',
      tax: { rate: '21.00', base: '1000.00', amount: '210.00' },
    },
  ],
  taxes: [{ rate: '21.00', base: '1000.00', amount: '210.00' }],
  withheld: [{ type: '04', rate: '15.00', base: '1000.00', amount: '150.00' }],
  totals:
    '<TotalGrossAmount>1000.00</TotalGrossAmount><TotalGrossAmountBeforeTaxes>1000.00</TotalGrossAmountBeforeTaxes><TotalTaxOutputs>210.00</TotalTaxOutputs>' +
    '<TotalTaxesWithheld>150.00</TotalTaxesWithheld><InvoiceTotal>1060.00</InvoiceTotal><TotalOutstandingAmount>1060.00</TotalOutstandingAmount><TotalExecutableAmount>1060.00</TotalExecutableAmount>',
  payment: transfer('2026-04-01', '1060.00'),
};

/** A corrective invoice (OR) crediting part of A2026-0001: −200 − 42 VAT + 30 IRPF = −212.00. */
export const correctiveCredit: FacturaeInvoice = {
  number: '0001',
  series: 'R2026',
  invoiceClass: 'OR',
  corrective:
    '<Corrective><InvoiceNumber>0001</InvoiceNumber><InvoiceSeriesCode>A2026</InvoiceSeriesCode><ReasonCode>01</ReasonCode><ReasonDescription>Número de la factura</ReasonDescription>' +
    '<TaxPeriod><StartDate>2026-03-01</StartDate><EndDate>2026-03-31</EndDate></TaxPeriod><CorrectionMethod>02</CorrectionMethod><CorrectionMethodDescription>Rectificación por diferencias</CorrectionMethodDescription></Corrective>',
  date: '2026-03-20',
  lines: [
    {
      description: 'Abono revisión no realizada',
      quantity: '-2',
      unit: '02',
      price: '100.00',
      total: '-200.00',
      tax: { rate: '21.00', base: '-200.00', amount: '-42.00' },
    },
  ],
  taxes: [{ rate: '21.00', base: '-200.00', amount: '-42.00' }],
  withheld: [{ type: '04', rate: '15.00', base: '-200.00', amount: '-30.00' }],
  totals:
    '<TotalGrossAmount>-200.00</TotalGrossAmount><TotalGrossAmountBeforeTaxes>-200.00</TotalGrossAmountBeforeTaxes><TotalTaxOutputs>-42.00</TotalTaxOutputs>' +
    '<TotalTaxesWithheld>-30.00</TotalTaxesWithheld><InvoiceTotal>-212.00</InvoiceTotal><TotalOutstandingAmount>-212.00</TotalOutstandingAmount><TotalExecutableAmount>-212.00</TotalExecutableAmount>',
};

/**
 * Three IVA rates (21, 10, 4 %), the 4 % line with an equivalence surcharge of 0.5 %, a general
 * discount of 10.00 and a payment on account of 100.00.
 */
export const multiRate: FacturaeInvoice = {
  number: '0042',
  date: '2026-03-15',
  lines: [
    {
      description: 'Herramientas',
      quantity: '2',
      unit: '01',
      price: '50.00',
      total: '100.00',
      tax: { rate: '21.00', base: '100.00', amount: '21.00' },
    },
    {
      description: 'Comidas',
      quantity: '5',
      price: '10.00',
      total: '50.00',
      tax: { rate: '10.00', base: '50.00', amount: '5.00' },
    },
    {
      description: 'Libros',
      quantity: '4',
      price: '15.00',
      total: '60.00',
      tax: { rate: '4.00', base: '60.00', amount: '2.40' },
    },
  ],
  taxes: [
    { rate: '21.00', base: '90.00', amount: '18.90' },
    { rate: '10.00', base: '50.00', amount: '5.00' },
    { rate: '4.00', base: '60.00', amount: '2.40', surchargeRate: '0.50', surcharge: '0.30' },
  ],
  totals:
    '<TotalGrossAmount>210.00</TotalGrossAmount><GeneralDiscounts><Discount><DiscountReason>Pronto pago</DiscountReason><DiscountAmount>10.00</DiscountAmount></Discount></GeneralDiscounts>' +
    '<TotalGeneralDiscounts>10.00</TotalGeneralDiscounts><TotalGrossAmountBeforeTaxes>200.00</TotalGrossAmountBeforeTaxes><TotalTaxOutputs>26.60</TotalTaxOutputs><TotalTaxesWithheld>0.00</TotalTaxesWithheld>' +
    '<InvoiceTotal>226.60</InvoiceTotal><PaymentsOnAccount><PaymentOnAccount><PaymentOnAccountDate>2026-03-01</PaymentOnAccountDate><PaymentOnAccountAmount>100.00</PaymentOnAccountAmount></PaymentOnAccount></PaymentsOnAccount>' +
    '<TotalOutstandingAmount>126.60</TotalOutstandingAmount><TotalPaymentsOnAccount>100.00</TotalPaymentsOnAccount><TotalExecutableAmount>126.60</TotalExecutableAmount>',
  payment: transfer('2026-04-15', '126.60'),
};
