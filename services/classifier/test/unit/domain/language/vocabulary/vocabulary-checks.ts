import { findTitle } from '../../../../../src/domain/classify/title-words';
import { prepareText } from '../../../../../src/domain/extract/document-text';
import { findLabels } from '../../../../../src/domain/extract/label-values';
import type { Language } from '../../../../../src/domain/language/language';
import { LABEL_GROUPS, type LabelGroup } from '../../../../../src/domain/language/vocabulary';
import { detectCurrency, parseAmount } from '../../../../../src/domain/normalise/amount';
import { parseDate } from '../../../../../src/domain/normalise/date';

/** The fields a printed label names: the groups with a label that covers all of it. */
export function fieldsNamedBy(label: string, language: Language): LabelGroup[] {
  const doc = prepareText(label, language);
  const width = label.replace(/[\s.:]+$/, '').length;
  return LABEL_GROUPS.filter((group) =>
    findLabels(doc, group).some((hit) => hit.from === 0 && hit.to >= width),
  );
}

/** The type a page headed by `heading` is titled as (undefined: not a title). */
export function titledAs(heading: string, language: Language): string | undefined {
  return findTitle(prepareText(`${heading}\nACME Ltd\nMain Street 1`, language))?.docType;
}

export const isoDate = (text: string): string | undefined => parseDate(text)?.value;

export const amount = (text: string, hint?: 'comma' | 'dot') => {
  const parsed = parseAmount(text, hint);
  return parsed && { value: parsed.value, currency: parsed.currency };
};

export { detectCurrency };
