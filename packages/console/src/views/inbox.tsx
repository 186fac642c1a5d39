import { useEffect, useRef, useState } from 'preact/hooks';
import { ok } from '../api/client';
import { followEvents } from '../api/live-events';
import {
  DOC_TYPES,
  DOCUMENT_STATUSES,
  type DocumentQuery,
  type DocumentSummary,
} from '../api/types';
import { useConsole } from '../context';
import { formatDate, t } from '../i18n';
import { navigate } from '../router';
import { Link } from './link';
import { ConfidenceBadge, ErrorNote, StatusBadge } from './status';

type Filters = Pick<DocumentQuery, 'status' | 'docType' | 'batchId' | 'createdFrom' | 'createdTo'>;

const PAGE = 50;
/** The review queue is read whole (in pages of 200) up to this many, to count it. */
const QUEUE_CAP = 1000;

/**
 * Documents newest first, the review queue on top; counts and statuses follow the live event
 * stream; j/k move between rows, Enter opens one.
 */
export function Inbox() {
  const { api, session } = useConsole();
  const [filters, setFilters] = useState<Filters>({});
  const [queue, setQueue] = useState<DocumentSummary[] | null>(null);
  const [list, setList] = useState<{ items: DocumentSummary[]; next: string | null } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [live, setLive] = useState(false);
  const [selected, setSelected] = useState(-1);
  const extraPages = useRef(false);
  const rowsRef = useRef<HTMLDivElement>(null);
  const separateQueue = !filters.status;

  const loadQueue = async () => {
    if (!separateQueue) return setQueue(null);
    const items: DocumentSummary[] = [];
    let cursor: string | undefined;
    do {
      const page = await ok(
        api.GET('/v1/documents', {
          params: {
            query: {
              ...filters,
              status: 'needs_review',
              limit: 200,
              ...(cursor ? { cursor } : {}),
            },
          },
        }),
      );
      items.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor && items.length < QUEUE_CAP);
    setQueue(items);
  };
  const loadList = async (cursor?: string) => {
    const page = await ok(
      api.GET('/v1/documents', {
        params: { query: { ...filters, limit: PAGE, ...(cursor ? { cursor } : {}) } },
      }),
    );
    extraPages.current = Boolean(cursor);
    setList((old) => ({
      items: cursor && old ? [...old.items, ...page.items] : page.items,
      next: page.nextCursor,
    }));
  };
  const refresh = () => Promise.all([loadQueue(), loadList()]).then(() => setError(null), setError);

  useEffect(() => {
    void refresh();
  }, [JSON.stringify(filters)]);

  // live: statuses change in place; the queue (and the first page) are read again, at most once a second
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stop = followEvents(
      session.key,
      {},
      {
        onConnected: setLive,
        onEvent: (event) => {
          if (event.documentId && event.status)
            setList((old) =>
              old
                ? {
                    ...old,
                    items: old.items.map((d) =>
                      d.id === event.documentId
                        ? { ...d, status: event.status as DocumentSummary['status'] }
                        : d,
                    ),
                  }
                : old,
            );
          clearTimeout(timer);
          timer = setTimeout(() => {
            void loadQueue().catch(setError);
            if (!extraPages.current) void loadList().catch(setError);
          }, 1000);
        },
      },
    );
    return () => {
      clearTimeout(timer);
      stop();
    };
  }, [JSON.stringify(filters)]);

  const others = (list?.items ?? []).filter((d) => !separateQueue || d.status !== 'needs_review');
  const rows = [...(queue ?? []), ...others];

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement;
      if (
        ['INPUT', 'SELECT', 'TEXTAREA', 'BUTTON'].includes(target.tagName) ||
        e.ctrlKey ||
        e.metaKey ||
        e.altKey
      )
        return;
      if (e.key !== 'j' && e.key !== 'k') return;
      e.preventDefault();
      const next = Math.max(0, Math.min(rows.length - 1, selected + (e.key === 'j' ? 1 : -1)));
      setSelected(next);
      rowsRef.current?.querySelectorAll<HTMLAnchorElement>('a.row-link')[next]?.focus();
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, [rows.length, selected]);

  const table = (items: DocumentSummary[], offset: number, label: string) => (
    <table class="list" aria-label={label}>
      <thead>
        <tr>
          <th scope="col">{t('inbox.file')}</th>
          <th scope="col">{t('inbox.status')}</th>
          <th scope="col">{t('inbox.type')}</th>
          <th scope="col">{t('inbox.confidence')}</th>
          <th scope="col">{t('inbox.created')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((d, i) => (
          <tr
            key={d.id}
            class={offset + i === selected ? 'selected' : undefined}
            onClick={() => navigate(`/documents/${d.id}`)}
          >
            <td>
              <Link class="row-link" to={`/documents/${d.id}`}>
                {d.filename}
              </Link>
            </td>
            <td>
              <StatusBadge status={d.status} />
            </td>
            <td>{d.docType ?? '—'}</td>
            <td>
              <ConfidenceBadge confidence={d.confidence} />
            </td>
            <td>{formatDate(d.createdAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );

  return (
    <section class="inbox">
      <div class="heading-row">
        <h1>{t('inbox.title')}</h1>
        <p class={`live ${live ? 'on' : 'off'}`} aria-live="polite">
          {live ? t('common.live') : t('common.offline')}
        </p>
      </div>
      <FilterForm filters={filters} onApply={setFilters} />
      <p class="hint">{t('inbox.keys')}</p>
      <ErrorNote error={error} />
      <div
        ref={rowsRef}
        onFocusIn={(e) => {
          const links = [...(rowsRef.current?.querySelectorAll('a.row-link') ?? [])];
          const index = links.indexOf(e.target as HTMLAnchorElement);
          if (index >= 0) setSelected(index);
        }}
      >
        {separateQueue && (
          <section aria-labelledby="queue-heading">
            <h2 id="queue-heading">
              {t('inbox.reviewQueue')}{' '}
              <span class="count" data-testid="review-count">
                {queue ? t('inbox.reviewCount', { count: queue.length }) : t('common.loading')}
              </span>
            </h2>
            {queue && queue.length > 0
              ? table(queue, 0, t('inbox.reviewQueue'))
              : queue && <p>{t('common.none')}</p>}
          </section>
        )}
        <section aria-labelledby="list-heading">
          <h2 id="list-heading">
            {separateQueue ? t('inbox.others') : t(`status.${filters.status!}`)}
          </h2>
          {list ? (
            others.length > 0 ? (
              table(
                others,
                queue?.length ?? 0,
                separateQueue ? t('inbox.others') : t('inbox.title'),
              )
            ) : (
              <p>{t('common.none')}</p>
            )
          ) : (
            <p>{t('common.loading')}</p>
          )}
          {list?.next && (
            <button
              type="button"
              class="secondary"
              onClick={() => loadList(list.next!).catch(setError)}
            >
              {t('common.more')}
            </button>
          )}
        </section>
      </div>
    </section>
  );
}

function FilterForm({ filters, onApply }: { filters: Filters; onApply: (f: Filters) => void }) {
  const [draft, setDraft] = useState(filters);
  const set = (name: keyof Filters) => (e: Event) => {
    const value = (e.target as HTMLInputElement).value;
    setDraft((d) => ({ ...d, [name]: value || undefined }));
  };
  const day = (iso: string | undefined) => iso?.slice(0, 10) ?? '';
  const submit = (e: Event) => {
    e.preventDefault();
    onApply({
      ...draft,
      createdFrom: draft.createdFrom
        ? new Date(`${day(draft.createdFrom)}T00:00:00Z`).toISOString()
        : undefined,
      createdTo: draft.createdTo
        ? new Date(`${day(draft.createdTo)}T23:59:59Z`).toISOString()
        : undefined,
    });
  };
  return (
    <form class="filters" onSubmit={submit} aria-label={t('inbox.filters')}>
      <label>
        {t('inbox.status')}
        <select value={draft.status ?? ''} onChange={set('status')}>
          <option value="">{t('common.all')}</option>
          {DOCUMENT_STATUSES.map((s) => (
            <option value={s}>{t(`status.${s}`)}</option>
          ))}
        </select>
      </label>
      <label>
        {t('inbox.type')}
        <select value={draft.docType ?? ''} onChange={set('docType')}>
          <option value="">{t('common.all')}</option>
          {DOC_TYPES.map((d) => (
            <option value={d}>{d}</option>
          ))}
        </select>
      </label>
      <label>
        {t('inbox.batch')}
        <input
          value={draft.batchId ?? ''}
          onInput={set('batchId')}
          pattern="[0-9a-fA-F-]{36}"
          size={20}
        />
      </label>
      <label>
        {t('inbox.from')}
        <input type="date" value={day(draft.createdFrom)} onInput={set('createdFrom')} />
      </label>
      <label>
        {t('inbox.to')}
        <input type="date" value={day(draft.createdTo)} onInput={set('createdTo')} />
      </label>
      <button type="submit">{t('common.apply')}</button>
      <button
        type="button"
        class="secondary"
        onClick={() => {
          setDraft({});
          onApply({});
        }}
      >
        {t('common.clear')}
      </button>
    </form>
  );
}
