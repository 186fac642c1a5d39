import { useEffect, useState } from 'preact/hooks';
import { ok } from '../api/client';
import { followEvents } from '../api/live-events';
import type { BatchProgress, DocumentView } from '../api/types';
import { useConsole } from '../context';
import { formatMs, t } from '../i18n';
import { Link } from './link';
import { ListTable } from './list-table';
import { ErrorNote, StatusBadge } from './status';

const FAILED = ['failed', 'rejected'];

/** A batch's live progress: X of N, by stage and outcome, p50/p95, failures with their reason. */
export function BatchView({ id }: { id: string }) {
  const { api, session } = useConsole();
  const [batch, setBatch] = useState<BatchProgress | null>(null);
  const [failures, setFailures] = useState<DocumentView[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [live, setLive] = useState(false);

  const load = async () => {
    const progress = await ok(api.GET('/v1/batches/{id}', { params: { path: { id } } }));
    setBatch(progress);
    const failed = (progress.documents ?? []).filter((d) => FAILED.includes(d.status));
    setFailures(
      await Promise.all(
        failed.map((d) => ok(api.GET('/v1/documents/{id}', { params: { path: { id: d.id } } }))),
      ),
    );
  };
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const refresh = () => {
      clearTimeout(timer);
      timer = setTimeout(() => load().then(() => setError(null), setError), 250);
    };
    refresh();
    const stop = followEvents(
      session.key,
      { batchId: id },
      {
        onConnected: setLive,
        onSnapshot: refresh,
        onEvent: refresh,
      },
    );
    return () => {
      clearTimeout(timer);
      stop();
    };
  }, [id]);

  const retry = (path: '/v1/documents/{id}/retry' | '/v1/batches/{id}/retry', target: string) =>
    ok(api.POST(path, { params: { path: { id: target } } } as never))
      .then(load)
      .catch(setError);

  if (!batch) return error ? <ErrorNote error={error} /> : <p>{t('common.loading')}</p>;
  const done = batch.settled === batch.total;
  return (
    <section class="batch">
      <div class="heading-row">
        <h1>
          {t('batch.title')} <code>{id.slice(0, 8)}</code>
        </h1>
        <p class={`live ${live ? 'on' : 'off'}`}>{live ? t('common.live') : t('common.offline')}</p>
      </div>
      <ErrorNote error={error} />
      <p class="progress-line" role="status" data-testid="batch-progress">
        {t('batch.progress', { settled: batch.settled, total: batch.total })}
        {done ? ` — ${t('batch.done')}` : ''}
      </p>
      <progress
        max={batch.total}
        value={batch.settled}
        aria-label={t('batch.progress', { settled: batch.settled, total: batch.total })}
      />
      <p>
        {t('batch.latency', {
          p50: formatMs(batch.latencyMs.p50),
          p95: formatMs(batch.latencyMs.p95),
        })}
      </p>
      <div class="counts">
        <Counts title={t('batch.byStatus')} counts={batch.byStatus} status />
        <Counts title={t('batch.byStage')} counts={batch.byStage} />
      </div>
      {failures.length > 0 && (
        <section>
          <h2>{t('batch.failures')}</h2>
          {failures.some((d) => d.status === 'failed') && (
            <button
              type="button"
              class="secondary"
              onClick={() => retry('/v1/batches/{id}/retry', id)}
            >
              {t('batch.retryFailed')}
            </button>
          )}
          <ul class="failures">
            {failures.map((d) => (
              <li key={d.id}>
                <Link to={`/documents/${d.id}`}>{d.filename}</Link>{' '}
                <StatusBadge status={d.status} />{' '}
                {d.rejection
                  ? `${d.rejection.reason}: ${d.rejection.message}`
                  : (d.errors.at(-1)?.message ?? '')}
                {d.status === 'failed' && (
                  <button
                    type="button"
                    class="secondary small"
                    onClick={() => retry('/v1/documents/{id}/retry', d.id)}
                  >
                    {t('doc.retry')}
                  </button>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      <h2>{t('batch.documents')}</h2>
      <ListTable
        label={t('batch.documents')}
        columns={[
          {
            header: t('inbox.file'),
            cell: (d) => <Link to={`/documents/${d.id}`}>{d.filename}</Link>,
          },
          { header: t('inbox.status'), cell: (d) => <StatusBadge status={d.status} /> },
          { header: t('ops.stage'), cell: (d) => d.stage ?? '—' },
        ]}
        rows={batch.documents ?? []}
        rowKey={(d) => d.id}
      />
    </section>
  );
}

function Counts(props: { title: string; counts: Record<string, number>; status?: boolean }) {
  return (
    <div class="card">
      <h2>{props.title}</h2>
      {Object.values(props.counts).every((n) => n === 0) && <p>{t('common.none')}</p>}
      <dl>
        {Object.entries(props.counts)
          .filter(([, count]) => count > 0)
          .map(([name, count]) => (
            <div class="count-row">
              <dt>{props.status ? <StatusBadge status={name} /> : name}</dt>
              <dd>{count}</dd>
            </div>
          ))}
      </dl>
    </div>
  );
}
