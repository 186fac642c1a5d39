import { useState } from 'preact/hooks';
import { ok } from '../../api/client';
import { useConsole } from '../../context';
import { formatDate, t } from '../../i18n';
import { ErrorNote } from '../status';
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
        <div class="table-scroll" tabIndex={0}>
          <table class="list">
            <thead>
              <tr>
                <th scope="col">{t('ops.stage')}</th>
                <th scope="col">{t('ops.event')}</th>
                <th scope="col">{t('ops.reason')}</th>
                <th scope="col">{t('ops.lastError')}</th>
                <th scope="col">{t('ops.when')}</th>
                <th scope="col">
                  <span class="visually-hidden">—</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((d) => (
                <tr key={d.id} data-dead-letter={d.id}>
                  <td>{d.consumer}</td>
                  <td>
                    <code>{d.eventType ?? '—'}</code>
                  </td>
                  <td>
                    {d.reason}
                    {d.errorCode ? ` (${d.errorCode})` : ''}
                  </td>
                  <td class="clip">{d.lastError ?? '—'}</td>
                  <td>{formatDate(d.deadLetteredAt)}</td>
                  <td class="row-actions">
                    <button type="button" class="small" onClick={() => act(d.id, 'replay')}>
                      {t('ops.replay')}
                    </button>
                    <button type="button" class="small danger" onClick={() => act(d.id, 'delete')}>
                      {t('ops.delete')}
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
