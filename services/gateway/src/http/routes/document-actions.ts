import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  cancelBodySchema,
  documentViewSchema,
  idParamsSchema,
  reviewBodySchema,
  type ExtractedField,
} from '@docflow/contracts';
import { joinPages, type DocumentRecord } from '@docflow/documents';
import type { AppDeps } from '../../app-deps';
import { documentView } from '../../domain/document-view';
import { rememberVendorLayout } from '../../domain/review-lesson';
import { tenantOf } from '../auth';
import { baseUrl } from '../base-url';
import { errorResponses } from '../schemas';
import { runCommand } from '../run-command';

/** Cancel, retry and review: commands through the state machine, events through the outbox. */
export function documentActionRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/v1/documents/:id/cancel',
      {
        schema: {
          summary: 'Cancel a document: every later stage drops it and it is never published',
          tags: ['documents'],
          params: idParamsSchema,
          body: cancelBodySchema,
          response: { 200: documentViewSchema, ...errorResponses },
        },
      },
      async (request) => {
        const tenant = tenantOf(request);
        const record = await runCommand(deps, tenant._id, request.params.id, {
          kind: 'cancel',
          by: keyOf(request),
          ...(request.body.reason ? { reason: request.body.reason } : {}),
        });
        return documentView(record, baseUrl(request, deps.config.PUBLIC_BASE_URL));
      },
    );

    app.post(
      '/v1/documents/:id/retry',
      {
        schema: {
          summary: 'Retry a failed document from the stage that failed',
          tags: ['documents'],
          params: idParamsSchema,
          response: { 200: documentViewSchema, ...errorResponses },
        },
      },
      async (request) => {
        const record = await runCommand(deps, tenantOf(request)._id, request.params.id, {
          kind: 'retry',
          by: keyOf(request),
        });
        return documentView(record, baseUrl(request, deps.config.PUBLIC_BASE_URL));
      },
    );

    app.post(
      '/v1/documents/:id/review',
      {
        schema: {
          summary:
            "Correct the type and fields; publishes the correction, keeps it for training and teaches the vendor's layout",
          tags: ['documents'],
          params: idParamsSchema,
          body: reviewBodySchema,
          response: { 200: documentViewSchema, ...errorResponses },
        },
      },
      async (request) => {
        const tenant = tenantOf(request);
        const fields = Object.fromEntries(
          Object.entries(request.body.fields).map(([name, value]) => [name, asField(value)]),
        );
        const record = await runCommand(deps, tenant._id, request.params.id, {
          kind: 'review',
          by: keyOf(request),
          docType: request.body.docType,
          fields,
          ...(request.body.tables ? { tables: request.body.tables } : {}),
        });
        const text = await reviewedText(deps, record);
        await keepTrainingExample(deps, record, text);
        await rememberVendorLayout(deps.vendorLayouts, record, text, new Date());
        return documentView(record, baseUrl(request, deps.config.PUBLIC_BASE_URL));
      },
    );
  };
}

function keyOf(request: { principal: { kind: string; keyId?: string } | null }): string {
  return request.principal?.kind === 'tenant' ? `key:${request.principal.keyId}` : 'admin';
}

function asField(value: ExtractedField | string | number | boolean | null): ExtractedField {
  return value !== null && typeof value === 'object' ? value : { value, confidence: 1 };
}

/** The reviewed document's text; null once retention purged it (or it never had one). */
async function reviewedText(deps: AppDeps, record: DocumentRecord): Promise<string | null> {
  if (!record.result?.docType || !record.text || record.purgedAt) return null;
  return joinPages((await deps.texts.load(record.text.ref)).pages);
}

/** A reviewed document becomes a labelled example for its tenant's classifier (never another's). */
async function keepTrainingExample(
  deps: AppDeps,
  record: DocumentRecord,
  text: string | null,
): Promise<void> {
  if (!record.result?.docType) return;
  await deps.trainingExamples.keep(`${record._id}:${record.version}`, {
    tenantId: record.tenantId,
    documentId: record._id,
    docType: record.result.docType,
    fields: record.result.extraction.fields,
    tables: record.result.extraction.tables ?? {},
    text,
    language: record.result.language ?? null,
    reviewedBy: record.result.reviewed?.by ?? null,
    createdAt: new Date(),
  });
}
