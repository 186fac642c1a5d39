import { useState } from 'preact/hooks';
import { ok } from '../../api/client';
import { useConsole } from '../../context';
import { formatDate, t } from '../../i18n';
import { ErrorNote } from '../status';
import { ListTable } from '../list-table';
import { useAsync } from '../use-async';

/** Dead letters with their reason and last error; replay puts one back on its stage's queue. */
export function DeadLetters() {
  const { api } = useConsole();
  const list = useAsync(
    () => ok(api.GET('/v1/dead-letters', { params: { query: { limit: 100 } } })),
    [],
  );
  const [note, setNote] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const act = async (id: string, what: 'replay' | 'delete') => {
    try {
      if (what === 'replay')
        await ok(api.POST('/v1/dead-letters/{id}/replay', { params: { path: { id } } }));
      else await ok(api.DELETE('/v1/dead-letters/{id}', { params: { path: { id } } }));
      setNote(t(what === 'replay' ? 'ops.replayed' : 'ops.deleted', { id }));
      list.reload();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <section>
      <h1>{t('ops.deadLetters')}</h1>
      {note && (
        <p class="note" role="status">
          {note}
        </p>
      )}
      <ErrorNote error={error ?? list.error} />
      {list.data && list.data.items.length === 0 && <p>{t('common.none')}</p>}
      {list.data && list.data.items.length > 0 && (
        <ListTable
          label={t('ops.deadLetters')}
          columns={[
            { header: t('ops.stage'), cell: (d) => d.consumer },
            { header: t('ops.event'), cell: (d) => <code>{d.eventType ?? '—'}</code> },
            {
              header: t('ops.reason'),
              cell: (d) => `${d.reason}${d.errorCode ? ` (${d.errorCode})` : ''}`,
            },
            { header: t('ops.lastError'), cell: (d) => d.lastError ?? '—', class: 'clip' },
            { header: t('ops.when'), cell: (d) => formatDate(d.deadLetteredAt) },
            {
              header: '',
              class: 'row-actions',
              cell: (d) => (
                <>
                  <button type="button" class="small" onClick={() => act(d.id, 'replay')}>
                    {t('ops.replay')}
                  </button>
                  <button type="button" class="small danger" onClick={() => act(d.id, 'delete')}>
                    {t('ops.delete')}
                  </button>
                </>
              ),
            },
          ]}
          rows={list.data.items}
          rowKey={(d) => d.id}
          rowProps={(d) => ({ 'data-dead-letter': d.id })}
        />
      )}
    </section>
  );
}
