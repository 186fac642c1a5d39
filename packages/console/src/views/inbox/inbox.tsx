import { useEffect, useRef, useState } from 'preact/hooks';
import { ok } from '../../api/client';
import { followEvents } from '../../api/live-events';
import type { DocumentCounts, DocumentSummary } from '../../api/types';
import { useConsole } from '../../context';
import { t } from '../../i18n';
import { ErrorNote } from '../status';
import { DocumentTable } from './document-table';
import { FilterForm, type Filters } from './filter-form';
import { StatusCounts } from './status-counts';
import { useKeyboardRows } from './use-keyboard-rows';

const PAGE = 50;
/** Live events come in bursts (a batch moving through a stage): the inbox reads again after a pause. */
const REFRESH_AFTER_MS = 750;

interface Listing {
  items: DocumentSummary[];
  next: string | null;
  /** More than the first page is shown: a refresh would drop what the reviewer loaded. */
  extended: boolean;
}

/**
 * Documents newest first, the review queue on top, with the count of each status. Counts and lists
 * are read again (debounced) on each live event; statuses change in place at once. j/k move
 * between rows, Enter opens one.
 */
export function Inbox() {
  const { api, session } = useConsole();
  const [filters, setFilters] = useState<Filters>({});
  const [counts, setCounts] = useState<DocumentCounts | null>(null);
  const [queue, setQueue] = useState<Listing | null>(null);
  const [list, setList] = useState<Listing | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [live, setLive] = useState(false);
  const rowsRef = useRef<HTMLDivElement>(null);
  const separateQueue = !filters.status;
  const countFilters = {
    docType: filters.docType,
    batchId: filters.batchId,
    createdFrom: filters.createdFrom,
    createdTo: filters.createdTo,
  };
  // what the live refresh reads: the lists as they are when it fires, not when it was set up
  const shown = useRef({ queue, list });
  shown.current = { queue, list };

  const page = async (status: Filters['status'], cursor?: string) => {
    const query = { ...filters, ...(status ? { status } : {}), limit: PAGE };
    const found = await ok(
      api.GET('/v1/documents', { params: { query: cursor ? { ...query, cursor } : query } }),
    );
    return { items: found.items, next: found.nextCursor };
  };
  const loadCounts = async () =>
    setCounts(await ok(api.GET('/v1/documents/counts', { params: { query: countFilters } })));
  const loadQueue = async () =>
    setQueue(separateQueue ? { ...(await page('needs_review')), extended: false } : null);
  const loadList = async () => setList({ ...(await page(filters.status)), extended: false });
  const more = (target: 'queue' | 'list') => async () => {
    const [current, set] = target === 'queue' ? [queue, setQueue] : [list, setList];
    if (!current?.next) return;
    const next = await page(target === 'queue' ? 'needs_review' : filters.status, current.next);
    set({ items: [...current.items, ...next.items], next: next.next, extended: true });
  };

  const key = JSON.stringify(filters);
  useEffect(() => {
    setCounts(null);
    Promise.all([loadCounts(), loadQueue(), loadList()]).then(() => setError(null), setError);
  }, [key]);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    // one read at a time: events during a read ask for one more read after it (a tenant's counts
    // cost a scan of its documents on FerretDB, so reads must not pile up)
    let reading = false;
    let again = false;
    const read = () => {
      if (reading) {
        again = true;
        return;
      }
      reading = true;
      // the lists keep pages the reviewer loaded; the counts are always read again
      const { queue: q, list: l } = shown.current;
      Promise.all([loadCounts(), q?.extended ? null : loadQueue(), l?.extended ? null : loadList()])
        .then(() => setError(null), setError)
        .finally(() => {
          reading = false;
          if (!again) return;
          again = false;
          refresh();
        });
    };
    const refresh = () => {
      clearTimeout(timer);
      timer = setTimeout(read, REFRESH_AFTER_MS);
    };
    const stop = followEvents(
      session.key,
      {},
      {
        onConnected: setLive,
        onSnapshot: refresh,
        onEvent: (event) => {
          if (event.documentId && event.status) {
            const moved = (l: Listing | null) =>
              l && {
                ...l,
                items: l.items.map((d) =>
                  d.id === event.documentId
                    ? { ...d, status: event.status as DocumentSummary['status'] }
                    : d,
                ),
              };
            setQueue(moved);
            setList(moved);
          }
          refresh();
        },
      },
    );
    return () => {
      clearTimeout(timer);
      stop();
    };
  }, [key]);

  const others = (list?.items ?? []).filter((d) => !separateQueue || d.status !== 'needs_review');
  const queued = queue?.items ?? [];
  const selected = useKeyboardRows(rowsRef, queued.length + others.length);

  return (
    <section class="inbox">
      <div class="heading-row">
        <h1>{t('inbox.title')}</h1>
        <p class={`live ${live ? 'on' : 'off'}`} aria-live="polite">
          {live ? t('common.live') : t('common.offline')}
        </p>
      </div>
      <StatusCounts
        counts={counts}
        current={filters.status}
        onPick={(status) => setFilters({ ...filters, status })}
      />
      <FilterForm key={key} filters={filters} onApply={setFilters} />
      <p class="hint">{t('inbox.keys')}</p>
      <ErrorNote error={error} />
      <div ref={rowsRef}>
        {separateQueue && (
          <section aria-labelledby="queue-heading">
            <h2 id="queue-heading">
              {t('inbox.reviewQueue')}{' '}
              <span class="count" data-testid="review-count">
                {counts
                  ? t('inbox.reviewCount', { count: counts.byStatus.needs_review ?? 0 })
                  : t('common.loading')}
              </span>
            </h2>
            {queued.length > 0 ? (
              <DocumentTable
                label={t('inbox.reviewQueue')}
                items={queued}
                offset={0}
                selected={selected}
              />
            ) : (
              queue && <p>{t('common.none')}</p>
            )}
            <More next={queue?.next} onMore={() => more('queue')().catch(setError)} />
          </section>
        )}
        <section aria-labelledby="list-heading">
          <h2 id="list-heading">
            {separateQueue ? t('inbox.others') : t(`status.${filters.status!}`)}
          </h2>
          {!list ? (
            <p>{t('common.loading')}</p>
          ) : others.length > 0 ? (
            <DocumentTable
              label={separateQueue ? t('inbox.others') : t('inbox.title')}
              items={others}
              offset={queued.length}
              selected={selected}
            />
          ) : (
            <p>{t('common.none')}</p>
          )}
          <More next={list?.next} onMore={() => more('list')().catch(setError)} />
        </section>
      </div>
    </section>
  );
}

function More({ next, onMore }: { next: string | null | undefined; onMore: () => void }) {
  if (!next) return null;
  return (
    <button type="button" class="secondary" onClick={onMore}>
      {t('common.more')}
    </button>
  );
}
