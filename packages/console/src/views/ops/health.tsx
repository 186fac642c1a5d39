import type { HealthReport } from '../../api/types';
import { t } from '../../i18n';
import { ListTable } from '../list-table';

interface Check {
  name: string;
  ok: boolean;
  detail?: string;
  consumers?: number | null;
}

/** The health report: broker, database and each service (by its consumers), ok or not and why. */
export function Health({ report }: { report: HealthReport }) {
  const rows: Check[] = [
    ...Object.entries(report.checks).map(([name, c]) => ({ name, ...c })),
    ...Object.entries(report.services).map(([name, c]) => ({ name, ...c })),
  ];
  return (
    <>
      <h2>
        {t('ops.health')}{' '}
        <span class={`badge ${report.status === 'ok' ? 'status-published' : 'status-failed'}`}>
          {t(report.status === 'ok' ? 'ops.ok' : 'ops.degraded')}
        </span>
      </h2>
      <ListTable
        label={t('ops.health')}
        columns={[
          { header: t('ops.name'), rowHeader: true, cell: (c) => c.name },
          {
            header: t('ops.state'),
            cell: (c) => (
              <span class={`badge ${c.ok ? 'status-published' : 'status-failed'}`}>
                {t(c.ok ? 'ops.ok' : 'ops.down')}
              </span>
            ),
          },
          { header: t('ops.consumers'), cell: (c) => c.consumers ?? '—' },
          { header: t('ops.detail'), cell: (c) => c.detail ?? '' },
        ]}
        rows={rows}
        rowKey={(c) => c.name}
      />
    </>
  );
}
