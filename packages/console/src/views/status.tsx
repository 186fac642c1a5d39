import { t } from '../i18n';
import type { DocumentStatus } from '../api/types';
import { confidenceLevel, percent } from '../domain/confidence';

/** A status as a badge: text always, colour as a second cue. */
export function StatusBadge({ status }: { status: DocumentStatus | string }) {
  const key = `status.${status}` as Parameters<typeof t>[0];
  return <span class={`badge status-${status}`}>{t(key)}</span>;
}

/** A document type in the console's language (— when not classified yet). */
export function DocTypeName({ docType }: { docType: string | null | undefined }) {
  if (!docType) return <span>—</span>;
  return <span>{t(`docType.${docType}` as Parameters<typeof t>[0])}</span>;
}

/** Confidence as number, word and colour (never colour alone). */
export function ConfidenceBadge({ confidence }: { confidence: number | null | undefined }) {
  if (confidence === null || confidence === undefined) return <span>—</span>;
  const level = confidenceLevel(confidence);
  return (
    <span class={`badge confidence-${level}`}>
      {percent(confidence)} · {t(`doc.confidence.${level}`)}
    </span>
  );
}

export function ErrorNote({ error }: { error: unknown }) {
  if (!error) return null;
  const message = error instanceof Error ? error.message : String(error);
  return (
    <p class="error" role="alert">
      {t('common.error', { message })}
    </p>
  );
}
