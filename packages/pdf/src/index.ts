export {
  DEFAULT_PDF_BUDGET,
  pdfBudgetFromConfig,
  pdfBudgetSettings,
  type PdfBudget,
} from './budget';
export {
  createPdfEngine,
  type PdfEngine,
  type PdfFile,
  type PdfInfoResult,
  type PdfTools,
} from './pdf-engine';
export {
  limitText,
  PdfError,
  pdfErrorCodes,
  type PdfErrorCode,
  type PdfLimit,
  type PdfProblem,
} from './pdf-error';
export { parseBboxLayout, type BboxPage, type BboxWord } from './bbox-layout';
export { parsePdfInfo, type PageSize, type PdfInfo } from './pdf-info';
export { renderDpiFor, renderedPixels } from './render-scale';
export { findOnPath, runTool, type ToolRun } from './run-tool';
export { startPdfEngine } from './start-pdf-engine';
