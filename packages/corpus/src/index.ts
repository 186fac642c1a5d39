// The classifier's synthetic corpus and its tools: the generator, the committed corpus (train and
// held-out splits, the hand-written sanity set) and how eval compares a field with the truth. The
// commands (`npm run corpus`, `train`, `eval`) are `src/cli/`.
export { corpusDir } from './cli/paths';
export { loadCorpus } from './cli/load-corpus';
export { valuesEqual, valuesMatch } from './evaluation/field-match';
export { readSroieKey } from './evaluation/sroie-truth';
export { readCii } from './evaluation/cii-truth';
export { embeddedInvoiceXml } from './evaluation/embedded-xml';
export { sharedDatasetsDir } from './evaluation/shared-datasets';
export { generateCorpus, type CorpusSpec } from './generator/generate-corpus';
export type { GeneratedDoc } from './generator/generated-doc';
