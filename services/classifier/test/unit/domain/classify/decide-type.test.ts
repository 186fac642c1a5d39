import type { DocType } from '@docflow/contracts';
import type { Prediction } from '@docflow/model';
import { decideType } from '../../../../src/domain/classify/decide-type';
import { prepareText } from '../../../../src/domain/extract/document-text';

const INVOICE = [
  'Van Dijk Installatietechniek B.V.',
  'BTW-nummer: NL004495445B01',
  'FACTUUR',
  'Factuurnummer: 2024-0042',
  'Subtotaal        € 284,00',
  'BTW 21%           € 59,64',
  'Totaal te betalen € 343,64',
].join('\n');

const prediction = (docType: DocType, confidence: number): Prediction => ({
  docType,
  confidence,
  coverage: 0.5,
  candidates: [{ docType, probability: confidence }],
});

describe('type decision (model and page structure)', () => {
  test('when the model reads other but the page is a titled invoice with a total and a VAT id, then the type is invoice with the evidence strength and an info finding', () => {
    const decision = decideType(prediction('other', 0.86), prepareText(INVOICE, 'nl'), 0.6);
    expect(decision).toMatchObject({ docType: 'invoice', confidence: 0.9 });
    expect(decision.finding).toMatchObject({ code: 'doc_type.structural', severity: 'info' });
    expect(decision.finding?.message).toContain('the model read other (0.86)');
  });

  test('when the model is unsure of the type the page confirms, then the evidence strength is the confidence', () => {
    const decision = decideType(prediction('invoice', 0.45), prepareText(INVOICE, 'nl'), 0.6);
    expect(decision).toMatchObject({ docType: 'invoice', confidence: 0.9 });
    expect(decision.finding?.message).toMatch(/^confirmed invoice/);
  });

  test('when the model is confident of a type, then the page does not overrule it', () => {
    const decision = decideType(prediction('receipt', 0.93), prepareText(INVOICE, 'nl'), 0.6);
    expect(decision).toEqual({ docType: 'receipt', confidence: 0.93 });
  });

  test('when the model is unsure of another type than the page names, then the model reading stands', () => {
    const decision = decideType(prediction('receipt', 0.45), prepareText(INVOICE, 'nl'), 0.6);
    expect(decision).toEqual({ docType: 'receipt', confidence: 0.45 });
  });

  test('when the page has only a title, then the model reading stands (weak evidence)', () => {
    const decision = decideType(
      prediction('other', 0.8),
      prepareText('FACTUUR\nBedankt!', 'nl'),
      0.6,
    );
    expect(decision).toEqual({ docType: 'other', confidence: 0.8 });
  });
});
