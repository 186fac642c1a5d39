import type { DocumentView } from '../../api/types';
import { formatDate, formatMs, t } from '../../i18n';
import { fieldLabel } from '../../i18n/field-labels';
import { StatusBadge } from '../status';

/** Findings with their rule and message. */
export function Findings({ doc }: { doc: DocumentView }) {
  const findings = doc.result?.findings ?? [];
  return (
    <section class="findings">
      <h2>{t('doc.findings')}</h2>
      {findings.length === 0 ? (
        <p>{t('doc.noFindings')}</p>
      ) : (
        <ul>
          {findings.map((f) => (
            <li class={`finding severity-${f.severity}`}>
              <strong>{f.severity}</strong> <code>{f.code}</code>
              {f.field ? ` (${fieldLabel(f.field)})` : ''}: {f.message}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Each step of the document's life with the time it took, and the errors met on the way. */
export function Timeline({ doc }: { doc: DocumentView }) {
  return (
    <section class="timeline">
      <h2>{t('doc.timeline')}</h2>
      <ol>
        {doc.timeline.map((entry) => (
          <li class={entry.applied ? undefined : 'late'}>
            <code>{entry.event}</code> <StatusBadge status={entry.status} /> {entry.stage} ·{' '}
            {formatMs(entry.durationMs)} · {formatDate(entry.at)}
          </li>
        ))}
      </ol>
      {doc.errors.length > 0 && (
        <>
          <h3>{t('doc.errors')}</h3>
          <ul class="errors">
            {doc.errors.map((e) => (
              <li>
                {e.stage}: <code>{e.code}</code> {e.message} ({formatDate(e.at)})
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
