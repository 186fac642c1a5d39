import { ok } from '../../api/client';
import { useConsole } from '../../context';
import { t } from '../../i18n';
import { ErrorNote } from '../status';
import { useAsync } from '../use-async';

const n = (v: number | null) => (v === null ? '—' : String(v));

/** Stages with their queues, retries and dead letters; the health of each dependency. */
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
          <div class="table-scroll" tabIndex={0}>
            <table class="list">
              <thead>
                <tr>
                  <th scope="col">{t('ops.stage')}</th>
                  <th scope="col">{t('ops.service')}</th>
                  <th scope="col">{t('ops.ready')}</th>
                  <th scope="col">{t('ops.unacked')}</th>
                  <th scope="col">{t('ops.consumers')}</th>
                  <th scope="col">{t('ops.retrying')}</th>
                  <th scope="col">{t('ops.dlq')}</th>
                  <th scope="col">{t('ops.stored')}</th>
                </tr>
              </thead>
              <tbody>
                {pipeline.data.stages.map((s) => (
                  <tr>
                    <th scope="row">{s.name}</th>
                    <td>{s.service}</td>
                    <td>{n(s.queue.ready)}</td>
                    <td>{n(s.queue.unacked)}</td>
                    <td class={s.queue.consumers === 0 ? 'warn' : undefined}>
                      {n(s.queue.consumers)}
                    </td>
                    <td>{n(s.retrying)}</td>
                    <td>{n(s.deadLetterQueue.ready)}</td>
                    <td>{s.deadLettersStored}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
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
