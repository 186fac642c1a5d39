import { ok } from '../../api/client';
import { useConsole } from '../../context';
import { formatDate, t } from '../../i18n';
import { ErrorNote } from '../status';
import { useAsync } from '../use-async';

/** Tenants with their limits (keys are issued and revoked with `npm run docflow` or the API). */
export function Tenants() {
  const { api } = useConsole();
  const tenants = useAsync(() => ok(api.GET('/v1/tenants')), []);
  return (
    <section>
      <h1>{t('ops.tenants')}</h1>
      <ErrorNote error={tenants.error} />
      {tenants.data && (
        <table class="list">
          <thead>
            <tr>
              <th scope="col">{t('ops.name')}</th>
              <th scope="col">id</th>
              <th scope="col">{t('ops.created')}</th>
              <th scope="col">{t('ops.rateLimit')}</th>
              <th scope="col">{t('ops.retention')}</th>
            </tr>
          </thead>
          <tbody>
            {tenants.data.items.map((x) => (
              <tr key={x.id}>
                <th scope="row">{x.name}</th>
                <td>
                  <code>{x.id}</code>
                </td>
                <td>{formatDate(x.createdAt)}</td>
                <td>{x.rateLimit ?? '—'}</td>
                <td>{x.retentionDays ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
