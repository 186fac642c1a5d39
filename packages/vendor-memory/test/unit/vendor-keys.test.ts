import {
  chooseLayout,
  learnLayout,
  namesVendor,
  vendorKeysOfFields,
  vendorKeysOfText,
} from '../../src';

describe('vendor keys', () => {
  test("when a correction names the vendor and its ids, then its keys are the name's and the ids'", () => {
    expect(
      vendorKeysOfFields({
        sellerName: 'Mr. D.I.Y. (M) Sdn Bhd',
        sellerTaxId: 'DE 123 456 789',
        iban: 'DE89 3704 0044 0532 0130 00',
        buyerTaxId: 'FR40303265045',
      }),
    ).toEqual(['name:MRDIYMSDNBHD', 'id:DE123456789', 'id:DE89370400440532013000']);
  });

  test('when a text prints the name with a number after it, then a head line prefix is a key', () => {
    const keys = vendorKeysOfText('   99 SPEED MART S/B (519537-X)\nLOT 5\nTOTAL 2.50');
    expect(keys).toContain('name:99SPEEDMARTSB');
    expect(keys).toContain('id:519537X');
  });

  test('when a text prints an IBAN in groups and a VAT id after a label, then both are keys', () => {
    const keys = vendorKeysOfText(
      'Rechnung\nUSt-IdNr.: DE123456789\n\n\nIBAN DE89 3704 0044 0532 0130 00 BIC COBADEFFXXX',
    );
    expect(keys).toContain('id:DE123456789');
    expect(keys).toContain('id:DE89370400440532013000');
  });

  test('when the name is short or the text is empty, then no name key', () => {
    expect(vendorKeysOfFields({ merchantName: 'A&W' })).toEqual([]);
    expect(vendorKeysOfText('')).toEqual([]);
  });
});

describe('chooseLayout', () => {
  const lesson = (name: string, docType = 'receipt', id?: string) => ({
    layout: learnLayout(docType, `${name}\nTOTAL 1.00`, {
      merchantName: name,
      ...(id ? { merchantTaxId: id } : {}),
      total: 1,
    })!,
  });

  test('when two vendors share no key with the text, then none is chosen', () => {
    expect(
      chooseLayout(
        [lesson('SHOP ONE SDN BHD')],
        ['name:SHOPTWOSDNBHD'],
        'receipt',
        'SHOP TWO SDN BHD',
      ),
    ).toBe(undefined);
  });

  test('when an id and a name point at different lessons, then the id wins; the type must match', () => {
    const byName = lesson('SHOP ONE SDN BHD');
    const byId = lesson('SHOP TWO SDN BHD', 'receipt', '000111222333');
    const keys = ['name:SHOPONESDNBHD', 'id:000111222333'];
    const text = 'SHOP ONE SDN BHD\nSHOP TWO SDN BHD (000111222333)';
    expect(chooseLayout([byName, byId], keys, 'receipt', text)).toBe(byId);
    expect(chooseLayout([byName, byId], keys, 'invoice', text)).toBeUndefined();
  });

  test('when two lessons of one vendor match alike, then the first (newest) is chosen', () => {
    const newer = lesson('SHOP ONE SDN BHD');
    const older = lesson('SHOP ONE SDN BHD');
    expect(
      chooseLayout([newer, older], ['name:SHOPONESDNBHD'], 'receipt', 'SHOP ONE SDN BHD'),
    ).toBe(newer);
  });

  test("when an id matches but the text does not name the lesson's vendor, then it is not chosen", () => {
    const other = lesson('TAXI UNTERNEHMEN GMBH', 'receipt', 'DE123456789');
    const text = 'Lieferant GmbH\nUSt-IdNr. DE123456789';
    expect(chooseLayout([other], ['id:DE123456789'], 'receipt', text)).toBeUndefined();
  });

  test('when the name is misread by a letter near the start, then the vendor is still named', () => {
    expect(namesVendor('POPULAR BOOK\nCP. (M) SDN BHD\n', 'POPULAR BOOK CO. (M) SDN BHD')).toBe(
      true,
    );
    expect(namesVendor('MUSTERLIEFERANT GMBH', 'Lieferant GmbH')).toBe(false);
  });
});
