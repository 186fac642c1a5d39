import { learnLayout, readWithLayout } from '../../src';
import { sameWord } from '../../src/read-with-layout';

const A = `ACME SUPPLIES LTD
VAT GB 123 4567 89
Invoice no: AC-1001        Date: 05.03.2024
Widgets                     10 x 2.50     25.00
Net                                       25.00
VAT 20%                                    5.00
Amount due                                30.00
Paid by card                              30.00`;

const B = `ACME SUPPLIES LTD
VAT GB 123 4567 89
Invoice no: AC-1077        Date: 19.04.2024
Gadgets                      3 x 9.00     27.00
Bolts                        1 x 4.00      4.00
Net                                       31.00
VAT 20%                                    6.20
Amount due                                37.20
Paid by card                              37.20`;

describe('learnLayout', () => {
  test('when a corrected value is printed after a label, then the label, line and shape are remembered', () => {
    // Act
    const layout = learnLayout('invoice', A, {
      sellerName: 'Acme Supplies Ltd',
      sellerTaxId: 'GB123456789',
      total: 30,
      issueDate: '2024-03-05',
      invoiceNumber: 'AC-1001',
      paid: true,
    });

    // Assert
    expect(layout).toBeDefined();
    expect(layout!.vendorKeys).toEqual(['name:ACMESUPPLIESLTD', 'id:GB123456789']);
    expect(layout!.constants).toEqual({
      sellerName: 'Acme Supplies Ltd',
      sellerTaxId: 'GB123456789',
    });
    expect(layout!.anchors.total![0]).toMatchObject({
      kind: 'amount',
      label: ['amount', 'due'],
      wholeLine: true,
      line: 6,
      fromEnd: 1,
      shape: '99.99',
    });
    // the same amount under `Paid by card` is a second, weaker place
    expect(layout!.anchors.total![1]).toMatchObject({ label: ['paid', 'by', 'card'] });
    expect(layout!.anchors.issueDate![0]).toMatchObject({
      kind: 'date',
      label: ['date'],
      reading: 'dmy',
      shape: '99.99.9999',
    });
    expect(layout!.anchors.invoiceNumber![0]).toMatchObject({
      kind: 'text',
      label: ['invoice', 'no'],
    });
    expect(layout!.anchors.paid).toBeUndefined();
  });

  test('when the correction names no vendor, then nothing is learned', () => {
    expect(learnLayout('invoice', A, { total: 30 })).toBeUndefined();
  });

  test('when a corrected value is not printed, then no place is remembered for it', () => {
    const layout = learnLayout('invoice', A, { sellerName: 'Acme Supplies Ltd', total: 99.99 });
    expect(layout!.anchors.total).toBeUndefined();
  });
});

describe('readWithLayout', () => {
  const layout = learnLayout('invoice', A, {
    sellerName: 'Acme Supplies Ltd',
    total: 30,
    issueDate: '2024-03-05',
    invoiceNumber: 'AC-1001',
  })!;

  test("when the vendor's next document moves its lines, then each value is read at its label", () => {
    // Act
    const read = readWithLayout(B, layout);

    // Assert
    expect(read.values.total![0]).toMatchObject({ raw: '37.20', via: 'label', weight: 1 });
    expect(B.slice(read.values.total![0]!.start, read.values.total![0]!.end)).toBe('37.20');
    expect(read.values.issueDate![0]).toMatchObject({ raw: '19.04.2024', reading: 'dmy' });
    expect(read.values.invoiceNumber![0]).toMatchObject({ raw: 'AC-1077' });
    expect(read.constants.sellerName).toEqual({
      value: 'Acme Supplies Ltd',
      span: { start: 0, end: 17 },
    });
  });

  test('when OCR damaged a label, then it is still found', () => {
    // Act
    const read = readWithLayout(B.replace('Amount due', 'Arnount  due:'), layout);

    // Assert
    expect(read.values.total![0]).toMatchObject({ raw: '37.20', via: 'label' });
  });

  test('when the label is gone, then the place is read by position, weakly', () => {
    // Act
    const read = readWithLayout(
      B.replace('Amount due', '          ')
        .replace('VAT 20%', '       ')
        .replace('Paid by card', ''),
      layout,
    );

    // Assert
    expect(read.values.total![0]).toMatchObject({ raw: '37.20', via: 'position' });
    expect(read.values.total![0]!.weight).toBeLessThan(0.3);
  });
});

describe('sameWord', () => {
  test.each([
    ['total', 'total', true],
    ['totai', 'total', true],
    ['arnount', 'amount', true],
    ['amoumt', 'amount', true],
    ['due', 'dve', true],
    ['tax', 'tex', false],
  ])('%s and %s: %s', (a, b, same) => {
    expect(sameWord(a, b)).toBe(same);
  });
});
