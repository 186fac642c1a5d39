import { useEffect, useState } from 'preact/hooks';
import { ok } from '../api/client';
import { DOC_TYPES, RECORD_KINDS, type RecordKind, type RecordQuery } from '../api/types';
import { useConsole } from '../context';
import { csvColumns, toCsv } from '../domain/csv';
import { t } from '../i18n';
import { ChoiceFilter } from './choice-filter';
import { ListTable } from './list-table';
import { ErrorNote } from './status';

type Row = Record<string, unknown>;
type Filters = Pick<RecordQuery, 'docType' | 'currency' | 'dateFrom' | 'dateTo'>;

/** Invoices, expenses, bank transactions and the archive as tables, filtered, exported as CSV. */
export function Records() {
  const { api } = useConsole();
  const [kind, setKind] = useState<RecordKind>('invoices');
  const [filters, setFilters] = useState<Filters>({});
  const [rows, setRows] = useState<{ items: Row[]; next: string | null } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [exporting, setExporting] = useState(false);

  const page = (cursor?: string) =>
    ok(
      api.GET('/v1/records/{kind}', {
        params: {
          path: { kind },
          query: { ...filters, limit: 100, ...(cursor ? { cursor } : {}) },
        },
      }),
    );
  useEffect(() => {
    setRows(null);
    page().then((p) => setRows({ items: p.items, next: p.nextCursor }), setError);
  }, [kind, JSON.stringify(filters)]);

  const more = async () => {
    if (!rows?.next) return;
    const p = await page(rows.next);
    setRows({ items: [...rows.items, ...p.items], next: p.nextCursor });
  };
  const exportCsv = async () => {
    setExporting(true);
    try {
      const all: Row[] = [];
      let cursor: string | undefined;
      do {
        const p = await page(cursor);
        all.push(...p.items.map((r) => flatten(r)));
        cursor = p.nextCursor ?? undefined;
      } while (cursor);
      const url = URL.createObjectURL(new Blob([toCsv(all)], { type: 'text/csv' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = `${kind}.csv`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    } catch (err) {
      setError(err);
    } finally {
      setExporting(false);
    }
  };

  const flat = (rows?.items ?? []).map((r) => flatten(r));
  const columns = csvColumns(flat).slice(0, 12);
  const set = (name: keyof Filters) => (e: Event) =>
    setFilters((f) => ({ ...f, [name]: (e.target as HTMLInputElement).value || undefined }));
  return (
    <section class="records">
      <h1>{t('records.title')}</h1>
      <form class="filters" onSubmit={(e) => e.preventDefault()}>
        <label>
          {t('records.kind')}
          <select
            value={kind}
            onChange={(e) => setKind((e.target as HTMLSelectElement).value as RecordKind)}
          >
            {RECORD_KINDS.map((k) => (
              <option value={k}>{t(`records.kind.${k}`)}</option>
            ))}
          </select>
        </label>
        <ChoiceFilter
          label={t('inbox.type')}
          value={filters.docType}
          choices={DOC_TYPES}
          name={(d) => t(`docType.${d}`)}
          onChange={(docType) => setFilters((f) => ({ ...f, docType }))}
        />
        <label>
          {t('records.currency')}
          <input value={filters.currency ?? ''} onChange={set('currency')} size={4} maxLength={3} />
        </label>
        <label>
          {t('records.dateFrom')}
          <input type="date" value={filters.dateFrom ?? ''} onChange={set('dateFrom')} />
        </label>
        <label>
          {t('records.dateTo')}
          <input type="date" value={filters.dateTo ?? ''} onChange={set('dateTo')} />
        </label>
        <button type="button" onClick={exportCsv} disabled={exporting}>
          {exporting ? t('records.exporting') : t('records.export')}
        </button>
      </form>
      <ErrorNote error={error} />
      {!rows ? (
        <p>{t('common.loading')}</p>
      ) : flat.length === 0 ? (
        <p>{t('common.none')}</p>
      ) : (
        <ListTable
          label={t(`records.kind.${kind}`)}
          columns={columns.map((c) => ({
            header: c,
            cell: (row: Row) => (row[c] === undefined || row[c] === null ? '' : String(row[c])),
          }))}
          rows={flat}
          rowKey={(row, i) => String(row.id ?? i)}
        />
      )}
      {rows?.next && (
        <button type="button" class="secondary" onClick={() => more().catch(setError)}>
          {t('common.more')}
        </button>
      )}
    </section>
  );
}

/** Nested values as dotted columns (`totals.gross`); arrays stay JSON. */
function flatten(row: Row, prefix = '', out: Row = {}): Row {
  for (const [key, value] of Object.entries(row)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (value && typeof value === 'object' && !Array.isArray(value))
      flatten(value as Row, name, out);
    else out[name] = Array.isArray(value) ? JSON.stringify(value) : value;
  }
  return out;
}
