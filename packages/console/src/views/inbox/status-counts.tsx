import { DOCUMENT_STATUSES, type DocumentCounts, type DocumentStatus } from '../../api/types';
import { t } from '../../i18n';
import { StatusBadge } from '../status';

/**
 * How many documents (under the filters but the status) are in each status, as buttons that
 * filter the inbox to that status; the one filtered on is pressed.
 */
export function StatusCounts(props: {
  counts: DocumentCounts | null;
  current: DocumentStatus | undefined;
  onPick: (status: DocumentStatus | undefined) => void;
}) {
  if (!props.counts) return <p class="hint">{t('common.loading')}</p>;
  const { byStatus, total } = props.counts;
  return (
    <ul class="status-counts" aria-label={t('inbox.counts')} data-testid="status-counts">
      <li>
        <button
          type="button"
          class="count-chip"
          aria-pressed={props.current === undefined}
          onClick={() => props.onPick(undefined)}
        >
          {t('common.all')} <strong>{total}</strong>
        </button>
      </li>
      {DOCUMENT_STATUSES.filter((s) => (byStatus[s] ?? 0) > 0 || s === 'needs_review').map((s) => (
        <li key={s}>
          <button
            type="button"
            class="count-chip"
            aria-pressed={props.current === s}
            onClick={() => props.onPick(props.current === s ? undefined : s)}
          >
            <StatusBadge status={s} /> <strong data-status-count={s}>{byStatus[s] ?? 0}</strong>
          </button>
        </li>
      ))}
    </ul>
  );
}
