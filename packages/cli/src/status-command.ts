import { parseArgs } from 'node:util';
import { checked, JSON_OPTION, strictArgs, uuidArg, type CliContext } from './cli-context';
import { EXIT, UsageError } from './cli-errors';
import type { DocumentView } from './gateway-client';
import { cell, outcome } from './results-table';

/** `docflow status <documentId>`: status, timeline, errors, result, records. */
export async function statusCommand(argv: string[], ctx: CliContext): Promise<number> {
  const { positionals } = parseArgs({ ...strictArgs(argv), options: JSON_OPTION });
  if (positionals.length !== 1) throw new UsageError('status: name one document id');
  const id = checked(uuidArg, positionals[0], 'status: the document id');
  const view = await ctx.gateway('tenant').document(id);
  ctx.print(documentText(view), view);
  return EXIT.ok;
}

/** A document for a person: what happened to it, in order, and what came out. */
export function documentText(view: DocumentView): string {
  const lines = [
    `document ${view.id}  ${view.filename}  ${view.sizeBytes} bytes`,
    `status    ${outcome(view)} (attempt ${view.attempt})${view.batchId ? `  batch ${view.batchId}` : ''}`,
    `created   ${view.createdAt}${view.finishedAt ? `  finished ${view.finishedAt}` : ''}`,
    'timeline',
    ...view.timeline.map(
      (t) =>
        `  ${t.at}  ${cell(t.event, 24)} ${cell(t.status, 14)} ${cell(t.stage, 10)} ${String(t.durationMs).padStart(7)} ms${t.applied ? '' : '  (late, not applied)'}`,
    ),
  ];
  if (view.errors.length > 0)
    lines.push(
      'errors',
      ...view.errors.map(
        (e) =>
          `  ${e.at}  ${e.stage}  ${e.code}: ${e.message} (attempt ${e.attempt}${e.transient ? ', transient' : ''})`,
      ),
    );
  if (view.rejection)
    lines.push(
      `rejected  by ${view.rejection.stage}: ${view.rejection.reason}: ${view.rejection.message}`,
    );
  if (view.cancellation)
    lines.push(
      `cancelled ${view.cancellation.at}${view.cancellation.reason ? `: ${view.cancellation.reason}` : ''}`,
    );
  if (view.result) {
    const r = view.result;
    lines.push(
      `result    ${r.docType ?? 'unknown type'}, confidence ${r.confidence.toFixed(2)} (model ${r.modelVersion})${r.reviewed ? `, reviewed by ${r.reviewed.by}` : ''}`,
    );
    for (const [name, field] of Object.entries(r.fields))
      lines.push(`  ${cell(name, 20)} ${String(field.value)}`);
    for (const f of r.findings) lines.push(`  finding ${f.severity} ${f.code}: ${f.message}`);
  }
  if (view.records.length > 0)
    lines.push(
      `records   ${view.records.map((r) => `${r.collection}/${r.id}`).join(', ')}${view.revision !== null ? ` (revision ${view.revision})` : ''}`,
    );
  return lines.join('\n');
}
