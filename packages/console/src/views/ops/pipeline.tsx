import { ok } from '../../api/client';
import { useConsole } from '../../context';
import type { PipelineView } from '../../api/types';
import { formatDate, t } from '../../i18n';
import { ErrorNote } from '../status';
import { ListTable } from '../list-table';
import { useAsync } from '../use-async';

const n = (v: number | null) => (v === null ? '—' : String(v));

/** Stages with their queues, retries and dead letters; circuit breakers; the health of each dependency. */
export function Pipeline() {
  const { api } = useConsole();
  const pipeline = useAsync(() => ok(api.GET('/v1/pipeline')), []);
  const health = useAsync(async () => {
    const { data, error } = await api.GET('/v1/health');
    return (data ?? error) as unknown;
  }, []);
  return (
    <section>
      <h1>{t('ops.pipeline')}</h1>
      <ErrorNote error={pipeline.error} />
      {pipeline.data && (
        <>
          <p class="hint">{t('ops.source', { source: pipeline.data.source })}</p>
          <ListTable
            label={t('ops.pipeline')}
            columns={[
              { header: t('ops.stage'), rowHeader: true, cell: (s) => s.name },
              { header: t('ops.service'), cell: (s) => s.service },
              { header: t('ops.ready'), cell: (s) => n(s.queue.ready) },
              { header: t('ops.unacked'), cell: (s) => n(s.queue.unacked) },
              {
                header: t('ops.consumers'),
                cell: (s) => (
                  <span class={s.queue.consumers === 0 ? 'warn' : undefined}>
                    {n(s.queue.consumers)}
                  </span>
                ),
              },
              { header: t('ops.retrying'), cell: (s) => n(s.retrying) },
              { header: t('ops.dlq'), cell: (s) => n(s.deadLetterQueue.ready) },
              { header: t('ops.stored'), cell: (s) => s.deadLettersStored },
            ]}
            rows={pipeline.data.stages}
            rowKey={(s) => s.name}
          />
        </>
      )}
      {pipeline.data && <Breakers breakers={pipeline.data.breakers} />}
      <h2>{t('ops.health')}</h2>
      {health.data !== null && (
        <pre class="json" tabIndex={0}>
          {JSON.stringify(health.data, null, 2)}
        </pre>
      )}
      <button type="button" class="secondary" onClick={() => (pipeline.reload(), health.reload())}>
        ↻
      </button>
    </section>
  );
}

const BREAKER_BADGE = {
  closed: 'status-published',
  halfOpen: 'status-needs_review',
  open: 'status-failed',
};

/** Each live process's circuit breakers: state as word and colour, since when. */
function Breakers({ breakers }: { breakers: PipelineView['breakers'] }) {
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
