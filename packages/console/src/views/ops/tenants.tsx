import { ok } from '../../api/client';
import { useConsole } from '../../context';
import { formatDate, t } from '../../i18n';
import { ErrorNote } from '../status';
import { ListTable } from '../list-table';
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
        <ListTable
          label={t('ops.tenants')}
          columns={[
            { header: t('ops.name'), rowHeader: true, cell: (x) => x.name },
            { header: 'id', cell: (x) => <code>{x.id}</code> },
            { header: t('ops.created'), cell: (x) => formatDate(x.createdAt) },
            { header: t('ops.rateLimit'), cell: (x) => x.rateLimit ?? '—' },
            { header: t('ops.retention'), cell: (x) => x.retentionDays ?? '—' },
          ]}
          rows={tenants.data.items}
          rowKey={(x) => x.id}
        />
      )}
    </section>
  );
}
