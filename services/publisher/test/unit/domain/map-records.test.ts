import { randomUUID } from 'node:crypto';
import type { ExtractedField, PayloadOf } from '@docflow/contracts';
import { mapRecords, type MapInput } from '../../../src/domain/map-records';

const f = (value: ExtractedField['value']): ExtractedField => ({ value, confidence: 0.9 });

function input(
  docType: PayloadOf<'document.classified'>['docType'],
  fields: Record<string, ExtractedField>,
  tables: Record<string, Record<string, ExtractedField>[]> = {},
): MapInput {
  return {
    tenantId: 'acme',
    documentId: randomUUID(),
    eventId: randomUUID(),
    payload: {
      docType,
      confidence: 0.93,
      modelVersion: 'base-20240101-abcdef012345',
      candidates: [{ docType, probability: 0.93 }],
      extraction: { fields, tables },
      findings: [{ code: 'iban.invalid', severity: 'warning', message: 'bad iban' }],
    },
  };
}

describe('mapRecords', () => {
  test('when an invoice is classified, then one invoices record carries normalised fields and provenance', () => {
    // Arrange
    const given = input(
      'invoice',
      {
        invoiceNumber: f(' F2024/0117 '),
        issueDate: f('2024-03-15'),
        dueDate: f('2024-02-30'),
        currency: f('eur'),
        sellerName: f('Northwind Traders S.L.'),
        sellerTaxId: f('B58378431'),
        subtotal: f(1250),
        taxAmount: f('262.5'),
        total: f(1512.499),
      },
      {
        lineItems: [
          { description: f('Consultoría'), quantity: f(10), unitPrice: f(85), amount: f(850) },
        ],
        taxLines: [{ rate: f(21), amount: f(262.5) }],
      },
    );

    // Act
    const [mapped, ...rest] = mapRecords(given);

    // Assert
    expect(rest).toHaveLength(0);
    expect(mapped!.collection).toBe('invoices');
    expect(mapped!.record).toMatchObject({
      _id: given.documentId,
      tenantId: 'acme',
      documentId: given.documentId,
      docType: 'invoice',
      number: 'F2024/0117',
      issueDate: '2024-03-15',
      dueDate: null,
      currency: 'EUR',
      seller: { name: 'Northwind Traders S.L.', taxId: 'B58378431' },
      buyer: { name: null, taxId: null },
      subtotal: 1250,
      taxTotal: 262.5,
      total: 1512.5,
      lineItems: [{ description: 'Consultoría', quantity: 10, unitPrice: 85, amount: 850 }],
      taxLines: [{ rate: 21, amount: 262.5 }],
      provenance: {
        modelVersion: 'base-20240101-abcdef012345',
        confidence: 0.93,
        reviewed: false,
        sourceEventId: given.eventId,
        findings: [{ code: 'iban.invalid', severity: 'warning', message: 'bad iban' }],
      },
    });
  });

  test('when a credit note is classified, then it lands in invoices as a credit_note', () => {
    const [mapped] = mapRecords(input('credit_note', { total: f(-40) }));
    expect(mapped).toMatchObject({
      collection: 'invoices',
      record: { docType: 'credit_note', total: -40 },
    });
  });

  test('when a receipt is classified, then one expenses record is written', () => {
    const [mapped] = mapRecords(
      input('receipt', {
        merchantName: f('ESTACION DE SERVICIO LOS PINOS'),
        date: f('2024-09-18'),
        total: f(68.76),
        taxAmount: f(11.93),
        paymentMethod: f('card'),
      }),
    );
    expect(mapped).toMatchObject({
      collection: 'expenses',
      record: {
        merchant: 'ESTACION DE SERVICIO LOS PINOS',
        date: '2024-09-18',
        total: 68.76,
        tax: 11.93,
        paymentMethod: 'card',
      },
    });
  });

  test('when a bank statement has transactions, then each becomes a bank_transactions row keyed by document and line', () => {
    // Arrange
    const given = input(
      'bank_statement',
      {
        bankName: f('Northshire'),
        iban: f('gb82 west 1234 5698 7654 32'),
        openingBalance: f(100),
        closingBalance: f(70),
      },
      {
        transactions: [
          { date: f('2024-10-02'), description: f('Coffee'), amount: f(-10), balance: f(90) },
          { date: f('2024-10-03'), description: f('unreadable'), amount: f(null) },
          { date: f('2024-10-04'), description: f('Books'), amount: f(-20), balance: f(70) },
        ],
      },
    );

    // Act
    const mapped = mapRecords(given);

    // Assert
    expect(mapped.map((m) => [m.collection, m.record._id])).toEqual([
      ['bank_transactions', `${given.documentId}:0`],
      ['bank_transactions', `${given.documentId}:1`],
    ]);
    expect(mapped[1]!.record).toMatchObject({
      line: 1,
      date: '2024-10-04',
      description: 'Books',
      amount: -20,
      balance: 70,
      statement: { bankName: 'Northshire', iban: 'GB82WEST12345698765432', transactions: 2 },
    });
  });

  test('when a bank statement has no parseable transaction, then it is kept as one archive record', () => {
    const mapped = mapRecords(input('bank_statement', { bankName: f('Northshire') }));
    expect(mapped).toHaveLength(1);
    expect(mapped[0]).toMatchObject({
      collection: 'archive',
      record: { docType: 'bank_statement' },
    });
  });

  test.each(['contract', 'payslip', 'other'] as const)(
    'when a %s is classified, then one archive record keeps its fields and parties',
    (docType) => {
      const [mapped] = mapRecords(
        input(docType, {
          partyA: f('Inmuebles Turia S.L.'),
          effectiveDate: f('2024-06-03'),
          pages: f(3),
        }),
      );
      expect(mapped).toMatchObject({
        collection: 'archive',
        record: {
          docType,
          parties: ['Inmuebles Turia S.L.'],
          date: '2024-06-03',
          fields: { partyA: 'Inmuebles Turia S.L.', effectiveDate: '2024-06-03', pages: 3 },
        },
      });
    },
  );

  test('when the classification comes from a review, then provenance says reviewed', () => {
    const given = input('receipt', { total: f(5) });
    given.payload.modelVersion = 'review';
    given.payload.confidence = 1;
    const [mapped] = mapRecords(given);
    expect(mapped!.record.provenance).toMatchObject({
      reviewed: true,
      confidence: 1,
      modelVersion: 'review',
    });
  });

  test('when the record does not pass its schema, then mapping fails with RECORD_INVALID', () => {
    const given = input('receipt', { total: f(5) });
    given.tenantId = 'Not A Tenant!';
    expect(() => mapRecords(given)).toThrow(
      expect.objectContaining({ code: 'RECORD_INVALID', isTransient: false }),
    );
  });
});
