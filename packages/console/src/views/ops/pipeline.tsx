import { ok } from '../../api/client';
import { useConsole } from '../../context';
import type { HealthReport } from '../../api/types';
import { t } from '../../i18n';
import { ErrorNote } from '../status';
import { ListTable } from '../list-table';
import { Breakers } from './breakers';
import { Health } from './health';
import { useAsync } from '../use-async';

const n = (v: number | null) => (v === null ? '—' : String(v));

/** Stages with their queues, retries and dead letters; circuit breakers; the health of each dependency. */
export function Pipeline() {
  const { api } = useConsole();
  const pipeline = useAsync(() => ok(api.GET('/v1/pipeline')), []);
  // 503 answers the same report (something is down): shown, not thrown
  const health = useAsync(async () => {
    const { data, error } = await api.GET('/v1/health');
    if (data) return data;
    return error && typeof error === 'object' && 'checks' in error ? (error as HealthReport) : null;
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
      {health.data && <Health report={health.data} />}
      <button type="button" class="secondary" onClick={() => (pipeline.reload(), health.reload())}>
        {t('common.refresh')}
      </button>
    </section>
  );
}
