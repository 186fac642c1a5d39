import { prepareText } from '../../../../src/domain/extract/document-text';
import { chooseMerchant } from '../../../../src/domain/receipt/merchant-name';
import { chooseSaleDate } from '../../../../src/domain/receipt/sale-date';

const doc = (lines: string[], language: 'en' | 'es' = 'en') =>
  prepareText(lines.join('\n'), language);

describe('receipt merchant', () => {
  test('when a person and a brand are printed above the legal name, then the legal name is the merchant', () => {
    // Act
    const merchant = chooseMerchant(
      doc([
        'JANE DOE',
        'GEOVENTURE',
        'TASTE OF THE GLOBE SDN BHD',
        '(965857-A)',
        'LOT 38, JALAN KENARI 5',
      ]),
    );

    // Assert
    expect(merchant?.text).toBe('TASTE OF THE GLOBE SDN BHD');
  });

  test('when the name runs onto the next line, then both lines are joined', () => {
    // Act
    const ampersand = chooseMerchant(
      doc(['HOME BASE HARDWARE &', 'ELECTRICAL', 'NO.113G, JALAN SETIA']),
    );
    const bracket = chooseMerchant(doc(['AIK SENG HARDWARE (SETIA', 'ALAM) SDN BHD', '822737-X']));

    // Assert
    expect(ampersand?.text).toBe('HOME BASE HARDWARE & ELECTRICAL');
    expect(bracket?.text).toBe('AIK SENG HARDWARE (SETIA ALAM) SDN BHD');
  });

  test('when a heading, an address and a phone line come first, then none of them is the merchant', () => {
    // Act
    const merchant = chooseMerchant(
      doc([
        'TAX INVOICE',
        '12 High Street',
        'Tel: 020 7946 0018',
        'Blue Fern Cafe Ltd',
        'VAT No GB123456789',
      ]),
    );

    // Assert
    expect(merchant?.text).toBe('Blue Fern Cafe Ltd');
  });

  test('when a registration number follows the name, then it is dropped', () => {
    // Act
    const merchant = chooseMerchant(
      doc(['99 QUICK MART S/B (519537-X)', 'LOT P.T. 2811, JALAN ANGSA']),
    );

    // Assert
    expect(merchant?.text).toBe('99 QUICK MART S/B');
  });

  test.each([
    ['Panaderia Sol S.L.', 'Calle Mayor 3'],
    ['Brotzeit Müller GmbH', 'Hauptstraße 12'],
    ['Le Petit Four SARL', '12 rue de la Paix'],
  ])('when a European shop prints %s, then it is the merchant', (name, address) => {
    expect(chooseMerchant(doc([name, address]))?.text).toBe(name);
  });
});

describe('receipt sale date', () => {
  test.each([
    ['25/12/2018 14:03', '2018-12-25'],
    ['DATE: 12-01-19', '2019-01-12'],
    ['25.12.2018', '2018-12-25'],
    ['2018-12-25 09:41', '2018-12-25'],
    ['25 Dec 2018 18:24', '2018-12-25'],
    ['Dec 25, 2018', '2018-12-25'],
  ])('when the receipt prints %s, then the date is %s', (printed, iso) => {
    expect(chooseSaleDate(doc(['SHOP', printed, 'TOTAL 4.00']))?.token.value).toBe(iso);
  });

  test('when an expiry date comes first, then the sale date printed with a time wins', () => {
    // Act
    const date = chooseSaleDate(
      doc(['SHOP', 'Voucher valid until 31/12/2019', 'ITEM 4.00', '02/03/2019 10:15']),
    );

    // Assert
    expect(date?.token.value).toBe('2019-03-02');
  });
});
