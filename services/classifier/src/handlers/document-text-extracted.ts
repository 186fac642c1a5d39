import { joinPages, type TextStore } from '@docflow/documents';
import type { ModelStore } from '@docflow/model';
import { next, permanentError, type EventHandler } from '@docflow/platform';
import type { DocumentProcessor } from '../adapters/worker-processor';
import { capText } from '../domain/cap-text';
import type { ProcessOptions } from '../domain/process-document';

export interface TextExtractedDeps {
  texts: TextStore;
  models: ModelStore;
  /** processDocument under the classifier's budget (a worker thread). */
  process: DocumentProcessor;
  options: Omit<ProcessOptions, 'today'>;
  /** Longer texts are cut to this many characters (a text.truncated finding says so). */
  maxTextChars: number;
  now?: () => Date;
}

/**
 * document.text_extracted → document.classified, or document.needs_review when the type is not
 * certain enough or the amounts do not add up. A structured e-invoice (its XML stored with the
 * text) is decided by its own data: type code, fields, EN 16931 checks. The work runs under the budget of `deps.process`:
 * a document over it fails for good (BUDGET_EXCEEDED, processing.budget_exceeded).
 */
export function createTextExtractedHandler(
  deps: TextExtractedDeps,
): EventHandler<'document.text_extracted'> {
  return async (event, ctx) => {
    const stored = await deps.texts.load(event.payload.text);
    if (stored.tenantId && stored.tenantId !== event.tenantId) {
      throw permanentError('TEXT_TENANT_MISMATCH', 'the referenced text belongs to another tenant');
    }
    const classifier = await deps.models.forTenant(event.tenantId);
    const today = (deps.now?.() ?? new Date()).toISOString().slice(0, 10);
    const { text, finding } = capText(joinPages(stored.pages), deps.maxTextChars);
    const { einvoice } = event.payload;
    const structured =
      einvoice && stored.einvoiceXml !== undefined
        ? { xml: stored.einvoiceXml, container: einvoice.container }
        : undefined;
    const processed = await deps.process(
      classifier,
      text,
      { ...deps.options, today },
      ctx.signal,
      structured,
    );
    const result = finding
      ? { ...processed, findings: [finding, ...processed.findings] }
      : processed;
    ctx.logger.info(
      {
        docType: result.docType,
        confidence: result.confidence,
        outcome: result.outcome,
        findings: result.findings.length,
      },
      'document classified',
    );
    const common = {
      confidence: result.confidence,
      modelVersion: result.modelVersion,
      candidates: result.candidates,
      extraction: result.extraction,
      findings: result.findings,
    };
    if (result.outcome === 'needs_review') {
      return next('document.needs_review', {
        ...common,
        reason: result.reason ?? 'low_confidence',
        docType: result.docType,
      });
    }
    return next('document.classified', {
      ...common,
      docType: result.docType,
      language: result.language,
    });
  };
}
