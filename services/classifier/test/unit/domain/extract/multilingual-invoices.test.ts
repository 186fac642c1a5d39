import { extractFields } from '../../../../src/domain/extract/extract-fields';
import { detectLanguage } from '../../../../src/domain/language/detect-language';

const values = (fields: Record<string, { value: unknown }>) =>
  Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v.value]));

// Short invoices as their countries print them; the fields are read whatever type the model names,
// so each is extracted as an invoice here (the type decision has its own tests).
describe('invoice fields in French, German, Dutch, Italian and Portuguese', () => {
  test('when a French invoice (Total HT / TVA / Total TTC, 1 234,56 €, 12 mars 2024) is read, then number, dates, parties, tax ids, amounts and currency are found', () => {
    const text = [
      'Atelier Lumière SARL                                   FACTURE',
      '12 rue des Lilas                                       N° de facture : FA-2024-0187',
      '69003 Lyon                                             Date de facture : 12 mars 2024',
      "N° TVA : FR40303265045                                 Date d'échéance : 11/04/2024",
      '',
      'Facturé à :',
      'Boulangerie Martin SAS',
      '8 place Bellecour, 69002 Lyon',
      'N° TVA client : FR83404833048',
      '',
      'Désignation                    Qté     Prix unitaire HT     Montant HT',
      'Luminaires suspendus             4           250,00 €       1 000,00 €',
      'Installation                     1           234,56 €         234,56 €',
      '',
      '                                              Total HT        1 234,56 €',
      '                                              TVA 20 %          246,91 €',
      '                                              Total TTC       1 481,47 €',
      '',
      'Règlement par virement - IBAN FR76 3000 6000 0112 3456 7890 189',
    ].join('\n');
    expect(detectLanguage(text)).toBe('fr');
    const { fields } = extractFields('invoice', text, 'fr');
    expect(values(fields)).toMatchObject({
      invoiceNumber: 'FA-2024-0187',
      issueDate: '2024-03-12',
      dueDate: '2024-04-11',
      sellerName: 'Atelier Lumière SARL',
      sellerTaxId: 'FR40303265045',
      buyerTaxId: 'FR83404833048',
      buyerName: 'Boulangerie Martin SAS',
      subtotal: 1234.56,
      taxAmount: 246.91,
      total: 1481.47,
      currency: 'EUR',
    });
  });

  test('when a German invoice (Nettobetrag / MwSt. / Gesamtbetrag, 1.234,56 EUR, 3. März 2024) is read, then number, dates, parties, tax ids, amounts and currency are found', () => {
    const text = [
      'Kaiser Bürotechnik GmbH',
      'Lindenstraße 14',
      '80331 München',
      'USt-IdNr.: DE136695976',
      '',
      'Rechnungsempfänger:',
      'Hofmann & Söhne KG',
      'Bahnhofstr. 3, 90402 Nürnberg',
      '',
      'RECHNUNG',
      'Rechnungsnummer:      RE-2024-0311',
      'Rechnungsdatum:       3. März 2024',
      'Fälligkeitsdatum:     02.04.2024',
      '',
      'Pos  Bezeichnung                 Menge   Einzelpreis      Gesamt',
      '1    Laserdrucker LX-400           2       480,00       960,00',
      '2    Wartungsvertrag 12 Monate     1       274,56       274,56',
      '',
      '                              Nettobetrag          1.234,56 EUR',
      '                              MwSt. 19 %             234,57 EUR',
      '                              Gesamtbetrag         1.469,13 EUR',
      '',
      'Zahlbar innerhalb 30 Tagen ohne Abzug.',
      'IBAN: DE89 3704 0044 0532 0130 00',
    ].join('\n');
    expect(detectLanguage(text)).toBe('de');
    const { fields } = extractFields('invoice', text, 'de');
    expect(values(fields)).toMatchObject({
      invoiceNumber: 'RE-2024-0311',
      issueDate: '2024-03-03',
      dueDate: '2024-04-02',
      sellerName: 'Kaiser Bürotechnik GmbH',
      sellerTaxId: 'DE136695976',
      buyerName: 'Hofmann & Söhne KG',
      subtotal: 1234.56,
      taxAmount: 234.57,
      total: 1469.13,
      currency: 'EUR',
    });
  });

  test('when a Dutch invoice (Subtotaal / BTW / Totaal te betalen, € 284,00, 12 maart 2024) is read, then number, dates, parties, tax ids, amounts and currency are found', () => {
    const text = [
      'Van Dijk Installatietechniek B.V.',
      'Kanaalweg 21',
      '3526 KL Utrecht',
      'BTW-nummer: NL004495445B01',
      '',
      'FACTUUR',
      '',
      'Factuurnummer:   2024-0042',
      'Factuurdatum:    12 maart 2024',
      'Vervaldatum:     11 april 2024',
      '',
      'Klant:',
      'Bakkerij De Molen',
      'Dorpsstraat 5, 3732 HJ De Bilt',
      '',
      'Omschrijving                       Aantal      Prijs       Bedrag',
      'Onderhoud cv-ketel                    1      189,00       189,00',
      'Vervangen thermostaat                 1       95,00        95,00',
      '',
      '                         Subtotaal                  € 284,00',
      '                         BTW 21%                     € 59,64',
      '                         Totaal te betalen          € 343,64',
      '',
      'Gelieve te betalen voor de vervaldatum op NL91 ABNA 0417 1643 00.',
    ].join('\n');
    expect(detectLanguage(text)).toBe('nl');
    const { fields } = extractFields('invoice', text, 'nl');
    expect(values(fields)).toMatchObject({
      invoiceNumber: '2024-0042',
      issueDate: '2024-03-12',
      dueDate: '2024-04-11',
      sellerName: 'Van Dijk Installatietechniek B.V.',
      sellerTaxId: 'NL004495445B01',
      buyerName: 'Bakkerij De Molen',
      subtotal: 284,
      taxAmount: 59.64,
      total: 343.64,
      currency: 'EUR',
    });
  });

  test('when an Italian invoice (Imponibile / IVA / Totale fattura, 1.234,56, 12 marzo 2024) is read, then number, dates, parties, tax ids, amounts and currency are found', () => {
    const text = [
      'Tipografia Rossi S.r.l.',
      'Via Garibaldi 45, 10122 Torino',
      'Partita IVA: IT00743110157',
      '',
      'FATTURA N. 2024/118',
      'Data fattura: 12 marzo 2024',
      'Scadenza: 11/04/2024',
      '',
      'Cliente:',
      'Libreria Bianchi S.n.c.',
      'Corso Vittorio Emanuele 10, 20122 Milano',
      'P.IVA: IT01114601006',
      '',
      'Descrizione                      Quantità    Prezzo      Importo',
      'Stampa cataloghi A4                500        1,80        900,00',
      'Impaginazione                        1      334,56        334,56',
      '',
      '                                Imponibile       1.234,56',
      '                                IVA 22%            271,60',
      '                                Totale fattura   € 1.506,16',
      '',
      'Pagamento: bonifico bancario, IBAN IT60 X054 2811 1010 0000 0123 456',
    ].join('\n');
    expect(detectLanguage(text)).toBe('it');
    const { fields } = extractFields('invoice', text, 'it');
    expect(values(fields)).toMatchObject({
      invoiceNumber: '2024/118',
      issueDate: '2024-03-12',
      dueDate: '2024-04-11',
      sellerName: 'Tipografia Rossi S.r.l.',
      sellerTaxId: 'IT00743110157',
      buyerTaxId: 'IT01114601006',
      buyerName: 'Libreria Bianchi S.n.c.',
      subtotal: 1234.56,
      taxAmount: 271.6,
      total: 1506.16,
      currency: 'EUR',
    });
  });

  test('when a Portuguese invoice (Total sem IVA / IVA / Total a pagar, 1.234,56 €, 12 de março de 2024) is read, then number, dates, parties, tax ids, amounts and currency are found', () => {
    const text = [
      'Oficina Sousa, Lda.',
      'Rua de Santa Catarina 120',
      '4000-447 Porto',
      'NIF: PT501964843',
      '',
      'FATURA',
      'Fatura n.º FT 2024/315',
      'Data de emissão: 12 de março de 2024',
      'Data de vencimento: 11-04-2024',
      '',
      'Cliente:',
      'Café Central, Lda.',
      'Avenida da Liberdade 55, 1250-142 Lisboa',
      'NIF: PT503504564',
      '',
      'Descrição                        Qtd.     Preço unit.     Total',
      'Revisão geral                       1        980,00      980,00',
      'Substituição de pneus               4         63,64      254,56',
      '',
      '                              Total sem IVA           1.234,56 €',
      '                              IVA 23%                   283,95 €',
      '                              Total a pagar           1.518,51 €',
    ].join('\n');
    expect(detectLanguage(text)).toBe('pt');
    const { fields } = extractFields('invoice', text, 'pt');
    expect(values(fields)).toMatchObject({
      invoiceNumber: 'FT 2024/315',
      issueDate: '2024-03-12',
      dueDate: '2024-04-11',
      sellerName: 'Oficina Sousa, Lda.',
      sellerTaxId: 'PT501964843',
      buyerTaxId: 'PT503504564',
      buyerName: 'Café Central, Lda.',
      subtotal: 1234.56,
      taxAmount: 283.95,
      total: 1518.51,
      currency: 'EUR',
    });
  });

  test('when a French tax table lists two VAT rates beside a Total taxes line, then the tax is counted once', () => {
    const text = [
      'Facture FA-2024-0200',
      '         Taxe               Base         Montant                      Total HT      500,00 €',
      'TVA 20,0%                 100,00 €        20,00 €',
      '                                                                   Total taxes       42,00 €',
      'TVA 5,5%                  400,00 €        22,00 €',
      '                                                                     Total TTC      542,00 €',
    ].join('\n');
    const { fields, tables } = extractFields('invoice', text, 'fr');
    expect(values(fields)).toMatchObject({ subtotal: 500, taxAmount: 42, total: 542 });
    expect(tables.taxLines).toHaveLength(2);
  });
});
