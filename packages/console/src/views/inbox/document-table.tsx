import type { DocumentSummary } from '../../api/types';
import { formatDate, t } from '../../i18n';
import { navigate } from '../../router';
import { Link } from '../link';
import { ListTable, type Column } from '../list-table';
import { ConfidenceBadge, DocTypeName, StatusBadge } from '../status';

/** Built at each render, so the headers follow the language. */
const columns = (): Column<DocumentSummary>[] => [
  {
    header: t('inbox.file'),
    cell: (d) => (
      <Link class="row-link" to={`/documents/${d.id}`}>
        {d.filename}
      </Link>
    ),
  },
  { header: t('inbox.status'), cell: (d) => <StatusBadge status={d.status} /> },
  { header: t('inbox.type'), cell: (d) => <DocTypeName docType={d.docType} /> },
  { header: t('inbox.confidence'), cell: (d) => <ConfidenceBadge confidence={d.confidence} /> },
  { header: t('inbox.created'), cell: (d) => formatDate(d.createdAt) },
];

/** Documents as rows that open on click; `selected` (an index from `offset`) is the j/k row. */
export function DocumentTable(props: {
  label: string;
  items: readonly DocumentSummary[];
  offset: number;
  selected: number;
}) {
  return (
    <ListTable
      label={props.label}
      columns={columns()}
      rows={props.items}
      rowKey={(d) => d.id}
      rowProps={(d, i) => ({
        class: props.offset + i === props.selected ? 'selected' : undefined,
        onClick: () => navigate(`/documents/${d.id}`),
      })}
    />
  );
}
