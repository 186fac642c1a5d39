import { extractFields } from '../../../../src/domain/extract/extract-fields';

const values = (fields: Record<string, { value: unknown }>) =>
  Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v.value]));

describe('field extraction', () => {
  test('when an English invoice has labels left of values and a two-column header, then its fields are found with spans', () => {
    const text = [
      'Harbor Analytics Ltd                         INVOICE',
      '12 Market Square                             Invoice #: INV-2024-0042',
      'London SW1A 1AA                              Date: 04 Mar 2024',
      'VAT No: GB980780684                          Due Date: 03 Apr 2024',
      '',
      'Bill To:',
      'Maple Freight Limited',
      'VAT No: DE136695976',
      '',
      'Description            Qty    Unit price     Amount',
      'Data migration           2      1,250.00   2,500.00',
      'Support hours          7.5         80.00     600.00',
      '',
      '                          Subtotal        £3,100.00',
      '                          VAT 20%           £620.00',
      '                          Amount due      £3,720.00',
    ].join('\n');
    const { fields, tables } = extractFields('invoice', text, 'en');
    expect(values(fields)).toMatchObject({
      invoiceNumber: 'INV-2024-0042',
      issueDate: '2024-03-04',
      dueDate: '2024-04-03',
      sellerName: 'Harbor Analytics Ltd',
      sellerTaxId: 'GB980780684',
      buyerName: 'Maple Freight Limited',
      buyerTaxId: 'DE136695976',
      subtotal: 3100,
      taxAmount: 620,
      total: 3720,
      currency: 'GBP',
    });
    expect(tables.lineItems).toHaveLength(2);
    expect(tables.lineItems![1]).toMatchObject({
      quantity: { value: 7.5 },
      unitPrice: { value: 80 },
      amount: { value: 600 },
    });
    const total = fields.total!;
    expect(text.slice(total.span!.start, total.span!.end)).toBe('£3,720.00');
  });

  test('when a Spanish invoice puts labels above values and has IRPF withholding, then the total closes', () => {
    const text = [
      'Ana García López',
      'NIF: 12345678Z',
      'FACTURA',
      'Número       Fecha         Vencimiento',
      'F2024/17     15/03/2024    15 de abril de 2024',
      'Cliente: Mosaico Diseño S.L.',
      'CIF: B58378431',
      'Concepto                    Importe',
      'Diseño de logotipo         1.000,00',
      'Base imponible      1.000,00 €',
      'IVA 21%               210,00 €',
      'Retención IRPF 15%   -150,00 €',
      'Total a pagar       1.060,00 €',
    ].join('\n');
    const { fields, tables } = extractFields('invoice', text, 'es');
    expect(values(fields)).toMatchObject({
      invoiceNumber: 'F2024/17',
      issueDate: '2024-03-15',
      dueDate: '2024-04-15',
      subtotal: 1000,
      taxAmount: 210,
      total: 1060,
      currency: 'EUR',
      buyerTaxId: 'B58378431',
    });
    expect(tables.taxLines!.map((t) => t.amount!.value)).toEqual([210, -150]);
  });

  test('when a receipt is OCR-noisy with single spaces, then total, tax, date and payment are found', () => {
    const text = [
      'CAFETERIA EL FARO',
      'Calle Real 3 Cadiz',
      'CIF B58378431',
      'Fecha 02/05/2024 10:31',
      'CAFE CON LECHE 1,80',
      'TOSTADA 2,50',
      'TOTAL 4,30',
      'IVA 10% incl. 0,39',
      'TARJETA VISA ****1234',
      'GRACIAS POR SU VISITA',
    ].join('\n');
    expect(values(extractFields('receipt', text, 'es').fields)).toMatchObject({
      merchantName: 'CAFETERIA EL FARO',
      date: '2024-05-02',
      total: 4.3,
      taxAmount: 0.39,
      paymentMethod: 'card',
    });
  });

  test('when a bank statement lists balances, then transaction signs come from the balance differences', () => {
    const text = [
      'BBVA',
      'Extracto de cuenta',
      'IBAN: ES91 2100 0418 4502 0005 1332',
      'Periodo: 01/03/2024 - 31/03/2024',
      'Saldo anterior: 1.000,00',
      'Fecha       Concepto              Importe     Saldo',
      '03/03/2024  Compra MERCADONA        45,10    954,90',
      '10/03/2024  Nómina ACME           1.500,00  2.454,90',
      'Saldo final: 2.454,90',
    ].join('\n');
    const { fields, tables } = extractFields('bank_statement', text, 'es');
    expect(values(fields)).toMatchObject({
      bankName: 'BBVA',
      iban: 'ES9121000418450200051332',
      periodStart: '2024-03-01',
      periodEnd: '2024-03-31',
      openingBalance: 1000,
      closingBalance: 2454.9,
    });
    expect(tables.transactions!.map((t) => t.amount!.value)).toEqual([-45.1, 1500]);
  });

  test('when a contract names its parties in prose, then parties and dates are found', () => {
    const text =
      'SERVICE AGREEMENT\n\nThis Agreement is made and entered into as of March 1, 2024 (the "Effective Date") by and between Zenith Software Inc. (the "Provider") and Ridge Foods LLC (the "Client").\nTERM. This Agreement commences on the Effective Date and ends on February 28, 2025 unless terminated earlier.';
    expect(values(extractFields('contract', text, 'en').fields)).toMatchObject({
      partyA: 'Zenith Software Inc.',
      partyB: 'Ridge Foods LLC',
      effectiveDate: '2024-03-01',
      endDate: '2025-02-28',
    });
  });

  test('when a payslip has gross and net labels, then pay, people and period are found', () => {
    const text = [
      'NÓMINA',
      'Empresa: Cedro Logística S.L.',
      'Trabajador: Camila Herrera Ibáñez',
      'Periodo de liquidación: del 01/02/2024 al 29/02/2024',
      'Salario base 2.100,00',
      'Total devengado 2.100,00',
      'Retención IRPF 250,00',
      'Líquido a percibir 1.850,00',
    ].join('\n');
    expect(values(extractFields('payslip', text, 'es').fields)).toMatchObject({
      employerName: 'Cedro Logística S.L.',
      employeeName: 'Camila Herrera Ibáñez',
      periodStart: '2024-02-01',
      periodEnd: '2024-02-29',
      grossPay: 2100,
      netPay: 1850,
    });
  });
});
