import type { DocumentCommand, DocumentRecord } from '@docflow/documents';
import type { AppDeps } from '../app-deps';
import { apiError, apiErrors, type ApiErrorCode } from './errors';

/**
 * Applies a person's command to a tenant's document and publishes what it announces. A refusal
 * (e.g. cancelling a published document) answers 409 with the state machine's reason.
 */
export async function runCommand(
  deps: AppDeps,
  tenantId: string,
  id: string,
  command: DocumentCommand,
): Promise<DocumentRecord> {
  const result = await deps.documents.execute(id, command, { tenantId });
  const { decision } = result;
  if (decision.outcome === 'refused') {
    const code = (
      decision.code in apiErrors ? decision.code : 'DOCUMENT_NOT_CANCELLABLE'
    ) as ApiErrorCode;
    throw apiError(code, decision.message, { status: result.record.status });
  }
  if (result.transition) {
    await deps.outbox
      .flush([result.transition])
      .catch((err: unknown) =>
        deps.logger.warn({ err, documentId: id }, 'publish deferred to the outbox sweep'),
      );
  }
  return result.record;
}
