import { useState } from 'preact/hooks';
import { ok } from '../../api/client';
import { useConsole } from '../../context';
import { formatDate, t } from '../../i18n';
import { ErrorNote, StatusBadge } from '../status';
import { useAsync } from '../use-async';

/** The job catalogue with next and last run; run one now (with its default parameters). */
export function Jobs() {
  const { api } = useConsole();
  const jobs = useAsync(() => ok(api.GET('/v1/jobs')), []);
  const [note, setNote] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const run = async (name: string) => {
    try {
      const answer = (await ok(
        api.POST('/v1/jobs/{name}/runs', { params: { path: { name } }, body: {} } as never),
      )) as { id?: string };
      setNote(t('ops.runQueued', { id: answer.id ?? name }));
      jobs.reload();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <section>
      <h1>{t('ops.jobs')}</h1>
      {note && (
        <p class="note" role="status">
          {note}
        </p>
      )}
      <ErrorNote error={error ?? jobs.error} />
      {jobs.data && (
        <div class="table-scroll" tabIndex={0}>
          <table class="list">
            <thead>
              <tr>
                <th scope="col">{t('ops.name')}</th>
                <th scope="col">{t('ops.schedule')}</th>
                <th scope="col">{t('ops.nextRun')}</th>
                <th scope="col">{t('ops.lastRun')}</th>
                <th scope="col">
                  <span class="visually-hidden">—</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {jobs.data.items.map((j) => (
                <tr key={j.name}>
                  <th scope="row" title={j.description}>
                    {j.name}
                  </th>
                  <td>
                    <code>{j.schedule}</code>
                  </td>
                  <td>{formatDate(j.nextRunAt)}</td>
                  <td>
                    {j.lastRun ? (
                      <>
                        <StatusBadge status={j.lastRun.status} />{' '}
                        {formatDate(j.lastRun.finishedAt ?? j.lastRun.requestedAt)}
                        {j.lastRun.error ? ` — ${j.lastRun.error.code}` : ''}
                      </>
                    ) : (
                      '—'
                    )}
                  </td>
                  <td>
                    <button type="button" class="small" onClick={() => run(j.name)}>
                      {t('ops.runNow')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
