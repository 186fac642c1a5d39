import type { DocType } from '@docflow/contracts';
import { generateContract } from './contract-generator';
import type { Pool } from './fake-data';
import type { GeneratedDoc } from './generated-doc';
import { generateInvoice } from './invoice-generator';
import { localeFor, type Lang } from './locales';
import { addOcrNoise, type NoiseLevel } from './ocr-noise';
import { generateOther } from './other-generator';
import { generatePayslip } from './payslip-generator';
import { createRandom } from './random';
import { generateReceipt } from './receipt-generator';
import { generateStatement } from './statement-generator';

export interface CorpusSpec {
  seed: number;
  pool: Pool;
  perTypeAndLanguage: number;
}

const TYPES: DocType[] = [
  'invoice',
  'receipt',
  'credit_note',
  'bank_statement',
  'contract',
  'payslip',
  'other',
];

/** How often each type arrives clean, lightly or heavily OCR-damaged, or as a till-roll photo. */
const NOISE: Record<string, NoiseLevel[]> = {
  receipt: ['clean', 'light', 'light', 'heavy', 'heavy', 'thermal', 'thermal', 'thermal'],
  default: ['clean', 'clean', 'clean', 'light', 'light', 'heavy', 'heavy', 'thermal'],
};

/** Generates a labelled corpus: every type in EN and ES, many layouts, clean and OCR-noisy. */
export function generateCorpus(spec: CorpusSpec): GeneratedDoc[] {
  const r = createRandom(spec.seed);
  const docs: GeneratedDoc[] = [];
  for (const docType of TYPES) {
    for (const lang of ['en', 'es'] as Lang[]) {
      for (let i = 0; i < spec.perTypeAndLanguage; i += 1) {
        const locale = localeFor(r, lang);
        const id = `${spec.pool}-${docType}-${lang}-${String(i).padStart(4, '0')}`;
        let doc: GeneratedDoc;
        switch (docType) {
          case 'invoice':
          case 'credit_note':
            doc = generateInvoice(r, locale, spec.pool, docType === 'credit_note', id);
            break;
          case 'receipt':
            doc = generateReceipt(r, locale, spec.pool, id);
            break;
          case 'bank_statement':
            doc = generateStatement(r, locale, spec.pool, id);
            break;
          case 'contract':
            doc = generateContract(r, locale, spec.pool, id);
            break;
          case 'payslip':
            doc = generatePayslip(r, locale, spec.pool, id);
            break;
          default:
            doc = generateOther(r, locale, spec.pool, id);
        }
        const noise: NoiseLevel = r.pick(NOISE[docType] ?? NOISE.default!);
        docs.push({ ...doc, noise, text: addOcrNoise(r, doc.text, noise) });
      }
    }
  }
  return docs;
}
