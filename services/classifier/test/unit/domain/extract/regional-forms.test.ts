import { extractFields } from '../../../../src/domain/extract/extract-fields';

const values = (fields: Record<string, { value: unknown }>) =>
  Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v.value]));

describe('extraction of regional forms and till-roll OCR', () => {
  test('when a Peruvian boleta puts S/ in its own cell, then the total is the amount after it', () => {
    // Arrange
    const text = [
      'FERRETERIA EL PERNO S.A.C.',
      'RUC 20547812361',
      'BOLETA DE VENTA ELECTRONICA B003-00001234',
      'Fecha de emisión: 02/09/2024   Hora: 11:05',
      'CANT  DESCRIPCION              IMPORTE',
      '3     CANDADO 40MM               36.00',
      'OP. GRAVADA               S/   30.51',
      'I.G.V. 18%                S/    5.49',
      'IMPORTE TOTAL             S/   36.00',
      'Forma de pago: YAPE',
    ].join('\n');

    // Act
    const { fields } = extractFields('receipt', text, 'es');

    // Assert
    expect(values(fields)).toMatchObject({
      merchantName: 'FERRETERIA EL PERNO S.A.C.',
      date: '2024-09-02',
      total: 36,
      subtotal: 30.51,
      taxAmount: 5.49,
      paymentMethod: 'mobile',
      currency: 'PEN',
    });
  });

  test('when OCR printed O as 0 and I as l, then the payment method is still read', () => {
    // Act
    const cash = extractFields('receipt', 'KIOSCO SOL\nT0TAL   $ 3.200\nEFECTlV0   $ 5.000', 'es');
    const card = extractFields('receipt', 'KIOSCO SOL\nTOTAL   $ 3.200\nVlSA ****1180', 'es');

    // Assert
    expect(cash.fields.paymentMethod?.value).toBe('cash');
    expect(card.fields.paymentMethod?.value).toBe('card');
  });

  test('when a receipt prints when the business started, then the sale date is the one with a time', () => {
    // Arrange
    const text = [
      'PARRILLA DON TITO',
      'C.U.I.T. Nro.: 20-31456789-8',
      'Inicio de actividades: 01/03/2015',
      'TIQUE FACTURA B   Nro. 0002-00004411',
      'Fecha 17/08/2024  Hora 21:40:12',
      'TOTAL                 $ 45.600,00',
      'IVA Contenido         $ 7.914,05',
    ].join('\n');

    // Act
    const { fields } = extractFields('receipt', text, 'es');

    // Assert
    expect(values(fields)).toMatchObject({
      date: '2024-08-17',
      total: 45600,
      taxAmount: 7914.05,
      currency: 'ARS',
    });
  });

  test('when the tax of a receipt sits in a VAT table or on its total line, then the right amounts are taken', () => {
    // Arrange
    const table = [
      'HILLTOP FUELS',
      'TOTAL          £70.69',
      'VAT RATE  NET  VAT',
      '20.00%  58.91  11.78',
    ];
    const onTotal = ['CASA PEPE', 'TOTAL (IVA INCL.)   139,10', 'Base 10%  126,45  Cuota  12,65'];

    // Act
    const fromTable = extractFields('receipt', table.join('\n'), 'en');
    const besideTotal = extractFields('receipt', onTotal.join('\n'), 'es');

    // Assert
    expect(fromTable.fields.taxAmount?.value).toBe(11.78);
    expect(fromTable.fields.subtotal?.value).toBe(58.91);
    expect(besideTotal.fields.taxAmount?.value).toBe(12.65);
    expect(besideTotal.fields.total?.value).toBe(139.1);
  });

  test('when a total is printed with spaced letters, then it is found without hiding other totals', () => {
    // Act
    const spaced = extractFields('receipt', 'TIENDA LUNA\nT O T A L      $ 150.40', 'es');
    const invoice = extractFields(
      'invoice',
      'ACME INC.\nINVOICE #: 1001\nSUBTOTAL    100.00\nSALES TAX 8%    8.00\nTOTAL DUE    $108.00',
      'en',
    );

    // Assert
    expect(spaced.fields.total?.value).toBe(150.4);
    expect(invoice.fields.total?.value).toBe(108);
  });

  test('when a Chilean invoice writes pesos with $ and a RUT, then the currency is CLP and the RUT is kept', () => {
    // Arrange
    const text = [
      'MADERAS DEL ESTE SpA               R.U.T.: 77.215.480-1',
      'FACTURA ELECTRONICA N° 4410',
      'Fecha Emision: 3 de septiembre de 2024',
      'Señor(es): CONSTRUCTORA PEUMO LTDA',
      'R.U.T.: 76.118.903-4',
      'MONTO NETO    $ 1.000.000',
      'IVA 19%       $   190.000',
      'TOTAL         $ 1.190.000',
    ].join('\n');

    // Act
    const { fields } = extractFields('invoice', text, 'es');

    // Assert
    expect(values(fields)).toMatchObject({
      sellerTaxId: '77215480-1',
      buyerName: 'CONSTRUCTORA PEUMO LTDA',
      buyerTaxId: '76118903-4',
      subtotal: 1000000,
      taxAmount: 190000,
      total: 1190000,
      currency: 'CLP',
    });
  });

  test('when an invoice says Customer ID before Bill To, and "from" inside a sentence, then neither is a party', () => {
    // Arrange
    const text = [
      'NORTH COAST SUPPLY, INC.',
      'INVOICE #: 5521         DATE: 05/22/2024',
      'CUSTOMER ID: C-00481    TERMS: 14 days from date of invoice',
      '',
      'BILL TO:                     SHIP TO:',
      'Bayview Charters LLC         Bayview Charters LLC',
      'PO Box 1190                  Dock C',
    ].join('\n');

    // Act
    const { fields } = extractFields('invoice', text, 'en');

    // Assert
    expect(fields.buyerName?.value).toBe('Bayview Charters LLC');
    expect(fields.sellerName?.value).toBe('NORTH COAST SUPPLY, INC.');
  });

  test('when a payslip period is a month by name or two labelled dates, then both ends are found', () => {
    // Act
    const month = extractFields(
      'payslip',
      'PAYSLIP\nEmployee: Ann Lee\nPay period: Jonuary 2023',
      'en',
    );
    const labelled = extractFields(
      'payslip',
      'Employee: Ann Lee      Period Beginning: 06/23/2024\nDept: X                Period Ending: 07/06/2024',
      'en',
    );

    // Assert
    expect(values(month.fields)).toMatchObject({
      periodStart: '2023-01-01',
      periodEnd: '2023-01-31',
    });
    expect(values(labelled.fields)).toMatchObject({
      periodStart: '2024-06-23',
      periodEnd: '2024-07-06',
    });
  });

  test('when employer and employee labels head two columns, then the names come from beneath them', () => {
    // Arrange
    const text = [
      'RECIBO DE SALARIOS',
      'EMPRESA                                   TRABAJADOR',
      'Hoteles del Puerto S.L.                   Marta Gil Roca',
      'PERIODO: del 01/10/2024 al 31/10/2024',
    ].join('\n');

    // Act
    const { fields } = extractFields('payslip', text, 'es');

    // Assert
    expect(values(fields)).toMatchObject({
      employerName: 'Hoteles del Puerto S.L.',
      employeeName: 'Marta Gil Roca',
    });
  });

  test('when a date in a statement line would suggest decimal dots, then peso thousands stay thousands', () => {
    // Arrange: `02.07.2022` is a date, not a decimal amount
    const text = [
      'FARMACIA ROBLE',
      '02.07.2022  16:34',
      'ALCOHOL 96   3.078',
      'Total venta   19.807',
    ].join('\n');

    // Act
    const { fields } = extractFields('receipt', text, 'es');

    // Assert
    expect(fields.total?.value).toBe(19807);
  });
});
