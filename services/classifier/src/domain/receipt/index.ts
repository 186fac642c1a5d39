/** What training and evaluation tools read of the receipt decisions (the service imports files). */
export { amountCandidates, type AmountCandidate } from './amount-candidates';
export { totalFeatures, TOTAL_FEATURES } from './total-features';
export { scoreCandidates, valueProbabilities, rankTotals, type TotalChoice } from './total-scorer';
export { prepareText } from '../extract/document-text';
export { detectLanguage } from '../language/detect-language';
