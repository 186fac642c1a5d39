import type { PipelineView } from '../../api/types';
import { formatDate, t } from '../../i18n';
import { ListTable } from '../list-table';

const BREAKER_BADGE = {
  closed: 'status-published',
  halfOpen: 'status-needs_review',
  open: 'status-failed',
};

/** Each live process's circuit breakers: state as word and colour, since when. */
export function Breakers({ breakers }: { breakers: PipelineView['breakers'] }) {
  return (
    <>
      <h2>{t('ops.breakers')}</h2>
      {breakers.length === 0 ? (
        <p>{t('ops.noBreakers')}</p>
      ) : (
        <ListTable
          label={t('ops.breakers')}
          columns={[
            { header: t('ops.breaker'), rowHeader: true, cell: (b) => <code>{b.name}</code> },
            { header: t('ops.service'), cell: (b) => b.service },
            {
              header: t('ops.state'),
              cell: (b) => (
                <span class={`badge ${BREAKER_BADGE[b.state]}`}>{t(`breaker.${b.state}`)}</span>
              ),
            },
            { header: t('ops.since'), cell: (b) => formatDate(b.since) },
            { header: t('ops.replica'), cell: (b) => b.replica },
          ]}
          rows={breakers}
          rowKey={(b) => `${b.replica}/${b.name}`}
        />
      )}
    </>
  );
}
