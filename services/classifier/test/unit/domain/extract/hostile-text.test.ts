import type { DocType } from '@docflow/contracts';
import { extractFields } from '../../../../src/domain/extract/extract-fields';
import { withCpuTime } from '@docflow/testing';

// Texts built to make backtracking regexes blow up: long runs of one character class next to
// patterns that could split them many ways. Each must be read in time linear in its length.
const DOC_TYPES: DocType[] = [
  'invoice',
  'credit_note',
  'receipt',
  'bank_statement',
  'contract',
  'payslip',
  'other',
];
const WITH_TOTAL = new Set<DocType>(['invoice', 'credit_note', 'receipt']);
const SPACES = ' '.repeat(100_000);
/** The most text the classifier gives its extractors (CLASSIFIER_MAX_TEXT_CHARS' default). */
const MAX_CHARS = 200_000;

const HOSTILE: [name: string, text: string][] = [
  [
    '10^5 spaces between words',
    `Acme Trading Ltd${SPACES}Invoice\nNIF:${SPACES}B58378431\nTotal: 12.00`,
  ],
  [
    'Total: followed by 10^5 spaces, then 12.00',
    `Receipt\nCustomer:${SPACES}\nTotal:${SPACES}12.00`,
  ],
  ...['-', '.', '|', '=', ':', '_'].map((sep): [string, string] => [
    `${MAX_CHARS} repeated "${sep}" separators`,
    `Invoice no${sep.repeat(MAX_CHARS / 2)}\n${sep.repeat(MAX_CHARS / 2)}\nTotal: 12.00`,
  ]),
  [
    'a separator run between a label and its value',
    `Invoice\nTotal ${'-'.repeat(MAX_CHARS)} 12.00`,
  ],
  ['spaced separators', `Invoice\n${' -'.repeat(MAX_CHARS / 2)}\nTotal: 12.00`],
  [
    'long digit runs',
    `Invoice ${'7'.repeat(MAX_CHARS / 2)}\n${'1,'.repeat(MAX_CHARS / 4)}\nTotal: 12.00`,
  ],
  ['digits and spaces', `Invoice\nDate ${'1 '.repeat(MAX_CHARS / 2)}\nTotal: 12.00`],
  [
    'unterminated brackets',
    `Invoice (${'('.repeat(100_000)}${'[ '.repeat(100_000)}\nBetween ${'( a '.repeat(100_000)}\nTotal: 12.00`,
  ],
  ['tabs and pipes', `Invoice\n${'\t |'.repeat(MAX_CHARS / 6)}\nTotal: 12.00`],
  ['one label repeated along a line', `Invoice\n${'Total nº '.repeat(50_000)}\nTotal: 12.00`],
  ['blank lines', `Invoice${'\n'.repeat(50_000)}between${' '.repeat(1000)}\nTotal: 12.00`],
  ['dates without years', `Invoice\n${'12 de '.repeat(100_000)}\nTotal: 12.00`],
];

describe('field extraction on hostile text', () => {
  test.each(HOSTILE)(
    'when the text has %s, then every extractor finishes quickly and still finds the total',
    (_name, text) => {
      // Act
      // the backtracking patterns this guards against take minutes of CPU on texts this long; a
      // linear pass over the largest takes about 0.5 s of CPU on a quiet machine, and a megabyte
      // took 5.6 s on a machine with eight times as many runnable threads as cores
      const { result: totals, cpuMs } = withCpuTime(() =>
        DOC_TYPES.map((docType) => {
          const { fields } = extractFields(docType, text, 'en');
          return [docType, fields.total?.value] as const;
        }),
      );

      // Assert
      expect(cpuMs).toBeLessThan(5_000);
      for (const [docType, total] of totals) {
        if (WITH_TOTAL.has(docType)) expect({ docType, total }).toEqual({ docType, total: 12 });
      }
    },
  );
});
