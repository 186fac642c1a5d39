import { withCpuTime } from '@docflow/testing';
import { detectLanguage } from '../../../../src/domain/language/detect-language';

describe('language detection', () => {
  test.each([
    ['Rechnung Nr. 4711 vom 05.03.2018\nZahlbar innerhalb 30 Tagen ohne Abzug', 'de'],
    ['Facture n° FA-2017-0010\nTotal TTC 671,15 €\nDate d’échéance 13/12/2017', 'fr'],
    ['Factuurnummer 2024-0042\nTotaal te betalen € 343,64\nVervaldatum 11 april 2024', 'nl'],
    ['Fattura n. 2024/118\nTotale fattura € 1.506,16\nScadenza 11/04/2024', 'it'],
    ['Fatura n.º FT 2024/315\nTotal a pagar 1.518,51 €\nData de vencimento 11-04-2024', 'pt'],
    ['Factura nº A-0042\nTotal a pagar 1.518,51 €\nFecha de vencimiento 11-04-2024', 'es'],
    ['Invoice No INV-0042\nAmount due $343.64\nDue date 04/11/2024', 'en'],
  ])('when a document reads %j, then its language is %s', (text, language) => {
    expect(detectLanguage(text)).toBe(language);
  });

  test('when a text has no known words, then it is English (the first vocabulary)', () => {
    expect(detectLanguage('12345 67890 ---- ####')).toBe('en');
  });

  test('when a text is a megabyte of words, then it is read in linear time (only its head counts)', () => {
    const text = 'der die das und '.repeat(70_000) + 'the of and '.repeat(10);
    const { result, cpuMs } = withCpuTime(() => detectLanguage(text));
    expect(result).toBe('de');
    expect(cpuMs).toBeLessThan(500);
  });
});
