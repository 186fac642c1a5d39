import { useState } from 'preact/hooks';
import { ok } from '../../api/client';
import { useConsole } from '../../context';
import { formatDate, t } from '../../i18n';
import { ErrorNote, StatusBadge } from '../status';
import { ListTable } from '../list-table';
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
        <ListTable
          label={t('ops.jobs')}
          columns={[
            {
              header: t('ops.name'),
              rowHeader: true,
              cell: (j) => <span title={j.description}>{j.name}</span>,
            },
            { header: t('ops.schedule'), cell: (j) => <code>{j.schedule}</code> },
            { header: t('ops.nextRun'), cell: (j) => formatDate(j.nextRunAt) },
            {
              header: t('ops.lastRun'),
              cell: (j) =>
                j.lastRun ? (
                  <>
                    <StatusBadge status={j.lastRun.status} />{' '}
                    {formatDate(j.lastRun.finishedAt ?? j.lastRun.requestedAt)}
                    {j.lastRun.error ? ` — ${j.lastRun.error.code}` : ''}
                  </>
                ) : (
                  '—'
                ),
            },
            {
              header: '',
              cell: (j) => (
                <button type="button" class="small" onClick={() => run(j.name)}>
                  {t('ops.runNow')}
                </button>
              ),
            },
          ]}
          rows={jobs.data.items}
          rowKey={(j) => j.name}
        />
      )}
    </section>
  );
}
